import {
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import {
  checkOptions,
  listOf,
  nested,
  nonEmptyText,
  numeric,
  oneOf,
  required,
  text,
  union,
  withStrayLength,
} from "../core/internal/optionRules.js";
import { literals, pair } from "./internal/optionRules.js";
import type { RfmScoresResult, RfmScoresRow } from "./rfmScores.js";

/**
 * An inclusive score range `[min, max]`.
 *
 * @example
 * ```ts
 * const recent: RfmScoreRange = [4, 5]; // recency score 4 or 5
 * RFM_PACKAGE_SEGMENTS.rules[1].recency; // => [3, 5]
 * ```
 */
export type RfmScoreRange = readonly [number, number];

/**
 * One rule of an RFM segment scheme; an omitted range matches any score.
 *
 * @example
 * ```ts
 * const rule: RfmSegmentRule = { segment: "recent big spenders", recency: [4, 5], monetary: [5, 5] };
 * RFM_GRID_SEGMENTS.rules[0]; // => { segment: "Champions", recency: [4, 5], frequencyMonetary: [4, 5] }
 * ```
 */
export interface RfmSegmentRule {
  readonly segment: string;
  readonly recency?: RfmScoreRange;
  readonly frequency?: RfmScoreRange;
  readonly monetary?: RfmScoreRange;
  /** Range of the mean of the frequency and monetary scores, (F + M) / 2. */
  readonly frequencyMonetary?: RfmScoreRange;
}

/**
 * A segment scheme: rules, how overlapping rules resolve, and the label of unmatched customers.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * const scheme: RfmSegmentScheme = { rules: [{ segment: "recent", recency: [4, 5] }], fallback: "rest" };
 * rfmSegments(rfmScores(table), { scheme }).customers.map((row) => row.segment); // => ["recent", "rest"]
 * ```
 */
export interface RfmSegmentScheme {
  readonly rules: readonly RfmSegmentRule[];
  /** `"first"`: the first matching rule wins; `"last"`: the last one does. @defaultValue "first" */
  readonly match?: "first" | "last";
  /** Segment of customers no rule matches. @defaultValue "Others" */
  readonly fallback?: string;
  /** The number of bins the scheme was written for. @defaultValue 5 */
  readonly bins?: number;
}

/** A frozen scheme for 1..5 scores in which the first matching rule wins and unmatched customers are "Others". */
function firstMatchScheme(rules: RfmSegmentRule[]): RfmSegmentScheme {
  return Object.freeze({ match: "first", fallback: "Others", bins: 5, rules: Object.freeze(rules) });
}

/**
 * The segment rules of the R package rfm's documentation (rfm 0.3.0 on CRAN, `?rfm_segment` example
 * and README, Hebbali): ten segments on 1..5 scores, the first matching rule wins (as `rfm_segment`
 * does: a customer already in a segment is not reassigned), unmatched customers are "Others".
 * Ranges [recency] [frequency] [monetary], in order:
 * Champions [5,5] [5,5] [5,5]; Potential Loyalist [3,5] [3,5] [2,5]; Loyal Customers [2,4] [2,4] [2,4];
 * Promising [3,4] [1,3] [3,5]; New Customers [4,5] [1,3] [1,5]; Can't Lose Them [1,2] [3,4] [4,5];
 * At Risk [1,2] [2,5] [4,5]; Need Attention [1,3] [3,5] [3,5]; About To Sleep [2,3] [1,3] [1,4]; Lost [1,1] [1,5] [1,5].
 *
 * @example
 * ```ts
 * RFM_PACKAGE_SEGMENTS.rules[0]; // => { segment: "Champions", recency: [5, 5], frequency: [5, 5], monetary: [5, 5] }
 * ```
 */
export const RFM_PACKAGE_SEGMENTS: RfmSegmentScheme = /* @__PURE__ */ firstMatchScheme(
  (
    [
      // segment, recency, frequency, monetary
      ["Champions", [5, 5], [5, 5], [5, 5]],
      ["Potential Loyalist", [3, 5], [3, 5], [2, 5]],
      ["Loyal Customers", [2, 4], [2, 4], [2, 4]],
      ["Promising", [3, 4], [1, 3], [3, 5]],
      ["New Customers", [4, 5], [1, 3], [1, 5]],
      ["Can't Lose Them", [1, 2], [3, 4], [4, 5]],
      ["At Risk", [1, 2], [2, 5], [4, 5]],
      ["Need Attention", [1, 3], [3, 5], [3, 5]],
      ["About To Sleep", [2, 3], [1, 3], [1, 4]],
      ["Lost", [1, 1], [1, 5], [1, 5]],
    ] as const
  ).map(([segment, recency, frequency, monetary]) => ({ segment, recency, frequency, monetary })),
);

/**
 * An eleven-segment grid on the recency score and the mean of the frequency and monetary scores,
 * with the segment names of the widely used R × (F+M)/2 grid (Putler, "RFM Analysis For Successful
 * Customer Segmentation", which adds Hibernating to the rfm package's list). The published grid's cells
 * overlap, so the ranges here are clientele's own non-overlapping reading of it (first match wins; every
 * 1..5 score combination is covered):
 * Champions R[4,5] FM[4,5]; Loyal customers R[3,5] FM[3,5]; Potential loyalists R[4,5] FM[2,3];
 * New customers R5 FM[1,2]; Promising R4 FM[1,2]; Need attention R3 FM[2,3]; About to sleep R3 FM[1,2];
 * Can't lose them R1 FM[4,5]; At risk R[1,2] FM[3,5]; Hibernating R2 FM[1,3]; Lost R1 FM[1,3].
 *
 * @example
 * ```ts
 * RFM_GRID_SEGMENTS.rules.map((rule) => rule.segment).includes("Hibernating"); // => true
 * ```
 */
export const RFM_GRID_SEGMENTS: RfmSegmentScheme = /* @__PURE__ */ firstMatchScheme(
  (
    [
      // segment, recency, frequencyMonetary
      ["Champions", [4, 5], [4, 5]],
      ["Loyal customers", [3, 5], [3, 5]],
      ["Potential loyalists", [4, 5], [2, 3]],
      ["New customers", [5, 5], [1, 2]],
      ["Promising", [4, 4], [1, 2]],
      ["Need attention", [3, 3], [2, 3]],
      ["About to sleep", [3, 3], [1, 2]],
      ["Can't lose them", [1, 1], [4, 5]],
      ["At risk", [1, 2], [3, 5]],
      ["Hibernating", [2, 2], [1, 3]],
      ["Lost", [1, 1], [1, 3]],
    ] as const
  ).map(([segment, recency, frequencyMonetary]) => ({ segment, recency, frequencyMonetary })),
);

/**
 * Options of {@link rfmSegments}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * rfmSegments(rfmScores(table), { scheme: "rfm-package" }).customers.map((row) => row.segment); // => ["Champions", "Lost"]
 * ```
 */
export interface RfmSegmentsOptions {
  /**
   * `"rfm-package"` ({@link RFM_PACKAGE_SEGMENTS}), `"grid"` ({@link RFM_GRID_SEGMENTS}) or a custom scheme.
   * @defaultValue "rfm-package"
   */
  readonly scheme?: "rfm-package" | "grid" | RfmSegmentScheme;
}

/**
 * A scored customer with its segment.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * rfmSegments(rfmScores(table)).customers[1];
 * // => { customer: "b", recencyDays: 45, frequency: 1, monetary: 5, recencyScore: 1, frequencyScore: 1, monetaryScore: 1, score: "111", segment: "Lost" }
 * ```
 */
export interface RfmSegmentsRow extends RfmScoresRow {
  readonly segment: string;
}

/**
 * Per-segment summary.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * rfmSegments(rfmScores(table)).segments[0];
 * // => { segment: "Champions", customers: 1, share: 0.5, monetaryShare: 0.909, meanRecencyDays: 30, meanFrequency: 2, meanMonetary: 50 }
 * ```
 */
export interface RfmSegmentSummary {
  readonly segment: string;
  readonly customers: number;
  /** Share of customers. */
  readonly share: number;
  /** Share of the total monetary value. */
  readonly monetaryShare: number;
  /** Means over the segment's customers; null for an empty segment. */
  readonly meanRecencyDays: number | null;
  readonly meanFrequency: number | null;
  readonly meanMonetary: number | null;
}

/**
 * Result of {@link rfmSegments}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * Object.keys(rfmSegments(rfmScores(table))); // => ["customers", "segments", "options"]
 * ```
 */
export interface RfmSegmentsResult {
  readonly customers: readonly RfmSegmentsRow[];
  /** Segments in scheme order (then the fallback), with counts and means; empty segments included. */
  readonly segments: readonly RfmSegmentSummary[];
  readonly options: { readonly scheme: string; readonly match: "first" | "last"; readonly fallback: string };
}

/** A range of scores [min, max]. */
const range = pair(numeric({}), ([lo, hi]) => (lo <= hi ? undefined : "expected [min, max] with min <= max"));
/** A custom scheme's least number of rules (an empty string given for them is also told so, as zod did). */
const AT_LEAST_ONE_RULE = { min: 1, message: "a scheme needs at least one rule" };
const ruleShape = {
  segment: required(nonEmptyText()),
  recency: range,
  frequency: range,
  monetary: range,
  frequencyMonetary: range,
};
/** A custom scheme; its `match` and `fallback` defaults are filled in where the scheme is used. */
const schemeShape = {
  rules: required(withStrayLength(listOf(nested(ruleShape), AT_LEAST_ONE_RULE), AT_LEAST_ONE_RULE)),
  match: oneOf(["first", "last"]),
  // a string of any length
  fallback: text(Number.POSITIVE_INFINITY),
  bins: numeric({ whole: true, gte: 2 }),
};
/** Option rules of {@link rfmSegments} (exported for value's option-rule test; not in the module index). */
export const rfmSegmentsShape = {
  scheme: union<"rfm-package" | "grid" | RfmSegmentScheme>(
    literals(["rfm-package", "grid"]),
    nested(schemeShape),
  ),
};

/**
 * Refuses anything but an {@link rfmScores} result: an array (records must be scored first), an object
 * without `customers` and `options.bins`, no customers (InsufficientDataError), or a row that is not an
 * object or holds a score outside 1..bins or a non-finite measure (InvalidRecordError naming the row).
 */
function checkScores(functionName: string, scores: unknown): asserts scores is RfmScoresResult {
  const candidate = scores as Partial<RfmScoresResult> | null;
  const bins = candidate?.options?.bins;
  if (
    typeof candidate !== "object" ||
    candidate === null ||
    Array.isArray(candidate) ||
    !Array.isArray(candidate.customers) ||
    typeof bins !== "number"
  ) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "scores",
        message: Array.isArray(scores)
          ? "expected the result of rfmScores, not an array; score the customers first: rfmSegments(rfmScores(rfmTable(records, ...)))"
          : "expected the result of rfmScores (customers with recencyScore, frequencyScore, monetaryScore, and options.bins)",
        received: scores,
      },
    ]);
  }
  const rows = candidate.customers as readonly unknown[];
  if (rows.length === 0) {
    throw new InsufficientDataError(functionName, "the scores hold no customers; there is nobody to segment");
  }
  const fields = ["recencyScore", "frequencyScore", "monetaryScore"] as const;
  const measures = ["recencyDays", "frequency", "monetary"] as const;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown> | null;
    if (typeof row !== "object" || row === null) {
      throw new InvalidRecordError(
        functionName,
        i,
        "(record)",
        row,
        "expected a scored customer from rfmScores",
      );
    }
    for (const field of fields) {
      const value = row[field];
      if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > bins) {
        throw new InvalidRecordError(
          functionName,
          i,
          field,
          value,
          `expected an integer score in 1..${bins}`,
        );
      }
    }
    for (const field of measures) {
      const value = row[field];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InvalidRecordError(functionName, i, field, value, "expected a finite number");
      }
    }
  }
}

