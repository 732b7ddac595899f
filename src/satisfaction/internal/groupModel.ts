/** The model argument of plsPredict, micom, plsMultigroup and plsImportancePerformance. */
import type { PlsPathModelOptions, PlsPathModelResult } from "../plsPathModel.js";
import { type ResolvedPlsModel, resolvePlsModel } from "./plsSpec.js";

/**
 * The model argument of {@link plsPredict}, {@link micom}, {@link plsMultigroup} and
 * {@link plsImportancePerformance}: a model specification (the options of {@link plsPathModel}),
 * or a {@link plsPathModel} result, whose resolved options are reused.
 *
 * @example
 * ```ts
 * import { ECSI_MODEL, type PlsModelInput } from "clientele/satisfaction";
 * const model: PlsModelInput = ECSI_MODEL;
 * "blocks" in model; // => true (a specification; a plsPathModel result has `constructs` and `options`)
 * ```
 */
export type PlsModelInput = PlsPathModelOptions | PlsPathModelResult;

/** Resolves either form; a result is recognised by its `constructs` and `options` fields. */
export function resolveModelInput(functionName: string, model: PlsModelInput): ResolvedPlsModel {
  const options =
    model !== null &&
    typeof model === "object" &&
    "constructs" in model &&
    "options" in model &&
    typeof model.options === "object"
      ? model.options
      : model;
  return resolvePlsModel(functionName, options);
}
