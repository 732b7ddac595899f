/**
 * Option checks of clientele/segment: one custom zod check each (core's `problemSchema`, here named
 * `checked`), in place of unions of zod schemas (records, arrays, strings, literals, integer formats,
 * bounds), with segment's words, which name the option in the message ("k must be at least 1").
 *
 * Why: each zod schema kind an option uses is bundled with every function that takes it; the unions
 * of `fields`, `transforms`, `init` and `workers` and the whole-number checks brought about 8 kB of
 * zod into `kMeans` alone that the library's other functions do not need. A custom check validates
 * the same values and, as a bonus, says which part is wrong ("unknown transform \"bogus\"") where a
 * failed union could only list the forms it accepts. Every check runs once per call, at the boundary.
 * `wholeNumber` and `oneOf` here are schemas in segment's words, not core's check and z.enum stand-in of
 * the same names (kept for their callers).
 */
import * as z from "zod/mini";
import type { Field } from "../../core/index.js";
import { described, problemSchema } from "../../core/internal/optionChecks.js";

export { problemSchema as checked } from "../../core/internal/optionChecks.js";

/**
 * The `seed` option: a finite number, with the issues and words of core's `seedSchema` (zod's number
 * schema: "expected a finite number, received ..."), as one custom check that leaves zod's number
 * schema out of segment's bundles.
 */
export const seedOption = /* @__PURE__ */ described(
  /* @__PURE__ */ z.custom<number>().check((payload) => {
    const input = payload.value;
    if (!Number.isFinite(input))
      payload.issues.push({ code: "invalid_type", expected: "number", input } as never);
  }),
  "a finite number",
);

/** A whole number (a safe integer) of at least `min`: "`name` must be a whole number" / "... at least `min`". */
export function wholeNumber(name: string, min: number): z.ZodMiniType<number, number> {
  return problemSchema<number>((value) => {
    if (typeof value !== "number")
      return `${value === undefined ? "required: " : ""}expected a whole number >= ${min}`;
    if (!Number.isSafeInteger(value)) return `${name} must be a whole number`;
    return value < min ? `${name} must be at least ${min}` : undefined;
  });
}

/** A finite number of at least 0: "expected a number >= 0" / "`name` must be >= 0" / "`name` must be finite". */
export function nonNegative(name: string): z.ZodMiniType<number, number> {
  return problemSchema<number>((value) => {
    if (typeof value !== "number" || Number.isNaN(value)) return "expected a number >= 0";
    if (value < 0) return `${name} must be >= 0`;
    return Number.isFinite(value) ? undefined : `${name} must be finite`;
  });
}

/** One of a few strings: `expected "a" or "b"`. */
export function oneOf<const V extends string>(values: readonly V[]): z.ZodMiniType<V, V> {
  const words = values.map((value) => JSON.stringify(value));
  const listed = `expected ${words.slice(0, -1).join(", ")}${values.length > 1 ? " or " : ""}${words.at(-1)}`;
  return problemSchema<V>((value) => (values.includes(value as V) ? undefined : listed));
}

/** A field: a property name (a non-empty string) or an accessor function. */
const isField = (value: unknown): boolean =>
  (typeof value === "string" && value.length > 0) || typeof value === "function";

/**
 * What is wrong with a list of fields: an array of property names or an object of
 * `{ name: property name or accessor }`, with at least one field unless `allowEmpty`.
 */
export function fieldListProblem(value: unknown, allowEmpty = false): string | undefined {
  const forms =
    "an array of property names or an object of { name: property name or accessor (record, index) => value }";
  if (value === null || typeof value !== "object") return `expected ${forms}`;
  const entries = Array.isArray(value)
    ? value.map((field, i) => [String(i), field] as const)
    : Object.entries(value);
  if (entries.length === 0 && !allowEmpty) return "name at least one field";
  const bad = entries.find(([, field]) =>
    Array.isArray(value) ? typeof field !== "string" || field === "" : !isField(field),
  );
  if (bad === undefined) return undefined;
  return Array.isArray(value)
    ? `entry ${bad[0]} is not a property name (a non-empty string); expected ${forms}`
    : `"${bad[0]}" is neither a property name (a non-empty string) nor an accessor function`;
}

/** A list of numeric or categorical fields that may be empty (kPrototypes, segmentProfiles): see {@link fieldListProblem}. */
export const possiblyEmptyFieldList = /* @__PURE__ */ problemSchema<
  readonly string[] | Readonly<Record<string, Field<unknown>>>
>((value) => fieldListProblem(value, true));
