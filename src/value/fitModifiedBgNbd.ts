import type { FitBgNbdOptions } from "./fitBgNbd.js";
import type { BgNbdParams } from "./fitBgNbdTypes.js";
import { bgNbdExpectedPurchases } from "./internal/bgNbdExpectation.js";
import { fitBgNbdFamily, repeatBuyingResult } from "./internal/bgNbdFamilyFit.js";
import { betaGeometricNbdObjective } from "./internal/bgNbdLikelihood.js";
import { finiteExpectation } from "./internal/bgNbdPredictions.js";
import { checkHistory, checkHorizon } from "./internal/modelArguments.js";
import { betaGeometricProbabilityOfPurchases, checkCount } from "./internal/purchaseCountProbability.js";
import type { RepeatBuyingFit } from "./repeatBuyingFit.js";
import type { RepeatPurchaseInput } from "./repeatPurchaseInput.js";

/**
 * Options of {@link fitModifiedBgNbd}: the same as {@link fitBgNbd}'s.
 *
 * @example
 * ```ts
 * fitModifiedBgNbd(cdnowSummary, { start: { r: 0.5 }, maxIterations: 200 }).options; // => { maxIterations: 200, tolerance: 1e-8 }
 * ```
 */
export interface FitModifiedBgNbdOptions<T> extends FitBgNbdOptions<T> {}

/**
 * A fitted MBG/NBD model: the BG/NBD parameters (purchase rate λ ~ Gamma(r, alpha), dropout probability
 * p ~ Beta(a, b)) with the modified dropout rule, and its predictions.
 *
 * @example
 * ```ts
 * const model = fitModifiedBgNbd(cdnowSummary);
 * model.probabilityAlive(0, 0, 38.86); // => 0.3897 (a one-purchase customer is no longer certainly alive)
 * ```
 */
export interface FitModifiedBgNbdResult extends RepeatBuyingFit<BgNbdParams> {
  /** P(alive | frequency, recency, T) = 1 / (1 + a / (b + x) · ((α + T) / (α + t_x))^(r + x)), below 1 also for x = 0. */
  probabilityAlive(frequency: number, recency: number, T: number): number;
  /** E[X(t)] = b / (a − 1) · [1 − (α / (α + t))^r 2F1(r, b + 1; a + b; t / (α + t))] (Batislam et al. 2007), summed as positive terms. */
  expectedPurchases(t: number): number;
  /** E[Y(t) | history] = P(alive) · E[purchases of an alive customer with posterior r + x, α + T, a, b + x + 1]. */
  conditionalExpectedPurchases(t: number, frequency: number, recency: number, T: number): number;
  /** P(X(t) = x) = E[(1 − p)^x] NB(x) + E[p (1 − p)^x] P(N > x), N the purchases of an immortal customer. */
  probabilityOfPurchases(x: number, t: number): number;
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) by maximum likelihood: BG/NBD with one
 * change, a customer may also drop out right after the first purchase (at time 0), not only after a
 * repeat purchase. A customer without repeat purchases therefore gets P(alive) < 1, where BG/NBD says 1,
 * which matters when many customers never come back. Per history (x, t_x, T):
 *
 *   L = Γ(r + x) α^r / Γ(r) · [ B(a, b + x + 1) / B(a, b) (α + T)^−(r+x) + B(a + 1, b + x) / B(a, b) (α + t_x)^−(r+x) ].
 *
 * Numerics as {@link fitBgNbd}: log space, the analytic gradient, BFGS over log-parameters (Nelder-Mead
 * then BFGS if that fails), identical histories merged; the expectations reuse BG/NBD's positive series
 * (E_MBG[X(t) | r, α, a, b] = b / (a + b) · E_BG[X(t) | r, α, a, b + 1]). `uncertainty` holds standard errors
 * and 95% log-scale intervals from the observed information.
 *
 * Complexity: O(n log n) to merge histories, then O(u + max frequency) per evaluation.
 *
 * @param summary - a {@link repeatPurchaseSummary} result, or records with frequency, recency and T
 * @param options - field names, start, maxIterations, tolerance (as {@link fitBgNbd})
 * @returns the fitted model
 * @throws InsufficientDataError when the input is empty or nobody made a repeat purchase
 * @throws InvalidRecordError for malformed histories (see {@link fitBgNbd})
 * @see Batislam, E. P., Denizel, M. & Filiztekin, A. (2007). Empirical validation and comparison of models for
 *   customer base analysis. International Journal of Research in Marketing 24(3), 201–209.
 * @example
 * ```ts
 * const model = fitModifiedBgNbd(cdnowSummary); // CDNOW, weekly units
 * model.params; // => { r: 0.5248, alpha: 6.1830, a: 0.8914, b: 1.6140 }
 * model.conditionalExpectedPurchases(39, 2, 30.43, 38.86); // => 1.2627
 * ```
 */
export function fitModifiedBgNbd<T>(
  summary: RepeatPurchaseInput<T>,
  options: FitModifiedBgNbdOptions<T> = {},
): FitModifiedBgNbdResult {
  const estimate = fitBgNbdFamily("fitModifiedBgNbd", "MBG/NBD", summary, options, (histories) =>
    betaGeometricNbdObjective(histories, true),
  );
  return repeatBuyingResult<BgNbdParams, FitModifiedBgNbdResult>(
    "MBG/NBD model",
    estimate,
    mbgNbdPredictions(estimate.params),
  );
}

function mbgNbdPredictions(
  params: BgNbdParams,
): Pick<
  FitModifiedBgNbdResult,
  "probabilityAlive" | "expectedPurchases" | "conditionalExpectedPurchases" | "probabilityOfPurchases"
> {
  const { r, alpha, a, b } = params;
  const alive = (x: number, recency: number, T: number): number =>
    1 / (1 + Math.exp(Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency))));
  return {
    probabilityAlive: (frequency, recency, T) => {
      checkHistory("probabilityAlive (MBG/NBD)", frequency, recency, T);
      return alive(frequency, recency, T);
    },
    expectedPurchases: (t) => {
      const method = "expectedPurchases (MBG/NBD)";
      checkHorizon(method, t);
      return finiteExpectation(method, (b / (a + b)) * bgNbdExpectedPurchases(r, alpha, a, b + 1, t), t);
    },
    conditionalExpectedPurchases: (t, frequency, recency, T) => {
      const method = "conditionalExpectedPurchases (MBG/NBD)";
      checkHorizon(method, t);
      checkHistory(method, frequency, recency, T);
      const x = frequency;
      return finiteExpectation(
        method,
        alive(x, recency, T) * bgNbdExpectedPurchases(r + x, alpha + T, a, b + x + 1, t),
        t,
      );
    },
    probabilityOfPurchases: (x, t) => {
      const method = "probabilityOfPurchases (MBG/NBD)";
      checkCount(method, x);
      checkHorizon(method, t);
      return betaGeometricProbabilityOfPurchases(r, alpha, a, b, x, t, true);
    },
  };
}
