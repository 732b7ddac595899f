/**
 * Feature encoding of the churn model: numeric features standardised with the
 * training mean and population standard deviation, categorical features
 * treatment-coded (levels sorted, the first is the reference and gets no
 * column). Records are read once, record by record, into column-major typed arrays (columns and Arrow
 * tables column by column).
 */
import type { ColumnarSource } from "../../core/columnar.js";
import { NUMBER_EXPECTATION, numberFromStringOrBigint } from "../../core/fields.js";
import { InsufficientDataError, InvalidRecordError } from "../../core/index.js";
import { isMissing } from "../../core/internal/missing.js";
import { featureColumn, inRowOrder } from "./churnColumns.js";
import { MISSING_LEVEL, type MissingPolicy, type ResolvedFeature } from "./featureSpec.js";
import { labelValue } from "./labels.js";
import { isRecord, notARecordError } from "./records.js";
import {
  type Accessor,
  accessorsOf,
  createRowReader,
  type NumericFallback,
  type RowReader,
} from "./rowReader.js";

/**
 * Converts one numeric feature value: finite numbers, decimal numeric strings (`"12.5"`, not `"0x10"`:
 * see core's parseDecimal), booleans (1/0), bigints of at most 2^53 in magnitude (Arrow's 64-bit
 * integers, as core's readNumbers takes them). Missing values
 * become NaN when `missing` is "impute", otherwise an InvalidRecordError naming row and field.
 */
export function numericValue(
  value: unknown,
  row: number,
  name: string,
  missing: MissingPolicy,
  functionName: string,
): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isMissing(value)) {
    if (missing === "impute") return Number.NaN;
    throw new InvalidRecordError(
      functionName,
      row,
      name,
      value,
      'expected a number; fill the value, drop the row, or pass missing: "impute" (training mean)',
    );
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  const parsed = numberFromStringOrBigint(value);
  if (Number.isNaN(parsed)) throw new InvalidRecordError(functionName, row, name, value, NUMBER_EXPECTATION);
  return parsed;
}

/** Converts one categorical feature value to its level string (numbers, bigints and booleans stringified). */
export function categoryValue(
  value: unknown,
  row: number,
  name: string,
  missing: MissingPolicy,
  functionName: string,
): string {
  if (typeof value === "string" && value !== "") return value;
  if (
    (typeof value === "number" && Number.isFinite(value)) ||
    typeof value === "boolean" ||
    typeof value === "bigint"
  )
    return String(value);
  if (isMissing(value) && missing === "impute") return MISSING_LEVEL;
  throw new InvalidRecordError(
    functionName,
    row,
    name,
    value,
    isMissing(value)
      ? `expected a category; fill the value or pass missing: "impute" (a "${MISSING_LEVEL}" level)`
      : "expected a category as a non-empty string, a finite number or a boolean",
  );
}

/** Raw training values read in one pass over the records. */
export interface TrainingValues {
  /** Numeric values, column-major: feature j at `[j * n, (j + 1) * n)` (NaN = missing under "impute"). */
  readonly numeric: Float64Array;
  /** Per categorical feature: codes into `levels[j]` (first-seen order). */
  readonly codes: Int32Array[];
  readonly levels: string[][];
  /** Labels 0/1 (when a label reader was given; else empty). */
  readonly labels: Uint8Array;
}

/** Reads the label of a record in the same pass (see {@link readTrainingValues}). */
export interface LabelReader<T> {
  readonly read: (record: T, index: number) => unknown;
  readonly name: string;
  /** The property name when the label is a key (then read by the compiled reader with the features). */
  readonly key?: string | undefined;
}

/**
 * Reads every feature of every record in ONE pass, record by record (each record's properties are
 * touched together, which is much faster than one pass per feature over large arrays of objects),
 * with the compiled {@link createRowReader}. Numeric columns land column-major, ready for the
 * column-wise statistics and the fit. Categorical values recently seen are coded from a
 * {@link RecentValues} cache without a map lookup.
 */
