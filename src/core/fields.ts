import {
  type ArrowColumnLike,
  type ColumnarSource,
  columnarSource,
  columnOf,
  type RecordInput,
  rowReader,
} from "./columnar.js";
import { MS_PER_DAY, parseDateValue } from "./dates.js";
import { InvalidOptionsError, InvalidRecordError } from "./errors.js";
import { CodeTable } from "./internal/codeTable.js";
import { isMissing } from "./internal/missing.js";
import { parseDecimal } from "./parseDecimal.js";
import { notAnArrayError, notARecordError } from "./records.js";

/**
 * A field option: the name of a property of the record, or an accessor
 * `(record, index) => value`. Every clientele function that reads records
 * takes its fields this way.
 *
 * @example
 * ```ts
 * const byKey: Field<Order> = "amount";
 * const byAccessor: Field<Order> = (order) => order.quantity * order.unitPrice;
 * ```
 */
export type Field<T, V = unknown> = (keyof T & string) | ((record: T, index: number) => V);

/**
 * A field resolved to an accessor plus the label used in error messages
 * (the key itself, or the option name for an accessor).
 *
 * @example
 * ```ts
 * const orders = [{ customerId: "c1", amount: 12.5 }];
 * const amount = resolveField<(typeof orders)[number]>("amount", "amount");
 * amount.read(orders[0], 0); // => 12.5
 * amount.label;              // => "amount"
 * ```
 */
export interface ResolvedField<T, V = unknown> {
  /** Reads the field of one record (its row index is passed to accessor fields). */
  readonly read: (record: T, index: number) => V;
  /** The name errors use for the field: the key itself, or the option name for an accessor. */
  readonly label: string;
}

/**
 * Turns a key-or-accessor into an accessor once, so loops call one function.
 *
 * @param field - a property name or an accessor
 * @param optionName - the option it came from, used to label accessor fields in errors
 * @throws InvalidOptionsError when `field` is neither a non-empty string nor a function
 * @example
 * ```ts
 * resolveField<{ id: string }>("id", "customer").read({ id: "c1" }, 0); // => "c1"
 * ```
 */
export function resolveField<T, V = unknown>(field: Field<T, V>, optionName: string): ResolvedField<T, V> {
  return resolveFieldOf(field, optionName, "resolveField");
}

/** {@link resolveField} with the public function named in the error. */
function resolveFieldOf<T, V>(
  field: Field<T, V>,
  optionName: string,
  functionName: string,
): ResolvedField<T, V> {
  if (typeof field === "function") return { read: field, label: `${optionName} (accessor)` };
  if (typeof field !== "string" || field === "") {
    throw new InvalidOptionsError(functionName, [
      { path: optionName, message: "expected a property name or an accessor function", received: field },
    ]);
  }
  const key = field;
  return { read: (record: T) => (record as Record<string, unknown>)[key] as V, label: key };
}

/** Where a read happens, for error messages. */
export interface ReadContext {
  /** The public function doing the read, e.g. `"rfmTable"`. */
  readonly functionName: string;
  /** The option the field came from, e.g. `"amount"`. */
  readonly optionName: string;
}

/** Options of the column readers. */
export interface ReadOptions extends ReadContext {
  /**
   * What to do with `null`, `undefined`, `""` and `NaN`: `"error"` throws
   * {@link InvalidRecordError}; `"nan"` stores `NaN` so the caller can apply its
   * documented missing-value policy.
   * @defaultValue "error"
   */
  readonly missing?: "error" | "nan";
}

/** Checks a reader's `options` (a context naming the caller). */
function assertReadContext(readerName: string, options: ReadContext): void {
  if (
    typeof options !== "object" ||
    options === null ||
    typeof options.functionName !== "string" ||
    typeof options.optionName !== "string"
  ) {
    throw new InvalidOptionsError(readerName, [
      {
        path: "options",
        message: "expected { functionName, optionName } naming the caller and the field option",
        received: options,
      },
    ]);
  }
}

/**
 * One field of a columnar input, read by row: `column[i]` when the field is a
 * key (the caller's array, an Arrow column's typed array, or `undefined` for an
 * Arrow column read value by value through `at`), otherwise `at(i)`, which
 * calls the accessor on a transient row.
 */
