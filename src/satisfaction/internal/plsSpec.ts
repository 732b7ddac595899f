/**
 * Validation of the PLS model options and their translation to the
 * index-based {@link PlsSpec} of the kernel.
 */

import { InvalidOptionsError, type OptionIssue } from "../../core/index.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import { withDefaults } from "../../core/internal/defaults.js";
import {
  checkOptions,
  flag,
  list,
  type OptionValues,
  oneOf,
  required,
} from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";
import { CONSTRUCT_NAME, checked, type ReportAt } from "./optionRules.js";
import type { PlsSpec } from "./plsCore.js";

/** The inner weighting schemes, in the order of their codes in plsCore (SCHEME_PATH, ...). */
const SCHEMES = ["path", "factorial", "centroid"] as const;

const WHOLE = "a whole number >= 1";

/** An object used as a map from names to values (not null, not an array). */
const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reports a name that is not a non-empty string (a construct name, or an indicator's with `empty`) at `path`. */
const nameProblems = (
  value: unknown,
  report: ReportAt,
  path: PropertyKey[],
  empty = CONSTRUCT_NAME,
): void => {
  if (typeof value !== "string") report(expected("a string", value), value, path);
  else if (value === "") report(empty, value, path);
};

/** Reports each key of `object` not in `valid`, as parseOptions words an unknown option ("did you mean"). */
function unknownKeys(
  object: Record<string, unknown>,
  valid: readonly string[],
  report: ReportAt,
  path: PropertyKey[],
): void {
  for (const key of Object.keys(object)) {
    if (valid.includes(key)) continue;
    report(unknownOptionMessage(key, valid), object[key], [...path, key]);
  }
}

// The structured options (blocks, paths, mode, scale) are checks of their own that report each problem at
// its own path (blocks.Image.1, paths.0.to) rather than zod's array, string, boolean, tuple and catch-all
// object schemas: the same values pass, with the same words or plainer ones. All options are checked by
// core's option rules (checkOptions), so no PLS function's bundle carries zod or parseOptions' schema
// walker. The defaults are applied once in resolvePlsModel (PLS_DEFAULTS).

/** Options of plsPathModel: strict, so a misspelt option (`schema` for `scheme`) is an error, not a default. */
export const plsOptionsShape = {
  blocks: /* @__PURE__ */ required(
    /* @__PURE__ */ checked<Record<string, string[]>>("an object", (blocks, report) => {
      if (!isMap(blocks)) return report(undefined, blocks);
      for (const [name, list] of Object.entries(blocks)) {
        if (name === "") report("construct names must be non-empty", blocks);
        if (!Array.isArray(list)) report("expected an array of indicator names", list, [name]);
        else if (list.length === 0) report("a block needs at least one indicator", list, [name]);
        else
          list.forEach((indicator: unknown, i) => {
            nameProblems(indicator, report, [name, i], "indicator names must be non-empty");
          });
      }
    }),
  ),
  paths: /* @__PURE__ */ required(
    /* @__PURE__ */ checked<{ from: string; to: string }[]>("an array", (paths, report) => {
      if (!Array.isArray(paths)) return report(undefined, paths);
      if (paths.length === 0) report("a structural model needs at least one path", paths);
      paths.forEach((path: unknown, i) => {
        if (!isMap(path)) report(expected("an object { from, to }", path), path, [i]);
        else {
          nameProblems(path.from, report, [i, "from"]);
          nameProblems(path.to, report, [i, "to"]);
          unknownKeys(path, ["from", "to"], report, [i]);
        }
      });
    }),
  ),
  scheme: /* @__PURE__ */ oneOf(SCHEMES),
  mode: /* @__PURE__ */ checked<Record<string, "A" | "B">>("an object", (mode, report) => {
    if (!isMap(mode)) return report(undefined, mode);
    for (const [name, value] of Object.entries(mode))
      if (value !== "A" && value !== "B") report('Invalid option: expected one of "A"|"B"', value, [name]);
  }),
  scale: /* @__PURE__ */ checked<{ min: number; max: number }>("an object { min, max }", (scale, report) => {
    if (!isMap(scale)) return report(undefined, scale);
    unknownKeys(scale, ["min", "max"], report, []);
    const { min, max } = scale;
    if (!Number.isFinite(min)) report(expected("a finite number", min), min, ["min"]);
    if (!Number.isFinite(max)) report(expected("a finite number", max), max, ["max"]);
    else if ((max as number) <= (min as number)) report("scale.max must be greater than scale.min", scale);
  }),
  maxIterations: /* @__PURE__ */ checked<number>(WHOLE, (value, report) => {
    if (!(Number.isSafeInteger(value) && (value as number) >= 1)) report(`expected ${WHOLE}`, value);
  }),
  tolerance: /* @__PURE__ */ checked<number>("a number > 0", (value, report) => {
    if (!Number.isFinite(value)) report(undefined, value);
    else if (!((value as number) > 0)) report("must be greater than 0", value);
  }),
  missing: /* @__PURE__ */ oneOf(["mean", "listwise"]),
  consistent: /* @__PURE__ */ flag(),
  reflective: /* @__PURE__ */ list<string>(0, (name) =>
    typeof name !== "string" ? expected("a string", name) : name === "" ? CONSTRUCT_NAME : undefined,
  ),
  fSquaredMethod: /* @__PURE__ */ oneOf(["scores", "reestimate"]),
};

/** The defaults of the options of {@link plsOptionsShape} (documented in PlsPathModelOptions). */
const PLS_DEFAULTS = {
  scheme: "path",
  mode: {},
  maxIterations: 300,
  tolerance: 1e-7,
  missing: "mean",
  consistent: false,
  fSquaredMethod: "scores",
} as const;

type RawPlsOptions = OptionValues<typeof plsOptionsShape>;

/** The parsed options with their defaults applied. */
export type ParsedPlsOptions = Omit<RawPlsOptions, keyof typeof PLS_DEFAULTS> & {
  readonly [K in keyof typeof PLS_DEFAULTS]-?: Exclude<RawPlsOptions[K], undefined>;
};

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
  const parsed: ParsedPlsOptions = withDefaults(
    checkOptions(functionName, plsOptionsShape, options),
    PLS_DEFAULTS,
  );
  const constructs = Object.keys(parsed.blocks);
  const position = new Map(constructs.map((name, k) => [name, k]));
  const issues: OptionIssue[] = [];
  const issue = (path: string, message: string, received: unknown) => {
    issues.push({ path, message, received });
  };
  const unknownConstruct = (path: string, name: string) =>
    issue(path, `unknown construct "${name}"; declare it in blocks`, name);
  const owner = new Map<string, string>();
  for (const construct of constructs) {
    for (const indicator of parsed.blocks[construct] as string[]) {
      const previous = owner.get(indicator);
      if (previous !== undefined) {
        issue(
          `blocks.${construct}`,
          `indicator "${indicator}" already belongs to block "${previous}"; each indicator measures one construct`,
          indicator,
        );
      }
      owner.set(indicator, construct);
    }
  }
  const m = constructs.length;
  const pathIndex: [number, number][] = [];
  const seen = new Set<string>();
  const predecessors: number[][] = constructs.map(() => []);
  const successors: number[][] = constructs.map(() => []);
  parsed.paths.forEach((path, index) => {
    const at = `paths.${index}`;
    const from = position.get(path.from);
    const to = position.get(path.to);
    if (from === undefined) unknownConstruct(`${at}.from`, path.from);
    if (to === undefined) unknownConstruct(`${at}.to`, path.to);
    if (from === undefined || to === undefined) return;
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) {
      issue(
        at,
        from === to
          ? `a construct cannot have a path to itself ("${path.from}")`
          : `duplicate path ${path.from} -> ${path.to}`,
        path,
      );
      return;
    }
    seen.add(key);
    pathIndex.push([from, to]);
    (successors[from] as number[]).push(to);
    (predecessors[to] as number[]).push(from);
  });
  const { reflective: listedNames, mode } = parsed;
  if (listedNames !== undefined) {
    if (!parsed.consistent && listedNames.length > 0) {
      issue(
        "reflective",
        "reflective names the common factors of consistent PLS; set consistent: true or drop it",
        listedNames,
      );
    }
    listedNames.forEach((name, index) => {
      const at = `reflective.${index}`;
      if (!position.has(name)) unknownConstruct(at, name);
      else if (mode[name] === "B") {
        issue(
          at,
          `construct "${name}" is mode B (a composite); consistent PLS corrects mode A blocks only`,
          name,
        );
      }
    });
  }
  for (const name of Object.keys(mode)) if (!position.has(name)) unknownConstruct(`mode.${name}`, name);
  if (issues.length === 0) {
    constructs.forEach((name, k) => {
      if ((predecessors[k] as number[]).length + (successors[k] as number[]).length === 0) {
        issue(
          `blocks.${name}`,
          `construct "${name}" has no path; connect it in paths or remove its block`,
          name,
        );
      }
    });
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
  const modeB = new Uint8Array(m);
  constructs.forEach((name, k) => {
    blockStart[k] = indicators.length;
    for (const indicator of parsed.blocks[name] as string[]) {
      indicators.push(indicator);
      indicatorConstruct.push(k);
    }
    if (mode[name] === "B") modeB[k] = 1;
  });
  blockStart[m] = indicators.length;
  // Consistent PLS treats the listed blocks, by default every mode A block, as common factors (mode B
  // blocks and unlisted mode A blocks stay composites).
  const listed = listedNames === undefined ? undefined : new Set(listedNames);
  const reflective = parsed.consistent
    ? Uint8Array.from(constructs, (name, k) => (modeB[k] === 0 && (listed?.has(name) ?? true) ? 1 : 0))
    : undefined;
  // The scheme codes are the positions in this list (SCHEME_PATH 0, SCHEME_FACTORIAL 1, SCHEME_CENTROID 2).
  const scheme = SCHEMES.indexOf(parsed.scheme);
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