export function readTrainingValues<T>(
  records: readonly T[],
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
  missing: MissingPolicy,
  functionName: string,
  label?: LabelReader<T>,
): TrainingValues {
  const n = records.length;
  const q = categorical.length;
  const values = new Float64Array(n * numeric.length);
  const codes = categorical.map(() => new Int32Array(n));
  const coders = categorical.map((feature) => new LevelCoder(feature.name, missing, functionName));
  // The label is read by the same reader, before the features (as a separate pass over the records
  // would read it; one pass saves a sweep), into raw[0]: a keyed label is then one more constant
  // property load instead of a call to a generic accessor (a keyed load per row, several times slower
  // on dictionary-mode records).
  const leading = label === undefined ? 0 : 1;
  const labelFeatures: ResolvedFeature<T>[] = label === undefined ? [] : [labelFeature(label)];
  const readRow = createRowReader(numeric, [...labelFeatures, ...categorical], leading);
  const numericRead = accessorsOf(numeric);
  const categoricalRead = accessorsOf([...labelFeatures, ...categorical]);
  const raw: unknown[] = new Array(leading + q).fill(undefined);
  const convert = (j: number, value: unknown, row: number): number => {
    // A bad label is reported before a bad feature value of the same row.
    if (label !== undefined) labelValue(raw[0], row, label.name, functionName);
    return numericValue(value, row, (numeric[j] as ResolvedFeature<T>).name, missing, functionName);
  };
  const labels = new Uint8Array(label === undefined ? 0 : n);
  const pass: RowPass<T> = {
    records,
    readRow,
    numericRead,
    categoricalRead,
    values,
    raw,
    convert,
    labelName: label?.name,
    labels,
    codes,
    levelCodes: coders.map((coder) => coder.codes),
    functionName,
  };
  // Rows in chunks, one call each: the engine optimises this loop after a few calls with complete type
  // feedback (a single loop over every row was optimised mid-loop, on partial feedback).
  for (let from = 0; from < n; from += READ_CHUNK) readRange(pass, from, Math.min(n, from + READ_CHUNK));
  return { numeric: values, codes, levels: coders.map((coder) => coder.levels), labels };
}

/** What {@link readRange} reads with and into: one per {@link readTrainingValues} call. */
interface RowPass<T> {
  readonly records: readonly T[];
  readonly readRow: RowReader<T>;
  readonly numericRead: readonly Accessor<T>[];
  /** The label's accessor (when read) and then the categorical features'. */
  readonly categoricalRead: readonly Accessor<T>[];
  readonly values: Float64Array;
  /** The raw label (when read) and categorical values of the current row. */
  readonly raw: unknown[];
  readonly convert: NumericFallback;
  /** The label's name when the label is read, else undefined (and `labels` is empty). */
  readonly labelName: string | undefined;
  readonly labels: Uint8Array;
  readonly codes: Int32Array[];
  /** Per categorical feature, its {@link LevelCoder}'s codes of raw values. */
  readonly levelCodes: readonly RecentValues[];
  readonly functionName: string;
}

/**
 * Reads records [from, to) of a {@link readTrainingValues} pass. A module-level function, not a closure
 * made per call: V8 keeps optimised code only while a function object that runs it is alive, so a
 * closure's code was dropped by every full garbage collection between two calls, and the next call ran
 * the loop in the interpreter until it was optimised again.
 */
function readRange<T>(pass: RowPass<T>, from: number, to: number): void {
  const { records, readRow, numericRead, categoricalRead, values, raw, convert } = pass;
  const { labelName, labels, codes, levelCodes, functionName } = pass;
  const n = records.length;
  const leading = labelName === undefined ? 0 : 1;
  const q = codes.length;
  for (let i = from; i < to; i++) {
    const record = records[i] as T;
    if (!isRecord(record)) throw notARecordError(functionName, i, record);
    readRow(record, i, values, i, n, raw, convert, numericRead, categoricalRead);
    if (labelName !== undefined) labels[i] = labelValue(raw[0], i, labelName, functionName);
    for (let j = 0; j < q; j++)
      (codes[j] as Int32Array)[i] = (levelCodes[j] as RecentValues).numberOf(raw[leading + j], i);
  }
}

/**
 * {@link readTrainingValues} for columns or an Arrow table: the same values and, for a bad cell, the same
 * error (see {@link inRowOrder}), read column by column; a numeric Float64Array column is copied in one
 * go and then checked.
 */
