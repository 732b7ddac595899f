import { numeric } from "../core/internal/optionRules.js";
import type {
  CalibrationHoldoutSummaryResult,
  FitBgNbdResult,
  FitParetoNbdResult,
  RepeatPurchaseSummaryResult,
} from "../value/index.js";
import { checkLifetimeInputs, frequencyRecencyGrid, modelName } from "./internal/lifetime.js";
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
  const { cells, T } = frequencyRecencyGrid(summary, parsed.maxFrequency);
  const values = cells.map((cell) => ({
    ...cell,
    probability: tidy(fit.probabilityAlive(cell.frequency, cell.frequency === 0 ? 0 : cell.recency, T)),
  }));
  return frequencyRecencyHeatmap(parsed, values, {
    title: `Probability a customer is still active (${modelName(fit)})`,
    subtitle: `customer age ${T.toFixed(1)} ${summary.options.timeUnit}s; frequency = repeat purchases`,
    unit: summary.options.timeUnit,
    field: "probability",
    legend: "P(alive)",
    format: PERCENT,
    domain: [0, 1],
  });
}

/** Rounds a grid edge to 4 decimals (a pixel is far coarser): keeps the spec and SVG small. */
const tidy4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The heatmap both frequency x recency charts share. */
export function frequencyRecencyHeatmap(
  parsed: ResolvedChartOptions,
  values: readonly object[],
  look: {
    title: string;
    subtitle: string;
    unit: string;
    field: string;
    legend: string;
    format: string;
    domain?: [number, number];
  },
): VegaLiteSpec {
  // A short accessible label per cell (vega's default repeats every field's title: ~270 bytes a rectangle).
  const described = values.map((cell) => {
    const c = cell as Record<string, number>;
    const value = c[look.field] as number;
    const text = look.format === PERCENT ? `${Math.round(100 * value)}%` : value.toFixed(2);
    return {
      ...cell,
      recencyLow: tidy4(c.recencyLow as number),
      recencyHigh: tidy4(c.recencyHigh as number),
      description: `frequency ${c.frequency}, recency ${(c.recency as number).toFixed(1)}: ${text}`,
    };
  });
  return frame(
    parsed,
    { title: look.title, subtitle: look.subtitle, width: 420, height: 360 },
    {
      data: dataValues(described),
      mark: { type: "rect" },
      encoding: {
        x: quantitative("recencyLow", `Recency: time of last purchase (${look.unit}s after the first)`, {
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
