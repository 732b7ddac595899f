import { type ColumnTable, table } from "arquero";
import { checkOptions } from "../core/internal/optionRules.js";
import { recordColumns } from "../core/internal/recordColumns.js";
import { columnNames } from "./internal/columnRules.js";

/**
 * Options of {@link toTable}.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: store.planted.end,
 * });
 * toTable(rfm, { columns: ["customerId", "recencyDays", "monetary"] }).columnNames();
 * // => ["customerId", "recencyDays", "monetary"]
 * ```
 */
export interface ToTableOptions {
  /**
   * Columns to keep, in this order (a name absent from the rows gives a column of `null`).
   * @defaultValue every key of the rows, in order of first appearance
   */
  readonly columns?: readonly string[];
}

/** Rules of toTable's options. Exported for the equivalence test of the adapters' option rules; not in the module index. */
export const toTableShape = { columns: columnNames() };

/**
 * Converts a clientele result, or a plain array of records, to an
 * [arquero](https://idl.uwdata.io/arquero/) table, so the result can be
 * filtered, joined, aggregated and printed with arquero's verbs.
 *
 * A result contributes its main rows: the ones its REPL display shows (for
 * example the rules of `associationRules` or the customers of `rfmTable`),
 * read through `displayRows`. Columns are every key found in the rows, in
 * order of first appearance, unless `options.columns` says otherwise.
 * Values are kept as they are: an itemset's `items: string[]` stays an array
 * in its cell, dates stay `Date`s; absent keys and `undefined` become `null`.
 * Nothing is copied deeply and the input is never modified.
 *
 * arquero (>= 8) is an optional peer dependency used only by the
 * `clientele/table` subpath. Complexity: O(rows x columns).
 *
 * @param source - a result returned by a clientele function, or an array of plain records
 * @param options - {@link ToTableOptions}
 * @returns a new arquero `ColumnTable`
 * @throws InvalidOptionsError when `source` is neither a clientele result nor an array,
 *   or when `options.columns` is not a list of distinct non-empty names
 * @throws InvalidRecordError when a row is not a plain object (names the row)
 * @see https://idl.uwdata.io/arquero/api/ (arquero API reference)
 * @example
 * ```ts
 * import { toTable } from "clientele/table";
 *
 * const sales = toTable([
 *   { customer: "c1", items: ["beer", "diapers"], amount: 12.5 },
 *   { customer: "c2", items: ["milk"], amount: 3 },
 * ]);
 * sales.numRows();                                // => 2
 * sales.columnNames();                            // => ["customer", "items", "amount"]
 * sales.get("items", 0);                          // => ["beer", "diapers"]
 * sales.filter((d) => d.amount > 5).objects();    // => [{ customer: "c1", items: ["beer", "diapers"], amount: 12.5 }]
 * ```
 */
export function toTable(source: object, options: ToTableOptions = {}): ColumnTable {
  const { columns } = checkOptions("toTable", toTableShape, options);
  const data = recordColumns("toTable", source, columns);
  const entries = new Map<string, unknown[]>();
  data.names.forEach((name, j) => {
    entries.set(name, data.columns[j] as unknown[]);
  });
  return table(entries);
}
