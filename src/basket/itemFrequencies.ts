import { withDisplay } from "../core/index.js";
import { toTransactions } from "./internal/builder.js";
import { compareText } from "./internal/common.js";
import { countItems } from "./internal/mining.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * One item's frequency.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * itemFrequencies(baskets).items[0]; // => { item: "beer", count: 3, support: 0.75 }
 * ```
 */
export interface ItemFrequency {
  readonly item: string;
  /** Transactions containing the item. */
  readonly count: number;
  /** count / N (0 when there are no transactions). */
  readonly support: number;
}

/**
 * Result of {@link itemFrequencies}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const result = itemFrequencies(baskets);
 * [result.items.length, result.transactionCount, result.itemOccurrences]; // => [4, 4, 8]
 * ```
 */
export interface ItemFrequenciesResult {
  /** Every item, most frequent first (ties by name). */
  readonly items: readonly ItemFrequency[];
  readonly transactionCount: number;
  /** Sum of basket sizes (each item counted once per basket). */
  readonly itemOccurrences: number;
}

/**
 * Counts in how many transactions each item appears (arules
 * `itemFrequency`, absolute and relative), most frequent first. An empty
 * input gives an empty list rather than an error (nothing to divide).
 *
 * Complexity: O(total items + distinct items log distinct items).
 *
 * @param transactions - {@link Transactions} or `string[][]`
 * @throws InvalidRecordError naming the row when a plain basket holds a non-string item
 * @see Hahsler, Grün, Hornik (2005), arules, JSS 14(15): `itemFrequency`.
 * @example
 * ```ts
 * itemFrequencies([["beer", "diapers"], ["beer"]]).items;
 * // => [{ item: "beer", count: 2, support: 1 }, { item: "diapers", count: 1, support: 0.5 }]
 * ```
 */
export function itemFrequencies(transactions: TransactionsInput): ItemFrequenciesResult {
  const data = toTransactions(transactions, "itemFrequencies");
  const counts = countItems(data);
  const n = data.transactionCount;
  const labels = data.itemLabels;
  const codes = labels.map((_, code) => code);
  codes.sort(
    (a, b) =>
      (counts[b] as number) - (counts[a] as number) || compareText(labels[a] as string, labels[b] as string),
  );
  const items = codes.map((code) => {
    const count = counts[code] as number;
    return { item: labels[code] as string, count, support: n === 0 ? 0 : count / n };
  });
  return withDisplay(
    { items, transactionCount: n, itemOccurrences: data.items.length },
    {
      title: "Item frequencies",
      summary: (r) => [`${r.items.length} items in ${r.transactionCount} transactions`],
      rows: (r) => r.items,
    },
  );
}
