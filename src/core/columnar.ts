import { InvalidOptionsError } from "./errors.js";
import { notAnArrayError, notARecordError } from "./records.js";

/**
 * Records laid out as columns: one array per field, all of one length, e.g.
 * `{ customerId: string[], date: (string | Date)[], amount: Float64Array }`.
 * Every function that reads records through `readNumbers` / `readDates` /
 * `readCodes` accepts this in place of an array of records: a key field reads
 * its column directly (no object per row); an accessor field receives a
 * transient row object built from the columns.
 *
 * @example
 * ```ts
 * const lines: ColumnarRecords<{ customerId: string; date: string; amount: number }> = {
 *   customerId: ["a", "a", "b"],
 *   date: ["2024-01-02", "2024-03-01", "2024-02-15"],
 *   amount: new Float64Array([20, 30, 5]),
 * };
 * rfmTable(lines, { customer: "customerId", date: "date", amount: "amount", asOf: "2024-03-31" }).customers.length; // => 2
 * ```
 */
export type ColumnarRecords<T> = { readonly [K in keyof T]: ArrayLike<T[K]> };

/**
 * The part of an Apache Arrow column (`Vector` of `apache-arrow`) the readers use.
 *
 * @example
 * ```ts
 * import { tableFromArrays } from "apache-arrow";
 * const column: ArrowColumnLike = tableFromArrays({ amount: new Float64Array([1, 2]) }).getChild("amount")!;
 * column.get(1); // => 2
 * ```
 */
export interface ArrowColumnLike {
  /** Number of values. */
  readonly length: number;
  /** Number of null values. */
  readonly nullCount: number;
  /** The value at a row index (null for a null). */
  get(index: number): unknown;
  /** All values as an array (a typed array for numeric columns without nulls). */
  toArray(): unknown;
  /** The values in row order. */
  [Symbol.iterator](): Iterator<unknown>;
}

/**
 * The part of an Apache Arrow `Table` (`apache-arrow` 17 or later) the readers
 * use: its row count, its columns by name, and its rows (Arrow's own lazy row
 * views, given to accessor fields only). Arrow is not loaded by clientele: any
 * object of this shape is read as a table.
 *
 * @example
 * ```ts
 * import { tableFromArrays } from "apache-arrow";
 * const table: ArrowTableLike<unknown> = tableFromArrays({ customerId: ["a", "b"], amount: new Float64Array([5, 7]) });
 * table.numRows; // => 2
 * ```
 */
export interface ArrowTableLike<R> {
  /** Number of rows. */
  readonly numRows: number;
  /** The row at an index, as Arrow's lazy row view. */
  get(index: number): R | null;
  /** The column of that name, or null when there is none. */
  getChild(name: string): ArrowColumnLike | null;
}

/**
 * What a record-taking function reads: an array of records, the same records
 * as {@link ColumnarRecords}, or an Apache Arrow table.
 *
 * @example
 * ```ts
 * const asRows: RecordInput<{ id: string }> = [{ id: "a" }, { id: "b" }];
 * const asColumns: RecordInput<{ id: string }> = { id: ["a", "b"] };
 * ```
 */
export type RecordInput<T> = readonly T[] | ColumnarRecords<T> | ArrowTableLike<T>;

/** A record input that is not an array, recognised and checked once. */
export type ColumnarSource =
  | {
      readonly kind: "columns";
      readonly columns: Readonly<Record<string, ArrayLike<unknown>>>;
      readonly names: readonly string[];
      readonly length: number;
    }
  | { readonly kind: "arrow"; readonly table: ArrowTableLike<unknown>; readonly length: number };

/** True for an object shaped like an Apache Arrow table. */
function isArrowTable(input: object): input is ArrowTableLike<unknown> {
  const candidate = input as { numRows?: unknown; getChild?: unknown; get?: unknown };
  return (
    typeof candidate.numRows === "number" &&
    typeof candidate.getChild === "function" &&
    typeof candidate.get === "function"
  );
}

/** True for an array or a typed array (not a DataView). */
function isColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Recognises a non-array record input: an Arrow table, or an object of
 * equal-length columns (arrays or typed arrays). O(number of columns).
 *
 * @internal Used by the readers and {@link recordCount}.
 * @throws InvalidOptionsError naming `argumentName` for anything else, a property that is not a column,
 *   or columns of different lengths
 */
