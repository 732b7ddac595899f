import type * as core from "zod/v4/core";
import en from "zod/v4/locales/en.js";
import * as z from "zod/mini";
import { InvalidOptionsError, type OptionIssue } from "./errors.js";
import { closestName } from "./internal/closestName.js";

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
  if (
    typeof functionName !== "string" ||
    typeof (schema as { _zod?: unknown } | null)?._zod !== "object"
  ) {
    throw new InvalidOptionsError("parseOptions", [
      {
        path: typeof functionName !== "string" ? "functionName" : "schema",
        message:
          typeof functionName !== "string"
            ? "expected the name of the calling function"
            : "expected a zod schema",
        received: typeof functionName !== "string" ? functionName : schema,
      },
    ]);
  }
  // The English messages are passed per parse (not set globally with z.config), so importing the library
  // changes nothing in a caller's own zod setup and bundlers may drop what a function does not use.
  const result = z.safeParse(schema, options ?? {}, { reportInput: true, error: englishMessages });
  if (result.success) return result.data;
  const issues: OptionIssue[] = [];
  for (const issue of result.error.issues) {
    const at = [...(pathPrefix === "" ? [] : [pathPrefix]), ...issue.path.map(String)];
    const received = "input" in issue ? issue.input : undefined;
    if (issue.code === "unrecognized_keys") {
      // One issue per unknown key, with the closest valid name ("did you mean") or the valid names.
      const known = objectKeysAt(schema, issue.path.map(String));
      for (const key of issue.keys) {
        const nearest = closestName(key, known);
        const hint =
          nearest !== undefined
            ? `; did you mean "${nearest}"?`
            : known.length > 0
              ? ` (valid: ${known.join(", ")})`
              : "";
        issues.push({
          path: [...at, key].join("."),
          message: `unknown option "${key}"${hint}`,
          received:
            received !== null && typeof received === "object"
              ? (received as Record<string, unknown>)[key]
              : undefined,
        });
      }
      continue;
    }
    const shown =
      received === undefined || typeof received === "function" ? "" : ` (received ${preview(received)})`;
    issues.push({ path: at.join("."), message: `${issue.message}${shown}`, received });
  }
  throw new InvalidOptionsError(functionName, issues);
}

const englishMessages = en().localeError;

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
}

const defOf = (schema: core.$ZodType): SchemaDef => (schema as unknown as { def: SchemaDef }).def;

/** The schemas reachable at `path` (unions may give several). */
function schemasAt(schema: core.$ZodType, path: readonly string[]): core.$ZodType[] {
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  if (inner !== undefined) return schemasAt(inner, path);
  if (def.type === "union") return (def.options ?? []).flatMap((option) => schemasAt(option, path));
  if (path.length === 0) return [schema];
  const [head, ...rest] = path as [string, ...string[]];
  let next: core.$ZodType | undefined;
  if (def.type === "object") next = def.shape?.[head];
  else if (def.type === "array") next = def.element;
  else if (def.type === "tuple") next = def.items?.[Number(head)];
  else if (def.type === "record") next = def.valueType;
  return next === undefined ? [] : schemasAt(next, rest);
}

/** The property names an object schema at `path` accepts (empty when unknown). */
function objectKeysAt(schema: core.$ZodType, path: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const found of schemasAt(schema, path)) {
    const def = defOf(found);
    if (def.type === "object") for (const key of Object.keys(def.shape ?? {})) keys.add(key);
  }
  return [...keys];
}

function preview(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/** Schema of a key-or-accessor field option: a non-empty property name or a function. */
export const fieldSchema = z.custom<string | ((record: never, index: number) => unknown)>(
  (value) => (typeof value === "string" && value.length > 0) || typeof value === "function",
  { message: "expected a property name or an accessor function" },
);

/** Schema of a `seed` option: a finite number (reduced to 32 bits). */
export const seedSchema = z.number().check(z.refine(Number.isFinite, "seed must be a finite number"));

/** Schema of an `onProgress` callback. */
export const progressSchema = z.custom<(event: never) => void>((value) => typeof value === "function", {
  message: "onProgress must be a function",
});

/** Schema of a date option: Date, ISO string or epoch ms (checked again by parseDateValue). */
export const dateSchema = z.union([z.date(), z.string(), z.number()]);

/** Schema of a fraction in (0, 1]. */
export const fractionSchema = z.number().check(z.gt(0, "must be greater than 0"), z.lte(1, "must be at most 1"));
