import type { LorenzCurveResult, ParetoAnalysisResult } from "../value/index.js";
import { textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  dataValues,
  diagonal,
  evenlySpaced,
  filledPoint,
  frame,
  hasShape,
  PALETTE,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  shareAxis,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** Most curve points a Lorenz chart draws (evenly spaced in customer share; the 80/20 point is exact). */
const MAX_POINTS = 501;

/** True when `value` looks like the result of `lorenzCurve`. */
export function isLorenzCurveResult(value: unknown): value is LorenzCurveResult {
  return hasShape(value, "customerShare[#] valueShare[#] gini#");
}

/** True when `value` looks like the result of `paretoAnalysis`. */
export function isParetoAnalysisResult(value: unknown): value is ParetoAnalysisResult {
  return hasShape(value, "ranking[] core{} abc[]");
}

/** Lorenz points (poorest first) of a Pareto analysis's ranking (richest first). */
function paretoToLorenz(result: ParetoAnalysisResult): { x: Float64Array; y: Float64Array } {
  const n = result.ranking.length;
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    x[k] = k / n;
    // The poorest k customers hold what the richest n - k do not.
    y[k] = k === n ? 1 : 1 - (result.ranking[n - k - 1]?.cumulativeShare ?? 0);
  }
  y[0] = 0;
  return { x, y };
}

/** Linear interpolation of the curve at customer share `at`. */
function valueAt(x: Float64Array, y: Float64Array, at: number): number {
  const n = x.length - 1;
  const position = at * n;
  const low = Math.floor(position);
  if (low >= n) return y[n] as number;
  const fraction = position - low;
  return (y[low] as number) + fraction * ((y[low + 1] as number) - (y[low] as number));
}

/**
 * The Lorenz curve of customer value: cumulative share of customers (smallest first) against the share of
 * value they hold, with the line of equality, the 80/20 point (what the top 20% of customers hold) and the
 * Gini coefficient in the subtitle. Takes the result of `lorenzCurve` or `paretoAnalysis`; at most 501
 * evenly spaced points are drawn (all of them up to 500 customers).
 *
 * @param result - result of `lorenzCurve(values)` or `paretoAnalysis(values)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification (plain JSON)
 * @throws InvalidOptionsError when `result` is neither result or an option is invalid
 * @example
 * ```ts
 * const spec = lorenzChart(lorenzCurve([1, 2, 3, 4, 10]));
 * spec.title; // => { text: "How concentrated is customer value?", subtitle: "Gini 0.400 · top 20% of customers hold 50.0% of value" }
 * ```
 */
export function lorenzChart(
  result: LorenzCurveResult | ParetoAnalysisResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const name = "lorenzChart";
  const parsed = parseChartOptions(name, options);
  let x: Float64Array;
  let y: Float64Array;
  if (isLorenzCurveResult(result)) {
    x = result.customerShare;
    y = result.valueShare;
  } else if (isParetoAnalysisResult(result)) {
    ({ x, y } = paretoToLorenz(result));
  } else {
    return refuseResult(name, "lorenzCurve or paretoAnalysis", result);
  }
  const n = x.length - 1;
  let area = 0;
  for (let k = 1; k <= n; k++)
    area += ((x[k] as number) - (x[k - 1] as number)) * ((y[k] as number) + (y[k - 1] as number));
  const gini = isLorenzCurveResult(result) ? result.gini : 1 - area;
  const points = evenlySpaced(n + 1, MAX_POINTS).map((k) => ({
    customerShare: tidy(x[k] as number),
    valueShare: tidy(y[k] as number),
  }));
  const bottom80 = valueAt(x, y, 0.8);
  const top20Text = `${(100 * (1 - bottom80)).toFixed(1)}%`;
  const xAxis = quantitative("customerShare", "Share of customers (smallest value first)", shareAxis());
  const yAxis = quantitative("valueShare", "Share of total value", shareAxis());
  const marker = [{ customerShare: 0.8, valueShare: tidy(bottom80), label: `top 20% hold ${top20Text}` }];
  return frame(
    parsed,
    {
      title: "How concentrated is customer value?",
      subtitle: `Gini ${gini.toFixed(3)} · top 20% of customers hold ${top20Text} of value`,
      width: 400,
      height: 400,
    },
    {
      layer: [
        diagonal(xAxis, yAxis),
        {
          data: dataValues(points),
          mark: {
            type: "area",
            line: { color: PALETTE[0], strokeWidth: 2 },
            color: PALETTE[0],
            opacity: 0.15,
          },
          encoding: {
            x: xAxis,
            y: yAxis,
            tooltip: [
              quantitative("customerShare", "Customers", PERCENT_PRECISE),
              quantitative("valueShare", "Value", PERCENT_PRECISE),
            ],
          },
        },
        {
          data: dataValues(marker),
          mark: filledPoint({ size: 80, color: PALETTE[3] }),
          encoding: { x: xAxis, y: yAxis },
        },
        {
          data: dataValues(marker),
          ...textLayer(
            { align: "right", dx: -8, dy: -8, fontSize: 12, color: PALETTE[3] },
            { x: xAxis, y: yAxis },
          ),
        },
      ],
    },
  );
}
