import { InvalidOptionsError } from "../core/errors.js";
import { checkOptions, numeric } from "../core/internal/optionRules.js";
import { columnNames } from "./internal/columnRules.js";

/**
 * The part of an arquero table that {@link fromTable} uses (any arquero
 * `ColumnTable` fits), declared structurally so this type does not depend on
 * arquero's.
 *
 * @example
 * ```ts
 * import { table } from "arquero";
 *
 * const source: FromTableSource = table({ a: [1, 2] });
 * source.objects({ limit: 1 }); // => [{ a: 1 }]
 * ```
 */
export interface FromTableSource {
  /** The rows as plain objects (arquero's `table.objects()`). */
  objects(options?: { limit?: number; offset?: number; columns?: string[] }): object[];
}

/**
 * Options of {@link fromTable}.
 *
 * @example
 * ```ts
 * import { table } from "arquero";
 *
 * const lines = table({ order: ["o1", "o1", "o2"], product: ["beer", "diapers", "milk"], quantity: [2, 1, 3] });
 * fromTable(lines, { columns: ["product", "order"], offset: 1, limit: 1 }); // => [{ product: "diapers", order: "o1" }]
 * ```
 */
export interface FromTableOptions {
  /**
   * Columns to read, in this order.
   * @defaultValue every column of the table
   */
  readonly columns?: readonly string[];
  /**
   * Number of rows to skip first (after the table's filter and order).
   * @defaultValue 0
   */
  readonly offset?: number;
  /**
   * Maximum number of rows to read.
   * @defaultValue all rows
   */
  readonly limit?: number;
}

/** Rules of fromTable's options. Exported for the equivalence test of the adapters' option rules; not in the module index. */
export const fromTableShape = {
  columns: columnNames(),
  offset: numeric({ gte: 0, whole: true }),
  limit: numeric({ gte: 0, whole: true }),
};

/**
 * Converts an arquero table to plain records (`table.objects()`), the input
 * every clientele function takes, so data loaded or wrangled with arquero
 * (`loadCSV`, `fromArrow`, joins, derives) can feed any clientele function.
 *
 * The table's current filter and sort order are respected. Cells are returned
 * as stored (numbers, strings, `Date`s, arrays); missing values stay `null`
 * or `undefined`, which clientele's readers treat as missing. The table is not
 * modified. Complexity: O(rows x columns).
 *
 * @typeParam T - the record type you expect (not checked: validate with the
 *   function you pass the records to)
 * @param source - an arquero table (any object with arquero's `objects(options)` method)
 * @param options - {@link FromTableOptions}
 * @returns a new array of new plain objects, one per row
 * @throws InvalidOptionsError when `source` is not an arquero table, or the options are invalid
 * @see https://idl.uwdata.io/arquero/api/table#objects (arquero `objects`)
 * @example
 * ```ts
 * import { table } from "arquero";
 * import { fromTable } from "clientele/table";
 *
 * const lines = table({ order: ["o1", "o1", "o2"], product: ["beer", "diapers", "milk"] });
 * fromTable(lines);
 * // => [{ order: "o1", product: "beer" }, { order: "o1", product: "diapers" }, { order: "o2", product: "milk" }]
 * fromTable(lines, { columns: ["product"], limit: 1 }); // => [{ product: "beer" }]
 * ```
 */
export function fromTable<T extends object = Record<string, unknown>>(
  source: FromTableSource,
  options: FromTableOptions = {},
): T[] {
  if (source === null || typeof source !== "object" || typeof source.objects !== "function") {
    throw new InvalidOptionsError("fromTable", [
      {
        path: "source",
        message: "expected an arquero table (from arquero's table(), from(), loadCSV() ...)",
        received: source,
      },
    ]);
  }
  const parsed = checkOptions("fromTable", fromTableShape, options);
  const request: { limit?: number; offset?: number; columns?: string[] } = {};
  if (parsed.columns !== undefined) request.columns = [...parsed.columns];
  if (parsed.offset !== undefined) request.offset = parsed.offset;
  if (parsed.limit !== undefined) request.limit = parsed.limit;
  return source.objects(request) as T[];
}
