import type { SegmentProfilesResult } from "../segment/index.js";
import type { RfmSegmentsResult, ValueTiersResult } from "../value/index.js";
import {
  type ChartOptions,
  categoryChannel,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  PERCENT,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";
import { capitalized } from "./internal/words.js";

/** True when `value` looks like the result of `rfmSegments`. */
export function isRfmSegmentsResult(value: unknown): value is RfmSegmentsResult {
  return (
    hasShape(value, "customers[] segments[]") &&
    (value.segments as unknown[]).every((s) => hasShape(s, "monetaryShare#"))
  );
}

/** True when `value` looks like the result of `valueTiers`. */
export function isValueTiersResult(value: unknown): value is ValueTiersResult {
  return hasShape(value, "tiers[] thresholds{}");
}

/** True when `value` looks like the result of `segmentProfiles`. */
export function isSegmentProfilesResult(value: unknown): value is SegmentProfilesResult {
  return hasShape(value, "profiles[] populationMeans{}");
}

/**
 * One segment's share of customers and of value.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * segmentShares(rfmSegments(rfmScores(rfm)))[0];
 * // => { segment: "Potential Loyalist", customers: 392, customerShare: 0.392, valueShare: 0.604 }
 * ```
 */
export interface SegmentShare {
  readonly segment: string;
  readonly customers: number;
  readonly customerShare: number;
  /** Share of revenue (RFM), contribution (value tiers) or value (profiles); null when unknown. */
  readonly valueShare: number | null;
}

/**
 * The shares a {@link segmentSharesChart} draws, largest value share first; empty segments left out.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * segmentShares(valueTiers(rfm.customers, { customer: "customer", contribution: "monetary" })).map((s) => s.segment);
 * // => ["premium", "ordinary"] (largest contribution share first; the empty key, potential and restricted tiers left out)
 * ```
 */
export function segmentShares(
  result: RfmSegmentsResult | ValueTiersResult | SegmentProfilesResult,
): SegmentShare[] {
  let rows: SegmentShare[];
  if (isRfmSegmentsResult(result)) {
    rows = result.segments.map((s) => ({
      segment: s.segment,
      customers: s.customers,
      customerShare: s.share,
      valueShare: s.monetaryShare,
    }));
  } else if (isValueTiersResult(result)) {
    rows = result.tiers.map((t) => ({
      segment: t.tier,
      customers: t.customers,
      customerShare: t.share,
      valueShare: t.contributionShare,
    }));
  } else if (isSegmentProfilesResult(result)) {
    rows = result.profiles.map((p) => ({
      segment: `${p.segment + 1}: ${p.label}`,
      customers: p.size,
      customerShare: p.shareOfCustomers,
      valueShare: p.shareOfValue,
    }));
  } else {
    return refuseResult("segmentSharesChart", "rfmSegments, valueTiers or segmentProfiles", result);
  }
  return rows
    .filter((row) => row.customers > 0)
    .sort((a, b) => (b.valueShare ?? b.customerShare) - (a.valueShare ?? a.customerShare));
}

/**
 * Segments by their share of customers against their share of value, as paired horizontal bars: the
 * picture that shows a small segment bringing most of the revenue. Accepts `rfmSegments` (revenue),
 * `valueTiers` (contribution) and `segmentProfiles` (value, when profiled with a `valueField`; else
 * customers only). Segments are sorted by value share; empty segments are left out.
 *
 * @param result - result of `rfmSegments`, `valueTiers` or `segmentProfiles`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is none of these or an option is invalid
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * const spec = segmentSharesChart(rfmSegments(rfmScores(rfm)));
 * spec.title; // => { text: "Segments: share of customers vs share of revenue" }
 * ```
 */
export function segmentSharesChart(
  result: RfmSegmentsResult | ValueTiersResult | SegmentProfilesResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const parsed = parseChartOptions("segmentSharesChart", options);
  const rows = segmentShares(result);
  const valueWord = isValueTiersResult(result)
    ? "contribution"
    : isRfmSegmentsResult(result)
      ? "revenue"
      : "value";
  const valueMeasure = capitalized(valueWord);
  const values = rows.flatMap((row) => [
    { segment: row.segment, measure: "Customers", share: tidy(row.customerShare), count: row.customers },
    ...(row.valueShare === null
      ? []
      : [{ segment: row.segment, measure: valueMeasure, share: tidy(row.valueShare), count: row.customers }]),
  ]);
  const measures = ["Customers", valueMeasure];
  return frame(
    parsed,
    {
      title: `Segments: share of customers vs share of ${valueWord}`,
      width: 420,
      height: within(rows.length * 36, 160, 640),
    },
    {
      data: dataValues(values),
      mark: "bar",
      encoding: {
        y: nominal("segment", "Segment", { sort: rows.map((row) => row.segment), axis: { labelLimit: 220 } }),
        yOffset: nominal("measure", undefined, { sort: measures }),
        x: quantitative("share", "Share", { axis: { format: PERCENT } }),
        color: { ...categoryChannel("measure", null, measures, [PALETTE[4], PALETTE[0]]), sort: measures },
        tooltip: [
          nominal("segment", "Segment"),
          nominal("measure", "Share of"),
          quantitative("share", "Share", PERCENT_PRECISE),
          quantitative("count", "Customers", THOUSANDS),
        ],
      },
    },
  );
}
