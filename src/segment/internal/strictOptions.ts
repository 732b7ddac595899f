/**
 * `parseOptions` for strict schemas, with a readable issue per unknown key: its full path, the
 * value given, the closest valid name ("did you mean ...?") and the valid names. Shared by
 * clientele/segment and clientele/churn (it belongs in core's `parseOptions`; kept here until then).
 */
import type { z } from "zod";
import { InvalidOptionsError, type OptionIssue, parseOptions } from "../../core/index.js";

/**
 * Validates `options` against a schema built from strict objects (`z.strictObject` / `.strict()`)
 * exactly like `parseOptions`, except that each unknown key becomes its own issue, e.g.
 * `regularisation: unknown option; did you mean "regularization"?`, or the valid names when
 * none is close.
 */
export function parseStrictOptions<S extends z.ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
): z.output<S> {
  const result = schema.safeParse(options ?? {}, { reportInput: true });
  if (result.success) return result.data;
  let formatted: readonly OptionIssue[] = [];
  try {
    parseOptions(functionName, schema, options);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    formatted = error.issues;
    // parseOptions maps zod issues one to one; if that ever changes, keep its report as it is.
    if (formatted.length !== result.error.issues.length) throw error;
  }
  const issues: OptionIssue[] = [];
  result.error.issues.forEach((issue, index) => {
    if (issue.code !== "unrecognized_keys") {
      issues.push(formatted[index] as OptionIssue);
      return;
    }
    const at = issue.path.map(String);
    const known = objectKeysAt(schema, at);
    const input = (issue as { input?: unknown }).input;
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
        message: `unknown option${hint}`,
        received:
          input !== null && typeof input === "object" ? (input as Record<string, unknown>)[key] : undefined,
      });
    }
  });
  throw new InvalidOptionsError(functionName, issues);
}

/** Zod definition fields read to walk a schema (zod 4's public `def`). */
interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly element?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { def: SchemaDef }).def;

/** The schemas reachable at `path` (unions may give several). */
function schemasAt(schema: z.ZodType, path: readonly string[]): z.ZodType[] {
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  if (inner !== undefined) return schemasAt(inner, path);
  if (def.type === "union") return (def.options ?? []).flatMap((option) => schemasAt(option, path));
  if (path.length === 0) return [schema];
  const [head, ...rest] = path as [string, ...string[]];
  let next: z.ZodType | undefined;
  if (def.type === "object") next = def.shape?.[head];
  else if (def.type === "array") next = def.element;
  else if (def.type === "tuple") next = def.items?.[Number(head)];
  else if (def.type === "record") next = def.valueType;
  return next === undefined ? [] : schemasAt(next, rest);
}

/** The property names an object schema at `path` accepts (empty when unknown). */
export function objectKeysAt(schema: z.ZodType, path: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const found of schemasAt(schema, path)) {
    const def = defOf(found);
    if (def.type === "object") for (const key of Object.keys(def.shape ?? {})) keys.add(key);
  }
  return [...keys];
}

/**
 * The valid name closest to a misspelt one, by Levenshtein distance ignoring case (so `krange`
 * finds `kRange`), when it is close enough to be a likely typo: at most 2 edits, or a third of
 * the name's length for longer names.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions), one row of O(|b|) memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      const substitution = diagonal + (a[i - 1] === b[j - 1] ? 0 : 1);
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, substitution);
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
