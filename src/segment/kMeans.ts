import { showFeatureMatrix } from "./internal/features.js";
import { fitOnMatrix, kMeansShape, parseKMeansOptions, resolveFeatures } from "./internal/fit.js";
import type { KMeansOptions, KMeansResult } from "./kMeansTypes.js";

export type { KMeansOptions, KMeansResult } from "./kMeansTypes.js";

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
 * Speed: the point loops run on a flat row-major `Float64Array`, compiled once per number of
 * features (up to 16; the general loops beyond, or where code generation is forbidden). From 2000
 * customers and k >= 3 the assignment step keeps Hamerly's distance bounds and scans all k centres
 * only for customers whose nearest centre could have changed (for 3 features and k <= 8, the RFM
 * shape, without data-dependent branches); the assignments are the same as plain Lloyd's (a safety
 * margin guards the bounds against rounding; tested bit for bit). On Node, restarts run in parallel
 * on worker threads when the problem is large enough (`workers`, default `"auto"`), with the same
 * result as the serial run; elsewhere they run one after another.
 *
 * Complexity: O(restarts x (k log k + iterations x k) x n d) time in the worst case (divided among
 * the threads); memory beyond the feature matrix 16 bytes per customer per busy thread (labels,
 * bounds, best labels), plus one shared copy of the matrix when workers run.
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link KMeansOptions}
 * @returns centroids in original and transformed units, assignments, sizes, inertia
 * @throws InvalidOptionsError for bad options (an unknown key, k < 1, both or neither of fields/matrix,
 *   transforms or missing beside matrix, init of the wrong shape, a matrix built from other records); InsufficientDataError for empty input or k greater than the
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
  const parsed = parseKMeansOptions("kMeans", kMeansShape, options);
  const features = resolveFeatures("kMeans", records, parsed, options, showFeatureMatrix);
  return fitOnMatrix("kMeans", features, parsed, {
    k: parsed.k,
    seed: parsed.seed,
    restarts: parsed.restarts,
    maxIterations: parsed.maxIterations,
    tolerance: parsed.tolerance,
    init: parsed.init,
  });
}
