/**
 * Reads every feature of a record in one call, record by record.
 *
 * Why: a loop `record[keys[j]]` over several property names is a megamorphic keyed load (a stub-cache
 * or dictionary probe per value, 30-40 ns); reading the same records column by column instead walks
 * every record once per feature and is worse still (cache misses). When the engine allows it, the
 * reader is compiled once per model into a function with one constant property load per feature
 * (`record["amount"]`, the key embedded as a JSON string literal, never as code), so each load has its
 * own inline cache: about 4x faster on records with fast properties. Where code generation is
 * forbidden (a strict Content-Security-Policy), an equivalent loop is used.
 *
 * A compiled reader is the same function object for every call on features of the same keys and order
 * (a small cache by source text, see {@link cachedReader}): it takes the accessors of features that are
 * not keys as arguments instead of holding them, so it holds no caller data and keeps its optimised code.
 */
import type { ResolvedFeature } from "./featureSpec.js";

/**
 * Handles a numeric value that is not a finite number (missing, numeric string, boolean...): returns
 * what the reader stores or adds for it, or throws. Called only off the fast path.
 */
export type NumericFallback = (feature: number, value: unknown, row: number) => number;

/** Reads one feature's value of a record. */
export type Accessor<T> = (record: T, row: number) => unknown;

/**
 * Reads record `row`: first the raw values of the leading features (see {@link createRowReader}) to
 * `categoricalOut[0..l)`, then numeric feature j to `numericOut[offset + j * stride]` (finite numbers as
 * is, anything else through `convert`), then categorical feature j's raw value to `categoricalOut[l + j]`.
 * `numericRead` and `categoricalRead` are the features' accessors (see {@link accessorsOf}): the reader
 * calls those of the features that are not keys.
 */
export type RowReader<T> = (
  record: T,
  row: number,
  numericOut: Float64Array,
  offset: number,
  stride: number,
  categoricalOut: unknown[],
  convert: NumericFallback,
  numericRead: readonly Accessor<T>[],
  categoricalRead: readonly Accessor<T>[],
) => void;

/**
 * Reads record `row` and returns start + Σⱼ coefficients[j] · xⱼ over the numeric features, added in
 * feature order (a value that is not a finite number adds `convert(j, value, row)` instead);
 * categorical raw values go to `categoricalOut`. The accessors as in {@link RowReader}.
 */
export type LinearRowReader<T> = (
  record: T,
  row: number,
  start: number,
  coefficients: Float64Array,
  categoricalOut: unknown[],
  convert: NumericFallback,
  numericRead: readonly Accessor<T>[],
  categoricalRead: readonly Accessor<T>[],
) => number;

/** The features' accessors, as the readers take them. */
export const accessorsOf = <T>(features: readonly ResolvedFeature<T>[]): Accessor<T>[] =>
  features.map((feature) => feature.read);

/** Set `compile` to false (tests) to use the loop readers even where code generation is allowed. */
export const rowReaderSettings = { compile: true };

/** Reads feature j's raw value (the loop readers). */
function featureValue<T>(
  features: readonly ResolvedFeature<T>[],
  j: number,
  record: T,
  row: number,
): unknown {
  const feature = features[j] as ResolvedFeature<T>;
  return feature.key !== undefined
    ? (record as Record<string, unknown>)[feature.key]
    : feature.read(record, row);
}

/**
 * Compiles `function (record, row, ...parameters, numericRead, categoricalRead) { let value; <leading
 * lines> <numeric lines> <categorical lines> }`: the first `leading` categorical features are read
 * before the numeric ones. Property names enter the source only as JSON string literals; accessors are
 * passed in as arrays.
 */
function compile<F>(
  numeric: readonly ResolvedFeature<unknown>[],
  categorical: readonly ResolvedFeature<unknown>[],
  leading: number,
  parameters: string,
  numericLine: (load: string, j: number) => string,
  tail: string,
): F | undefined {
  const load = (feature: ResolvedFeature<unknown>, accessors: string, j: number): string =>
    feature.key !== undefined ? `record[${JSON.stringify(feature.key)}]` : `${accessors}[${j}](record, row)`;
  const categoricalLines = categorical.map(
    (feature, j) => `categoricalOut[${j}] = ${load(feature, "categoricalRead", j)};`,
  );
  const lines = [
    ...categoricalLines.slice(0, leading),
    ...numeric.map((feature, j) => numericLine(load(feature, "numericRead", j), j)),
    ...categoricalLines.slice(leading),
  ];
  const source = `"use strict";\nreturn function readRow(record, row, ${parameters}, numericRead, categoricalRead) {\nlet value;\n${lines.join("\n")}\n${tail}\n};`;
  return cachedReader(source) as F | undefined;
}

