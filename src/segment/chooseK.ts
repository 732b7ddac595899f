import type { Field } from "../core/index.js";
import {
  createRandom,
  InvalidOptionsError,
  type ProgressCallback,
  progressReporter,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, progressCallback, seed } from "../core/internal/optionRules.js";
import type {
  FeatureMatrixMissingPolicy,
  FeatureMatrixResult,
  FeatureMatrixTransforms,
} from "./featureMatrix.js";
import { calinskiHarabasz, daviesBouldin, sampleRows, silhouette } from "./internal/criteria.js";
import { showFeatureMatrix } from "./internal/features.js";
import {
  DEFAULTS,
  featureSourceShape,
  fitOnMatrix,
  oneFeatureSource,
  resolveFeatures,
} from "./internal/fit.js";
import { nonNegative, wholeNumber } from "./internal/optionChecks.js";
import type { KMeansResult } from "./kMeans.js";

/**
 * A criterion for choosing the number of segments (see {@link chooseK} for each one's rule).
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const criteria: ChooseKCriterion[] = ["silhouette", "daviesBouldin"];
 * chooseK(customers, {
 *   fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], kRange: [2, 4], criteria, seed: 1,
 * }).votes;
 * // => { inertia: null, silhouette: 3, calinskiHarabasz: null, daviesBouldin: 4 }
 * ```
 */
export type ChooseKCriterion = "inertia" | "silhouette" | "calinskiHarabasz" | "daviesBouldin";

/**
 * Options of {@link chooseK}. Give either `fields` (with `transforms`, `missing`) or `matrix`, as for `kMeans`;
 * `transforms` and `missing` beside `matrix` are refused (InvalidOptionsError), not ignored.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const options: ChooseKOptions<(typeof customers)[number]> = {
 *   fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], kRange: [2, 4], seed: 1,
 * };
 * chooseK(customers, options).options.restarts; // => 10
 * ```
 */
export interface ChooseKOptions<T> {
  /** Features to cluster on, as in `featureMatrix` (a record of key-or-accessor fields, or an array of keys). */
  readonly fields?: Readonly<Record<string, Field<T>>> | readonly (keyof T & string)[];
  /** Transforms of the features, as in `featureMatrix`. @defaultValue "standardize" for every feature */
  readonly transforms?: FeatureMatrixTransforms;
  /** Missing-value policy, as in `featureMatrix`. @defaultValue "error" */
  readonly missing?: FeatureMatrixMissingPolicy;
  /** A feature matrix already built from these records with `featureMatrix` (instead of `fields`; then no `transforms` or `missing`). */
  readonly matrix?: FeatureMatrixResult<T>;
  /** Smallest and largest k tried, inclusive; at least 2. @defaultValue [2, 10] */
  readonly kRange?: readonly [number, number];
  /** Criteria computed for each k. @defaultValue ["inertia", "silhouette", "calinskiHarabasz", "daviesBouldin"] */
  readonly criteria?: readonly ChooseKCriterion[];
  /** Seed of the k-means runs and of the silhouette sample. @defaultValue 1 */
  readonly seed?: number;
  /** k-means++ restarts per k. @defaultValue 10 */
  readonly restarts?: number;
  /** @defaultValue 300 */
  readonly maxIterations?: number;
  /** @defaultValue 1e-4 */
  readonly tolerance?: number;
  /**
   * The silhouette is computed on a seeded random sample of this many customers when
   * there are more (distances among sampled customers only, as scikit-learn's
   * `silhouette_score(sample_size=...)`); cost O(size^2 d).
   * @defaultValue 2000
   */
  readonly silhouetteSampleSize?: number;
  /** Called after each k (stage `"k"`). */
  readonly onProgress?: ProgressCallback;
}

/**
 * One row of the {@link chooseK} table: the criteria of the model with k segments.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const choice = chooseK(customers, {
 *   fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], kRange: [2, 5], seed: 1,
 * });
 * choice.table[1];
 * // => { k: 3, inertia: 1.0798..., silhouette: 0.6984..., calinskiHarabasz: 63.676..., daviesBouldin: 0.3110... }
 * ```
 */
