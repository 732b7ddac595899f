import { InsufficientDataError, InvalidRecordError, withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions } from "../core/internal/optionRules.js";
import {
  estimateWithAnalyticGradient,
  lifetimeFitShape,
  parameterRows,
  startParameters,
} from "./internal/lifetimeFit.js";
import { checkFrequency, checkMonetaryValue, refuse } from "./internal/modelArguments.js";
import { outsideBox } from "./internal/optimize.js";
import { readRepeatColumns } from "./internal/repeatColumns.js";
import { digamma, logGamma } from "./internal/special.js";
import type { LifetimeFitConvergence } from "./lifetimeFitConvergence.js";
import type { LifetimeFitUncertainty } from "./lifetimeFitUncertainty.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "./repeatPurchaseInput.js";

/**
 * Gamma-Gamma spend parameters: each transaction value ~ Gamma(p, rate ν), the customer's
 * ν ~ Gamma(q, rate v); the mean spend of a customer is p / ν, with population mean p v / (q − 1).
 *
 * @example
 * ```ts
 * // the generated store's spend; on CDNOW the published estimates are p 6.25, q 3.74, v 15.44 (FHL 2005)
 * const summary = repeatPurchaseSummary(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", asOf: store.planted.end, timeUnit: "week",
 * });
 * fitGammaGamma(summary).params; // => { p: 2.435, q: 2.183, v: 9.595 }
 * ```
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/**
 * Options of {@link fitGammaGamma}.
 *
 * @example
 * ```ts
 * const spendRows = [
 *   { frequency: 2, recency: 10, T: 30, monetaryValue: 20 }, { frequency: 1, recency: 5, T: 30, monetaryValue: 35 },
 *   { frequency: 4, recency: 25, T: 30, monetaryValue: 12 }, { frequency: 0, recency: 0, T: 30, monetaryValue: 0 },
 *   { frequency: 3, recency: 20, T: 30, monetaryValue: 50 }, { frequency: 1, recency: 2, T: 30, monetaryValue: 8 },
 * ];
 * fitGammaGamma(spendRows).convergence.start; // => { p: 1, q: 2, v: 25 } (v: mean spend of the 5 repeat customers)
 * ```
 */
export interface FitGammaGammaOptions<T> extends RepeatPurchaseFields<T> {
  /** Starting parameters. By default p = 1, q = 2, v = mean monetary value (so the starting population mean equals the observed one). */
  readonly start?: Partial<GammaGammaParams>;
  /** @defaultValue 500 */
  readonly maxIterations?: number;
  /** Tolerance on the max-norm of the gradient of the mean negative log-likelihood (log-parameters). @defaultValue 1e-8 */
  readonly tolerance?: number;
}

/**
 * A fitted Gamma-Gamma spend model.
 *
 * @example
 * ```ts
 * const spendRows = [
 *   { frequency: 2, recency: 10, T: 30, monetaryValue: 20 }, { frequency: 1, recency: 5, T: 30, monetaryValue: 35 },
 *   { frequency: 4, recency: 25, T: 30, monetaryValue: 12 }, { frequency: 0, recency: 0, T: 30, monetaryValue: 0 },
 *   { frequency: 3, recency: 20, T: 30, monetaryValue: 50 }, { frequency: 1, recency: 2, T: 30, monetaryValue: 8 },
 * ];
 * const spend = fitGammaGamma(spendRows);
 * [spend.customerCount, spend.skippedCustomers]; // => [5, 1]
 * spend.options; // => { maxIterations: 500, tolerance: 1e-8 }
 * ```
 */
export interface FitGammaGammaResult {
  readonly params: GammaGammaParams;
  readonly logLikelihood: number;
  /** Customers used: those with at least one repeat purchase. */
  readonly customerCount: number;
  /** Customers left out because their frequency is 0 (no repeat transaction value to model). */
  readonly skippedCustomers: number;
  readonly convergence: LifetimeFitConvergence;
  /** Standard errors and 95% log-scale intervals of `params` from the observed information. */
  readonly uncertainty: LifetimeFitUncertainty<GammaGammaParams>;
  readonly options: { readonly maxIterations: number; readonly tolerance: number };
  /**
   * E[mean transaction value | frequency, monetaryValue]: a weighted average of the population mean
   * p v / (q − 1) and the customer's observed mean (FHL 2005, eq. 2). With frequency 0 it is the population mean.
   */
  conditionalExpectedAverageProfit(frequency: number, monetaryValue: number): number;
}

/** Option rules of {@link fitGammaGamma} (exported for value's option-rule test; not in the module index). */
export const fitGammaGammaShape = lifetimeFitShape(["p", "q", "v"]);

