import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { type Outcome, outcome, randomOptions, wrongKindValues } from "../../../test/optionOutcome.js";
import { optionalSchema, optionsSchema, problemSchema } from "../../../test/zodOracle/optionChecks.js";
import {
  dateSchema,
  fieldSchema,
  oneOf,
  parseOptions,
  wholeNumber,
} from "../../../test/zodOracle/options.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { calibrationHoldoutSummaryShape } from "../calibrationHoldoutSummary.js";
import { contributionScoreShape } from "../contributionScore.js";
import { customerFeaturesShape } from "../customerFeatures.js";
import { customerLifetimeValueShape } from "../customerLifetimeValue.js";
import { fitBetaGeometricBetaBinomialShape } from "../fitBetaGeometricBetaBinomial.js";
import { fitGammaGammaShape } from "../fitGammaGamma.js";
import { fitParetoNbdShape } from "../fitParetoNbd.js";
import { fitShiftedBetaGeometricShape } from "../fitShiftedBetaGeometric.js";
import { giniShape } from "../gini.js";
import { lorenzCurveShape } from "../lorenzCurve.js";
import { paretoAnalysisShape } from "../paretoAnalysis.js";
import { repeatPurchaseSummaryShape } from "../repeatPurchaseSummary.js";
import { rfmScoresShape } from "../rfmScores.js";
import { rfmSegmentsShape } from "../rfmSegments.js";
import { rfmTableShape } from "../rfmTable.js";
import { valueTiersShape } from "../valueTiers.js";
import { bgNbdFitShape } from "./bgNbdFamilyFit.js";

/**
 * Value's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions) and value's own (./optionRules.ts). Below, each function's
 * schema as it was, copied from its source, beside its rules now: on random options, both must give the
 * same options (defaults filled in) or the same issues.
 */

const field = optionalSchema(fieldSchema);
const positive = z.number().check(z.positive());

/** The old fitControlShape: `start` (optional positive numbers, one per parameter), maxIterations, tolerance. */
function oldFitControl(parameterNames: readonly string[], maxIterations: number, tolerance: number) {
  const optionalPositive = optionalSchema(positive);
  return {
    start: optionalSchema(
      optionsSchema(Object.fromEntries(parameterNames.map((name) => [name, optionalPositive]))),
    ),
    maxIterations: z._default(z.number().check(wholeNumber(), z.minimum(1)), maxIterations),
    tolerance: z._default(positive, tolerance),
  };
}

const oldRepeatPurchaseFields = { frequency: field, recency: field, T: field, monetaryValue: field };

const oldLifetimeFit = (parameterNames: readonly string[], maxIterations: number, tolerance: number) =>
  optionsSchema({ ...oldRepeatPurchaseFields, ...oldFitControl(parameterNames, maxIterations, tolerance) });

const oldTransactionFields = { customer: fieldSchema, date: fieldSchema, amount: field };

const oldOrderRefusal = (functionName: string) => ({
  order: optionalSchema(
    problemSchema(
      () =>
        `${functionName} counts purchase periods (distinct UTC days: several orders of a customer on one day are one purchase), not orders, so it takes no order field: drop \`order\` (use rfmTable for order counts)`,
    ),
  ),
});

const oldObservationPeriod = {
  asOf: dateSchema,
  timeUnit: z._default(oneOf(["day", "week", "month", "quarter", "year"]), "day"),
  afterAsOf: z._default(oneOf(["error", "drop"]), "error"),
};

const share = z.number().check(z.gt(0, "must be greater than 0"), z.lte(1, "must be at most 1"));
const probability = z.number().check(z.gte(0), z.lte(1));

const range = z
  .tuple([z.number(), z.number()])
  .check(z.refine(([lo, hi]) => lo <= hi, "expected [min, max] with min <= max"));
const ruleSchema = optionsSchema({
  segment: z.string().check(z.minLength(1)),
  recency: optionalSchema(range),
  frequency: optionalSchema(range),
  monetary: optionalSchema(range),
  frequencyMonetary: optionalSchema(range),
});
const schemeSchema = optionsSchema({
  rules: z.array(ruleSchema).check(z.minLength(1, "a scheme needs at least one rule")),
  match: z._default(oneOf(["first", "last"]), "first"),
  fallback: z._default(z.string(), "Others"),
  bins: optionalSchema(z.number().check(wholeNumber(), z.gte(2))),
});

/** One function's options: its rules now (with the defaults it fills in) and its schema before. */
interface Case {
  readonly shape: OptionShape;
  readonly before: Parameters<typeof parseOptions>[1];
  readonly defaults?: Record<string, unknown>;
}