export interface ChooseKRow {
  readonly k: number;
  /** Within-segment sum of squares (transformed space); lower is tighter, always falls with k. */
  readonly inertia: number;
  /** Mean silhouette in [-1, 1]; higher is better; null when not requested. */
  readonly silhouette: number | null;
  /** Calinski-Harabasz index; higher is better; null when not requested. */
  readonly calinskiHarabasz: number | null;
  /** Davies-Bouldin index; lower is better; null when not requested. */
  readonly daviesBouldin: number | null;
}

/**
 * Result of {@link chooseK}: the table per k, the votes, the recommendation and its reason.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const choice = chooseK(customers, {
 *   fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], kRange: [2, 5], seed: 1,
 * });
 * choice.votes; // => { inertia: 3, silhouette: 3, calinskiHarabasz: 5, daviesBouldin: 4 }
 * choice.recommendedK; // => 3
 * choice.models.map((model) => model.k); // => [2, 3, 4, 5]
 * choice.silhouetteSampleSize; // => 9 (all customers: fewer than silhouetteSampleSize)
 * ```
 */
export interface ChooseKResult<T> {
  /** One row per k, ascending. */
  readonly table: readonly ChooseKRow[];
  /** The recommended number of segments. */
  readonly recommendedK: number;
  /** Why, in plain words. */
  readonly reason: string;
  /** The k each criterion points to (inertia: the elbow), or null. */
  readonly votes: Readonly<Record<ChooseKCriterion, number | null>>;
  /** The fitted model for each k, in table order. */
  readonly models: readonly KMeansResult<T>[];
  /** Customers the silhouette was computed on (all, or the sample size). */
  readonly silhouetteSampleSize: number;
  readonly options: {
    readonly kRange: readonly [number, number];
    readonly criteria: readonly ChooseKCriterion[];
    readonly seed: number;
    readonly restarts: number;
    readonly maxIterations: number;
    readonly tolerance: number;
    readonly silhouetteSampleSize: number;
  };
}

const CRITERIA = ["inertia", "silhouette", "calinskiHarabasz", "daviesBouldin"] as const;

/**
 * Rules of chooseK's options (with {@link oneFeatureSource} across them). Exported for the equivalence
 * test of segment's option rules; not in the module index.
 */
export const chooseKShape = {
  ...featureSourceShape,
  kRange: custom<[number, number]>("[smallest k, largest k]", (value) => {
    if (!Array.isArray(value) || value.length !== 2 || !value.every(Number.isSafeInteger))
      return "expected [smallest k, largest k]: two whole numbers";
    if (value[0] < 2) return "k starts at 2: with one segment there is nothing to compare";
    return value[1] >= value[0] ? undefined : "kRange is [smallest k, largest k] with smallest <= largest";
  }),
  criteria: custom<ChooseKCriterion[]>("an array of criteria", (value) => {
    const forms = `expected an array of criteria, some of ${CRITERIA.map((name) => `"${name}"`).join(", ")}`;
    if (!Array.isArray(value)) return forms;
    if (value.length === 0) return "name at least one criterion";
    const unknown = value.find((name) => !CRITERIA.includes(name));
    return unknown === undefined ? undefined : `unknown criterion ${JSON.stringify(unknown)}; ${forms}`;
  }),
  seed: seed(),
  restarts: wholeNumber("restarts", 1),
  maxIterations: wholeNumber("maxIterations", 1),
  tolerance: nonNegative("tolerance"),
  silhouetteSampleSize: wholeNumber("silhouetteSampleSize", 2),
  onProgress: progressCallback<ProgressCallback>(),
};

