import * as z from "zod/mini";
import { type Field, InvalidOptionsError } from "../core/index.js";
import { optionalSchema, optionsSchema as optionsObject } from "../core/internal/optionChecks.js";
import { lengthAtLeast, oneOf, parseOptions } from "../core/options.js";
import { scoreFunction } from "./internal/calibratedProbability.js";
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

const optionsSchema = /* @__PURE__ */ optionsObject({
  accessors: /* @__PURE__ */ z._default(
    /* @__PURE__ */ z.record(
      /* @__PURE__ */ z.string(),
      z.custom<(record: never, index: number) => unknown>((value) => typeof value === "function", {
        message: "expected an accessor function",
      }),
    ),
    {},
  ),
  label: /* @__PURE__ */ optionalSchema(
    /* @__PURE__ */ z.union([
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ lengthAtLeast(1)),
      z.custom<(record: never, index: number) => unknown>((value) => typeof value === "function"),
    ]),
  ),
});

const featureJson = /* @__PURE__ */ z.object({
  name: /* @__PURE__ */ z.string(),
  accessor: /* @__PURE__ */ z.boolean(),
});
const jsonSchema = /* @__PURE__ */ z.object({
  format: /* @__PURE__ */ z.literal("clientele.churnModel"),
  version: /* @__PURE__ */ z.literal(1),
  label: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  features: /* @__PURE__ */ z.object({
    numeric: /* @__PURE__ */ z.array(featureJson),
    categorical: /* @__PURE__ */ z.array(featureJson),
  }),
  coefficients: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      term: /* @__PURE__ */ z.string(),
      kind: /* @__PURE__ */ oneOf(["intercept", "numeric", "categorical"]),
      standardizedEstimate: /* @__PURE__ */ z.number(),
    }),
  ),
  numericEncodings: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      name: /* @__PURE__ */ z.string(),
      mean: /* @__PURE__ */ z.number(),
      standardDeviation: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.positive()),
    }),
  ),
  categoricalEncodings: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      name: /* @__PURE__ */ z.string(),
      levels: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
      reference: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
    }),
  ),
  levelShares: /* @__PURE__ */ z.array(/* @__PURE__ */ z.array(/* @__PURE__ */ z.number())),
  convergence: /* @__PURE__ */ z.object({}),
  training: /* @__PURE__ */ z.object({}),
  options: /* @__PURE__ */ z.object({
    missing: /* @__PURE__ */ oneOf(["error", "impute"]),
    unseenCategory: /* @__PURE__ */ oneOf(["reference", "error"]),
  }),
  calibration: /* @__PURE__ */ z.nullable(
    /* @__PURE__ */ z.union([
      /* @__PURE__ */ z.object({
        method: /* @__PURE__ */ z.literal("platt"),
        a: /* @__PURE__ */ z.number(),
        b: /* @__PURE__ */ z.number(),
      }),
      /* @__PURE__ */ z.object({
        method: /* @__PURE__ */ z.literal("isotonic"),
        x: /* @__PURE__ */ z.array(/* @__PURE__ */ z.number()).check(/* @__PURE__ */ lengthAtLeast(1)),
        y: /* @__PURE__ */ z.array(/* @__PURE__ */ z.number()).check(/* @__PURE__ */ lengthAtLeast(1)),
      }),
    ]),
  ),
});

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
  const parsed = parseOptions(FUNCTION_NAME, optionsSchema, options);
  const checked = jsonSchema.safeParse(json);
  if (!checked.success) {
    throw new InvalidOptionsError(
      FUNCTION_NAME,
      checked.error.issues.map((issue) => ({
        path: ["json", ...issue.path.map(String)].join("."),
        message: `${issue.message}; expected the object model.toJSON() returned`,
      })),
    );
  }
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
    const value = parsed.accessors[feature.name] as ((record: T, index: number) => unknown) | undefined;
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
  const label = (parsed.label ?? json.label) as Field<T> | null;
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
