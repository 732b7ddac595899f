/*
 * Test oracle (session 8). The library checked its options with zod schemas run through this parseOptions
 * until every module moved to core's option rules (src/core/internal/optionRules.ts). It is kept here, with
 * zod as a dev dependency, as the independent implementation the option rules are compared with: each
 * module's equivalence test rebuilds its old zod schemas and checks that both give the same options or the
 * same issues on random option objects. Nothing under src/ imports it outside tests.
 */
/**
 * The library's option checks, in one place: small zod pieces that cost far less in a bundle than the zod
 * schemas they stand for (number, int, string, boolean, enum, array and record schemas each bring their
 * own code into every function that uses them), while `parseOptions` words their issues as it
 * words zod's (or with the check's own message). Each is its own export, so a bundle keeps only those
 * its function uses.
 *
 * Naming: a function ending in `Schema` returns a schema (`numberSchema(...)`, used as an option's schema
 * or wrapped: `z.optional(stringSchema())`); `wholeNumber()` and `lengthAtLeast(n)` return checks for
 * `.check(...)`; `atLeast`, `atMost` and `above0` are bounds of {@link numberSchema}; a function ending
 * in `Problem` takes a value and returns what is wrong with it (or undefined); `oneOf` is z.enum's
 * stand-in (a schema, named for what it accepts, as z.enum is). Where a check stands for a zod schema
 * (`oneOf`, `zodNumberSchema`, `wholeNumber`, `lengthAtLeast`, the type messages of `stringSchema`,
 * `booleanSchema`, `arraySchema`) it gives zod's issues or words; the others word their own messages
 * ("expected a number >= 0, received a string", "must be at least 1").
 */
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import {
  above0,
  atLeast,
  atMost,
  expected,
  kindOf,
  type NumberBound,
  nonNegativeProblem,
  preview,
} from "../../src/core/internal/optionWords.js";

export { above0, atLeast, atMost, expected, kindOf, type NumberBound, nonNegativeProblem, preview };

/** What the shared schemas and checks accept, in words, read by parseOptions' `accepts`. */
export const ACCEPTS: WeakMap<core.$ZodType, string> = /* @__PURE__ */ new WeakMap();

/** Records what a schema accepts, in words (for "required: expected ..." messages), and returns it. */
export function described<S extends core.$ZodType>(schema: S, words: string): S {
  ACCEPTS.set(schema, words);
  return schema;
}

/** Reports one issue of a custom check: `message` about `input`, at `path` below the option. */
export type OptionReport = (message: string, input: unknown, path?: PropertyKey[]) => void;

/**
 * A schema of one custom check: `check(value, report)` reports every problem of `value` (none: it
 * passes, unchanged). The base of the schemas below; a zod custom schema that every bundle reading an
 * option already carries, where zod's typed schemas would each bring their own code.
 */
export function customSchema<T>(
  check: (value: unknown, report: OptionReport) => void,
): z.ZodMiniCustom<T, T> {
  return z.custom<T>().check((payload) =>
    check(payload.value, (message, input, path) => {
      // zod reads a missing path as the option's own ([])
      payload.issues.push({ code: "custom", message, input, path: path as PropertyKey[] });
    }),
  );
}

/**
 * An option checked by one function: `problem(value)` gives the message (what is wrong and how to fix
 * it), or undefined when the value is fine. parseOptions reports the message under the option's name.
 */
export const problemSchema = <T>(problem: (value: unknown) => string | undefined): z.ZodMiniCustom<T, T> =>
  customSchema<T>((value, report) => {
    const message = problem(value);
    if (message !== undefined) report(message, value);
  });

/**
 * A finite number option in our words: a value that is not a finite number (or not a whole number when
 * `whole`) is "expected `wanted`, received ..." (or `whole`'s own message when it is a string); a number
 * out of bounds gets the message of each bound it fails.
 */
export const numberSchema = (
  wanted: string,
  bounds: readonly NumberBound[],
  whole?: true | string,
): z.ZodMiniCustom<number, number> =>
  customSchema<number>((value, report) => {
    // Number.isFinite is false for anything but a finite number
    if (!Number.isFinite(value) || (whole !== undefined && !Number.isSafeInteger(value)))
      return report(typeof whole === "string" ? whole : expected(wanted, value), value);
    for (const [test, message] of bounds) if (!test(value as number)) report(message, value);
  });

/** The bounds of {@link zodNumberSchema}, named as zod's checks: `gte` (>=), `gt` (>), `lte` (<=); `whole` for z.int. */
export interface ZodNumberBounds {
  readonly gte?: number;
  readonly gt?: number;
  readonly lte?: number;
  readonly whole?: boolean;
}

