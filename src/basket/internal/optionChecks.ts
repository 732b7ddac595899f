import * as z from "zod/mini";
import { kindOf } from "../../core/options.js";

/**
 * Option schemas of the basket functions written as one custom check each instead of zod's number, int,
 * enum, boolean, string, array and record schemas: the same values pass and fail with the same messages
 * (path, "expected ..., received ...", "required: expected ...", the bounds' own messages), but a bundle
 * of one function carries 3-5 kB less of zod.
 */

type Payload = { value: unknown; issues: z.core.$ZodRawIssue[] };
type Bound = readonly [test: (value: number) => boolean, message: string];

/** Adds an issue with `message` for `input`, at `path` below the option. */
const issue = (payload: Payload, message: string, input: unknown, path: PropertyKey[] = []): void => {
  payload.issues.push({ code: "custom", message, input, path });
};

/** Adds "expected `wanted`, received ..." (or "required: expected `wanted`" for a missing value). */
const fail = (payload: Payload, wanted: string, input: unknown, path?: PropertyKey[]): void =>
  issue(
    payload,
    input === undefined ? `required: expected ${wanted}` : `expected ${wanted}, received ${kindOf(input)}`,
    input,
    path,
  );

/** Checks a string (non-empty when `emptyMessage` is given, the message of an empty one). */
const checkString = (payload: Payload, value: unknown, emptyMessage?: string, path?: PropertyKey[]): void => {
  if (typeof value !== "string") fail(payload, "a string", value, path);
  else if (emptyMessage !== undefined && value === "") issue(payload, emptyMessage, value, path);
};

/** A string option (non-empty when `emptyMessage` is given: the message of an empty one). */
export const stringSchema = (emptyMessage?: string): z.ZodMiniCustom<string, string> =>
  z.custom<string>().check((payload) => checkString(payload, payload.value, emptyMessage));

/** A true/false option. */
export const booleanSchema = (): z.ZodMiniCustom<boolean, boolean> =>
  z.custom<boolean>().check((payload) => {
    if (typeof payload.value !== "boolean") fail(payload, "true or false", payload.value);
  });

/**
 * A list of names (strings); each element that is not a string (or is empty, with `emptyName`: its
 * message) is an issue of its own; an empty list is one too with `emptyList` (its message).
 */
export const itemListSchema = (
  emptyList?: string,
  emptyName?: string,
): z.ZodMiniCustom<readonly string[], readonly string[]> =>
  z.custom<readonly string[]>().check((payload) => {
    const value: unknown = payload.value;
    if (!Array.isArray(value)) return fail(payload, "an array", value);
    if (emptyList !== undefined && value.length === 0) issue(payload, emptyList, value);
    for (let i = 0; i < value.length; i++) checkString(payload, value[i], emptyName, [i]);
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
      if (typeof entry !== "function") issue(payload, `expected ${wanted}`, entry, [key]);
  });

/**
 * A finite number option, worded as zod's number schema with bound checks words it: a value that is not a
 * finite number (or not a whole number when `whole`) is "expected `wanted`, received ..." (or `whole`'s own
 * message when it is a string), a number out of bounds gets the message of each bound it fails.
 */
export const numberSchema = (
  wanted: string,
  bounds: readonly Bound[],
  whole?: true | string,
): z.ZodMiniCustom<number, number> =>
  z.custom<number>().check((payload) => {
    const value: unknown = payload.value;
    if (
      typeof value !== "number" ||
      !Number.isFinite(value) ||
      (whole !== undefined && !Number.isSafeInteger(value))
    ) {
      if (typeof whole === "string") issue(payload, whole, value);
      else fail(payload, wanted, value);
      return;
    }
    for (const [test, message] of bounds) if (!test(value)) issue(payload, message, value);
  });

/** One of `values`, worded as zod's enum schema words it. */
export const enumSchema = <const V extends readonly string[]>(
  values: V,
): z.ZodMiniCustom<V[number], V[number]> =>
  z.custom<V[number]>().check((payload) => {
    if (!values.includes(payload.value as string))
      issue(
        payload,
        `Invalid option: expected one of ${values.map((value) => `"${value}"`).join("|")}`,
        payload.value,
      );
  });

/** Bound checks of {@link numberSchema}, with their messages. */
export const atLeast = (min: number, message = `must be at least ${min}`): Bound => [
  (value) => value >= min,
  message,
];
export const atMost = (max: number, message = `must be at most ${max}`): Bound => [
  (value) => value <= max,
  message,
];
export const above0: Bound = [(value) => value > 0, "must be greater than 0"];