/** Compiled readers kept by {@link cachedReader}. */
const READER_CACHE_SIZE = 16;

/**
 * The most recently used compiled readers by source text (a Map iterates in insertion order: a hit moves
 * its entry to the end, and the first entry is dropped beyond {@link READER_CACHE_SIZE}).
 */
const readers = new Map<string, unknown>();

/**
 * The reader compiled from `source`, the same function object for the same text, or `undefined` where
 * code generation is disallowed (CSP: the caller uses the loop).
 *
 * Why: V8 keeps a function's optimised code only while a function object that runs it is alive, and
 * its eval cache (which gave the same source text the same compiled function) is emptied by a full
 * garbage collection. A reader compiled anew on every call therefore started in the interpreter after
 * each full GC (on the Telco-shaped case, reading the records took 10-14 ms after a forced GC instead
 * of 2.2). Holds at most {@link READER_CACHE_SIZE} readers, each a source text of about 100 characters
 * per feature and its code, and nothing of the caller's (accessors are arguments).
 */
/** Forgets every compiled reader (tests: the next reader of any features is compiled, or refused, anew). */
export function forgetCompiledReaders(): void {
  readers.clear();
}

function cachedReader(source: string): unknown {
  let reader = readers.get(source);
  if (reader !== undefined) {
    readers.delete(source);
  } else {
    try {
      reader = new Function(source)();
    } catch {
      return undefined;
    }
    if (readers.size >= READER_CACHE_SIZE) readers.delete(readers.keys().next().value as string);
  }
  readers.set(source, reader);
  return reader;
}

const FINITE = 'typeof value === "number" && value - value === 0';

/** The compiled reader when allowed (see {@link rowReaderSettings}), else `loop`. */
function compiledOr<T, F>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
  leading: number,
  parameters: string,
  numericLine: (load: string, j: number) => string,
  tail: string,
  loop: F,
): F {
  if (!rowReaderSettings.compile) return loop;
  return (
    compile<F>(
      numeric as readonly ResolvedFeature<unknown>[],
      categorical as readonly ResolvedFeature<unknown>[],
      leading,
      parameters,
      numericLine,
      tail,
    ) ?? loop
  );
}

/**
 * The row reader of these features (compiled when allowed, else a loop; both behave the same). The
 * first `leading` categorical features (e.g. a label, checked in `convert` before a numeric value can
 * fail) are read before the numeric ones.
 */
export function createRowReader<T>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
  leading = 0,
): RowReader<T> {
  const loop: RowReader<T> = (record, row, numericOut, offset, stride, categoricalOut, convert) => {
    for (let j = 0; j < leading; j++) categoricalOut[j] = featureValue(categorical, j, record, row);
    for (let j = 0; j < numeric.length; j++) {
      const value = featureValue(numeric, j, record, row);
      numericOut[offset + j * stride] =
        typeof value === "number" && value - value === 0 ? value : convert(j, value, row);
    }
    for (let j = leading; j < categorical.length; j++)
      categoricalOut[j] = featureValue(categorical, j, record, row);
  };
  return compiledOr(
    numeric,
    categorical,
    leading,
    "numericOut, offset, stride, categoricalOut, convert",
    (load, j) =>
      `value = ${load};\nnumericOut[offset + ${j} * stride] = ${FINITE} ? value : convert(${j}, value, row);`,
    "",
    loop,
  );
}

/** The linear-predictor reader of these features (compiled when allowed, else a loop). */
export function createLinearRowReader<T>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
): LinearRowReader<T> {
  const loop: LinearRowReader<T> = (record, row, start, coefficients, categoricalOut, convert) => {
    let sum = start;
    for (let j = 0; j < numeric.length; j++) {
      const value = featureValue(numeric, j, record, row);
      sum +=
        typeof value === "number" && value - value === 0
          ? (coefficients[j] as number) * value
          : convert(j, value, row);
    }
    for (let j = 0; j < categorical.length; j++)
      categoricalOut[j] = featureValue(categorical, j, record, row);
    return sum;
  };
  return compiledOr(
    numeric,
    categorical,
    0,
    "sum, coefficients, categoricalOut, convert",
    (load, j) =>
      `value = ${load};\nsum += ${FINITE} ? coefficients[${j}] * value : convert(${j}, value, row);`,
    "return sum;",
    loop,
  );
}
