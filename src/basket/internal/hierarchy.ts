import { InvalidRecordError } from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import type { Transactions } from "../Transactions.js";
import { recodeBaskets } from "./builder.js";

/** The hierarchy rows as read once: each item's category at every requested level. */
export interface HierarchyTable {
  /** item label -> its category per level (same order as `levels`), in order of first appearance. */
  readonly categories: Map<string, readonly string[]>;
}

/**
 * Reads hierarchy rows (`{ item, level2, level1 }`): every cell of the item column and of each level column
 * a non-empty string, an item listed once (or again with the same categories). Levels are given finest
 * first (e.g. `["level2", "level1"]`). O(rows x levels).
 */
export function readHierarchy(
  functionName: string,
  hierarchy: readonly Readonly<Record<string, unknown>>[],
  itemColumn: string,
  levels: readonly string[],
): HierarchyTable {
  if (!Array.isArray(hierarchy)) {
    throw argumentError(
      functionName,
      "hierarchy",
      `expected an array of rows such as { ${itemColumn}: "ham", ${levels[0] ?? "level"}: "sausage" }`,
      hierarchy,
    );
  }
  const categories = new Map<string, readonly string[]>();
  hierarchy.forEach((row, r) => {
    if (row === null || typeof row !== "object") {
      throw new InvalidRecordError(functionName, r, "hierarchy", row, "a row object");
    }
    const cell = (column: string): string => {
      const value = row[column];
      if (typeof value !== "string" || value.length === 0) {
        throw new InvalidRecordError(functionName, r, column, value, "a non-empty string");
      }
      return value;
    };
    const item = cell(itemColumn);
    const path = levels.map(cell);
    const known = categories.get(item);
    if (known !== undefined) {
      const differs = known.findIndex((category, l) => category !== path[l]);
      if (differs >= 0) {
        throw new InvalidRecordError(
          functionName,
          r,
          levels[differs] as string,
          path[differs],
          `the same category as the earlier row of item "${item}" ("${known[differs]}")`,
        );
      }
      return;
    }
    categories.set(item, path);
  });
  return { categories };
}

/** The error for an item of the transactions missing from the hierarchy. */
export function unknownItemError(
  functionName: string,
  row: number,
  item: string,
  itemColumn: string,
): InvalidRecordError {
  return new InvalidRecordError(
    functionName,
    row,
    "item",
    item,
    `an item listed in the hierarchy's "${itemColumn}" column (add a row for it, or set unknownItems: "keep")`,
  );
}

/**
 * Rebuilds the transactions with each item mapped to the labels `map(label)` returns (several, or none
 * to drop it); a label repeated within a transaction counts once; ids and order kept, new labels coded
 * in first-seen order. O(items).
 */
export function mapItems(
  data: Transactions,
  map: (label: string, transaction: number) => readonly string[],
  functionName: string,
): Transactions {
  const cache: (readonly string[] | undefined)[] = [];
  const { offsets, items, itemLabels, transactionIds } = data;
  const baskets: string[][] = [];
  for (let t = 0; t < data.transactionCount; t++) {
    const basket: string[] = [];
    for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k++) {
      const code = items[k] as number;
      cache[code] ??= map(itemLabels[code] as string, t);
      basket.push(...(cache[code] as readonly string[]));
    }
    baskets.push(basket);
  }
  const mapped = recodeBaskets(baskets, functionName, true);
  return transactionIds === undefined
    ? mapped
    : Object.freeze({ ...mapped, transactionIds: Object.freeze(transactionIds.slice()) });
}
