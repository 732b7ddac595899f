import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidOptionsError } from "../../core/errors.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { optionalSchema, optionsSchema } from "../../core/internal/optionChecks.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { fieldSchema, parseOptions } from "../../core/options.js";
import { customerShareShape } from "../customerShare.js";
import { CUSTOMER_SHARE_INPUTS_DEFAULTS, customerShareInputsShape } from "../customerShareInputs.js";

/**
 * Crm's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schema as it was, beside its rules
 * now: on random options, both must give the same options (defaults filled in) or the same issues.
 */

const shareFraction = z
  .number()
  .check(z.gte(0, "must be a fraction in [0, 1]"), z.lte(1, "must be a fraction in [0, 1]"));
const shareIndex = z
  .number()
  .check(z.gt(0, "must be an index > 0 (1 = market average)"), z.refine(Number.isFinite, "must be finite"));
const ignored = optionalSchema(z.custom());

interface Case {
  readonly shape: OptionShape;
  readonly defaults?: Record<string, unknown>;
  readonly before: Parameters<typeof parseOptions>[1];
  /** Values of the options beyond the common ones below. */
  readonly values?: readonly unknown[];
}

const CASES: Record<string, Case> = {
  customerShare: {
    shape: customerShareShape,
    defaults: { selectivity: 1, priceSelectivity: 1 },
    before: optionsSchema({
      penetration: shareFraction,
      loyalty: shareFraction,
      selectivity: z._default(shareIndex, 1),
      priceSelectivity: z._default(shareIndex, 1),
      marketCustomers: ignored,
      ourBuyers: ignored,
      ourVolume: ignored,
      marketVolume: ignored,
      ourBuyersVolume: ignored,
      ourRevenue: ignored,
      marketRevenue: ignored,
    }),
  },
  customerShareInputs: {
    shape: customerShareInputsShape,
    defaults: CUSTOMER_SHARE_INPUTS_DEFAULTS,
    before: optionsSchema({
      ours: fieldSchema,
      customer: z._default(fieldSchema, "customerId"),
      quantity: z._default(z.nullable(fieldSchema), null),
      amount: z._default(z.nullable(fieldSchema), null),
      customers: optionalSchema(z.array(z.custom())),
      customerId: z._default(fieldSchema, "customerId"),
    }),
  },
};

/** What a check gives: the options it returns, or the issues of the error it throws. */
function outcome(check: () => unknown): { options?: unknown; issues?: unknown } {
  try {
    return { options: check() };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return { issues: error.issues };
  }
}

const accessor = (record: { spend?: number }) => record.spend;

/** Values of every kind crm's options take, and near misses. */
const COMMON: readonly unknown[] = [
  undefined,
  null,
  0,
  1,
  2,
  0.5,
  1.5,
  -1,
  1e20,
  -1e20,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  false,
  "",
  "x",
  "customerId",
  "month",
  "week",
  "hour",
  "bogus",
  [],
  ["a"],
  ["a", "a"],
  ["a", ""],
  ["a", 1],
  [{ customerId: "a" }],
  {},
  { low: 1, high: 2 },
  { low: 2, high: 1 },
  { records: [] },
  { records: [], date: "day" },
  { records: [], colour: 1 },
  new Date(0),
  accessor,
];

describe("crm's option rules", () => {
  for (const [name, { shape, defaults = {}, before, values = [] }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      const anyValue = fc.oneof(fc.constantFrom(...COMMON, ...values), fc.double(), fc.integer());
      fc.assert(
        fc.property(
          fc.oneof(
            fc.dictionary(
              fc.constantFrom(...names, ...names.map((option) => `${option}s`), "colour", "__proto__"),
              anyValue,
              { maxKeys: 6 },
            ),
            anyValue,
          ),
          (options) => {
            const now = outcome(() => withDefaults(checkOptions(name, shape, options), defaults));
            expect(now).toEqual(outcome(() => parseOptions(name, before, options)));
          },
        ),
        { numRuns: 400 },
      );
    });
  }
});
