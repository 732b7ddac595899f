/**
 * Re-estimation of a PLS model on subsets of its rows (a cross-validation training fold, one group of a
 * multigroup analysis, a permutation or bootstrap sample), without re-reading the rows: the subset is a
 * vector of row weights (0 = left out, 1 = in, k = drawn k times) over the prepared indicator matrix, so one
 * estimation costs the O(n p²) weighted correlation matrix plus the O(iterations · p²) kernel.
 *
 * Uses the kernel of plsPathModel read-only (estimatePls, correlationMatrix): the estimates are the ones
 * plsPathModel gives on the same rows.
 */
import { createWorkspace, estimatePls, type PlsWorkspace } from "./plsCore.js";
import { correlationMatrix } from "./plsData.js";
import type { PreparedPlsData } from "./plsPrepare.js";
import type { ResolvedPlsModel } from "./plsSpec.js";

/** Why a subset could not be estimated. */
export type SubsetFailure = "zeroVariance" | "singular" | "notConverged";

/** Buffers and the estimation call for one model and one data set. */
export interface SubsetEstimator {
  /** Kernel state after the last successful {@link SubsetEstimator.fit} (weights, paths, loadings, R²). */
  readonly work: PlsWorkspace;
  /** Weighted means of the indicators in the last subset. */
  readonly mean: Float64Array;
  /** Correlation matrix of the last subset. */
  readonly correlation: Float64Array;
  /** Estimates the model on the rows weighted by `counts` (length n); undefined on success. */
  fit(counts: Float64Array): SubsetFailure | undefined;
}

/** Creates an estimator over the prepared data of a resolved model. */
export function subsetEstimator(model: ResolvedPlsModel, data: PreparedPlsData): SubsetEstimator {
  const { spec } = model;
  const p = spec.indicatorCount;
  const n = data.matrix.rowCount;
  const values = data.matrix.values;
  const work = createWorkspace(spec);
  const mean = new Float64Array(p);
  const correlation = new Float64Array(p * p);
  const centred = new Float64Array(p);
  return {
    work,
    mean,
    correlation,
    fit(counts) {
      if (correlationMatrix(values, n, p, counts, correlation, mean, centred) >= 0) return "zeroVariance";
      const failure = estimatePls(spec, correlation, work);
      if (failure !== undefined) return failure;
      return work.converged ? undefined : "notConverged";
    },
  };
}

/** Plain-words reason for an error message. */
export function describeSubsetFailure(failure: SubsetFailure): string {
  return failure === "zeroVariance"
    ? "an indicator is constant"
    : failure === "singular"
      ? "a regression is singular (collinear constructs)"
      : "the PLS iteration did not converge";
}
