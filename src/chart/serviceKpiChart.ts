import { optionalSchema, optionsSchema, zodNumberSchema } from "../core/internal/optionChecks.js";
import type { ServiceKpisResult, ServiceKpiValues } from "../crm/index.js";
import {
  type ChartOptions,
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

/** Default targets (see {@link ServiceKpiChartOptions.targets}). */
const DEFAULT_TARGETS: Record<ServiceKpiName, number> = {
  onTimeDelivery: 0.95,
  deliverySuccess: 0.98,
  damageLoss: 0.01,
  stockout: 0.05,
  outboundAccuracy: 0.995,
  inventoryAccuracy: 0.97,
  inboundAccuracy: 0.99,
  firstContactResolution: 0.7,
};

const KPIS: readonly { key: ServiceKpiName; label: string; lowerIsBetter: boolean }[] = [
  { key: "onTimeDelivery", label: "On-time delivery", lowerIsBetter: false },
  { key: "deliverySuccess", label: "Delivery success", lowerIsBetter: false },
  { key: "outboundAccuracy", label: "Outbound accuracy", lowerIsBetter: false },
  { key: "inventoryAccuracy", label: "Inventory accuracy", lowerIsBetter: false },
  { key: "inboundAccuracy", label: "Inbound accuracy", lowerIsBetter: false },
  { key: "firstContactResolution", label: "First-contact resolution", lowerIsBetter: false },
  { key: "damageLoss", label: "Damage and loss (lower is better)", lowerIsBetter: true },
  { key: "stockout", label: "Stockouts (lower is better)", lowerIsBetter: true },
];

const rate = zodNumberSchema({ gte: 0, lte: 1 });
const schema = optionsSchema({
  ...chartOptionsShape,
  targets: optionalSchema(optionsSchema(Object.fromEntries(KPIS.map((k) => [k.key, optionalSchema(rate)])))),
});

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
  const parsed = parseChartOptions(name, schema, options);
  if (!isServiceKpisResult(result)) return refuseResult(name, "result", "serviceKpis", result);
  const targets = {
    ...DEFAULT_TARGETS,
    ...(parsed.targets as Partial<Record<ServiceKpiName, number>> | undefined),
  };
  return KPIS.flatMap(({ key, label, lowerIsBetter }) => {
    const kpi = result.overall[key];
    if (kpi === undefined || kpi.value === null) return [];
    const target = targets[key] as number;
    return [
      {
        kpi: label,
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
  const parsed = parseChartOptions("serviceKpiChart", schema, options);
  const bullets = serviceKpiBullets(result, options);
  const met = bullets.filter((b) => b.meetsTarget).length;
  const y = nominal("kpi", null, { sort: bullets.map((b) => b.kpi), axis: { labelLimit: 320 } });
  const x = quantitative("value", "Rate", shareAxis());
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
          encoding: { x: { datum: 1, type: "quantitative", scale: { domain: [0, 1] } } },
        },
        {
          mark: { type: "bar", size: 10 },
          encoding: {
            x,
            color: nominal("status", null, {
              scale: { domain: ["meets target", "misses target"], range: [PALETTE[2], PALETTE[3]] },
              legend: { orient: "top" },
            }),
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
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 10 },
          encoding: {
            x: { datum: 1, type: "quantitative", scale: { domain: [0, 1] } },
            text: nominal("label"),
          },
        },
      ],
    },
  );
}
