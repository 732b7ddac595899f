/** Shared fitting path of kMeans, kMeansSteps and chooseK. */
import {
  createRandom,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  type ProgressCallback,
  progressReporter,
  type Random,
  withDisplay,
} from "../../core/index.js";
import { withDefaults } from "../../core/internal/defaults.js";
import {
  checkOptions,
  custom,
  type OptionShape,
  type OptionValues,
  progressCallback,
  required,
  seed,
} from "../../core/internal/optionRules.js";
import type { FeatureMatrixOptions, FeatureMatrixResult } from "../featureMatrixTypes.js";
import type { KMeansResult } from "../kMeansTypes.js";
import { featureMatrixOf, featureOptionsShape } from "./featureOptions.js";
import { inverseTransform, largestRow, type PresentFeatureMatrix } from "./features.js";
import {
  countDistinctUpTo,
  meanFeatureVariance,
  seedingDrawCount,
  seedingDraws,
  useBounds,
} from "./lloyd.js";
import { largestMagnitude } from "./lloydEngine.js";
import { fieldList, nonNegative, wholeNumber } from "./optionChecks.js";
import { autoWorkers, type RestartsOutcome, runRestarts } from "./parallel.js";

/** Defaults of the k-means options (documented in KMeansOptions), filled in by {@link withDefaults}. */
export const DEFAULTS = {
  seed: 1,
  restarts: 10,
  maxIterations: 300,
  tolerance: 1e-4,
  init: "kmeans++",
} as const;

/** What the coordinates of an initial centre are (words of the `init` messages). */
const PER_FEATURE = "one per feature, in the transformed feature space";

/** `init`: "kmeans++" or the initial centres (arrays of finite numbers; their count and length are checked against k and d later). */
const initRule = /* @__PURE__ */ custom<"kmeans++" | number[][]>(
  '"kmeans++" or the initial centres',
  (value) => {
    if (value === "kmeans++") return undefined;
    if (!Array.isArray(value) || !value.every((centre) => Array.isArray(centre)))
      return `expected "kmeans++" or the initial centres: an array of k arrays of numbers (${PER_FEATURE})`;
    return value.every((centre: unknown[]) =>
      centre.every((x) => typeof x === "number" && Number.isFinite(x)),
    )
      ? undefined
      : "centre coordinates must be finite numbers";
  },
);

/**
 * Rules of the feature source of kMeans, kMeansSteps and chooseK: `fields` (with `transforms`,
 * `missing`) or a prebuilt `matrix`, each optional. Pair with {@link oneFeatureSource}.
 */
export const featureSourceShape = {
  ...featureOptionsShape,
  fields: /* @__PURE__ */ fieldList(),
  matrix: /* @__PURE__ */ custom<FeatureMatrixResult<unknown>>(
    "the result of featureMatrix(records, ...)",
    (value) =>
      value !== null &&
      typeof value === "object" &&
      (value as { matrix?: unknown }).matrix instanceof Float64Array
        ? undefined
        : "expected the result of featureMatrix(records, ...)",
  ),
};

/**
 * The check, across options, that exactly one of `fields` and `matrix` is given (`checkOptions`' `across`):
 * an issue at `fields`.
 */
export function oneFeatureSource(
  options: { readonly fields?: unknown; readonly matrix?: unknown },
  report: (option: string, message: string) => void,
): void {
  if ((options.fields === undefined) === (options.matrix === undefined))
    report(
      "fields",
      "give exactly one of fields (to build the feature matrix) or matrix (a featureMatrix result)",
    );
}

/**
 * The rules of the options of one k-means run (kMeansSteps: no restarts, no progress) and those in
 * `shape`; an unknown (e.g. misspelt) option is an error, never a silent default. The shapes built with
 * it below are marked pure, so a bundle that uses neither (chooseK) drops them, and each function's
 * bundle drops the other's.
 */
function kMeansRunShape<S extends OptionShape>(shape: S) {
  return {
    k: required(wholeNumber("k", 1)),
    ...featureSourceShape,
    seed: seed(),
    maxIterations: wholeNumber("maxIterations", 1),
    tolerance: nonNegative("tolerance"),
    init: initRule,
    ...shape,
  };
}

/** Options of kMeans. */
export const kMeansShape = /* @__PURE__ */ kMeansRunShape({
  restarts: /* @__PURE__ */ wholeNumber("restarts", 1),
  workers: /* @__PURE__ */ custom<number | "auto">('"auto" or a whole number >= 0', (value) =>
    value === "auto" || (Number.isSafeInteger(value) && (value as number) >= 0)
      ? undefined
      : 'workers must be "auto" or a whole number of at least 0',
  ),
  onProgress: /* @__PURE__ */ progressCallback<ProgressCallback>(),
});

/** Options of kMeansSteps: those of kMeans without restarts, workers and onProgress (one run is stepped). */
export const kMeansStepsShape = /* @__PURE__ */ kMeansRunShape({});

export type ParsedKMeansOptions = OptionValues<typeof kMeansShape>;

