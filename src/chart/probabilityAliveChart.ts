import { numeric } from "../core/internal/optionRules.js";
import type {
  CalibrationHoldoutSummaryResult,
  FitBgNbdResult,
  FitParetoNbdResult,
  RepeatPurchaseSummaryResult,
} from "../value/index.js";
import {
  checkLifetimeInputs,
  frequencyRecencyGrid,
  type LifetimeSummary,
  modelName,
} from "./internal/lifetime.js";
import {
  type ChartOptions,
  chartOptionsShape,
  dataValues,
  frame,
  PERCENT,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  type ResolvedChartOptions,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link probabilityAliveChart} and `expectedPurchasesChart`.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * probabilityAliveChart(fitBgNbd(summary), summary, { maxFrequency: 20, title: "Who is still with us?" }).title;
 * // => { text: "Who is still with us?", subtitle: "customer age 104.3 weeks; frequency = repeat purchases" }
 * ```
 */
export interface FrequencyRecencyChartOptions extends ChartOptions {
  /** Largest frequency (repeat purchases) on the grid; default the largest observed, at most 40. */
  readonly maxFrequency?: number;
}

export const frequencyRecencySchema = {
  ...chartOptionsShape,
  maxFrequency: numeric({ whole: true, gte: 1, lte: 200 }),
};

/**
 * P(alive) as a frequency x recency heatmap (the lifetimes "probability alive matrix"): for a customer
 * of the largest age T in the summary, the model's probability of still being active given how many
 * repeat purchases they made (frequency) and when the last one was (recency, in the summary's time unit).
 * Customers who bought often but long ago are the ones most likely gone.
 *
 * @param model - result of `fitBgNbd` or `fitParetoNbd`
 * @param summary - the summary the model was fitted on (`repeatPurchaseSummary` or `calibrationHoldoutSummary`): it sets T and the ranges
 * @param options - maxFrequency, title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when the model or summary is not what is expected or an option is invalid
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * const spec = probabilityAliveChart(fitBgNbd(summary), summary);
 * spec.title; // => { text: "Probability a customer is still active (BG/NBD)", ... }
 * ```
 */
export function probabilityAliveChart(
  model: FitBgNbdResult | FitParetoNbdResult,
  summary: RepeatPurchaseSummaryResult | CalibrationHoldoutSummaryResult,
  options: FrequencyRecencyChartOptions = {},
): VegaLiteSpec {
  const name = "probabilityAliveChart";
  const parsed = parseChartOptions(name, options, frequencyRecencySchema);
  const fit = checkLifetimeInputs(name, summary, model);
  const probability = (frequency: number, recency: number, T: number) =>
    fit.probabilityAlive(frequency, recency, T);
  return frequencyRecencyHeatmap(parsed, summary, probability, {
    title: `Probability a customer is still active (${modelName(fit)})`,
    field: "probability",
    legend: "P(alive)",
    format: PERCENT,
    domain: [0, 1],
  });
}

/** Rounds a grid edge to 4 decimals (a pixel is far coarser): keeps the spec and SVG small. */
const tidy4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * The heatmap both frequency x recency charts draw: the cells of {@link frequencyRecencyGrid} (up to the
 * option `maxFrequency`), each coloured by `valueAt(frequency, recency, T)` for a customer of the summary's
 * largest age T, stored as the field `look.field`.
 */
export function frequencyRecencyHeatmap(
  parsed: ResolvedChartOptions & { readonly maxFrequency?: number | undefined },
  summary: LifetimeSummary,
  valueAt: (frequency: number, recency: number, T: number) => number,
  look: { title: string; field: string; legend: string; format: string; domain?: [number, number] },
): VegaLiteSpec {
  const unit = summary.options.timeUnit;
  const { cells, T } = frequencyRecencyGrid(summary, parsed.maxFrequency);
  const described = cells.map((cell) => {
    // a customer without repeat purchases has recency 0
    const value = tidy(valueAt(cell.frequency, cell.frequency === 0 ? 0 : cell.recency, T));
    const text = look.format === PERCENT ? `${Math.round(100 * value)}%` : value.toFixed(2);
    return {
      ...cell,
      [look.field]: value,
      recencyLow: tidy4(cell.recencyLow),
      recencyHigh: tidy4(cell.recencyHigh),
      // A short accessible label per cell (vega's default repeats every field's title: ~270 bytes a rectangle).
      description: `frequency ${cell.frequency}, recency ${cell.recency.toFixed(1)}: ${text}`,
    };
  });
  return frame(
    parsed,
    {
      title: look.title,
      subtitle: `customer age ${T.toFixed(1)} ${unit}s; frequency = repeat purchases`,
      width: 420,
      height: 360,
    },
    {
      data: dataValues(described),
      mark: { type: "rect" },
      encoding: {
        x: quantitative("recencyLow", `Recency: time of last purchase (${unit}s after the first)`, {
          axis: { grid: false },
        }),
        x2: { field: "recencyHigh" },
        y: quantitative("frequencyLow", "Frequency (repeat purchases)", {
          scale: { nice: false, zero: false },
          axis: { grid: false },
        }),
        y2: { field: "frequencyHigh" },
        description: { field: "description" },
        color: quantitative(look.field, look.legend, {
          scale: { scheme: "viridis", ...(look.domain === undefined ? {} : { domain: look.domain }) },
          legend: { format: look.format },
        }),
        tooltip: [
          quantitative("frequency", "Frequency"),
          quantitative("recency", "Recency", ".1f"),
          quantitative(look.field, look.legend, look.format === PERCENT ? PERCENT_PRECISE : ".2f"),
        ],
      },
    },
  );
}