interface ColumnValues {
  readonly column: ArrayLike<unknown> | undefined;
  readonly at: (row: number) => unknown;
  readonly label: string;
  readonly length: number;
}

function columnValues<T>(source: ColumnarSource, field: Field<T>, options: ReadContext): ColumnValues {
  const { read, label } = resolveFieldOf(field, options.optionName, options.functionName);
  const { length } = source;
  if (typeof field === "function") {
    const row = rowReader(source);
    return { column: undefined, at: (i) => read(row(i) as T, i), label, length };
  }
  const column = columnOf(source, field, options.functionName, options.optionName);
  if (source.kind === "columns") {
    const array = column as ArrayLike<unknown>;
    return { column: array, at: (i) => array[i], label, length };
  }
  const vector = column as ArrowColumnLike;
  if (vector.nullCount === 0) {
    // numeric Arrow columns without nulls are one typed array when in one chunk (no copy)
    const values = vector.toArray();
    if (
      ArrayBuffer.isView(values) &&
      !(values instanceof BigInt64Array || values instanceof BigUint64Array || values instanceof DataView) &&
      (values as unknown as ArrayLike<unknown>).length === length
    ) {
      const array = values as unknown as ArrayLike<unknown>;
      return { column: array, at: (i) => array[i], label, length };
    }
  }
  return { column: undefined, at: (i) => vector.get(i), label, length };
}

/** The columnar source of a non-array input after checking the reader's arguments. */
function sourceOf(records: unknown, options: ReadContext): ColumnarSource {
  return columnarSource(records, options.functionName, "records");
}

/**
 * A numeric value that is not a finite number: a decimal string, a safe-integer
 * bigint (Arrow's 64-bit integers), a missing value (NaN when allowed), or an
 * InvalidRecordError.
 */
function otherNumber(value: unknown, row: number, label: string, options: ReadOptions): number {
  if (isMissing(value)) {
    if (options.missing === "nan") return Number.NaN;
    throw new InvalidRecordError(
      options.functionName,
      row,
      label,
      value,
      "expected a number; fill or drop rows with missing values before calling",
    );
  }
  const parsed = numberFromStringOrBigint(value);
  if (Number.isNaN(parsed))
    throw new InvalidRecordError(options.functionName, row, label, value, NUMBER_EXPECTATION);
  return parsed;
}

/**
 * The fix a numeric reader's InvalidRecordError gives for a value that is no number (readNumbers, the churn
 * model's and the survival functions' features, the PLS functions' answers).
 *
 * @internal
 */
export const NUMBER_EXPECTATION =
  'expected a finite number or a decimal numeric string such as "12.50" or "-1e3"';

/**
 * The number a value that is not a JS number stands for where a number is read: a decimal numeric string
 * ({@link parseDecimal}) or a bigint of at most 2^53 − 1 in magnitude (Arrow's 64-bit integers); NaN for
 * anything else. What readNumbers, the churn model and the PLS functions accept beside finite numbers.
 *
 * @internal
 */
export function numberFromStringOrBigint(value: unknown): number {
  if (typeof value === "string") return parseDecimal(value);
  if (typeof value === "bigint" && value <= 9007199254740991n && value >= -9007199254740991n)
    return Number(value);
  return Number.NaN;
}

/**
 * Reads a numeric field of every record into a `Float64Array`. Accepts finite
 * numbers, numeric strings in decimal notation (`"12.50"`, `"-1e3"`; see
 * {@link parseDecimal}: `"0x10"` and `"Infinity"` are refused) and bigints of
 * at most 2^53 in magnitude; anything else is an {@link InvalidRecordError}
 * naming the row, field and value, and so is an element of `records` that is
 * not an object (`null`, a number: field `"(record)"`).
 *
 * `records` may also be columns ({@link ColumnarRecords}) or an Apache Arrow
 * table: a key field then reads its column directly (a typed array is checked
 * and copied in one pass). The result is always a new array.
 *
 * Complexity: O(n), one accessor call per record.
 *
 * @example
 * ```ts
 * readNumbers([{ amount: 5 }, { amount: "7.5" }], "amount", { functionName: "demo", optionName: "amount" });
 * // => Float64Array [5, 7.5]
 * readNumbers({ amount: new Float64Array([5, 7.5]) }, "amount", { functionName: "demo", optionName: "amount" });
 * // => Float64Array [5, 7.5]
 * ```
 */
