import type { FeatureMatrixOptions, FeatureMatrixResult } from "./featureMatrixTypes.js";
import { buildFeatureMatrix } from "./internal/featureOptions.js";

export type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixOptions,
  FeatureMatrixResult,
  FeatureMatrixStep,
  FeatureMatrixTransform,
  FeatureMatrixTransformName,
  FeatureMatrixTransforms,
} from "./featureMatrixTypes.js";

/**
 * Builds a model-ready feature matrix from customer records: reads each field once
 * into a flat row-major `Float64Array`, applies the transforms and records their fitted
 * parameters, so new customers are scored identically with `applyFeatures`.
 *
 * Constant columns: `standardize` divides by 1 instead of 0 (the column becomes all
 * zeros) and `minmax` likewise; they are listed in `constantFeatures`. A single record
 * is treated as constant (its sample standard deviation is undefined).
 * Standardisation uses the sample standard deviation (divisor n - 1, as R's `scale`;
 * scikit-learn's `StandardScaler` divides by n).
 *
 * Huge values: means, standard deviations and ranges are computed on values scaled by a power of
 * two (exact), so features around 1e200 are standardized as in ordinary units; a transform whose
 * result cannot be represented (a standard deviation beyond 1.8e308) is an InvalidRecordError.
 *
 * Complexity: O(n d).
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link FeatureMatrixOptions}
 * @returns the matrix, the rows kept and dropped, and the fitted transform
 * @throws InvalidOptionsError for unknown transforms or fields, or records that are not an array; InvalidRecordError for a
 *   non-numeric value, a missing value under `missing: "error"`, log1p of a value <= -1, or values too
 *   large to transform (see above); InvalidOptionsError for an unknown option;
 *   InsufficientDataError when no row is left.
 * @see R. A. Becker, J. M. Chambers and A. R. Wilks (1988), The New S Language — `scale()`
 * @example
 * ```ts
 * const features = featureMatrix(
 *   [{ spend: 10, orders: 1 }, { spend: 30, orders: 3 }, { spend: 20, orders: 2 }],
 *   { fields: ["spend", "orders"], transforms: "standardize" },
 * );
 * features.matrix; // => Float64Array [-1, -1, 1, 1, 0, 0]
 * features.transform.features[0].steps; // => [{ kind: "standardize", mean: 20, standardDeviation: 10, constant: false }]
 * ```
 */
export function featureMatrix<T>(
  records: readonly T[],
  options: FeatureMatrixOptions<T>,
): FeatureMatrixResult<T> {
  return buildFeatureMatrix("featureMatrix", records, options);
}
