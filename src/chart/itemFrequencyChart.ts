import type { ItemFrequenciesResult } from "../basket/index.js";
import { numeric } from "../core/internal/optionRules.js";
import {
  type ChartOptions,
  chartOptionsShape,
  countText,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  PERCENT,
  parseChartOptions,
  quantitative,
  refuseResult,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";

/**
 * Options of {@link itemFrequencyChart}.
 *
 * @example
 * ```ts
 * const baskets = [["milk", "butter"], ["milk", "butter", "bread"], ["milk"], ["bread"]];
 * itemFrequencyChart(itemFrequencies(baskets), { topItems: 2 }).title;
 * // => { text: "Most frequent items", subtitle: "top 2 of 3 items in 4 baskets" }
 * ```
 */
export interface ItemFrequencyChartOptions extends ChartOptions {
  /** Show the most frequent items only. @defaultValue 25 */
  readonly topItems?: number;
}

const schema = {
  ...chartOptionsShape,
  topItems: numeric({ whole: true, gte: 1, lte: 500 }),
};

/** True when `value` looks like the result of `itemFrequencies`. */
export function isItemFrequenciesResult(value: unknown): value is ItemFrequenciesResult {
  return hasShape(value, "items[] itemOccurrences# transactionCount#");
}

/**
 * The item frequency bar chart (arules' `itemFrequencyPlot`): the most frequent items by support, the
 * share of baskets that contain each, as horizontal bars, most frequent on top.
 *
 * @param result - result of `itemFrequencies(transactions)`
 * @param options - topItems (default 25), title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not an itemFrequencies result or an option is invalid
 * @example
 * ```ts
 * const baskets = transactionsFrom(store.orderLines, { transaction: "orderId", item: "product" });
 * const spec = itemFrequencyChart(itemFrequencies(baskets), { topItems: 10 });
 * spec.title; // => { text: "Most frequent items", subtitle: "top 10 of 82 items in 9,570 baskets" }
 * ```
 */
export function itemFrequencyChart(
  result: ItemFrequenciesResult,
  options: ItemFrequencyChartOptions = {},
): VegaLiteSpec {
  const name = "itemFrequencyChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isItemFrequenciesResult(result)) return refuseResult(name, "itemFrequencies", result);
  const top = [...result.items].sort((a, b) => b.count - a.count).slice(0, parsed.topItems ?? 25);
  const values = top.map((item) => ({ item: item.item, support: tidy(item.support), count: item.count }));
  return frame(
    parsed,
    {
      title: "Most frequent items",
      subtitle: `top ${top.length} of ${countText(result.items.length)} items in ${countText(result.transactionCount)} baskets`,
      width: 420,
      height: within(top.length * 18, 120, 720),
    },
    {
      data: dataValues(values),
      mark: { type: "bar", color: PALETTE[0] },
      encoding: {
        y: nominal("item", null, { sort: values.map((v) => v.item), axis: { labelLimit: 200 } }),
        x: quantitative("support", "Share of baskets containing the item", {
          axis: { format: PERCENT },
        }),
        tooltip: [
          nominal("item", "Item"),
          quantitative("support", "Support", ".2%"),
          quantitative("count", "Baskets", THOUSANDS),
        ],
      },
    },
  );
}
