/**
 * How a lifetime-value model fit ended ({@link fitBgNbd}, `fitParetoNbd`,
 * `fitGammaGamma`). Parameters are optimised on the log scale, so the
 * gradient is with respect to log-parameters.
 *
 * @example
 * ```ts
 * fitBgNbd(cdnowSummary).convergence; // CDNOW's calibration summary (weeks)
 * // => { converged: true, method: "BFGS (analytic gradient)", iterations: 25, evaluations: 26,
 * //      gradientNorm: 4.9e-10, start: { r: 1, alpha: 31.38, a: 1, b: 1 }, message: "gradient below tolerance" }
 * ```
 */
export interface LifetimeFitConvergence {
  /** True when the optimiser met its tolerance. A false value comes with a `message`. */
  readonly converged: boolean;
  /** The optimiser(s) used, e.g. `"BFGS (analytic gradient)"` or `"Nelder-Mead, then BFGS (central-difference gradient)"`. */
  readonly method: string;
  readonly iterations: number;
  /** Log-likelihood evaluations. */
  readonly evaluations: number;
  /** Euclidean norm of the gradient of the mean negative log-likelihood w.r.t. log-parameters, at the end. */
  readonly gradientNorm: number;
  /** The starting parameters. */
  readonly start: Readonly<Record<string, number>>;
  /** Why the optimiser stopped. */
  readonly message: string;
}
