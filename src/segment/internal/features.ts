/**
 * Feature reading and transforms shared by featureMatrix, applyFeatures, kMeans,
 * chooseK and assignSegments.
 */
import {
  type Field,
  InvalidOptionsError,
  InvalidRecordError,
  readNumbers,
  resolveField,
  withDisplay,
} from "../../core/index.js";
import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixResult,
  FeatureMatrixStep,
  FeatureMatrixTransform,
  FeatureMatrixTransformName,
} from "../featureMatrixTypes.js";

export const TRANSFORM_NAMES = ["none", "log1p", "standardize", "minmax"] as const;

/** Above this magnitude sums of squares could overflow: moments are computed on scaled values. */
const LARGE = 2 ** 400;

/**
 * The power of two 2^-e that brings `magnitude` into (1/2, 1] when it exceeds 2^400, else 1.
 * Scaling by a power of two is exact, so results for ordinary values are bit-identical.
 */
export function overflowScale(magnitude: number): number {
  return magnitude > LARGE ? 2 ** -Math.ceil(Math.log2(magnitude)) : 1;
}

/** Largest |value| of column j of a row-major n x d matrix. O(n). */
export function columnMagnitude(matrix: Float64Array, n: number, d: number, j: number): number {
  let magnitude = 0;
  for (let i = 0; i < n; i++) {
    const value = Math.abs(matrix[i * d + j] as number);
    if (value > magnitude) magnitude = value;
  }
  return magnitude;
}

/**
 * Two-pass mean and sum of squared deviations of column j of a row-major n x d matrix
 * (n > 0), computed on the column times `scale` (by default {@link overflowScale} of the
 * column's magnitude, one more pass) so that values around 1e200 do not overflow: the true
 * sum of squares is `squares / scale²` (which may itself overflow; divide after taking the
 * square root). Pass `scale` 1 when the values are known to be small enough. O(n).
 */
export function columnMoments(
  matrix: Float64Array,
  n: number,
  d: number,
  j: number,
  scale = overflowScale(columnMagnitude(matrix, n, d, j)),
): { mean: number; squares: number; scale: number } {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (matrix[i * d + j] as number) * scale;
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const difference = (matrix[i * d + j] as number) * scale - mean;
    squares += difference * difference;
  }
  return { mean: mean / scale, squares, scale };
}

/**
 * (x - shift) / divisor, also when x - shift overflows (x and the shift near ±1e308 with opposite
 * signs): then computed on halves. A result that is not finite stays so (the caller reports it).
 */
export function shiftAndDivide(value: number, shift: number, divisor: number): number {
  const result = (value - shift) / divisor;
  return result - result === 0 ? result : ((value / 2 - shift / 2) / divisor) * 2;
}

/** value * factor + shift (the inverse of {@link shiftAndDivide}), on halves when it overflows. */
export function multiplyAndShift(value: number, factor: number, shift: number): number {
  const result = value * factor + shift;
  return result - result === 0 ? result : (value * (factor / 2) + shift / 2) * 2;
}

/** Normalises the `fields` option (record of fields, or array of keys) to [name, field] pairs. */
export function fieldEntries<T>(fields: unknown): [string, Field<T>][] {
  if (Array.isArray(fields)) return fields.map((key) => [String(key), key as Field<T>]);
  return Object.entries(fields as Record<string, Field<T>>);
}

/** Normalises the `transforms` option to a chain of transform names per feature. */
export function transformChains(
  functionName: string,
  names: readonly string[],
  transforms: unknown,
): FeatureMatrixTransformName[][] {
  const asChain = (value: unknown): FeatureMatrixTransformName[] =>
    (Array.isArray(value) ? value : [value]).filter(
      (name) => name !== "none",
    ) as FeatureMatrixTransformName[];
  if (transforms === undefined) return names.map(() => ["standardize"]);
  if (typeof transforms === "string" || Array.isArray(transforms))
    return names.map(() => asChain(transforms));
  const perFeature = transforms as Record<string, unknown>;
  const unknown = Object.keys(perFeature).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new InvalidOptionsError(
      functionName,
      unknown.map((name) => ({
        path: `transforms.${name}`,
        message: `no field named "${name}"; transforms must name entries of fields (${names.join(", ")})`,
        received: perFeature[name],
      })),
    );
  }
  return names.map((name) => (name in perFeature ? asChain(perFeature[name]) : []));
}