/**
 * Fits k-means for every k in a range (each model is the one `kMeans` gives with the same seed) and scores each with the classic criteria:
 * inertia (the elbow), mean silhouette (Rousseeuw 1987), Calinski-Harabasz (1974) and
 * Davies-Bouldin (1979), computed as scikit-learn 1.2 does. Recommends a k by vote:
 * each requested criterion nominates its best k (highest silhouette, highest
 * Calinski-Harabasz, lowest Davies-Bouldin, and for inertia the elbow: the interior k
 * whose inertia gain is largest relative to the next k's gain, where a big gain from
 * adding a segment is followed by a small one); the k with most votes wins, ties going to the silhouette's choice, then the
 * smaller k. The reason says who voted for what.
 *
 * Large data: the silhouette is O(s^2 d), so above `silhouetteSampleSize` customers
 * (default 2000) it is computed on a seeded sample of that many; the other criteria use
 * every customer.
 *
 * Complexity: O(sum over k of kMeans(k)) + O(s^2 d) per k for the silhouette.
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link ChooseKOptions}
 * @returns the table per k, the recommended k, the reason and the fitted models
 * @throws InvalidOptionsError for an unknown option (e.g. `krange`: named with the closest valid name),
 *   a kRange starting below 2, reversed or reaching the number of customers,
 *   an unknown criterion, or transforms / missing beside matrix;
 *   InsufficientDataError when the largest k exceeds the number of distinct customers; as kMeans otherwise
 * @see P. J. Rousseeuw (1987), Silhouettes, J. Comput. Appl. Math. 20; T. Calinski and J. Harabasz (1974),
 *   Commun. Stat. 3; D. L. Davies and D. W. Bouldin (1979), IEEE TPAMI 1(2).
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const choice = chooseK(customers, {
 *   fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], kRange: [2, 5], seed: 1,
 * });
 * choice.recommendedK; // => 3
 * choice.reason;
 * // => "2 of 4 criteria point to k = 3 (the inertia elbow, the highest silhouette); the highest
 * //     Calinski-Harabasz is at k = 5, the lowest Davies-Bouldin is at k = 4"
 * ```
 */
export function chooseK<T>(records: readonly T[], options: ChooseKOptions<T> = {}): ChooseKResult<T> {
  const name = "chooseK";
  const parsed = withDefaults(checkOptions(name, chooseKShape, options, oneFeatureSource), {
    ...DEFAULTS,
    kRange: [2, 10] as [number, number],
    criteria: [...CRITERIA],
    silhouetteSampleSize: 2000,
  });
  const features = resolveFeatures(name, records, parsed, options, showFeatureMatrix);
  const [low, high] = parsed.kRange as [number, number];
  if (high >= features.rowCount) {
    throw new InvalidOptionsError(name, [
      {
        path: "kRange",
        message: `the largest k must be below the number of customers (${features.rowCount}) for the criteria to be defined`,
        received: parsed.kRange,
      },
    ]);
  }
  const n = features.rowCount;
  const d = features.columnCount;
  // The sample has its own stream so that models[k] equals kMeans(records, { k, seed }).
  const sample = sampleRows(n, parsed.silhouetteSampleSize, createRandom(parsed.seed ^ 0x5eed));
  const wants = new Set<ChooseKCriterion>(parsed.criteria);
  const progress = progressReporter(parsed.onProgress as ProgressCallback | undefined, "k", high - low + 1);
  const table: ChooseKRow[] = [];
  const models: KMeansResult<T>[] = [];
  for (let k = low; k <= high; k++) {
    const settings = {
      k,
      seed: parsed.seed,
      restarts: parsed.restarts,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
      init: "kmeans++" as const,
    };
    const model = fitOnMatrix(name, features, settings, settings);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) labels[i] = model.assignments[features.rowIndices[i] as number] as number;
    models.push(model);
    table.push({
      k,
      inertia: model.inertia,
      silhouette: wants.has("silhouette") ? silhouette(features.matrix, d, labels, k, sample) : null,
      calinskiHarabasz: wants.has("calinskiHarabasz")
        ? calinskiHarabasz(features.matrix, n, d, labels, k)
        : null,
      daviesBouldin: wants.has("daviesBouldin") ? daviesBouldin(features.matrix, n, d, labels, k) : null,
    });
    progress.tick(k - low + 1);
  }
  progress.done();
  const votes = vote(table, wants);
  const { recommendedK, reason } = recommend(table, votes, parsed.criteria);
  const result: ChooseKResult<T> = {
    table,
    recommendedK,
    reason,
    votes,
    models,
    silhouetteSampleSize: sample.length,
    options: {
      kRange: [low, high],
      criteria: parsed.criteria,
      seed: parsed.seed,
      restarts: parsed.restarts,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
      silhouetteSampleSize: parsed.silhouetteSampleSize,
    },
  };
  return withDisplay(result, {
    title: "Choosing the number of segments",
    summary: (r) => [
      `recommended k = ${r.recommendedK}: ${r.reason}`,
      ...(r.silhouetteSampleSize < n
        ? [`silhouette on a seeded sample of ${r.silhouetteSampleSize} of ${n} customers`]
        : []),
    ],
    rows: (r) => r.table,
    columns: ["k", ...parsed.criteria],
  });
}

