// The types of `kMeans`: its options and result. They live below kMeans.ts so that the internal fit
// can use them without importing the function back.
import type { Field, ProgressCallback } from "../core/index.js";
import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixResult,
  FeatureMatrixTransform,
  FeatureMatrixTransforms,
} from "./featureMatrixTypes.js";

/**
 * Options of {@link kMeans}. Give either `fields` (and optionally `transforms`, `missing`) or `matrix`;
 * `transforms` and `missing` beside `matrix` are refused (InvalidOptionsError), not ignored.
 *
 * @example
 * ```ts
 * const spenders = [{ spend: 10 }, { spend: 12 }, { spend: 200 }, { spend: 210 }];
 * const options: KMeansOptions<{ spend: number }> = { k: 2, fields: ["spend"], restarts: 5, seed: 42 };
 * kMeans(spenders, options).options;
 * // => { k: 2, seed: 42, restarts: 5, maxIterations: 300, tolerance: 0.0001, init: "kmeans++" }
 * ```
 */
export interface KMeansOptions<T> {
  /** Number of segments, at least 1 and at most the number of distinct customers. */
  readonly k: number;
  /** Features to cluster on, as in `featureMatrix` (a record of key-or-accessor fields, or an array of keys). */
  readonly fields?: Readonly<Record<string, Field<T>>> | readonly (keyof T & string)[];
  /**
   * Transforms of the features, as in `featureMatrix`.
   * @defaultValue "standardize" for every feature
   */
  readonly transforms?: FeatureMatrixTransforms;
  /**
   * Missing-value policy, as in `featureMatrix`; dropped customers get assignment -1.
   * @defaultValue "error"
   */
  readonly missing?: FeatureMatrixMissingPolicy;
  /**
   * A feature matrix already built from these records with `featureMatrix` (instead of `fields`).
   * Its transforms and missing policy were fixed when it was built: giving `transforms` or
   * `missing` beside it is an InvalidOptionsError.
   */
  readonly matrix?: FeatureMatrixResult<T>;
  /** Seed of k-means++ seeding. Same seed, same result. @defaultValue 1 */
  readonly seed?: number;
  /** Independent k-means++ starts; the run with the lowest inertia is kept. Ignored (1) when `init` gives centres. @defaultValue 10 */
  readonly restarts?: number;
  /** Maximum Lloyd iterations per start. @defaultValue 300 */
  readonly maxIterations?: number;
  /**
   * Convergence tolerance, relative as in scikit-learn: a run stops when no assignment
   * changes, or when the total squared shift of the centres is at most
   * `tolerance x` the mean per-feature variance of the (transformed) data.
   * @defaultValue 1e-4
   */
  readonly tolerance?: number;
  /**
   * `"kmeans++"` (greedy k-means++ seeding), or k initial centres in the transformed feature space
   * (one coordinate per feature, after `transforms`).
   * @defaultValue "kmeans++"
   */
  readonly init?: "kmeans++" | readonly (readonly number[])[];
  /**
   * Worker threads that run restarts beside the calling thread (Node only: worker_threads with
   * SharedArrayBuffer; elsewhere, in browsers, Deno and Bun, restarts run on the calling thread).
   * The result is the same for every value (each restart is seeded from its own fork of the seeded
   * stream, drawn in advance, and the best one is picked in restart order), so this is about speed
   * only: `0` runs serially; `"auto"` uses one worker per spare core (at most restarts - 1) when the
   * problem is large enough to pay for starting them (n x features x k of at least 1e6, e.g.
   * 100,000 customers, 3 features, k = 4), else none. Each busy thread holds 16 bytes per customer;
   * with workers, the feature matrix is shared with them (copied once into a SharedArrayBuffer).
   * @defaultValue "auto"
   */
  readonly workers?: number | "auto";
  /** Called as restarts complete (stage `"restart"`; with workers, when the calling thread completes one, with the count so far). */
  readonly onProgress?: ProgressCallback;
}

/**
 * A fitted k-means segmentation, from {@link kMeans}.
 *
 * @example
 * ```ts
 * const spenders = [{ spend: 10 }, { spend: 12 }, { spend: 200 }, { spend: 210 }];
 * const model = kMeans(spenders, { k: 2, fields: ["spend"], seed: 1 }); // assignments [0, 0, 1, 1]
 * model.sizes; // => [2, 2]
 * model.centroids; // => [[11], [205]] (original units)
 * model.scaledCentroids; // => [[-0.8654...], [0.8654...]] (standardized)
 * model.converged; // => true
 * ```
 */
export interface KMeansResult<T> {
  readonly k: number;
  /**
   * Centres in original units: each transformed centre mapped back through the inverse
   * transforms. For standardize and minmax this is the members' mean; after log1p it is
   * expm1 of the mean log, a geometric-type centre.
   */
  readonly centroids: readonly (readonly number[])[];
  /** Centres in the transformed feature space the clustering ran in. */
  readonly scaledCentroids: readonly (readonly number[])[];
  readonly featureNames: readonly string[];
  /** Segment (0..k-1) of every input record, in input order; -1 for a record dropped for a missing value. */
  readonly assignments: Int32Array;
  /** Customers per segment. */
  readonly sizes: readonly number[];
  /** Sum of squared distances of customers to their centre, in the transformed space. */
  readonly inertia: number;
  /** Lloyd iterations of the kept run. */
  readonly iterations: number;
  /** Whether the kept run met the tolerance before `maxIterations`. */
  readonly converged: boolean;
  /** Final inertia of every restart, in order. */
  readonly restartInertias: readonly number[];
  /** Index of the kept restart. */
  readonly bestRestart: number;
  /** The feature matrix clustered. */
  readonly features: FeatureMatrixResult<T>;
  /** The fitted feature transform, used by `assignSegments`. */
  readonly transform: FeatureMatrixTransform<T>;
  readonly droppedRowCount: number;
  /** The resolved options. */
  readonly options: {
    readonly k: number;
    readonly seed: number;
    readonly restarts: number;
    readonly maxIterations: number;
    readonly tolerance: number;
    readonly init: "kmeans++" | readonly (readonly number[])[];
  };
}
