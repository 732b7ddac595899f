import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions } from "../core/internal/optionRules.js";
import { repeatBuyingResult } from "./internal/bgNbdFamilyFit.js";
import {
  lifetimeFitEstimate,
  lifetimeFitShape,
  logParameters,
  readTransactionHistories,
  startParameters,
} from "./internal/lifetimeFit.js";
import { checkHistory, checkHorizon } from "./internal/modelArguments.js";
import { hessianFromValues, VALUE_HESSIAN } from "./internal/observedInformation.js";
import {
  type MinimizeOutcome,
  minimizeBfgs,
  nelderMead,
  numericGradient,
  outsideBox,
} from "./internal/optimize.js";
import { checkCount, paretoNbdProbabilityOfPurchases } from "./internal/purchaseCountProbability.js";
import { aggregateHistories } from "./internal/repeatColumns.js";
import { logAddExp, logHypergeometricShifted, logIntegrate, logSubExp } from "./internal/special.js";
import type { RepeatBuyingFit } from "./repeatBuyingFit.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "./repeatPurchaseInput.js";

/**
 * Pareto/NBD parameters: purchase rate λ ~ Gamma(r, rate alpha); dropout rate μ ~ Gamma(s, rate beta).
 *
 * @example
 * ```ts
 * fitParetoNbd(cdnowSummary).params; // => { r: 0.5533, alpha: 10.5777, s: 0.6062, beta: 11.6669 }
 * ```
 */
export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/**
 * Options of {@link fitParetoNbd}.
 *
 * @example
 * ```ts
 * const histories = [
 *   { frequency: 0, recency: 0, T: 30 }, { frequency: 1, recency: 5, T: 30 }, { frequency: 3, recency: 25, T: 30 },
 *   { frequency: 2, recency: 8, T: 28 }, { frequency: 0, recency: 0, T: 12 }, { frequency: 5, recency: 20, T: 29 },
 * ];
 * fitParetoNbd(histories, { start: { s: 2 } }).convergence.start; // => { r: 1, alpha: 14.4545, s: 2, beta: 26.5 }
 * ```
 */
export interface FitParetoNbdOptions<T> extends RepeatPurchaseFields<T> {
  /** Starting parameters. By default r = 1, s = 1, alpha = mean(T) / mean(frequency), beta = mean(T). */
  readonly start?: Partial<ParetoNbdParams>;
  /** Maximum BFGS iterations after the Nelder-Mead stage (at most 1000 iterations). @defaultValue 200 */
  readonly maxIterations?: number;
  /** Tolerance on the max-norm of the numeric gradient of the mean negative log-likelihood (log-parameters). @defaultValue 1e-6 */
  readonly tolerance?: number;
}

/**
 * A fitted Pareto/NBD model.
 *
 * @example
 * ```ts
 * const model = fitParetoNbd(cdnowSummary);
 * [model.customerCount, model.repeatCustomerCount, model.logLikelihood]; // => [2357, 946, -9594.97]
 * ```
 */
export interface FitParetoNbdResult extends RepeatBuyingFit<ParetoNbdParams> {
  /** P(alive | frequency, recency, T) (Schmittlein, Morrison & Colombo 1987; Fader & Hardie's note, eq. 18). */
  probabilityAlive(frequency: number, recency: number, T: number): number;
  /** Unconditional E[X(t)] for a new customer: r β / (α (s − 1)) [1 − (β / (β + t))^(s − 1)]. */
  expectedPurchases(t: number): number;
  /** E[Y(t) | frequency, recency, T]: purchases expected in the next `t` time units. */
  conditionalExpectedPurchases(t: number, frequency: number, recency: number, T: number): number;
  /**
   * P(X(t) = x) for a new customer (Fader & Hardie's 2006 note "Deriving an Expression for P(X(t) = x)
   * Under the Pareto/NBD Model"), computed as one positive integral over the death time.
   */
  probabilityOfPurchases(x: number, t: number): number;
}

/** Option rules of {@link fitParetoNbd} (exported for value's option-rule test; not in the module index). */
export const fitParetoNbdShape = lifetimeFitShape(["r", "alpha", "s", "beta"]);

/**
 * log A0 of the Pareto/NBD likelihood (Fader & Hardie, "A Note on Deriving the Pareto/NBD Model
 * and Related Expressions", 2005, eq. 22-23): with m = r + s + x,
 *   α ≥ β: A0 = F(t_x) − F(T), F(t) = 2F1(m, s + 1; m + 1; (α − β)/(α + t)) / (α + t)^m
 *   α < β: A0 = F(t_x) − F(T), F(t) = 2F1(m, r + x; m + 1; (β − α)/(β + t)) / (β + t)^m
 * The hypergeometric argument is always in [0, 1), its series has positive terms, and the
 * difference is taken in log space.
 */
