import type { ChurnModelCoefficient } from "../../churn/trainChurnModel.js";
import type { LorenzCurveResult } from "../../value/lorenzCurve.js";
import type { RfmSegmentSummary, RfmSegmentsResult } from "../../value/rfmSegments.js";

/**
 * What a report's narrative (htmlNarrative.ts) and its table (htmlRows.ts) both read off a result,
 * so that the words and the table always say the same: shares of a total, the top customers' share
 * on a Lorenz curve, a model's strongest terms, items by frequency, bootstrap paths. Internal.
 */

/** The sum of `value` over `rows`, added in order. */
export function sumOf<T>(rows: readonly T[], value: (row: T) => number): number {
  let sum = 0;
  for (const row of rows) sum += value(row);
  return sum;
}

/** `part / whole` with the whole taken as at least 1, so that an empty whole gives 0 (not NaN). */
export const shareOf = (part: number, whole: number): number => part / Math.max(1, whole);

/**
 * The value share held by the top `top` share of customers (0.2: the top 20%), read off a Lorenz
 * curve (customers poorest first) by linear interpolation between its points.
 */
export function topValueShare(curve: LorenzCurveResult, top: number): number {
  const x = 1 - top;
  const xs = curve.customerShare;
  const ys = curve.valueShare;
  for (let i = 1; i < xs.length; i++) {
    const x1 = xs[i] as number;
    if (x1 >= x) {
      const x0 = xs[i - 1] as number;
      const y0 = ys[i - 1] as number;
      const y1 = ys[i] as number;
      return 1 - (x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0));
    }
  }
  return 0;
}

/** The RFM segments that hold at least one customer, in the result's order. */
export const occupiedSegments = (result: RfmSegmentsResult): RfmSegmentSummary[] =>
  result.segments.filter((segment) => segment.customers > 0);

/** A churn model's terms without the intercept, the strongest (largest standardized effect) first. */
export function strongestTerms(coefficients: readonly ChurnModelCoefficient[]): ChurnModelCoefficient[] {
  return coefficients
    .filter((c) => c.kind !== "intercept")
    .sort((a, b) => Math.abs(b.standardizedEstimate) - Math.abs(a.standardizedEstimate));
}

/** Items (of itemFrequencies) the most frequent first. */
export function itemsByCount<T extends { readonly count: number }>(items: readonly T[]): T[] {
  return items.slice().sort((a, b) => b.count - a.count);
}

/** A structural path in words: "Quality → Satisfaction". */
export const pathName = (path: { readonly from: string; readonly to: string }): string =>
  `${path.from} → ${path.to}`;

/** True when a bootstrap interval excludes 0: the path is significant at the interval's level. */
export const excludesZero = (interval: { readonly lower: number; readonly upper: number }): boolean =>
  interval.lower > 0 || interval.upper < 0;
