import { type Field, isoDate, MS_PER_DAY, parseDateValue } from "../core/index.js";
import { field, list, numeric } from "../core/internal/optionRules.js";
import type { CalibrationHoldoutSummaryResult, FitBgNbdResult, FitParetoNbdResult } from "../value/index.js";
import { purchaseDays } from "../value/internal/purchaseDays.js";
import { textLayer } from "./internal/layers.js";
import { isLifetimeModel, type LifetimeModel, modelName } from "./internal/lifetime.js";
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
  THOUSANDS,
  temporal,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link trackingChart}.
 *
 * @example
 * ```ts
 * const fields = { customer: "customerId", date: "date", amount: "amount" } as const;
 * const split = calibrationHoldoutSummary(store.orderLines, { ...fields, calibrationEnd: "2025-06-30", asOf: "2025-12-31", timeUnit: "week" });
 * trackingChart(split, fitBgNbd(split), { transactions: store.orderLines, ...fields }).title;
 * // => { text: "Repeat purchases: actual vs BG/NBD forecast", subtitle: "833 customers acquired by 2025-06-30; holdout to 2025-12-31" }
 * ```
 */
export interface TrackingChartOptions<T> extends ChartOptions {
  /**
   * The transaction records the summary was built from. With them the actual curve has one point per
   * period; without them only its two known points: the end of calibration and the end of the holdout.
   */
  readonly transactions?: readonly T[];
  /** Customer field of `transactions` (as passed to calibrationHoldoutSummary). @defaultValue `"customer"` */
  readonly customer?: Field<T>;
  /** Date field of `transactions`. @defaultValue `"date"` */
  readonly date?: Field<T>;
  /** Amount field, when the summary used one (refunds then cancel purchase days the same way). */
  readonly amount?: Field<T>;
  /** Most points on the time axis; periods are merged beyond it. @defaultValue 150 */
  readonly maxPoints?: number;
}

const schema = {
  ...chartOptionsShape,
  transactions: list<unknown>(),
  customer: field<Field<unknown>>(),
  date: field<Field<unknown>>(),
  amount: field<Field<unknown>>(),
  maxPoints: numeric({ whole: true, gte: 10, lte: 2000 }),
};

/**
 * One point of the tracking plot.
 *
 * @example
 * ```ts
 * const split = calibrationHoldoutSummary(store.orders, {
 *   customer: "customerId", date: "date", calibrationEnd: "2025-06-30", asOf: "2025-12-31", timeUnit: "week",
 * });
 * trackingPoints(split, fitBgNbd(split))[0];
 * // => { date: "2024-01-01", offset: -78, series: "expected", cumulative: 0 }
 * ```
 */
export interface TrackingPoint {
  /** ISO date at the end of the period. */
  readonly date: string;
  /** Time since the end of calibration, in the summary's unit (negative before it). */
  readonly offset: number;
  readonly series: "actual" | "expected";
  /** Cumulative repeat purchases (purchase days after each customer's first) up to the date. */
  readonly cumulative: number;
}

function isCalibrationHoldoutSummary(value: unknown): value is CalibrationHoldoutSummaryResult {
  return hasShape(value, "holdoutFrequency[#] T[#] holdoutDuration# options.calibrationEnd$");
}

const dayOf = (iso: string): number => Math.floor((parseDateValue(iso) as number) / MS_PER_DAY);

/**
 * The points of a tracking plot: cumulative actual and expected repeat purchases of the summary's
 * customers per period, from the first customer's first purchase to the end of the holdout.
 *
 * @example
 * ```ts
 * const split = calibrationHoldoutSummary(store.orders, {
 *   customer: "customerId", date: "date", calibrationEnd: "2025-06-30", asOf: "2025-12-31", timeUnit: "week",
 * });
 * trackingPoints(split, fitBgNbd(split)).filter((p) => p.series === "actual").length; // => 2 (no transactions passed)
 * ```
 */
