/** Model-implied distribution of repeat purchases in calibration, for `repeatPurchasesChart`. */
import { createRandom } from "../../core/index.js";
import type { BgNbdParams, ParetoNbdParams } from "../../value/index.js";
import { logGamma } from "../../value/internal/special.js";

const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

/**
 * BG/NBD P(X(t) = x) for x = 0..maxX (Fader, Hardie & Lee 2005, eq. 8):
 * B(a, b + x)/B(a, b) · NBD(x; r, α, t) + [x > 0] B(a + 1, b + x − 1)/B(a, b) · (1 − Σ_{j<x} NBD(j; r, α, t)).
 */
export function bgNbdPmf(params: BgNbdParams, t: number, maxX: number): Float64Array {
  const { r, alpha, a, b } = params;
  const out = new Float64Array(maxX + 1);
  const logP = Math.log(alpha / (alpha + t));
  const logQ = t > 0 ? Math.log(t / (alpha + t)) : Number.NEGATIVE_INFINITY;
  const lbab = logBeta(a, b);
  let cumulativeNbd = 0;
  for (let x = 0; x <= maxX; x++) {
    const logNbd = logGamma(r + x) - logGamma(r) - logGamma(x + 1) + r * logP + (x === 0 ? 0 : x * logQ);
    const nbd = Math.exp(logNbd);
    let p = Math.exp(logBeta(a, b + x) - lbab) * nbd;
    if (x > 0) p += Math.exp(logBeta(a + 1, b + x - 1) - lbab) * Math.max(0, 1 - cumulativeNbd);
    out[x] = p;
    cumulativeNbd += nbd;
  }
  return out;
}

/**
 * Pareto/NBD distribution of repeat purchases by seeded simulation (the closed form needs Gauss
 * hypergeometric functions of large arguments): per customer age T, `draws` customers with
 * λ ~ Gamma(r, 1/α), μ ~ Gamma(s, 1/β), lifetime ~ Exp(μ), purchases ~ Poisson(λ · min(lifetime, T)).
 * Returns the mean probability of 0..maxX − 1 and of maxX or more.
 */
export function paretoNbdSimulatedPmf(
  params: ParetoNbdParams,
  T: number,
  maxX: number,
  draws: number,
  seed: number,
): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(maxX + 1);
  for (let d = 0; d < draws; d++) {
    const lambda = random.gamma(params.r, 1 / params.alpha);
    const mu = random.gamma(params.s, 1 / params.beta);
    const lifetime = mu > 0 ? random.exponential(mu) : Number.POSITIVE_INFINITY;
    const count = random.poisson(lambda * Math.min(lifetime, T));
    out[Math.min(count, maxX)] = (out[Math.min(count, maxX)] as number) + 1 / draws;
  }
  return out;
}