export function readNumbers<T>(records: RecordInput<T>, field: Field<T>, options: ReadOptions): Float64Array {
  assertReadContext("readNumbers", options);
  const out = new Float64Array(rowCount(records, options));
  readNumbersInto(records, field, options, out);
  return out;
}

/**
 * {@link readNumbers} into `out` (of the input's row count), for callers that read into memory they own.
 *
 * @internal
 */
export function readNumbersInto<T>(
  records: RecordInput<T>,
  field: Field<T>,
  options: ReadOptions,
  out: Float64Array,
): void {
  if (!Array.isArray(records)) {
    readNumberColumn(columnValues(sourceOf(records, options), field, options), options, out);
    return;
  }
  readArrayNumbersInto(records, field, options, out);
}

/**
 * {@link readNumbers} for an array of records only: the same values and the same errors, without the
 * columnar and Arrow paths (about 2.5 kB minified with columnar.ts), for functions that take arrays
 * alone; a non-array `records` is an InvalidOptionsError ("expected an array of records").
 *
 * @internal
 */
export function readNumberArray<T>(
  records: readonly T[],
  field: Field<T>,
  options: ReadOptions,
): Float64Array {
  assertReadContext("readNumbers", options);
  if (!Array.isArray(records)) throw notAnArrayError(options.functionName, "records", records);
  const out = new Float64Array(records.length);
  readArrayNumbersInto(records, field, options, out);
  return out;
}

/**
 * {@link readNumberArray} into `out` (of `records.length` elements), for array-only callers that read into
 * memory they own; the caller has checked that `records` is an array.
 *
 * @internal
 */
export function readNumberArrayInto<T>(
  records: readonly T[],
  field: Field<T>,
  options: ReadOptions,
  out: Float64Array,
): void {
  readArrayNumbersInto(records, field, options, out);
}

/** The array path of {@link readNumbersInto} (and all of {@link readNumberArray}). */
function readArrayNumbersInto<T>(
  records: readonly T[],
  field: Field<T>,
  options: ReadOptions,
  out: Float64Array,
): void {
  const { read, label } = resolveFieldOf(field, options.optionName, options.functionName);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(options.functionName, i, record);
    const value = read(record as T, i);
    out[i] =
      typeof value === "number" && Number.isFinite(value) ? value : otherNumber(value, i, label, options);
  }
}

function readNumberColumn(values: ColumnValues, options: ReadOptions, out: Float64Array): void {
  const { column, at, label, length } = values;
  if (column instanceof Float64Array) {
    out.set(column);
    for (let i = 0; i < length; i++) {
      if (!Number.isFinite(out[i] as number)) out[i] = otherNumber(out[i], i, label, options);
    }
    return;
  }
  for (let i = 0; i < length; i++) {
    const value = column === undefined ? at(i) : column[i];
    out[i] =
      typeof value === "number" && Number.isFinite(value) ? value : otherNumber(value, i, label, options);
  }
}

const DATE_CACHE_LIMIT = 200_000;

/** The largest epoch ms a `Date` holds (100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

const DATE_EXPECTATION =
  'expected a Date, an ISO 8601 string such as "2024-03-31" or "2024-03-31T14:05:00Z", or epoch milliseconds';

/**
 * Parses date values to epoch ms, remembering each distinct string's parse.
 * Transaction files repeat a few hundred distinct dates over millions of lines:
 * the previous value is checked first (lines of one order share its date), then
 * a cache of at most 200,000 strings, dropped when it is full and fewer than
 * half the lookups hit (unique time stamps). `undefined` for an unreadable value.
 */
class DateParser {
  private cache: Map<string, number> | undefined = new Map<string, number>();
  private lookups = 0;
  private hits = 0;
  private previous: string | undefined;
  private previousTime = 0;

