/*
 * Test oracle (session 8). The library checked its options with zod schemas run through this parseOptions
 * until every module moved to core's option rules (src/core/internal/optionRules.ts). It is kept here, with
 * zod as a dev dependency, as the independent implementation the option rules are compared with: each
 * module's equivalence test rebuilds its old zod schemas and checks that both give the same options or the
 * same issues on random option objects. Nothing under src/ imports it outside tests.
 */
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { InvalidOptionsError, type OptionIssue } from "../../src/core/errors.js";
import { unknownOptionMessage } from "../../src/core/internal/closestName.js";
import { ACCEPTS, described, kindOf, preview } from "./optionChecks.js";

// The option checks (cheaper stand-ins for zod schemas) live in ./optionChecks.ts; some are re-exported here.
export { kindOf, lengthAtLeast, oneOf, wholeNumber } from "./optionChecks.js";

/**
 * Validates an options object against a zod schema once, at the public
 * boundary, and returns the parsed value (defaults applied). Every problem is
 * reported in one {@link InvalidOptionsError}. Zod types never reach public
 * signatures: callers declare a plain TypeScript options interface and use the
 * schema only here. `null` and `undefined` options mean `{}`. An unknown key (strict
 * schemas) is one issue per key, with the closest valid name ("did you mean") or the
 * valid names. `pathPrefix` names where a nested options object sits (e.g. `"evidence"`).
 *
 * @throws InvalidOptionsError listing every issue; also when `functionName` is not a string or `schema` not a zod schema
 *
 * @example
 * ```ts
 * import { z } from "zod/mini";
 * const schema = z.object({ k: z.int().check(z.minimum(1)) });
 * parseOptions("kMeans", schema, { k: 0 });
 * // throws InvalidOptionsError: kMeans: invalid options
 * //   - k: Too small: expected number to be >=1 (received 0)
 * ```
 */
export function parseOptions<S extends core.$ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
  pathPrefix = "",
): core.output<S> {
  const badName = typeof functionName !== "string";
  if (badName || typeof (schema as { _zod?: unknown } | null)?._zod !== "object") {
    throw new InvalidOptionsError("parseOptions", [
      badName
        ? {
            path: "functionName",
            message: "expected the name of the calling function",
            received: functionName,
          }
        : { path: "schema", message: "expected a zod schema", received: schema },
    ]);
  }
  // The English messages are passed per parse (not set globally with z.config), so importing the library
  // changes nothing in a caller's own zod setup and bundlers may drop what a function does not use.
  const result = z.safeParse(schema, options ?? {}, { reportInput: true, error: englishMessages });
  if (result.success) return result.data;
  const issues: OptionIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const at = pathPrefix === "" ? path : [pathPrefix, ...path];
    const received = (issue as { input?: unknown }).input;
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, with the closest valid name ("did you mean") or the valid names.
      const known = objectKeysAt(schema, path);
      for (const key of issue.keys) {
        issues.push({
          path: [...at, key].join("."),
          message: unknownOptionMessage(key, known),
          // zod raises this issue on objects only
          received: (received as Record<string, unknown> | undefined)?.[key],
        });
      }
      continue;
    }
    issues.push({
      path: at.length === 0 ? "options" : at.join("."),
      message: `${howToFix(schema, issue, path, received)}${
        received === undefined || typeof received === "function" ? "" : ` (received ${preview(received)})`
      }`,
      received,
    });
  }
  throw new InvalidOptionsError(functionName, issues);
}

/** Units of the sized origins in zod's size messages ("expected array to have >=1 items"). */
const UNITS: Record<string, string> = {
  string: "characters",
  file: "bytes",
  array: "items",
  set: "items",
  map: "entries",
};

const literal = (value: unknown): string =>
  typeof value === "bigint" ? `${value}n` : typeof value === "string" ? `"${value}"` : String(value);

/** Zod's words for a value that is none of `values` (z.enum, z.literal and oneOf issues). */
const noneOf = (values: readonly unknown[]): string =>
  values.length === 1
    ? `Invalid input: expected ${literal(values[0])}`
    : `Invalid option: expected one of ${values.map(literal).join("|")}`;

/** A message without zod's generic "Invalid input: " lead. */
const unled = (message: string): string => message.replace(/^Invalid input: /, "");

/**
 * Zod's English messages, worded as its `en` locale words them, for the issues whose message reaches
 * {@link howToFix} (type and union issues are worded there; unknown keys in {@link parseOptions}).
 * Ours rather than the locale module: a few hundred bytes instead of the locale's tables of string formats.
 */
