import { DataFrame } from "danfojs-node";
import { InvalidOptionsError } from "../core/errors.js";
import { checkOptions } from "../core/internal/optionRules.js";
import { recordRows } from "../core/internal/recordColumns.js";
import { toDataFrameShape } from "./internal/toDataFrameShape.js";

/**
 * Options of {@link toDataFrame}.
 *
 * @example
 * ```ts
 * toDataFrame(rfm, { columns: ["customerId", "monetary"], index: "customerId" }).columns; // => ["monetary"]
 * ```
 */
export interface ToDataFrameOptions {
  /**
   * Columns to keep, in this order (a name absent from the rows gives a column of `null`).
   * @defaultValue every key of the rows, in order of first appearance
   */
  readonly columns?: readonly string[];
  /**
   * A column whose values become the DataFrame's row index (and are removed
   * from the columns), e.g. `"customerId"`. Its values must be distinct.
   * @defaultValue none: the index is 0, 1, 2, ...
   */
  readonly index?: string;
}

/**
 * Converts a clientele result, or a plain array of records, to a
 * [danfo.js](https://danfo.jsdata.org/) `DataFrame` (from `danfojs-node`).
 *
 * A result contributes its main rows, the ones its REPL display shows, read
 * through `displayRows`. Columns are every key found in the rows in order of
 * first appearance (danfo's own record constructor reads each row's values
 * positionally, which scrambles rows whose keys come in a different order;
 * this adapter lays the rows out by name instead). Absent keys and
 * `undefined` become `null`; arrays (e.g. `items: string[]`) and dates are
 * kept as cell values. danfo has no array dtype: it labels an array column
 * `"string"`, keeps the arrays in `frame.values` (so {@link fromDataFrame}
 * gives them back), but its Series view (`frame.column("items")`) joins them
 * with commas. With `index`, filter rows with `frame.loc({ rows: mask })`:
 * danfo 1.2's `frame.query(mask)` throws on a frame whose index is not
 * 0, 1, 2, ... The input is never modified.
 *
 * danfojs-node is an optional peer dependency loaded only by the
 * `clientele/danfo` subpath (loading it takes about a second: it brings
 * TensorFlow.js). Complexity: O(rows x columns).
 *
 * @param source - a result returned by a clientele function, or an array of plain records
 * @param options - {@link ToDataFrameOptions}
 * @returns a new danfo `DataFrame`
 * @throws InvalidOptionsError when `source` is neither a clientele result nor an array,
 *   when the options are invalid, or when `index` names no column or a column with repeated values
 * @throws InvalidRecordError when a row is not a plain object (names the row)
 * @see https://danfo.jsdata.org/api-reference/dataframe (danfo.js DataFrame reference)
 * @example
 * ```ts
 * import { toDataFrame } from "clientele/danfo";
 *
 * const frame = toDataFrame([
 *   { customer: "c1", recencyDays: 12, monetary: 250.5 },
 *   { customer: "c2", recencyDays: 90, monetary: 40 },
 * ], { index: "customer" });
 * frame.columns;                 // => ["recencyDays", "monetary"]
 * frame.index;                   // => ["c1", "c2"]
 * frame.column("monetary").values; // => [250.5, 40]
 * ```
 */
export function toDataFrame(source: object, options: ToDataFrameOptions = {}): DataFrame {
  const parsed = checkOptions("toDataFrame", toDataFrameShape, options);
  const { rows, names: allNames } = recordRows("toDataFrame", source, parsed.columns);
  let names = allNames;
  let index: unknown[] | undefined;
  if (parsed.index !== undefined) {
    const key = parsed.index;
    if (!allNames.includes(key)) {
      throw new InvalidOptionsError("toDataFrame", [
        {
          path: "index",
          message: `no column "${key}" in the rows (columns: ${allNames.join(", ") || "none"})`,
          received: key,
        },
      ]);
    }
    index = new Array<unknown>(rows.length);
    const seen = new Set<unknown>();
    for (let i = 0; i < rows.length; i++) {
      const label = (rows[i] as Record<string, unknown>)[key] ?? null;
      if (seen.has(label)) {
        throw new InvalidOptionsError("toDataFrame", [
          {
            path: "index",
            message: `column "${key}" repeats the value ${String(label)} (row ${i}); a DataFrame index needs distinct values`,
            received: key,
          },
        ]);
      }
      seen.add(label);
      index[i] = label;
    }
    names = allNames.filter((name) => name !== key);
  }
  // rows as arrays in column order: danfo's record constructor reads values positionally
  const cells: unknown[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const line = new Array<unknown>(names.length);
    for (let j = 0; j < names.length; j++) line[j] = row[names[j] as string] ?? null;
    cells[i] = line;
  }
  const frameOptions: { columns: string[]; index?: (string | number)[] } = { columns: [...names] };
  if (index !== undefined) frameOptions.index = index as (string | number)[];
  return new DataFrame(cells as never, frameOptions);
}