  time(value: unknown): number | undefined {
    if (typeof value === "string") {
      if (value === this.previous) return this.previousTime;
      const cache = this.cache;
      if (cache !== undefined) {
        this.lookups++;
        const hit = cache.get(value);
        if (hit !== undefined) {
          this.hits++;
          this.previous = value;
          this.previousTime = hit;
          return hit;
        }
      }
      const time = parseDateValue(value);
      if (time !== undefined) {
        if (cache !== undefined) {
          if (cache.size < DATE_CACHE_LIMIT) cache.set(value, time);
          else if (2 * this.hits < this.lookups) this.cache = undefined;
        }
        this.previous = value;
        this.previousTime = time;
      }
      return time;
    }
    if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
    return parseDateValue(value);
  }
}

/**
 * Reads dates into `out` (of the input's row count): epoch ms, or with `days` UTC day numbers (floor);
 * what {@link readDates} and {@link readDays} do, for callers that read into memory they own.
 *
 * @internal
 */
export function readTimesInto<T>(
  records: RecordInput<T>,
  field: Field<T>,
  options: ReadOptions,
  out: Float64Array | Int32Array,
  days: boolean,
): void {
  const allowMissing = options.missing === "nan";
  const parser = new DateParser();
  let column: ArrayLike<unknown> | undefined;
  let at: ((row: number) => unknown) | undefined;
  let read: ((record: T, index: number) => unknown) | undefined;
  let label: string;
  const array = Array.isArray(records) ? (records as readonly T[]) : undefined;
  if (array !== undefined)
    ({ read, label } = resolveFieldOf(field, options.optionName, options.functionName));
  else ({ column, at, label } = columnValues(sourceOf(records, options), field, options));
  for (let i = 0; i < out.length; i++) {
    let value: unknown;
    if (array !== undefined) {
      const record = array[i];
      if (typeof record !== "object" || record === null)
        throw notARecordError(options.functionName, i, record);
      value = (read as (record: T, index: number) => unknown)(record, i);
    } else value = column === undefined ? (at as (row: number) => unknown)(i) : column[i];
    const time = parser.time(value);
    // day numbers must fit an Int32: the Date range (+-8.64e15 ms) does
    if (time !== undefined && (!days || Math.abs(time) <= MAX_DATE_MS)) {
      out[i] = days ? Math.floor(time / MS_PER_DAY) : time;
      continue;
    }
    if (allowMissing && isMissing(value)) {
      out[i] = Number.NaN;
      continue;
    }
    throw new InvalidRecordError(options.functionName, i, label, value, DATE_EXPECTATION);
  }
}

/** Row count of a record input for a reader (an array, or a checked columnar source). */
function rowCount(records: unknown, options: ReadContext): number {
  return Array.isArray(records) ? records.length : sourceOf(records, options).length;
}

/**
 * Reads a date field into a `Float64Array` of epoch milliseconds (UTC). Accepts
 * `Date`, ISO 8601 strings (a date alone is read as UTC midnight; a date-time
 * without an offset is read as UTC) and epoch milliseconds. Each distinct date
 * string is parsed once (about 3x faster on order lines, which repeat dates).
 * An element of `records` that is not an object is an {@link InvalidRecordError}
 * (field `"(record)"`). `records` may also be columns or an Arrow table (Arrow
 * date and timestamp columns read as epoch milliseconds).
 *
 * Complexity: O(n) plus one ISO parse per distinct string (the first 200,000 distinct
 * strings are remembered, so the cache stays bounded; when it is full and most rows
 * missed it, as with unique time stamps, each row is parsed without it).
 *
 * @example
 * ```ts
 * readDates([{ date: "2024-01-02" }], "date", { functionName: "demo", optionName: "date" });
 * // => Float64Array [1704153600000]
 * ```
 */
export function readDates<T>(records: RecordInput<T>, field: Field<T>, options: ReadOptions): Float64Array {
  assertReadContext("readDates", options);
  const out = new Float64Array(rowCount(records, options));
  readTimesInto(records, field, options, out, false);
  return out;
}