/** Checks the options of kMeans or kMeansSteps and fills in their defaults. */
export function parseKMeansOptions<S extends typeof kMeansShape | typeof kMeansStepsShape>(
  functionName: string,
  shape: S,
  options: unknown,
) {
  return withDefaults(checkOptions(functionName, shape, options, oneFeatureSource), DEFAULTS);
}

/**
 * Builds the feature matrix named by the options, or checks a prebuilt `matrix`: it must come
 * from these records, and `transforms` / `missing` must not be given beside it (they were
 * fixed when it was built), so nothing is silently ignored. A matrix built here goes through
 * `present` (see {@link PresentFeatureMatrix}).
 */
export function resolveFeatures<T>(
  functionName: string,
  records: readonly T[],
  parsed: Pick<ParsedKMeansOptions, "fields" | "transforms" | "missing" | "matrix">,
  rawOptions: { readonly transforms?: unknown; readonly fields?: unknown; readonly missing?: unknown },
  present: PresentFeatureMatrix,
): FeatureMatrixResult<T> {
  if (parsed.matrix !== undefined) {
    const matrix = parsed.matrix as FeatureMatrixResult<T>;
    const ignored = (["transforms", "missing"] as const).filter((option) => rawOptions[option] !== undefined);
    if (ignored.length > 0) {
      throw new InvalidOptionsError(
        functionName,
        ignored.map((option) => ({
          path: option,
          message: `cannot be given with matrix: it was already built with ${option} ${JSON.stringify(matrix.options[option])}; pass ${option} to featureMatrix, or give fields instead of matrix`,
          received: rawOptions[option],
        })),
      );
    }
    if (!Array.isArray(records) || matrix.sourceRowCount !== records.length) {
      throw new InvalidOptionsError(functionName, [
        {
          path: "matrix",
          message: `was built from ${matrix.sourceRowCount} records but ${Array.isArray(records) ? records.length : "no array of"} records were passed; build it with featureMatrix(records, ...) from these records`,
        },
      ]);
    }
    if (matrix.rowCount === 0)
      throw new InsufficientDataError(functionName, "the feature matrix has no rows");
    return matrix;
  }
  return featureMatrixOf(functionName, records, parsed as FeatureMatrixOptions<T>, present);
}

/**
 * The largest |coordinate| k-means accepts for n points of d features: below it n·d·(2·limit)²,
 * a bound on the inertia and on every sum of squared distances the kernels form, stays finite.
 */
export function magnitudeLimit(n: number, d: number): number {
  return Math.sqrt(Number.MAX_VALUE / (4 * Math.max(n, 1) * Math.max(d, 1)));
}

/**
 * Refuses coordinates so large that squared distances overflow (Infinity inertia, every centre
 * equally far): an InvalidRecordError naming the customer with the largest one. Transformed
 * features (standardize, minmax, log1p) are always far below the limit; raw ones (transforms
 * "none") around 1e150 and beyond are not. O(n d).
 */
export function checkMagnitude<T>(functionName: string, features: FeatureMatrixResult<T>): void {
  const n = features.rowCount;
  const d = features.columnCount;
  const limit = magnitudeLimit(n, d);
  if (!(largestMagnitude(features.matrix) > limit)) return;
  for (let j = 0; j < d; j++) {
    const i = largestRow(features.matrix, n, d, j);
    if (!(Math.abs(features.matrix[i * d + j] as number) > limit)) continue;
    throw new InvalidRecordError(
      functionName,
      features.rowIndices[i] as number,
      features.featureNames[j] as string,
      features.rawMatrix[i * d + j],
      `this value is ${features.matrix[i * d + j]} in the clustered (transformed) space, too large for k-means: with ${n} customers and ${d} features squared distances overflow beyond ±${limit.toPrecision(3)}; use transforms "standardize" (the default), "minmax" or "log1p", or rescale the field`,
    );
  }
}

/** Checks the data's magnitude and k against the data: k <= rows and k <= distinct points. */
export function checkK<T>(functionName: string, features: FeatureMatrixResult<T>, k: number): void {
  checkMagnitude(functionName, features);
  const n = features.rowCount;
  if (k > n) {
    throw new InsufficientDataError(
      functionName,
      `k = ${k} but only ${n} customer${n === 1 ? "" : "s"} ${features.droppedRowCount > 0 ? `(after dropping ${features.droppedRowCount} with missing values) ` : ""}to cluster; choose k <= ${n}`,
    );
  }
  const distinct = countDistinctUpTo(features.matrix, n, features.columnCount, k);
  if (distinct < k) {
    throw new InsufficientDataError(
      functionName,
      `k = ${k} but the ${n} customers have only ${distinct} distinct feature vector${distinct === 1 ? "" : "s"}; choose k <= ${distinct}`,
    );
  }
}

