/**
 * Recognises clientele results by their shape (results are plain objects without a type tag), so
 * the report can write a narrative and pick a table for them. Internal.
 */

type Shape = Record<string, unknown>;

const isObject = (value: unknown): value is Shape => value !== null && typeof value === "object";
const has = (value: Shape, ...keys: string[]) => keys.every((key) => key in value);
const firstOf = (value: unknown): Shape | undefined => {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  return isObject(first) ? first : undefined;
};

/**
 * The result objects the report knows how to describe, each with the keys only it has. They are
 * tried in order, which matters where results share keys.
 */
const KINDS = [
  ["paretoAnalysis", (r) => has(r, "core", "ranking", "abc") && isObject(r.core)],
  [
    "lorenzCurve",
    (r) => r.customerShare instanceof Float64Array && r.valueShare instanceof Float64Array && "gini" in r,
  ],
  [
    "rfmSegments",
    (r) =>
      Array.isArray(r.segments) && has(r, "customers") && firstOf(r.segments)?.monetaryShare !== undefined,
  ],
  ["rfmScores", (r) => has(r, "customers", "breaks") && Array.isArray(r.customers)],
  ["valueTiers", (r) => has(r, "tiers", "thresholds")],
  ["customerLifetimeValue", (r) => typeof r.totalLifetimeValue === "number"],
  ["calibrationHoldoutSummary", (r) => r.holdoutFrequency instanceof Float64Array],
  ["chooseK", (r) => typeof r.recommendedK === "number" && Array.isArray(r.table)],
  ["segmentProfiles", (r) => Array.isArray(r.profiles) && has(r, "populationMeans")],
  [
    "kMeans",
    (r) => Array.isArray(r.centroids) && r.assignments instanceof Int32Array && Array.isArray(r.sizes),
  ],
  ["evaluateScores", (r) => Array.isArray(r.gains) && has(r, "auc", "baseRate")],
  ["inactivityRisk", (r) => isObject(r.bandCounts) && Array.isArray(r.customers)],
  ["churnModel", (r) => Array.isArray(r.coefficients) && typeof r.score === "function"],
  ["associationRules", (r) => Array.isArray(r.rules) && typeof r.transactionCount === "number"],
  [
    "significantRules",
    (r) =>
      Array.isArray(r.rules) && typeof r.tested === "number" && r.adjustedPValues instanceof Float64Array,
  ],
  ["itemFrequencies", (r) => Array.isArray(r.items) && typeof r.itemOccurrences === "number"],
  ["bootstrap", (r) => Array.isArray(r.paths) && typeof r.validSamples === "number"],
  ["plsPathModel", (r) => Array.isArray(r.pathCoefficients) && isObject(r.rSquared)],
  ["importancePerformanceGrid", (r) => isObject(r.quadrants) && Array.isArray(r.attributes)],
  ["netPromoterScore", (r) => typeof r.promoterShare === "number" && typeof r.detractorShare === "number"],
  ["kano", (r) => Array.isArray(r.attributes) && firstOf(r.attributes)?.better !== undefined],
  ["complaintSummary", (r) => Array.isArray(r.byCategory) && isObject(r.firstContactResolution)],
  ["serviceKpis", (r) => isObject(r.overall) && isObject(r.overall.onTimeDelivery)],
] as const satisfies readonly (readonly [string, (result: Shape) => boolean])[];

/** The result types the report knows how to describe: those of KINDS, and arrays of rules. */
export type ReportResultKind = (typeof KINDS)[number][0] | "ruleList";

/** Which clientele result `result` is, or undefined for anything else (other arrays, user objects). */
export function resultKind(result: unknown): ReportResultKind | undefined {
  if (Array.isArray(result)) {
    const first = firstOf(result);
    const isRule = first !== undefined && Array.isArray(first.antecedent) && Array.isArray(first.consequent);
    return isRule && typeof first.lift === "number" ? "ruleList" : undefined;
  }
  if (!isObject(result)) return undefined;
  return KINDS.find(([, is]) => is(result))?.[0];
}

/** Per-kind builders (of a narrative, of table rows); each takes a result of its own kind. */
export type ReportKindBuilders<Out> = { readonly [K in ReportResultKind]?: (result: never) => Out };

/**
 * What `builders` make of `result`: undefined when it is no known result, its kind has no builder,
 * or it only looks like one (recognition is by shape: reading a look-alike throws a TypeError).
 */
export function buildForKind<Out>(result: unknown, builders: ReportKindBuilders<Out>): Out | undefined {
  const kind = resultKind(result);
  const build = kind === undefined ? undefined : builders[kind];
  if (build === undefined) return undefined;
  try {
    return (build as (result: unknown) => Out)(result);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}
