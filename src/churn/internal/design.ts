/**
 * Feature encoding of the churn model: numeric features standardised with the
 * training mean and population standard deviation, categorical features
 * treatment-coded (levels sorted, the first is the reference and gets no
 * column). Columns are read once per feature into typed arrays.
 */
import { InsufficientDataError, InvalidRecordError } from "../../core/index.js";

/** A feature: a property name, or a named accessor. */
export type FeatureSpec<T> =
  | (keyof T & string)
  | { readonly name: string; readonly value: (record: T, index: number) => unknown };

/** A feature resolved to a name and an accessor. */
export interface ResolvedFeature<T> {
  readonly name: string;
  /** The property name when the feature is a key (read inline, without a call). */
  readonly key: string | undefined;
  readonly read: (record: T, index: number) => unknown;
}

/** Policy for missing feature values (null, undefined, "", NaN). */
export type MissingPolicy = "error" | "impute";

/** Level used for a missing categorical value under the "impute" policy. */
export const MISSING_LEVEL = "(missing)";

export function resolveFeature<T>(spec: FeatureSpec<T>): ResolvedFeature<T> {
  if (typeof spec === "string") {
    return { name: spec, key: spec, read: (record) => (record as Record<string, unknown>)[spec] };
  }
  return { name: spec.name, key: undefined, read: spec.value };
}

const isMissing = (value: unknown): boolean =>
  value === null || value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value));

/**
 * Converts one numeric feature value: finite numbers, numeric strings, booleans (1/0). Missing values
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
  const parsed = typeof value === "string" ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(parsed)) {
    throw new InvalidRecordError(
      functionName,
      row,
      name,
      value,
      "expected a finite number or a numeric string",
    );
  }
  return parsed;
}

/** Converts one categorical feature value to its level string (see {@link readCategoricalFeature}). */
export function categoryValue(
  value: unknown,
  row: number,
  name: string,
  missing: MissingPolicy,
  functionName: string,
): string {
  if (typeof value === "string" && value !== "") return value;
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean")
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

/** Reads one numeric feature of every record (used for single records in `explain`). */
export function readNumericFeature<T>(
  records: readonly T[],
  feature: ResolvedFeature<T>,
  missing: MissingPolicy,
  functionName: string,
): Float64Array {
  const out = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    out[i] = numericValue(feature.read(records[i] as T, i), i, feature.name, missing, functionName);
  }
  return out;
}

/** Reads one categorical feature of every record as level strings (numbers and booleans stringified). */
export function readCategoricalFeature<T>(
  records: readonly T[],
  feature: ResolvedFeature<T>,
  missing: MissingPolicy,
  functionName: string,
): string[] {
  const out: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    out[i] = categoryValue(feature.read(records[i] as T, i), i, feature.name, missing, functionName);
  }
  return out;
}

/** Raw training values read in one pass over the records. */
export interface TrainingValues {
  /** Numeric values, row-major n x p (NaN = missing under "impute"). */
  readonly numeric: Float64Array;
  /** Per categorical feature: codes into `levels[j]` (first-seen order). */
  readonly codes: Int32Array[];
  readonly levels: string[][];
}

/**
 * Reads every feature of every record in ONE pass, record by record (each record's properties are
 * touched together, which is much faster than one pass per feature over large arrays of objects).
 */
export function readTrainingValues<T>(
  records: readonly T[],
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
  missing: MissingPolicy,
  functionName: string,
): TrainingValues {
  const n = records.length;
  const p = numeric.length;
  const q = categorical.length;
  const values = new Float64Array(n * p);
  const codes = categorical.map(() => new Int32Array(n));
  const levels: string[][] = categorical.map(() => []);
  const positions = categorical.map(() => new Map<string, number>());
  const keys = numeric.map((feature) => feature.key);
  for (let i = 0; i < n; i++) {
    const record = records[i] as T;
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const key = keys[j];
      const feature = numeric[j] as ResolvedFeature<T>;
      const raw = key !== undefined ? (record as Record<string, unknown>)[key] : feature.read(record, i);
      values[row + j] =
        typeof raw === "number" && Number.isFinite(raw)
          ? raw
          : numericValue(raw, i, feature.name, missing, functionName);
    }
    for (let j = 0; j < q; j++) {
      const feature = categorical[j] as ResolvedFeature<T>;
      const level = categoryValue(feature.read(record, i), i, feature.name, missing, functionName);
      const position = positions[j] as Map<string, number>;
      let code = position.get(level);
      if (code === undefined) {
        code = (levels[j] as string[]).length;
        position.set(level, code);
        (levels[j] as string[]).push(level);
      }
      (codes[j] as Int32Array)[i] = code;
    }
  }
  return { numeric: values, codes, levels };
}

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
  /** All training levels, sorted (UTF-16 code unit order); the first is the reference. */
  readonly levels: readonly string[];
  readonly reference: string;
}

/**
 * Mean and population standard deviation of the non-NaN values of a strided column, by two passes
 * (mean, then the sum of squared deviations: as accurate as Welford's update and without a division
 * per value).
 */
export function meanAndDeviation(
  values: Float64Array,
  offset = 0,
  stride = 1,
): { mean: number; sd: number; count: number } {
  let count = 0;
  let sum = 0;
  for (let i = offset; i < values.length; i += stride) {
    const value = values[i] as number;
    if (Number.isNaN(value)) continue;
    count++;
    sum += value;
  }
  const mean = count > 0 ? sum / count : Number.NaN;
  let squares = 0;
  let correction = 0;
  for (let i = offset; i < values.length; i += stride) {
    const value = values[i] as number;
    if (Number.isNaN(value)) continue;
    const delta = value - mean;
    squares += delta * delta;
    correction += delta;
  }
  // Corrected two-pass formula (Chan, Golub & LeVeque 1983): removes the rounding error of the mean.
  const m2 = squares - (correction * correction) / Math.max(count, 1);
  return { mean, sd: count > 0 ? Math.sqrt(Math.max(m2, 0) / count) : Number.NaN, count };
}

/** Checks a numeric training column and returns its encoding. */
export function learnNumeric(
  name: string,
  values: Float64Array,
  offset: number,
  stride: number,
  functionName: string,
): NumericEncoding {
  const { mean, sd, count } = meanAndDeviation(values, offset, stride);
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
      `feature "${name}" is constant in the training data (every value is ${mean}); it carries no information, remove it from features.numeric`,
    );
  }
  return {
    name,
    mean,
    standardDeviation: sd,
    imputed: Math.floor((values.length - offset + stride - 1) / stride) - count,
  };
}

/** Learns the sorted levels of a categorical training column. */
export function learnCategorical(
  name: string,
  values: readonly string[],
  functionName: string,
): CategoricalEncoding {
  const levels = [...new Set(values)].sort();
  if (levels.length < 2) {
    throw new InsufficientDataError(
      functionName,
      `categorical feature "${name}" has a single level ("${levels[0] ?? ""}") in the training data; remove it from features.categorical`,
    );
  }
  return { name, levels, reference: levels[0] as string };
}