/** The k of the row with the highest (`higher`) or lowest criterion value, the first on ties; null if none has one. */
function best(
  table: readonly ChooseKRow[],
  criterion: "silhouette" | "calinskiHarabasz" | "daviesBouldin",
  higher: boolean,
): number | null {
  let chosen: number | null = null;
  let score = 0;
  for (const row of table) {
    const value = row[criterion];
    if (value === null) continue;
    if (chosen === null || (higher ? value > score : value < score)) {
      chosen = row.k;
      score = value;
    }
  }
  return chosen;
}

/**
 * Elbow of the inertia curve: the interior k whose own gain is largest relative to the
 * next one, (I(k-1) - I(k)) / (I(k) - I(k+1)) — adding the k-th segment helped a lot,
 * adding one more hardly does. Scale-free; a non-positive next gain counts as tiny.
 */
function elbow(table: readonly ChooseKRow[]): number | null {
  if (table.length < 3) return null;
  const floor = 1e-12 * Math.max((table[0] as ChooseKRow).inertia, Number.MIN_VALUE);
  let chosen: number | null = null;
  let largest = 0;
  for (let i = 1; i < table.length - 1; i++) {
    const before = (table[i - 1] as ChooseKRow).inertia;
    const here = (table[i] as ChooseKRow).inertia;
    const after = (table[i + 1] as ChooseKRow).inertia;
    const gain = before - here;
    if (!(gain > 0)) continue;
    const ratio = gain / Math.max(here - after, floor);
    if (ratio > largest) {
      largest = ratio;
      chosen = (table[i] as ChooseKRow).k;
    }
  }
  return chosen;
}

/** Each criterion's k (null when not requested or undefined), in the order of {@link CRITERIA}. */
function vote(
  table: readonly ChooseKRow[],
  wants: ReadonlySet<ChooseKCriterion>,
): Record<ChooseKCriterion, number | null> {
  const pick = (criterion: ChooseKCriterion) =>
    criterion === "inertia" ? elbow(table) : best(table, criterion, criterion !== "daviesBouldin"); // Davies-Bouldin: lower is better
  return Object.fromEntries(
    CRITERIA.map((criterion) => [criterion, wants.has(criterion) ? pick(criterion) : null]),
  ) as Record<ChooseKCriterion, number | null>;
}

const DESCRIPTIONS: Record<ChooseKCriterion, string> = {
  inertia: "the inertia elbow",
  silhouette: "the highest silhouette",
  calinskiHarabasz: "the highest Calinski-Harabasz",
  daviesBouldin: "the lowest Davies-Bouldin",
};

function recommend(
  table: readonly ChooseKRow[],
  votes: Record<ChooseKCriterion, number | null>,
  criteria: readonly ChooseKCriterion[],
): { recommendedK: number; reason: string } {
  const tally = new Map<number, ChooseKCriterion[]>();
  for (const criterion of criteria) {
    const k = votes[criterion];
    if (k === null) continue;
    tally.set(k, [...(tally.get(k) ?? []), criterion]);
  }
  if (tally.size === 0) {
    const k = (table[0] as ChooseKRow).k;
    return {
      recommendedK: k,
      reason: `no criterion could pick a k (inertia needs at least 3 values of k); smallest k = ${k} returned`,
    };
  }
  const ranked = [...tally.entries()].sort(
    ([kA, a], [kB, b]) =>
      b.length - a.length || Number(kB === votes.silhouette) - Number(kA === votes.silhouette) || kA - kB,
  );
  const [recommendedK, supporters] = ranked[0] as [number, ChooseKCriterion[]];
  const others = criteria
    .filter((criterion) => votes[criterion] !== null && votes[criterion] !== recommendedK)
    .map((criterion) => `${DESCRIPTIONS[criterion]} is at k = ${votes[criterion]}`);
  const tie = ranked.length > 1 && (ranked[1]?.[1].length ?? 0) === supporters.length;
  const reason =
    `${supporters.length} of ${criteria.length} criteria point to k = ${recommendedK} (${supporters.map((c) => DESCRIPTIONS[c]).join(", ")})` +
    (tie
      ? `; tied, broken ${supporters.includes("silhouette") ? "by the silhouette" : "towards the smaller k"}`
      : "") +
    (others.length > 0 ? `; ${others.join(", ")}` : "");
  return { recommendedK, reason };
}
