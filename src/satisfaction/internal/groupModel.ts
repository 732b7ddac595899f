/** The model argument of plsPredict, micom, plsMultigroup and plsImportancePerformance. */
import type { PlsPathModelOptions, PlsPathModelResult } from "../plsPathModel.js";
import { type ResolvedPlsModel, resolvePlsModel } from "./plsSpec.js";

/** A model specification, or a plsPathModel result (whose resolved options are reused). */
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
