import type { ComplaintSummaryResult } from "../crm/index.js";
import {
  type ChartOptions,
  countText,
  dashed,
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

/** True when `value` looks like the result of `complaintSummary`. */
export function isComplaintSummaryResult(value: unknown): value is ComplaintSummaryResult {
  return hasShape(value, "byCategory[] complaints# trend[]");
}

/**
 * One bar of the complaint Pareto chart.
 *
 * @example
 * ```ts
 * complaintParetoBars(complaintSummary(store.complaints))[0];
 * // => { category: "service quality", complaints: 95, share: 0.325, cumulativeShare: 0.325 }
 * ```
 */
export interface ComplaintParetoBar {
  readonly category: string;
  readonly complaints: number;
  readonly share: number;
  /** Share of all complaints in this and the larger categories. */
  readonly cumulativeShare: number;
}

/**
 * The bars of a {@link complaintParetoChart}: categories with complaints, largest first (ties: input order).
 *
 * @example
 * ```ts
 * complaintParetoBars(complaintSummary(store.complaints)).map((bar) => bar.cumulativeShare);
 * // => [0.325, 0.644, 0.860, 1]
 * ```
 */
export function complaintParetoBars(result: ComplaintSummaryResult): ComplaintParetoBar[] {
  if (!isComplaintSummaryResult(result))
    return refuseResult("complaintParetoChart", "complaintSummary", result);
  const rows = result.byCategory
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.complaints > 0)
    .sort((a, b) => b.row.complaints - a.row.complaints || a.index - b.index);
  let seen = 0;
  return rows.map(({ row }) => {
    seen += row.complaints;
    return {
      category: row.category,
      complaints: row.complaints,
      share: tidy(row.share),
      cumulativeShare: tidy(result.complaints === 0 ? 0 : seen / result.complaints),
    };
  });
}

/**
 * The complaint Pareto chart: complaints per category as bars, largest first, with the cumulative share
 * of all complaints as a line on a second axis and the 80% line, so the few categories behind most
 * complaints stand out.
 *
 * @param result - result of `complaintSummary(complaints)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a complaintSummary result or an option is invalid
 * @example
 * ```ts
 * const spec = complaintParetoChart(complaintSummary(store.complaints));
 * spec.title; // => { text: "Complaints by category (Pareto)", subtitle: "292 complaints; the largest category holds 32.5%" }
 * ```
 */
export function complaintParetoChart(
  result: ComplaintSummaryResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const parsed = parseChartOptions("complaintParetoChart", options);
  const bars = complaintParetoBars(result);
  const first = bars[0];
  const x = nominal("category", "Category", {
    sort: bars.map((b) => b.category),
    axis: { labelAngle: -30, labelLimit: 240 },
  });
  return frame(
    parsed,
    {
      title: "Complaints by category (Pareto)",
      subtitle: `${countText(result.complaints)} complaints${first === undefined ? "" : `; the largest category holds ${(100 * first.share).toFixed(1)}%`}`,
      width: within(bars.length * 60, 260, 720),
      height: 300,
    },
    {
      data: dataValues(bars),
      encoding: { x },
      layer: [
        {
          mark: { type: "bar", color: PALETTE[0] },
          encoding: {
            y: quantitative("complaints", "Complaints", { axis: { format: "~s" } }),
            tooltip: [
              nominal("category", "Category"),
              quantitative("complaints", "Complaints", THOUSANDS),
              quantitative("share", "Share", PERCENT_PRECISE),
              quantitative("cumulativeShare", "Cumulative share", PERCENT_PRECISE),
            ],
          },
        },
        {
          layer: [
            {
              mark: { type: "line", color: PALETTE[3], point: { color: PALETTE[3] } },
              encoding: {
                y: quantitative("cumulativeShare", "Cumulative share of complaints", {
                  axis: { format: PERCENT, orient: "right" },
                  scale: { domain: [0, 1] },
                }),
              },
            },
            {
              data: dataValues([{ cumulativeShare: 0.8 }]),
              mark: dashed("rule"),
              encoding: {
                x: null,
                y: quantitative("cumulativeShare", undefined, { scale: { domain: [0, 1] } }),
              },
            },
          ],
        },
      ],
      resolve: { scale: { y: "independent" } },
    },
  );
}
