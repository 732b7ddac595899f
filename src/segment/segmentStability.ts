import {
  assertRecordArray,
  createRandom,
  InsufficientDataError,
  InvalidOptionsError,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, numeric, seed } from "../core/internal/optionRules.js";
import { adjustedRandIndex } from "./adjustedRandIndex.js";

/**
 * What the fitting function of {@link segmentStability} returns: a segment per record it was given
 * (a negative number for a record left out, e.g. dropped for a missing value), as an array or as
 * a model with `assignments` (the result of `kMeans`, `kMedoids`, `kPrototypes`, ...).
 *
 * @example
 * ```ts
 * const fitted: SegmentStabilityFit = { assignments: Int32Array.of(0, 0, 1) };
 * ```
 */
export type SegmentStabilityFit = ArrayLike<number> | { readonly assignments: ArrayLike<number> };

/**
 * Options of {@link segmentStability}.
 *
 * @example
 * ```ts
 * const options: SegmentStabilityOptions = { resamples: 50, seed: 7 };
 * ```
 */
export interface SegmentStabilityOptions {
  /** Bootstrap resamples (clusterboot's B). @defaultValue 100 */
  readonly resamples?: number;
  /** Seed of the resampling. Same seed, same resamples. @defaultValue 1 */
  readonly seed?: number;
  /** Jaccard above which a segment counts as recovered in a resample (clusterboot's `recover`). @defaultValue 0.75 */
  readonly recoverAbove?: number;
  /** Jaccard at or below which a segment counts as dissolved (clusterboot's `dissolution`). @defaultValue 0.5 */
  readonly dissolvedAtOrBelow?: number;
}

/**
 * Stability of one segment of the full-data solution.
 *
 * @example
 * ```ts
 * const row: SegmentStabilityRow = {
 *   segment: 0, size: 120, meanJaccard: 0.93, recoveredCount: 98, dissolvedCount: 0, evaluatedResamples: 100,
 * };
 * ```
 */
export interface SegmentStabilityRow {
  readonly segment: number;
  /** Customers in the segment in the full-data solution. */
  readonly size: number;
  /** Mean over resamples of the best Jaccard similarity with a resampled segment (clusterboot's `bootmean`); null if never evaluated. */
  readonly meanJaccard: number | null;
  /** Resamples in which the segment was recovered (Jaccard > recoverAbove; `bootrecover`). */
  readonly recoveredCount: number;
  /** Resamples in which it dissolved (Jaccard <= dissolvedAtOrBelow; `bootbrd`). */
  readonly dissolvedCount: number;
  /** Resamples that drew at least one of its customers (the others cannot judge it). */
  readonly evaluatedResamples: number;
}

/**
 * Result of {@link segmentStability}.
 *
 * @example
 * ```ts
 * const customers = [
 *   { spend: 10 }, { spend: 12 }, { spend: 11 }, { spend: 13 }, { spend: 14 },
 *   { spend: 95 }, { spend: 99 }, { spend: 97 }, { spend: 94 }, { spend: 96 },
 * ];
 * const result = segmentStability(customers, (sample) => kMeans(sample, { k: 3, fields: ["spend"], seed: 1 }), {
 *   resamples: 20, seed: 3,
 * });
 * result.segments.map((s) => s.size); // => [5, 2, 3]
 * result.segments.map((s) => s.dissolvedCount); // => [1, 6, 4] (k = 3 splits the high spenders, not stably)
 * result.segments.map((s) => s.meanJaccard); // => [0.892..., 0.779..., 0.845...]
 * ```
 */
export interface SegmentStabilityResult {
  /** Segments of the full-data solution (largest segment number + 1). */
  readonly k: number;
  /** The full-data solution's segment per customer. */
  readonly assignments: Int32Array;
  readonly segments: readonly SegmentStabilityRow[];
  /** Best Jaccard of each segment (columns) in each resample (rows); null where not evaluated. */
  readonly jaccard: readonly (readonly (number | null)[])[];
  /**
   * Mean adjusted Rand index between every two resampled solutions, on the customers both drew
   * (1: the same partition every time); null with fewer than 2 resamples.
   */
  readonly meanAdjustedRandIndex: number | null;
  /** Mean adjusted Rand index between each resampled solution and the full-data one, on the customers drawn. */
  readonly meanAdjustedRandIndexToFull: number;
  readonly options: {
    readonly resamples: number;
    readonly seed: number;
    readonly recoverAbove: number;
    readonly dissolvedAtOrBelow: number;
  };
}

/** Rules of segmentStability's options (exported for the equivalence test of segment's option rules; not in the module index). */
export const segmentStabilityShape = {
  resamples: numeric({ whole: true, gte: 1, messages: { gte: "resamples must be at least 1" } }),
  seed: seed(),
  recoverAbove: numeric({ gte: 0, lte: 1 }),
  dissolvedAtOrBelow: numeric({ gte: 0, lte: 1 }),
};

