/**
 * The check of a saved churn model (restoreChurnModel's `json`) for shape: plain checks of the nested
 * objects and arrays `toJSON` writes, where a zod schema (its object, array, union and literal types)
 * would be a third of restoreChurnModel's bundle. The parts checked, their order and the paths of their
 * problems are those of the zod schema it replaces (optionRules.test.ts compares the two on damaged
 * models); each message now says what the part should be and what was found.
 */
import { InvalidOptionsError, type OptionIssue } from "../../core/errors.js";
import { expected } from "../../core/internal/optionWords.js";
import type { ChurnModelJson } from "../trainChurnModelTypes.js";

/** Reports that the part at `path` (below `json`) is not `wanted` (in words) but `value`. */
type Report = (path: readonly string[], wanted: string, value: unknown) => void;

/** The check of one part of a saved model: reports each problem of `value`, found at `path`. */
type Part = (value: unknown, path: readonly string[], report: Report) => void;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isNumber = (value: unknown): value is number => Number.isFinite(value);

/** A part that must be `wanted` (in words): whatever `test` holds for. */
const leaf =
  (wanted: string, test: (value: unknown) => boolean): Part =>
  (value, path, report) => {
    if (!test(value)) report(path, wanted, value);
  };

/** One of `values` (`"platt"`, `1`, ...). */
const oneOf = (...values: readonly unknown[]): Part =>
  leaf(values.map((value) => JSON.stringify(value)).join(" or "), (value) => values.includes(value));

const string = leaf("a string", (value) => typeof value === "string");
const nullableString = leaf("a string or null", (value) => value === null || typeof value === "string");
const number = leaf("a finite number", isNumber);

/** An object with (at least) the parts of `shape`, checked in its order; other properties are not read. */
const object =
  (shape: Readonly<Record<string, Part>>): Part =>
  (value, path, report) => {
    if (!isObject(value)) return report(path, "an object", value);
    for (const [key, part] of Object.entries(shape)) part(value[key], [...path, key], report);
  };

/** An array whose every element is `element` (a hole in a sparse array is a missing element). */
const array =
  (element: Part): Part =>
  (value, path, report) => {
    if (!Array.isArray(value)) return report(path, "an array", value);
    for (let index = 0; index < value.length; index++)
      element(value[index], [...path, String(index)], report);
  };

const CALIBRATION =
  'null, { method: "platt", a, b } or { method: "isotonic", x, y } (x and y non-empty arrays of numbers)';

/** An array of finite numbers (Array.from reads a hole as undefined, which `every` would skip). */
const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && Array.from(value).every(isNumber);

/**
 * A calibration: null, Platt's `{ method: "platt", a, b }` or an isotonic `{ method: "isotonic", x, y }`.
 * An isotonic one whose only problem is an empty x or y has that problem reported under its name; any
 * other value is reported whole.
 */
const calibration: Part = (value, path, report) => {
  if (value === null) return;
  if (isObject(value)) {
    const { method, a, b, x, y } = value;
    if (method === "platt" && isNumber(a) && isNumber(b)) return;
    if (method === "isotonic" && isNumbers(x) && isNumbers(y)) {
      if (x.length === 0) report([...path, "x"], "a non-empty array of numbers", x);
      if (y.length === 0) report([...path, "y"], "a non-empty array of numbers", y);
      return;
    }
  }
  report(path, CALIBRATION, value);
};

const feature = object({
  name: string,
  accessor: leaf("true or false", (value) => typeof value === "boolean"),
});

/** What `toJSON` writes that restoreChurnModel reads (convergence and training: objects of any content). */
const savedModel = object({
  format: oneOf("clientele.churnModel"),
  version: oneOf(1),
  label: nullableString,
  features: object({ numeric: array(feature), categorical: array(feature) }),
  coefficients: array(
    object({
      term: string,
      kind: oneOf("intercept", "numeric", "categorical"),
      standardizedEstimate: number,
    }),
  ),
  numericEncodings: array(
    object({
      name: string,
      mean: number,
      standardDeviation: leaf("a number > 0", (value) => isNumber(value) && value > 0),
    }),
  ),
  categoricalEncodings: array(object({ name: string, levels: array(string), reference: nullableString })),
  levelShares: array(array(number)),
  convergence: object({}),
  training: object({}),
  options: object({ missing: oneOf("error", "impute"), unseenCategory: oneOf("reference", "error") }),
  calibration,
});

/**
 * Checks that `json` has the shape of a saved churn model; throws an {@link InvalidOptionsError} listing
 * every problem (`json.coefficients.2.kind: expected "intercept" or "numeric" or "categorical", received
 * a string; expected the object model.toJSON() returned`).
 */
export function checkChurnModelJson(functionName: string, json: unknown): asserts json is ChurnModelJson {
  const issues: OptionIssue[] = [];
  savedModel(json, ["json"], (path, wanted, value) =>
    issues.push({
      path: path.join("."),
      message: `${expected(wanted, value)}; expected the object model.toJSON() returned`,
    }),
  );
  if (issues.length > 0) throw new InvalidOptionsError(functionName, issues);
}