export function trackingPoints<T>(
  summary: CalibrationHoldoutSummaryResult,
  model: FitBgNbdResult | FitParetoNbdResult,
  options: TrackingChartOptions<T> = {},
): TrackingPoint[] {
  const name = "trackingChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isCalibrationHoldoutSummary(summary)) {
    return refuseResult(name, "calibrationHoldoutSummary", summary, "summary");
  }
  if (!isLifetimeModel(model)) return refuseResult(name, "fitBgNbd or fitParetoNbd", model, "model");
  const fit = model as LifetimeModel;
  const calibrationDay = dayOf(summary.options.calibrationEnd);
  const endDay = dayOf(summary.options.asOf);
  const unitDays = (endDay - calibrationDay) / summary.holdoutDuration;
  const n = summary.T.length;
  const ages = new Map<number, number>();
  let maxT = 0;
  let calibrationRepeats = 0;
  let holdoutRepeats = 0;
  for (let i = 0; i < n; i++) {
    const T = summary.T[i] as number;
    ages.set(T, (ages.get(T) ?? 0) + 1);
    maxT = Math.max(maxT, T);
    calibrationRepeats += summary.frequency[i] as number;
    holdoutRepeats += summary.holdoutFrequency[i] as number;
  }
  const holdout = summary.holdoutDuration;
  const span = maxT + holdout;
  const step = Math.max(1, Math.ceil(span / (parsed.maxPoints ?? 150)));
  const offsets: number[] = [];
  for (let k = -Math.ceil(maxT / step); k * step < holdout; k++) offsets.push(k * step);
  offsets.push(holdout);
  const dateAt = (offset: number) => isoDate((calibrationDay + offset * unitDays) * MS_PER_DAY);
  const points: TrackingPoint[] = [];
  for (const offset of offsets) {
    let expected = 0;
    for (const [T, count] of ages) {
      const t = offset + T;
      if (t > 0) expected += count * fit.expectedPurchases(t);
    }
    points.push({
      date: dateAt(offset),
      offset: tidy(offset),
      series: "expected",
      cumulative: tidy(expected),
    });
  }
  if (parsed.transactions === undefined) {
    points.push({ date: dateAt(0), offset: 0, series: "actual", cumulative: calibrationRepeats });
    points.push({
      date: dateAt(holdout),
      offset: tidy(holdout),
      series: "actual",
      cumulative: calibrationRepeats + holdoutRepeats,
    });
    return points;
  }
  const inSummary = new Set(summary.customers.map((row) => row.customer));
  const days = purchaseDays(parsed.transactions as readonly T[], {
    functionName: name,
    customer: (parsed.customer ?? "customer") as Field<T>,
    date: (parsed.date ?? "date") as Field<T>,
    amount: parsed.amount as Field<T> | undefined,
    endDay,
    afterEnd: "drop",
  });
  const repeatOffsets: number[] = [];
  days.labels.forEach((label, c) => {
    if (!inSummary.has(label)) return;
    const start = days.offsets[c] as number;
    const stop = days.offsets[c + 1] as number;
    if (stop - start < 1 || (days.days[start] as number) > calibrationDay) return;
    for (let j = start + 1; j < stop; j++)
      repeatOffsets.push(((days.days[j] as number) - calibrationDay) / unitDays);
  });
  repeatOffsets.sort((a, b) => a - b);
  let seen = 0;
  for (const offset of offsets) {
    while (seen < repeatOffsets.length && (repeatOffsets[seen] as number) <= offset + 1e-9) seen++;
    points.push({ date: dateAt(offset), offset: tidy(offset), series: "actual", cumulative: seen });
  }
  return points;
}

/**
 * The tracking plot of a repeat-buying model: cumulative repeat purchases of the calibration customers,
 * actual against what the fitted BG/NBD or Pareto/NBD model expects, through the calibration period and
 * on into the holdout, with the end of calibration marked. Curves that stay together in the holdout are
 * the evidence a model forecasts well (Fader, Hardie & Lee 2005, figure 2; lifetimes'
 * `plot_cumulative_transactions`). Pass the transactions for the full actual curve.
 *
 * @param summary - result of `calibrationHoldoutSummary`
 * @param model - `fitBgNbd(summary)` or `fitParetoNbd(summary)`
 * @param options - transactions with their customer/date/amount fields, maxPoints, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when the summary or model is not what is expected or an option is invalid
 * @throws InvalidRecordError for a transaction with a missing customer or an invalid date
 * @example
 * ```ts
 * const split = calibrationHoldoutSummary(store.orders, {
 *   customer: "customerId", date: "date", calibrationEnd: "2025-06-30", asOf: "2025-12-31", timeUnit: "week",
 * });
 * const spec = trackingChart(split, fitBgNbd(split), { transactions: store.orders, customer: "customerId", date: "date" });
 * spec.title; // => { text: "Repeat purchases: actual vs BG/NBD forecast", ... }
 * ```
 */
export function trackingChart<T>(
  summary: CalibrationHoldoutSummaryResult,
  model: FitBgNbdResult | FitParetoNbdResult,
  options: TrackingChartOptions<T> = {},
): VegaLiteSpec {
  const points = trackingPoints(summary, model, options);
  const parsed = parseChartOptions("trackingChart", options, schema);
  const label = `Expected (${modelName(model as LifetimeModel)})`;
  const values = points.map((p) => ({ ...p, series: p.series === "actual" ? "Actual" : label }));
  const x = temporal("date", "Date");
  const y = quantitative("cumulative", "Cumulative repeat purchases", { axis: { format: "~s" } });
  return frame(
    parsed,
    {
      title: `Repeat purchases: actual vs ${modelName(model as LifetimeModel)} forecast`,
      subtitle: `${countText(summary.customers.length)} customers acquired by ${summary.options.calibrationEnd}; holdout to ${summary.options.asOf}`,
      width: 560,
      height: 320,
    },
    {
      layer: [
        {
          data: dataValues(values),
          mark: { type: "line", point: options.transactions === undefined },
          encoding: {
            x,
            y,
            color: categoryChannel("series", null, ["Actual", label], [PALETTE[0], PALETTE[1]]),
            strokeDash: categoryChannel(
              "series",
              null,
              ["Actual", label],
              [
                [1, 0],
                [6, 3],
              ],
            ),
            tooltip: [
              temporal("date", "Date"),
              nominal("series", "Series"),
              quantitative("cumulative", "Repeat purchases", THOUSANDS),
            ],
          },
        },
        {
          data: dataValues([{ date: summary.options.calibrationEnd, label: "end of calibration" }]),
          layer: [
            { mark: { type: "rule", color: "#777", strokeDash: [2, 2] }, encoding: { x } },
            textLayer(
              { align: "right", dx: -4, dy: 6, baseline: "top", color: "#555" },
              { x, y: { value: 0 } },
            ),
          ],
        },
      ],
    },
  );
}