export function readTrainingColumns<T>(
  source: ColumnarSource,
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
  missing: MissingPolicy,
  functionName: string,
  label: LabelReader<T>,
): TrainingValues {
  const n = source.length;
  const labelColumn = featureColumn(source, labelFeature(label), functionName, "label");
  const numericColumns = numeric.map((feature) =>
    featureColumn(source, feature, functionName, "fields.numeric"),
  );
  const categoricalColumns = categorical.map((feature) =>
    featureColumn(source, feature, functionName, "fields.categorical"),
  );
  const labelAt = (row: number): number => labelValue(labelColumn[row], row, label.name, functionName);
  /** A row's value of a column, converted (an InvalidRecordError naming row, field and value for a bad cell). */
  const cellOf =
    <V>(values: ArrayLike<unknown>, name: string, convert: CellConversion<V>) =>
    (row: number): V =>
      convert(values[row], row, name, missing, functionName);
  const numericAt = numericColumns.map((column, j) =>
    cellOf(column, (numeric[j] as ResolvedFeature<T>).name, numericValue),
  );
  const categoryAt = categoricalColumns.map((column, j) =>
    cellOf(column, (categorical[j] as ResolvedFeature<T>).name, categoryValue),
  );
  const read = (): TrainingValues => {
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) labels[i] = labelAt(i);
    const values = new Float64Array(n * numeric.length);
    numericColumns.forEach((column, j) => {
      readNumericColumn(column, values.subarray(j * n, (j + 1) * n), numericAt[j] as (row: number) => number);
    });
    const coders = categorical.map((feature) => new LevelCoder(feature.name, missing, functionName));
    const codes = categoricalColumns.map((column, j) => {
      const coder = coders[j] as LevelCoder;
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = coder.codes.numberOf(column[i], i);
      return out;
    });
    return { numeric: values, codes, levels: coders.map((coder) => coder.levels), labels };
  };
  return inRowOrder(read, [labelAt, ...numericAt, ...categoryAt]);
}

/** {@link numericValue} or {@link categoryValue}. */
type CellConversion<V> = (
  value: unknown,
  row: number,
  name: string,
  missing: MissingPolicy,
  functionName: string,
) => V;

/** `out[i] = column[i]` for a finite number, else `convert(i)`. */
export function readNumericColumn(
  column: ArrayLike<unknown>,
  out: Float64Array,
  convert: (row: number) => number,
): void {
  if (column instanceof Float64Array) {
    out.set(column);
    for (let i = 0; i < out.length; i++) {
      const value = out[i] as number;
      if (value - value !== 0) out[i] = convert(i);
    }
    return;
  }
  for (let i = 0; i < out.length; i++) {
    const value = column[i];
    out[i] = typeof value === "number" && value - value === 0 ? value : convert(i);
  }
}

/** The label as a feature of the readers. */
const labelFeature = <T>(label: LabelReader<T>): ResolvedFeature<T> => ({
  name: label.name,
  key: label.key,
  read: label.read,
});

/** Records per call of the row loop of {@link readTrainingValues}. */
const READ_CHUNK = 1024;

/** Learned scaling of one numeric feature. */
export interface NumericEncoding {
  readonly name: string;
  /** Training mean (of the non-missing values); also the imputed value. */
  readonly mean: number;
  /** Training population standard deviation (divisor n). */
  readonly standardDeviation: number;
  /** Missing values imputed in training. */
  readonly imputed: number;
}

/** Learned levels of one categorical feature. */
export interface CategoricalEncoding {
  readonly name: string;
  /** All training levels, sorted (UTF-16 code unit order); the first is the reference in reference coding. */
  readonly levels: readonly string[];
  /** The level without a column (reference coding), or `null` (one-hot coding: every level has one). */
  readonly reference: string | null;
}

/** Above this magnitude squared deviations could overflow: the moments are computed on scaled values. */
const LARGE = 2 ** 400;

/** Moments of a column: see {@link meanAndDeviation}. */
interface ColumnMoments {
  mean: number;
  sd: number;
  count: number;
  min: number;
  max: number;
}

