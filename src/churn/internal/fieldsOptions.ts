/**
 * Option rules of the churn models, which read their inputs from `fields` (formerly `features`):
 * trainChurnModel and coxModel.
 */
import { InvalidOptionsError } from "../../core/index.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import {
  checkOptions,
  type OptionRule,
  type OptionShape,
  type OptionValues,
} from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";
import type { FeatureSpec } from "./featureSpec.js";

/**
 * {@link checkOptions} (option rules, no zod in the bundle), where an unknown top-level `features` (the
 * option's former name, too far from `fields` for the usual spelling hint) gets the usual unknown-option
 * issue pointing to `fields`.
 */
export function checkFieldsOptions<S extends OptionShape>(
  functionName: string,
  shape: S,
  options: unknown,
): OptionValues<S> {
  try {
    return checkOptions(functionName, shape, options);
  } catch (error) {
    throw pointFeaturesToFields(error);
  }
}

/** The error, with an unknown top-level `features` pointed to `fields`. */
function pointFeaturesToFields(error: unknown): unknown {
  if (!(error instanceof InvalidOptionsError)) return error;
  return new InvalidOptionsError(
    error.functionName,
    error.issues.map((issue) =>
      issue.path === "features" && issue.message.startsWith("unknown option")
        ? { ...issue, message: 'unknown option "features"; did you mean "fields"?' }
        : issue,
    ),
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const TOO_SHORT = "Too small: expected string to have >=1 characters";

const FEATURE_KEYS = ["name", "value"];

/**
 * A list of features, as an option rule: property names (non-empty strings) or named accessors
 * `{ name, value }`. Problems are reported per element (`fields.numeric.1`) and per key of an accessor
 * (`fields.numeric.1.value`), in the words zod's array, union and object schemas gave them (or more
 * precise ones).
 */
export const featureListRule: OptionRule<readonly FeatureSpec<never>[], true> = {
  accepts: "an array",
  optional: true,
  check: (list, report) => {
    if (!Array.isArray(list)) report(undefined, list);
    else {
      list.forEach((feature: unknown, i) => {
        const at = (key?: string) => (key === undefined ? [String(i)] : [String(i), key]);
        if (feature === "") report(TOO_SHORT, feature, at());
        else if (isPlainObject(feature)) {
          const { name, value } = feature;
          if (name === "") report(TOO_SHORT, name, at("name"));
          else if (typeof name !== "string") report(expected("a non-empty string", name), name, at("name"));
          if (typeof value !== "function")
            report(expected("a function (record, index) => value", value), value, at("value"));
          for (const key of Object.keys(feature)) {
            if (!FEATURE_KEYS.includes(key))
              report(unknownOptionMessage(key, FEATURE_KEYS), undefined, at(key), true);
          }
        } else if (typeof feature !== "string") {
          report(
            expected(
              "a property name or a named accessor { name, value: (record, index) => value }",
              feature,
            ),
            feature,
            at(),
          );
        }
      });
    }
    return list as readonly FeatureSpec<never>[];
  },
};

/**
 * An object whose values are strings (coxModel's reference level per feature): "expected an object,
 * received ..." for anything else, "expected a string, received ..." under the key of each value that is not.
 */
export const stringRecordRule: OptionRule<Readonly<Record<string, string>>, true> = {
  accepts: "an object",
  optional: true,
  check: (record, report) => {
    if (!isPlainObject(record)) report(undefined, record);
    else
      for (const [key, level] of Object.entries(record))
        if (typeof level !== "string") report(expected("a string", level), level, [key]);
    return record as Readonly<Record<string, string>>;
  },
};
