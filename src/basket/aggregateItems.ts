import {
  checkOptions,
  nonEmptyText,
  oneOf,
  required,
  withStrayLength,
} from "../core/internal/optionRules.js";
import { toTransactions } from "./internal/builder.js";
import { mapItems, readHierarchy, unknownItemError } from "./internal/hierarchy.js";
import type { Transactions, TransactionsInput } from "./Transactions.js";

/**
 * A product hierarchy: one row per item naming its category at each level, e.g.
 * `{ item: "ham", level2: "sausage", level1: "meat and sausage" }` (the columns of arules'
 * `itemInfo(Groceries)`). Every cell read is a non-empty string.
 *
 * @example
 * ```ts
 * const hierarchy: ItemHierarchy = [
 *   { item: "ham", level2: "sausage", level1: "meat and sausage" },
 *   { item: "frankfurter", level2: "sausage", level1: "meat and sausage" },
 * ];
 * hierarchy.length; // => 2
 * ```
 */
export type ItemHierarchy = readonly Readonly<Record<string, unknown>>[];

/**
 * Options of {@link aggregateItems}.
 *
 * @example
 * ```ts
 * const options: AggregateItemsOptions = { level: "level2" };
 * options.level; // => "level2"
 * ```
 */
export interface AggregateItemsOptions {
  /** Column of the hierarchy rows holding the category the items are replaced by (e.g. `"level2"`). */
  readonly level: string;
  /** Column of the hierarchy rows holding the item name. @defaultValue "item" */
  readonly item?: string;
  /**
   * An item of the transactions without a hierarchy row: `"error"` throws an `InvalidRecordError` naming
   * the first transaction holding it; `"keep"` keeps it under its own name.
   * @defaultValue "error"
   */
  readonly unknownItems?: "error" | "keep";
}

const COLUMN = "must name a column of the hierarchy rows";

/** The column options keep zod's second issue for an empty array (an empty value of another kind is too short as well). */
const COLUMN_LENGTH = { min: 1, message: COLUMN };

/**
 * Rules of aggregateItems' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const aggregateItemsShape = {
  level: required(withStrayLength(nonEmptyText(COLUMN), COLUMN_LENGTH)),
  item: withStrayLength(nonEmptyText(COLUMN), COLUMN_LENGTH),
  unknownItems: oneOf(["error", "keep"]),
};

/**
 * Replaces every item by its category at one level of a product hierarchy
 * (arules `aggregate(x, by = "level2")`): a transaction holding two items of
 * the same category holds the category once. Mine the result with
 * {@link frequentItemsets} or {@link associationRules} for category-level
 * rules when single products are too sparse. Transaction ids and order are kept;
 * category codes follow first appearance.
 *
 * Complexity: O(hierarchy rows + item occurrences).
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param hierarchy - {@link ItemHierarchy} rows (not mutated)
 * @param options - {@link AggregateItemsOptions}
 * @returns the aggregated {@link Transactions}
 * @throws InvalidRecordError naming the hierarchy row and column of an empty or non-string cell, or of an
 *   item listed twice with different categories; naming the transaction of an item the hierarchy lacks
 *   (unless `unknownItems: "keep"`)
 * @throws InvalidOptionsError when `level` is missing or an option is unknown
 * @see Hahsler, Grün, Hornik (2005), arules, JSS 14(15): `aggregate` on `itemInfo` levels.
 * @example
 * ```ts
 * const hierarchy = [
 *   { item: "ham", level2: "sausage" },
 *   { item: "frankfurter", level2: "sausage" },
 *   { item: "whole milk", level2: "dairy produce" },
 * ];
 * const level2 = aggregateItems([["ham", "frankfurter"], ["ham", "whole milk"]], hierarchy, { level: "level2" });
 * level2.itemLabels;           // => ["sausage", "dairy produce"]
 * Array.from(level2.items);    // => [0, 0, 1]
 * Array.from(level2.offsets);  // => [0, 1, 3]
 * ```
 */
export function aggregateItems(
  transactions: TransactionsInput,
  hierarchy: ItemHierarchy,
  options: AggregateItemsOptions,
): Transactions {
  const fn = "aggregateItems";
  const { level, item = "item", unknownItems = "error" } = checkOptions(fn, aggregateItemsShape, options);
  const table = readHierarchy(fn, hierarchy, item, [level]);
  const data = toTransactions(transactions, fn);
  return mapItems(
    data,
    (label, t) => {
      const path = table.categories.get(label);
      if (path !== undefined) return path;
      if (unknownItems === "keep") return [label];
      throw unknownItemError(fn, t, label, item);
    },
    fn,
  );
}
