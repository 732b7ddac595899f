import {
  assertRecordArray,
  createRandom,
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  readCodes,
  readNumbers,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { isMissing } from "../core/internal/missing.js";
import { checkOptions, nested, required, seed } from "../core/internal/optionRules.js";
import { registerAssigner } from "./internal/assigners.js";
import { fieldEntries } from "./internal/features.js";
import { fieldList, nonNegative, wholeNumber } from "./internal/optionChecks.js";

/**
 * Options of {@link kPrototypes}.
 *
 * @example
 * ```ts
 * const options: KPrototypesOptions<{ spend: number; plan: string }> = {
 *   k: 3, fields: { numeric: ["spend"], categorical: ["plan"] }, seed: 7,
 * };
 * ```
 */
export interface KPrototypesOptions<T> {
  /** Number of segments, from 1 to the number of distinct customers. */
  readonly k: number;
  /**
   * The fields to cluster on, by kind; at least one field in all, none in both lists.
   * `numeric`: keys, or a record of key-or-accessor fields, compared by squared difference and used
   * as given (scale them first when units differ). `categorical`: keys or a record of fields,
   * compared by mismatch (either list may be empty).
   */
  readonly fields: {
    readonly numeric: readonly (keyof T & string)[] | Readonly<Record<string, Field<T>>>;
    readonly categorical: readonly (keyof T & string)[] | Readonly<Record<string, Field<T>>>;
  };
  /**
   * Weight of a categorical mismatch against squared numeric differences (Huang's γ, clustMixType's
   * `lambda`).
   * @defaultValue clustMixType's `lambdaest()` default: the mean variance (n - 1 denominator) of the
   *   numeric fields over the mean of 1 - Σ p² (the Gini impurity of the level shares) of the
   *   categorical fields — so the two parts weigh about the same
   */
  readonly gamma?: number;
  /** Seed of the random initial prototypes. Same seed, same result. */
  readonly seed: number;
  /** Independent random starts; the one with the lowest total distance is kept. @defaultValue 10 */
  readonly restarts?: number;
  /** Maximum iterations per start. @defaultValue 100 */
  readonly maxIterations?: number;
}

/**
 * A k-prototypes segmentation from {@link kPrototypes}.
 *
 * @example
 * ```ts
 * const customers = [
 *   { spend: 10, plan: "basic" }, { spend: 12, plan: "basic" }, { spend: 11, plan: "pro" },
 *   { spend: 90, plan: "pro" }, { spend: 95, plan: "pro" }, { spend: 99, plan: "basic" },
 * ];
 * const model = kPrototypes(customers, {
 *   k: 2, fields: { numeric: ["spend"], categorical: ["plan"] }, seed: 1,
 * });
 * model.prototypes; // => [{ spend: 11, plan: "basic" }, { spend: 94.666..., plan: "pro" }]
 * ```
 */
export interface KPrototypesResult {
  readonly k: number;
  /** Segment of every customer in input order, numbered by first appearance (customer 0 is in segment 0). */
  readonly assignments: Int32Array;
  readonly sizes: readonly number[];
  /** Each segment's prototype: numeric means and categorical modes (ties: the level seen first in the data). */
  readonly prototypes: readonly Readonly<Record<string, number | string>>[];
  /** Sum of distances of each segment's customers to its prototype. */
  readonly withinDistances: readonly number[];
  /** Sum of `withinDistances` (clustMixType's `tot.withinss`). */
  readonly totalWithinDistance: number;
  /** The γ used (given, or estimated as described in {@link KPrototypesOptions.gamma}). */
  readonly gamma: number;
  /** Iterations of the kept start. */
  readonly iterations: number;
  /** Whether the kept start stopped because no assignment changed. */
  readonly converged: boolean;
  /** Final total distance of every start, in order. */
  readonly restartTotals: readonly number[];
  readonly numericFields: readonly string[];
  readonly categoricalFields: readonly string[];
  readonly options: {
    readonly k: number;
    readonly seed: number;
    readonly restarts: number;
    readonly maxIterations: number;
    readonly gamma: number | null;
  };
}

/** Rules of kPrototypes' options (exported for the equivalence test of segment's option rules; not in the module index). */
export const kPrototypesShape = {
  k: required(wholeNumber("k", 1)),
  fields: required(nested({ numeric: required(fieldList(true)), categorical: required(fieldList(true)) })),
  gamma: nonNegative("gamma"),
  seed: required(seed()),
  restarts: wholeNumber("restarts", 1),
  maxIterations: wholeNumber("maxIterations", 1),
};

/**
 * Segments customers described by numbers and categories together by k-prototypes (Huang 1998):
 * the distance of a customer to a segment's prototype is the squared Euclidean distance over the
 * numeric fields plus γ times the number of categorical fields that differ; prototypes are the
 * numeric means and categorical modes of their members. Each start takes k distinct random
 * customers as prototypes, then alternates assigning every customer to its nearest prototype
 * (the first on ties) and recomputing prototypes until no assignment changes (the batch variant
 * of R's clustMixType::kproto). A segment left empty is restarted at the customer farthest from
 * its prototype. Needs O(n) memory, so it suits tables too large for `kMedoids`.
 *
 * Missing values are refused (InvalidRecordError): impute or drop them first, or use
 * `kMedoids` with Gower's distance, which skips them per pair.
 *
 * Complexity: O(restarts × iterations × n k (p + q)) for p numeric and q categorical fields.
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link KPrototypesOptions}
 * @returns assignments, sizes, prototypes, within-segment distances, γ
 * @throws InvalidOptionsError for bad options (unknown key, k < 1, a field in both lists or none at
 *   all); InsufficientDataError when there are fewer distinct customers than k; InvalidRecordError
 *   for missing or non-numeric values
 * @see Z. Huang (1998), Extensions to the k-means algorithm for clustering large data sets with
 *   categorical values, Data Mining and Knowledge Discovery 2(3); G. Szepannek (2018), clustMixType:
 *   User-friendly clustering of mixed-type data in R, The R Journal 10(2).
 * @example
 * ```ts
 * const customers = [
 *   { spend: 10, plan: "basic" }, { spend: 12, plan: "basic" }, { spend: 11, plan: "pro" },
 *   { spend: 90, plan: "pro" }, { spend: 95, plan: "pro" }, { spend: 99, plan: "basic" },
 * ];
 * const model = kPrototypes(customers, {
 *   k: 2, fields: { numeric: ["spend"], categorical: ["plan"] }, seed: 1,
 * });
 * model.assignments; // => Int32Array [0, 0, 0, 1, 1, 1]
 * model.gamma; // => 4217.13... (spend variance 2108.57 over the plan Gini impurity 1 - 0.5² - 0.5² = 0.5)
 * ```
 */
export function kPrototypes<T>(records: readonly T[], options: KPrototypesOptions<T>): KPrototypesResult {
  const name = "kPrototypes";
  const parsed = withDefaults(checkOptions(name, kPrototypesShape, options), {
    restarts: 10,
    maxIterations: 100,
  });
  assertRecordArray(records, name);
  const numericEntries = fieldEntries<T>(parsed.fields.numeric);
  const categoricalEntries = fieldEntries<T>(parsed.fields.categorical);
  const overlap = numericEntries.filter(([field]) => categoricalEntries.some(([other]) => other === field));
  if (numericEntries.length + categoricalEntries.length === 0 || overlap.length > 0) {
    throw new InvalidOptionsError(name, [
      {
        path: overlap.length > 0 ? `fields.categorical.${overlap[0]?.[0]}` : "fields",
        message:
          overlap.length > 0
            ? "a field is listed as both numeric and categorical; list it once"
            : "give at least one numeric or categorical field",
      },
    ]);
  }
  const n = records.length;
  const k = parsed.k;
  const p = numericEntries.length;
  const q = categoricalEntries.length;
  const x = new Float64Array(n * p);
  numericEntries.forEach(([label, field], j) => {
    const column = readNumbers(records, field, { functionName: name, optionName: `fields.numeric.${label}` });
    for (let i = 0; i < n; i++) x[i * p + j] = column[i] as number;
  });
  const levels: (readonly string[])[] = [];
  const codes = new Int32Array(n * q);
  categoricalEntries.forEach(([label, field], j) => {
    const column = readCodes(records, field, {
      functionName: name,
      optionName: `fields.categorical.${label}`,
    });
    levels.push(column.labels);
    for (let i = 0; i < n; i++) codes[i * q + j] = column.codes[i] as number;
  });
  const distinct = countDistinct(x, codes, n, p, q, k);
  if (n === 0 || distinct < k) {
    throw new InsufficientDataError(
      name,
      `k = ${k} segments need at least ${k} distinct customers; got ${distinct} (of ${n} records)`,
    );
  }
  const gamma = parsed.gamma ?? estimateGamma(x, codes, n, p, q, levels);
  const random = createRandom(parsed.seed);
  let best: Run | undefined;
  const totals: number[] = [];
  for (let start = 0; start < parsed.restarts; start++) {
    const run = runOnce(x, codes, n, p, q, k, gamma, levels, random, parsed.maxIterations);
    totals.push(run.total);
    if (best === undefined || run.total < best.total) best = run;
  }
  const kept = best as Run;
  // number segments by first appearance
  const renumber = new Int32Array(k).fill(-1);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const c = kept.labels[i] as number;
    if (renumber[c] === -1) renumber[c] = next++;
  }
  for (let c = 0; c < k; c++) if (renumber[c] === -1) renumber[c] = next++;
  const assignments = Int32Array.from(kept.labels, (c) => renumber[c] as number);
  const sizes = new Array<number>(k).fill(0);
  const withinDistances = new Array<number>(k).fill(0);
  const prototypes: Record<string, number | string>[] = new Array(k);
  for (let c = 0; c < k; c++) {
    const target = renumber[c] as number;
    const prototype: Record<string, number | string> = {};
    numericEntries.forEach(([label], j) => {
      prototype[label] = kept.numericPrototypes[c * p + j] as number;
    });
    categoricalEntries.forEach(([label], j) => {
      prototype[label] = (levels[j] as readonly string[])[
        kept.categoricalPrototypes[c * q + j] as number
      ] as string;
    });
    prototypes[target] = prototype;
  }
  for (let i = 0; i < n; i++) {
    const segment = assignments[i] as number;
    sizes[segment] = (sizes[segment] as number) + 1;
    withinDistances[segment] = (withinDistances[segment] as number) + (kept.distances[i] as number);
  }
  const result: KPrototypesResult = {
    k,
    assignments,
    sizes,
    prototypes,
    withinDistances,
    totalWithinDistance: kept.total,
    gamma,
    iterations: kept.iterations,
    converged: kept.converged,
    restartTotals: totals,
    numericFields: numericEntries.map(([label]) => label),
    categoricalFields: categoricalEntries.map(([label]) => label),
    options: {
      k,
      seed: parsed.seed,
      restarts: parsed.restarts,
      maxIterations: parsed.maxIterations,
      gamma: parsed.gamma ?? null,
    },
  };
  registerAssigner(result, nearestPrototype(numericEntries, categoricalEntries, prototypes, gamma));
  return withDisplay(result, {
    title: `k-prototypes, k = ${k}`,
    summary: (r) => [
      `${n} customers; total distance ${r.totalWithinDistance.toPrecision(6)} with gamma ${r.gamma.toPrecision(4)} after ${r.iterations} iterations (${r.converged ? "converged" : "not converged"}), best of ${r.restartTotals.length} starts; prototypes:`,
    ],
    rows: (r) =>
      r.prototypes.map((prototype, segment) => ({ segment, size: r.sizes[segment] ?? 0, ...prototype })),
  });
}

