import { createRandom, InsufficientDataError, InvalidRecordError, withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, flag, required, seed } from "../core/internal/optionRules.js";
import type { DistanceMatrix } from "./distanceMatrixTypes.js";
import type { GowerFieldSpec, GowerFieldType } from "./gowerDistance.js";
import { registerAssigner } from "./internal/assigners.js";
import {
  encodedDistance,
  encodedRow,
  encodeRecord,
  type GowerColumns,
  gowerFieldsRule,
  gowerWeightsRule,
} from "./internal/gower.js";
import { oneOf, wholeNumber } from "./internal/optionChecks.js";
import { build, fillRow, lab, maxDistance, pam } from "./internal/pam.js";
import { resolveDistances } from "./internal/resolveDistances.js";
import { silhouetteWidths } from "./internal/silhouette.js";

/**
 * Options of {@link kMedoids}. Give `fields` (and optionally `weights`) with records, which are
 * compared by Gower's distance (see `gowerDistance`); give neither with a {@link DistanceMatrix}.
 *
 * @example
 * ```ts
 * const options: KMedoidsOptions<{ plan: string; spend: number }> = {
 *   k: 3, method: "fastpam", fields: { plan: "nominal", spend: "numeric" },
 * };
 * ```
 */
export interface KMedoidsOptions<T> {
  /** Number of segments, from 1 to the number of customers. */
  readonly k: number;
  /**
   * `"pam"`: cluster::pam's original SWAP (one best swap over all k (n - k) pairs per O(k n²) pass;
   * the same medoids and objective as R). `"fastpam"`: FastPAM2 (Schubert & Rousseeuw 2019;
   * `pam(..., pamonce = 5)` in R): one O(n²) pass finds the best swap for every medoid and applies
   * several, about k times faster; the same result as `"pam"` in most data, always a local optimum.
   * @defaultValue "pam"
   */
  readonly method?: "pam" | "fastpam";
  /**
   * Initial medoids: `"build"` (PAM's greedy BUILD, O(k n²), deterministic) or `"lab"` (FastPAM's
   * linear approximate BUILD from a seeded sample, O(k n), for large n).
   * @defaultValue "build"
   */
  readonly init?: "build" | "lab";
  /** Seed of the `"lab"` sample (unused by `"build"`). @defaultValue 1 */
  readonly seed?: number;
  /** With records: the fields of Gower's distance, as in `gowerDistance`. */
  readonly fields?: Readonly<Record<string, GowerFieldType | GowerFieldSpec<T>>>;
  /** With records: field weights, as in `gowerDistance`. @defaultValue 1 for every field */
  readonly weights?: Readonly<Record<string, number>>;
  /** Compute silhouette widths (O(n²) more time). @defaultValue true */
  readonly silhouette?: boolean;
}

/**
 * Silhouette information of a {@link KMedoidsResult}, as R's `silhouette()`.
 *
 * @example
 * ```ts
 * const model = kMedoids(distanceMatrix([1, 9, 10, 8, 9, 1], 4), { k: 2 });
 * model.silhouette?.widths; // => Float64Array [0.894..., 0.882..., 0.882..., 0.894...] (1 − 1/9.5, 1 − 1/8.5, ...)
 * ```
 */
export interface KMedoidsSilhouette {
  /** s(i) of every customer, in input order: (b - a) / max(a, b); 0 alone in a segment. */
  readonly widths: Float64Array;
  /** The nearest other segment of every customer (where b(i) is measured). */
  readonly neighbors: Int32Array;
  /** Mean width over all customers (R's `avg.width`). */
  readonly averageWidth: number;
  /** Mean width per segment (R's `clus.avg.widths`). */
  readonly clusterAverageWidths: readonly number[];
}

/**
 * A k-medoids segmentation from {@link kMedoids}.
 *
 * @example
 * ```ts
 * const model = kMedoids(distanceMatrix([1, 9, 10, 8, 9, 1], 4), { k: 2 });
 * [model.medoids, model.sizes, model.objective];
 * // => [[1, 2], [2, 2], { build: 0.5, swap: 0.5 }] (rows 1 and 2 tie first; BUILD keeps the last, as R)
 * ```
 */