/**
 * How stable are the segments? Hennig's (2007) bootstrap: the segmentation is refitted (by your
 * `fitSegments` function, any method) on `resamples` bootstrap samples of the customers (n draws with
 * replacement); each segment of the full-data solution, restricted to the customers drawn, is
 * compared with the most similar resampled segment by the Jaccard similarity |A ∩ B| / |A ∪ B|
 * (duplicate draws count once). A mean Jaccard below about 0.6 says the segment is not a stable
 * pattern; above 0.75–0.85 it is (Hennig's rule of thumb). As fpc's `clusterboot` with
 * `bootmethod = "boot"`; the resamples come from clientele's seeded generator, so the numbers
 * differ from R's draw by draw. Also reports the mean adjusted Rand index between resampled
 * solutions (on the customers both drew) and to the full-data solution.
 *
 * Complexity: resamples + 1 fits, plus O(resamples × (n + k²) + resamples² × n) for the
 * comparisons.
 *
 * @param records - customer records (not mutated; `fitSegments` receives resampled arrays of the same records)
 * @param fitSegments - fits a segmentation: `(sample, resample) => assignments or model`, where `resample`
 *   is -1 for the full data and 0, 1, ... for the resamples; e.g.
 *   `(sample) => kMedoids(sample, { k: 4, fields })`
 * @param options - see {@link SegmentStabilityOptions}
 * @returns per-segment mean Jaccard, recovered and dissolved counts, and mean adjusted Rand indices
 * @throws InvalidOptionsError for bad options, a `fitSegments` that is not a function or returns the wrong
 *   number of assignments; InsufficientDataError for fewer than 2 customers; whatever `fitSegments` throws
 * @see C. Hennig (2007), Cluster-wise assessment of cluster stability, Computational Statistics &
 *   Data Analysis 52(1); L. Hubert and P. Arabie (1985), Comparing partitions, J. Classification 2.
 * @example
 * ```ts
 * const customers = [
 *   { spend: 10 }, { spend: 12 }, { spend: 11 }, { spend: 13 }, { spend: 95 }, { spend: 99 }, { spend: 97 }, { spend: 94 },
 * ];
 * const result = segmentStability(customers, (sample) => kMeans(sample, { k: 2, fields: ["spend"], seed: 1 }), {
 *   resamples: 20, seed: 3,
 * });
 * result.segments.map((s) => s.meanJaccard); // => [1, 1]
 * result.meanAdjustedRandIndex; // => 1
 * ```
 */
