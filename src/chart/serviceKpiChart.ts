import { nested, numeric } from "../core/internal/optionRules.js";
import type { ServiceKpisResult, ServiceKpiValues } from "../crm/index.js";
import { textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
  chartOptionsShape,
  countText,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  refuseResult,
  shareAxis,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * The rate KPIs of `serviceKpis`.
 *
 * @example
 * ```ts
 * const name: ServiceKpiName = "onTimeDelivery";
 * ```
 */
export type ServiceKpiName = Exclude<keyof ServiceKpiValues, "orders">;

/**
 * Options of {@link serviceKpiChart}.
 *
 * @example
 * ```ts
 * serviceKpiChart(serviceKpis(store.deliveries), { targets: { onTimeDelivery: 0.9, stockout: 0.02 } }).title;
 * // => { text: "Service KPIs against targets", subtitle: "1 of 4 KPIs meet their target (tick); 3,726 orders" }
 * ```
 */
export interface ServiceKpiChartOptions extends ChartOptions {
  /**
   * Target per KPI (a rate in [0, 1]). The defaults are common logistics benchmarks, meant to be replaced
   * by your own service levels: on-time 95%, delivery success 98%, damage/loss at most 1%, stockout at
   * most 5%, outbound accuracy 99.5%, inventory accuracy 97%, inbound accuracy 99%, first-contact
   * resolution 70%.
   */
  readonly targets?: Partial<Record<ServiceKpiName, number>>;
}

/**
 * The rate KPIs in the order drawn, with their default targets (see {@link ServiceKpiChartOptions.targets});
 * for the last two, lower is better.
 */
const KPIS: readonly { key: ServiceKpiName; label: string; target: number; lowerIsBetter?: true }[] = [
  { key: "onTimeDelivery", label: "On-time delivery", target: 0.95 },
  { key: "deliverySuccess", label: "Delivery success", target: 0.98 },
  { key: "outboundAccuracy", label: "Outbound accuracy", target: 0.995 },
  { key: "inventoryAccuracy", label: "Inventory accuracy", target: 0.97 },
  { key: "inboundAccuracy", label: "Inbound accuracy", target: 0.99 },
  { key: "firstContactResolution", label: "First-contact resolution", target: 0.7 },
  { key: "damageLoss", label: "Damage and loss", target: 0.01, lowerIsBetter: true },
  { key: "stockout", label: "Stockouts", target: 0.05, lowerIsBetter: true },
];

const rate = numeric({ gte: 0, lte: 1 });
const schema = {
  ...chartOptionsShape,
  targets: nested(Object.fromEntries(KPIS.map((k) => [k.key, rate]))),
};

/** True when `value` looks like the result of `serviceKpis`. */
export function isServiceKpisResult(value: unknown): value is ServiceKpisResult {
  return hasShape(value, "overall{} byPeriod[] bySegment[]");
}

/**
 * One bullet: a KPI's overall value against its target.
 *
 * @example
 * ```ts
 * serviceKpiBullets(serviceKpis(store.deliveries))[0];
 * // => { kpi: "On-time delivery", value: 0.923, target: 0.95, meetsTarget: false, basis: "3,338 / 3,618" }
 * ```
 */
export interface ServiceKpiBullet {
  readonly kpi: string;
  readonly value: number;
  readonly target: number;
  readonly meetsTarget: boolean;
  /** `numerator / denominator` of the rate. */
  readonly basis: string;
}

/**
 * The bullets of a {@link serviceKpiChart}: the KPIs with a value (null rates are left out).
 *
 * @example
 * ```ts
 * const result = serviceKpis(store.deliveries);
 * serviceKpiBullets(result, { targets: { onTimeDelivery: 0.9 } }).filter((b) => !b.meetsTarget).map((b) => b.kpi);
 * // => ["Delivery success", "Damage and loss (lower is better)"]
 * ```
 */
export function serviceKpiBullets(
  result: ServiceKpisResult,
  options: ServiceKpiChartOptions = {},
): ServiceKpiBullet[] {
  const name = "serviceKpiChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isServiceKpisResult(result)) return refuseResult(name, "serviceKpis", result);
  const targets: Partial<Record<ServiceKpiName, number>> = {
    ...Object.fromEntries(KPIS.map((k) => [k.key, k.target])),
    ...parsed.targets,
  };
  return KPIS.flatMap(({ key, label, lowerIsBetter }) => {
    const kpi = result.overall[key];
    if (kpi === undefined || kpi.value === null) return [];
    const target = targets[key] as number;
    return [
      {
        kpi: lowerIsBetter ? `${label} (lower is better)` : label,
        value: tidy(kpi.value),
        target,
        meetsTarget: lowerIsBetter ? kpi.value <= target : kpi.value >= target,
        basis: `${countText(kpi.numerator)} / ${countText(kpi.denominator)}`,
      },
    ];
  });
}

/**
 * Service KPIs as bullet charts: each rate (on-time delivery, delivery success, accuracy, first-contact
 * resolution, damage/loss, stockouts) as a bar with its target as a tick, coloured by whether it meets the
 * target. KPIs the data could not measure are left out.
 *
 * @param result - result of `serviceKpis(orders, options)`
 * @param options - targets per KPI, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a serviceKpis result or an option (e.g. a target outside [0, 1]) is invalid
 * @example
 * ```ts
 * const spec = serviceKpiChart(serviceKpis(store.deliveries), { targets: { onTimeDelivery: 0.9 } });
 * spec.title; // => { text: "Service KPIs against targets", subtitle: "2 of 4 KPIs meet their target (tick); 3,726 orders" }
 * ```
 */
export function serviceKpiChart(
  result: ServiceKpisResult,
  options: ServiceKpiChartOptions = {},
): VegaLiteSpec {
  const parsed = parseChartOptions("serviceKpiChart", options, schema);
  const bullets = serviceKpiBullets(result, options);
  const met = bullets.filter((b) => b.meetsTarget).length;
  const y = nominal("kpi", null, { sort: bullets.map((b) => b.kpi), axis: { labelLimit: 320 } });
  const x = quantitative("value", "Rate", shareAxis());
  // the full bar behind each bullet and the labels after it, at 100%
  const end = { datum: 1, type: "quantitative", scale: { domain: [0, 1] } };
  return frame(
    parsed,
    {
      title: "Service KPIs against targets",
      subtitle: `${met} of ${bullets.length} KPIs meet their target (tick); ${countText(result.overall.orders)} orders`,
      width: 420,
      height: Math.max(100, bullets.length * 30),
    },
    {
      data: dataValues(
        bullets.map((b) => ({
          ...b,
          status: b.meetsTarget ? "meets target" : "misses target",
          label: `${(100 * b.value).toFixed(1)}%`,
        })),
      ),
      encoding: { y },
      layer: [
        {
          mark: { type: "bar", color: "#eee", size: 18 },
          encoding: { x: end },
        },
        {
          mark: { type: "bar", size: 10 },
          encoding: {
            x,
            color: categoryChannel(
              "status",
              null,
              ["meets target", "misses target"],
              [PALETTE[2], PALETTE[3]],
            ),
            tooltip: [
              nominal("kpi", "KPI"),
              quantitative("value", "Value", ".2%"),
              quantitative("target", "Target", ".1%"),
              nominal("basis", "Basis"),
            ],
          },
        },
        {
          mark: { type: "tick", color: "#222", thickness: 2, size: 22 },
          encoding: { x: quantitative("target", undefined, { scale: { domain: [0, 1] } }) },
        },
        textLayer({ align: "left", dx: 4, fontSize: 10 }, { x: end }),
      ],
    },
  );
}