function logA0(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  recency: number,
  T: number,
): number {
  const m = r + s + x;
  let logF1: number;
  let logF2: number;
  if (alpha >= beta) {
    logF1 =
      logHypergeometricShifted(m, s + 1, (alpha - beta) / (alpha + recency), SERIES_TERMS) -
      m * Math.log(alpha + recency);
    logF2 =
      logHypergeometricShifted(m, s + 1, (alpha - beta) / (alpha + T), SERIES_TERMS) -
      m * Math.log(alpha + T);
  } else {
    logF1 =
      logHypergeometricShifted(m, r + x, (beta - alpha) / (beta + recency), SERIES_TERMS) -
      m * Math.log(beta + recency);
    logF2 =
      logHypergeometricShifted(m, r + x, (beta - alpha) / (beta + T), SERIES_TERMS) - m * Math.log(beta + T);
  }
  if (!Number.isNaN(logF1) && !Number.isNaN(logF2)) return logSubExp(logF1, logF2);
  // The series converges slowly when its argument is near 1 (one rate scale far above the other):
  // fall back to quadrature of the equivalent integral A0 = m ∫_{t_x}^{T} (α+τ)^-(r+x) (β+τ)^-(s+1) dτ.
  const p = r + x;
  const q = s + 1;
  return (
    Math.log(m) + logIntegrate((tau) => -p * Math.log(alpha + tau) - q * Math.log(beta + tau), recency, T)
  );
}