/**
 * Mean and population standard deviation of the non-NaN values of a column, by two passes (mean,
 * then the sum of squared deviations: as accurate as Welford's update and without a division per value),
 * plus the smallest and largest value. Values beyond ±2^400 (whose squares, or sum, would overflow) are
 * scaled by a power of two first, which is exact: so 1e200-sized features get their true finite moments.
 * Each pass sums into several accumulators (values by index mod 4, or mod 2: independent chains of
 * additions instead of one, whose latency bounded the pass; the result differs from a one-accumulator
 * sum by rounding only).
 */
export function meanAndDeviation(values: Float64Array): ColumnMoments {
  const length = values.length;
  // lanes: 0-3 sums by index mod 4, 4 min, 5 max, 6 count (filled chunk by chunk: see MOMENT_CHUNK).
  const lanes = new Float64Array(7);
  const sumPass = (scale: number): number => {
    lanes.fill(0);
    lanes[4] = Number.POSITIVE_INFINITY;
    lanes[5] = Number.NEGATIVE_INFINITY;
    for (let from = 0; from < length; from += MOMENT_CHUNK)
      sumAndRange(values, scale, from, Math.min(length, from + MOMENT_CHUNK), lanes);
    return (lanes[0] as number) + (lanes[1] as number) + ((lanes[2] as number) + (lanes[3] as number));
  };
  let sum = sumPass(1);
  const count = lanes[6] as number;
  const min = lanes[4] as number;
  const max = lanes[5] as number;
  if (count === 0) return { mean: Number.NaN, sd: Number.NaN, count, min: Number.NaN, max: Number.NaN };
  const magnitude = Math.max(-min, max);
  // 2^-e with magnitude * 2^-e in (1/2, 1]; 1 (no scaling, bit-identical results) for ordinary values.
  const scale = magnitude > LARGE ? 2 ** -Math.ceil(Math.log2(magnitude)) : 1;
  if (scale !== 1) sum = sumPass(scale);
  const scaledMean = sum / count;
  lanes.fill(0, 0, 4);
  for (let from = 0; from < length; from += MOMENT_CHUNK)
    deviations(values, scale, scaledMean, from, Math.min(length, from + MOMENT_CHUNK), lanes);
  // Corrected two-pass formula (Chan, Golub & LeVeque 1983): removes the rounding error of the mean.
  const correction = (lanes[2] as number) + (lanes[3] as number);
  const m2 = (lanes[0] as number) + (lanes[1] as number) - (correction * correction) / count;
  const scaledSd = Math.sqrt(Math.max(m2, 0) / count);
  return { mean: scaledMean / scale, sd: scaledSd / scale, count, min, max };
}

/**
 * Values per call of the moment kernels below: each is called many times per column, so the engine
 * optimises it with complete type feedback (one long loop per column was optimised mid-loop before
 * the code after it had run, and deoptimised there again and again, leaving passes to the interpreter).
 * A multiple of 4: lanes stay aligned with index mod 4 across chunks.
 */
const MOMENT_CHUNK = 4096;

/**
 * Over values[from..to), NaN (missing) skipped: lanes[0..3] += Σ x · scale by index mod 4, lanes[4] and
 * lanes[5] running min and max, lanes[6] += count.
 */
