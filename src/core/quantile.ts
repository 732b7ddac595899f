/**
 * Quantile of already sorted values by R's default method (type 7, also
 * numpy's "linear"): with h = (n - 1) p, the value is
 * x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * NaN values must be removed first. Returns NaN for empty input.
 *
 * Complexity: O(1).
 *
 * @param sorted - ascending values
 * @param probability - in [0, 1]
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.5);  // => 2.5 (R: quantile(1:4, 0.5))
 * quantileSorted([1, 2, 3, 4], 0.25); // => 1.75
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
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
 * (NaN skipped). The input is not touched.
 *
 * @example
 * ```ts
 * sortedFinite([3, Number.NaN, 1]); // => Float64Array [1, 3]
 * ```
 */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
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
 * are skipped. Sorts a copy once: O(n log n).
 *
 * @example
 * ```ts
 * quantiles([5, 1, 4, 2, 3], [0, 0.5, 0.9]); // => [1, 3, 4.6]
 * ```
 */
export function quantiles(values: ArrayLike<number>, probabilities: readonly number[]): number[] {
  const sorted = sortedFinite(values);
  return probabilities.map((p) => quantileSorted(sorted, p));
}

/**
 * R type-7 quantile of unsorted values at one probability (NaN skipped).
 *
 * @example
 * ```ts
 * quantile([10, 20, 30], 0.9); // => 28
 * ```
 */
export function quantile(values: ArrayLike<number>, probability: number): number {
  return quantileSorted(sortedFinite(values), probability);
}

/**
 * Median (R type 7, i.e. the usual midpoint rule), NaN skipped.
 *
 * @example
 * ```ts
 * median([3, 1, 2, 10]); // => 2.5
 * ```
 */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}