export interface KMedoidsResult {
  readonly k: number;
  /** Medoid row indices, one per segment (segment c's medoid is `medoids[c]`). */
  readonly medoids: readonly number[];
  /**
   * Segment of every customer: its nearest medoid (ties: the medoid of lowest row index). Segments
   * are numbered in order of first appearance in the input (as cluster::pam), so row 0 is in segment 0.
   */
  readonly assignments: Int32Array;
  readonly sizes: readonly number[];
  /** Mean distance to the nearest medoid after BUILD (or LAB) and after SWAP (R's `objective`). */
  readonly objective: { readonly build: number; readonly swap: number };
  /** Sum of distances to the nearest medoid (= `objective.swap × n`). */
  readonly totalDistance: number;
  /** Swaps performed. */
  readonly swaps: number;
  /** Silhouette widths; null when switched off or for k = 1 or k = n (undefined there). */
  readonly silhouette: KMedoidsSilhouette | null;
  /** The distances clustered (Gower's when records were given). */
  readonly distances: DistanceMatrix;
  readonly options: {
    readonly k: number;
    readonly method: "pam" | "fastpam";
    readonly init: "build" | "lab";
    readonly seed: number;
  };
}

/** Rules of kMedoids' options (exported for the equivalence test of segment's option rules; not in the module index). */
export const kMedoidsShape = {
  k: required(wholeNumber("k", 1)),
  method: oneOf(["pam", "fastpam"] as const),
  init: oneOf(["build", "lab"] as const),
  seed: seed(),
  fields: gowerFieldsRule,
  weights: gowerWeightsRule,
  silhouette: flag(),
};

/**
 * Segments customers around medoids — real, representative customers rather than averages — by
 * Partitioning Around Medoids (Kaufman & Rousseeuw 1990), on any distance, in particular Gower's
 * distance for tables of mixed numeric and categorical fields. BUILD picks k medoids greedily,
 * SWAP exchanges medoids and non-medoids while the total distance falls. With `method: "pam"` the
 * medoids, clustering, objective and silhouette are those of R's `cluster::pam` (same tie rules and
 * stopping tolerance; checked to 1e-9 on ruspini, flower and plantTraits). `"fastpam"` is FastPAM2
 * (`pam(..., pamonce = 5)`), k-fold faster per pass for larger n.
 *
 * Memory: the n (n - 1) / 2 distances (8 bytes each); records are refused above
 * MAX_DISTANCE_MATRIX_ROWS (30,000) with a DistanceMatrixTooLargeError — cluster a sample with
 * `"fastpam"` (and `init: "lab"`) and give the others their nearest medoid, or use `kPrototypes`.
 *
 * Complexity: BUILD O(k n²); each SWAP pass O(k n²) for "pam", O(n²) for "fastpam"; LAB O(k n);
 * silhouette O(n²).
 *
 * @param data - customer records (with `fields`) or a {@link DistanceMatrix}; not mutated
 * @param options - see {@link KMedoidsOptions}
 * @returns medoids (row indices), assignments, sizes, objective, silhouette
 * @throws InvalidOptionsError for bad options (unknown key, k < 1, fields missing with records or given
 *   with a distance matrix); InsufficientDataError when k exceeds the number of customers;
 *   InvalidRecordError for values Gower's distance cannot take; DistanceMatrixTooLargeError as above
 * @see L. Kaufman and P. J. Rousseeuw (1990), Finding Groups in Data, ch. 2;
 *   E. Schubert and P. J. Rousseeuw (2019), Faster k-Medoids Clustering: Improving the PAM, CLARA,
 *   and CLARANS Algorithms, SISAP (FastPAM2, LAB); P. J. Rousseeuw (1987), Silhouettes, J. Comput. Appl. Math. 20.
 * @example
 * ```ts
 * const customers = [
 *   { plan: "basic", channel: "web", spend: 20 }, { plan: "basic", channel: "web", spend: 25 },
 *   { plan: "basic", channel: "app", spend: 22 }, { plan: "pro", channel: "store", spend: 300 },
 *   { plan: "pro", channel: "store", spend: 280 }, { plan: "pro", channel: "app", spend: 310 },
 * ];
 * const model = kMedoids(customers, {
 *   k: 2, fields: { plan: "nominal", channel: "nominal", spend: "numeric" },
 * });
 * model.medoids; // => [0, 3]
 * model.assignments; // => Int32Array [0, 0, 0, 1, 1, 1]
 * customers[model.medoids[1]]; // => { plan: "pro", channel: "store", spend: 300 }
 * ```
 */
