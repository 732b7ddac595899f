import { checkOptions } from "../core/internal/optionRules.js";
import type { ItemHierarchy } from "./aggregateItems.js";
import { categoriesShape, extendWithCategories } from "./internal/categories.js";
import type { Transactions, TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link addCategories} (and the hierarchy part of {@link multiLevelRules} and
 * {@link multiLevelItemsets}).
 *
 * @example
 * ```ts
 * const options: AddCategoriesOptions = { levels: ["level2", "level1"], suffix: "*" };
 * options.levels.length; // => 2
 * ```
 */
export interface AddCategoriesOptions {
  /** Columns of the hierarchy rows holding the categories to add, finest first (e.g. `["level2", "level1"]`). */
  readonly levels: readonly string[];
  /** Column of the hierarchy rows holding the item name. @defaultValue "item" */
  readonly item?: string;
  /**
   * Appended to a category's name to make its item label (arules' `addAggregate` postfix), so that a
   * category named like an item stays distinct; a clash is an `InvalidOptionsError`.
   * @defaultValue "*"
   */
  readonly suffix?: string;
  /**
   * An item without a hierarchy row: `"error"` throws an `InvalidRecordError` naming the first transaction
   * holding it; `"keep"` keeps it, with no category.
   * @defaultValue "error"
   */
  readonly unknownItems?: "error" | "keep";
}

/**
 * Adds to every transaction the categories of its items, at each level asked for,
 * as extra items labelled `category + suffix` (arules `addAggregate`): a basket
 * `{ham, whole milk}` becomes `{ham, whole milk, sausage*, dairy produce*}`.
 * Mining the result finds itemsets and rules across levels ("ham => dairy
 * produce*"); {@link multiLevelRules} and {@link multiLevelItemsets} do so and
 * drop the itemsets holding an item with its own category, which are
 * redundant (their count is the item's).
 *
 * Complexity: O(hierarchy rows x levels + item occurrences x levels).
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param hierarchy - {@link ItemHierarchy} rows (not mutated)
 * @param options - {@link AddCategoriesOptions}
 * @returns the extended {@link Transactions} (ids and order kept)
 * @throws InvalidRecordError naming a hierarchy row and column with an empty or non-string cell, or an item
 *   listed twice with different categories; naming the transaction of an item the hierarchy lacks (unless
 *   `unknownItems: "keep"`)
 * @throws InvalidOptionsError for missing `levels`, unknown options, or a category label equal to an item's
 * @see Hahsler, Grün, Hornik (2005), arules, JSS 14(15): `addAggregate`, `filterAggregate`.
 * @example
 * ```ts
 * const hierarchy = [
 *   { item: "ham", level2: "sausage" },
 *   { item: "whole milk", level2: "dairy produce" },
 * ];
 * const extended = addCategories([["ham", "whole milk"]], hierarchy, { levels: ["level2"] });
 * extended.itemLabels; // => ["ham", "sausage*", "whole milk", "dairy produce*"]
 * ```
 */
export function addCategories(
  transactions: TransactionsInput,
  hierarchy: ItemHierarchy,
  options: AddCategoriesOptions,
): Transactions {
  const parsed = checkOptions("addCategories", categoriesShape, options);
  return extendWithCategories("addCategories", transactions, hierarchy, parsed).data;
}
