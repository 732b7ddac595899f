import type { Field, ProgressCallback } from "../core/index.js";
import { withDisplay } from "../core/index.js";
import { pathStandardErrors } from "./internal/groupBootstrap.js";
import type { PlsModelInput } from "./internal/groupModel.js";
import {
  groupComparisonSummary,
  groupOptionsShape,
  permutationSetup,
  sharedGroupOptions,
} from "./internal/groupSetup.js";
import { welchTest } from "./internal/groupStudentT.js";
import { count } from "./internal/optionRules.js";
import { permutationPValue } from "./internal/permutationKernel.js";

/**
 * Options of {@link plsMultigroup}.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * plsMultigroup(halves, ECSI_MODEL, { group: "half", permutations: 200, bootstrapSamples: 100, seed: 5 }).options;
 * // => { group: "half", permutations: 200, bootstrapSamples: 100, seed: 5 }
 * ```
 */
export interface PlsMultigroupOptions<T> {
  /** The grouping variable: a key or an accessor `(row, index) => value`. */
  readonly group: Field<T>;
  /** The two group values to compare. @defaultValue the two values present (an error if there are more) */
  readonly groups?: readonly [string, string];
  /** Permutations of the group labels for the permutation test. @defaultValue 1000 */
  readonly permutations?: number;
  /** Bootstrap resamples within each group for the standard errors of the Welch-Satterthwaite test. @defaultValue 500 */
  readonly bootstrapSamples?: number;
  /** Seed of the permutations and of the bootstrap ({@link core!createRandom}). @defaultValue 1 */
  readonly seed?: number;
  /** Called about every 50 permutations. @defaultValue none */
  readonly onProgress?: ProgressCallback;
}

/**
 * One path compared between the two groups.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * plsMultigroup(halves, ECSI_MODEL, { group: "half", seed: 1 }).paths[9];
 * // => { from: "Satisfaction", to: "Complaints", first: 0.6441, second: 0.4282, difference: 0.2160,
 * //      permutationPValue: 0.0569, standardErrorFirst: 0.0676, standardErrorSecond: 0.0822, tValue: 2.037,
 * //      degreesOfFreedom: 237.1, welchPValue: 0.0427 }   (the two tests disagree at 5% on this path)
 * ```
 */
export interface PlsMultigroupPath {
  readonly from: string;
  readonly to: string;
  /** Path coefficient estimated in the first group. */
  readonly first: number;
  /** Path coefficient estimated in the second group. */
  readonly second: number;
  /** first − second. */
  readonly difference: number;
  /** Two-sided permutation p-value of the difference (Chin & Dibbern 2010). */
  readonly permutationPValue: number;
  /** Bootstrap standard errors within each group. */
  readonly standardErrorFirst: number;
  readonly standardErrorSecond: number;
  /** Welch-Satterthwaite t statistic, its degrees of freedom and two-sided p-value. */
  readonly tValue: number;
  readonly degreesOfFreedom: number;
  readonly welchPValue: number;
}

/**
 * Result of {@link plsMultigroup}.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * const mga = plsMultigroup(halves, ECSI_MODEL, { group: "half", seed: 1 });
 * [mga.groups, mga.groupSizes, mga.paths.length]; // => [["first", "second"], [125, 125], 12]
 * ```
 */
export interface PlsMultigroupResult {
  readonly groups: readonly [string, string];
  readonly groupSizes: readonly [number, number];
  /** Every path of the model, in the model's order. */
  readonly paths: readonly PlsMultigroupPath[];
  /** Permutations estimated (one where a group has a constant item or a singular regression is skipped). */
  readonly validPermutations: number;
  readonly skippedPermutations: number;
  /** Bootstrap resamples estimated in each group. */
  readonly validBootstrapSamples: readonly [number, number];
  /** The resolved options (without onProgress). */
  readonly options: {
    readonly group: unknown;
    readonly groups?: readonly [string, string];
    readonly permutations: number;
    readonly bootstrapSamples: number;
    readonly seed: number;
  };
}

const NAME = "plsMultigroup";

const { group, groups, permutations, seed, onProgress } = groupOptionsShape;
/**
 * Rules of plsMultigroup's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const plsMultigroupShape = {
  group,
  groups,
  permutations,
  bootstrapSamples: /* @__PURE__ */ count("bootstrapSamples", 2),
  seed,
  onProgress,
};