export function kMedoids<T>(
  data: readonly T[] | DistanceMatrix,
  options: KMedoidsOptions<T>,
): KMedoidsResult {
  const name = "kMedoids";
  const parsed = withDefaults(checkOptions(name, kMedoidsShape, options), {
    method: "pam",
    init: "build",
    seed: 1,
    silhouette: true,
  });
  const { distances, columns } = resolveDistances(name, data, options.fields, parsed.weights);
  const n = distances.size;
  const k = parsed.k;
  if (k > n) {
    throw new InsufficientDataError(name, `k = ${k} segments need at least ${k} customers; got ${n}`);
  }
  const values = distances.values;
  const big = maxDistance(values) * 1.1 + 1;
  const initial =
    parsed.init === "build" ? build(values, n, k, big) : lab(values, n, k, big, createRandom(parsed.seed));
  const run = pam(values, n, initial, parsed.method, Number.POSITIVE_INFINITY);

  // cluster::pam's numbering: each customer to its nearest medoid (lowest row on ties), segments
  // numbered by first appearance in input order
  const sortedMedoids = Array.from(run.medoids).sort((a, b) => a - b);
  const isMedoid = new Uint8Array(n);
  for (const m of sortedMedoids) isMedoid[m] = 1;
  const nearestMedoid = new Int32Array(n);
  const best = new Float64Array(n).fill(big);
  const row = new Float64Array(n);
  for (const m of sortedMedoids) {
    fillRow(values, n, m, row);
    for (let j = 0; j < n; j++) {
      if (isMedoid[j]) continue;
      if ((best[j] as number) > (row[j] as number)) {
        best[j] = row[j] as number;
        nearestMedoid[j] = m;
      }
    }
  }
  for (const m of sortedMedoids) nearestMedoid[m] = m;
  const segmentOf = new Map<number, number>();
  const assignments = new Int32Array(n);
  const medoids: number[] = [];
  for (let j = 0; j < n; j++) {
    const m = nearestMedoid[j] as number;
    let segment = segmentOf.get(m);
    if (segment === undefined) {
      segment = medoids.length;
      segmentOf.set(m, segment);
      medoids.push(m);
    }
    assignments[j] = segment;
  }
  const sizes = new Array<number>(k).fill(0);
  for (let j = 0; j < n; j++)
    sizes[assignments[j] as number] = (sizes[assignments[j] as number] as number) + 1;
  const silhouette = parsed.silhouette && k > 1 && k < n ? silhouetteWidths(values, n, assignments, k) : null;
  const result: KMedoidsResult = {
    k,
    medoids,
    assignments,
    sizes,
    objective: { build: run.buildTotal / n, swap: run.swapTotal / n },
    totalDistance: run.swapTotal,
    swaps: run.swaps,
    silhouette,
    distances,
    options: { k, method: parsed.method, init: parsed.init, seed: parsed.seed },
  };
  if (columns !== undefined)
    registerAssigner(result, medoidAssigner(columns as GowerColumns<unknown>, medoids));
  return withDisplay(result, {
    title: `k-medoids (${parsed.method}), k = ${k}`,
    summary: (r) => [
      `${n} customers; mean distance to medoid ${r.objective.swap.toPrecision(6)} (after ${r.options.init}: ${r.objective.build.toPrecision(6)}), ${r.swaps} swaps${r.silhouette === null ? "" : `; average silhouette ${r.silhouette.averageWidth.toFixed(3)}`}`,
    ],
    rows: (r) =>
      r.medoids.map((medoid, segment) => ({
        segment,
        medoid,
        size: r.sizes[segment] ?? 0,
        ...(r.silhouette === null ? {} : { silhouette: r.silhouette.clusterAverageWidths[segment] ?? null }),
      })),
  });
}

/** assignSegments for a model fitted on records: the nearest medoid by Gower's distance with the fitted ranges and levels. */
function medoidAssigner(columns: GowerColumns<unknown>, medoids: readonly number[]) {
  const encodedMedoids = medoids.map((m) => encodedRow(columns, m));
  return (functionName: string, records: readonly unknown[], missing: "error" | "drop") => {
    const n = records.length;
    const assignments = new Int32Array(n).fill(-1);
    const distances = new Float64Array(n).fill(Number.NaN);
    for (let i = 0; i < n; i++) {
      const record = records[i];
      if (record === null || typeof record !== "object") {
        throw new InvalidRecordError(functionName, i, "(record)", record, "expected a record object");
      }
      const encoded = encodeRecord(columns, record, i, functionName);
      let best = Number.POSITIVE_INFINITY;
      let segment = -1;
      encodedMedoids.forEach((medoid, c) => {
        const d = encodedDistance(columns, encoded, medoid);
        if (d < best) {
          best = d;
          segment = c;
        }
      });
      if (segment < 0) {
        if (missing === "drop") continue;
        throw new InvalidRecordError(
          functionName,
          i,
          "(all fields)",
          record,
          'shares no comparable field with any medoid (missing values), so no segment is nearest; fill them or pass missing: "drop"',
        );
      }
      assignments[i] = segment;
      distances[i] = best;
    }
    return { assignments, distances, k: medoids.length };
  };
}