/**
 * A finite number within `bounds`, with exactly the issues, and so the words, of
 * `z.number().check(z.gte(gte), z.gt(gt), z.lte(lte))` (with {@link wholeNumber} first when `whole`):
 * "required: expected a whole number >= 1 and <= 60", "Too small: expected number to be >=1", ...
 * As one custom check it leaves zod's number schema and bound checks (~1.5 kB) out of the bundle.
 */
export function zodNumberSchema({
  gte,
  gt,
  lte,
  whole,
}: ZodNumberBounds = {}): z.ZodMiniCustom<number, number> {
  // each bound given: its value, its sign in the words, whether it is an upper one, whether it is inclusive
  const bounds = (
    [
      [gte, ">=", false, true],
      [gt, ">", false, false],
      [lte, "<=", true, true],
    ] as [number | undefined, string, boolean, boolean][]
  ).filter((entry): entry is [number, string, boolean, boolean] => entry[0] !== undefined);
  const schema = z.custom<number>().check((payload) => {
    // a finite number once the first check below has passed (Number.isFinite is false for any other value)
    const input = payload.value as number;
    const push = (code: string, issue: object): void => {
      payload.issues.push({ code, input, ...issue } as never);
    };
    const bound = (big: boolean, origin: string, value: number, inclusive = true): void =>
      push(big ? "too_big" : "too_small", { origin, inclusive, [big ? "maximum" : "minimum"]: value });
    if (!Number.isFinite(input)) return push("invalid_type", { expected: "number" });
    if (whole && !Number.isSafeInteger(input)) {
      if (!Number.isInteger(input)) return push("invalid_type", { expected: "int", format: "safeint" });
      // what wholeNumber reports (as z.int does) before the bounds are checked
      bound(input > 0, "int", Math.sign(input) * Number.MAX_SAFE_INTEGER);
    }
    for (const [value, , big, inclusive] of bounds)
      if (big ? input > value : input < value || (!inclusive && input === value))
        bound(big, "number", value, inclusive);
  });
  return described(
    schema,
    `${whole ? "a whole number" : "a number"}${bounds.map(([value, sign]) => ` ${sign} ${value}`).join(" and")}`,
  );
}

/**
 * A string option in zod's words: "expected a string, received ..." (or, missing, "required: expected a
 * string"); an empty one is an issue with `emptyMessage` when given.
 */
export const stringSchema = (emptyMessage?: string): z.ZodMiniCustom<string, string> =>
  customSchema<string>((value, report) => stringProblems(value, report, emptyMessage));

/**
 * A string of at most `maxLength` code points, with the issues of `z.string().check(z.maxLength(n))`:
 * "expected a string, received ..." (worded by `parseOptions`, so a wrapper's forms show: "expected a
 * string or null"), "Too big: expected string to have <=500 characters".
 */
export const zodStringSchema = (maxLength: number): z.ZodMiniCustom<string, string> =>
  described(
    z.custom<string>().check((payload) => {
      const input = payload.value as unknown;
      if (typeof input !== "string")
        payload.issues.push({ code: "invalid_type", expected: "string", input } as never);
      else if (input.length > maxLength && [...input].length > maxLength)
        payload.issues.push({
          code: "too_big",
          origin: "string",
          maximum: maxLength,
          inclusive: true,
          input,
        } as never);
    }),
    "a string",
  );

/** Reports a value that is not a string (or is empty, with `emptyMessage`), at `path`. */
const stringProblems = (
  value: unknown,
  report: OptionReport,
  emptyMessage?: string,
  path?: PropertyKey[],
): void => {
  if (typeof value !== "string") report(expected("a string", value), value, path);
  else if (emptyMessage !== undefined && value === "") report(emptyMessage, value, path);
};

/** A true/false option: "expected true or false, received ...". */
export const booleanSchema = (): z.ZodMiniCustom<boolean, boolean> =>
  customSchema<boolean>((value, report) => {
    if (typeof value !== "boolean") report(expected("true or false", value), value);
  });

/**
 * An array option: not an array is "expected an array, received ..."; `element` returns the message of
 * an element that fails (an issue at its index); fewer than `minLength` elements is zod's
 * "Too small: expected array to have >=`minLength` items".
 */
export const arraySchema = <E>(
  minLength = 0,
  element?: (value: unknown) => string | undefined,
): z.ZodMiniCustom<E[], E[]> =>
  customSchema<E[]>((value, report) => {
    if (!Array.isArray(value)) return report(expected("an array", value), value);
    if (element !== undefined)
      value.forEach((item, index) => {
        const message = element(item);
        if (message !== undefined) report(message, item, [index]);
      });
    if (value.length < minLength) report(`Too small: expected array to have >=${minLength} items`, value);
  });