/** Reads the raw columns, applies the missing-value policy, returns kept rows. */
export function readFeatureColumns<T>(
  functionName: string,
  records: readonly T[],
  entries: readonly [string, Field<T>][],
  missing: FeatureMatrixMissingPolicy,
): { raw: Float64Array; rowIndices: Int32Array; droppedRows: Int32Array } {
  const columns = entries.map(([name, field]) =>
    readNumbers(records, field, {
      functionName,
      optionName: `fields.${name}`,
      missing: missing === "drop" ? "nan" : "error",
    }),
  );
  const n = records.length;
  const d = entries.length;
  const kept = new Int32Array(n);
  const dropped: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    let drop = false;
    if (missing === "drop")
      for (let j = 0; j < d && !drop; j++) drop = Number.isNaN((columns[j] as Float64Array)[i] as number);
    if (drop) dropped.push(i);
    else kept[rows++] = i;
  }
  const raw = new Float64Array(rows * d);
  for (let row = 0; row < rows; row++)
    for (let j = 0; j < d; j++)
      raw[row * d + j] = (columns[j] as Float64Array)[kept[row] as number] as number;
  const rowIndices = kept.slice(0, rows);
  const droppedRows = Int32Array.from(dropped);
  return { raw, rowIndices, droppedRows };
}

/**
 * A fitted standardize or minmax step as `x -> (x / halve - shift / halve) / divisor` (with
 * {@link shiftAndDivide}'s care where `x - shift` overflows): standardize divides by the standard
 * deviation (1 when constant), minmax by max - min (1 when constant), on halves (`halve` 2) when
 * max - min overflows. `halve` is 1 otherwise, so ordinary values are transformed bit for bit as
 * `(x - shift) / divisor`.
 */
function affine(
  step: Exclude<FeatureMatrixStep, { kind: "log1p" }>,
): [halve: number, shift: number, divisor: number] {
  if (step.kind === "standardize") return [1, step.mean, step.constant ? 1 : step.standardDeviation];
  const halve = Number.isFinite(step.max - step.min) ? 1 : 2;
  return [halve, step.min, step.constant ? 1 : step.max / halve - step.min / halve];
}

/**
 * Applies (and, when `fit`, first estimates) each feature's chain of transforms, in place on a copy of `raw`.
 * Throws InvalidRecordError for log1p of a value <= -1.
 */
export function applyChains<T>(
  functionName: string,
  raw: Float64Array,
  rowIndices: Int32Array,
  entries: readonly [string, Field<T>][],
  chains: readonly (readonly (FeatureMatrixTransformName | FeatureMatrixStep)[])[],
): { matrix: Float64Array; steps: FeatureMatrixStep[][] } {
  const d = entries.length;
  const n = rowIndices.length;
  const matrix = Float64Array.from(raw);
  const fitted: FeatureMatrixStep[][] = [];
  for (let j = 0; j < d; j++) {
    const [name, field] = entries[j] as [string, Field<T>];
    const label = () => resolveField(field, `fields.${name}`).label;
    /** The error naming row i of this feature (with its raw value) and what is wrong with it. */
    const refuse = (i: number, problem: string) =>
      new InvalidRecordError(functionName, rowIndices[i] as number, label(), raw[i * d + j], problem);
    const steps: FeatureMatrixStep[] = [];
    for (const given of chains[j] ?? []) {
      if (given === "log1p" || (given as FeatureMatrixStep).kind === "log1p") {
        for (let i = 0; i < n; i++) {
          const value = matrix[i * d + j] as number;
          if (!(value > -1)) {
            throw refuse(
              i,
              `log1p needs values greater than -1 (after earlier transforms); clip refunds or negatives to 0 first, or drop "log1p" for "${name}"`,
            );
          }
          matrix[i * d + j] = Math.log1p(value);
        }
        steps.push({ kind: "log1p" });
        continue;
      }
      // A fitted step (applyFeatures) gives its parameters; a name estimates them from this column.
      const kind = typeof given === "string" ? given : given.kind;
      let step: Exclude<FeatureMatrixStep, { kind: "log1p" }>;
      if (kind === "standardize") {
        let { mean, standardDeviation } = given as Extract<FeatureMatrixStep, { kind: "standardize" }>;
        if (given === kind) {
          const moments = columnMoments(matrix, n, d, j);
          mean = moments.mean;
          standardDeviation = n > 1 ? Math.sqrt(moments.squares / (n - 1)) / moments.scale : 0;
          if (!Number.isFinite(standardDeviation))
            throw refuse(
              largestRow(matrix, n, d, j),
              `the values of this feature are too large to ${kind}: their standard deviation exceeds the largest floating-point number; rescale the field (e.g. to thousands) or add "log1p" before "${kind}"`,
            );
        }
        step = { kind, mean, standardDeviation, constant: !(standardDeviation > 0) };
      } else if (kind === "minmax") {
        let { min, max } = given as Extract<FeatureMatrixStep, { kind: "minmax" }>;
        if (given === kind) [min, max] = n === 0 ? [0, 0] : columnRange(matrix, n, d, j);
        step = { kind, min, max, constant: !(max > min) };
      } else continue; // not a transform: left out, as "none" is
      const [halve, shift, divisor] = affine(step);
      for (let i = 0; i < n; i++) {
        const value = shiftAndDivide((matrix[i * d + j] as number) / halve, shift / halve, divisor);
        if (value - value !== 0) {
          throw refuse(
            i,
            `${kind} makes this value ${value} (not a finite number): it is too far from the ${kind === "standardize" ? "mean in units of the standard deviation" : "fitted range"}; rescale the field or add "log1p" before "${kind}"`,
          );
        }
        matrix[i * d + j] = value;
      }
      steps.push(step);
    }
    fitted.push(steps);
  }
  return { matrix, steps: fitted };
}

