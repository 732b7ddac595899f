import { type Field, InsufficientDataError, withDisplay } from "../core/index.js";
import { checkOptions, field } from "../core/internal/optionRules.js";
import { giniOfSorted } from "./internal/giniOfSorted.js";
import { cumulativeShares, exactSum, readNonNegativeValues, scaledByMax } from "./internal/readValues.js";

/**
 * Options of {@link lorenzCurve}.
 *
 * @example
 * ```ts
 * lorenzCurve([{ spend: 1 }, { spend: 3 }], { value: "spend" }).valueShare; // => Float64Array [0, 0.25, 1]
 * ```
 */
export interface LorenzCurveOptions<T> {
  /** Field holding the value when the input is records. */
  readonly value?: Field<T>;
}

/**
 * Result of {@link lorenzCurve}.
 *
 * @example
 * ```ts
 * lorenzCurve([1, 3]);
 * // => { customerShare: Float64Array [0, 0.5, 1], valueShare: Float64Array [0, 0.25, 1], gini: 0.25, giniBiasCorrected: 0.5, total: 4, count: 2 }
 * ```
 */
export interface LorenzCurveResult {
  /** Cumulative share of customers, 0, 1/n, ..., 1 (n + 1 points), poorest first. */
  readonly customerShare: Float64Array;
  /** Cumulative share of value held by those customers, from 0 to 1. */
  readonly valueShare: Float64Array;
  /** Gini coefficient (1 − twice the area under the curve). */
  readonly gini: number;
  /** Gini × n / (n − 1); null with one value. */
  readonly giniBiasCorrected: number | null;
  /** Sum of the values; Infinity when it exceeds the double range (the shares and Gini are computed scaled and stay exact). */
  readonly total: number;
  readonly count: number;
}

/** Option rules of {@link lorenzCurve} (exported for value's option-rule test; not in the module index). */
export const lorenzCurveShape = { value: field() };

/**
 * The Lorenz curve of non-negative values: customers sorted from smallest to largest value,
 * the cumulative share of customers against the cumulative share of value they hold. The
 * diagonal is perfect equality; the area between it and the curve is half the Gini coefficient.
 * Zeros are allowed; prints as deciles in the REPL.
 *
 * Complexity: O(n log n).
 *
 * @throws InvalidRecordError for negative or missing values (with the row)
 * @throws InsufficientDataError for empty input or a zero total
 * @see Lorenz, M. O. (1905). Methods of measuring the concentration of wealth. JASA 9(70).
 * @example
 * ```ts
 * const curve = lorenzCurve([1, 2, 3, 4, 10]);
 * curve.valueShare; // => Float64Array [0, 0.05, 0.15, 0.3, 0.5, 1]
 * curve.gini;       // => 0.4
 * ```
 */
export function lorenzCurve<T>(
  values: ArrayLike<number> | readonly T[],
  options: LorenzCurveOptions<T> = {},
): LorenzCurveResult {
  const functionName = "lorenzCurve";
  checkOptions(functionName, lorenzCurveShape, options);
  const data = readNonNegativeValues(functionName, values, options.value);
  const n = data.length;
  if (n === 0) throw new InsufficientDataError(functionName, "no values; a Lorenz curve needs at least one");
  const sorted = Float64Array.from(data).sort();
  const gini = giniOfSorted(sorted, false, functionName);
  const total = exactSum(sorted);
  const customerShare = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) customerShare[i] = i / n;
  // shares from the values divided by their maximum: huge finite values cannot overflow the running sum
  const valueShare = new Float64Array(n + 1);
  valueShare.set(cumulativeShares(scaledByMax(sorted).scaled), 1);
  const result: LorenzCurveResult = {
    customerShare,
    valueShare,
    gini,
    giniBiasCorrected: n > 1 ? (gini * n) / (n - 1) : null,
    total,
    count: n,
  };
  return withDisplay(result, {
    title: "Lorenz curve",
    summary: (r) => [`${r.count} customers, total ${r.total}, Gini ${r.gini.toFixed(4)}`],
    rows: (r) =>
      Array.from({ length: 11 }, (_, d) => {
        const index = Math.round((d / 10) * r.count);
        return { customerShare: r.customerShare[index] as number, valueShare: r.valueShare[index] as number };
      }),
    maxRows: 11,
  });
}
