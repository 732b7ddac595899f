/**
 * The churn model's coefficient table: estimates on the fitted (standardised) and original scales, with
 * Wald standard errors, z statistics and p-values from the inverse Hessian of unpenalised fits.
 */

import { normalCdf } from "../../satisfaction/internal/normal.js";
import type { ChurnModelCoefficient } from "../trainChurnModelTypes.js";
import type { NumericEncoding } from "./design.js";
import { freeze } from "./freeze.js";

/** A design column's label. */
export interface ChurnTerm {
  readonly term: string;
  readonly kind: ChurnModelCoefficient["kind"];
  readonly feature: string | null;
  readonly level: string | null;
}

/**
 * Coefficients on both scales. Numeric column j (design column 1 + j) has estimate βⱼ / sdⱼ; dummies
 * keep βⱼ; the intercept on the original scale is β₀ − Σⱼ βⱼ meanⱼ / sdⱼ, so its variance is aᵀVa with
 * a = (1, −mean₁/sd₁, …, 0 for dummies) and V the inverse Hessian (the delta method, exact here as the
 * map is linear). `inverseHessian` undefined (penalised or weighted fits): every error field is null.
 */
export function coefficientTable(
  terms: readonly ChurnTerm[],
  beta: Float64Array,
  numericEncodings: readonly NumericEncoding[],
  inverseHessian: Float64Array | undefined,
): ChurnModelCoefficient[] {
  const d = terms.length;
  const p = numericEncodings.length;
  let interceptOriginal = beta[0] as number;
  numericEncodings.forEach((encoding, j) => {
    interceptOriginal -= ((beta[1 + j] as number) * encoding.mean) / encoding.standardDeviation;
  });
  // Original-scale variance of each estimate.
  const variance = (j: number): number => {
    const v = inverseHessian as Float64Array;
    if (j > 0) {
      const own = v[j * d + j] as number;
      if (j > p) return own;
      const sd = (numericEncodings[j - 1] as NumericEncoding).standardDeviation;
      return own / (sd * sd);
    }
    const a = new Float64Array(d);
    a[0] = 1;
    numericEncodings.forEach((encoding, k) => {
      a[1 + k] = -encoding.mean / encoding.standardDeviation;
    });
    let total = 0;
    for (let r = 0; r <= p; r++) {
      let row = 0;
      for (let s = 0; s <= p; s++) row += (v[r * d + s] as number) * (a[s] as number);
      total += (a[r] as number) * row;
    }
    return total;
  };
  return terms.map((term, j) => {
    const standardized = beta[j] as number;
    let estimate = standardized;
    if (term.kind === "intercept") estimate = interceptOriginal;
    else if (term.kind === "numeric")
      estimate = standardized / (numericEncodings[j - 1] as NumericEncoding).standardDeviation;
    const ownVariance = inverseHessian?.[j * d + j];
    const valid = ownVariance !== undefined && ownVariance > 0;
    const originalVariance = valid ? variance(j) : NaN;
    const standardError = valid && originalVariance > 0 ? Math.sqrt(originalVariance) : null;
    const z = standardError === null ? null : estimate / standardError;
    return freeze({
      ...term,
      standardizedEstimate: standardized,
      estimate,
      oddsRatio: Math.exp(estimate),
      standardizedStandardError: valid ? Math.sqrt(ownVariance) : null,
      standardError,
      z,
      // P(|Z| > |z|) = P(χ²₁ > z²), from the normal tail computed directly (no cancellation).
      pValue: z === null ? null : 2 * normalCdf(-Math.abs(z)),
    });
  });
}
