import { InvalidOptionsError } from "../core/errors.js";
import { checkOptions, nonEmptyText } from "../core/internal/optionRules.js";

/**
 * The part of a danfo `DataFrame` that {@link fromDataFrame} reads (any
 * danfojs `DataFrame` fits), declared structurally so the function needs no
 * danfo at run time.
 *
 * @example
 * ```ts
 * const source: FromDataFrameSource = new DataFrame({ a: [1, 2] });
 * [source.columns, source.index, source.values]; // => [["a"], [0, 1], [[1], [2]]]
 * ```
 */
export interface FromDataFrameSource {
  /** Column names. */
  readonly columns: readonly string[];
  /** Row index labels. */
  readonly index: readonly (string | number)[];
  /** Cell values row by row (`values[row][column]`). */
  readonly values: readonly unknown[];
}

/**
 * Options of {@link fromDataFrame}.
 *
 * @example
 * ```ts
 * const frame = new DataFrame([[7], [1]], { columns: ["frequency"], index: ["c1", "c2"] });
 * fromDataFrame(frame, { index: "customerId" });
 * // => [{ customerId: "c1", frequency: 7 }, { customerId: "c2", frequency: 1 }]
 * ```
 */
export interface FromDataFrameOptions {
  /**
   * Also write each row's index label under this key (first in the record),
   * e.g. `"customerId"` for a frame indexed by customer.
   * @defaultValue none: the index is dropped
   */
  readonly index?: string;
}

/** Rules of fromDataFrame's options. Exported for the equivalence test of the adapters' option rules; not in the module index. */
export const fromDataFrameShape = { index: nonEmptyText() };

/**
 * Converts a [danfo.js](https://danfo.jsdata.org/) `DataFrame` to plain
 * records, one per row, keyed by column name: the input every clientele
 * function takes. Works with frames from `danfojs-node` and `danfojs`, and
 * needs neither at run time (it reads `columns`, `index` and `values`).
 *
 * Cells are returned as danfo stores them: numbers, strings, booleans, dates,
 * arrays; missing values are `NaN`, `null` or `undefined`, which clientele's
 * readers treat as missing. The frame is not modified. Complexity:
 * O(rows x columns).
 *
 * @typeParam T - the record type you expect (not checked: validate with the
 *   function you pass the records to)
 * @param frame - a danfo DataFrame
 * @param options - {@link FromDataFrameOptions}
 * @returns a new array of new plain objects, one per row
 * @throws InvalidOptionsError when `frame` is not a DataFrame, or `options.index`
 *   is invalid or equal to a column name
 * @see https://danfo.jsdata.org/api-reference/dataframe (danfo.js DataFrame reference)
 * @example
 * ```ts
 * import { DataFrame } from "danfojs-node";
 * import { fromDataFrame } from "clientele/danfo";
 *
 * const frame = new DataFrame({ customer: ["c1", "c2"], amount: [12.5, 3] });
 * fromDataFrame(frame); // => [{ customer: "c1", amount: 12.5 }, { customer: "c2", amount: 3 }]
 * fromDataFrame(frame, { index: "row" });
 * // => [{ row: 0, customer: "c1", amount: 12.5 }, { row: 1, customer: "c2", amount: 3 }]
 * ```
 */
export function fromDataFrame<T extends object = Record<string, unknown>>(
  frame: FromDataFrameSource,
  options: FromDataFrameOptions = {},
): T[] {
  if (
    frame === null ||
    typeof frame !== "object" ||
    !Array.isArray(frame.columns) ||
    !Array.isArray(frame.values) ||
    !Array.isArray(frame.index)
  ) {
    throw new InvalidOptionsError("fromDataFrame", [
      {
        path: "frame",
        message: "expected a danfo DataFrame (new DataFrame(...), readCSV(...), toDataFrame(...))",
        received: frame,
      },
    ]);
  }
  const { index } = checkOptions("fromDataFrame", fromDataFrameShape, options);
  const columns = frame.columns;
  if (index !== undefined && columns.includes(index)) {
    throw new InvalidOptionsError("fromDataFrame", [
      {
        path: "index",
        message: `"${index}" is already a column of the frame; choose another key for the index labels`,
        received: index,
      },
    ]);
  }
  const values = frame.values;
  const labels = frame.index;
  const rowCount = values.length;
  const records = new Array<T>(rowCount);
  for (let i = 0; i < rowCount; i++) {
    const row = values[i];
    if (!Array.isArray(row)) {
      throw new InvalidOptionsError("fromDataFrame", [
        {
          path: "frame",
          message: `row ${i} is not an array of cells: expected a two-dimensional DataFrame, not a Series (make a frame with new DataFrame({ name: series.values }))`,
          received: row,
        },
      ]);
    }
    const record: Record<string, unknown> = {};
    if (index !== undefined) record[index] = labels[i];
    for (let j = 0; j < columns.length; j++) record[columns[j] as string] = row[j];
    records[i] = record as T;
  }
  return records;
}
