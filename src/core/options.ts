import { z } from "zod";
import { InvalidOptionsError, type OptionIssue } from "./errors.js";

/**
 * Validates an options object against a zod schema once, at the public
 * boundary, and returns the parsed value (defaults applied). Every problem is
 * reported in one {@link InvalidOptionsError}. Zod types never reach public
 * signatures: callers declare a plain TypeScript options interface and use the
 * schema only here. `null` and `undefined` options mean `{}`.
 *
 * @throws InvalidOptionsError listing every issue; also when `functionName` is not a string or `schema` not a zod schema
 *
 * @example
 * ```ts
 * const schema = z.object({ k: z.number().int().min(1) });
 * parseOptions("kMeans", schema, { k: 0 });
 * // throws InvalidOptionsError: kMeans: invalid options
 * //   - k: Too small: expected number to be >=1 (received 0)
 * ```
 */
export function parseOptions<S extends z.ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
): z.output<S> {
  if (
    typeof functionName !== "string" ||
    typeof (schema as { safeParse?: unknown })?.safeParse !== "function"
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
  const result = schema.safeParse(options ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const issues: OptionIssue[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const received = "input" in issue ? issue.input : undefined;
    const shown =
      received === undefined || typeof received === "function" ? "" : ` (received ${preview(received)})`;
    return { path, message: `${issue.message}${shown}`, received };
  });
  throw new InvalidOptionsError(functionName, issues);
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
export const seedSchema = z.number().refine(Number.isFinite, "seed must be a finite number");

/** Schema of an `onProgress` callback. */
export const progressSchema = z.custom<(event: never) => void>((value) => typeof value === "function", {
  message: "onProgress must be a function",
});

/** Schema of a date option: Date, ISO string or epoch ms (checked again by parseDateValue). */
export const dateSchema = z.union([z.date(), z.string(), z.number()]);

/** Schema of a fraction in (0, 1]. */
export const fractionSchema = z.number().gt(0, "must be greater than 0").max(1, "must be at most 1");
