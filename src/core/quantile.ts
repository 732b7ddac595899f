import { InsufficientDataError } from "./errors.js";
import { argumentError, checkArrayLike, checkProbability } from "./internal/arguments.js";

/**
 * Quantile of already sorted values by R's default method (type 7, also
 * numpy's "linear"): with h = (n - 1) p, the value is
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * NaN values must be removed first (see {@link sortedFinite}); the order is
 * not checked (that would cost O(n)).
 *
 * Complexity: O(1).
 *
 * @param sorted - ascending values, at least one
 * @param probability - in [0, 1]
 * @throws InvalidOptionsError when `sorted` is not an array or typed array, or `probability` is not in [0, 1]
 * @throws InsufficientDataError when `sorted` is empty
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.5);  // => 2.5 (R: quantile(1:4, 0.5))
 * quantileSorted([1, 2, 3, 4], 0.25); // => 1.75
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  checkArrayLike("quantileSorted", "sorted", sorted);
  checkProbability("quantileSorted", "probability", probability);
  const n = sorted.length;
  if (n === 0) throw new InsufficientDataError("quantileSorted", "no values: a quantile needs at least one");
  if (probability <= 0) return sorted[0] as number;
  if (probability >= 1) return sorted[n - 1] as number;
  const h = (n - 1) * probability;
  const lower = Math.floor(h);
  const below = sorted[lower] as number;
  const above = sorted[Math.min(lower + 1, n - 1)] as number;
  return below + (h - lower) * (above - below);
}

/**
 * Sorted copy of the finite values of an array as a `Float64Array`
 * (NaN and infinities skipped). The input is not touched.
 *
 * @throws InvalidOptionsError when `values` is not an array or typed array
 *
 * @example
 * ```ts
 * sortedFinite([3, Number.NaN, 1]); // => Float64Array [1, 3]
 * ```
 */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  checkArrayLike("sortedFinite", "values", values);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i] as number)) count++;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isFinite(value)) out[j++] = value;
  }
  return out.sort();
}

/**
 * R type-7 quantiles of unsorted values at several probabilities; NaN values
 * (and infinities) are skipped. Sorts a copy once: O(n log n).
 *
 * @throws InvalidOptionsError when `values` or `probabilities` is not an array, or a probability is not in [0, 1]
 * @throws InsufficientDataError when no finite value is left
 *
 * @example
 * ```ts
 * quantiles([5, 1, 4, 2, 3], [0, 0.5, 0.9]); // => [1, 3, 4.6]
 * ```
 */
export function quantiles(values: ArrayLike<number>, probabilities: readonly number[]): number[] {
  checkArrayLike("quantiles", "values", values);
  if (!Array.isArray(probabilities)) {
    throw argumentError("quantiles", "probabilities", "expected an array of probabilities", probabilities);
  }
  for (let i = 0; i < probabilities.length; i++) {
    checkProbability("quantiles", `probabilities.${i}`, probabilities[i]);
  }
  const sorted = finiteOrThrow("quantiles", values);
  return probabilities.map((p) => quantileSorted(sorted, p));
}

function finiteOrThrow(functionName: string, values: ArrayLike<number>): Float64Array {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) {
    throw new InsufficientDataError(
      functionName,
      values.length === 0 ? "no values" : `none of the ${values.length} values is a finite number`,
    );
  }
  return sorted;
}

/**
 * R type-7 quantile of unsorted values at one probability (NaN and infinities skipped).
 *
 * @throws InvalidOptionsError when `values` is not an array or `probability` is not in [0, 1]
 * @throws InsufficientDataError when no finite value is left
 *
 * @example
 * ```ts
 * quantile([10, 20, 30], 0.9); // => 28
 * ```
 */
export function quantile(values: ArrayLike<number>, probability: number): number {
  checkArrayLike("quantile", "values", values);
  checkProbability("quantile", "probability", probability);
  return quantileSorted(finiteOrThrow("quantile", values), probability);
}

/**
 * Median (R type 7, i.e. the usual midpoint rule), NaN and infinities skipped.
 *
 * @throws InvalidOptionsError when `values` is not an array
 * @throws InsufficientDataError when no finite value is left
 *
 * @example
 * ```ts
 * median([3, 1, 2, 10]); // => 2.5
 * ```
 */
export function median(values: ArrayLike<number>): number {
  checkArrayLike("median", "values", values);
  return quantileSorted(finiteOrThrow("median", values), 0.5);
}
