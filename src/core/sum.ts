/**
 * Sum with Neumaier's compensation (an improved Kahan sum): the rounding
 * error of each addition is carried and added back, so money totals over
 * millions of lines stay exact to the cent. NaN propagates.
 *
 * Complexity: O(n).
 *
 * @example
 * ```ts
 * compensatedSum([0.1, 0.2, 0.3]);        // => 0.6 (plain reduce gives 0.6000000000000001)
 * compensatedSum([1e100, 1, -1e100]);      // => 1
 * ```
 */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const total = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - total + value;
    else compensation += value - total + sum;
    sum = total;
  }
  return sum + compensation;
}

/**
 * A running compensated sum for loops that add values one at a time.
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

  /** Adds one value. */
  add(value: number): this {
    const total = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - total + value;
    else this.compensation += value - total + this.sum;
    this.sum = total;
    return this;
  }

  /** The compensated total so far. */
  get value(): number {
    return this.sum + this.compensation;
  }
}

/** Mean, variance and count of a sample, from {@link summarize}. */
export interface SampleSummary {
  /** Number of finite values used. */
  readonly count: number;
  /** Number of NaN values skipped. */
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
 * One-pass mean and sample variance by Welford's algorithm, skipping NaN
 * (counted in `skipped`). Stable for large offsets where the textbook
 * sum-of-squares formula cancels catastrophically.
 *
 * @example
 * ```ts
 * summarize([2, 4, 4, 4, 5, 5, 7, 9]);
 * // => { count: 8, skipped: 0, mean: 5, variance: 4.571428..., standardDeviation: 2.138..., min: 2, max: 9 }
 * ```
 */
export function summarize(values: ArrayLike<number>): SampleSummary {
  let count = 0;
  let skipped = 0;
  let mean = 0;
  let m2 = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isNaN(value)) {
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
