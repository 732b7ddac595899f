/**
 * Recognises clientele results by their shape (results are plain objects without a type tag), so
 * the report can write a narrative and pick a table for them. Internal.
 */

/** The result types the report knows how to describe. */
export type ReportResultKind =
  | "paretoAnalysis"
  | "lorenzCurve"
  | "rfmSegments"
  | "rfmScores"
  | "valueTiers"
  | "customerLifetimeValue"
  | "calibrationHoldoutSummary"
  | "chooseK"
  | "segmentProfiles"
  | "kMeans"
  | "evaluateScores"
  | "inactivityRisk"
  | "churnModel"
  | "associationRules"
  | "significantRules"
  | "ruleList"
  | "itemFrequencies"
  | "bootstrap"
  | "plsPathModel"
  | "importancePerformanceGrid"
  | "netPromoterScore"
  | "kano"
  | "complaintSummary"
  | "serviceKpis";

type Shape = Record<string, unknown>;

const isObject = (value: unknown): value is Shape => value !== null && typeof value === "object";
const has = (value: Shape, ...keys: string[]) => keys.every((key) => key in value);
const firstOf = (value: unknown): Shape | undefined => {
  if (!Array.isArray(value)) return undefined;
  const first: unknown = value[0];
  return isObject(first) ? first : undefined;
};

/**
 * Which clientele result `result` is, or undefined for anything else (arrays, user objects).
 * The checks look at keys only a given result type has; the order matters where results share keys.
 */
export function resultKind(result: unknown): ReportResultKind | undefined {
  if (Array.isArray(result)) {
    const first = firstOf(result);
    const isRule = first !== undefined && Array.isArray(first.antecedent) && Array.isArray(first.consequent);
    return isRule && typeof first.lift === "number" ? "ruleList" : undefined;
  }
  if (!isObject(result)) return undefined;
  const r = result;
  if (has(r, "core", "ranking", "abc") && isObject(r.core)) return "paretoAnalysis";
  if (r.customerShare instanceof Float64Array && r.valueShare instanceof Float64Array && "gini" in r) {
    return "lorenzCurve";
  }
  if (Array.isArray(r.segments) && has(r, "customers") && firstOf(r.segments)?.monetaryShare !== undefined) {
    return "rfmSegments";
  }
  if (has(r, "customers", "breaks") && Array.isArray(r.customers)) return "rfmScores";
  if (has(r, "tiers", "thresholds")) return "valueTiers";
  if (typeof r.totalLifetimeValue === "number") return "customerLifetimeValue";
  if (r.holdoutFrequency instanceof Float64Array) return "calibrationHoldoutSummary";
  if (typeof r.recommendedK === "number" && Array.isArray(r.table)) return "chooseK";
  if (Array.isArray(r.profiles) && has(r, "populationMeans")) return "segmentProfiles";
  if (Array.isArray(r.centroids) && r.assignments instanceof Int32Array && Array.isArray(r.sizes)) {
    return "kMeans";
  }
  if (Array.isArray(r.gains) && has(r, "auc", "baseRate")) return "evaluateScores";
  if (isObject(r.bandCounts) && Array.isArray(r.customers)) return "inactivityRisk";
  if (Array.isArray(r.coefficients) && typeof r.score === "function") return "churnModel";
  if (Array.isArray(r.rules) && typeof r.transactionCount === "number") return "associationRules";
  if (Array.isArray(r.rules) && typeof r.tested === "number" && r.adjustedPValues instanceof Float64Array) {
    return "significantRules";
  }
  if (Array.isArray(r.items) && typeof r.itemOccurrences === "number") return "itemFrequencies";
  if (Array.isArray(r.paths) && typeof r.validSamples === "number") return "bootstrap";
  if (Array.isArray(r.pathCoefficients) && isObject(r.rSquared)) return "plsPathModel";
  if (isObject(r.quadrants) && Array.isArray(r.attributes)) return "importancePerformanceGrid";
  if (typeof r.promoterShare === "number" && typeof r.detractorShare === "number") return "netPromoterScore";
  if (Array.isArray(r.attributes) && firstOf(r.attributes)?.better !== undefined) return "kano";
  if (Array.isArray(r.byCategory) && isObject(r.firstContactResolution)) return "complaintSummary";
  if (isObject(r.overall) && isObject(r.overall.onTimeDelivery)) return "serviceKpis";
  return undefined;
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
