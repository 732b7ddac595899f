import { InsufficientDataError } from "../../core/index.js";
import { exactSum } from "./readValues.js";

/**
 * Gini of ascending non-negative values (shared by gini and lorenzCurve); optionally times n / (n - 1).
 * Throws InsufficientDataError when every value is 0.
 */
export function giniOfSorted(sorted: Float64Array, biasCorrected: boolean, functionName: string): number {
  const n = sorted.length;
  const total = exactSum(sorted);
  if (!(total > 0)) {
    throw new InsufficientDataError(functionName, "every value is 0, so concentration is undefined");
  }
  const weighted = new Float64Array(n);
  for (let i = 0; i < n; i++) weighted[i] = (i + 1) * (sorted[i] as number);
  const g = (2 * exactSum(weighted)) / (n * total) - (n + 1) / n;
  const clamped = Math.max(0, g);
  return biasCorrected ? (clamped * n) / (n - 1) : clamped;
}