const within = (value: number, r: RfmScoreRange | undefined) =>
  r === undefined || (value >= r[0] && value <= r[1]);

/**
 * Names each scored customer's segment (Champions, Loyal customers, At risk, Hibernating, ...) by
 * score rules: the R rfm package's documented rules (default), an eleven-segment R × (F+M)/2 grid,
 * or your own scheme. Returns the customers with their segment and a per-segment summary
 * (size, share, share of monetary value, mean recency/frequency/monetary).
 *
 * Complexity: O(n · rules).
 *
 * @param scores - an {@link rfmScores} result
 * @param options - the scheme
 * @throws InvalidOptionsError for a malformed scheme, a built-in scheme used with scores that were not made
 *   with 5 bins, or `scores` that are not an rfmScores result (an array of records included: score them first)
 * @throws InsufficientDataError when the scores hold no customers (rfmScores itself never returns an empty result)
 * @throws InvalidRecordError for a scored row that is not an object, a score outside 1..bins or a non-finite measure
 * @see R package rfm 0.3.0 (Hebbali), `rfm_segment` documentation and source (first match wins); Putler, "RFM Analysis For Successful Customer Segmentation".
 * @example
 * ```ts
 * const orders = [
 *   { id: "a", day: "2024-01-02", value: 20 },
 *   { id: "a", day: "2024-03-01", value: 30 },
 *   { id: "b", day: "2024-02-15", value: 5 },
 * ];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * const segments = rfmSegments(rfmScores(table)); // scores "555" and "111"
 * segments.customers.map((row) => row.segment); // => ["Champions", "Lost"]
 * segments.segments[0];
 * // => { segment: "Champions", customers: 1, share: 0.5, monetaryShare: 0.909, meanRecencyDays: 30, meanFrequency: 2, meanMonetary: 50 }
 * ```
 */
