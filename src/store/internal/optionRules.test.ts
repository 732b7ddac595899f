import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { outcome, randomOptions } from "../../../test/optionOutcome.js";
import { optionalSchema, optionsSchema } from "../../../test/zodOracle/optionChecks.js";
import { oneOf, parseOptions, seedSchema, wholeNumber } from "../../../test/zodOracle/options.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { generateStoreShape, STORE_DEFAULTS } from "../generateStore.js";
import { storeChurnTableShape } from "../storeChurnTable.js";

/**
 * Store's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schema as it was, beside its rules
 * now: on random options, both must give the same options (defaults filled in) or the same issues.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const isCalendarDay = (text: string): boolean => {
  const match = ISO_DAY.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days && year >= 1900 && year <= 2200;
};

interface Case {
  readonly shape: OptionShape;
  readonly defaults: Record<string, unknown>;
  readonly before: Parameters<typeof parseOptions>[1];
}

const CASES: Record<string, Case> = {
  generateStore: {
    shape: generateStoreShape,
    defaults: STORE_DEFAULTS,
    before: optionsSchema({
      seed: z._default(seedSchema, 1),
      customers: optionalSchema(
        z
          .number()
          .check(
            wholeNumber("expected a whole number of customers"),
            z.gte(1),
            z.lte(100_000, "at most 100 000 customers (about 4 million lines)"),
          ),
      ),
      orderLines: optionalSchema(
        z
          .number()
          .check(
            wholeNumber("expected a whole number of order lines"),
            z.gte(1),
            z.lte(5_000_000, "at most 5 000 000 order lines"),
          ),
      ),
      start: z._default(
        z
          .string()
          .check(z.refine(isCalendarDay, "expected an ISO calendar date YYYY-MM-DD between 1900 and 2200")),
        "2024-01-01",
      ),
      months: z._default(
        z.number().check(wholeNumber("expected a whole number of months"), z.gte(1), z.lte(240)),
        24,
      ),
      surveyRate: z._default(z.number().check(z.gte(0), z.lte(1)), 0.3),
    }),
  },
  storeChurnTable: {
    shape: storeChurnTableShape,
    defaults: { windowDays: 180, population: "active" },
    before: optionsSchema({
      cutoff: z
        .string()
        .check(
          z.refine(
            (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && Number.isFinite(Date.parse(text)),
            "expected an ISO date YYYY-MM-DD",
          ),
        ),
      windowDays: z._default(
        z.number().check(wholeNumber("expected a whole number of days"), z.minimum(1)),
        180,
      ),
      population: z._default(oneOf(["active", "recent buyers"]), "active"),
    }),
  },
};

/** Values of every kind store's options take, and near misses. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    2,
    0.3,
    1.5,
    -1,
    240,
    241,
    100_000,
    100_001,
    5_000_000,
    5_000_001,
    1e20,
    -1e20,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    true,
    "",
    "x",
    "2024-01-01",
    "2024-02-30",
    "1899-12-31",
    "2025-06-30",
    "2025-13-01",
    "2025-06-30T00:00:00Z",
    "active",
    "recent buyers",
    "bogus",
    [],
    [1],
    {},
    { low: 1 },
    new Date(0),
    () => 1,
  ),
  fc.double(),
  fc.integer(),
);

describe("store's option rules", () => {
  for (const [name, { shape, defaults, before }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      fc.assert(
        fc.property(fc.oneof(randomOptions(names, anyValue, 6), anyValue), (options) => {
          const now = outcome(() => withDefaults(checkOptions(name, shape, options), defaults));
          expect(now).toEqual(outcome(() => parseOptions(name, before, options)));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("a fraction of a day and a day beyond the safe integers are worded as zod worded them", () => {
    const issues = (options: unknown) =>
      outcome(() => checkOptions("storeChurnTable", storeChurnTableShape, options)).issues;
    expect(issues({ cutoff: "2025-06-30", windowDays: 1.5 })).toEqual([
      { path: "windowDays", message: "expected a whole number of days (received 1.5)", received: 1.5 },
    ]);
    expect(issues({ cutoff: "2025-06-31x", windowDays: -1e20 })).toEqual([
      {
        path: "cutoff",
        message: 'expected an ISO date YYYY-MM-DD (received "2025-06-31x")',
        received: "2025-06-31x",
      },
      {
        path: "windowDays",
        message: "expected a whole number of days (received -100000000000000000000)",
        received: -1e20,
      },
      {
        path: "windowDays",
        message: "Too small: expected number to be >=1 (received -100000000000000000000)",
        received: -1e20,
      },
    ]);
  });
});