/** Validates given initial centres against k and d; returns them flat. */
export function flatCentres(
  functionName: string,
  init: readonly (readonly number[])[],
  k: number,
  d: number,
  n: number,
): Float64Array {
  const refuse = (message: string) =>
    new InvalidOptionsError(functionName, [{ path: "init", message, received: init }]);
  if (init.length !== k || init.some((centre) => centre.length !== d))
    throw refuse(`expected ${k} centres (k) of ${d} coordinates each (${PER_FEATURE})`);
  const limit = magnitudeLimit(n, d);
  if (init.some((centre) => centre.some((value) => Math.abs(value) > limit)))
    throw refuse(
      `has a coordinate beyond ±${limit.toPrecision(3)}, too large for k-means (squared distances overflow); give centres in the transformed feature space`,
    );
  const flat = new Float64Array(k * d);
  init.forEach((centre, c) => {
    flat.set(centre, c * d);
  });
  return flat;
}

/** Runs restarts on a feature matrix (in parallel per `parsed.workers`) and builds the result. */
export function fitOnMatrix<T>(
  functionName: string,
  features: FeatureMatrixResult<T>,
  parsed: {
    k: number;
    seed: number;
    restarts: number;
    maxIterations: number;
    tolerance: number;
    init: "kmeans++" | number[][];
    workers?: number | "auto" | undefined;
    onProgress?: ((event: never) => void) | ProgressCallback | undefined;
  },
  echo: KMeansResult<T>["options"],
  random: Random = createRandom(parsed.seed),
): KMeansResult<T> {
  const { k, maxIterations } = parsed;
  const n = features.rowCount;
  const d = features.columnCount;
  const data = features.matrix;
  checkK(functionName, features, k);
  const shiftTolerance = parsed.tolerance * meanFeatureVariance(data, n, d);
  // Given centres make a single run. Otherwise every restart's seeding draws come from its own fork
  // of the seeded stream, drawn here in restart order, so the outcome is the same whichever thread
  // runs which restart.
  const initial = parsed.init === "kmeans++" ? null : flatCentres(functionName, parsed.init, k, d, n);
  const restarts = initial === null ? parsed.restarts : 1;
  const drawCount = initial === null ? seedingDrawCount(k) : 0;
  const draws = new Float64Array(restarts * drawCount);
  if (initial === null)
    for (let r = 0; r < restarts; r++) draws.set(seedingDraws(random.fork(), n, k), r * drawCount);
  const workers =
    parsed.workers === undefined || parsed.workers === "auto"
      ? autoWorkers(n, d, k, restarts)
      : Math.min(parsed.workers, restarts - 1);
  const progress = progressReporter(parsed.onProgress as ProgressCallback | undefined, "restart", restarts);
  const run = runRestarts(
    { data, n, d, k, restarts, draws, initial, maxIterations, shiftTolerance, bounded: useBounds(n, k) },
    workers,
    (completed) => progress.tick(completed),
  );
  progress.done();
  return buildResult(features, k, run, { ...echo, restarts });
}

function buildResult<T>(
  features: FeatureMatrixResult<T>,
  k: number,
  run: RestartsOutcome,
  echo: KMeansResult<T>["options"],
): KMeansResult<T> {
  const { restartInertias, bestRestart } = run;
  const d = features.columnCount;
  const steps = features.transform.features.map((feature) => feature.steps);
  const scaledCentroids: number[][] = [];
  const centroids: number[][] = [];
  for (let c = 0; c < k; c++) {
    const centre = Array.from(run.centres.subarray(c * d, c * d + d));
    scaledCentroids.push(centre);
    centroids.push(inverseTransform(centre, steps));
  }
  const sizes = new Array<number>(k).fill(0);
  const assignments = new Int32Array(features.sourceRowCount).fill(-1);
  for (let i = 0; i < run.labels.length; i++) {
    const label = run.labels[i] as number;
    sizes[label] = (sizes[label] as number) + 1;
    assignments[features.rowIndices[i] as number] = label;
  }
  const result: KMeansResult<T> = {
    k,
    centroids,
    scaledCentroids,
    featureNames: features.featureNames,
    assignments,
    sizes,
    inertia: run.inertia,
    iterations: run.iterations,
    converged: run.converged,
    restartInertias,
    bestRestart,
    features,
    transform: features.transform,
    droppedRowCount: features.droppedRowCount,
    options: echo,
  };
  return withDisplay(result, {
    title: `k-means, k = ${k}`,
    summary: (r) => [
      `${r.features.rowCount} customers, ${r.featureNames.length} features; inertia ${r.inertia.toPrecision(6)} after ${r.iterations} iterations (${r.converged ? "converged" : "not converged"}), best of ${r.restartInertias.length} restart${r.restartInertias.length === 1 ? "" : "s"}`,
      ...(r.droppedRowCount > 0
        ? [`${r.droppedRowCount} customers dropped for missing values (assignment -1)`]
        : []),
      "centroids in original units:",
    ],
    rows: (r) =>
      r.centroids.map((centre, c) => ({
        segment: c,
        size: r.sizes[c] ?? 0,
        ...Object.fromEntries(r.featureNames.map((name, j) => [name, centre[j] ?? null])),
      })),
  });
}