function englishMessages(issue: core.$ZodRawIssue): string {
  const raw = issue as unknown as Record<string, unknown> & { code?: string; origin?: string };
  const code = raw.code;
  if (code === "invalid_value") return noneOf(raw.values as readonly unknown[]);
  if (code === "too_big" || code === "too_small") {
    const big = code === "too_big";
    const unit = UNITS[raw.origin ?? ""];
    const bound = `${raw.exact ? "exactly " : `${big ? "<" : ">"}${raw.inclusive ? "=" : ""}`}${big ? raw.maximum : raw.minimum}`;
    return `Too ${big ? "big" : "small"}: expected ${raw.origin ?? "value"} to ${unit === undefined ? `be ${bound}` : `have ${bound} ${unit}`}`;
  }
  // The library's schemas use no string format other than a pattern (z.regex).
  if (code === "invalid_format")
    return raw.format === "regex"
      ? `Invalid string: must match pattern ${raw.pattern}`
      : `Invalid ${raw.format}`;
  // invalid_key and invalid_element come from records with checked keys, maps and sets, which the
  // library's schemas do not use: they get the generic message (the issue's path still names the option).
  return code === "not_multiple_of"
    ? `Invalid number: must be a multiple of ${raw.divisor}`
    : "Invalid input";
}

/**
 * The message of one issue (at `path` below the options), worded to say how to fix it: a missing option
 * says it is required and what it accepts; a value that matches none of an option's forms lists the forms;
 * a non-object options argument says so. Other messages are zod's English ones without the "Invalid input: " lead.
 */
function howToFix(
  schema: core.$ZodType,
  issue: core.$ZodIssue,
  path: readonly string[],
  received: unknown,
): string {
  const { code, message } = issue;
  if (path.length === 0 && code === "invalid_type" && issue.expected === "object") {
    return `expected an options object ({ name: value, ... }), received ${kindOf(received)}`;
  }
  // A value matching none of an option's forms: a union's issue, or that of a custom check standing for one
  // (dateSchema: one check costs far less in a bundle than a union of three schemas).
  const params =
    code === "custom" ? (issue.params as { forms?: unknown; values?: unknown } | undefined) : undefined;
  const forms = code === "invalid_union" || params?.forms === true;
  // A schema's own message (z.int("expected a whole number of months"), a union's `error`) says more
  // than the generic one; the generic messages of these codes all start with "Invalid input".
  const own = !message.startsWith("Invalid input");
  if (code === "invalid_type" || forms) {
    if (received !== undefined && own) return message;
    // the schema at the issue's path, through wrappers and containers (in a union, the first that has it)
    const found = schemasAt(schema, path, false)[0];
    const wanted = found === undefined ? "a valid value" : accepts(found);
    if (received === undefined) return `required: expected ${wanted}`;
    return forms ? `expected ${wanted}` : `expected ${wanted}, received ${kindOf(received)}`;
  }
  // oneOf's check words its issue as z.enum's (Invalid option: expected one of "a"|"b").
  const values = params?.values;
  return unled(Array.isArray(values) && !own ? noneOf(values) : message);
}

/** The schema of the property, element or value `key` of an object, array, tuple or record definition. */
function childOf(def: SchemaDef, key: string): core.$ZodType | undefined {
  const type = def.type;
  // a catch-all object (a map written as z.object({}) with a catchall) gives every key its value schema;
  // a strict object's catch-all is z.never(), which describes nothing
  // optionsSchema keeps its shape in its (custom) definition
  if (type === "object" || def.shape !== undefined)
    return (
      def.shape?.[key] ??
      (def.catchall === undefined || defOf(def.catchall).type === "never" ? undefined : def.catchall)
    );
  return type === "array"
    ? def.element
    : type === "tuple"
      ? def.items?.[Number(key)]
      : type === "record"
        ? def.valueType
        : undefined;
}

/** What the schema types without parameters accept, in words. */
const SIMPLE: Record<string, string> = {
  string: "a string",
  boolean: "true or false",
  date: "a Date",
  array: "an array",
  object: "an object",
  record: "an object",
  function: "a function",
};

/** What a schema accepts, in words: "a whole number >= 1", "one of \"a\", \"b\"", "a Date or a string". */
function accepts(schema: core.$ZodType): string {
  const named = ACCEPTS.get(schema);
  if (named !== undefined) return named;
  const def = defOf(schema);
  const type = def.type;
  // optional, default, prefault, readonly, nonoptional, catch and pipe accept what they wrap; nullable, or null
  const inner = innerOf(def);
  if (inner !== undefined) return `${accepts(inner)}${type === "nullable" ? " or null" : ""}`;
  if (type === "number") {
    const checks = (def.checks ?? []).map((check) => defOf(check as core.$ZodType) as unknown as NumberCheck);
    const whole = [def, ...checks].some(({ format }) => format === "safeint" || format === "int32");
    // " >= 1", " < 5": each bound a check gives
    const bounds = checks.flatMap(({ check, value, inclusive }) =>
      typeof value !== "number" || (check !== "greater_than" && check !== "less_than")
        ? []
        : [` ${check === "greater_than" ? ">" : "<"}${inclusive ? "=" : ""} ${value}`],
    );
    return `${whole ? "a whole number" : "a number"}${bounds.join(" and")}`;
  }
  if (type === "enum")
    return `one of ${Object.values(def.entries ?? {})
      .map(json)
      .join(", ")}`;
  if (type === "literal") return (def.values ?? []).map(json).join(" or ");
  if (type === "union") return (def.options ?? []).map(accepts).join(" or ");
  if (type === "tuple") return `an array of ${def.items?.length ?? 0} values`;
  return SIMPLE[type] ?? "a valid value";
}

