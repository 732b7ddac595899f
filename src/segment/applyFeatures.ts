import { InvalidOptionsError } from "../core/index.js";
import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixResult,
  FeatureMatrixStep,
  FeatureMatrixTransform,
  FeatureMatrixTransforms,
} from "./featureMatrix.js";
import { featureMatrixResult } from "./internal/features.js";

/** Options of {@link applyFeatures}. */
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
 * @throws InvalidRecordError for non-numeric or (under `"error"`) missing values, or log1p of a value <= -1
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
  return applyFittedFeatures("applyFeatures", transform, records, options.missing);
}

/** @internal applyFeatures under another public function's name. */
export function applyFittedFeatures<T>(
  functionName: string,
  transform: FeatureMatrixTransform<T>,
  records: readonly T[],
  missing: FeatureMatrixMissingPolicy | undefined,
): FeatureMatrixResult<T> {
  if (transform === null || typeof transform !== "object" || !Array.isArray(transform.features)) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "transform",
        message: "expected a fitted transform from featureMatrix(...).transform or a kMeans model",
        received: transform,
      },
    ]);
  }
  if (missing !== undefined && missing !== "error" && missing !== "drop") {
    throw new InvalidOptionsError(functionName, [
      { path: "missing", message: 'expected "error" or "drop"', received: missing },
    ]);
  }
  const policy = missing ?? transform.missing;
  const transforms = Object.fromEntries(
    transform.features.map((feature) => [
      feature.name,
      feature.steps.length === 0 ? "none" : feature.steps.map((step: FeatureMatrixStep) => step.kind),
    ]),
  ) as FeatureMatrixTransforms;
  return featureMatrixResult(
    functionName,
    records,
    { features: transform.features, missing: policy },
    transform.features.map((feature) => feature.steps),
    { transforms, missing: policy },
  );
}
