/**
 * P(X(t) = x), the distribution of the number of repeat purchases a new customer makes in (0, t],
 * under BG/NBD, MBG/NBD and Pareto/NBD. Every formula is a sum of positive terms (no 1 − Σ
 * cancellation): the negative-binomial tail is summed upward when the head is large.
 */
import { checkWhole } from "./modelArguments.js";
import { logGamma, logIntegrate } from "./special.js";

/** Checks the purchase count `x` of probabilityOfPurchases: a non-negative integer. */
export function checkCount(method: string, x: unknown): void {
  checkWhole(method, "x", x, "number of repeat purchases");
}

/** log P(N = j) for the Gamma(r, α)-mixed Poisson count in (0, t]: NB(r, q = α / (α + t)). */
function logNegativeBinomial(r: number, logQ: number, logZ: number, j: number): number {
  return logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * logQ + j * logZ;
}

/** P(N ≥ x) for N ~ NB(r, α / (α + t)), summed as the smaller of head and tail. */
function negativeBinomialUpperTail(r: number, alpha: number, t: number, x: number): number {
  if (x <= 0) return 1;
  const logQ = -Math.log1p(t / alpha);
  const z = t / (alpha + t);
  const logZ = Math.log(z);
  // head Σ_{j<x} P(N = j) by the term recurrence P(j+1)/P(j) = (r + j) z / (j + 1)
  let term = Math.exp(r * logQ);
  let head = 0;
  for (let j = 0; j < x; j++) {
    head += term;
    term *= ((r + j) * z) / (j + 1);
  }
  if (head <= 0.5) return Math.max(0, 1 - head);
  // tail from j = x, restarted in log space so a tiny term never underflows to 0 too early
  term = Math.exp(logNegativeBinomial(r, logQ, logZ, x));
  let tail = 0;
  for (let j = x; j < x + 10_000_000; j++) {
    tail += term;
    const ratio = ((r + j) * z) / (j + 1);
    term *= ratio;
    if (ratio < 1 && term <= 1e-17 * tail * (1 - ratio)) break;
  }
  return tail;
}

/** Σ_{k<x} ln((b + k) / (a + b + k)) = ln[(b)_x / (a + b)_x] = ln E[(1 − p)^x] for p ~ Beta(a, b). */
function logSurvivalMoment(a: number, b: number, x: number): number {
  if (x > 2000) return logGamma(b + x) - logGamma(b) - logGamma(a + b + x) + logGamma(a + b);
  let sum = 0;
  for (let k = 0; k < x; k++) sum += Math.log((b + k) / (a + b + k));
  return sum;
}

/**
 * BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam et al. 2007):
 *   BG:  P(X(t) = x) = E[(1 − p)^x] NB(x) + [x > 0] E[p (1 − p)^(x−1)] P(N ≥ x)
 *   MBG: P(X(t) = x) = E[(1 − p)^x] NB(x) + E[p (1 − p)^x] P(N > x)
 * (a BG/NBD customer can drop out only after a purchase; an MBG/NBD customer also right after the first one).
 */
export function betaGeometricProbabilityOfPurchases(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  t: number,
  modified: boolean,
): number {
  if (t === 0) return x === 0 ? 1 : 0;
  const logQ = -Math.log1p(t / alpha);
  const logZ = Math.log(t / (alpha + t));
  const alive = Math.exp(logSurvivalMoment(a, b, x) + logNegativeBinomial(r, logQ, logZ, x));
  if (modified) {
    const dead = Math.exp(Math.log(a / (a + b + x)) + logSurvivalMoment(a, b, x));
    return alive + dead * negativeBinomialUpperTail(r, alpha, t, x + 1);
  }
  if (x === 0) return alive;
  const dead = Math.exp(Math.log(a / (a + b + x - 1)) + logSurvivalMoment(a, b, x - 1));
  return alive + dead * negativeBinomialUpperTail(r, alpha, t, x);
}

/**
 * Pareto/NBD. Given λ and μ, the customer is alive at t with probability e^(−μt) (then X ~ Poisson(λt)),
 * or died at τ < t (density μ e^(−μτ), then X ~ Poisson(λτ)). Mixing λ ~ Gamma(r, α) and μ ~ Gamma(s, β)
 * in closed form leaves one integral over the death time:
 *   P(X(t) = x) = NB_x(t) (β / (β + t))^s + s β^s ∫_0^t NB_x(τ) (β + τ)^−(s+1) dτ,
 *   NB_x(τ) = Γ(r + x) / (Γ(r) x!) α^r τ^x (α + τ)^−(r+x),
 * integrated by adaptive Gauss-Kronrod in log space (scaled by the integrand's largest value on a grid).
 * Fader & Hardie's note (2006) gives the same quantity as a difference of 2F1 terms, which cancels badly.
 */
export function paretoNbdProbabilityOfPurchases(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
): number {
  if (t === 0) return x === 0 ? 1 : 0;
  const constant = logGamma(r + x) - logGamma(r) - logGamma(x + 1) + r * Math.log(alpha);
  const logNb = (tau: number) =>
    constant + (x === 0 ? 0 : x * Math.log(tau)) - (r + x) * Math.log(alpha + tau);
  const alive = Math.exp(logNb(t) - s * Math.log1p(t / beta));
  const logIntegrand = (tau: number) => logNb(tau) - (s + 1) * Math.log(beta + tau);
  let scale = Number.NEGATIVE_INFINITY;
  for (let k = 0; k <= 64; k++) scale = Math.max(scale, logIntegrand((t * k) / 64));
  const dead = Math.exp(Math.log(s) + s * Math.log(beta) + logIntegrate(logIntegrand, 0, t, 1e-12, scale));
  return alive + dead;
}