export function rfmSegments(scores: RfmScoresResult, options: RfmSegmentsOptions = {}): RfmSegmentsResult {
  const functionName = "rfmSegments";
  const parsed = withDefaults(checkOptions(functionName, rfmSegmentsShape, options), {
    scheme: "rfm-package",
  });
  const scheme: RfmSegmentScheme =
    parsed.scheme === "rfm-package"
      ? RFM_PACKAGE_SEGMENTS
      : parsed.scheme === "grid"
        ? RFM_GRID_SEGMENTS
        : (parsed.scheme as RfmSegmentScheme);
  const schemeName = typeof parsed.scheme === "string" ? parsed.scheme : "custom";
  checkScores(functionName, scores);
  const bins = scores.options.bins;
  if (scheme.bins !== undefined && scheme.bins !== bins) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "scheme",
        message: `the ${schemeName} scheme is written for scores 1..${scheme.bins}, but the scores use ${bins} bins; rescore with bins: ${scheme.bins} or pass a custom scheme`,
        received: schemeName,
      },
    ]);
  }
  const match = scheme.match ?? "first";
  const fallback = scheme.fallback ?? "Others";
  const rules = match === "first" ? scheme.rules : [...scheme.rules].reverse();
  const customers: RfmSegmentsRow[] = scores.customers.map((row) => {
    const fm = (row.frequencyScore + row.monetaryScore) / 2;
    const rule = rules.find(
      (r) =>
        within(row.recencyScore, r.recency) &&
        within(row.frequencyScore, r.frequency) &&
        within(row.monetaryScore, r.monetary) &&
        within(fm, r.frequencyMonetary),
    );
    return { ...row, segment: rule?.segment ?? fallback };
  });
  const names = [...new Set([...scheme.rules.map((r) => r.segment), fallback])];
  let totalMonetary = 0;
  for (const row of customers) totalMonetary += row.monetary;
  const segments: RfmSegmentSummary[] = names.map((segment) => {
    let count = 0;
    let recency = 0;
    let frequency = 0;
    let monetary = 0;
    for (const row of customers) {
      if (row.segment !== segment) continue;
      count++;
      recency += row.recencyDays;
      frequency += row.frequency;
      monetary += row.monetary;
    }
    return {
      segment,
      customers: count,
      share: customers.length === 0 ? 0 : count / customers.length,
      monetaryShare: totalMonetary === 0 ? 0 : monetary / totalMonetary,
      meanRecencyDays: count === 0 ? null : recency / count,
      meanFrequency: count === 0 ? null : frequency / count,
      meanMonetary: count === 0 ? null : monetary / count,
    };
  });
  const result: RfmSegmentsResult = { customers, segments, options: { scheme: schemeName, match, fallback } };
  return withDisplay(result, {
    title: "RFM segments",
    summary: (r) => [
      `${r.customers.length} customers in ${r.segments.filter((s) => s.customers > 0).length} segments (${r.options.scheme} scheme)`,
    ],
    rows: (r) => r.segments,
    maxRows: 12,
  });
}
