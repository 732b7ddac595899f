import { createRandom } from "../core/index.js";
import {
  checkK,
  flatCentres,
  kMeansStepsShape,
  parseKMeansOptions,
  resolveFeatures,
} from "./internal/fit.js";
import { kMeansPlusPlus, lloydIterations, meanFeatureVariance } from "./internal/lloyd.js";
import type { KMeansOptions } from "./kMeans.js";

/**
 * Options of {@link kMeansSteps}: those of `kMeans` without restarts (one run is stepped).
 *
 * @example
 * ```ts
 * const spenders = [{ spend: 10 }, { spend: 12 }, { spend: 200 }, { spend: 210 }];
 * const options: KMeansStepsOptions<{ spend: number }> = { k: 2, fields: ["spend"], transforms: "none", init: [[10], [12]] };
 * [...kMeansSteps(spenders, options)].map((step) => step.scaledCentroids);
 * // => [[[10], [140.666...]], [[11], [205]], [[11], [205]]]
 * ```
 */
export type KMeansStepsOptions<T> = Omit<KMeansOptions<T>, "restarts" | "workers" | "onProgress">;

/**
 * One Lloyd iteration, yielded by {@link kMeansSteps}.
 *
 * @example
 * ```ts
 * const spenders = [{ spend: 10 }, { spend: 12 }, { spend: 200 }, { spend: 210 }];
 * const [first] = kMeansSteps(spenders, { k: 2, fields: ["spend"], transforms: "none", init: [[10], [12]] });
 * first;
 * // => { iteration: 1, assignments: Int32Array [0, 1, 1, 1], scaledCentroids: [[10], [140.666...]],
 * //      inertia: 74548, centreShift: 16555.11..., changedAssignments: 4, relocatedCentres: 0, converged: false }
 * ```
 */
export interface KMeansStep {
  /** 1-based iteration number. */
  readonly iteration: number;
  /** Segment of every matrix row after this iteration's assignment (rows as in `features.rowIndices`). */
  readonly assignments: Int32Array;
  /** Centres after this iteration's update, in the transformed feature space. */
  readonly scaledCentroids: readonly (readonly number[])[];
  /** Inertia of this iteration's assignments against the centres they were made with; never increases. */
  readonly inertia: number;
  /** Total squared shift of the centres in this iteration. */
  readonly centreShift: number;
  /** Assignments that changed in this iteration. */
  readonly changedAssignments: number;
  /** Empty segments re-seeded in this iteration. */
  readonly relocatedCentres: number;
  /** True on the last step when the run converged. */
  readonly converged: boolean;
}

/**
 * The Lloyd iterations of one k-means run, one step at a time — for animations,
 * teaching and custom stopping rules. Seeding and stopping are those of `kMeans` with
 * one restart; each yielded step holds copies, safe to keep.
 *
 * Complexity: O(k d) per step plus O(n k d) per iteration.
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link KMeansStepsOptions}
 * @returns a generator of {@link KMeansStep}
 * @throws as `kMeans`, when the generator is first advanced
 * @see kMeans
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const inertias = [];
 * for (const step of kMeansSteps(customers, { k: 3, fields: ["recency", "frequency", "monetary"], seed: 7 })) {
 *   inertias.push(step.inertia);
 * }
 * inertias; // => [1.5611..., 1.4740...] (never increasing; converged at step 2)
 * ```
 */
export function* kMeansSteps<T>(
  records: readonly T[],
  options: KMeansStepsOptions<T>,
): Generator<KMeansStep, void, void> {
  const parsed = parseKMeansOptions("kMeansSteps", kMeansStepsShape, options);
  const features = resolveFeatures(
    "kMeansSteps",
    records,
    parsed,
    options,
    (matrix) => matrix, // internal only: no display code in this bundle
  );
  const n = features.rowCount;
  const d = features.columnCount;
  const k = parsed.k;
  checkK("kMeansSteps", features, k);
  const initial =
    parsed.init === "kmeans++"
      ? kMeansPlusPlus(features.matrix, n, d, k, createRandom(parsed.seed).fork())
      : flatCentres("kMeansSteps", parsed.init, k, d, n);
  const shiftTolerance = parsed.tolerance * meanFeatureVariance(features.matrix, n, d);
  for (const step of lloydIterations(
    features.matrix,
    n,
    d,
    initial,
    k,
    parsed.maxIterations,
    shiftTolerance,
  )) {
    const scaledCentroids: number[][] = [];
    for (let c = 0; c < k; c++) scaledCentroids.push(Array.from(step.centres.subarray(c * d, c * d + d)));
    yield {
      iteration: step.iteration,
      assignments: Int32Array.from(step.labels),
      scaledCentroids,
      inertia: step.inertia,
      centreShift: step.centreShift,
      changedAssignments: step.changed,
      relocatedCentres: step.relocated,
      converged: step.converged,
    };
  }
}
