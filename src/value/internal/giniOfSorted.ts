import { InsufficientDataError } from "../../core/index.js";
import { exactSum, scaledByMax } from "./readValues.js";

/**
 * Gini of ascending non-negative values (shared by gini and lorenzCurve); optionally times n / (n - 1).
 * Computed on the values divided by their maximum, so huge finite values (1e308) cannot overflow the sums.
 * Throws InsufficientDataError when every value is 0.
 */
export function giniOfSorted(sorted: Float64Array, biasCorrected: boolean, functionName: string): number {
  const n = sorted.length;
  const { scaled, max } = scaledByMax(sorted);
  if (!(max > 0)) {
    throw new InsufficientDataError(functionName, "every value is 0, so concentration is undefined");
  }
  const total = exactSum(scaled);
  const weighted = new Float64Array(n);
  for (let i = 0; i < n; i++) weighted[i] = (i + 1) * (scaled[i] as number);
  const g = (2 * exactSum(weighted)) / (n * total) - (n + 1) / n;
  const clamped = Math.max(0, g);
  return biasCorrected ? (clamped * n) / (n - 1) : clamped;
}
