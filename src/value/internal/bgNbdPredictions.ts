import type { BgNbdParams, FitBgNbdResult } from "../fitBgNbd.js";
import { logHypergeometric } from "./hypergeometric.js";

/** The prediction functions of a BG/NBD model with the given parameters. */
export function bgNbdPredictions(
  params: BgNbdParams,
): Pick<FitBgNbdResult, "probabilityAlive" | "expectedPurchases" | "conditionalExpectedPurchases"> {
  const { r, alpha, b } = params;
  // (a + b - 1) / (a - 1) has a removable singularity at a = 1: step just off it
  const a = Math.abs(params.a - 1) < 1e-9 ? 1 + 1e-9 : params.a;
  const logA = Math.log(a);
  const probabilityAlive = (frequency: number, recency: number, T: number): number => {
    if (frequency === 0) return 1;
    const logOdds =
      logA -
      Math.log(b + frequency - 1) +
      (r + frequency) * (Math.log(alpha + T) - Math.log(alpha + recency));
    return 1 / (1 + Math.exp(logOdds));
  };
  const expectedPurchases = (t: number): number => {
    if (t <= 0) return 0;
    const zz = t / (alpha + t);
    const logTerm = r * Math.log(alpha / (alpha + t)) + logHypergeometric(r, b, a + b - 1, zz);
    return ((a + b - 1) / (a - 1)) * -Math.expm1(logTerm);
  };
  const conditionalExpectedPurchases = (t: number, frequency: number, recency: number, T: number): number => {
    if (t <= 0) return 0;
    const x = frequency;
    const zz = t / (alpha + T + t);
    const logTerm =
      (r + x) * Math.log((alpha + T) / (alpha + T + t)) + logHypergeometric(r + x, b + x, a + b + x - 1, zz);
    const numerator = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTerm);
    const denominator =
      x > 0
        ? 1 +
          Math.exp(logA - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency)))
        : 1;
    return numerator / denominator;
  };
  return { probabilityAlive, expectedPurchases, conditionalExpectedPurchases };
}
