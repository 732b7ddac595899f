import { parseDateValue } from "./dates.js";
import { InvalidOptionsError, InvalidRecordError } from "./errors.js";
import { CodeTable } from "./internal/codeTable.js";
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
 * const amount = resolveField<Order>("amount", "amount");
 * amount.read(orders[0], 0); // => 12.5
 * amount.label;              // => "amount"
 * ```
 */
export interface ResolvedField<T, V = unknown> {
  readonly read: (record: T, index: number) => V;
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

/** Checks a reader's `options` (a context naming the caller) and that `records` is an array. */
function assertReadArguments(
  readerName: string,
  records: unknown,
  options: ReadContext,
): asserts records is readonly unknown[] {
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
  if (!Array.isArray(records)) throw notAnArrayError(options.functionName, "records", records);
}

const isMissing = (value: unknown): boolean =>
  value === null || value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value));

/**
 * Reads a numeric field of every record into a `Float64Array`. Accepts finite
 * numbers and numeric strings in decimal notation (`"12.50"`, `"-1e3"`; see
 * {@link parseDecimal}: `"0x10"` and `"Infinity"` are refused); anything else
 * is an {@link InvalidRecordError} naming the row, field and value, and so is
 * an element of `records` that is not an object (`null`, a number: field
 * `"(record)"`).
 *
 * Complexity: O(n), one accessor call per record.
 *
 * @example
 * ```ts
 * readNumbers([{ amount: 5 }, { amount: "7.5" }], "amount", { functionName: "demo", optionName: "amount" });
 * // => Float64Array [5, 7.5]
 * ```
 */
export function readNumbers<T>(records: readonly T[], field: Field<T>, options: ReadOptions): Float64Array {
  assertReadArguments("readNumbers", records, options);
  const { read, label } = resolveFieldOf(field, options.optionName, options.functionName);
  const allowMissing = options.missing === "nan";
  const out = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(options.functionName, i, record);
    const value = read(record, i);
    if (typeof value === "number" && Number.isFinite(value)) {
      out[i] = value;
      continue;
    }
    if (isMissing(value)) {
      if (allowMissing) {
        out[i] = Number.NaN;
        continue;
      }
      throw new InvalidRecordError(
        options.functionName,
        i,
        label,
        value,
        "expected a number; fill or drop rows with missing values before calling",
      );
    }
    const parsed = typeof value === "string" ? parseDecimal(value) : Number.NaN;
    if (Number.isNaN(parsed)) {
      throw new InvalidRecordError(
        options.functionName,
        i,
        label,
        value,
        'expected a finite number or a decimal numeric string such as "12.50" or "-1e3"',
      );
    }
    out[i] = parsed;
  }
  return out;
}

const DATE_CACHE_LIMIT = 200_000;

/**
 * Reads a date field into a `Float64Array` of epoch milliseconds (UTC). Accepts
 * `Date`, ISO 8601 strings (a date alone is read as UTC midnight; a date-time
 * without an offset is read as UTC) and epoch milliseconds. Each distinct date
 * string is parsed once (about 3x faster on order lines, which repeat dates).
 * An element of `records` that is not an object is an {@link InvalidRecordError}
 * (field `"(record)"`).
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
export function readDates<T>(records: readonly T[], field: Field<T>, options: ReadOptions): Float64Array {
  assertReadArguments("readDates", records, options);
  const { read, label } = resolveFieldOf(field, options.optionName, options.functionName);
  const allowMissing = options.missing === "nan";
  const out = new Float64Array(records.length);
  // Transaction files repeat a few hundred distinct dates over millions of lines: remember each
  // string's parse (bounded, so unique date-times cannot grow the cache without limit).
  // The previous row's string is checked first: lines of one order share its date.
  // When the cache is full and fewer than half the lookups hit (unique time stamps), it is dropped.
  let cache: Map<string, number> | undefined = new Map<string, number>();
  let lookups = 0;
  let hits = 0;
  let previous: string | undefined;
  let previousTime = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(options.functionName, i, record);
    const value = read(record, i);
    if (typeof value === "string") {
      if (value === previous) {
        out[i] = previousTime;
        continue;
      }
      if (cache !== undefined) {
        lookups++;
        const hit = cache.get(value);
        if (hit !== undefined) {
          hits++;
          out[i] = hit;
          previous = value;
          previousTime = hit;
          continue;
        }
      }
    }
    const time = parseDateValue(value);
    if (time !== undefined) {
      if (typeof value === "string") {
        if (cache !== undefined) {
          if (cache.size < DATE_CACHE_LIMIT) cache.set(value, time);
          else if (2 * hits < lookups) cache = undefined;
        }
        previous = value;
        previousTime = time;
      }
      out[i] = time;
      continue;
    }
    if (allowMissing && isMissing(value)) {
      out[i] = Number.NaN;
      continue;
    }
    throw new InvalidRecordError(
      options.functionName,
      i,
      label,
      value,
      'expected a Date, an ISO 8601 string such as "2024-03-31" or "2024-03-31T14:05:00Z", or epoch milliseconds',
    );
  }
  return out;
}

/** A categorical column recoded to dense integer codes in first-seen order. */
export interface CodedColumn {
  /** `codes[i]` is the index into `labels` of record i. */
  readonly codes: Int32Array;
  /** Distinct values as strings, in first-seen order. */
  readonly labels: readonly string[];
}

/**
 * Reads an identifier or category field (strings, or finite numbers which are
 * turned into strings) and recodes it to dense integer codes, first-seen order.
 * Missing values, and elements of `records` that are not objects, are an
 * {@link InvalidRecordError}.
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
export function readCodes<T>(records: readonly T[], field: Field<T>, options: ReadContext): CodedColumn {
  assertReadArguments("readCodes", records, options);
  const { read, label } = resolveFieldOf(field, options.optionName, options.functionName);
  const codes = new Int32Array(records.length);
  const table = new CodeTable(records.length);
  // Order lines come grouped by order and customer: a key equal to the previous row's reuses its code
  // without a table lookup.
  let previousKey: string | undefined;
  let previousCode = -1;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(options.functionName, i, record);
    const value = read(record, i);
    let key: string;
    if (typeof value === "string" && value !== "") key = value;
    else if (typeof value === "number" && Number.isFinite(value)) key = String(value);
    else if (typeof value === "bigint") key = String(value);
    else {
      throw new InvalidRecordError(
        options.functionName,
        i,
        label,
        value,
        "expected a non-empty string or a finite number identifying the value",
      );
    }
    if (key !== previousKey) {
      previousKey = key;
      previousCode = table.code(key, i);
    }
    codes[i] = previousCode;
  }
  return { codes, labels: table.labels };
}