export function columnarSource(
  input: unknown,
  functionName: string,
  argumentName = "records",
): ColumnarSource {
  if (typeof input !== "object" || input === null || isColumn(input)) {
    throw notAnArrayError(functionName, argumentName, input);
  }
  if (isArrowTable(input)) return { kind: "arrow", table: input, length: input.numRows };
  const columns = input as Record<string, unknown>;
  const names = Object.keys(columns);
  const issue = (message: string) =>
    new InvalidOptionsError(functionName, [{ path: argumentName, message, received: input }]);
  if (names.length === 0) {
    throw issue(
      "expected an array of records, an object of columns, or an Apache Arrow table; got an object without columns",
    );
  }
  let length = -1;
  let first = "";
  for (const name of names) {
    const column = columns[name];
    if (!isColumn(column)) {
      throw issue(
        `expected every property of a columnar input to be an array or a typed array (one value per row); "${name}" is not`,
      );
    }
    if (length === -1) {
      length = column.length;
      first = name;
    } else if (column.length !== length) {
      throw issue(
        `columns must have one length: "${first}" has ${length} values, "${name}" has ${column.length}`,
      );
    }
  }
  return { kind: "columns", columns: columns as Record<string, ArrayLike<unknown>>, names, length };
}

/**
 * The number of rows of a record input — an array of records, an object of
 * columns ({@link ColumnarRecords}) or an Apache Arrow table — after checking
 * its shape. Use it at a function's boundary in place of `Array.isArray` and
 * `records.length` so the function accepts columns too; the column readers
 * check the values themselves.
 *
 * Complexity: O(1) for an array, O(columns) otherwise.
 *
 * @param input - the argument to check
 * @param functionName - the public function, named in the error
 * @param argumentName - the argument's name in that function's signature
 * @defaultValue argumentName `"records"`
 * @throws InvalidOptionsError when `input` is none of the three, or its columns differ in length
 * @example
 * ```ts
 * recordCount([{ id: "a" }, { id: "b" }], "demo"); // => 2
 * recordCount({ id: ["a", "b", "c"], amount: new Float64Array(3) }, "demo"); // => 3
 * recordCount({ id: ["a"], amount: [1, 2] }, "demo");
 * // throws InvalidOptionsError: demo: invalid options
 * //   - records: columns must have one length: "id" has 1 values, "amount" has 2
 * ```
 */
export function recordCount(input: unknown, functionName: string, argumentName = "records"): number {
  if (Array.isArray(input)) return input.length;
  return columnarSource(input, functionName, argumentName).length;
}

/**
 * Record `row` of a record input, for error paths and accessor fields: the
 * element of an array, a fresh object of the row's column values, or Arrow's
 * row view. A non-object element of an array is an InvalidRecordError.
 *
 * @internal
 */
export function recordAt<T>(input: RecordInput<T>, row: number, functionName: string): T {
  if (Array.isArray(input)) {
    const record: unknown = input[row];
    if (typeof record !== "object" || record === null) throw notARecordError(functionName, row, record);
    return record as T;
  }
  const source = columnarSource(input, functionName);
  return rowReader(source)(row) as T;
}

/**
 * A function returning row i of a columnar source as a transient object: for
 * columns a new plain object of every column's value at i; for Arrow the
 * table's own row view.
 *
 * @internal
 */
export function rowReader(source: ColumnarSource): (row: number) => unknown {
  if (source.kind === "arrow") {
    const { table } = source;
    return (row) => table.get(row);
  }
  const { columns, names } = source;
  return (row) => {
    const record: Record<string, unknown> = {};
    for (const name of names) record[name] = (columns[name] as ArrayLike<unknown>)[row];
    return record;
  };
}

/**
 * The column named `key` of a columnar source: the array itself, or the Arrow
 * column.
 *
 * @internal
 * @throws InvalidOptionsError naming the field option when there is no such column
 */
export function columnOf(
  source: ColumnarSource,
  key: string,
  functionName: string,
  optionName: string,
): ArrayLike<unknown> | ArrowColumnLike {
  const column = source.kind === "arrow" ? source.table.getChild(key) : source.columns[key];
  if (column === null || column === undefined) {
    const names =
      source.kind === "columns"
        ? source.names
        : ((source.table as { schema?: { fields?: { name: string }[] } }).schema?.fields ?? []).map(
            (field) => field.name,
          );
    throw new InvalidOptionsError(functionName, [
      {
        path: optionName,
        message: `no column named "${key}" in the ${source.kind === "arrow" ? "Arrow table" : "columnar input"} (columns: ${names.map((name) => `"${name}"`).join(", ")})`,
        received: key,
      },
    ]);
  }
  return column;
}
