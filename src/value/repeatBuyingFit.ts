import type { LifetimeFitConvergence } from "./lifetimeFitConvergence.js";
import type { LifetimeFitUncertainty } from "./lifetimeFitUncertainty.js";

/**
 * What every fitted repeat-buying model (BG/NBD, Pareto/NBD) returns: parameters, fit
 * quality, counts, and the per-customer predictions. `FitBgNbdResult` and
 * `FitParetoNbdResult` extend it with their own parameter type and documentation.
 *
 * The prediction methods check their arguments (frequency a non-negative integer,
 * 0 ≤ recency ≤ T finite, recency 0 when frequency is 0, t finite and ≥ 0) and throw
 * `InvalidOptionsError` naming the method, the argument and the value; they never return NaN.
 *
 * @example
 * ```ts
 * const fit: RepeatBuyingFit<BgNbdParams> = fitBgNbd(cdnowSummary);
 * fit.probabilityAlive(2, 30.43, 38.86); // => 0.7266 (CDNOW customer 1)
 * ```
 */
export interface RepeatBuyingFit<P> {
  readonly params: P;
  /** Maximised log-likelihood (natural log, full constant included). */
  readonly logLikelihood: number;
  readonly customerCount: number;
  /** Customers with at least one repeat purchase. */
  readonly repeatCustomerCount: number;
  /** Distinct (frequency, recency, T) histories the likelihood was evaluated on. */
  readonly distinctHistories: number;
  readonly convergence: LifetimeFitConvergence;
  /** Standard errors and 95% intervals of `params` from the observed information (see {@link LifetimeFitUncertainty}). */
  readonly uncertainty: LifetimeFitUncertainty<P>;
  readonly options: { readonly maxIterations: number; readonly tolerance: number };
  /** P(alive | frequency, recency, T), times in the summary's unit; 1 for a customer without repeat purchases. */
  probabilityAlive(frequency: number, recency: number, T: number): number;
  /** Unconditional E[X(t)]: purchases expected in the first `t` time units by a new customer. */
  expectedPurchases(t: number): number;
  /** E[Y(t) | frequency, recency, T]: purchases expected in the next `t` time units by this customer. */
  conditionalExpectedPurchases(t: number, frequency: number, recency: number, T: number): number;
  /**
   * P(X(t) = x): the probability that a new customer makes exactly `x` repeat purchases in the first `t`
   * time units (x a non-negative integer, t finite and ≥ 0).
   */
  probabilityOfPurchases(x: number, t: number): number;
}