/**
 * Multigroup analysis (PLS-MGA) of the path coefficients of a PLS path model between two groups of respondents:
 * the model is estimated in each group, and each path difference is tested two ways.
 * - **Permutation test** (Chin & Dibbern 2010): the group labels are permuted `permutations` times, both
 *   groups re-estimated each time; the p-value is (1 + permuted |differences| ≥ the observed one) / (1 + valid
 *   permutations). Nonparametric; assumes exchangeable groups, so run {@link micom} first (at least partial
 *   invariance).
 * - **Welch-Satterthwaite test** (parametric, unequal variances): with each group's bootstrap standard error
 *   (`bootstrapSamples` resamples within the group), t = (b₁ − b₂) / sqrt((n₁−1)/n₁ · se₁² + (n₂−1)/n₂ · se₂²) on
 *   df = [(n₁−1)/n₁ se₁² + (n₂−1)/n₂ se₂²]² / [(n₁−1)/n₁² se₁⁴ + (n₂−1)/n₂² se₂⁴] − 2 degrees of freedom, as
 *   SmartPLS reports it.
 *
 * With `missing: "mean"` the imputation uses the pooled means, so the group estimates are those of the pooled
 * data split by group. With `consistent: true` (PLSc) the groups' consistent path coefficients are compared; a
 * permutation or resample where PLSc is inadmissible (rhoA ≤ 0) is skipped. Complexity: 2 estimations per permutation and one per bootstrap resample.
 *
 * References: Chin & Dibbern (2010), An introduction to a permutation based procedure for multi-group PLS
 * analysis, in Handbook of Partial Least Squares; Sarstedt, Henseler & Ringle (2011), Multigroup analysis in
 * partial least squares (PLS) path modeling, Advances in International Marketing 22; Henseler, Ringle &
 * Sarstedt (2016), International Marketing Review 33(3).
 *
 * @param rows - survey answers with a grouping column
 * @param model - a model specification (the options of {@link plsPathModel}) or a plsPathModel result
 * @param options - see {@link PlsMultigroupOptions}
 * @throws InvalidOptionsError for bad options, a bad model, or a grouping variable without exactly two values
 *   (unless `groups` picks two)
 * @throws InvalidRecordError for a missing group value or a bad answer
 * @throws InsufficientDataError for a group too small or one in which the model cannot be estimated
 * @example
 * ```ts
 * // ecsi_mobi has no grouping variable: split it into its first and last 125 rows
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" }));
 * const mga = plsMultigroup(halves, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }, { group: "half", seed: 1 });
 * mga.paths.filter((p) => p.permutationPValue < 0.05).length; // => 0 (no path differs between the halves)
 * ```
 */
export function plsMultigroup<T extends object>(
  rows: readonly T[],
  model: PlsModelInput,
  options: PlsMultigroupOptions<T>,
): PlsMultigroupResult {
  const { parsed, setup, statistics, distribution } = permutationSetup(
    NAME,
    rows,
    model,
    plsMultigroupShape,
    options,
    {
      bootstrapSamples: 500,
    },
  );
  const { layout } = statistics;
  // Distinct streams for the two groups' bootstraps, derived from the seed.
  const first = pathStandardErrors(statistics, setup.labels, 0, parsed.bootstrapSamples, parsed.seed + 1);
  const second = pathStandardErrors(statistics, setup.labels, 1, parsed.bootstrapSamples, parsed.seed + 2);
  const [n1, n2] = setup.sizes;
  const { constructs } = setup.model;
  const paths: PlsMultigroupPath[] = setup.model.pathIndex.map(([from, to], r) => {
    const b1 = distribution.original[layout.paths1 + r] as number;
    const b2 = distribution.original[layout.paths2 + r] as number;
    const se1 = first.standardErrors[r] as number;
    const se2 = second.standardErrors[r] as number;
    return {
      from: constructs[from] as string,
      to: constructs[to] as string,
      first: b1,
      second: b2,
      difference: b1 - b2,
      permutationPValue: permutationPValue(distribution, layout.width, layout.pathDifference + r, false),
      standardErrorFirst: se1,
      standardErrorSecond: se2,
      ...welchTest(b1, b2, se1, se2, n1, n2),
    };
  });
  const result: PlsMultigroupResult = {
    groups: setup.groups,
    groupSizes: setup.sizes,
    paths,
    validPermutations: distribution.valid,
    skippedPermutations: distribution.skipped,
    validBootstrapSamples: [first.valid, second.valid],
    options: { ...sharedGroupOptions(parsed), bootstrapSamples: parsed.bootstrapSamples, seed: parsed.seed },
  };
  return withDisplay(result, {
    title: "PLS multigroup analysis",
    summary: (r) => [
      `${groupComparisonSummary(r)}, ${r.options.bootstrapSamples} bootstrap resamples per group (seed ${r.options.seed})`,
    ],
    rows: (r) => r.paths,
    columns: ["from", "to", "first", "second", "difference", "permutationPValue", "tValue", "welchPValue"],
    maxRows: 30,
  });
}
