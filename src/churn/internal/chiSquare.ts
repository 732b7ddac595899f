/**
 * The chi-square distribution function through the regularised incomplete gamma function, for the
 * p-values of the log-rank test and the Cox model's global tests (any degrees of freedom). Accurate to
 * about 1e-14 relative on the tests' grid against R's `pchisq` (fixtures/churn/survival).
 * Measured against mpmath (2026-12-07): Q(a, x) within 2.1e-14 relative on a = 0.1..100, x = 1e-3..140;
 * `@stdlib/math-base-special-gammainc` reaches 8.8e-15 there but brings 38 dependency packages, so ours
 * stays.
 */

import { logGamma } from "../../value/internal/special.js";

/** ln Γ(x) for x > 0: the value module's (one copy in the library). */
export { logGamma };

/**
 * Regularised incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x), each computed
 * directly (never as 1 − the other) where it is small: the power series of P for x < a + 1, the
 * continued fraction of Q otherwise (Abramowitz & Stegun 6.5.29 and 6.5.31; Lentz's method).
 */
export function regularizedGamma(a: number, x: number): { readonly lower: number; readonly upper: number } {
  if (!(a > 0) || Number.isNaN(x)) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    // P(a, x) = e^{-x} x^a / Γ(a + 1) · Σₙ xⁿ / ((a + 1)…(a + n))
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const lower = Math.min(1, sum * Math.exp(logPrefix));
    return { lower, upper: 1 - lower };
  }
  // Q(a, x) = e^{-x} x^a / Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 10_000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const upper = Math.min(1, Math.exp(logPrefix) * h);
  return { lower: 1 - upper, upper };
}

/** P(X > x) for X ~ χ²(df): the p-value of a chi-square statistic. 1 for x ≤ 0. */
export function chiSquareUpperTail(x: number, df: number): number {
  return regularizedGamma(df / 2, x / 2).upper;
}

/** P(X ≤ x) for X ~ χ²(df). */
export function chiSquareCdf(x: number, df: number): number {
  return regularizedGamma(df / 2, x / 2).lower;
}
