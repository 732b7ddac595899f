import { numeric, required } from "../core/internal/optionRules.js";
import type { FitBetaGeometricBetaBinomialResult } from "../value/index.js";
import { shareHeatmapLayers } from "./internal/heatmap.js";
import {
  type ChartOptions,
  chartOptionsShape,
  dataValues,
  frame,
  hasShape,
  ordinal,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";

/**
 * Options of {@link bgbbProbabilityAliveChart}.
 *
 * @example
 * ```ts
 * const donors = [
 *   { frequency: 6, recency: 6, periods: 6, count: 40 },
 *   { frequency: 3, recency: 4, periods: 6, count: 25 },
 *   { frequency: 1, recency: 1, periods: 6, count: 30 },
 *   { frequency: 0, recency: 0, periods: 6, count: 90 },
 * ];
 * const model = fitBetaGeometricBetaBinomial(donors, { weight: "count" });
 * bgbbProbabilityAliveChart(model, { periods: 6, title: "Which donors are still with us?" }).title;
 * // => { text: "Which donors are still with us?", ... }
 * ```
 */
export interface BgbbProbabilityAliveChartOptions extends ChartOptions {
  /** Transaction opportunities observed (n): the grid has every pattern 0 ≤ x ≤ t_x ≤ n. Required. */
  readonly periods: number;
}

const schema = {
  ...chartOptionsShape,
  periods: required(numeric({ whole: true, gte: 1, lte: 60 })),
};

/**
 * One cell of {@link bgbbProbabilityAliveChart}: a recency/frequency pattern and its P(alive).
 *
 * @example
 * ```ts
 * // FHS 2010's 11,104 donors, 1995-2001 (n = 6 opportunities), as [x, t_x, donors]
 * const patterns = [[6, 6, 1203], [5, 6, 728], [4, 6, 512], [3, 6, 357], [2, 6, 234], [1, 6, 129], [5, 5, 335],
 *   [4, 5, 284], [3, 5, 225], [2, 5, 173], [1, 5, 119], [4, 4, 240], [3, 4, 181], [2, 4, 155], [1, 4, 78],
 *   [3, 3, 322], [2, 3, 255], [1, 3, 129], [2, 2, 613], [1, 2, 277], [1, 1, 1091], [0, 0, 3464]];
 * const donations = patterns.map(([frequency, recency, count]) => ({ frequency, recency, periods: 6, count }));
 * const model = fitBetaGeometricBetaBinomial(donations, { weight: "count" });
 * bgbbProbabilityAliveCells(model, { periods: 6 }).find((c) => c.frequency === 3 && c.recency === 4);
 * // => { frequency: 3, recency: 4, probability: 0.4396, label: "44%" }
 * ```
 */
export interface BgbbProbabilityAliveCell {
  /** x: transactions in the n opportunities. */
  readonly frequency: number;
  /** t_x: the opportunity of the last transaction (0 when x = 0). */
  readonly recency: number;
  /** P(alive at opportunity n + 1 | x, t_x, n). */
  readonly probability: number;
  /** The probability as a rounded percentage, printed in the cell. */
  readonly label: string;
}

/** True when `value` looks like the result of `fitBetaGeometricBetaBinomial`. */
export function isBetaGeometricBetaBinomialResult(
  value: unknown,
): value is FitBetaGeometricBetaBinomialResult {
  return (
    hasShape(value, "params{} probabilityAlive() discountedExpectedResidualTransactions()") &&
    ["alpha", "beta", "gamma", "delta"].every(
      (k) => typeof (value.params as Record<string, unknown>)[k] === "number",
    )
  );
}

/**
 * The cells of {@link bgbbProbabilityAliveChart}: every possible pattern (x, t_x) after n opportunities —
 * (0, 0) and 1 ≤ x ≤ t_x ≤ n — with the model's P(alive).
 *
 * @example
 * ```ts
 * const donors = [
 *   { frequency: 6, recency: 6, periods: 6, count: 40 },
 *   { frequency: 3, recency: 4, periods: 6, count: 25 },
 *   { frequency: 1, recency: 1, periods: 6, count: 30 },
 *   { frequency: 0, recency: 0, periods: 6, count: 90 },
 * ];
 * const model = fitBetaGeometricBetaBinomial(donors, { weight: "count" });
 * bgbbProbabilityAliveCells(model, { periods: 6 }).length; // => 22 ((0, 0) and the 21 with 1 ≤ x ≤ t_x ≤ 6)
 * ```
 */
export function bgbbProbabilityAliveCells(
  model: FitBetaGeometricBetaBinomialResult,
  options: BgbbProbabilityAliveChartOptions,
): BgbbProbabilityAliveCell[] {
  const name = "bgbbProbabilityAliveChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isBetaGeometricBetaBinomialResult(model))
    return refuseResult(name, "fitBetaGeometricBetaBinomial", model, "model");
  const n = parsed.periods;
  const cell = (x: number, tx: number): BgbbProbabilityAliveCell => {
    const probability = tidy(model.probabilityAlive(x, tx, n));
    return { frequency: x, recency: tx, probability, label: `${Math.round(100 * probability)}%` };
  };
  const cells = [cell(0, 0)];
  for (let x = 1; x <= n; x++) for (let tx = x; tx <= n; tx++) cells.push(cell(x, tx));
  return cells;
}

/**
 * P(alive) of a fitted BG/BB model for every recency/frequency pattern after n transaction opportunities
 * (Fader, Hardie & Shang 2010, figure 6): frequency x (transactions) up, recency t_x (the opportunity of
 * the last one) across, each cell printed with its percentage. Customers who transacted often but not
 * lately (top left) are the ones most likely gone. The patterns x > t_x cannot occur and stay empty.
 *
 * @param model - result of `fitBetaGeometricBetaBinomial`
 * @param options - periods (n, required), title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `model` is not a BG/BB fit, `periods` is missing, or an option is invalid
 * @example
 * ```ts
 * const donors = [
 *   { frequency: 6, recency: 6, periods: 6, count: 40 },
 *   { frequency: 3, recency: 4, periods: 6, count: 25 },
 *   { frequency: 1, recency: 1, periods: 6, count: 30 },
 *   { frequency: 0, recency: 0, periods: 6, count: 90 },
 * ];
 * const model = fitBetaGeometricBetaBinomial(donors, { weight: "count" });
 * const spec = bgbbProbabilityAliveChart(model, { periods: 6 });
 * spec.title; // => { text: "Probability a customer is still active after 6 opportunities (BG/BB)", ... }
 * ```
 */
export function bgbbProbabilityAliveChart(
  model: FitBetaGeometricBetaBinomialResult,
  options: BgbbProbabilityAliveChartOptions,
): VegaLiteSpec {
  const cells = bgbbProbabilityAliveCells(model, options);
  const parsed = parseChartOptions("bgbbProbabilityAliveChart", options, schema);
  const n = parsed.periods;
  const ascending = Array.from({ length: n + 1 }, (_, i) => i);
  const x = ordinal("recency", "Recency: opportunity of the last transaction (t_x)", {
    axis: { labelAngle: 0 },
    scale: { domain: ascending },
  });
  // Frequency grows upwards: the band scale runs top to bottom, so its domain is listed high to low.
  const y = ordinal("frequency", "Frequency: transactions (x)", {
    scale: { domain: [...ascending].reverse() },
  });
  const side = within(48 * (n + 1), 200, 560);
  return frame(
    parsed,
    {
      title: `Probability a customer is still active after ${n} opportunities (BG/BB)`,
      subtitle: "frequency = transactions in the n opportunities; empty cells (x > t_x) cannot occur",
      width: side,
      height: side,
    },
    {
      data: dataValues(cells),
      layer: shareHeatmapLayers({
        x,
        y,
        field: "probability",
        title: "P(alive)",
        tooltip: [
          quantitative("frequency", "Frequency (x)"),
          quantitative("recency", "Recency (t_x)"),
          quantitative("probability", "P(alive)", PERCENT_PRECISE),
        ],
        labelSize: n <= 20 ? 11 : null,
      }),
    },
  );
}
