/** Options parsing of the churn models, which read their inputs from `fields` (formerly `features`). */
import type * as core from "zod/v4/core";
import { InvalidOptionsError } from "../../core/index.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import { expected } from "../../core/internal/optionChecks.js";
import {
  checkOptions,
  type OptionRule,
  type OptionShape,
  type OptionValues,
} from "../../core/internal/optionRules.js";
import { parseOptions } from "../../core/options.js";
import type { FeatureSpec } from "./featureSpec.js";

/**
 * {@link parseOptions}, where an unknown top-level `features` (the option's former name, too far from
 * `fields` for the usual spelling hint) gets the usual unknown-option issue pointing to `fields`.
 */
export function parseFieldsOptions<S extends core.$ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
): core.output<S> {
  try {
    return parseOptions(functionName, schema, options);
  } catch (error) {
    throw pointFeaturesToFields(error);
  }
}

/**
 * {@link checkOptions} (option rules, no zod in the bundle), with the `features` hint of
 * {@link parseFieldsOptions}.
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
 * (`fields.numeric.1.value`), in the words of the Cox model's `featureListSchema`.
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
