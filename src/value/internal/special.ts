/**
 * Special functions for the lifetime-value likelihoods: log-gamma, digamma,
 * log-sum-exp and the Gauss hypergeometric 2F1 in the form the Pareto/NBD
 * likelihood needs. Everything stays in log space where overflow is possible.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.91893853320467274178;

/**
 * Natural log of the gamma function for x > 0 (Lanczos approximation, g = 7,
 * n = 9; relative error about 1e-15). Returns Infinity at 0 and NaN below.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.POSITIVE_INFINITY : Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1-x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Digamma ψ(x) = d/dx log Γ(x) for x > 0 (recurrence to x ≥ 6, then the asymptotic series). */
export function digamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result -= 1 / y;
    y += 1;
  }
  const inv = 1 / y;
  const inv2 = inv * inv;
  result +=
    Math.log(y) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))));
  return result;
}

/** log(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(exp(a) - exp(b)) for a ≥ b; -Infinity when equal. */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  if (b >= a) return Number.NEGATIVE_INFINITY;
  const d = b - a;
  // log1p(-exp(d)) accurately for d close to 0 and far from it
  return a + (d > -Math.LN2 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
}

/**
 * log of 2F1(a, b; a + 1; z) for 0 ≤ z < 1 and a > 0, the case of the
 * Pareto/NBD likelihood. Uses the power series, whose terms are
 * a (b)_n z^n / (n! (a + n)); every term is positive, so there is no
 * cancellation, and the sum is accumulated relative to the first term. The
 * series converges geometrically with ratio z; the loop stops when a term
 * adds less than 1e-16 of the sum (at most `maxTerms` terms).
 *
 * Returns NaN when the series has not converged within `maxTerms`.
 */
export function logHypergeometricShifted(a: number, b: number, z: number, maxTerms = 200_000): number {
  if (z === 0) return 0;
  // term_0 = 1; term_{n+1} / term_n = (b + n) z (a + n) / ((n + 1)(a + n + 1))
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((b + n) * z * (a + n)) / ((n + 1) * (a + n + 1));
    sum += term;
    if (term <= sum * 1e-16 && n > 2) return Math.log(sum);
    if (!Number.isFinite(sum)) return Number.NaN;
  }
  return Number.NaN;
}
