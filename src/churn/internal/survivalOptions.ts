/**
 * Option schemas of the Cox model's feature lists and reference levels, as single custom checks that
 * push the issues zod's array, union and record schemas would (same paths, same or more precise words):
 * those three schema types cost about 6 kB in a bundle that otherwise needs none of them.
 */
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import { customSchema, expected } from "../../core/internal/optionChecks.js";
import type { SurvivalFeature } from "./survivalData.js";

/** Reports one issue at `path` (below the option): `message`, or with `wanted`, "expected <wanted>, received <kind>". */
type Report = (path: PropertyKey[], wanted: string | undefined, value: unknown, message?: string) => void;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const TOO_SHORT = "Too small: expected string to have >=1 characters";

/** A schema accepting any value, whose check `inspect` reports each problem. */
const checked = <T>(inspect: (value: unknown, report: Report) => void) =>
  customSchema<T>((value, report) =>
    inspect(value, (path, wanted, input, message) =>
      report(message ?? expected(wanted as string, input), input, path),
    ),
  );

const FEATURE_KEYS = ["name", "value"];

/**
 * A list of features: property names (non-empty strings) or named accessors `{ name, value }`. Problems
 * are reported per element (`fields.numeric.1`) and per key of an accessor (`fields.numeric.1.value`).
 */
export const featureListSchema = /* @__PURE__ */ checked<readonly SurvivalFeature<never>[]>(
  (list, report) => {
    if (!Array.isArray(list)) return report([], "an array", list);
    list.forEach((feature: unknown, i) => {
      if (feature === "") report([i], undefined, feature, TOO_SHORT);
      else if (isPlainObject(feature)) {
        const { name, value } = feature;
        if (name === "") report([i, "name"], undefined, name, TOO_SHORT);
        else if (typeof name !== "string") report([i, "name"], "a non-empty string", name);
        if (typeof value !== "function") report([i, "value"], "a function (record, index) => value", value);
        for (const key of Object.keys(feature)) {
          if (FEATURE_KEYS.includes(key)) continue;
          report([i, key], undefined, undefined, unknownOptionMessage(key, FEATURE_KEYS));
        }
      } else if (typeof feature !== "string") {
        report([i], "a property name or a named accessor { name, value: (record, index) => value }", feature);
      }
    });
  },
);

/** An object whose values are strings (the reference level per feature), reported per key. */
export const stringRecordSchema = /* @__PURE__ */ checked<Readonly<Record<string, string>>>(
  (record, report) => {
    if (!isPlainObject(record)) return report([], "an object", record);
    for (const [key, level] of Object.entries(record)) {
      if (typeof level !== "string") report([key], "a string", level);
    }
  },
);
