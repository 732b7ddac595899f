/**
 * Validation of the PLS model options and their translation to the
 * index-based {@link PlsSpec} of the kernel.
 */

import * as z from "zod/mini";
import { InvalidOptionsError, type OptionIssue } from "../../core/index.js";
import { parseOptions } from "../../core/options.js";
import { type PlsSpec, SCHEME_CENTROID, SCHEME_FACTORIAL, SCHEME_PATH } from "./plsCore.js";

const finite = z.number().check(z.refine(Number.isFinite, "must be finite"));

/** Options of plsPathModel: strict, so a misspelt option (`schema` for `scheme`) is an error, not a default. */
export const plsOptionsSchema = z.strictObject({
  blocks: z.record(
    z.string().check(z.minLength(1, "construct names must be non-empty")),
    z
      .array(z.string().check(z.minLength(1, "indicator names must be non-empty")))
      .check(z.minLength(1, "a block needs at least one indicator")),
  ),
  paths: z
    .array(z.strictObject({ from: z.string().check(z.minLength(1)), to: z.string().check(z.minLength(1)) }))
    .check(z.minLength(1, "a structural model needs at least one path")),
  scheme: z._default(z.enum(["path", "factorial", "centroid"]), "path"),
  mode: z._default(z.record(z.string(), z.enum(["A", "B"])), {}),
  scale: z.optional(
    z
      .strictObject({ min: finite, max: finite })
      .check(z.refine((scale) => scale.max > scale.min, "scale.max must be greater than scale.min")),
  ),
  maxIterations: z._default(z.int().check(z.minimum(1)), 300),
  tolerance: z._default(z.number().check(z.gt(0)), 1e-7),
  missing: z._default(z.enum(["mean", "listwise"]), "mean"),
  consistent: z._default(z.boolean(), false),
  reflective: z.optional(z.array(z.string().check(z.minLength(1)))),
  fSquaredMethod: z._default(z.enum(["scores", "reestimate"]), "scores"),
});

export type ParsedPlsOptions = z.output<typeof plsOptionsSchema>;

/** A validated model: names, kernel spec and the resolved options. */
export interface ResolvedPlsModel {
  readonly constructs: readonly string[];
  /** Indicators block by block, in construct order. */
  readonly indicators: readonly string[];
  /** Construct index of each indicator. */
  readonly indicatorConstruct: Int32Array;
  readonly paths: readonly { readonly from: string; readonly to: string }[];
  /** Construct indices of each path. */
  readonly pathIndex: readonly (readonly [number, number])[];
  /** Constructs in a topological order of the paths. */
  readonly order: readonly number[];
  readonly spec: PlsSpec;
  readonly options: ParsedPlsOptions;
  /** Constructs consistent PLS corrects (empty unless `consistent`). */
  readonly reflective: readonly string[];
}

