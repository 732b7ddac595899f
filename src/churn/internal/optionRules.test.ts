import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidOptionsError } from "../../core/errors.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { optionalSchema, optionsSchema } from "../../core/internal/optionChecks.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { dateSchema, fieldSchema, oneOf, parseOptions, seedSchema, wholeNumber } from "../../core/options.js";
import { calibrateChurnModelShape } from "../calibrateChurnModel.js";
import { churnScoresFromBgNbdShape } from "../churnScoresFromBgNbd.js";
import { cohortRetentionShape } from "../cohortRetention.js";
import { inactivityRiskShape } from "../inactivityRisk.js";
import { kaplanMeierShape } from "../kaplanMeier.js";
import { logRankTestShape } from "../logRankTest.js";
import { retentionEconomicsShape } from "../retentionEconomics.js";
import { trainTestSplitShape } from "../trainTestSplit.js";
import { checkEvaluateScoresOptions } from "./evaluateOptions.js";

/**
 * Churn's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schema as it was (copied from the
 * sources before the change) beside its check now: on random options, both must give the same options
 * (defaults filled in) or the same issues.
 */

/** One function's options: the names it takes, its check now (defaults filled in), its schema before. */
interface Case {
  readonly names: readonly string[];
  readonly now: (functionName: string, options: unknown) => unknown;
  readonly before: Parameters<typeof parseOptions>[1];
}

const oldEvaluateScoresSchema = optionsSchema({
  threshold: z._default(z.number(), 0.5),
  calibrationBins: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1000)), 10),
  groups: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1000)), 10),
});

/** A case of a function checked by `checkOptions(name, shape, options)` with `defaults` filled in. */
const ruled = (shape: OptionShape, before: Case["before"], defaults: Record<string, unknown> = {}): Case => ({
  names: Object.keys(shape),
  now: (name, options) => withDefaults(checkOptions(name, shape, options), defaults),
  before,
});

const CASES: Record<string, Case> = {
  evaluateScores: {
    names: ["threshold", "calibrationBins", "groups"],
    now: checkEvaluateScoresOptions,
    before: oldEvaluateScoresSchema,
  },
  calibrateChurnModel: ruled(
    calibrateChurnModelShape,
    optionsSchema({ method: z._default(oneOf(["platt", "isotonic"]), "platt") }),
    { method: "platt" },
  ),
  trainTestSplit: ruled(
    trainTestSplitShape,
    optionsSchema({
      testFraction: z._default(
        z.number().check(z.gt(0, "must be greater than 0"), z.lt(1, "must be less than 1")),
        0.25,
      ),
      stratify: optionalSchema(fieldSchema),
      seed: z._default(seedSchema, 1),
    }),
    { testFraction: 0.25, seed: 1 },
  ),
  retentionEconomics: ruled(
    retentionEconomicsShape,
    optionsSchema({
      customers: z.number().check(z.minimum(0)),
      churnRate: z.number().check(z.gt(0, "must be greater than 0"), z.lt(1, "must be less than 1")),
      margin: z.number(),
      acquisitionCost: z.number().check(z.minimum(0)),
      retentionCost: z.number().check(z.positive("must be greater than 0")),
      discountRate: z._default(z.number().check(z.minimum(0)), 0.1),
      churnReduction: z._default(z.number().check(z.gt(0, "must be greater than 0"), z.lt(1)), 0.05),
    }),
    { discountRate: 0.1, churnReduction: 0.05 },
  ),
  kaplanMeier: ruled(
    kaplanMeierShape,
    optionsSchema({
      time: fieldSchema,
      event: fieldSchema,
      group: optionalSchema(fieldSchema),
      confidenceLevel: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
    }),
    { confidenceLevel: 0.95 },
  ),
  logRankTest: ruled(
    logRankTestShape,
    optionsSchema({ time: fieldSchema, event: fieldSchema, group: fieldSchema }),
  ),
  inactivityRisk: ruled(
    inactivityRiskShape,
    optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      asOf: dateSchema,
      priorWeight: z._default(z.number().check(z.minimum(0)), 2),
      populationGapDays: optionalSchema(z.number().check(z.positive())),
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
    { priorWeight: 2, bandLimits: [1, 2, 4] },
  ),
  cohortRetention: ruled(
    cohortRetentionShape,
    optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      amount: optionalSchema(fieldSchema),
      period: oneOf(["week", "month", "quarter"]),
      asOf: dateSchema,
    }),
  ),
  churnScoresFromBgNbd: ruled(
    churnScoresFromBgNbdShape,
    optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      amount: optionalSchema(fieldSchema),
      asOf: dateSchema,
      timeUnit: z._default(oneOf(["day", "week", "month", "quarter", "year"]), "week"),
      horizon: z._default(z.number().check(z.positive()), 13),
      model: optionalSchema(
        z.custom(
          (value) =>
            typeof value === "object" &&
            value !== null &&
            typeof (value as { probabilityAlive?: unknown }).probabilityAlive === "function",
          { message: "expected a model returned by fitBgNbd" },
        ),
      ),
    }),
    { timeUnit: "week", horizon: 13 },
  ),
};

interface Outcome {
  readonly options?: unknown;
  readonly issues?: readonly {
    readonly path: string;
    readonly message: string;
    readonly received?: unknown;
  }[];
}

/** What a check gives: the options it returns, or the issues of the error it throws. */
function outcome(check: () => unknown): Outcome {
  try {
    return { options: check() };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return { issues: error.issues };
  }
}

function bothOutcomes(name: string, options: unknown): { now: Outcome; before: Outcome } {
  const { now, before } = CASES[name] as Case;
  return {
    now: outcome(() => now(name, options)),
    before: outcome(() => parseOptions(name, before, options)),
  };
}

/** Values of every kind churn's options take, and near misses. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    2,
    0.5,
    0.95,
    1.5,
    -1,
    1000,
    1001,
    1e20,
    -1e20,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    true,
    false,
    "",
    "x",
    "spend",
    "platt",
    "isotonic",
    "week",
    "month",
    "day",
    "2024-03-20",
    [1, 2, 4],
    [4, 2, 1],
    [0, 2, 4],
    [-1, -2, 3],
    [1, Number.NaN, 3],
    [1, "2", 3],
    [1, undefined, 3],
    [1, 2, 3, 4],
    [5, 2, 1, "x"],
    new Date(Number.NaN),
    { probabilityAlive: () => 0.5 },
    [],
    [1, 2],
    {},
    { a: 1 },
    new Date(0),
    () => 1,
  ),
  fc.double(),
  fc.integer(),
);

describe("churn's option rules", () => {
  for (const [name, { names }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.constantFrom(...names, ...names.map((option) => `${option}s`), "colour", "__proto__"),
            anyValue,
            { maxKeys: 6 },
          ),
          (options) => {
            const { now, before } = bothOutcomes(name, options);
            expect(now).toEqual(before);
          },
        ),
        { numRuns: 400 },
      );
    });
  }
});
