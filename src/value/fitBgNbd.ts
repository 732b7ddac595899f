import type { BgNbdParams, FitBgNbdResult } from "./fitBgNbdTypes.js";
import { fitBgNbdFamily, repeatBuyingResult } from "./internal/bgNbdFamilyFit.js";
import { bgNbdPredictions } from "./internal/bgNbdPredictions.js";
import { outsideBox } from "./internal/optimize.js";
import type { aggregateHistories } from "./internal/repeatColumns.js";
import { logAddExp } from "./internal/special.js";
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
  const estimate = fitBgNbdFamily("fitBgNbd", "BG/NBD", summary, options, bgNbdObjective);
  return repeatBuyingResult<BgNbdParams, FitBgNbdResult>(
    "BG/NBD model",
    estimate,
    bgNbdPredictions(estimate.params),
  );
}

function bgNbdObjective(data: ReturnType<typeof aggregateHistories>) {
  const { frequency, recency, T, weight, maxFrequency, total } = data;
  const u = frequency.length;
  const m = maxFrequency + 1;
  const counts = Int32Array.from(frequency);
  // per-frequency terms, filled by cumulative sums over k < x
  const lgR = new Float64Array(m); // lnΓ(r+x) − lnΓ(r)
  const dgR = new Float64Array(m); // ψ(r+x) − ψ(r)
  const lBeta = new Float64Array(m); // ln B(a, b+x) − ln B(a, b)
  const dBetaA = new Float64Array(m);
  const dBetaB = new Float64Array(m);
  return (theta: Float64Array, gradient: Float64Array): number => {
    const r = Math.exp(theta[0] as number);
    const alpha = Math.exp(theta[1] as number);
    const a = Math.exp(theta[2] as number);
    const b = Math.exp(theta[3] as number);
    // search box e^-30 .. e^30: beyond it the model is degenerate (reported as "ran off")
    if (outsideBox(theta)) return Number.NaN;
    lgR[0] = 0;
    dgR[0] = 0;
    lBeta[0] = 0;
    dBetaA[0] = 0;
    dBetaB[0] = 0;
    for (let k = 0; k + 1 < m; k++) {
      // lnB(a, b+x) − lnB(a, b) = Σ_{k<x} [ln(b+k) − ln(a+b+k)]
      lgR[k + 1] = (lgR[k] as number) + Math.log(r + k);
      dgR[k + 1] = (dgR[k] as number) + 1 / (r + k);
      lBeta[k + 1] = (lBeta[k] as number) + Math.log(b + k) - Math.log(a + b + k);
      dBetaA[k + 1] = (dBetaA[k] as number) - 1 / (a + b + k);
      dBetaB[k + 1] = (dBetaB[k] as number) + 1 / (b + k) - 1 / (a + b + k);
    }
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    let ll = 0;
    let gr = 0;
    let galpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < u; i++) {
      const x = counts[i] as number;
      const w = weight[i] as number;
      const lT = Math.log(alpha + (T[i] as number));
      const rx = r + x;
      const a3 = -rx * lT;
      let mix = a3;
      let w4 = 0;
      let ltx = 0;
      if (x > 0) {
        ltx = Math.log(alpha + (recency[i] as number));
        const a4 = logA - Math.log(b + x - 1) - rx * ltx;
        mix = logAddExp(a3, a4);
        w4 = Math.exp(a4 - mix);
      }
      const w3 = 1 - w4;
      ll += w * ((lgR[x] as number) + r * logAlpha + (lBeta[x] as number) + mix);
      gr += w * ((dgR[x] as number) + logAlpha - w3 * lT - w4 * ltx);
      galpha +=
        w *
        (r / alpha -
          rx * (w3 / (alpha + (T[i] as number)) + (x > 0 ? w4 / (alpha + (recency[i] as number)) : 0)));
      ga += w * ((dBetaA[x] as number) + w4 / a);
      gb += w * ((dBetaB[x] as number) - (x > 0 ? w4 / (b + x - 1) : 0));
    }
    // chain rule to log-parameters, mean negative log-likelihood
    gradient[0] = (-gr * r) / total;
    gradient[1] = (-galpha * alpha) / total;
    gradient[2] = (-ga * a) / total;
    gradient[3] = (-gb * b) / total;
    return -ll / total;
  };
}
