import type { Field, ProgressCallback } from "../core/index.js";
import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixResult,
  FeatureMatrixTransform,
  FeatureMatrixTransforms,
} from "./featureMatrix.js";
import { fitOnMatrix, kMeansSchema, resolveFeatures } from "./internal/fit.js";
import { parseStrictOptions } from "./internal/strictOptions.js";

/**
 * Options of {@link kMeans}. Give either `fields` (and optionally `transforms`, `missing`) or `features`;
 * `transforms` and `missing` beside `features` are refused (InvalidOptionsError), not ignored.
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
  readonly features?: FeatureMatrixResult<T>;
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
  /** Called after each restart (stage `"restart"`). */
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

/**
 * Segments customers by k-means: greedy k-means++ seeding from a seeded stream,
 * Lloyd iterations on a flat `Float64Array`, several restarts keeping the lowest inertia.
 *
 * The Lloyd iteration is scikit-learn's (`KMeans(algorithm="lloyd")`): assign each
 * customer to the nearest centre (the first on ties), move each centre to the mean of its
 * customers, stop when no assignment changes or the total squared centre shift is within
 * the tolerance; if the run stopped on the tolerance or on `maxIterations`, assignments are
 * recomputed once against the final centres. Empty segments: a centre left without
 * customers is re-seeded at the customer farthest from its own centre (several empty
 * centres take the next farthest ones), as scikit-learn does.
 *
 * Speed: the hot loop runs on a flat row-major `Float64Array`. From 2000 customers and
 * k >= 3 the assignment step keeps Hamerly's distance bounds and scans all k centres only
 * for customers whose nearest centre could have changed (for 3 features and k <= 8, the
 * RFM shape, without data-dependent branches); the assignments are the same as plain
 * Lloyd's (a safety margin guards the bounds against rounding; tested bit for bit).
 *
 * Complexity: O(restarts x (k log k + iterations x k) x n d) time in the worst case, O(n d) memory.
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link KMeansOptions}
 * @returns centroids in original and transformed units, assignments, sizes, inertia
 * @throws InvalidOptionsError for bad options (an unknown key, k < 1, both or neither of fields/features,
 *   transforms or missing beside features, init of the wrong shape, features built from other records); InsufficientDataError for empty input or k greater than the
 *   number of customers or of distinct feature vectors; InvalidRecordError for bad values, and for a
 *   clustered coordinate so large that squared distances would overflow (beyond about
 *   sqrt(1.8e308 / (4 n d)), e.g. 1e150 with `transforms: "none"`: the inertia would be Infinity) —
 *   standardize, minmax or log1p bring every feature far below it.
 * @see S. Lloyd (1982), Least squares quantization in PCM, IEEE Trans. Inf. Theory 28(2);
 *   D. Arthur and S. Vassilvitskii (2007), k-means++: the advantages of careful seeding, SODA;
 *   G. Hamerly (2010), Making k-means even faster, SIAM International Conference on Data Mining.
 * @example
 * ```ts
 * const customers = [
 *   { spend: 10, orders: 1 }, { spend: 12, orders: 1 }, { spend: 200, orders: 9 }, { spend: 210, orders: 10 },
 * ];
 * const model = kMeans(customers, { k: 2, fields: ["spend", "orders"], seed: 1 });
 * model.sizes; // => [2, 2]
 * model.assignments[0] === model.assignments[1]; // => true
 * model.centroids; // => [[11, 1], [205, 9.5]]
 * ```
 */
export function kMeans<T>(records: readonly T[], options: KMeansOptions<T>): KMeansResult<T> {
  const parsed = parseStrictOptions("kMeans", kMeansSchema, options);
  const features = resolveFeatures("kMeans", records, parsed, options);
  return fitOnMatrix("kMeans", features, parsed, {
    k: parsed.k,
    seed: parsed.seed,
    restarts: parsed.restarts,
    maxIterations: parsed.maxIterations,
    tolerance: parsed.tolerance,
    init: parsed.init,
  });
}
