import { type Field, InvalidOptionsError } from "../core/index.js";
import { checkOptions, custom, record } from "../core/internal/optionRules.js";
import { scoreFunction } from "./internal/calibratedProbability.js";
import { checkChurnModelJson } from "./internal/checkChurnModelJson.js";
import { createChurnModel, freezeJson } from "./internal/churnScorer.js";
import { type ResolvedFeature, resolveFeature } from "./internal/featureSpec.js";
import type { ChurnModel, ChurnModelJson, ChurnModelJsonFeature } from "./trainChurnModelTypes.js";

const FUNCTION_NAME = "restoreChurnModel";

/** Options of {@link restoreChurnModel}: the functions a JSON text cannot hold. */
export interface RestoreChurnModelOptions<T> {
  /** Accessors of the features saved with `accessor: true`, by feature name. @defaultValue {} */
  readonly accessors?: Readonly<Record<string, (record: T, index: number) => unknown>>;
  /** The label field, required when the model was trained with an accessor label. @defaultValue the saved name */
  readonly label?: Field<T>;
}

/** The option rules of restoreChurnModel (core's checkOptions: no zod in the bundle). */
export const restoreChurnModelShape = {
  accessors: /* @__PURE__ */ record(
    /* @__PURE__ */ custom<(record: never, index: number) => unknown>("an accessor function", (value) =>
      typeof value === "function" ? undefined : "expected an accessor function",
    ),
  ),
  // a property name or an accessor; an empty name is too short, as a string
  label: /* @__PURE__ */ custom<Field<unknown>>("a property name or an accessor function", (value) =>
    value === ""
      ? "Too small: expected string to have >=1 characters"
      : typeof value === "string" || typeof value === "function"
        ? undefined
        : "expected a property name or an accessor function",
  ),
};

/**
 * Rebuilds a churn model from its JSON form (`model.toJSON()`, or `JSON.parse` of
 * `JSON.stringify(model)`): the restored model scores and explains bit-identically to the saved one,
 * calibration included, and can be evaluated, recalibrated and saved again. Features saved as property
 * names are read by those names; accessor features (and an accessor label) need their functions in
 * `options`. The JSON is checked for shape (format, version, coefficients, encodings) and consistency
 * (one coefficient per design column). O(coefficients).
 *
 * @param json - the saved model (a parsed object, not the JSON text)
 * @param options - see {@link RestoreChurnModelOptions}
 * @returns the {@link ChurnModel}
 * @throws {@link InvalidOptionsError} for JSON that is not a saved churn model (issues listed), a missing
 *   accessor or label, or an unknown option
 * @example
 * ```ts
 * const customers = Array.from({ length: 400 }, (_, i) => ({
 *   daysSinceLastOrder: (i * 37) % 101,
 *   plan: i % 3 === 0 ? "basic" : "plus",
 *   churned: (i * 37) % 101 > 40 + (i % 7) * 8 ? 1 : 0,
 * }));
 * const trained = trainChurnModel(customers, { label: "churned", fields: { numeric: ["daysSinceLastOrder"] } });
 * const model = restoreChurnModel(JSON.parse(JSON.stringify(trained)));
 * model.score([{ daysSinceLastOrder: 90 }])[0] === trained.score([{ daysSinceLastOrder: 90 }])[0]; // => true
 * ```
 */
export function restoreChurnModel<T>(
  json: ChurnModelJson,
  options: RestoreChurnModelOptions<T> = {},
): ChurnModel<T> {
  const { accessors = {}, label: labelOption } = checkOptions(FUNCTION_NAME, restoreChurnModelShape, options);
  checkChurnModelJson(FUNCTION_NAME, json);
  const columns =
    1 +
    json.numericEncodings.length +
    json.categoricalEncodings.reduce(
      (total, encoding) => total + encoding.levels.length - (encoding.reference === null ? 0 : 1),
      0,
    );
  const consistent =
    json.coefficients.length === columns &&
    json.features.numeric.length === json.numericEncodings.length &&
    json.features.categorical.length === json.categoricalEncodings.length &&
    json.levelShares.length === json.categoricalEncodings.length;
  if (!consistent) {
    throw new InvalidOptionsError(FUNCTION_NAME, [
      {
        path: "json",
        message: `the saved model is inconsistent: ${json.coefficients.length} coefficients for ${columns} design columns, or features and encodings of different lengths`,
      },
    ]);
  }
  const resolve = (feature: ChurnModelJsonFeature, kind: string): ResolvedFeature<T> => {
    if (!feature.accessor) return resolveFeature<T>(feature.name as keyof T & string);
    const value = accessors[feature.name] as ((record: T, index: number) => unknown) | undefined;
    if (value === undefined) {
      throw new InvalidOptionsError(FUNCTION_NAME, [
        {
          path: `accessors.${feature.name}`,
          message: `the ${kind} feature "${feature.name}" was read by an accessor, which JSON cannot hold: pass it again in accessors`,
        },
      ]);
    }
    return resolveFeature<T>({ name: feature.name, value });
  };
  const label = (labelOption ?? json.label) as Field<T> | null;
  if (label === null) {
    throw new InvalidOptionsError(FUNCTION_NAME, [
      { path: "label", message: "the model was trained with an accessor label: pass it again as label" },
    ]);
  }
  return createChurnModel(
    freezeJson(structuredClone(json)),
    json.features.numeric.map((feature) => resolve(feature, "numeric")),
    json.features.categorical.map((feature) => resolve(feature, "categorical")),
    label,
    scoreFunction(json.calibration),
  );
}