/**
 * A list of strings; each element that is not a string (or is empty, with `emptyString`: its message) is
 * an issue of its own; an empty list is one too with `emptyList` (its message).
 */
export const stringListSchema = (
  emptyList?: string,
  emptyString?: string,
): z.ZodMiniCustom<readonly string[], readonly string[]> =>
  customSchema<readonly string[]>((value, report) => {
    if (!Array.isArray(value)) return report(expected("an array", value), value);
    if (emptyList !== undefined && value.length === 0) report(emptyList, value);
    for (let i = 0; i < value.length; i++) stringProblems(value[i], report, emptyString, [i]);
  });

/**
 * An object of functions by name; each value that is not a function is an issue of its own, whose
 * message is `"expected " + wanted`.
 */
export const functionRecordSchema = <F>(
  wanted: string,
): z.ZodMiniCustom<Readonly<Record<string, F>>, Readonly<Record<string, F>>> =>
  customSchema<Readonly<Record<string, F>>>((value, report) => {
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return report(expected("an object", value), value);
    for (const [key, entry] of Object.entries(value))
      if (typeof entry !== "function") report(`expected ${wanted}`, entry, [key]);
  });

/**
 * A whole-number check for `z.number()`, in place of `z.int()`: the same issues (a non-integer is an
 * `invalid_type` issue expecting "int"; an integer outside the safe range is too big or too small) and the
 * same words from `parseOptions`, at about a tenth of the bundle cost (z.int() brings zod's number
 * formats, ~1.4 kB minified). `z.int()` is `z.number().check(wholeNumber())`, `z.int(message)` is
 * `z.number(message).check(wholeNumber())` and `z.number().check(z.int(message))` is
 * `z.number().check(wholeNumber(message))`.
 */
export function wholeNumber(message?: string): core.$ZodCheck<number> {
  // `format` in the definition, as z.int() has it, so that `accepts` says "a whole number".
  const params = { format: "safeint", ...(message === undefined ? {} : { error: message }) };
  const check: core.$ZodCheck<number> = z.check<number>((payload) => {
    const input = payload.value;
    if (Number.isSafeInteger(input)) return;
    const big = input > 0;
    const issue = Number.isInteger(input)
      ? {
          code: big ? "too_big" : "too_small",
          [big ? "maximum" : "minimum"]: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
          note: "Integers must be within the safe integer range.",
          origin: "int",
          inclusive: true,
          continue: true,
        }
      : { code: "invalid_type", expected: "int", format: "safeint", continue: false };
    payload.issues.push({ ...issue, input, inst: check } as never);
  }, params as never);
  return check;
}

/**
 * A minimum-length check for strings and arrays, in place of `z.minLength(minimum, message)`: the same
 * issue (too small, with the array or string origin, a string's length in code points) and so the same
 * words from `parseOptions`, for about a third of z.minLength's bundle cost.
 */
export function lengthAtLeast(
  minimum: number,
  message?: string,
): core.$ZodCheck<string | readonly unknown[]> {
  const params = {
    minimum,
    // Like z.minLength, it runs after an element issue too (not only on a clean value) when there is a length.
    when: (payload: { value: unknown }) =>
      payload.value != null && (payload.value as { length?: unknown }).length !== undefined,
    ...(message === undefined ? {} : { error: message }),
  };
  const check: core.$ZodCheck<string | readonly unknown[]> = z.check<string | readonly unknown[]>(
    (payload) => {
      const input = payload.value;
      const units = input.length;
      // a string's length in code points (a surrogate pair is one), counted only where it can decide
      const length =
        typeof input === "string" && units >= minimum && units < minimum * 2 ? [...input].length : units;
      if (length >= minimum) return;
      const origin = Array.isArray(input) ? "array" : typeof input === "string" ? "string" : "unknown";
      payload.issues.push({
        origin,
        code: "too_small",
        minimum,
        inclusive: true,
        input,
        inst: check,
        continue: true,
      } as never);
    },
    params as never,
  );
  return check;
}

/**
 * One of a fixed list of values, in place of `z.enum(values)`: the same values accepted and the same words
 * from `parseOptions` ("Invalid option: expected one of \"a\"|\"b\"", "required: ..." never: a
 * missing value is an invalid option, as with z.enum), as a custom check: bundles that read a field
 * option already carry zod's custom schema, while z.enum brings ~0.8 kB of its own.
 */
