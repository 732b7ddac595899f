/**
 * Standard errors and confidence intervals of a lifetime-model fit, from the observed information
 * (minus the Hessian of the log-likelihood at the maximum). Every lifetime fit returns one as
 * `uncertainty` (`fitBgNbd`, `fitModifiedBgNbd`, `fitParetoNbd`, `fitGammaGamma`,
 * `fitShiftedBetaGeometric`, `fitBetaGeometricBetaBinomial`).
 *
 * - `standardErrors` are on the natural scale of `params` (the delta method, exact at the optimum:
 *   there the natural-scale information equals J⁻¹ H J⁻¹ with J = diag(params)). They agree with
 *   lifetimes' `summary` and CLVTools' standard errors.
 * - `lower` / `upper` form a 95% interval computed on the log scale, exp(log θ ± 1.96 · se / θ):
 *   always positive, and closer to its nominal coverage for skewed shape parameters. lifetimes
 *   prints the Wald interval θ ± 1.96 · se instead, which can go below 0.
 * - When the information matrix is not positive definite (the fit did not converge, or a
 *   parameter ran off to the edge of the parameter space) every field but `message` is `null`.
 *
 * @example
 * ```ts
 * const model = fitBgNbd(cdnowSummary);
 * model.uncertainty.standardErrors; // => { r: 0.01256, alpha: 0.3782, a: 0.1857, b: 0.7053 }
 * model.uncertainty.lower?.a; // => 0.5010
 * ```
 */
export interface LifetimeFitUncertainty<P> {
  /** Standard errors of the parameters (natural scale), or null when the information is singular. */
  readonly standardErrors: { readonly [K in keyof P]: number } | null;
  /** Lower ends of the 95% log-scale intervals, or null. */
  readonly lower: { readonly [K in keyof P]: number } | null;
  /** Upper ends of the 95% log-scale intervals, or null. */
  readonly upper: { readonly [K in keyof P]: number } | null;
  /** Covariance matrix of the natural-scale parameters (rows and columns in `params` order), or null. */
  readonly covariance: readonly (readonly number[])[] | null;
  /** The interval's confidence level: 0.95. */
  readonly confidenceLevel: number;
  /** How the Hessian was computed, or why there are no standard errors. */
  readonly message: string;
}