function sumAndRange(
  values: Float64Array,
  scale: number,
  from: number,
  to: number,
  lanes: Float64Array,
): void {
  let s0 = lanes[0] as number;
  let s1 = lanes[1] as number;
  let s2 = lanes[2] as number;
  let s3 = lanes[3] as number;
  let min = lanes[4] as number;
  let max = lanes[5] as number;
  let count = lanes[6] as number;
  let i = from;
  for (; i + 3 < to; i += 4) {
    const v0 = values[i] as number;
    const v1 = values[i + 1] as number;
    const v2 = values[i + 2] as number;
    const v3 = values[i + 3] as number;
    // A group of four with a NaN goes value by value.
    if (Number.isNaN(v0) || Number.isNaN(v1) || Number.isNaN(v2) || Number.isNaN(v3)) {
      lanes[0] = s0;
      lanes[1] = s1;
      lanes[2] = s2;
      lanes[3] = s3;
      for (let k = 0; k < 4; k++) {
        const v = values[i + k] as number;
        if (Number.isNaN(v)) continue;
        lanes[k] = (lanes[k] as number) + v * scale;
        count++;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      s0 = lanes[0] as number;
      s1 = lanes[1] as number;
      s2 = lanes[2] as number;
      s3 = lanes[3] as number;
      continue;
    }
    s0 += v0 * scale;
    s1 += v1 * scale;
    s2 += v2 * scale;
    s3 += v3 * scale;
    count += 4;
    // Math.min/max (no NaN here) compile to branch-free instructions: comparisons of random values
    // mispredicted half the time.
    min = Math.min(min, v0, v1, v2, v3);
    max = Math.max(max, v0, v1, v2, v3);
  }
  lanes[0] = s0;
  lanes[1] = s1;
  lanes[2] = s2;
  lanes[3] = s3;
  // The last chunk's tail (fewer than 4 values), in lanes 0, 1, 2 as their indices.
  for (let k = 0; i < to; i++, k++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    lanes[k] = (lanes[k] as number) + v * scale;
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  lanes[4] = min;
  lanes[5] = max;
  lanes[6] = count;
}

/**
 * Over values[from..to), NaN (missing) skipped, d = x · scale − mean: by index mod 2, lanes[0..1] += Σ d²
 * and lanes[2..3] += Σ d.
 */
function deviations(
  values: Float64Array,
  scale: number,
  mean: number,
  from: number,
  to: number,
  lanes: Float64Array,
): void {
  let q0 = lanes[0] as number;
  let q1 = lanes[1] as number;
  let c0 = lanes[2] as number;
  let c1 = lanes[3] as number;
  for (let i = from; i < to; i += 2) {
    const x0 = values[i] as number;
    // The second value of a pair past the end reads as undefined: NaN, skipped.
    const x1 = i + 1 < to ? (values[i + 1] as number) : Number.NaN;
    if (!Number.isNaN(x0)) {
      const d0 = x0 * scale - mean;
      q0 += d0 * d0;
      c0 += d0;
    }
    if (!Number.isNaN(x1)) {
      const d1 = x1 * scale - mean;
      q1 += d1 * d1;
      c1 += d1;
    }
  }
  lanes[0] = q0;
  lanes[1] = q1;
  lanes[2] = c0;
  lanes[3] = c1;
}

/**
 * (x − mean) / standardDeviation, also when x − mean overflows (x and the mean near ±1e308 with
 * opposite signs): then computed on halves.
 */
export function standardize(value: number, mean: number, standardDeviation: number): number {
  const z = (value - mean) / standardDeviation;
  return z - z === 0 ? z : ((value / 2 - mean / 2) / standardDeviation) * 2;
}

/**
 * (x − mean) / standardDeviation for every value of `column`, in place; NaN (missing) becomes 0, the
 * mean. Multiplies by 1 / standardDeviation (a division per value costs several times more; the two
 * differ by an ulp or so), except when that reciprocal is below 2^-1000 and would lose bits: such huge
 * columns are divided. An overflowing difference is handled as in {@link standardize}.
 */
export function standardizeInPlace(column: Float64Array, mean: number, standardDeviation: number): void {
  const scale = 1 / standardDeviation;
  if (scale < 2 ** -1000) {
    for (let i = 0; i < column.length; i++)
      column[i] = standardizeOrZero(column[i] as number, mean, standardDeviation);
    return;
  }
  // The common case in a tight loop; a missing value (NaN) or an overflowing difference (z not finite)
  // goes to standardizeOrZero (checking z alone: a NaN value gives a NaN z).
  for (let i = 0; i < column.length; i++) {
    const z = ((column[i] as number) - mean) * scale;
    column[i] = z - z === 0 ? z : standardizeOrZero(column[i] as number, mean, standardDeviation);
  }
}

/** {@link standardize} of a value, 0 (the mean) for NaN (missing). */
function standardizeOrZero(value: number, mean: number, standardDeviation: number): number {
  return Number.isNaN(value) ? 0 : standardize(value, mean, standardDeviation);
}

/** Checks a numeric training column (NaN = missing) and returns its encoding. */
export function learnNumeric(name: string, values: Float64Array, functionName: string): NumericEncoding {
  const { mean, sd, count, min, max } = meanAndDeviation(values);
  if (count === 0) {
    throw new InsufficientDataError(
      functionName,
      `feature "${name}" has no non-missing value in the training data`,
    );
  }
  // A spread below 1e-12 of the magnitude is a constant up to rounding.
  if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
    throw new InsufficientDataError(
      functionName,
      min === max
        ? `feature "${name}" is constant in the training data (every value is ${mean}); it carries no information, remove it from fields.numeric`
        : `feature "${name}" is constant up to rounding in the training data (values from ${min} to ${max}, standard deviation ${sd} is below 1e-12 of max(1, |mean| ${Math.abs(mean)})); rescale it (e.g. to other units) or remove it from fields.numeric`,
    );
  }
  return { name, mean, standardDeviation: sd, imputed: values.length - count };
}

/** Learns the sorted levels of a categorical training column. */
export function learnCategorical(
  name: string,
  values: readonly string[],
  functionName: string,
  oneHot = false,
): CategoricalEncoding {
  const levels = [...new Set(values)].sort();
  if (levels.length < 2) {
    throw new InsufficientDataError(
      functionName,
      `categorical feature "${name}" has a single level ("${levels[0] ?? ""}") in the training data; remove it from fields.categorical`,
    );
  }
  return { name, levels, reference: oneHot ? null : (levels[0] as string) };
}

/** Entries of a {@link RecentValues} cache. */
const RECENT_CAPACITY = 16;

/**
 * A small cache from raw categorical values (as read from records) to a number (a level code or a
 * score effect), scanned linearly with `===`: for the few distinct values of a typical categorical
 * feature this is several times faster than converting the value and looking its level up in a Map
 * for every row. Holds the 16 most recently computed values (round-robin replacement). A hit is one
 * call ({@link RecentValues.numberOf}), which matters before the engine optimises the record loop.
 */
export class RecentValues {
  /**
   * An instance alive as long as the class. Why: V8 keeps the hidden class (map) of a class's instances
   * only while some instance is alive. When every instance made by a call has been collected, a full
   * garbage collection drops that map and deoptimises all code compiled against it, so the next call
   * ran its record loop unoptimised (Telco-shaped case: reading the records took a median of 11-14 ms
   * after a forced GC, 3 ms with an instance of this class and of LevelCoder kept).
   */
  static readonly keptAlive = new RecentValues(() => 0);

  private readonly keys: unknown[] = [];
  private readonly numbers = new Float64Array(RECENT_CAPACITY);
  private next = 0;

  /** `compute(value, row)` gives the number of a value not cached (or throws for a bad value). */
  constructor(private readonly compute: (value: unknown, row: number) => number) {}

  /** The number of `value` (of record `row`): cached, else computed and cached. */
  numberOf(value: unknown, row: number): number {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) if (keys[k] === value) return this.numbers[k] as number;
    const number = this.compute(value, row);
    this.add(value, number);
    return number;
  }

  private add(value: unknown, number: number): void {
    if (this.keys.length < RECENT_CAPACITY) {
      this.numbers[this.keys.length] = number;
      this.keys.push(value);
      return;
    }
    this.keys[this.next] = value;
    this.numbers[this.next] = number;
    this.next = (this.next + 1) % RECENT_CAPACITY;
  }
}

/**
 * Codes one categorical feature's raw values as their levels in first-seen order: `codes.numberOf(value,
 * row)` gives a value recently seen from its {@link RecentValues} cache without conversion or map lookup,
 * else the code of its level (through {@link categoryValue}).
 */
class LevelCoder {
  /** An instance alive as long as the class (see {@link RecentValues.keptAlive}). */
  static readonly keptAlive = new LevelCoder("", "error", "");

  /** The levels in first-seen order (code k is `levels[k]`). */
  readonly levels: string[] = [];
  private readonly positions = new Map<string, number>();
  /** The code of a raw value. */
  readonly codes = new RecentValues((value, row) => this.levelCode(value, row));

  constructor(
    private readonly name: string,
    private readonly missing: MissingPolicy,
    private readonly functionName: string,
  ) {}

  /** The code of a raw value's level (a new code for a level not seen yet). */
  private levelCode(value: unknown, row: number): number {
    const level = categoryValue(value, row, this.name, this.missing, this.functionName);
    let code = this.positions.get(level);
    if (code === undefined) {
      code = this.levels.length;
      this.positions.set(level, code);
      this.levels.push(level);
    }
    return code;
  }
}