interface Run {
  readonly labels: Int32Array;
  readonly distances: Float64Array;
  readonly numericPrototypes: Float64Array;
  readonly categoricalPrototypes: Int32Array;
  readonly total: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** clustMixType's lambdaest default: mean numeric variance over mean categorical Gini impurity. */
function estimateGamma(
  x: Float64Array,
  codes: Int32Array,
  n: number,
  p: number,
  q: number,
  levels: readonly (readonly string[])[],
): number {
  if (p === 0 || q === 0 || n < 2) return 1;
  let varianceSum = 0;
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j] as number;
    mean /= n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((x[i * p + j] as number) - mean) ** 2;
    varianceSum += squares / (n - 1);
  }
  let impuritySum = 0;
  for (let j = 0; j < q; j++) {
    const counts = new Float64Array((levels[j] as readonly string[]).length);
    for (let i = 0; i < n; i++)
      counts[codes[i * q + j] as number] = (counts[codes[i * q + j] as number] as number) + 1;
    let squares = 0;
    for (const count of counts) squares += (count / n) ** 2;
    impuritySum += 1 - squares;
  }
  const numericPart = varianceSum / p;
  const categoricalPart = impuritySum / q;
  // every categorical field constant: mismatches never happen, any gamma gives the same segments
  return categoricalPart > 0 ? numericPart / categoricalPart : 1;
}