/**
 * Reads a date field as UTC calendar day numbers (days since 1970-01-01, the
 * floor of epoch ms / 86,400,000) into an `Int32Array`: what callers that count
 * in whole days need, in half the memory of {@link readDates} (at millions of
 * rows that memory is what triggers V8's full collections). Accepts what
 * `readDates` accepts; a missing value is always an {@link InvalidRecordError}.
 *
 * Complexity: O(n) plus one ISO parse per distinct string.
 *
 * @example
 * ```ts
 * readDays([{ date: "2024-01-02T18:00:00Z" }], "date", { functionName: "demo", optionName: "date" });
 * // => Int32Array [19724]
 * ```
 */
export function readDays<T>(records: RecordInput<T>, field: Field<T>, options: ReadContext): Int32Array {
  assertReadContext("readDays", options);
  const out = new Int32Array(rowCount(records, options));
  readTimesInto(
    records,
    field,
    { functionName: options.functionName, optionName: options.optionName },
    out,
    true,
  );
  return out;
}

/** A categorical column recoded to dense integer codes in first-seen order. */
export interface CodedColumn {
  /** `codes[i]` is the index into `labels` of record i. */
  readonly codes: Int32Array;
  /** Distinct values as strings, in first-seen order. */
  readonly labels: readonly string[];
}

/** The string key of an identifier value, or an InvalidRecordError. */
function codeKey(value: unknown, row: number, label: string, functionName: string): string {
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return String(value);
  throw new InvalidRecordError(
    functionName,
    row,
    label,
    value,
    "expected a non-empty string or a finite number identifying the value",
  );
}

/**
 * Reads an identifier or category field (strings, or finite numbers which are
 * turned into strings) and recodes it to dense integer codes, first-seen order.
 * Missing values, and elements of `records` that are not objects, are an
 * {@link InvalidRecordError}. `records` may also be columns or an Arrow table.
 *
 * Complexity: O(n) with at most one hash lookup per record: a small table is a
 * `Map`; past 65,536 distinct values it moves to an open-addressing table in
 * one `Int32Array`, sized once for the rows still to come, so millions of
 * distinct order ids stay linear (1M and 5M rows measured in `bench/scaling.ts`).
 *
 * @example
 * ```ts
 * readCodes([{ c: "b" }, { c: "a" }, { c: "b" }], "c", { functionName: "demo", optionName: "customer" });
 * // => { codes: Int32Array [0, 1, 0], labels: ["b", "a"] }
 * ```
 */
export function readCodes<T>(records: RecordInput<T>, field: Field<T>, options: ReadContext): CodedColumn {
  assertReadContext("readCodes", options);
  const codes = new Int32Array(rowCount(records, options));
  return { codes, labels: readCodesInto(records, field, options, codes) };
}

/**
 * {@link readCodes} into `codes` (of the input's row count); returns the labels.
 *
 * @internal
 */
export function readCodesInto<T>(
  records: RecordInput<T>,
  field: Field<T>,
  options: ReadContext,
  codes: Int32Array,
): readonly string[] {
  const { functionName } = options;
  let column: ArrayLike<unknown> | undefined;
  let at: ((row: number) => unknown) | undefined;
  let read: ((record: T, index: number) => unknown) | undefined;
  let label: string;
  const array = Array.isArray(records) ? (records as readonly T[]) : undefined;
  if (array === undefined && typeof field === "string") {
    const source = sourceOf(records, options);
    if (source.kind === "arrow") {
      const vector = columnOf(source, field, functionName, options.optionName) as ArrowColumnLike;
      const labels = readDictionaryCodes(vector, field, functionName, codes);
      if (labels !== undefined) return labels;
    }
  }
  if (array !== undefined) ({ read, label } = resolveFieldOf(field, options.optionName, functionName));
  else ({ column, at, label } = columnValues(sourceOf(records, options), field, options));
  const n = codes.length;
  const table = new CodeTable(n);
  // Order lines come grouped by order and customer: a value equal to the previous row's reuses its code
  // without a table lookup.
  let previousValue: unknown;
  let previousCode = -1;
  for (let i = 0; i < n; i++) {
    let value: unknown;
    if (array !== undefined) {
      const record = array[i];
      if (typeof record !== "object" || record === null) throw notARecordError(functionName, i, record);
      value = (read as (record: T, index: number) => unknown)(record, i);
    } else value = column === undefined ? (at as (row: number) => unknown)(i) : column[i];
    if (value !== previousValue || previousCode === -1) {
      previousCode = table.code(codeKey(value, i, label, functionName), i);
      previousValue = value;
    }
    codes[i] = previousCode;
  }
  return table.release();
}

