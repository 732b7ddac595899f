import * as z from "zod/mini";

/**
 * Option schemas of the basket functions written as one custom check each instead of zod's string, array
 * and record schemas: the same values pass and fail with the same messages (path, "expected ..., received
 * ..."), but a bundle of one function carries about 4 kB less of zod.
 */

/** How a received value is named in a message ("a number", "an array", "null"). */
const kindOf = (value: unknown): string =>
  Array.isArray(value)
    ? "an array"
    : value === null
      ? "null"
      : typeof value === "object"
        ? "an object"
        : `a ${typeof value}`;

/** Adds the issue "expected `wanted`, received ..." for `input`, at `path` below the option. */
const fail = (
  payload: { issues: z.core.$ZodRawIssue[] },
  wanted: string,
  input: unknown,
  path: PropertyKey[] = [],
): void => {
  payload.issues.push({
    code: "custom",
    message: `expected ${wanted}, received ${kindOf(input)}`,
    input,
    path,
  });
};

/** A string option. */
export const stringSchema = (): z.ZodMiniCustom<string, string> =>
  z.custom<string>().check((payload) => {
    if (typeof payload.value !== "string") fail(payload, "a string", payload.value);
  });

/** A list of item names (strings); each element that is not a string is an issue of its own. */
export const itemListSchema = (): z.ZodMiniCustom<readonly string[], readonly string[]> =>
  z.custom<readonly string[]>().check((payload) => {
    const value: unknown = payload.value;
    if (!Array.isArray(value)) return fail(payload, "an array", value);
    for (let i = 0; i < value.length; i++)
      if (typeof value[i] !== "string") fail(payload, "a string", value[i], [i]);
  });

/**
 * An object of functions by name; each value that is not a function is an issue of its own, whose
 * message is `"expected " + wanted`.
 */
export const functionRecordSchema = <F>(
  wanted: string,
): z.ZodMiniCustom<Readonly<Record<string, F>>, Readonly<Record<string, F>>> =>
  z.custom<Readonly<Record<string, F>>>().check((payload) => {
    const value: unknown = payload.value;
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return fail(payload, "an object", value);
    for (const [key, entry] of Object.entries(value))
      if (typeof entry !== "function")
        payload.issues.push({ code: "custom", message: `expected ${wanted}`, input: entry, path: [key] });
  });

/**
 * A finite number option, worded as zod's number schema with bound checks words it: a value that is not a
 * finite number (or not a whole number when `whole`) is "expected `wanted`, received ..." (or `whole`'s own
 * message when it is a string), a number out of bounds gets the message of each bound it fails.
 */
export const numberSchema = (
  wanted: string,
  bounds: readonly (readonly [test: (value: number) => boolean, message: string])[],
  whole?: true | string,
): z.ZodMiniCustom<number, number> =>
  z.custom<number>().check((payload) => {
    const value: unknown = payload.value;
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      (whole !== undefined && !Number.isSafeInteger(value))
    ) {
      if (typeof whole === "string") payload.issues.push({ code: "custom", message: whole, input: value });
      else fail(payload, wanted, value);
      return;
    }
    for (const [test, message] of bounds)
      if (!test(value)) payload.issues.push({ code: "custom", message, input: value });
  });

/** One of `values`, worded as zod's enum schema words it. */
export const enumSchema = <const V extends readonly string[]>(
  values: V,
): z.ZodMiniCustom<V[number], V[number]> =>
  z.custom<V[number]>().check((payload) => {
    if (!values.includes(payload.value))
      payload.issues.push({
        code: "custom",
        message: `Invalid option: expected one of ${values.map((value) => `"${value}"`).join("|")}`,
        input: payload.value,
      });
  });

/** Bound checks of {@link numberSchema}, with their messages. */
export const atLeast = (min: number): readonly [(value: number) => boolean, string] => [
  (value) => value >= min,
  `must be at least ${min}`,
];
export const above0: readonly [(value: number) => boolean, string] = [
  (value) => value > 0,
  "must be greater than 0",
];