function countDistinct(
  x: Float64Array,
  codes: Int32Array,
  n: number,
  p: number,
  q: number,
  cap: number,
): number {
  const seen = new Set<string>();
  for (let i = 0; i < n && seen.size < cap; i++) {
    seen.add(
      `${Array.from(x.subarray(i * p, i * p + p)).join(",")}|${Array.from(codes.subarray(i * q, i * q + q)).join(",")}`,
    );
  }
  return seen.size;
}

function runOnce(
  x: Float64Array,
  codes: Int32Array,
  n: number,
  p: number,
  q: number,
  k: number,
  gamma: number,
  levels: readonly (readonly string[])[],
  random: ReturnType<typeof createRandom>,
  maxIterations: number,
): Run {
  const numericPrototypes = new Float64Array(k * p);
  const categoricalPrototypes = new Int32Array(k * q);
  // k distinct customers (by their values) as initial prototypes
  const order = random.shuffle(Array.from({ length: n }, (_, i) => i));
  const chosen: number[] = [];
  const keys = new Set<string>();
  for (const i of order) {
    const key = `${Array.from(x.subarray(i * p, i * p + p)).join(",")}|${Array.from(codes.subarray(i * q, i * q + q)).join(",")}`;
    if (keys.has(key)) continue;
    keys.add(key);
    chosen.push(i);
    if (chosen.length === k) break;
  }
  chosen.forEach((i, c) => {
    numericPrototypes.set(x.subarray(i * p, i * p + p), c * p);
    categoricalPrototypes.set(codes.subarray(i * q, i * q + q), c * q);
  });
  const labels = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  const counts = new Float64Array(k);
  const sums = new Float64Array(k * p);
  const levelCounts = levels.map((labelsOf) => new Float64Array(k * labelsOf.length));
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let bestDistance = Number.POSITIVE_INFINITY;
      let bestC = 0;
      for (let c = 0; c < k; c++) {
        let d = 0;
        for (let j = 0; j < p; j++) {
          const diff = (x[i * p + j] as number) - (numericPrototypes[c * p + j] as number);
          d += diff * diff;
        }
        let mismatches = 0;
        for (let j = 0; j < q; j++) if (codes[i * q + j] !== categoricalPrototypes[c * q + j]) mismatches++;
        d += gamma * mismatches;
        if (d < bestDistance) {
          bestDistance = d;
          bestC = c;
        }
      }
      if (labels[i] !== bestC) changed++;
      labels[i] = bestC;
      distances[i] = bestDistance;
    }
    if (changed === 0) {
      converged = true;
      break;
    }
    // update prototypes: means and modes (the lowest level code, i.e. first seen, on ties)
    counts.fill(0);
    sums.fill(0);
    for (const table of levelCounts) table.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < p; j++) sums[c * p + j] = (sums[c * p + j] as number) + (x[i * p + j] as number);
      for (let j = 0; j < q; j++) {
        const table = levelCounts[j] as Float64Array;
        const width = (levels[j] as readonly string[]).length;
        const at = c * width + (codes[i * q + j] as number);
        table[at] = (table[at] as number) + 1;
      }
    }
    const taken = new Uint8Array(n);
    for (let c = 0; c < k; c++) {
      if ((counts[c] as number) === 0) {
        // empty segment: restart it at the customer farthest from its prototype (not yet used)
        let far = -1;
        for (let i = 0; i < n; i++)
          if (!taken[i] && (far < 0 || (distances[i] as number) > (distances[far] as number))) far = i;
        taken[far] = 1;
        numericPrototypes.set(x.subarray(far * p, far * p + p), c * p);
        categoricalPrototypes.set(codes.subarray(far * q, far * q + q), c * q);
        continue;
      }
      for (let j = 0; j < p; j++)
        numericPrototypes[c * p + j] = (sums[c * p + j] as number) / (counts[c] as number);
      for (let j = 0; j < q; j++) {
        const table = levelCounts[j] as Float64Array;
        const width = (levels[j] as readonly string[]).length;
        let mode = 0;
        for (let level = 1; level < width; level++) {
          if ((table[c * width + level] as number) > (table[c * width + mode] as number)) mode = level;
        }
        categoricalPrototypes[c * q + j] = mode;
      }
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += distances[i] as number;
  return { labels, distances, numericPrototypes, categoricalPrototypes, total, iterations, converged };
}

