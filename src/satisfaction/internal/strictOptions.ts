/**
 * Strict option parsing with "did you mean" hints, used by clientele/satisfaction
 * and clientele/crm. It belongs in core's `parseOptions` once every module wants
 * it; until then it lives here so the two modules share one copy.
 */
import type { z } from "zod";
import { InvalidOptionsError, type OptionIssue, parseOptions } from "../../core/index.js";

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d = new Int32Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1] as number;
}

/**
 * The valid name closest to `name`: at most 1 edit for names up to 4 characters, 2 up to 8, 3 beyond
 * (ties: the first in `valid`). Undefined when none is that close.
 */
export function nearestName(name: string, valid: readonly string[]): string | undefined {
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of valid) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

type AnySchema = z.ZodType;
interface Def {
  readonly type: string;
  readonly innerType?: AnySchema;
  readonly in?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly element?: AnySchema;
  readonly valueType?: AnySchema;
  readonly options?: readonly AnySchema[];
}
const defOf = (schema: AnySchema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional/default/nullable/pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(current);
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === "pipe" && def.in !== undefined) current = def.in;
    else break;
  }
  return current;
}

/** The object schemas reachable at `path` (unions give several). */
function objectsAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  let frontier = [unwrap(schema)];
  for (const segment of path) {
    const next: AnySchema[] = [];
    for (const node of frontier) {
      const def = defOf(node);
      if (def.type === "object" && def.shape !== undefined) {
        const child = def.shape[String(segment)];
        if (child !== undefined) next.push(unwrap(child));
      } else if (def.type === "array" && def.element !== undefined) next.push(unwrap(def.element));
      else if (def.type === "record" && def.valueType !== undefined) next.push(unwrap(def.valueType));
      else if (def.type === "union" && def.options !== undefined) {
        for (const option of def.options) next.push(...objectsAt(option, [segment]));
      }
    }
    frontier = next;
  }
  const objects: AnySchema[] = [];
  for (const node of frontier) {
    const def = defOf(node);
    if (def.type === "object") objects.push(node);
    else if (def.type === "union" && def.options !== undefined) {
      for (const option of def.options) objects.push(...objectsAt(option, []));
    }
  }
  return objects;
}

const join = (prefix: string, path: string) =>
  prefix === "" ? path : path === "" ? prefix : `${prefix}.${path}`;

/**
 * {@link parseOptions} for strict schemas, with a clearer report of unknown keys: each one becomes its own
 * issue at its own path (`"schema"`, `"paths.0.form"`), saying it is unknown, suggesting the nearest valid
 * name when one is within a couple of edits, and listing the valid names. Other issues are reported as
 * `parseOptions` reports them. `prefix` is prepended to every issue path (e.g. `"evidence"` when the
 * validated object is an argument other than the options).
 */
export function parseStrictOptions<S extends z.ZodType>(
  functionName: string,
  schema: S,
  options: unknown,
  prefix = "",
): z.output<S> {
  try {
    return parseOptions(functionName, schema, options);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    // Re-run the (failing) validation for the raw issues: parseOptions's issues are in the same order.
    const raw = schema.safeParse(options ?? {});
    if (raw.success || raw.error.issues.length !== error.issues.length) throw error;
    const issues: OptionIssue[] = [];
    raw.error.issues.forEach((issue, k) => {
      const reported = error.issues[k] as OptionIssue;
      if (issue.code !== "unrecognized_keys") {
        issues.push({ ...reported, path: join(prefix, reported.path) });
        return;
      }
      const valid = [
        ...new Set(objectsAt(schema, issue.path).flatMap((node) => Object.keys(defOf(node).shape ?? {}))),
      ];
      let container: unknown = options;
      for (const segment of issue.path) container = (container as Record<PropertyKey, unknown>)?.[segment];
      for (const key of issue.keys) {
        const hint = nearestName(key, valid);
        const where = join(prefix, [...issue.path.map(String), key].join("."));
        issues.push({
          path: where,
          message:
            `unknown option "${key}"` +
            (hint === undefined ? "" : `; did you mean "${hint}"?`) +
            (valid.length === 0 ? "" : ` Valid: ${valid.join(", ")}`),
          received: (container as Record<string, unknown> | undefined)?.[key],
        });
      }
    });
    throw new InvalidOptionsError(functionName, issues);
  }
}
