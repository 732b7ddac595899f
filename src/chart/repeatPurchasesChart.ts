import { numeric } from "../core/internal/optionRules.js";
import type {
  BgNbdParams,
  CalibrationHoldoutSummaryResult,
  FitBgNbdResult,
  FitParetoNbdResult,
  ParetoNbdParams,
  RepeatPurchaseSummaryResult,
} from "../value/index.js";
import { checkLifetimeInputs, type LifetimeModel, modelName } from "./internal/lifetime.js";
import { bgNbdPmf, paretoNbdSimulatedPmf } from "./internal/repeatDistribution.js";
import {
  type ChartOptions,
  categoryChannel,
  chartOptionsShape,
  countText,
  dataValues,
  frame,
  nominal,
  ordinal,
  PALETTE,
  parseChartOptions,
  quantitative,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link repeatPurchasesChart}.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * repeatPurchasesChart(fitParetoNbd(summary), summary, { maxFrequency: 10, seed: 42 }).title;
 * // => { text: "Customers by repeat purchases: actual vs Pareto/NBD", ... }
 * ```
 */
export interface RepeatPurchasesChartOptions extends ChartOptions {
  /** Customers with this many repeat purchases or more share the last bar. @defaultValue 7 */
  readonly maxFrequency?: number;
  /** Seed of the Pareto/NBD simulation (BG/NBD is exact). @defaultValue 1 */
  readonly seed?: number;
}

const schema = {
  ...chartOptionsShape,
  maxFrequency: numeric({ whole: true, gte: 1, lte: 100 }),
  seed: numeric({ whole: true }),
};

/**
 * One bar pair: customers with `frequency` repeat purchases, actual and as the model predicts.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * repeatPurchasesBars(fitBgNbd(summary), summary)[0];
 * // => { frequency: 0, label: "0", actual: 183, expected: 173.2 }
 * ```
 */
export interface RepeatPurchasesBar {
  readonly frequency: number;
  /** `"0"`, `"1"`, ..., `"7+"`. */
  readonly label: string;
  readonly actual: number;
  readonly expected: number;
}

/**
 * Actual and model-expected numbers of customers by repeat purchases in the summary's period: exact for
 * BG/NBD (sum over customers of P(X(T_i) = x)), by seeded simulation (200,000 draws in all) for Pareto/NBD.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * repeatPurchasesBars(fitBgNbd(summary), summary, { maxFrequency: 3 }).map((bar) => bar.label);
 * // => ["0", "1", "2", "3+"]
 * ```
 */
export function repeatPurchasesBars(
  model: FitBgNbdResult | FitParetoNbdResult,
  summary: RepeatPurchaseSummaryResult | CalibrationHoldoutSummaryResult,
  options: RepeatPurchasesChartOptions = {},
): RepeatPurchasesBar[] {
  const name = "repeatPurchasesChart";
  const parsed = parseChartOptions(name, options, schema);
  const fit = checkLifetimeInputs(name, summary, model);
  const maxX = parsed.maxFrequency ?? 7;
  const actual = new Float64Array(maxX + 1);
  const ages = new Map<number, number>();
  for (let i = 0; i < summary.T.length; i++) {
    const f = Math.min(maxX, summary.frequency[i] as number);
    actual[f] = (actual[f] as number) + 1;
    const T = summary.T[i] as number;
    ages.set(T, (ages.get(T) ?? 0) + 1);
  }
  const expected = new Float64Array(maxX + 1);
  const isBg = "a" in fit.params;
  const draws = Math.max(50, Math.floor(200_000 / Math.max(1, ages.size)));
  let k = 0;
  for (const [T, count] of ages) {
    let pmf: Float64Array;
    if (isBg) {
      pmf = bgNbdPmf(fit.params as BgNbdParams, T, maxX);
      let below = 0;
      for (let x = 0; x < maxX; x++) below += pmf[x] as number;
      pmf[maxX] = Math.max(0, 1 - below);
    } else {
      pmf = paretoNbdSimulatedPmf(
        fit.params as ParetoNbdParams,
        T,
        maxX,
        draws,
        ((parsed.seed ?? 1) + k++ * 7919) >>> 0,
      );
    }
    for (let x = 0; x <= maxX; x++) expected[x] = (expected[x] as number) + count * (pmf[x] as number);
  }
  return Array.from({ length: maxX + 1 }, (_, x) => ({
    frequency: x,
    label: x === maxX ? `${x}+` : String(x),
    actual: actual[x] as number,
    expected: tidy(expected[x] as number),
  }));
}

/**
 * Predicted against actual distribution of repeat purchases: how many customers made 0, 1, 2, ... repeat
 * purchases in the summary's period, observed and as the fitted model implies for customers of the same
 * ages (lifetimes' `plot_period_transactions`, Fader, Hardie & Lee 2005, figure 1). Bars that match are
 * the first check of a model's fit.
 *
 * @param model - result of `fitBgNbd` or `fitParetoNbd`
 * @param summary - the summary the model was fitted on
 * @param options - maxFrequency (last bar is "or more"), seed (Pareto/NBD simulation), title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when the model or summary is not what is expected or an option is invalid
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * const spec = repeatPurchasesChart(fitBgNbd(summary), summary);
 * spec.title;
 * // => { text: "Customers by repeat purchases: actual vs BG/NBD", subtitle: "1,000 customers; repeat purchases = purchase days after the first" }
 * ```
 */
export function repeatPurchasesChart(
  model: FitBgNbdResult | FitParetoNbdResult,
  summary: RepeatPurchaseSummaryResult | CalibrationHoldoutSummaryResult,
  options: RepeatPurchasesChartOptions = {},
): VegaLiteSpec {
  const bars = repeatPurchasesBars(model, summary, options);
  const parsed = parseChartOptions("repeatPurchasesChart", options, schema);
  const label = modelName(model as LifetimeModel);
  const series = ["Actual", `Expected (${label})`];
  const values = bars.flatMap((bar) => [
    { label: bar.label, frequency: bar.frequency, series: series[0], customers: bar.actual },
    { label: bar.label, frequency: bar.frequency, series: series[1], customers: bar.expected },
  ]);
  return frame(
    parsed,
    {
      title: `Customers by repeat purchases: actual vs ${label}`,
      subtitle: `${countText(summary.T.length)} customers; repeat purchases = purchase days after the first`,
      width: 480,
      height: 300,
    },
    {
      data: dataValues(values),
      mark: "bar",
      encoding: {
        x: ordinal("label", "Repeat purchases", { sort: bars.map((b) => b.label), axis: { labelAngle: 0 } }),
        xOffset: nominal("series", undefined, { sort: series }),
        y: quantitative("customers", "Customers", { axis: { format: "~s" } }),
        color: categoryChannel("series", null, series, [PALETTE[0], PALETTE[1]]),
        tooltip: [
          ordinal("label", "Repeat purchases"),
          nominal("series", "Series"),
          quantitative("customers", "Customers", THOUSANDS),
        ],
      },
    },
  );
}
