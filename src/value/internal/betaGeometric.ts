/**
 * Sums over the beta-geometric survival curve shared by the sBG (contractual) and BG/BB (discrete-time
 * non-contractual) models: with θ ~ Beta(γ, δ) the per-period churn probability,
 * S_k = E[(1 − θ)^k] = (δ)_k / (γ + δ)_k.
 */
import { checkFiniteNonNegative, checkWhole, refuse } from "./modelArguments.js";

/**
 * Σ_{k≥1} (δ)_k / (γ + δ)_k · (1 + d)^{−k} = δ / (γ + δ) / (1 + d) · 2F1(1, δ + 1; γ + δ + 1; 1 / (1 + d)),
 * the discounted expected number of future periods alive, summed as its positive series (term ratio
 * (δ + k) / (γ + δ + k) / (1 + d) < 1 / (1 + d); stopped when the geometric tail bound is below 1e-16
 * of the sum). d = 0 has the closed form δ / (γ − 1), finite only for γ > 1.
 *
 * @throws InvalidOptionsError (naming `method` and `discountRate`) when the sum is infinite (d = 0,
 *   γ ≤ 1) or d is so small (below 1e-7) that the series would need billions of terms
 */
export function discountedSurvivalSum(
  gamma: number,
  delta: number,
  discountRate: number,
  method: string,
): number {
  if (discountRate === 0) {
    if (gamma > 1) return delta / (gamma - 1);
    return refuse(
      method,
      "discountRate",
      discountRate,
      `with gamma = ${gamma} (<= 1) the undiscounted expected lifetime is infinite; pass a positive per-period discount rate`,
    );
  }
  if (!(discountRate >= 1e-7)) {
    refuse(
      method,
      "discountRate",
      discountRate,
      "expected 0 or a per-period discount rate of at least 1e-7 (e.g. 0.1 for 10% a period)",
    );
  }
  const z = 1 / (1 + discountRate);
  let term = 1;
  let sum = 0;
  for (let k = 0; k < 2_000_000_000; k++) {
    term *= ((delta + k) / (gamma + delta + k)) * z;
    sum += term;
    if (term * z <= 1e-16 * sum * (1 - z)) break;
  }
  return sum;
}

/** Validates a period index: a non-negative integer. */
export function checkPeriod(method: string, argument: string, value: unknown): asserts value is number {
  checkWhole(method, argument, value, "number of periods");
}

/** Validates a discount rate: a finite number ≥ 0. */
export function checkDiscountRate(method: string, value: unknown): asserts value is number {
  checkFiniteNonNegative(
    method,
    "discountRate",
    value,
    "expected a finite per-period discount rate >= 0 (e.g. 0.1)",
  );
}
