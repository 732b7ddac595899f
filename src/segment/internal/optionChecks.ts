/**
 * Option rules of clientele/segment, for core's `checkOptions` (src/core/internal/optionRules.ts), with
 * segment's words, which name the option in the message ("k must be at least 1"), and the shared checks
 * of field lists.
 *
 * Why not zod: with the plain checks of optionRules, a segment function's bundle leaves out zod and the
 * schema walker of `parseOptions` (about 13 kB of `kMeans`' 55 kB), while the issues, paths and words stay
 * those the zod schemas gave (optionRules.test.ts here compares the two). A check of its own per option
 * also says which part is wrong ("unknown transform \"bogus\"") where a failed union could only list the
 * forms it accepts. Every check runs once per call, at the boundary. `oneOf` here words its message as
 * segment always has (`expected "a" or "b"`), not as core's z.enum stand-in of the same name.
 */
import type { Field } from "../../core/index.js";
import { custom, type OptionRule } from "../../core/internal/optionRules.js";

/** A whole number (a safe integer) of at least `min`: "`name` must be a whole number" / "... at least `min`". */
export function wholeNumber(name: string, min: number): OptionRule<number, true> {
  return custom<number>(`a whole number >= ${min}`, (value) => {
    if (typeof value !== "number")
      return `${value === undefined ? "required: " : ""}expected a whole number >= ${min}`;
    if (!Number.isSafeInteger(value)) return `${name} must be a whole number`;
    return value < min ? `${name} must be at least ${min}` : undefined;
  });
}

/** A finite number of at least 0: "expected a number >= 0" / "`name` must be >= 0" / "`name` must be finite". */
export function nonNegative(name: string): OptionRule<number, true> {
  return custom<number>("a number >= 0", (value) => {
    if (typeof value !== "number" || Number.isNaN(value)) return "expected a number >= 0";
    if (value < 0) return `${name} must be >= 0`;
    return Number.isFinite(value) ? undefined : `${name} must be finite`;
  });
}

/** One of a few strings: `expected "a" or "b"`. */
export function oneOf<const V extends string>(values: readonly V[]): OptionRule<V, true> {
  const words = values.map((value) => JSON.stringify(value));
  const listed = `${words.slice(0, -1).join(", ")}${values.length > 1 ? " or " : ""}${words.at(-1)}`;
  return custom<V>(listed, (value) => (values.includes(value as V) ? undefined : `expected ${listed}`));
}

/** A field: a property name (a non-empty string) or an accessor function. */
const isField = (value: unknown): boolean =>
  (typeof value === "string" && value.length > 0) || typeof value === "function";

/** The forms of a list of fields, in words. */
const FIELD_LIST_FORMS =
  "an array of property names or an object of { name: property name or accessor (record, index) => value }";

/**
 * What is wrong with a list of fields: an array of property names or an object of
 * `{ name: property name or accessor }`, with at least one field unless `allowEmpty`.
 */
export function fieldListProblem(value: unknown, allowEmpty = false): string | undefined {
  if (value === null || typeof value !== "object") return `expected ${FIELD_LIST_FORMS}`;
  const entries = Array.isArray(value)
    ? value.map((field, i) => [String(i), field] as const)
    : Object.entries(value);
  if (entries.length === 0 && !allowEmpty) return "name at least one field";
  const bad = entries.find(([, field]) =>
    Array.isArray(value) ? typeof field !== "string" || field === "" : !isField(field),
  );
  if (bad === undefined) return undefined;
  return Array.isArray(value)
    ? `entry ${bad[0]} is not a property name (a non-empty string); expected ${FIELD_LIST_FORMS}`
    : `"${bad[0]}" is neither a property name (a non-empty string) nor an accessor function`;
}

/** A list of fields, the forms of {@link fieldListProblem}; with `allowEmpty` (kPrototypes, segmentProfiles) it may be empty. */
export const fieldList = (
  allowEmpty = false,
): OptionRule<readonly string[] | Readonly<Record<string, Field<unknown>>>, true> =>
  custom(FIELD_LIST_FORMS, (value) => fieldListProblem(value, allowEmpty));
