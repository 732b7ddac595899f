/** The feature options' rules and the featureMatrix / applyFeatures bodies, under the calling function's name. */

import { InsufficientDataError, InvalidOptionsError } from "../../core/index.js";
import { checkOptions, custom, required } from "../../core/internal/optionRules.js";
import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixOptions,
  FeatureMatrixResult,
  FeatureMatrixStep,
  FeatureMatrixTransform,
  FeatureMatrixTransformName,
  FeatureMatrixTransforms,
} from "../featureMatrixTypes.js";
import {
  featureMatrixResult,
  fieldEntries,
  type PresentFeatureMatrix,
  showFeatureMatrix,
  TRANSFORM_NAMES,
  transformChains,
} from "./features.js";
import { fieldList, oneOf } from "./optionChecks.js";

const TRANSFORM_FORMS =
  'expected a transform ("none", "log1p", "standardize" or "minmax"), a chain of them (an array), or an object of { feature name: transform or chain }';

/** What is wrong with one transform or chain of transforms. */
function chainProblem(chain: unknown): string | undefined {
  const bad = (Array.isArray(chain) ? chain : [chain]).find(
    (name) => !TRANSFORM_NAMES.includes(name as FeatureMatrixTransformName),
  );
  return bad === undefined
    ? undefined
    : `unknown transform ${JSON.stringify(bad) ?? String(bad)}; ${TRANSFORM_FORMS}`;
}

/** What is wrong with the `transforms` option: one chain for every feature, or chains per feature name. */
function transformsProblem(value: unknown): string | undefined {
  if (typeof value === "string" || Array.isArray(value)) return chainProblem(value);
  if (value === null || typeof value !== "object") return TRANSFORM_FORMS;
  for (const [name, chain] of Object.entries(value)) {
    const problem = chainProblem(chain);
    if (problem !== undefined) return `for "${name}": ${problem}`;
  }
  return undefined;
}

/** The `missing` option: "error" or "drop". */
const missingRule = /* @__PURE__ */ oneOf(["error", "drop"] as const);

/** Rules of the feature options, shared by featureMatrix, kMeans and chooseK. */
export const featureOptionsShape = {
  fields: /* @__PURE__ */ required(/* @__PURE__ */ fieldList()),
  transforms: /* @__PURE__ */ custom<FeatureMatrixTransforms>(
    "a transform, a chain of them, or an object of chains",
    transformsProblem,
  ),
  missing: missingRule,
};

/** featureMatrix under another public function's name (for its error messages). */
export function buildFeatureMatrix<T>(
  functionName: string,
  records: readonly T[],
  options: FeatureMatrixOptions<T>,
): FeatureMatrixResult<T> {
  return featureMatrixOf(
    functionName,
    records,
    checkOptions(functionName, featureOptionsShape, options) as never,
    showFeatureMatrix,
  );
}

/**
 * {@link buildFeatureMatrix} from options already checked against {@link featureOptionsShape}; `present`
 * as for `featureMatrixResult`.
 */
export function featureMatrixOf<T>(
  functionName: string,
  records: readonly T[],
  parsed: {
    readonly fields: FeatureMatrixOptions<T>["fields"];
    readonly transforms?: FeatureMatrixTransforms | undefined;
    readonly missing?: FeatureMatrixMissingPolicy | undefined;
  },
  present: PresentFeatureMatrix,
): FeatureMatrixResult<T> {
  const missing = parsed.missing ?? "error";
  const entries = fieldEntries<T>(parsed.fields);
  const names = entries.map(([name]) => name);
  const chains = transformChains(functionName, names, parsed.transforms);
  if (!Array.isArray(records)) {
    throw new InvalidOptionsError(functionName, [
      { path: "records", message: "expected an array of customer records", received: records },
    ]);
  }
  if (records.length === 0) {
    throw new InsufficientDataError(functionName, "received no records; pass at least one customer record");
  }
  const transforms = parsed.transforms ?? "standardize";
  const result = featureMatrixResult(
    functionName,
    records,
    { features: entries.map(([name, field]) => ({ name, field, steps: [] })), missing },
    chains,
    { transforms, missing },
    present,
  );
  if (result.rowCount === 0) {
    throw new InsufficientDataError(
      functionName,
      `all ${result.droppedRowCount} records have a missing feature value; nothing left to fit`,
    );
  }
  return result;
}

/** Rules of applyFeatures' options. */
const APPLY_SHAPE = { missing: missingRule };

/**
 * applyFeatures under another public function's name; `options` are applyFeatures' (checked here);
 * `present` as for `featureMatrixResult`.
 */
export function applyFittedFeatures<T>(
  functionName: string,
  transform: FeatureMatrixTransform<T>,
  records: readonly T[],
  options: unknown,
  present: PresentFeatureMatrix,
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
  const missing: FeatureMatrixMissingPolicy | undefined = checkOptions(
    functionName,
    APPLY_SHAPE,
    options,
  ).missing;
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
    present,
  );
}
