/**
 * The Cox model's cumulative baseline hazard, and what the standard error of a predicted cumulative hazard
 * needs from the training data, as R survival's `agsurv` computes it for `survfit.coxph` (Tsiatis 1981;
 * Therneau & Grambsch 2000, §10.2): per distinct time, the cumulative sum of the hazard's own variance
 * term and of the risk-weighted covariate mean times the hazard increment.
 */
import { type CoxDesign, type CoxTies, linearPredictor } from "./coxFit.js";

/** Cumulative baseline hazard at each distinct training time (blocks of `design`), with its variance terms. */
export interface CoxHazardTerms {
  /**
   * Λ₀ at each block's time, for centred covariates: the sum of Breslow's increments dₜ / Σ_{risk} w, or
   * with Efron's ties Σ_{r<d} 1/(Σ_{risk} w − (r/d)·Σ_{deaths} w), as R's `survfit.coxph` (its default
   * `ctype` follows the fit's ties).
   */
  readonly cumulativeHazard: Float64Array;
  /** Σ_{s ≤ t} of the hazard increment's variance term (Breslow: d / S₀²; Efron: its tie-split form). */
  readonly varianceSum: Float64Array;
  /** Σ_{s ≤ t} x̄(s)·dΛ₀(s), row-major (time block × p), on the centred design. */
  readonly meanSum: Float64Array;
}

/**
 * One backward pass over the time blocks, accumulating the risk set's S₀ = Σ e^{η} and S₁ = Σ e^{η} x.
 * With d events at a time, Breslow uses dΛ = d / S₀, variance term d / S₀² and x̄ dΛ = (S₁ / S₀) dΛ;
 * Efron splits the tied events: with S₀ₖ = S₀ − (k/d) D₀ and S₁ₖ = S₁ − (k/d) D₁ (D the events'
 * own sums), k = 0..d−1, dΛ = Σₖ 1/S₀ₖ, the variance term Σₖ 1/S₀ₖ² and x̄ dΛ = Σₖ S₁ₖ / S₀ₖ².
 * Without `withVariance` only the hazard is computed (the variance terms are left 0): O(n); with it
 * O(n · p).
 */
export function coxHazardTerms(
  design: CoxDesign,
  beta: Float64Array,
  ties: CoxTies,
  withVariance: boolean,
): CoxHazardTerms {
  const { event, blocks, x } = design;
  const p = withVariance ? design.p : 0;
  const eta = linearPredictor(design, beta);
  const blockCount = blocks.length - 1;
  const hazard = new Float64Array(blockCount);
  const variance = new Float64Array(blockCount);
  const mean = new Float64Array(blockCount * p);
  const s1 = new Float64Array(p);
  const d1 = new Float64Array(p);
  let s0 = 0;
  for (let b = blockCount - 1; b >= 0; b--) {
    const start = blocks[b] as number;
    const end = blocks[b + 1] as number;
    let d = 0;
    let d0 = 0;
    d1.fill(0);
    for (let i = start; i < end; i++) {
      const w = Math.exp(eta[i] as number);
      s0 += w;
      for (let j = 0; j < p; j++) s1[j] = (s1[j] as number) + w * (x[i * p + j] as number);
      if (event[i] === 1) {
        d++;
        d0 += w;
        for (let j = 0; j < p; j++) d1[j] = (d1[j] as number) + w * (x[i * p + j] as number);
      }
    }
    if (d === 0) continue;
    if (ties === "breslow") {
      hazard[b] = d / s0;
      variance[b] = d / (s0 * s0);
      for (let j = 0; j < p; j++) mean[b * p + j] = ((s1[j] as number) / s0) * (d / s0);
    } else {
      let sum = 0;
      let sum2 = 0;
      for (let k = 0; k < d; k++) {
        const share = k / d;
        const denominator = s0 - share * d0;
        const squared = denominator * denominator;
        sum += 1 / denominator;
        sum2 += 1 / squared;
        for (let j = 0; j < p; j++)
          mean[b * p + j] =
            (mean[b * p + j] as number) + ((s1[j] as number) - share * (d1[j] as number)) / squared;
      }
      hazard[b] = sum;
      variance[b] = sum2;
    }
  }
  for (let b = 1; b < blockCount; b++) {
    hazard[b] = (hazard[b] as number) + (hazard[b - 1] as number);
    variance[b] = (variance[b] as number) + (variance[b - 1] as number);
    for (let j = 0; j < p; j++)
      mean[b * p + j] = (mean[b * p + j] as number) + (mean[(b - 1) * p + j] as number);
  }
  return { cumulativeHazard: hazard, varianceSum: variance, meanSum: mean };
}

/**
 * Standard error of the predicted cumulative hazard Λ(t | x) = Λ₀(t)·r at each time, for the centred
 * covariates `x2` with relative risk r = e^{x2·β}: √[(V(t) + dₜᵀ Σ dₜ)·r²], dₜ = Λ₀(t)·x2 − Σ_{s≤t} x̄ dΛ₀,
 * Σ the coefficients' covariance (R's survfit.coxph `std.err`). O(times · p²).
 */
export function cumulativeHazardStandardErrors(
  terms: CoxHazardTerms,
  cumulativeHazard: Float64Array,
  covariance: Float64Array,
  x2: Float64Array,
  risk: number,
): Float64Array {
  const p = x2.length;
  const times = cumulativeHazard.length;
  const out = new Float64Array(times);
  const dt = new Float64Array(p);
  for (let b = 0; b < times; b++) {
    const hazard = cumulativeHazard[b] as number;
    for (let j = 0; j < p; j++) dt[j] = hazard * (x2[j] as number) - (terms.meanSum[b * p + j] as number);
    let quadratic = 0;
    for (let j = 0; j < p; j++) {
      let row = 0;
      for (let k = 0; k < p; k++) row += (covariance[j * p + k] as number) * (dt[k] as number);
      quadratic += (dt[j] as number) * row;
    }
    out[b] = Math.sqrt(((terms.varianceSum[b] as number) + quadratic) * risk * risk);
  }
  return out;
}
