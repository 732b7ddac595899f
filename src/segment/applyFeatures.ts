import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixResult,
  FeatureMatrixTransform,
} from "./featureMatrix.js";
import { applyFittedFeatures } from "./internal/featureOptions.js";
import { showFeatureMatrix } from "./internal/features.js";

/**
 * Options of {@link applyFeatures}.
 *
 * @example
 * ```ts
 * const fitted = featureMatrix([{ spend: 10 }, { spend: 30 }], { fields: ["spend"] });
 * applyFeatures(fitted.transform, [{ spend: Number.NaN }, { spend: 20 }], { missing: "drop" }).droppedRows;
 * // => Int32Array [0]
 * ```
 */
export interface ApplyFeaturesOptions {
  /**
   * Missing-value policy for the new records.
   * @defaultValue the policy the transform was fitted with
   */
  readonly missing?: FeatureMatrixMissingPolicy;
}

/**
 * Scores new records with a fitted feature transform (from `featureMatrix` or a
 * `kMeans` model's `transform`): the same fields, the same log1p, and the means,
 * standard deviations, minima and maxima estimated on the training rows — nothing is
 * refitted, so min-max values of new customers may fall outside [0, 1].
 *
 * Complexity: O(n d).
 *
 * @param transform - a fitted transform
 * @param records - new customer records (not mutated); may be empty
 * @param options - see {@link ApplyFeaturesOptions}
 * @returns a feature matrix whose `transform` is the one given
 * @throws InvalidRecordError for non-numeric or (under `"error"`) missing values, log1p of a value <= -1,
 *   or a value the fitted transform maps beyond the floating-point range (e.g. 1e200 with a fitted
 *   min-max range of 1e-200); InvalidOptionsError for an unknown option
 * @see featureMatrix
 * @example
 * ```ts
 * const fitted = featureMatrix([{ spend: 10 }, { spend: 30 }], { fields: ["spend"] });
 * applyFeatures(fitted.transform, [{ spend: 40 }]).matrix; // => Float64Array [1.4142...] ((40 - 20) / 14.142)
 * ```
 */
export function applyFeatures<T>(
  transform: FeatureMatrixTransform<T>,
  records: readonly T[],
  options: ApplyFeaturesOptions = {},
): FeatureMatrixResult<T> {
  return applyFittedFeatures("applyFeatures", transform, records, options, showFeatureMatrix);
}
