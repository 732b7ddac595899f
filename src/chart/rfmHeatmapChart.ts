import type { RfmScoresResult } from "../value/index.js";
import { labelledCellLayers } from "./internal/heatmap.js";
import {
  type ChartOptions,
  CURRENCY,
  countText,
  dataValues,
  frame,
  hasShape,
  ordinal,
  parseChartOptions,
  quantitative,
  refuseResult,
  SEQUENTIAL_SCHEME,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** True when `value` looks like the result of `rfmScores` (or `rfmSegments`, which extends its rows). */
export function isRfmScoresResult(value: unknown): value is RfmScoresResult {
  return hasShape(value, "customers[] breaks{} options.bins#");
}

/**
 * One cell of the R x F grid.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * rfmHeatmapCells(rfmScores(rfm))[0];
 * // => { recencyScore: 1, frequencyScore: 1, customers: 133, meanMonetary: 26.04 }
 * ```
 */
export interface RfmHeatmapCell {
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly customers: number;
  /** Mean monetary value of the cell's customers; null for an empty cell. */
  readonly meanMonetary: number | null;
}

/**
 * The R x F cells of an `rfmScores` result, every combination of scores (empty ones with 0 customers).
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * rfmHeatmapCells(rfmScores(rfm)).length; // => 25 (5 x 5 scores)
 * ```
 */
export function rfmHeatmapCells(result: RfmScoresResult): RfmHeatmapCell[] {
  const bins = result.options.bins;
  const counts = new Float64Array(bins * bins);
  const sums = new Float64Array(bins * bins);
  for (const row of result.customers) {
    const cell = (row.recencyScore - 1) * bins + (row.frequencyScore - 1);
    counts[cell] = (counts[cell] as number) + 1;
    sums[cell] = (sums[cell] as number) + row.monetary;
  }
  const cells: RfmHeatmapCell[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      const cell = (r - 1) * bins + (f - 1);
      const count = counts[cell] as number;
      cells.push({
        recencyScore: r,
        frequencyScore: f,
        customers: count,
        meanMonetary: count === 0 ? null : tidy((sums[cell] as number) / count),
      });
    }
  }
  return cells;
}

/**
 * The R x F heatmap of an RFM scoring: recency score (5 = bought most recently) against frequency score,
 * each cell coloured by its number of customers and labelled with their mean monetary value. Accepts
 * the result of `rfmScores` or `rfmSegments`.
 *
 * @param result - result of `rfmScores(table)` (or `rfmSegments(...)`)
 * @param options - title, width, height, currency symbol for the mean spend labels
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not an RFM scoring or an option is invalid
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * const spec = rfmHeatmapChart(rfmScores(rfm), { currency: "€" });
 * spec.title; // => { text: "Customers by recency and frequency score", subtitle: "1,000 customers; colour: customers, label: mean spend" }
 * ```
 */
export function rfmHeatmapChart(result: RfmScoresResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "rfmHeatmapChart";
  const parsed = parseChartOptions(name, options);
  if (!isRfmScoresResult(result)) {
    return refuseResult(name, "rfmScores or rfmSegments", result);
  }
  const cells = rfmHeatmapCells(result);
  const max = Math.max(1, ...cells.map((cell) => cell.customers));
  const values = cells.map((cell) => ({
    ...cell,
    // Light text on dark cells: decided here so the spec needs no expression.
    textColor: cell.customers > max * 0.55 ? "#000" : "#fff",
  }));
  const x = ordinal("frequencyScore", "Frequency score (higher = more purchases)", {
    axis: { labelAngle: 0, grid: false },
  });
  const y = ordinal("recencyScore", "Recency score (higher = bought more recently)", {
    sort: "descending",
    axis: { grid: false },
  });
  return frame(
    parsed,
    {
      title: "Customers by recency and frequency score",
      subtitle: `${countText(result.customers.length)} customers; colour: customers, label: mean spend`,
      width: 360,
      height: 360,
    },
    {
      data: dataValues(values),
      encoding: { x, y },
      ...labelledCellLayers(
        quantitative("customers", "Customers", { scale: { scheme: SEQUENTIAL_SCHEME } }),
        [
          ordinal("recencyScore", "Recency score"),
          ordinal("frequencyScore", "Frequency score"),
          quantitative("customers", "Customers", THOUSANDS),
          quantitative("meanMonetary", "Mean spend", CURRENCY),
        ],
        quantitative("meanMonetary", undefined, CURRENCY),
      ),
    },
  );
}
