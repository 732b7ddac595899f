import type { InactivityRiskResult } from "../churn/index.js";
import { textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  THOUSANDS,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** True when `value` looks like the result of `inactivityRisk`. */
export function isInactivityRiskResult(value: unknown): value is InactivityRiskResult {
  return hasShape(value, "customers[] bandCounts{} populationGapDays#");
}

const BANDS = ["active", "watch", "at risk", "lapsed"] as const;

/**
 * Customers by inactivity band (active, watch, at risk, lapsed): how many are overdue against their own
 * purchase rhythm, as bars coloured from safe to lapsed, labelled with their share.
 *
 * @param result - result of `inactivityRisk(records, options)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not an inactivityRisk result or an option is invalid
 * @example
 * ```ts
 * const spec = inactivityChart(inactivityRisk(store.orders, { customer: "customerId", date: "date", asOf: "2025-06-30" }));
 * spec.title; // => { text: "Customers by inactivity band", subtitle: "as of 2025-06-30; typical gap between purchases 39 days" }
 * ```
 */
export function inactivityChart(result: InactivityRiskResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "inactivityChart";
  const parsed = parseChartOptions(name, options);
  if (!isInactivityRiskResult(result)) return refuseResult(name, "inactivityRisk", result);
  const total = result.customers.length;
  const [watch, risk, lapsed] = result.options.bandLimits;
  const ranges = [`under ${watch}x`, `${watch}–${risk}x`, `${risk}–${lapsed}x`, `${lapsed}x or more`];
  const values = BANDS.map((band, i) => ({
    band,
    customers: result.bandCounts[band],
    share: total === 0 ? 0 : result.bandCounts[band] / total,
    label: `${total === 0 ? 0 : ((100 * result.bandCounts[band]) / total).toFixed(1)}%`,
    overdue: `${ranges[i]} the expected gap`,
  }));
  const x = nominal("band", "Band (time since last purchase vs expected gap)", {
    sort: [...BANDS],
    axis: { labelAngle: 0 },
  });
  const y = quantitative("customers", "Customers", { axis: { format: "~s" } });
  return frame(
    parsed,
    {
      title: "Customers by inactivity band",
      subtitle: `as of ${result.asOf}; typical gap between purchases ${result.populationGapDays.toFixed(0)} days`,
      width: 360,
      height: 280,
    },
    {
      data: dataValues(values),
      encoding: { x, y },
      layer: [
        {
          mark: "bar",
          encoding: {
            color: categoryChannel(
              "band",
              undefined,
              [...BANDS],
              [PALETTE[2], PALETTE[6], PALETTE[1], PALETTE[3]],
              null,
            ),
            tooltip: [
              nominal("band", "Band"),
              nominal("overdue", "Overdue"),
              quantitative("customers", "Customers", THOUSANDS),
              quantitative("share", "Share", PERCENT_PRECISE),
            ],
          },
        },
        textLayer({ dy: -6, baseline: "bottom" }),
      ],
    },
  );
}