/** assignSegments for k-prototypes: the nearest prototype by the same distance (an unseen level counts as a mismatch). */
function nearestPrototype<T>(
  numericEntries: readonly [string, Field<T>][],
  categoricalEntries: readonly [string, Field<T>][],
  prototypes: readonly Readonly<Record<string, number | string>>[],
  gamma: number,
) {
  return (functionName: string, records: readonly unknown[], missing: "error" | "drop") => {
    const n = records.length;
    const typed = records as readonly T[];
    const numbers = numericEntries.map(([label, field]) =>
      readNumbers(typed, field, { functionName, optionName: `fields.numeric.${label}`, missing: "nan" }),
    );
    const categories = categoricalEntries.map(([label, field]) => {
      const { read } = resolveField(field, `fields.categorical.${label}`);
      return typed.map((record, i) => {
        const value = read(record, i);
        return isMissing(value) ? undefined : String(value);
      });
    });
    const assignments = new Int32Array(n).fill(-1);
    const distances = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < n; i++) {
      const missingAt =
        numbers.findIndex((column) => Number.isNaN(column[i] as number)) >= 0
          ? numericEntries[numbers.findIndex((column) => Number.isNaN(column[i] as number))]?.[0]
          : categoricalEntries[categories.findIndex((column) => column[i] === undefined)]?.[0];
      if (missingAt !== undefined) {
        if (missing === "drop") continue;
        throw new InvalidRecordError(
          functionName,
          i,
          missingAt,
          null,
          'is missing; k-prototypes needs every field: fill it or pass missing: "drop"',
        );
      }
      let best = Number.POSITIVE_INFINITY;
      let segment = 0;
      prototypes.forEach((prototype, c) => {
        let d = 0;
        numericEntries.forEach(([label], j) => {
          const difference = ((numbers[j] as Float64Array)[i] as number) - (prototype[label] as number);
          d += difference * difference;
        });
        categoricalEntries.forEach(([label], j) => {
          if ((categories[j] as (string | undefined)[])[i] !== prototype[label]) d += gamma;
        });
        if (d < best) {
          best = d;
          segment = c;
        }
      });
      assignments[i] = segment;
      distances[i] = best;
    }
    return { assignments, distances, k: prototypes.length };
  };
}
