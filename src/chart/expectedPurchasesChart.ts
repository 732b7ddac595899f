import { DAYS_PER_UNIT, type TimeUnit } from "../core/index.js";
import { numeric } from "../core/internal/optionRules.js";
import type {
  CalibrationHoldoutSummaryResult,
  FitBgNbdResult,
  FitParetoNbdResult,
  RepeatPurchaseSummaryResult,
} from "../value/index.js";
import { checkLifetimeInputs, modelName } from "./internal/lifetime.js";
import { parseChartOptions, type VegaLiteSpec } from "./internal/spec.js";
import {
  type FrequencyRecencyChartOptions,
  frequencyRecencyHeatmap,
  frequencyRecencySchema,
} from "./probabilityAliveChart.js";

/**
 * Options of {@link expectedPurchasesChart}.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * expectedPurchasesChart(fitBgNbd(summary), summary, { horizon: 13, maxFrequency: 20 }).title;
 * // => { text: "Expected purchases in the next 13 weeks (BG/NBD)", ... }
 * ```
 */
export interface ExpectedPurchasesChartOptions extends FrequencyRecencyChartOptions {
  /** Horizon in the summary's time unit; default one year (52.18 weeks, 365.25 days, 12 months ...). */
  readonly horizon?: number;
}

const schema = { ...frequencyRecencySchema, horizon: numeric({ gt: 0, lte: 1e6 }) };

/**
 * Expected purchases in the next period as a frequency x recency heatmap (the lifetimes "frequency
 * recency matrix"): for a customer of the largest age T in the summary, the model's conditional
 * expectation of purchases over `horizon` given their frequency and recency. The best customers sit
 * at high frequency and recent last purchase.
 *
 * @param model - result of `fitBgNbd` or `fitParetoNbd`
 * @param summary - the summary the model was fitted on (sets T, the ranges and the time unit)
 * @param options - horizon, maxFrequency, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when the model or summary is not what is expected or an option is invalid
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * const spec = expectedPurchasesChart(fitBgNbd(summary), summary, { horizon: 26 });
 * spec.title; // => { text: "Expected purchases in the next 26 weeks (BG/NBD)", ... }
 * ```
 */
export function expectedPurchasesChart(
  model: FitBgNbdResult | FitParetoNbdResult,
  summary: RepeatPurchaseSummaryResult | CalibrationHoldoutSummaryResult,
  options: ExpectedPurchasesChartOptions = {},
): VegaLiteSpec {
  const name = "expectedPurchasesChart";
  const parsed = parseChartOptions(name, options, schema);
  const fit = checkLifetimeInputs(name, summary, model);
  const unit = summary.options.timeUnit;
  const horizon = parsed.horizon ?? 365.25 / (DAYS_PER_UNIT[unit as TimeUnit] ?? 1);
  const horizonText =
    parsed.horizon === undefined
      ? "year"
      : `${Number.isInteger(horizon) ? String(horizon) : horizon.toFixed(1)} ${unit}s`;
  const expected = (frequency: number, recency: number, T: number) =>
    fit.conditionalExpectedPurchases(horizon, frequency, recency, T);
  return frequencyRecencyHeatmap(parsed, summary, expected, {
    title: `Expected purchases in the next ${horizonText} (${modelName(fit)})`,
    field: "expected",
    legend: "Expected purchases",
    format: ".1f",
  });
}
