import type { BgNbdParams, FitBgNbdResult } from "./fitBgNbdTypes.js";
import { fitBgNbdFamily } from "./internal/bgNbdFamilyFit.js";
import { bgNbdModel, bgNbdObjective } from "./internal/bgNbdLikelihood.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "./repeatPurchaseInput.js";

export type { BgNbdParams, FitBgNbdResult } from "./fitBgNbdTypes.js";

/**
 * Options of {@link fitBgNbd}.
 *
 * @example
 * ```ts
 * const histories = [
 *   { frequency: 0, recency: 0, T: 30 }, { frequency: 1, recency: 5, T: 30 }, { frequency: 3, recency: 25, T: 30 },
 *   { frequency: 2, recency: 8, T: 28 }, { frequency: 0, recency: 0, T: 12 }, { frequency: 5, recency: 20, T: 29 },
 * ];
 * fitBgNbd(histories, { start: { r: 0.5 } }).convergence.start; // => { r: 0.5, alpha: 14.4545, a: 1, b: 1 }
 * ```
 */
export interface FitBgNbdOptions<T> extends RepeatPurchaseFields<T> {
  /**
   * Starting parameters. By default r = 1, a = 1, b = 1 and alpha = mean(T) / mean(frequency)
   * (so the starting mean purchase rate r / alpha equals the observed rate).
   */
  readonly start?: Partial<BgNbdParams>;
  /** Maximum optimiser iterations. @defaultValue 500 */
  readonly maxIterations?: number;
  /** Convergence tolerance on the max-norm of the gradient of the mean negative log-likelihood (log-parameters). @defaultValue 1e-8 */
  readonly tolerance?: number;
}

/**
 * Fits the BG/NBD ("beta-geometric / negative binomial distribution") model of
 * repeat buying in a non-contractual setting by maximum likelihood.
 *
 * Model: while alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each purchase they drop out with probability p ~ Beta(a, b).
 *
 * Numerics: the log-likelihood is evaluated in log space (log-gamma differences as sums of logs
 * over the integer frequency, the two-term mixture by log-sum-exp), with its analytic gradient, on
 * identical (frequency, recency, T) histories merged with weights. The expectations E[X(t)] and
 * E[Y(t) | history] are summed as a positive series (or, for t beyond about 100 α, integrated over the
 * dropout mixture) that holds for every a, b > 0, including a + b < 1 where the textbook
 * 2F1(r, b; a + b − 1; z) form breaks down. The parameters are optimised on the
 * log scale by BFGS with a backtracking line search from the documented start; if BFGS fails, Nelder-Mead
 * is run from the start and BFGS polishes its result. `convergence` reports how it ended.
 *
 * Few customers: with very few (or one) customer histories the likelihood is often maximised at the
 * edge of the parameter space (no heterogeneity left to estimate). Then a log-parameter passes ±15,
 * `convergence.converged` is false and `convergence.message` says a parameter ran off; the
 * parameters are returned as found, for inspection, not for prediction.
 *
 * Standard errors: `uncertainty` holds the natural-scale standard errors, covariance and 95% log-scale
 * intervals from the observed information (central differences of the analytic gradient at the
 * optimum, Richardson-extrapolated; see {@link LifetimeFitUncertainty}).
 *
 * Complexity: O(n log n) to merge histories, then O(u + max frequency) per evaluation (u = distinct histories);
 * 100 000 customers fit in well under a second.
 *
 * @param summary - a {@link repeatPurchaseSummary} result, or records with frequency, recency and T
 * @param options - field names for plain records, start, maxIterations, tolerance
 * @returns the fitted model with `probabilityAlive`, `expectedPurchases` and `conditionalExpectedPurchases`
 * @throws InsufficientDataError when the input is empty or nobody made a repeat purchase (the model is not identifiable)
 * @throws InvalidRecordError when a frequency is not a non-negative integer, recency is outside [0, T], or
 *   frequency 0 comes with a non-zero recency
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting Your Customers" the Easy Way: An Alternative
 *   to the Pareto/NBD Model. Marketing Science 24(2), 275–284; and Hardie's note "Implementing the BG/NBD Model".
 * @example
 * ```ts
 * const model = fitBgNbd(cdnowSummary); // CDNOW, weekly units, 39-week calibration
 * model.params;       // => { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }
 * model.logLikelihood; // => -9582.43
 * model.conditionalExpectedPurchases(39, 2, 30.43, 38.86); // => 1.226
 * model.uncertainty.standardErrors; // => { r: 0.01256, alpha: 0.3782, a: 0.1857, b: 0.7053 }
 * model.probabilityOfPurchases(0, 39); // => 0.5743 (no repeat purchase in the first 39 weeks)
 * ```
 */
export function fitBgNbd<T>(
  summary: RepeatPurchaseInput<T>,
  options: FitBgNbdOptions<T> = {},
): FitBgNbdResult {
  return bgNbdModel(fitBgNbdFamily("fitBgNbd", "BG/NBD", summary, options, bgNbdObjective));
}