const json = (value: unknown): string => JSON.stringify(value);

/** The fields of a number check's definition (or a number schema's) that {@link accepts} reads. */
interface NumberCheck {
  readonly check?: string;
  readonly format?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
}

/** Zod definition fields read to walk a schema (zod 4's public `def`). */
interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, core.$ZodType>;
  readonly innerType?: core.$ZodType;
  readonly in?: core.$ZodType;
  readonly options?: readonly core.$ZodType[];
  readonly element?: core.$ZodType;
  readonly items?: readonly core.$ZodType[];
  readonly valueType?: core.$ZodType;
  readonly catchall?: core.$ZodType;
  readonly entries?: Record<string, unknown>;
  readonly format?: string;
  readonly checks?: readonly unknown[];
  readonly values?: readonly unknown[];
}

const defOf = (schema: core.$ZodType): SchemaDef =>
  (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** The schema a wrapper (optional, default, nullable, ...) or a pipe's input wraps. */
const innerOf = (def: SchemaDef): core.$ZodType | undefined =>
  def.innerType ?? (def.type === "pipe" ? def.in : undefined);

/**
 * The schemas reachable at `path` (unions may give several), unwrapped; with `all` false, the first of them
 * is the schema found at the end of the path as it is (a wrapper says more: "... or null").
 */
function schemasAt(schema: core.$ZodType, path: readonly string[], all = true): core.$ZodType[] {
  if (!all && path.length === 0) return [schema];
  const def = defOf(schema);
  const inner = innerOf(def);
  if (inner !== undefined) return schemasAt(inner, path, all);
  if (def.type === "union") return (def.options ?? []).flatMap((option) => schemasAt(option, path, all));
  if (path.length === 0) return [schema];
  const next = childOf(def, path[0] as string);
  return next === undefined ? [] : schemasAt(next, path.slice(1), all);
}

/** The property names an object schema at `path` accepts (empty when unknown). */
const objectKeysAt = (schema: core.$ZodType, path: readonly string[]): string[] => [
  ...new Set(
    schemasAt(schema, path).flatMap((found) => {
      const def = defOf(found);
      return def.type === "object" || def.shape !== undefined ? Object.keys(def.shape ?? {}) : [];
    }),
  ),
];

// The shared schemas are built by calls marked pure, so a bundle that imports parseOptions without them
// leaves them (and the zod pieces only they use: custom, refine) out.

/** Schema of a key-or-accessor field option: a non-empty property name or a function. */
export const fieldSchema = /* @__PURE__ */ described(
  /* @__PURE__ */ z.custom<string | ((record: never, index: number) => unknown)>(
    (value) => (typeof value === "string" && value.length > 0) || typeof value === "function",
    { message: "expected a property name or an accessor function" },
  ),
  "a property name or an accessor function (record, index) => value",
);

/**
 * Schema of a `seed` option: a finite number (reduced to 32 bits). zod's number schema refuses NaN and
 * the infinities itself ("expected a finite number, received a number"), so it needs no check of its own.
 */
export const seedSchema = /* @__PURE__ */ described(/* @__PURE__ */ z.number(), "a finite number");

/** Schema of an `onProgress` callback. */
export const progressSchema = /* @__PURE__ */ described(
  /* @__PURE__ */ z.custom<(event: never) => void>((value) => typeof value === "function", {
    message: "onProgress must be a function",
  }),
  "a function",
);

/**
 * Schema of a date option: a valid Date, a string (an ISO date, checked again by parseDateValue) or finite
 * epoch ms. What `z.union([z.date(), z.string(), z.number()])` accepts, as one custom check whose issue
 * {@link howToFix} words as that union's: about 2 kB less in every bundle that takes a date option.
 */
export const dateSchema = /* @__PURE__ */ described(
  /* @__PURE__ */ z.custom<Date | string | number>(
    (value) =>
      typeof value === "string" ||
      (typeof value === "number" && Number.isFinite(value)) ||
      (value instanceof Date && !Number.isNaN(value.getTime())),
    { params: { forms: true } },
  ),
  "a Date, an ISO date string (YYYY-MM-DD) or epoch milliseconds",
);

/** Schema of a fraction in (0, 1]. */
export const fractionSchema = /* @__PURE__ */ described(
  /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.gt(0, "must be greater than 0"), /* @__PURE__ */ z.lte(1, "must be at most 1")),
  "a number in (0, 1]",
);
