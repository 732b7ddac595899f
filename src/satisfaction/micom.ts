import type { Field, ProgressCallback } from "../core/index.js";
import { quantileSorted, withDisplay } from "../core/index.js";
import type { PlsModelInput } from "./internal/groupModel.js";
import {
  groupComparisonSummary,
  groupOptionsShape,
  permutationSetup,
  sharedGroupOptions,
} from "./internal/groupSetup.js";
import { between } from "./internal/optionRules.js";
import { permutationPValue, permutedColumn } from "./internal/permutationKernel.js";

/**
 * Options of {@link micom}.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * micom(halves, ECSI_MODEL, { group: "half", permutations: 200, seed: 5 }).options;
 * // => { group: "half", permutations: 200, seed: 5, alpha: 0.05 }
 * ```
 */
export interface MicomOptions<T> {
  /** The grouping variable: a key or an accessor `(row, index) => value`. */
  readonly group: Field<T>;
  /** The two group values to compare. @defaultValue the two values present (an error if there are more) */
  readonly groups?: readonly [string, string];
  /** Permutations of the group labels. @defaultValue 1000 */
  readonly permutations?: number;
  /** Seed of the permutations ({@link core!createRandom}). @defaultValue 1 */
  readonly seed?: number;
  /** Significance level of the invariance decisions. @defaultValue 0.05 */
  readonly alpha?: number;
  /** Called about every 50 permutations. @defaultValue none */
  readonly onProgress?: ProgressCallback;
}

/**
 * MICOM steps 2 and 3 for one construct.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * micom(halves, ECSI_MODEL, { group: "half", seed: 1 }).constructs[0];
 * // => { construct: "Image", compositionalCorrelation: 0.9959, compositionalQuantile: 0.9834, compositionalPValue: 0.6593,
 * //      compositionalInvariance: true, meanDifference: 0.1390, meanLower: -0.2606, meanUpper: 0.2402, meanPValue: 0.2857,
 * //      equalMeans: true, logVarianceRatio: -0.1687, varianceLower: -0.3581, varianceUpper: 0.3694,
 * //      variancePValue: 0.3836, equalVariances: true, invariance: "full" }
 * ```
 */
export interface MicomConstruct {
  readonly construct: string;
  /** c: correlation of the composite scores built with each group's weights on the pooled items (step 2). */
  readonly compositionalCorrelation: number;
  /** The `alpha` quantile of c under permutation; compositional invariance when c is at least this. */
  readonly compositionalQuantile: number;
  /** One-sided permutation p-value of c (small c = different compositions). 1 for a single-item block. */
  readonly compositionalPValue: number;
  readonly compositionalInvariance: boolean;
  /** Mean of the first group minus mean of the second, of the pooled-weight scores (pooled SD units). */
  readonly meanDifference: number;
  /** The `alpha / 2` and `1 − alpha / 2` quantiles of the permuted mean difference. */
  readonly meanLower: number;
  readonly meanUpper: number;
  /** Two-sided permutation p-value of the mean difference. */
  readonly meanPValue: number;
  /** Whether the mean difference lies inside [meanLower, meanUpper]. */
  readonly equalMeans: boolean;
  /** log(variance of the first group / variance of the second), of the pooled-weight scores. */
  readonly logVarianceRatio: number;
  readonly varianceLower: number;
  readonly varianceUpper: number;
  readonly variancePValue: number;
  readonly equalVariances: boolean;
  /**
   * Henseler et al. (2016): `"full"` (steps 2 and 3 hold: the groups' data may be pooled), `"partial"`
   * (composition holds, means or variances differ: compare path coefficients by multigroup analysis) or
   * `"none"` (compositional invariance fails).
   */
  readonly invariance: "full" | "partial" | "none";
}

/**
 * Result of {@link micom}.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * const result = micom(halves, ECSI_MODEL, { group: "half", seed: 1 });
 * [result.groups, result.groupSizes, result.validPermutations]; // => [["first", "second"], [125, 125], 1000]
 * ```
 */
export interface MicomResult {
  /** The two group values, in the order of the differences (first minus second). */
  readonly groups: readonly [string, string];
  readonly groupSizes: readonly [number, number];
  /**
   * Step 1, configural invariance: the same indicators, the same model, the same data treatment and algorithm
   * settings in both groups. It holds by construction here (one model, one data preparation, both groups
   * estimated and converged); `false` is never returned, a group that cannot be estimated is an error.
   */
  readonly configuralInvariance: true;
  /** Steps 2 and 3 per construct, in the order of the model's blocks. */
  readonly constructs: readonly MicomConstruct[];
  /** Permutations estimated (a permutation where a group has a constant item or a singular regression is skipped). */
  readonly validPermutations: number;
  readonly skippedPermutations: number;
  /** The resolved options (without onProgress). */
  readonly options: {
    readonly group: unknown;
    readonly permutations: number;
    readonly seed: number;
    readonly alpha: number;
  } & {
    readonly groups?: readonly [string, string];
  };
}

const NAME = "micom";

const { group, groups, permutations, seed, onProgress } = groupOptionsShape;
/**
 * Rules of micom's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const micomShape = {
  group,
  groups,
  permutations,
  seed,
  alpha: /* @__PURE__ */ between("alpha", 0, 0.5),
  onProgress,
};