const FIT_DEFAULTS = { maxIterations: 500, tolerance: 1e-8 };

const CASES: Record<string, Case> = {
  gini: {
    shape: giniShape,
    defaults: { biasCorrected: false },
    before: optionsSchema({ value: field, biasCorrected: z._default(z.boolean(), false) }),
  },
  lorenzCurve: { shape: lorenzCurveShape, before: optionsSchema({ value: field }) },
  paretoAnalysis: {
    shape: paretoAnalysisShape,
    defaults: { topShares: [0.01, 0.04, 0.1, 0.2, 0.5], coreShare: 0.8, abcBreaks: [0.8, 0.95] },
    before: optionsSchema({
      value: field,
      id: field,
      topShares: z._default(z.array(share), [0.01, 0.04, 0.1, 0.2, 0.5]),
      coreShare: z._default(share, 0.8),
      abcBreaks: z._default(z.tuple([share, share]), [0.8, 0.95]),
    }),
  },
  valueTiers: {
    shape: valueTiersShape,
    defaults: {
      premiumQuantile: 0.8,
      keyQuantile: 0.8,
      potentialQuantile: 0.5,
      engagementQuantile: 0.75,
      declineRate: 0.1,
      maxVariation: 0.5,
    },
    before: optionsSchema({
      customer: field,
      contribution: fieldSchema,
      revenue: field,
      contributionHistory: field,
      engagement: field,
      premiumQuantile: z._default(probability, 0.8),
      keyQuantile: z._default(probability, 0.8),
      potentialQuantile: z._default(probability, 0.5),
      engagementQuantile: z._default(probability, 0.75),
      declineRate: z._default(positive, 0.1),
      maxVariation: z._default(positive, 0.5),
    }),
  },
  customerLifetimeValue: {
    shape: customerLifetimeValueShape,
    defaults: { periods: 12, discountRate: 0.01, margin: 1 },
    before: optionsSchema({
      ...oldRepeatPurchaseFields,
      transactionModel: z.custom(
        (m) =>
          typeof m === "object" &&
          m !== null &&
          typeof (m as Record<string, unknown>).conditionalExpectedPurchases === "function" &&
          typeof (m as Record<string, unknown>).probabilityAlive === "function",
        { message: "expected a fitted transaction model such as the result of fitBgNbd or fitParetoNbd" },
      ),
      spendModel: optionalSchema(
        z.custom(
          (m) =>
            typeof m === "object" &&
            m !== null &&
            typeof (m as Record<string, unknown>).conditionalExpectedAverageProfit === "function",
          { message: "expected a fitted spend model such as the result of fitGammaGamma" },
        ),
      ),
      periods: z._default(z.number().check(wholeNumber(), z.gte(1)), 12),
      periodLength: positive,
      discountRate: z._default(z.number().check(z.gte(0)), 0.01),
      margin: z._default(positive, 1),
    }),
  },
  contributionScore: {
    shape: contributionScoreShape,
    defaults: { normalize: "none" },
    before: optionsSchema({
      measures: z
        .array(
          optionsSchema({
            field: fieldSchema,
            weight: z.number().check(z.gte(0)),
            name: optionalSchema(z.string().check(z.minLength(1))),
          }),
        )
        .check(z.minLength(1, "give at least one measure")),
      customer: field,
      normalize: z._default(oneOf(["none", "zscore", "minmax", "share"]), "none"),
    }),
  },
  rfmScores: {
    shape: rfmScoresShape,
    defaults: { bins: 5, method: "quantile" },
    before: optionsSchema({
      bins: z._default(
        z
          .number()
          .check(
            wholeNumber(),
            z.gte(2),
            z.lte(9, "at most 9 bins keep the score code one digit per measure"),
          ),
        5,
      ),
      method: z._default(oneOf(["quantile", "equalWidth", "naturalBreaks"]), "quantile"),
      customer: field,
      recency: field,
      frequency: field,
      monetary: field,
    }),
  },
  rfmSegments: {
    shape: rfmSegmentsShape,
    defaults: { scheme: "rfm-package" },
    before: optionsSchema({
      scheme: z._default(z.union([z.literal("rfm-package"), z.literal("grid"), schemeSchema]), "rfm-package"),
    }),
  },
  rfmTable: {
    shape: rfmTableShape,
    defaults: { frequency: "orders", monetary: "total", afterAsOf: "error" },
    before: optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      amount: fieldSchema,
      order: field,
      asOf: dateSchema,
      frequency: z._default(oneOf(["orders", "transactions"]), "orders"),
      monetary: z._default(oneOf(["total", "mean"]), "total"),
      afterAsOf: z._default(oneOf(["error", "drop"]), "error"),
    }),
  },
  customerFeatures: {
    shape: customerFeaturesShape,
    defaults: { afterAsOf: "error" },
    before: optionsSchema({
      customer: fieldSchema,
      order: fieldSchema,
      date: fieldSchema,
      amount: fieldSchema,
      unitPrice: fieldSchema,
      asOf: dateSchema,
      afterAsOf: z._default(oneOf(["error", "drop"]), "error"),
    }),
  },
  calibrationHoldoutSummary: {
    shape: calibrationHoldoutSummaryShape,
    defaults: { timeUnit: "day", afterAsOf: "error" },
    before: optionsSchema({
      ...oldTransactionFields,
      calibrationEnd: dateSchema,
      ...oldObservationPeriod,
      ...oldOrderRefusal("calibrationHoldoutSummary"),
    }),
  },
  repeatPurchaseSummary: {
    shape: repeatPurchaseSummaryShape,
    defaults: { timeUnit: "day", afterAsOf: "error" },
    before: optionsSchema({
      ...oldTransactionFields,
      ...oldObservationPeriod,
      ...oldOrderRefusal("repeatPurchaseSummary"),
    }),
  },
  fitBgNbd: {
    shape: bgNbdFitShape,
    defaults: FIT_DEFAULTS,
    before: oldLifetimeFit(["r", "alpha", "a", "b"], 500, 1e-8),
  },
  fitParetoNbd: {
    shape: fitParetoNbdShape,
    defaults: { maxIterations: 200, tolerance: 1e-6 },
    before: oldLifetimeFit(["r", "alpha", "s", "beta"], 200, 1e-6),
  },
  fitGammaGamma: {
    shape: fitGammaGammaShape,
    defaults: FIT_DEFAULTS,
    before: oldLifetimeFit(["p", "q", "v"], 500, 1e-8),
  },
  fitBetaGeometricBetaBinomial: {
    shape: fitBetaGeometricBetaBinomialShape,
    defaults: FIT_DEFAULTS,
    before: optionsSchema({
      frequency: field,
      recency: field,
      periods: field,
      weight: field,
      ...oldFitControl(["alpha", "beta", "gamma", "delta"], 500, 1e-8),
    }),
  },
  fitShiftedBetaGeometric: {
    shape: fitShiftedBetaGeometricShape,
    defaults: { maxIterations: 500, tolerance: 1e-10 },
    before: optionsSchema({
      periods: field,
      churned: field,
      ...oldFitControl(["gamma", "delta"], 500, 1e-10),
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

const SCHEME_FORMS = 'expected "rfm-package" or "grid" or an object';

/**
 * `now` as `before`, but for rfmSegments' custom scheme (an object), in two ways. Its `match` and
 * `fallback` defaults were filled in by zod and are now filled in where the scheme is used
 * (`scheme.match ?? "first"`), so they are filled in here before comparing. And where zod's union refused
 * the scheme with its forms only (one of the scheme's problems aborted its form), the union rule now
 * reports the scheme's own problems, which name the part that is wrong.
 */
function expectSame(name: string, options: Record<string, unknown>, now: Outcome, before: Outcome): void {
  const scheme = options.scheme;
  if (name !== "rfmSegments" || typeof scheme !== "object" || scheme === null || Array.isArray(scheme)) {
    expect(now).toEqual(before);
    return;
  }
  if (now.options !== undefined) {
    const parsed = (now.options as { scheme: Record<string, unknown> }).scheme;
    const filled = { ...parsed, match: parsed.match ?? "first", fallback: parsed.fallback ?? "Others" };
    expect({ options: { scheme: filled } }).toEqual(before);
    return;
  }
  const ofScheme = (issue: { readonly path: string }) => issue.path.split(".")[0] === "scheme";
  const [formsOnly] = (before.issues ?? []).filter(ofScheme);
  if (formsOnly?.message.startsWith(SCHEME_FORMS)) {
    const schemeIssues = (now.issues ?? []).filter(ofScheme);
    expect(schemeIssues.length).toBeGreaterThan(0);
    for (const issue of schemeIssues) expect(issue.path).toMatch(/^scheme\./);
    expect(now.issues?.filter((issue) => !ofScheme(issue))).toEqual(
      before.issues?.filter((issue) => !ofScheme(issue)),
    );
  } else expect(now).toEqual(before);
}

const bgNbdLike = { conditionalExpectedPurchases: () => 1, probabilityAlive: () => 0.5 };
const gammaGammaLike = { conditionalExpectedAverageProfit: () => 10 };

/** Values of every kind value's options take, and near misses. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    2,
    9,
    10,
    12,
    1.5,
    -1,
    0.5,
    0.8,
    1.0000001,
    1e-9,
    1e20,
    -1e20,
    ...wrongKindValues,
    "spend",
    "2024-03-31",
    "not a date",
    "orders",
    "transactions",
    "total",
    "mean",
    "error",
    "drop",
    "week",
    "month",
    "fortnight",
    "quantile",
    "equalWidth",
    "naturalBreaks",
    "none",
    "zscore",
    "share",
    "rfm-package",
    "grid",
    new Date(0),
    new Date(Number.NaN),
    [],
    [0.2],
    [0.01, 0.5, 1],
    [0.8, 0.95],
    [0.95, 0.8],
    [0.8, 0.95, 1],
    [0, 2],
    [0.5, "x"],
    [1, 5],
    [5, 1],
    [{ field: "deposit", weight: 1 }],
    [{ field: "deposit", weight: -1, name: "" }, 5],
    [
      { field: () => 1, weight: 2, name: "fees" },
      { field: "", weight: "x", nmae: "y" },
    ],
    { r: 1, alpha: 2 },
    { r: -1, alpha: Number.NaN, s: 1 },
    { p: 1, q: 2, v: 3, gamma: 1 },
    { gamma: 1, delta: 0 },
    { rules: [{ segment: "Best", recency: [4, 5] }] },
    { rules: [{ segment: "Best", recency: [5, 4] }], match: "last", fallback: "Rest", bins: 5 },
    { rules: [] },
    { rules: [{ segment: "" }], extra: 1 },
    { rules: [{ segment: "A", frequency: [1, 2, 3] }], bins: 1.5 },
    bgNbdLike,
    gammaGammaLike,
    { conditionalExpectedPurchases: 1 },
    (row: { spend: number }) => row.spend,
    new Map(),
  ),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.double(), fc.constantFrom(0.5, 1, "x")), { maxLength: 3 }),
);

describe("value's option rules", () => {
  for (const [name, { shape }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      fc.assert(
        fc.property(randomOptions(names, anyValue, 6), (options) => {
          const { now, before } = bothOutcomes(name, options);
          expectSame(name, options, now, before);
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe("rfmSegments' scheme", () => {
  it("gives zod's issues where zod's union reported the custom scheme's own problems", () => {
    for (const scheme of [
      { rules: [] },
      { rules: [{ segment: "Best", recency: [5, 4] }] },
      { rules: [{ segment: "" }] },
      { rules: [{ segment: "Best" }], fallbak: "Rest" },
    ]) {
      const { now, before } = bothOutcomes("rfmSegments", { scheme });
      expect(before.issues?.[0]?.path).not.toBe("scheme");
      expect(now).toEqual(before);
    }
    expect(bothOutcomes("rfmSegments", { scheme: { rules: [] } }).now.issues).toEqual([
      { path: "scheme.rules", message: "a scheme needs at least one rule (received [])", received: [] },
    ]);
  });

  it("names the part of a custom scheme that is wrong, where zod's union gave only its forms", () => {
    const { now, before } = bothOutcomes("rfmSegments", {
      scheme: { rules: [{ segment: "Best", recency: [4, "5"] }], match: "any" },
    });
    expect(before.issues).toMatchObject([
      {
        path: "scheme",
        message: expect.stringMatching(/^expected "rfm-package" or "grid" or an object \(received \{/),
      },
    ]);
    expect(now.issues?.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'scheme.rules.0.recency.1: expected a number, received a string (received "5")',
      'scheme.match: Invalid option: expected one of "first"|"last" (received "any")',
    ]);
    expect(bothOutcomes("rfmSegments", { scheme: "custom" }).now.issues).toEqual([
      {
        path: "scheme",
        message: 'expected "rfm-package" or "grid" or an object (received "custom")',
        received: "custom",
      },
    ]);
  });
});

describe("paretoAnalysis' shares", () => {
  it("returns new arrays, never the caller's own, as zod did", () => {
    const topShares = [0.1, 0.2];
    const abcBreaks = [0.7, 0.9];
    const { now } = bothOutcomes("paretoAnalysis", { topShares, abcBreaks });
    const options = now.options as { topShares: number[]; abcBreaks: number[] };
    expect(options.topShares).toEqual(topShares);
    expect(options.topShares).not.toBe(topShares);
    expect(options.abcBreaks).not.toBe(abcBreaks);
  });
});
