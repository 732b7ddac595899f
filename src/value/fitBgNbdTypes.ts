// The parameters and result of `fitBgNbd`, below fitBgNbd.ts so that its prediction helpers can use
// them without importing the fit back.
import type { RepeatBuyingFit } from "./repeatBuyingFit.js";

/**
 * BG/NBD parameters: purchase rates ~ Gamma(shape r, rate alpha); dropout probability ~ Beta(a, b).
 *
 * @example
 * ```ts
 * fitBgNbd(cdnowSummary).params; // => { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }
 * ```
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * A fitted BG/NBD model: parameters, fit statistics and the model's predictions.
 *
 * @example
 * ```ts
 * const histories = [
 *   { frequency: 0, recency: 0, T: 30 }, { frequency: 1, recency: 5, T: 30 }, { frequency: 3, recency: 25, T: 30 },
 *   { frequency: 2, recency: 8, T: 28 }, { frequency: 0, recency: 0, T: 12 }, { frequency: 5, recency: 20, T: 29 },
 * ];
 * const model = fitBgNbd(histories, { maxIterations: 200 });
 * [model.customerCount, model.repeatCustomerCount, model.distinctHistories]; // => [6, 4, 6]
 * model.options; // => { maxIterations: 200, tolerance: 1e-8 }
 * ```
 */
export interface FitBgNbdResult extends RepeatBuyingFit<BgNbdParams> {
  /**
   * P(alive | frequency, recency, T) (FHL 2005, eq. 10 of the technical note); 1 for a customer without repeat purchases.
   * Times in the summary's unit.
   */
  probabilityAlive(frequency: number, recency: number, T: number): number;
  /** Unconditional E[X(t)]: purchases expected in the first `t` time units by a new customer (FHL 2005, eq. 7). */
  expectedPurchases(t: number): number;
  /** E[Y(t) | frequency, recency, T]: purchases expected in the next `t` time units by this customer (FHL 2005, eq. 10). */
  conditionalExpectedPurchases(t: number, frequency: number, recency: number, T: number): number;
  /**
   * P(X(t) = x): probability that a new customer makes exactly `x` repeat purchases in the first `t` time units
   * (FHL 2005, summed as positive terms).
   */
  probabilityOfPurchases(x: number, t: number): number;
}