export function oneOf<const T extends readonly [string | number, ...(string | number)[]]>(
  values: T,
): z.ZodMiniCustom<T[number], T[number]> {
  return described(
    z.custom<T[number]>((value) => values.includes(value as T[number]), { params: { values } }),
    `one of ${values.map((value) => JSON.stringify(value)).join(", ")}`,
  );
}

/** The parse context given to the schemas of an {@link optionsSchema}'s keys (options are parsed synchronously). */
const SYNC = { async: false } as const;

/**
 * A strict options object, in place of `z.strictObject(shape)`: the same output (the known keys only,
 * each the output of its schema, defaults applied, an optional key left out when it is absent) and the
 * same issues ("expected object" for a non-object, each key's issues below its name, "nonoptional" for a
 * missing required key, one `unrecognized_keys` issue listing the unknown keys), so the same words from
 * `parseOptions`, "did you mean" hints included: the schema's definition keeps `shape`, which
 * parseOptions reads. As one custom check it leaves zod's object schema (~4 kB with its compiled fast
 * path) out of the bundle; the keys' schemas run as they would in the object.
 */
export function optionsSchema<const S extends Readonly<Record<string, core.$ZodType>>>(
  shape: S,
  // biome-ignore lint/complexity/noBannedTypes: the strict object's extra keys, as zod's $strict types them
): z.ZodMiniCustom<core.$InferObjectOutput<S, {}>, core.$InferObjectInput<S, {}>> {
  const keys = Object.keys(shape);
  const schema = z.custom<never>().check((payload) => {
    const input = payload.value as Record<string, unknown> | null;
    const issues = payload.issues as unknown[];
    if (input === null || typeof input !== "object" || Array.isArray(input))
      return void issues.push({ code: "invalid_type", expected: "object", input });
    const output: Record<string, unknown> = {};
    for (const key of keys) {
      if (key === "__proto__") continue;
      const { optin, optout } = (shape[key] as core.$ZodType)._zod;
      const present = key in input;
      const result = (shape[key] as core.$ZodType)._zod.run(
        { value: input[key], issues: [] },
        SYNC,
      ) as core.ParsePayload;
      const found = result.issues;
      // an absent optional key gives nothing (nor its issues); zod's rule for a key whose schema is optional
      if (
        !present &&
        optout === "optional" &&
        optin !== undefined &&
        (optin === "optional" || found.length > 0)
      )
        continue;
      for (const issue of found as { path?: PropertyKey[] }[]) {
        issue.path = [key, ...(issue.path ?? [])];
        issues.push(issue);
      }
      if (!present && optin === undefined) {
        if (found.length === 0)
          issues.push({ code: "invalid_type", expected: "nonoptional", input: undefined, path: [key] });
      } else if (result.value !== undefined || present || (optin === "defaulted" && optout !== "optional"))
        output[key] = result.value;
    }
    const unknown: string[] = [];
    for (const key in input) if (!keys.includes(key)) unknown.push(key);
    if (unknown.length > 0) issues.push({ code: "unrecognized_keys", keys: unknown, input, continue: true });
    payload.value = output as never;
  });
  (schema._zod.def as { shape?: S }).shape = shape;
  return described(schema, "an object") as never;
}

/** A schema whose key may be left out of an options object (what zod's types read to make the key optional). */
export type OptionalSchema<O, I> = z.ZodMiniCustom<O | undefined, I | undefined> & {
  _zod: { optin: "optional"; optout: "optional" };
};

/**
 * An optional option, in place of `z.optional(schema)` (for a `schema` without a default): undefined
 * passes as undefined, anything else is parsed by `schema`, with its issues and output; an options object
 * (z.strictObject, {@link optionsSchema}) leaves the key out when absent, as with z.optional. parseOptions
 * words it as z.optional (what `schema` accepts). As one custom check it leaves zod's optional schema
 * (~1.2 kB) out of the bundle.
 */
export function optionalSchema<S extends core.$ZodType>(
  schema: S,
): OptionalSchema<core.output<S>, core.input<S>> {
  const optional = z.custom<never>().check((payload) => {
    if (payload.value === undefined) return;
    const result = schema._zod.run({ value: payload.value, issues: [] }, SYNC) as core.ParsePayload;
    payload.value = result.value as never;
    payload.issues.push(...(result.issues as never[]));
  });
  Object.assign(optional._zod, { optin: "optional", optout: "optional" });
  // parseOptions reads what an optional option accepts from the schema it wraps
  (optional._zod.def as { innerType?: S }).innerType = schema;
  return optional as never;
}
