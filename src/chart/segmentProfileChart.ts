import type { SegmentProfilesResult } from "../segment/index.js";
import { labelledCellLayers } from "./internal/heatmap.js";
import {
  type ChartOptions,
  countText,
  DIVERGING_SCHEME,
  dataValues,
  frame,
  nominal,
  parseChartOptions,
  quantitative,
  refuseResult,
  shortLabel,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";
import { isSegmentProfilesResult } from "./segmentSharesChart.js";

/**
 * One cell of the profile heatmap.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * const fields = ["recencyDays", "frequency", "monetary"] as const;
 * const model = kMeans(rfm.customers, { k: 4, fields, transforms: ["log1p", "standardize"], seed: 1 });
 * const profiles = segmentProfiles(model, rfm.customers);
 * segmentProfileCells(profiles)[0];
 * // => { segment: "1: lapsed (25%)", feature: "recencyDays", zScore: 0.56, mean: 208.3, colour: 0.56, text: "+0.6", textColor: "#000" }
 * ```
 */
export interface SegmentProfileCell {
  /** `"1: big spenders (12%)"`: number, label and share of customers. */
  readonly segment: string;
  readonly feature: string;
  /** Standardized difference of the segment's mean from the population mean (in population SDs). */
  readonly zScore: number;
  /** The segment's mean of the feature in raw units; null for an empty segment. */
  readonly mean: number | null;
  /** The z-score clamped to [-2, 2] for the colour. */
  readonly colour: number;
  readonly text: string;
  readonly textColor: string;
}

/**
 * The cells of a {@link segmentProfileChart}, segments in model order, features in feature order.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * const fields = ["recencyDays", "frequency", "monetary"] as const;
 * const model = kMeans(rfm.customers, { k: 4, fields, transforms: ["log1p", "standardize"], seed: 1 });
 * const profiles = segmentProfiles(model, rfm.customers);
 * segmentProfileCells(profiles).length; // => 12 (4 segments x 3 features)
 * ```
 */
export function segmentProfileCells(result: SegmentProfilesResult): SegmentProfileCell[] {
  const features = Object.keys(result.populationMeans);
  return result.profiles.flatMap((profile) =>
    features.map((feature) => {
      const z = profile.standardizedDifferences[feature] ?? 0;
      return {
        segment: `${profile.segment + 1}: ${shortLabel(profile.label, 48)} (${(100 * profile.shareOfCustomers).toFixed(0)}%)`,
        feature,
        zScore: tidy(z),
        mean:
          profile.means[feature] === null || profile.means[feature] === undefined
            ? null
            : tidy(profile.means[feature] as number),
        colour: tidy(Math.max(-2, Math.min(2, z))),
        text: `${z >= 0 ? "+" : ""}${z.toFixed(1)}`,
        textColor: Math.abs(z) > 1.3 ? "#fff" : "#000",
      };
    }),
  );
}

/**
 * The segment profile heatmap: one row per segment (numbered, with its generated label and share of
 * customers), one column per feature, each cell coloured and labelled by how far the segment's mean lies
 * from the population's, in standard deviations (z-scores; blue below, orange above, clamped at ±2).
 *
 * @param result - result of `segmentProfiles(model, records)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a segmentProfiles result or an option is invalid
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * const customers = rfm.customers;
 * const fields = ["recencyDays", "frequency", "monetary"] as const;
 * const spec = segmentProfileChart(segmentProfiles(kMeans(customers, { k: 4, fields, seed: 1 }), customers));
 * spec.title; // => { text: "What sets each segment apart", ... }
 * ```
 */
export function segmentProfileChart(result: SegmentProfilesResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "segmentProfileChart";
  const parsed = parseChartOptions(name, options);
  if (!isSegmentProfilesResult(result)) return refuseResult(name, "segmentProfiles", result);
  const cells = segmentProfileCells(result);
  const features = Object.keys(result.populationMeans);
  const segments = [...new Set(cells.map((c) => c.segment))];
  const x = nominal("feature", "Feature", {
    sort: features,
    axis: { labelAngle: -30, labelLimit: 140, grid: false },
  });
  const y = nominal("segment", null, { sort: segments, axis: { labelLimit: 400, grid: false } });
  return frame(
    parsed,
    {
      title: "What sets each segment apart",
      subtitle: `${countText(result.customerCount)} customers; cell = segment mean minus population mean, in standard deviations`,
      width: within(features.length * 80, 240, 720),
      height: within(segments.length * 40, 120, 640),
    },
    {
      data: dataValues(cells),
      encoding: { x, y },
      ...labelledCellLayers(
        quantitative("colour", "z-score", {
          scale: { scheme: DIVERGING_SCHEME, domain: [-2, 2], domainMid: 0 },
        }),
        [
          nominal("segment", "Segment"),
          nominal("feature", "Feature"),
          quantitative("mean", "Segment mean", ",.4~g"),
          quantitative("zScore", "z-score", "+.2f"),
        ],
        nominal("text"),
      ),
    },
  );
}
