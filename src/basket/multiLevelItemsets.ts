import { withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import type { AddCategoriesOptions } from "./addCategories.js";
import type { ItemHierarchy } from "./aggregateItems.js";
import {
  type FrequentItemsetsOptions,
  type FrequentItemsetsResult,
  frequentItemsets,
} from "./frequentItemsets.js";
import { extendWithCategories, holdsAncestorPair, splitHierarchyOptions } from "./internal/categories.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link multiLevelItemsets}: the hierarchy options of {@link addCategories} and those of
 * {@link frequentItemsets} except `target` (closed and maximal itemsets are not defined once the
 * item/category itemsets are dropped).
 *
 * @example
 * ```ts
 * const options: MultiLevelItemsetsOptions = { levels: ["level2"], minSupport: 0.01 };
 * options.minSupport; // => 0.01
 * ```
 */
export interface MultiLevelItemsetsOptions
  extends AddCategoriesOptions,
    Omit<FrequentItemsetsOptions, "target"> {}

/**
 * Result of {@link multiLevelItemsets}.
 *
 * @example
 * ```ts
 * const hierarchy = [{ item: "ham", level2: "sausage" }, { item: "milk", level2: "dairy" }];
 * multiLevelItemsets([["ham", "milk"]], hierarchy, { levels: ["level2"], minCount: 1 }).droppedAncestorItemsets; // => 7
 * ```
 */
export interface MultiLevelItemsetsResult extends FrequentItemsetsResult {
  /** Itemsets dropped because they held an item together with one of its categories. */
  readonly droppedAncestorItemsets: number;
}

/**
 * Frequent itemsets across the levels of a product hierarchy: the baskets
 * extended with their items' categories ({@link addCategories}, labels
 * `category*`), mined with {@link frequentItemsets}, without the itemsets
 * holding an item together with one of its own categories (or a category
 * with a higher category of its own), whose count is that of the itemset
 * without the category. Items and categories of other branches combine
 * freely: `{ham, dairy produce*}`.
 *
 * Complexity: that of {@link frequentItemsets} on the extended baskets (the budget counts the dropped
 * itemsets too), plus O(length^2) set lookups per itemset.
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param hierarchy - {@link ItemHierarchy} rows (not mutated)
 * @param options - {@link MultiLevelItemsetsOptions}
 * @throws InvalidRecordError and InvalidOptionsError as {@link addCategories} and {@link frequentItemsets}
 * @throws InsufficientDataError when there are no transactions
 * @see Srikant, Agrawal (1995), "Mining generalized association rules", VLDB.
 * @example
 * ```ts
 * const hierarchy = [
 *   { item: "ham", level2: "sausage" },
 *   { item: "salami", level2: "sausage" },
 *   { item: "whole milk", level2: "dairy produce" },
 * ];
 * const baskets = [["ham", "whole milk"], ["salami", "whole milk"], ["whole milk"]];
 * const { itemsets } = multiLevelItemsets(baskets, hierarchy, { levels: ["level2"], minCount: 2 });
 * itemsets.map((s) => `${s.items.join("+")}:${s.count}`).sort();
 * // => ["dairy produce*+sausage*:2", "dairy produce*:3", "sausage*+whole milk:2", "sausage*:2", "whole milk:3"]
 * ```
 */
export function multiLevelItemsets(
  transactions: TransactionsInput,
  hierarchy: ItemHierarchy,
  options: MultiLevelItemsetsOptions,
): MultiLevelItemsetsResult {
  const fn = "multiLevelItemsets";
  const { parsed, rest } = splitHierarchyOptions(fn, options);
  if (rest.target !== undefined && rest.target !== "all") {
    throw argumentError(
      fn,
      "target",
      'only "all": closed, maximal and generator itemsets are not defined once the item/category itemsets are dropped',
      rest.target,
    );
  }
  const { data, ancestors } = extendWithCategories(fn, transactions, hierarchy, parsed);
  const mined = frequentItemsets(data, rest as FrequentItemsetsOptions);
  const itemsets = mined.itemsets.filter((itemset) => !holdsAncestorPair(itemset.items, [], ancestors));
  const result: MultiLevelItemsetsResult = {
    ...mined,
    itemsets,
    droppedAncestorItemsets: mined.itemsets.length - itemsets.length,
  };
  return withDisplay(result, {
    title: "Multi-level frequent itemsets",
    summary: (r) => [
      `${r.itemsets.length} itemsets from ${r.transactionCount} transactions (min count ${r.options.minCount}); ${r.droppedAncestorItemsets} item/category itemsets dropped${r.truncated ? `, TRUNCATED by ${r.truncatedReason}` : ""}`,
    ],
    rows: (r) => r.itemsets,
    columns: ["items", "support", "count"],
  });
}
