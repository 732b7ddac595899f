import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  edgeValues,
  type Outcome,
  outcome,
  randomOptions,
  withoutStrayLength,
} from "../../../test/optionOutcome.js";
import { optionalSchema, optionsSchema } from "../../../test/zodOracle/optionChecks.js";
import { dateSchema, lengthAtLeast, parseOptions, wholeNumber } from "../../../test/zodOracle/options.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { configureDuckDBShape } from "../configureDuckDB.js";
import { inactivityRiskShape } from "../inactivityRisk.js";
import { transactionsFromShape } from "../transactionsFrom.js";

/**
 * The options of clientele/duckdb's configureDuckDB, inactivityRisk and transactionsFrom were checked by
 * zod schemas run through parseOptions until session 8; they are now checked by core's option rules
 * (checkOptions). Below, each function's schema as it was beside its rules now: on random options, both
 * must give the same options (defaults filled in) or the same issues (path, message, value received).
 * (The other twins take the options of clientele/sql's functions, checked there.)
 */

const MEMORY = /^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)\s*$/i;
const column = () => z.string().check(lengthAtLeast(1));

interface Case {
  readonly shape: OptionShape;
  readonly before: Parameters<typeof parseOptions>[1];
  readonly defaults?: Record<string, unknown>;
  /** The options that take a string: zod also ran their length check on a value that is not one. */
  readonly strings: readonly string[];
  /** Valid required options, for random options laid over them (so that many pass). */
  readonly base?: Record<string, unknown>;
}

const CASES: Record<string, Case> = {
  configureDuckDB: {
    shape: configureDuckDBShape,
    strings: ["tempDirectory"],
    before: optionsSchema({
      memoryLimit: optionalSchema(
        z.union([
          z
            .string()
            .check(z.refine((text) => MEMORY.test(text), 'expected a size such as "1GB" or "512MiB"')),
          z.number().check(wholeNumber(), z.minimum(1_048_576)),
        ]),
      ),
      threads: optionalSchema(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1024))),
      tempDirectory: optionalSchema(
        z.string().check(
          lengthAtLeast(1),
          z.refine((text) => !text.includes("\u0000"), "expected a path without NUL characters"),
        ),
      ),
    }),
  },
  transactionsFrom: {
    shape: transactionsFromShape,
    strings: ["transaction", "item"],
    base: { transaction: "orderId", item: "product" },
    before: optionsSchema({ transaction: column(), item: column() }),
  },
  inactivityRisk: {
    shape: inactivityRiskShape,
    strings: ["customer", "date"],
    base: { customer: "customerId", date: "date", asOf: "2025-12-31" },
    defaults: { priorWeight: 2, bandLimits: [1, 2, 4] },
    before: optionsSchema({
      customer: column(),
      date: column(),
      asOf: dateSchema,
      priorWeight: z._default(
        z.number().check(
          z.gte(0),
          z.refine((v) => Number.isFinite(v), "must be finite"),
        ),
        2,
      ),
      populationGapDays: optionalSchema(
        z.number().check(
          z.positive(),
          z.refine((v) => Number.isFinite(v), "must be finite"),
        ),
      ),
      bandLimits: z._default(
        z
          .tuple([
            z.number().check(z.positive()),
            z.number().check(z.positive()),
            z.number().check(z.positive()),
          ])
          .check(z.refine(([a, b, c]) => a < b && b < c, "band limits must increase")),
        [1, 2, 4],
      ),
    }),
  },
};

function bothOutcomes(name: string, options: unknown): { now: Outcome; before: Outcome } {
  const { shape, before, defaults = {} } = CASES[name] as Case;
  return {
    now: outcome(() => withDefaults(checkOptions(name, shape, options), defaults)),
    before: outcome(() => parseOptions(name, before, options)),
  };
}

/** Values of every kind these options take, and near misses. */
const anyValue = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      ...edgeValues,
      2,
      1024,
      1025,
      1_048_576,
      1_048_575,
      2 ** 30,
      "1GB",
      " 512 MiB ",
      "1.5gb",
      "lots",
      "1GB'; DROP TABLE x; --",
      "/tmp/spill",
      "/tmp/a\u0000b",
      "\u0000",
      "2025-12-31",
      "not a date",
      [],
      ["a"],
      [1, 2, 4],
      [1.5, 2.5, 4],
      [4, 2, 1],
      [1, 1, 2],
      [0, 1, 2],
      [-1, -2, 3],
      [1, 2],
      [1, 2, 4, 8],
      [1, "2", 4],
      [1, Number.NaN, 4],
      [1, Number.POSITIVE_INFINITY, 4],
      [1, null, -4],
      [0, 0, 0, 0],
      [3, 2, 1, 0],
      // biome-ignore lint/suspicious/noSparseArray: a hole is a missing limit
      [1, , 4],
      { a: 1 },
      new Date(0),
      new Date(Number.NaN),
      () => 1,
      (record: { id: string }) => record.id,
    ),
  },
  fc.string(),
  // band limits: ties, disorder, zero and negative limits, a limit short or too many
  fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 2, maxLength: 4 }),
  fc.tuple(fc.double(), fc.double(), fc.double()),
  fc.array(fc.oneof(fc.double(), fc.constantFrom("a", null)), { maxLength: 5 }),
  fc.double(),
  fc.integer(),
);

describe("duckdb's option rules", () => {
  for (const [name, { shape, base = {} }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      const someOptions = randomOptions(names, anyValue, 6);
      // one option changed from valid ones, and any options
      const oneChanged = fc
        .tuple(fc.constantFrom(...names), anyValue)
        .map(([option, value]) => ({ ...base, [option]: value }));
      fc.assert(
        fc.property(
          fc.oneof(
            oneChanged,
            someOptions.map((options) => ({ ...base, ...options })),
            someOptions,
            anyValue,
          ),
          (options) => {
            const { now, before } = bothOutcomes(name, options);
            expect(now).toEqual(withoutStrayLength(before, (CASES[name] as Case).strings));
          },
        ),
        { numRuns: 1000 },
      );
    });
  }

  it("inactivityRisk reports an empty array as the customer column once, as not a string, where zod also asked for a longer one", () => {
    const options = { customer: [], date: "date", asOf: "2025-12-31" };
    const { now, before } = bothOutcomes("inactivityRisk", options);
    const notAString = {
      path: "customer",
      message: "expected a string, received an array (received [])",
      received: [],
    };
    expect(before.issues).toEqual([
      notAString,
      { ...notAString, message: "Too small: expected array to have >=1 items (received [])" },
    ]);
    expect(now.issues).toEqual([notAString]);
  });

  it("inactivityRisk words band limits and a missing date as zod did", () => {
    const { now } = bothOutcomes("inactivityRisk", {
      customer: "id",
      date: "day",
      bandLimits: [2, "x", -1, 5],
      priorWeight: Number.POSITIVE_INFINITY,
    });
    expect(now.issues?.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      "asOf: required: expected a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds",
      "priorWeight: expected a number >= 0, received a number (received Infinity)",
      'bandLimits: Too big: expected array to have <=3 items (received [2,"x",-1,5])',
      'bandLimits.1: expected a number > 0, received a string (received "x")',
      "bandLimits.2: Too small: expected number to be >0 (received -1)",
    ]);
  });
});