/** Maps a point of the model space back to original units (inverse of each chain, last step first). */
export function inverseTransform(
  point: ArrayLike<number>,
  steps: readonly (readonly FeatureMatrixStep[])[],
): number[] {
  return steps.map((chain, j) => {
    let value = point[j] as number;
    for (let s = chain.length - 1; s >= 0; s--) {
      const step = chain[s] as FeatureMatrixStep;
      if (step.kind === "log1p") value = Math.expm1(value);
      else {
        const [halve, shift, divisor] = affine(step);
        value = multiplyAndShift(value, divisor, shift / halve) * halve;
      }
    }
    return value;
  });
}

/**
 * What becomes of a built feature matrix: {@link showFeatureMatrix} where it is returned to the caller
 * (featureMatrix, applyFeatures, kMeans' `features`), the identity where it stays internal (kMeansSteps),
 * so that function's bundle carries no display code.
 */
export type PresentFeatureMatrix = <T>(result: FeatureMatrixResult<T>) => FeatureMatrixResult<T>;

/** Builds the frozen FeatureMatrixResult and hands it to `present`. */
export function featureMatrixResult<T>(
  functionName: string,
  records: readonly T[],
  transform: FeatureMatrixTransform<T>,
  chains: readonly (readonly (FeatureMatrixTransformName | FeatureMatrixStep)[])[],
  options: FeatureMatrixResult<T>["options"],
  present: PresentFeatureMatrix,
): FeatureMatrixResult<T> {
  const entries = transform.features.map((feature) => [feature.name, feature.field] as [string, Field<T>]);
  const { raw, rowIndices, droppedRows } = readFeatureColumns(
    functionName,
    records,
    entries,
    transform.missing,
  );
  const { matrix, steps } = applyChains(functionName, raw, rowIndices, entries, chains);
  const fittedTransform: FeatureMatrixTransform<T> = Object.freeze({
    features: Object.freeze(
      transform.features.map((feature, j) =>
        Object.freeze({ name: feature.name, field: feature.field, steps: Object.freeze(steps[j] ?? []) }),
      ),
    ),
    missing: transform.missing,
  });
  const featureNames = entries.map(([name]) => name);
  const constantFeatures = featureNames.filter((_, j) =>
    (steps[j] ?? []).some((step) => step.kind !== "log1p" && step.constant),
  );
  const result: FeatureMatrixResult<T> = {
    matrix,
    rawMatrix: raw,
    rowCount: rowIndices.length,
    columnCount: featureNames.length,
    featureNames,
    rowIndices,
    droppedRows,
    droppedRowCount: droppedRows.length,
    sourceRowCount: records.length,
    constantFeatures,
    transform: fittedTransform,
    options,
  };
  return present(result);
}

/** A feature matrix that prints as a table (one row per feature: transform chain, mean, min, max). */
export function showFeatureMatrix<T>(result: FeatureMatrixResult<T>): FeatureMatrixResult<T> {
  return withDisplay(result, {
    title: "Feature matrix",
    summary: (r) => [
      `${r.rowCount} rows x ${r.columnCount} features${r.droppedRowCount > 0 ? `, ${r.droppedRowCount} rows dropped for missing values` : ""}`,
      ...(r.constantFeatures.length > 0
        ? [`constant features (scaled to 0): ${r.constantFeatures.join(", ")}`]
        : []),
    ],
    rows: (r) =>
      r.featureNames.map((name, j) => {
        const [min, max] = columnRange(r.rawMatrix, r.rowCount, r.columnCount, j);
        const chain = r.transform.features[j]?.steps.map((step) => step.kind).join(" > ") ?? "";
        return {
          feature: name,
          transform: chain === "" ? "none" : chain,
          mean: r.rowCount > 0 ? columnMoments(r.rawMatrix, r.rowCount, r.columnCount, j).mean : null,
          min: r.rowCount > 0 ? min : null,
          max: r.rowCount > 0 ? max : null,
        };
      }),
  });
}

/** The smallest and largest value of column j of a row-major n x d matrix (Infinity, -Infinity when n = 0). O(n). */
export function columnRange(
  matrix: Float64Array,
  n: number,
  d: number,
  j: number,
): [min: number, max: number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const value = matrix[i * d + j] as number;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

/** The row of column j with the largest |value| (first on ties). O(n). */
export function largestRow(matrix: Float64Array, n: number, d: number, j: number): number {
  let row = 0;
  let largest = -1;
  for (let i = 0; i < n; i++) {
    const value = Math.abs(matrix[i * d + j] as number);
    if (value > largest) {
      largest = value;
      row = i;
    }
  }
  return row;
}