/** Series terms before switching to quadrature. */
const SERIES_TERMS = 600;

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) of repeat buying by
 * maximum likelihood: while alive a customer buys at Poisson rate λ ~ Gamma(r, α) and has an
 * exponential lifetime with rate μ ~ Gamma(s, β).
 *
 * The likelihood (Fader & Hardie's 2005 note, eq. 22) is evaluated in log space: Gauss
 * hypergeometric functions 2F1(a, b; a + 1; z) by their positive power series with the branch
 * chosen so 0 ≤ z < 1, the two-term sum by log-sum-exp and the A0 difference by log-subtract-exp.
 * Log-parameters are optimised by Nelder-Mead from the documented start, then polished by BFGS
 * with central-difference gradients; `convergence` reports the outcome.
 *
 * Few customers: with very few (or one) customer histories the likelihood is often maximised at the
 * edge of the parameter space (no heterogeneity left to estimate). Then a log-parameter passes ±15,
 * `convergence.converged` is false and `convergence.message` says a parameter ran off; the
 * parameters are returned as found, for inspection, not for prediction.
 *
 * Standard errors: `uncertainty` holds natural-scale standard errors and 95% log-scale intervals from the
 * observed information (second differences of the log-likelihood at the optimum, Richardson-extrapolated).
 *
 * Complexity: O(u · k) per evaluation (u distinct histories, k series terms, typically < 50).
 *
 * @param summary - a {@link repeatPurchaseSummary} result or records with frequency, recency and T
 * @returns the fitted model with `probabilityAlive`, `expectedPurchases`, `conditionalExpectedPurchases`
 * @throws InsufficientDataError when the input is empty or no customer made a repeat purchase (not identifiable)
 * @throws InvalidRecordError for malformed histories (see {@link fitBgNbd})
 * @see Schmittlein, Morrison & Colombo (1987), Management Science 33(1); Fader, Hardie & Lee (2005),
 *   "RFM and CLV", Journal of Marketing Research 42(4) — CDNOW: r 0.55, α 10.58, s 0.61, β 11.67, LL −9595.0.
 * @example
 * ```ts
 * const model = fitParetoNbd(cdnowSummary);
 * model.params; // => { r: 0.5533, alpha: 10.5777, s: 0.6062, beta: 11.6669 }
 * model.logLikelihood; // => -9594.97
 * model.probabilityAlive(2, 30.43, 38.86); // => 0.869
 * model.uncertainty.standardErrors; // => { r: 0.0476, alpha: 0.8427, s: 0.1873, beta: 6.2103 }
 * model.probabilityOfPurchases(0, 39); // => 0.5935
 * ```
 */
export function fitParetoNbd<T>(
  summary: RepeatPurchaseInput<T>,
  options: FitParetoNbdOptions<T> = {},
): FitParetoNbdResult {
  const functionName = "fitParetoNbd";
  const parsed = withDefaults(checkOptions(functionName, fitParetoNbdShape, options), {
    maxIterations: 200,
    tolerance: 1e-6,
  });
  const histories = readTransactionHistories(functionName, "Pareto/NBD", summary, options);
  const n = histories.customerCount;
  const data = aggregateHistories(histories.columns);
  const start = startParameters<ParetoNbdParams>(
    { r: 1, alpha: histories.sumT / histories.sumFrequency, s: 1, beta: histories.sumT / n },
    parsed.start,
  );
  const { frequency, recency, T, weight, maxFrequency } = data;
  const u = frequency.length;
  const lgR = new Float64Array(maxFrequency + 1);
  const objective = (theta: Float64Array): number => {
    const r = Math.exp(theta[0] as number);
    const alpha = Math.exp(theta[1] as number);
    const s = Math.exp(theta[2] as number);
    const beta = Math.exp(theta[3] as number);
    // search box e^-30 .. e^30: beyond it the model is degenerate (reported as "ran off")
    if (outsideBox(theta)) return Number.NaN;
    for (let k = 0; k < maxFrequency; k++) lgR[k + 1] = (lgR[k] as number) + Math.log(r + k);
    const constant = r * Math.log(alpha) + s * Math.log(beta);
    let ll = 0;
    for (let i = 0; i < u; i++) {
      const x = frequency[i] as number;
      const ti = T[i] as number;
      // alive term relative to the constant, written with log1p so huge r or s do not cancel catastrophically
      const first = -r * Math.log1p(ti / alpha) - x * Math.log(alpha + ti) - s * Math.log1p(ti / beta);
      const second =
        Math.log(s / (r + s + x)) + logA0(r, alpha, s, beta, x, recency[i] as number, ti) + constant;
      ll += (weight[i] as number) * ((lgR[x] as number) + logAddExp(first, second));
    }
    return -ll / n;
  };
  const simplex = nelderMead(objective, logParameters(start), { maxIterations: 1000, tolerance: 1e-10 });
  const ranOff = Array.from(simplex.x).some((value) => Math.abs(value) > 15);
  let outcome: MinimizeOutcome = ranOff
    ? {
        ...simplex,
        converged: false,
        message: "Nelder-Mead drove a parameter to the edge of the search box; BFGS polish skipped",
      }
    : minimizeBfgs(numericGradient(objective, 1e-6), simplex.x, {
        maxIterations: parsed.maxIterations,
        gradientTolerance: parsed.tolerance,
      });
  if (!(outcome.value <= simplex.value))
    outcome = { ...simplex, converged: false, message: "BFGS polish failed; Nelder-Mead result kept" };
  const estimate = lifetimeFitEstimate(
    {
      outcome,
      method: "Nelder-Mead, then BFGS (central-difference gradient)",
      iterations: simplex.iterations + outcome.iterations,
      evaluations: simplex.evaluations + outcome.evaluations * 9,
    },
    start,
    { customerCount: n, repeatCustomerCount: histories.repeatCustomerCount, distinctHistories: u },
    hessianFromValues(objective, outcome.x),
    VALUE_HESSIAN,
    parsed,
  );
  return repeatBuyingResult<ParetoNbdParams, FitParetoNbdResult>(
    "Pareto/NBD model",
    estimate,
    paretoNbdPredictions(estimate.params),
  );
}

function paretoNbdPredictions(
  params: ParetoNbdParams,
): Pick<
  FitParetoNbdResult,
  "probabilityAlive" | "expectedPurchases" | "conditionalExpectedPurchases" | "probabilityOfPurchases"
> {
  const { r, alpha, s, beta } = params;
  const aliveOf = (frequency: number, recency: number, T: number): number => {
    const x = frequency;
    const logOdds =
      Math.log(s / (r + s + x)) +
      (r + x) * Math.log(alpha + T) +
      s * Math.log(beta + T) +
      logA0(r, alpha, s, beta, x, recency, T);
    return 1 / (1 + Math.exp(logOdds));
  };
  // ∫ growth of expected purchases with a lifetime ~ Pareto(s, β + T): (β+T)/(s−1) [1 − ((β+T)/(β+T+t))^(s−1)], limit ln(...) at s = 1
  const lifetimeFactor = (base: number, t: number): number =>
    Math.abs(s - 1) < 1e-9
      ? base * Math.log1p(t / base)
      : (base / (s - 1)) * -Math.expm1((s - 1) * Math.log(base / (base + t)));
  return {
    probabilityAlive: (frequency, recency, T) => {
      checkHistory("probabilityAlive (Pareto/NBD)", frequency, recency, T);
      return aliveOf(frequency, recency, T);
    },
    expectedPurchases: (t) => {
      checkHorizon("expectedPurchases (Pareto/NBD)", t);
      return t === 0 ? 0 : (r / alpha) * lifetimeFactor(beta, t);
    },
    conditionalExpectedPurchases: (t, frequency, recency, T) => {
      const method = "conditionalExpectedPurchases (Pareto/NBD)";
      checkHorizon(method, t);
      checkHistory(method, frequency, recency, T);
      return t === 0
        ? 0
        : ((r + frequency) / (alpha + T)) * lifetimeFactor(beta + T, t) * aliveOf(frequency, recency, T);
    },
    probabilityOfPurchases: (x, t) => {
      const method = "probabilityOfPurchases (Pareto/NBD)";
      checkCount(method, x);
      checkHorizon(method, t);
      return paretoNbdProbabilityOfPurchases(r, alpha, s, beta, x, t);
    },
  };
}