/** The parts of an Arrow dictionary column's chunks read by {@link readDictionaryCodes}. */
interface ArrowDictionaryChunk {
  readonly length: number;
  readonly nullCount: number;
  /** Dictionary index of each row of the chunk. */
  readonly values: ArrayLike<number>;
  readonly dictionary?: { readonly length: number; get(index: number): unknown };
}

/**
 * Codes of a dictionary-encoded Arrow column (strings stored once, rows as indices) from its indices:
 * each dictionary entry is looked up once per chunk, not decoded per row. `undefined` when the column is
 * not a dictionary without nulls (the caller then reads it value by value).
 */
function readDictionaryCodes(
  vector: ArrowColumnLike,
  label: string,
  functionName: string,
  codes: Int32Array,
): readonly string[] | undefined {
  const shaped = vector as unknown as {
    readonly type?: { readonly typeId?: number };
    readonly data?: readonly ArrowDictionaryChunk[];
  };
  // Arrow's Type.Dictionary is -1
  if (shaped.type?.typeId !== -1 || !Array.isArray(shaped.data) || vector.nullCount !== 0) return undefined;
  const n = vector.length;
  const table = new CodeTable(n);
  let row = 0;
  for (const chunk of shaped.data) {
    const { dictionary, values } = chunk;
    if (dictionary === undefined || values.length < chunk.length || chunk.nullCount !== 0) return undefined;
    const codeOf = new Int32Array(dictionary.length).fill(-1);
    for (let k = 0; k < chunk.length; k++, row++) {
      const index = values[k] as number;
      let code = codeOf[index] as number;
      if (code === -1) {
        code = table.code(codeKey(dictionary.get(index), row, label, functionName), row);
        codeOf[index] = code;
      }
      codes[row] = code;
    }
  }
  const labels = table.release();
  return row === n ? labels : undefined;
}

/**
 * {@link readTimesInto} for an array of records only: the same times (or day numbers) and the same
 * errors, without the columnar and Arrow paths, for functions that take arrays alone. `out` has
 * `records.length` elements; the caller has checked that `records` is an array.
 *
 * @internal
 */
export function readTimeArrayInto<T>(
  records: readonly T[],
  field: Field<T>,
  options: ReadOptions,
  out: Float64Array | Int32Array,
  days: boolean,
): void {
  const allowMissing = options.missing === "nan";
  const parser = new DateParser();
  const { read, label } = resolveFieldOf(field, options.optionName, options.functionName);
  for (let i = 0; i < out.length; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(options.functionName, i, record);
    const value = read(record, i);
    const time = parser.time(value);
    // day numbers must fit an Int32: the Date range (+-8.64e15 ms) does
    if (time !== undefined && (!days || Math.abs(time) <= MAX_DATE_MS)) {
      out[i] = days ? Math.floor(time / MS_PER_DAY) : time;
    } else if (allowMissing && isMissing(value)) out[i] = Number.NaN;
    else throw new InvalidRecordError(options.functionName, i, label, value, DATE_EXPECTATION);
  }
}

/**
 * {@link readCodesInto} for an array of records only: the same codes, labels and errors, without the
 * columnar and Arrow paths, for functions that take arrays alone. `codes` has `records.length`
 * elements; the caller has checked that `records` is an array.
 *
 * @internal
 */
export function readCodeArrayInto<T>(
  records: readonly T[],
  field: Field<T>,
  options: ReadContext,
  codes: Int32Array,
): readonly string[] {
  const { functionName } = options;
  const { read, label } = resolveFieldOf(field, options.optionName, functionName);
  const n = codes.length;
  const table = new CodeTable(n);
  // a value equal to the previous row's reuses its code without a table lookup (as readCodesInto)
  let previousValue: unknown;
  let previousCode = -1;
  for (let i = 0; i < n; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(functionName, i, record);
    const value = read(record, i);
    if (value !== previousValue || previousCode === -1) {
      previousCode = table.code(codeKey(value, i, label, functionName), i);
      previousValue = value;
    }
    codes[i] = previousCode;
  }
  return table.release();
}