/**
 * Fits the Gamma-Gamma model of average transaction value (Fader, Hardie & Lee 2005,
 * "RFM and CLV", after Colombo & Jiang 1999) by maximum likelihood on the customers
 * with at least one repeat purchase, using their number of repeat purchases `x` and
 * the mean value `m` of those purchases:
 *
 *   ll = lnΓ(px + q) − lnΓ(px) − lnΓ(q) + q ln v + (px − 1) ln m + px ln x − (px + q) ln(v + x m).
 *
 * Log-parameters are optimised by BFGS with the analytic gradient (Nelder-Mead then BFGS
 * if that fails). The model assumes spend is independent of purchase frequency: check the
 * correlation first (it is 0.11 on CDNOW).
 *
 * Few customers: with very few (or one) customer histories the likelihood is often maximised at the
 * edge of the parameter space (no heterogeneity left to estimate). Then a log-parameter passes ±15,
 * `convergence.converged` is false and `convergence.message` says a parameter ran off; the
 * parameters are returned as found, for inspection, not for prediction.
 *
 * Complexity: O(n) per likelihood evaluation.
 *
 * @param summary - a {@link repeatPurchaseSummary} result or records with frequency and monetaryValue
 * @returns the fitted model with `conditionalExpectedAverageProfit`
 * @throws InsufficientDataError when no customer has a repeat purchase
 * @throws InvalidRecordError when a repeat customer's monetary value is not positive
 * @see Fader, Hardie & Lee (2005). RFM and CLV: Using Iso-Value Curves for Customer Base Analysis.
 *   Journal of Marketing Research 42(4), 415–430; Fader & Hardie, "The Gamma-Gamma Model of Monetary Value" (2013 note).
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", asOf: store.planted.end, timeUnit: "week",
 * });
 * const spend = fitGammaGamma(summary); // the store's 815 repeat customers (185 without repeats left out)
 * spend.params; // => { p: 2.435, q: 2.183, v: 9.595 }
 * spend.conditionalExpectedAverageProfit(2, 22.35); // => 21.84 (two repeat purchases averaging 22.35, shrunk to the mean)
 * ```
 */
export function fitGammaGamma<T>(
  summary: RepeatPurchaseInput<T>,
  options: FitGammaGammaOptions<T> = {},
): FitGammaGammaResult {
  const functionName = "fitGammaGamma";
  const parsed = withDefaults(checkOptions(functionName, fitGammaGammaShape, options), {
    maxIterations: 500,
    tolerance: 1e-8,
  });
  const columns = readRepeatColumns(functionName, summary, options, true);
  const monetary = columns.monetaryValue as Float64Array;
  const n = columns.frequency.length;
  let used = 0;
  let sumMonetary = 0;
  for (let i = 0; i < n; i++) {
    const x = columns.frequency[i] as number;
    if (x === 0) continue;
    const m = monetary[i] as number;
    if (!(m > 0)) {
      throw new InvalidRecordError(
        functionName,
        i,
        typeof options.monetaryValue === "string" ? options.monetaryValue : "monetaryValue",
        m,
        "a customer with repeat purchases needs a positive mean repeat-purchase value; drop customers whose repeat purchases are worth 0",
      );
    }
    used++;
    sumMonetary += m;
  }
  if (used === 0) {
    throw new InsufficientDataError(
      functionName,
      `none of the ${n} customers made a repeat purchase, so there are no repeat transaction values to model`,
    );
  }
  const xs = new Float64Array(used);
  const ms = new Float64Array(used);
  for (let i = 0, k = 0; i < n; i++) {
    if ((columns.frequency[i] as number) === 0) continue;
    xs[k] = columns.frequency[i] as number;
    ms[k] = monetary[i] as number;
    k++;
  }
  const start = startParameters<GammaGammaParams>({ p: 1, q: 2, v: sumMonetary / used }, parsed.start);
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const p = Math.exp(theta[0] as number);
    const q = Math.exp(theta[1] as number);
    const v = Math.exp(theta[2] as number);
    // search box e^-30 .. e^30: beyond it the model is degenerate (reported as "ran off")
    if (outsideBox(theta)) return Number.NaN;
    const logV = Math.log(v);
    const lgQ = logGamma(q);
    const dgQ = digamma(q);
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    for (let i = 0; i < used; i++) {
      const x = xs[i] as number;
      const m = ms[i] as number;
      const px = p * x;
      const logVxm = Math.log(v + x * m);
      const logM = Math.log(m);
      const logX = Math.log(x);
      const dgPxq = digamma(px + q);
      ll +=
        logGamma(px + q) - logGamma(px) - lgQ + q * logV + (px - 1) * logM + px * logX - (px + q) * logVxm;
      gp += x * (dgPxq - digamma(px) + logM + logX - logVxm);
      gq += dgPxq - dgQ + logV - logVxm;
      gv += q / v - (px + q) / (v + x * m);
    }
    gradient[0] = (-gp * p) / used;
    gradient[1] = (-gq * q) / used;
    gradient[2] = (-gv * v) / used;
    return -ll / used;
  };
  const estimate = estimateWithAnalyticGradient(
    objective,
    start,
    { customerCount: used, skippedCustomers: n - used },
    parsed,
  );
  const { p, q, v } = estimate.params;
  const result: FitGammaGammaResult = {
    ...estimate,
    conditionalExpectedAverageProfit: (frequency, monetaryValue) => {
      const method = "conditionalExpectedAverageProfit (Gamma-Gamma)";
      checkFrequency(method, frequency);
      checkMonetaryValue(method, monetaryValue);
      const denominator = p * frequency + q - 1;
      if (!(denominator > 0)) {
        refuse(
          method,
          "frequency",
          frequency,
          `with q = ${q} (<= 1, infinite population mean spend) the posterior mean spend is finite only for frequency > ${(1 - q) / p}; score such customers with their observed value or refit on more repeat customers`,
        );
      }
      return (p * (v + frequency * monetaryValue)) / denominator;
    },
  };
  return withDisplay(result, {
    title: "Gamma-Gamma spend model",
    summary: (m) => [
      `${m.customerCount} repeat customers (${m.skippedCustomers} without repeats left out), log-likelihood ${m.logLikelihood.toFixed(2)}`,
      `population mean spend p v / (q - 1) = ${m.params.q > 1 ? ((m.params.p * m.params.v) / (m.params.q - 1)).toFixed(2) : "infinite (q <= 1)"}`,
    ],
    rows: (m) => parameterRows(m.params, m.uncertainty),
  });
}
