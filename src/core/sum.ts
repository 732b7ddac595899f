import { argumentError, checkArrayLike } from "./internal/arguments.js";

/**
 * Sum with Neumaier's compensation (an improved Kahan sum): the rounding
 * error of each addition is carried and added back, so money totals over
 * millions of lines stay exact to the cent. A total beyond the largest
 * double is `Infinity` (or `-Infinity`), never NaN.
 *
 * Complexity: O(n).
 *
 * @throws InvalidOptionsError when `values` is not an array or typed array, or
 *   holds something other than a finite number (the path names the index)
 *
 * @example
 * ```ts
 * compensatedSum([0.1, 0.2, 0.3]);        // => 0.6 (plain reduce gives 0.6000000000000001)
 * compensatedSum([1e100, 1, -1e100]);      // => 1
 * ```
 */
export function compensatedSum(values: ArrayLike<number>): number {
  checkArrayLike("compensatedSum", "values", values);
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw argumentError("compensatedSum", `values.${i}`, "expected a finite number", value);
    }
    const total = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - total + value;
    else compensation += value - total + sum;
    sum = total;
  }
  // after an overflow the compensation is -Infinity or NaN: the total is the infinite sum itself
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/**
 * A running compensated sum for loops that add values one at a time.
 * `add(NaN)` throws `InvalidOptionsError`; infinite values and overflow
 * give an infinite `value`.
 *
 * @example
 * ```ts
 * const total = new CompensatedSum();
 * for (const x of [0.1, 0.2, 0.3]) total.add(x);
 * total.value; // => 0.6
 * ```
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds one value (not NaN). */
  add(value: number): this {
    if (typeof value !== "number" || Number.isNaN(value)) {
      throw argumentError("CompensatedSum.add", "value", "expected a number (not NaN)", value);
    }
    const total = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - total + value;
    else this.compensation += value - total + this.sum;
    this.sum = total;
    return this;
  }

  /** The compensated total so far. */
  get value(): number {
    return Number.isFinite(this.sum) ? this.sum + this.compensation : this.sum;
  }
}

/** Mean, variance and count of a sample, from {@link summarize}. */
export interface SampleSummary {
  /** Number of finite values used. */
  readonly count: number;
  /** Number of values skipped: NaN, infinities and anything that is not a number. */
  readonly skipped: number;
  readonly mean: number;
  /** Sample variance (divisor n - 1); NaN when count < 2. */
  readonly variance: number;
  /** Sample standard deviation (divisor n - 1); NaN when count < 2. */
  readonly standardDeviation: number;
  readonly min: number;
  readonly max: number;
}

/**
 * One-pass mean and sample variance by Welford's algorithm, skipping NaN,
 * infinities and non-numbers (counted in `skipped`). Stable for large offsets where the textbook
 * sum-of-squares formula cancels catastrophically. Mean, min and max are NaN
 * when no value is left, variance and standard deviation when fewer than two.
 *
 * @throws InvalidOptionsError when `values` is not an array or typed array
 * @example
 * ```ts
 * summarize([2, 4, 4, 4, 5, 5, 7, 9]);
 * // => { count: 8, skipped: 0, mean: 5, variance: 4.571428..., standardDeviation: 2.138..., min: 2, max: 9 }
 * ```
 */
export function summarize(values: ArrayLike<number>): SampleSummary {
  checkArrayLike("summarize", "values", values);
  let count = 0;
  let skipped = 0;
  let mean = 0;
  let m2 = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      skipped++;
      continue;
    }
    count++;
    const delta = value - mean;
    mean += delta / count;
    m2 += delta * (value - mean);
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const variance = count > 1 ? m2 / (count - 1) : Number.NaN;
  return {
    count,
    skipped,
    mean: count > 0 ? mean : Number.NaN,
    variance,
    standardDeviation: Math.sqrt(variance),
    min: count > 0 ? min : Number.NaN,
    max: count > 0 ? max : Number.NaN,
  };
}
