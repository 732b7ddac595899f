/**
 * The words of option messages, shared by core's option rules (optionRules.ts) and the modules' own rules:
 * how a received value is named and shown, zod's "expected ..., received ..." wording, and the bounds of a
 * number worded in our own messages. Nothing here depends on zod.
 */

/** How a received value is named in an option message ("a number", "an array", "null"); custom checks word theirs with it. */
export function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/**
 * A received value as short JSON for an option message (at most 60 characters), or as text where JSON
 * cannot show it or would write null for it (NaN, the infinities, an invalid Date).
 */
export function preview(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value instanceof Date && Number.isNaN(value.getTime())) return "Invalid Date";
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {}
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * `expected <wanted>, received <kind>`, or `required: expected <wanted>` for a missing value: the words
 * `parseOptions` gives a zod type issue, for a custom check's own message.
 */
export const expected = (wanted: string, input: unknown): string =>
  input === undefined ? `required: expected ${wanted}` : `expected ${wanted}, received ${kindOf(input)}`;

/** A bound of number option: its test and the message of a number that fails it. */
export type NumberBound = readonly [test: (value: number) => boolean, message: string];

/** At least `min` ("must be at least `min`", or `message`). */
export const atLeast = (min: number, message = `must be at least ${min}`): NumberBound => [
  (value) => value >= min,
  message,
];
/** At most `max` ("must be at most `max`", or `message`). */
export const atMost = (max: number, message = `must be at most ${max}`): NumberBound => [
  (value) => value <= max,
  message,
];
/** Greater than 0 ("must be greater than 0"). */
export const above0: NumberBound = [(value) => value > 0, "must be greater than 0"];

/** What is wrong with a value that should be a finite number >= 0, in zod's words (an {@link arraySchema} element). */
export function nonNegativeProblem(value: unknown): string | undefined {
  if (!Number.isFinite(value)) return `expected a number >= 0, received ${kindOf(value)}`;
  return (value as number) < 0 ? "Too small: expected number to be >=0" : undefined;
}
