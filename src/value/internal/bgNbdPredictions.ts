import type { BgNbdParams, FitBgNbdResult } from "../fitBgNbdTypes.js";
import { bgNbdExpectedPurchases } from "./bgNbdExpectation.js";
import { checkHistory, checkHorizon, refuse } from "./modelArguments.js";
import { betaGeometricProbabilityOfPurchases, checkCount } from "./purchaseCountProbability.js";

/**
 * The prediction functions of a BG/NBD model with the given parameters. Arguments are checked
 * (InvalidOptionsError naming the method and argument); the expectations are summed by
 * {@link bgNbdExpectedPurchases}, valid for every a, b > 0 (a + b < 1 and a = 1 included).
 */
export function bgNbdPredictions(
  params: BgNbdParams,
): Pick<
  FitBgNbdResult,
  "probabilityAlive" | "expectedPurchases" | "conditionalExpectedPurchases" | "probabilityOfPurchases"
> {
  const { r, alpha, a, b } = params;
  const logA = Math.log(a);
  // odds of "dropped out after the last purchase" against "alive": a / (b + x − 1) ((α + T) / (α + t_x))^(r + x)
  const logDeadOdds = (x: number, recency: number, T: number): number =>
    logA - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency));
  const probabilityAlive = (frequency: number, recency: number, T: number): number => {
    checkHistory("probabilityAlive (BG/NBD)", frequency, recency, T);
    if (frequency === 0) return 1;
    return 1 / (1 + Math.exp(logDeadOdds(frequency, recency, T)));
  };
  const expectedPurchases = (t: number): number => {
    checkHorizon("expectedPurchases (BG/NBD)", t);
    return finiteExpectation("expectedPurchases (BG/NBD)", bgNbdExpectedPurchases(r, alpha, a, b, t), t);
  };
  const conditionalExpectedPurchases = (t: number, frequency: number, recency: number, T: number): number => {
    const method = "conditionalExpectedPurchases (BG/NBD)";
    checkHorizon(method, t);
    checkHistory(method, frequency, recency, T);
    const x = frequency;
    const alive = bgNbdExpectedPurchases(r + x, alpha + T, a, b + x, t);
    const value = x > 0 ? alive / (1 + Math.exp(logDeadOdds(x, recency, T))) : alive;
    return finiteExpectation(method, value, t);
  };
  const probabilityOfPurchases = (x: number, t: number): number => {
    const method = "probabilityOfPurchases (BG/NBD)";
    checkCount(method, x);
    checkHorizon(method, t);
    return betaGeometricProbabilityOfPurchases(r, alpha, a, b, x, t, false);
  };
  return { probabilityAlive, expectedPurchases, conditionalExpectedPurchases, probabilityOfPurchases };
}

/** Passes a finite expectation through; the series only gives up for absurd horizons (t / alpha in the millions). */
export function finiteExpectation(method: string, value: number, t: number): number {
  if (value < Number.POSITIVE_INFINITY) return value;
  return refuse(
    method,
    "t",
    t,
    "the expectation's series did not converge over so long a horizon; use a shorter t",
  );
}
