/**
 * Reads every feature of a record in one call, record by record (reading the records column by
 * column instead walks every record once per feature, with a cache miss each time). Plain loops over
 * the features' keys, no run-time code generation (so the readers run under a strict
 * Content-Security-Policy): a key is read with one keyed property load, an accessor is called.
 */
import type { ResolvedFeature } from "./featureSpec.js";

/**
 * Handles a numeric value that is not a finite number (missing, numeric string, boolean...): returns
 * what the reader stores or adds for it, or throws. Called only off the fast path.
 */
export type NumericFallback = (feature: number, value: unknown, row: number) => number;

/**
 * Reads record `row`: numeric feature j goes to `numericOut[offset + j * stride]` (finite numbers as is,
 * anything else through `convert`), categorical feature j's raw value to `categoricalOut[j]`.
 */
export type RowReader<T> = (
  record: T,
  row: number,
  numericOut: Float64Array,
  offset: number,
  stride: number,
  categoricalOut: unknown[],
  convert: NumericFallback,
) => void;

/**
 * Reads record `row` and returns start + Σⱼ coefficients[j] · xⱼ over the numeric features, added in
 * feature order (a value that is not a finite number adds `convert(j, value, row)` instead);
 * categorical raw values go to `categoricalOut`.
 */
export type LinearRowReader<T> = (
  record: T,
  row: number,
  start: number,
  coefficients: Float64Array,
  categoricalOut: unknown[],
  convert: NumericFallback,
) => number;

type Accessor<T> = (record: T, row: number) => unknown;

/** Keys and accessors of features: a key is read with a keyed property load, else the accessor is called. */
function split<T>(features: readonly ResolvedFeature<T>[]): [(string | undefined)[], Accessor<T>[]] {
  return [features.map((feature) => feature.key), features.map((feature) => feature.read)];
}

/** The row reader of these features. */
export function createRowReader<T>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
): RowReader<T> {
  const [numericKeys, numericReads] = split(numeric);
  const [categoricalKeys, categoricalReads] = split(categorical);
  return (record, row, numericOut, offset, stride, categoricalOut, convert) => {
    const source = record as Record<string, unknown>;
    for (let j = 0; j < numericKeys.length; j++) {
      const key = numericKeys[j];
      const value = key !== undefined ? source[key] : (numericReads[j] as Accessor<T>)(record, row);
      numericOut[offset + j * stride] =
        typeof value === "number" && value - value === 0 ? value : convert(j, value, row);
    }
    for (let j = 0; j < categoricalKeys.length; j++) {
      const key = categoricalKeys[j];
      categoricalOut[j] = key !== undefined ? source[key] : (categoricalReads[j] as Accessor<T>)(record, row);
    }
  };
}

/** The linear-predictor reader of these features. */
export function createLinearRowReader<T>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
): LinearRowReader<T> {
  const [numericKeys, numericReads] = split(numeric);
  const [categoricalKeys, categoricalReads] = split(categorical);
  return (record, row, start, coefficients, categoricalOut, convert) => {
    const source = record as Record<string, unknown>;
    let sum = start;
    for (let j = 0; j < numericKeys.length; j++) {
      const key = numericKeys[j];
      const value = key !== undefined ? source[key] : (numericReads[j] as Accessor<T>)(record, row);
      sum +=
        typeof value === "number" && value - value === 0
          ? (coefficients[j] as number) * value
          : convert(j, value, row);
    }
    for (let j = 0; j < categoricalKeys.length; j++) {
      const key = categoricalKeys[j];
      categoricalOut[j] = key !== undefined ? source[key] : (categoricalReads[j] as Accessor<T>)(record, row);
    }
    return sum;
  };
}
