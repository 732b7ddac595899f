/**
 * The churn model's columnar inputs: records given as columns ({@link ColumnarRecords}) or as an Apache
 * Arrow table, read column by column with core's column access (no object per row for key fields).
 * Record arrays keep the compiled row readers of rowReader.ts, their fast path.
 */
import {
  type ArrowColumnLike,
  type ColumnarSource,
  columnarSource,
  columnOf,
  rowReader,
} from "../../core/columnar.js";
import { InvalidRecordError } from "../../core/index.js";
import type { ResolvedFeature } from "./featureSpec.js";

/** The columnar source of a record input, or `undefined` for an array of records (see core's columnarSource). */
export const sourceOrArray = (
  records: unknown,
  functionName: string,
  argumentName?: string,
): ColumnarSource | undefined =>
  Array.isArray(records) ? undefined : columnarSource(records, functionName, argumentName);

/**
 * One feature's values by row: a key field's column itself (the caller's array or typed array as it is;
 * an Arrow column's values, as one typed array when it has no nulls), or for an accessor field the
 * accessor's value on each transient row (core's {@link rowReader}), collected once.
 *
 * @throws InvalidOptionsError naming `optionName` when there is no column of a key field's name
 */
export function featureColumn<T>(
  source: ColumnarSource,
  feature: ResolvedFeature<T>,
  functionName: string,
  optionName: string,
): ArrayLike<unknown> {
  const { length } = source;
  if (feature.key === undefined) {
    const row = rowReader(source);
    return Array.from({ length }, (_, i) => feature.read(row(i) as T, i));
  }
  const column = columnOf(source, feature.key, functionName, optionName);
  if (source.kind === "columns") return column as ArrayLike<unknown>;
  const vector = column as ArrowColumnLike;
  if (vector.nullCount !== 0) return Array.from(vector); // toArray() would put a placeholder at a null
  const values = dictionaryValues(vector) ?? (vector.toArray() as ArrayLike<unknown>);
  return values.length === length ? values : Array.from(vector);
}

/** The parts of an Arrow dictionary column's chunks read by {@link dictionaryValues}. */
interface ArrowDictionaryChunk {
  readonly length: number;
  /** Dictionary index of each row of the chunk. */
  readonly values: ArrayLike<number>;
  readonly dictionary?: { readonly length: number; get(index: number): unknown };
}

/**
 * The values of a dictionary-encoded Arrow column without nulls (strings stored once, rows as indices),
 * each dictionary entry decoded once per chunk (Arrow's toArray() decodes every row: about 20x slower on
 * 100,000 rows of a few levels); `undefined` for any other column.
 */
function dictionaryValues(vector: ArrowColumnLike): unknown[] | undefined {
  const { type, data } = vector as unknown as {
    readonly type?: { readonly typeId?: number };
    readonly data?: readonly ArrowDictionaryChunk[];
  };
  // Arrow's Type.Dictionary is -1
  if (type?.typeId !== -1 || !Array.isArray(data)) return undefined;
  const out = new Array<unknown>(vector.length);
  let at = 0;
  for (const { dictionary, values, length } of data) {
    if (dictionary === undefined || values.length < length) return undefined;
    const entries = Array.from({ length: dictionary.length }, (_, index) => dictionary.get(index));
    for (let row = 0; row < length; row++) out[at++] = entries[values[row] as number];
  }
  return out;
}

/**
 * `read()`, which reads a columnar input column by column; when it finds a bad cell, the error is the one
 * a record-by-record read reports (the first bad cell in row order, fields in `checks` order): `checks`
 * (one per field, each throwing for a bad cell of its column) run row by row up to the bad cell's row,
 * which throws at the latest at that cell.
 */
export function inRowOrder<R>(read: () => R, checks: readonly ((row: number) => unknown)[]): R {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidRecordError) {
      for (let row = 0; row <= error.row; row++) for (const check of checks) check(row);
    }
    throw error;
  }
}