/** Parses and checks the options; every structural problem is one issue of an {@link InvalidOptionsError}. */
export function resolvePlsModel(functionName: string, options: unknown): ResolvedPlsModel {
  const parsed = parseOptions(functionName, plsOptionsSchema, options);
  const constructs = Object.keys(parsed.blocks);
  const position = new Map(constructs.map((name, k) => [name, k]));
  const issues: OptionIssue[] = [];
  const owner = new Map<string, string>();
  for (const construct of constructs) {
    for (const indicator of parsed.blocks[construct] as string[]) {
      const previous = owner.get(indicator);
      if (previous !== undefined) {
        issues.push({
          path: `blocks.${construct}`,
          message: `indicator "${indicator}" already belongs to block "${previous}"; each indicator measures one construct`,
          received: indicator,
        });
      }
      owner.set(indicator, construct);
    }
  }
  const m = constructs.length;
  const pathIndex: [number, number][] = [];
  const seen = new Set<string>();
  parsed.paths.forEach((path, index) => {
    const from = position.get(path.from);
    const to = position.get(path.to);
    if (from === undefined) {
      issues.push({
        path: `paths.${index}.from`,
        message: `unknown construct "${path.from}"; declare it in blocks`,
        received: path.from,
      });
    }
    if (to === undefined) {
      issues.push({
        path: `paths.${index}.to`,
        message: `unknown construct "${path.to}"; declare it in blocks`,
        received: path.to,
      });
    }
    if (from === undefined || to === undefined) return;
    if (from === to) {
      issues.push({
        path: `paths.${index}`,
        message: `a construct cannot have a path to itself ("${path.from}")`,
        received: path,
      });
      return;
    }
    const key = `${from}>${to}`;
    if (seen.has(key)) {
      issues.push({
        path: `paths.${index}`,
        message: `duplicate path ${path.from} -> ${path.to}`,
        received: path,
      });
      return;
    }
    seen.add(key);
    pathIndex.push([from, to]);
  });
  if (parsed.reflective !== undefined) {
    if (!parsed.consistent && parsed.reflective.length > 0) {
      issues.push({
        path: "reflective",
        message: "reflective names the common factors of consistent PLS; set consistent: true or drop it",
        received: parsed.reflective,
      });
    }
    parsed.reflective.forEach((name, index) => {
      if (!position.has(name)) {
        issues.push({
          path: `reflective.${index}`,
          message: `unknown construct "${name}"; declare it in blocks`,
          received: name,
        });
      } else if (parsed.mode[name] === "B") {
        issues.push({
          path: `reflective.${index}`,
          message: `construct "${name}" is mode B (a composite); consistent PLS corrects mode A blocks only`,
          received: name,
        });
      }
    });
  }
  for (const name of Object.keys(parsed.mode)) {
    if (!position.has(name)) {
      issues.push({
        path: `mode.${name}`,
        message: `unknown construct "${name}"; declare it in blocks`,
        received: name,
      });
    }
  }
  const degree = new Int32Array(m);
  for (const [from, to] of pathIndex) {
    degree[from] = (degree[from] as number) + 1;
    degree[to] = (degree[to] as number) + 1;
  }
  if (issues.length === 0) {
    constructs.forEach((name, k) => {
      if (degree[k] === 0) {
        issues.push({
          path: `blocks.${name}`,
          message: `construct "${name}" has no path; connect it in paths or remove its block`,
          received: name,
        });
      }
    });
  }
  const predecessors: number[][] = constructs.map(() => []);
  const successors: number[][] = constructs.map(() => []);
  for (const [from, to] of pathIndex) {
    (successors[from] as number[]).push(to);
    (predecessors[to] as number[]).push(from);
  }
  // Kahn's topological sort: what is left over lies on a cycle.
  const order: number[] = [];
  const indegree = Int32Array.from(predecessors.map((list) => list.length));
  const queue: number[] = [];
  for (let k = 0; k < m; k++) if (indegree[k] === 0) queue.push(k);
  while (queue.length > 0) {
    const k = queue.shift() as number;
    order.push(k);
    for (const next of successors[k] as number[]) {
      indegree[next] = (indegree[next] as number) - 1;
      if (indegree[next] === 0) queue.push(next);
    }
  }
  if (issues.length === 0 && order.length < m) {
    const cyclic = constructs.filter((_, k) => (indegree[k] as number) > 0);
    issues.push({
      path: "paths",
      message: `the paths contain a cycle through ${cyclic.join(", ")}; PLS path models must be recursive (acyclic)`,
    });
  }
  if (issues.length > 0) throw new InvalidOptionsError(functionName, issues);

  const indicators: string[] = [];
  const blockStart = new Int32Array(m + 1);
  const indicatorConstruct: number[] = [];
  constructs.forEach((name, k) => {
    blockStart[k] = indicators.length;
    for (const indicator of parsed.blocks[name] as string[]) {
      indicators.push(indicator);
      indicatorConstruct.push(k);
    }
  });
  blockStart[m] = indicators.length;
  const modeB = new Uint8Array(m);
  constructs.forEach((name, k) => {
    if (parsed.mode[name] === "B") modeB[k] = 1;
  });
  // Consistent PLS treats the listed blocks, by default every mode A block, as common factors (mode B
  // blocks and unlisted mode A blocks stay composites).
  const listed = parsed.reflective === undefined ? undefined : new Set(parsed.reflective);
  const reflective = parsed.consistent
    ? Uint8Array.from(constructs, (name, k) => (modeB[k] === 0 && (listed?.has(name) ?? true) ? 1 : 0))
    : undefined;
  const scheme =
    parsed.scheme === "path"
      ? SCHEME_PATH
      : parsed.scheme === "factorial"
        ? SCHEME_FACTORIAL
        : SCHEME_CENTROID;
  const spec: PlsSpec = {
    indicatorCount: indicators.length,
    constructCount: m,
    blockStart,
    modeB,
    ...(reflective === undefined ? {} : { reflective }),
    predecessors: predecessors.map((list) => Int32Array.from(list)),
    successors: successors.map((list) => Int32Array.from(list)),
    scheme,
    maxIterations: parsed.maxIterations,
    tolerance: parsed.tolerance,
  };
  return {
    constructs,
    indicators,
    indicatorConstruct: Int32Array.from(indicatorConstruct),
    paths: parsed.paths.map((path) => ({ from: path.from, to: path.to })),
    pathIndex,
    order,
    spec,
    options: parsed,
    reflective: constructs.filter((_, k) => reflective?.[k] === 1),
  };
}