/**
 * Measurement invariance of composite models (MICOM; Henseler, Ringle & Sarstedt 2016) between two groups of
 * respondents, the check to run before comparing groups' path coefficients or pooling their data.
 *
 * Step 1 (configural) holds by construction: one model and one data preparation for both groups. Step 2
 * (compositional invariance): the model is estimated in each group, and c = cor(X w⁽¹⁾, X w⁽²⁾), the
 * correlation of the scores that each group's weights give on the pooled standardised items, is compared with
 * its distribution when the group labels are permuted (each permutation re-estimates both groups); invariance
 * holds when c is at least the `alpha` quantile. Step 3 (equal composite means and variances): scores from
 * the pooled estimation, standardised on the pooled data; the group mean difference and the log ratio of the
 * group variances must lie within the central `1 − alpha` range of their permutation distributions.
 *
 * p-values are (1 + permutations at least as extreme) / (1 + valid permutations), so never 0. With
 * `missing: "mean"` the imputation uses the pooled means. Complexity: 2 estimations per permutation, each
 * O(n p²) plus the kernel; 1000 permutations of the ECSI model take well under a second.
 *
 * Reference: Henseler, Ringle & Sarstedt (2016), Testing measurement invariance of composites using partial
 * least squares, International Marketing Review 33(3), 405-431.
 *
 * @param rows - survey answers with a grouping column
 * @param model - a model specification (the options of {@link plsPathModel}) or a plsPathModel result
 * @param options - see {@link MicomOptions}
 * @throws InvalidOptionsError for bad options, a bad model, or a grouping variable without exactly two values
 *   (unless `groups` picks two)
 * @throws InvalidRecordError for a missing group value or a bad answer
 * @throws InsufficientDataError for a group too small or one in which the model cannot be estimated
 * @example
 * ```ts
 * // ecsi_mobi has no grouping variable: split it into its first and last 125 rows
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" }));
 * const result = micom(halves, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }, { group: "half", seed: 1 });
 * result.constructs.map((c) => c.invariance);
 * // => ["full", "full", "partial", "full", "full", "full", "full"]
 * result.constructs[2].meanDifference; // => 0.2497 (Quality: just outside [-0.2578, 0.2451], so partial)
 * result.constructs[1].compositionalCorrelation; // => 0.9739 (Expectation)
 * ```
 */
export function micom<T extends object>(
  rows: readonly T[],
  model: PlsModelInput,
  options: MicomOptions<T>,
): MicomResult {
  const { parsed, setup, statistics, distribution } = permutationSetup(
    NAME,
    rows,
    model,
    micomShape,
    options,
    {
      alpha: 0.05,
    },
  );
  const { layout } = statistics;
  const width = layout.width;
  const alpha = parsed.alpha;
  const valid = distribution.valid;
  const quantile = (index: number, probability: number) =>
    valid > 0 ? quantileSorted(permutedColumn(distribution, width, index), probability) : NaN;
  /** A step-3 statistic: its value, the central 1 − alpha range of its permutations, p-value, and whether it is inside. */
  const twoSided = (index: number) => {
    const value = distribution.original[index] as number;
    const lower = quantile(index, alpha / 2);
    const upper = quantile(index, 1 - alpha / 2);
    const pValue = permutationPValue(distribution, width, index, false);
    return [value, lower, upper, pValue, value >= lower && value <= upper] as const;
  };
  const constructs: MicomConstruct[] = setup.model.constructs.map((construct, k) => {
    const size = (setup.model.spec.blockStart[k + 1] as number) - (setup.model.spec.blockStart[k] as number);
    const c = distribution.original[layout.compositional + k] as number;
    const compositionalQuantile = size === 1 ? 1 : quantile(layout.compositional + k, alpha);
    const [meanDifference, meanLower, meanUpper, meanPValue, equalMeans] = twoSided(
      layout.meanDifference + k,
    );
    const [logVarianceRatio, varianceLower, varianceUpper, variancePValue, equalVariances] = twoSided(
      layout.logVarianceRatio + k,
    );
    const compositionalInvariance = size === 1 || c >= compositionalQuantile;
    return {
      construct,
      compositionalCorrelation: c,
      compositionalQuantile,
      compositionalPValue:
        size === 1 ? 1 : permutationPValue(distribution, width, layout.compositional + k, true),
      compositionalInvariance,
      meanDifference,
      meanLower,
      meanUpper,
      meanPValue,
      equalMeans,
      logVarianceRatio,
      varianceLower,
      varianceUpper,
      variancePValue,
      equalVariances,
      invariance: !compositionalInvariance ? "none" : equalMeans && equalVariances ? "full" : "partial",
    };
  });
  const result: MicomResult = {
    groups: setup.groups,
    groupSizes: setup.sizes,
    configuralInvariance: true,
    constructs,
    validPermutations: valid,
    skippedPermutations: distribution.skipped,
    options: { ...sharedGroupOptions(parsed), seed: parsed.seed, alpha: parsed.alpha },
  };
  return withDisplay(result, {
    title: "MICOM (measurement invariance of composites)",
    summary: (r) => [`${groupComparisonSummary(r)} (seed ${r.options.seed}), alpha ${r.options.alpha}`],
    rows: (r) => r.constructs,
    columns: [
      "construct",
      "compositionalCorrelation",
      "compositionalQuantile",
      "meanDifference",
      "meanLower",
      "meanUpper",
      "logVarianceRatio",
      "varianceLower",
      "varianceUpper",
      "invariance",
    ],
    maxRows: 30,
  });
}