export function segmentStability<T>(
  records: readonly T[],
  fitSegments: (sample: readonly T[], resample: number) => SegmentStabilityFit,
  options: SegmentStabilityOptions = {},
): SegmentStabilityResult {
  const name = "segmentStability";
  const parsed = withDefaults(checkOptions(name, segmentStabilityShape, options), {
    resamples: 100,
    seed: 1,
    recoverAbove: 0.75,
    dissolvedAtOrBelow: 0.5,
  });
  assertRecordArray(records, name);
  if (typeof fitSegments !== "function") {
    throw new InvalidOptionsError(name, [
      {
        path: "fitSegments",
        message: "expected a function (sample) => assignments or a model with assignments",
        received: fitSegments,
      },
    ]);
  }
  const n = records.length;
  if (n < 2) throw new InsufficientDataError(name, `needs at least 2 customers to resample; got ${n}`);
  const full = labelsOf(name, fitSegments(records, -1), n, -1);
  let k = 0;
  for (let i = 0; i < n; i++) if ((full[i] as number) + 1 > k) k = (full[i] as number) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++)
    if ((full[i] as number) >= 0) sizes[full[i] as number] = (sizes[full[i] as number] as number) + 1;

  const random = createRandom(parsed.seed);
  const B = parsed.resamples;
  const jaccard: (number | null)[][] = [];
  const resampledLabels: Int32Array[] = []; // per resample: label per original row, -1 = not drawn or left out
  const toFull: number[] = [];
  for (let b = 0; b < B; b++) {
    const draws = new Int32Array(n);
    for (let t = 0; t < n; t++) draws[t] = random.integer(n);
    const sample = Array.from(draws, (i) => records[i] as T);
    const labels = labelsOf(name, fitSegments(sample, b), n, b);
    const byRow = new Int32Array(n).fill(-1);
    const drawn = new Uint8Array(n);
    for (let t = 0; t < n; t++) {
      const row = draws[t] as number;
      if (drawn[row]) continue; // a duplicate draw counts once (its first copy)
      drawn[row] = 1;
      byRow[row] = labels[t] as number;
    }
    resampledLabels.push(byRow);
    // contingency of full-data segments (rows) and resampled segments (columns) over distinct rows drawn
    const columnOf = new Map<number, number>();
    const cells: number[] = [];
    const columnSizes: number[] = [];
    const rowSizes = new Array<number>(k).fill(0);
    const both: number[] = [];
    const fullOfBoth: number[] = [];
    for (let row = 0; row < n; row++) {
      if (!drawn[row]) continue;
      const a = full[row] as number;
      const d = byRow[row] as number;
      if (d >= 0) {
        let column = columnOf.get(d);
        if (column === undefined) {
          column = columnOf.size;
          columnOf.set(d, column);
          columnSizes.push(0);
        }
        columnSizes[column] = (columnSizes[column] as number) + 1;
        if (a >= 0) {
          cells.push(a * n + column);
          both.push(d);
          fullOfBoth.push(a);
        }
      }
      if (a >= 0) rowSizes[a] = (rowSizes[a] as number) + 1;
    }
    const intersections = new Map<number, number>();
    for (const cell of cells) intersections.set(cell, (intersections.get(cell) ?? 0) + 1);
    const best = new Array<number | null>(k).fill(null);
    for (let a = 0; a < k; a++) if ((rowSizes[a] as number) > 0) best[a] = 0;
    for (const [cell, count] of intersections) {
      const a = Math.floor(cell / n);
      const column = cell % n;
      const value = count / ((rowSizes[a] as number) + (columnSizes[column] as number) - count);
      if (value > (best[a] as number)) best[a] = value;
    }
    jaccard.push(best);
    toFull.push(both.length > 0 ? adjustedRandIndex(fullOfBoth, both) : 0);
  }

  let pairSum = 0;
  let pairs = 0;
  for (let b = 0; b < B; b++) {
    for (let c = b + 1; c < B; c++) {
      const x: number[] = [];
      const y: number[] = [];
      const lb = resampledLabels[b] as Int32Array;
      const lc = resampledLabels[c] as Int32Array;
      for (let row = 0; row < n; row++) {
        if ((lb[row] as number) >= 0 && (lc[row] as number) >= 0) {
          x.push(lb[row] as number);
          y.push(lc[row] as number);
        }
      }
      if (x.length === 0) continue;
      pairSum += adjustedRandIndex(x, y);
      pairs++;
    }
  }
  const segments: SegmentStabilityRow[] = Array.from({ length: k }, (_, segment) => {
    let sum = 0;
    let evaluated = 0;
    let recovered = 0;
    let dissolved = 0;
    for (const row of jaccard) {
      const value = row[segment];
      if (value === null || value === undefined) continue;
      sum += value;
      evaluated++;
      if (value > parsed.recoverAbove) recovered++;
      if (value <= parsed.dissolvedAtOrBelow) dissolved++;
    }
    return {
      segment,
      size: sizes[segment] as number,
      meanJaccard: evaluated > 0 ? sum / evaluated : null,
      recoveredCount: recovered,
      dissolvedCount: dissolved,
      evaluatedResamples: evaluated,
    };
  });
  const result: SegmentStabilityResult = {
    k,
    assignments: full,
    segments,
    jaccard,
    meanAdjustedRandIndex: pairs > 0 ? pairSum / pairs : null,
    meanAdjustedRandIndexToFull: toFull.reduce((a, b) => a + b, 0) / toFull.length,
    options: {
      resamples: B,
      seed: parsed.seed,
      recoverAbove: parsed.recoverAbove,
      dissolvedAtOrBelow: parsed.dissolvedAtOrBelow,
    },
  };
  return withDisplay(result, {
    title: "Segment stability (bootstrap Jaccard)",
    summary: (r) => [
      `${n} customers, ${B} bootstrap resamples; mean adjusted Rand index between resampled solutions ${r.meanAdjustedRandIndex === null ? "-" : r.meanAdjustedRandIndex.toFixed(3)}, to the full-data solution ${r.meanAdjustedRandIndexToFull.toFixed(3)}`,
    ],
    rows: (r) => r.segments.map((row) => ({ ...row })),
  });
}

function labelsOf(name: string, fitted: SegmentStabilityFit, n: number, resample: number): Int32Array {
  const labels =
    fitted !== null && typeof fitted === "object" && "assignments" in fitted
      ? (fitted as { assignments: ArrayLike<number> }).assignments
      : (fitted as ArrayLike<number>);
  if (labels === null || typeof labels !== "object" || labels.length !== n) {
    throw new InvalidOptionsError(name, [
      {
        path: "fitSegments",
        message: `must return one segment per record it is given (${n}) ${resample < 0 ? "for the full data" : `in resample ${resample}`}, as an array or a model with assignments`,
        received: labels === null || typeof labels !== "object" ? labels : `length ${labels.length}`,
      },
    ]);
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const value = labels[i] as number;
    if (!Number.isInteger(value)) {
      throw new InvalidOptionsError(name, [
        {
          path: "fitSegments",
          message: `returned a segment that is not a whole number at position ${i}`,
          received: value,
        },
      ]);
    }
    out[i] = value < 0 ? -1 : value;
  }
  return out;
}
