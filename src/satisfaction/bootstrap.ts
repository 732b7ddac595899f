import {
  InsufficientDataError,
  type ProgressCallback,
  progressReporter,
  withDisplay,
} from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, oneOf, progressCallback, seed as seedRule } from "../core/internal/optionRules.js";
import { seededStream } from "../core/internal/seededStream.js";
import { bcaInterval, type Interval, percentileInterval } from "./internal/intervals.js";
import { between, count } from "./internal/optionRules.js";
import { createWorkspace, estimatePls, type PlsWorkspace, structuralModel } from "./internal/plsCore.js";
import { correlationMatrix } from "./internal/plsData.js";
import { preparePlsData } from "./internal/plsPrepare.js";
import { htmtMatrix } from "./internal/plsQuality.js";
import { resolvePlsModel } from "./internal/plsSpec.js";
import type { PlsPathModelResult } from "./plsPathModel.js";

/**
 * Options of {@link bootstrap}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * bootstrap(model, mobi, { samples: 200, seed: 7 }).options;
 * // => { samples: 200, seed: 7, ci: "percentile", level: 0.95, signChange: "none" }
 * ```
 */
export interface BootstrapOptions {
  /** Number of resamples (rows drawn with replacement). @defaultValue 1000 */
  readonly samples?: number;
  /** Seed of the resampling stream ({@link core!createRandom}). @defaultValue 1 */
  readonly seed?: number;
  /** Interval method: `"percentile"` or `"bca"` (bias-corrected and accelerated; adds n jackknife fits). @defaultValue "percentile" */
  readonly ci?: "percentile" | "bca";
  /** Confidence level of the intervals. @defaultValue 0.95 */
  readonly level?: number;
  /**
   * Sign handling. `"none"` keeps every resample as estimated (seminr's and SmartPLS's default; each resample
   * starts from unit weights, so a block of positively correlated items keeps its orientation).
   * `"construct"` flips a construct's weights, loadings and paths in a resample whose weights point against
   * the original ones (Σ w* · w < 0): the construct-level sign change of Tenenhaus et al. (2005, §4.3).
   * @defaultValue "none"
   */
  readonly signChange?: "none" | "construct";
  /** Called about every 50 resamples. @defaultValue none (no progress reports) */
  readonly onProgress?: ProgressCallback;
}

/**
 * Bootstrap summary of one parameter.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * bootstrap(model, mobi, { samples: 1000, seed: 42 }).weights[0];
 * // => { construct: "Image", indicator: "IMAG1", estimate: 0.3013, bootstrapMean: 0.3008, standardError: 0.0240,
 * //      tValue: 12.56, lower: 0.2519, upper: 0.3475 }
 * ```
 */
export interface BootstrapEstimate {
  /** The estimate on the full data. */
  readonly estimate: number;
  /** Mean of the valid resamples. */
  readonly bootstrapMean: number;
  /** Standard deviation of the valid resamples (divisor B − 1). */
  readonly standardError: number;
  /** estimate / standardError. */
  readonly tValue: number;
  /** Interval bounds at `level`. */
  readonly lower: number;
  readonly upper: number;
}

/**
 * Bootstrap summary of the HTMT (or HTMT2) of one pair of constructs.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * const pair = bootstrap(model, mobi, { samples: 1000, seed: 42 }).htmt.find((h) => h.from === "Quality" && h.to === "Satisfaction");
 * pair !== undefined && pair.upper < 1; // => false (Quality and Satisfaction are not discriminated)
 * ```
 */
export interface BootstrapHtmtEstimate extends BootstrapEstimate {
  readonly from: string;
  readonly to: string;
  /** Resamples in which this ratio was defined (all valid ones unless an item pair was exactly uncorrelated). */
  readonly validSamples: number;
}

/**
 * Result of {@link bootstrap}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * const boot = bootstrap(model, mobi, { samples: 1000, seed: 42 });
 * [boot.validSamples, boot.paths.length, boot.weights.length, boot.loadings.length]; // => [1000, 12, 24, 24]
 * boot.degenerateSamples; // => { zeroVariance: 0, singular: 0, notConverged: 0, inadmissible: 0 }
 * ```
 */
export interface BootstrapResult {
  /** Path coefficients, in the model's order. */
  readonly paths: readonly (BootstrapEstimate & { readonly from: string; readonly to: string })[];
  /** Outer weights, block by block. */
  readonly weights: readonly (BootstrapEstimate & {
    readonly construct: string;
    readonly indicator: string;
  })[];
  /** Loadings, block by block. */
  readonly loadings: readonly (BootstrapEstimate & {
    readonly construct: string;
    readonly indicator: string;
  })[];
  /**
   * HTMT (absolute item correlations, as `model.htmt`) of every pair of constructs `from`-`to` in block
   * order (each unordered pair once; pairs whose HTMT is undefined on the full data are left out). The
   * interval gives the HTMT inference criterion of Henseler, Ringle & Sarstedt (2015): discriminant
   * validity is established when `upper` lies below 1 (or below 0.85-0.90 for the stricter test). Their
   * test is one-sided at 5%: take `level: 0.9` for its upper bound.
   */
  readonly htmt: readonly BootstrapHtmtEstimate[];
  /** HTMT2 (geometric means, as `model.htmt2`) of the same pairs. */
  readonly htmt2: readonly BootstrapHtmtEstimate[];
  /** Resamples drawn. */
  readonly samples: number;
  /** Resamples used (drawn minus degenerate). */
  readonly validSamples: number;
  /**
   * Resamples skipped, by reason: an indicator constant in the resample, a singular regression, no
   * convergence, or (inadmissible) a consistent-PLS block with rhoA ≤ 0.
   */
  readonly degenerateSamples: {
    readonly zeroVariance: number;
    readonly singular: number;
    readonly notConverged: number;
    readonly inadmissible: number;
  };
  /** Construct-resample pairs whose sign was flipped (`signChange: "construct"`), else 0. */
  readonly signChanges: number;
  /** The resolved options. */
  readonly options: Required<Omit<BootstrapOptions, "onProgress">>;
}

const NAME = "bootstrap";

/**
 * Rules of bootstrap's options. Exported for the equivalence test of satisfaction's option rules; not in
 * the module index.
 */
export const bootstrapShape = {
  samples: /* @__PURE__ */ count("samples", 2),
  seed: /* @__PURE__ */ seedRule(),
  ci: /* @__PURE__ */ oneOf(["percentile", "bca"]),
  level: /* @__PURE__ */ between("level", 0, 1),
  signChange: /* @__PURE__ */ oneOf(["none", "construct"]),
  onProgress: /* @__PURE__ */ progressCallback<ProgressCallback>(),
};

/**
 * Bootstraps a PLS path model (a result of {@link plsPathModel}): standard errors, t values and confidence
 * intervals for its path coefficients, outer weights, loadings and HTMT / HTMT2 (the HTMT inference test). Rows are drawn with replacement `samples` times (seeded, reproducible)
 * and the model is re-estimated on each resample with the model's own options. A resample in which an
 * indicator is constant, a regression is singular or the iteration does not converge is skipped and counted
 * in `degenerateSamples`, never thrown. With `missing: "mean"` the imputation is done once on the full data.
 *
 * Each resample rebuilds only the indicator correlation matrix (O(n p²)) and reruns the kernel on it,
 * so 1000 resamples of the ECSI model take a fraction of a second.
 *
 * References: Efron & Tibshirani (1993), An Introduction to the Bootstrap, ch. 13-14 (percentile and BCa);
 * Tenenhaus et al. (2005), PLS path modeling, CSDA 48, §4 (resampling and sign changes).
 *
 * @param model - a result of {@link plsPathModel}
 * @param rows - the same rows the model was estimated on
 * @param options - see {@link BootstrapOptions}
 * @throws InvalidOptionsError for bad options, or rows that do not give the model's number of observations
 * @throws InsufficientDataError when fewer than 2 resamples could be estimated
 * @example
 * ```ts
 * const model = plsPathModel(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }); // the ECSI mobile-phone survey
 * const boot = bootstrap(model, mobi, { samples: 1000, seed: 42, ci: "bca" });
 * boot.paths[0];
 * // => { from: "Image", to: "Expectation", estimate: 0.5049, bootstrapMean: 0.5167, standardError: 0.0568,
 * //      tValue: 8.90, lower: 0.3750, upper: 0.5965 }
 * ```
 */
export function bootstrap<T extends object>(
  model: PlsPathModelResult,
  rows: readonly T[],
  options: BootstrapOptions = {},
): BootstrapResult {
  const parsed = withDefaults(checkOptions(NAME, bootstrapShape, options), {
    samples: 1000,
    seed: 1,
    ci: "percentile",
    level: 0.95,
    signChange: "none",
  });
  if (model === null || typeof model !== "object" || !("options" in model) || !("constructs" in model)) {
    throw argumentError(NAME, "model", "expected a result of plsPathModel", model);
  }
  const resolved = resolvePlsModel(NAME, model.options);
  const data = preparePlsData(NAME, rows, resolved);
  const { spec, constructs, indicators } = resolved;
  const n = data.matrix.rowCount;
  if (n !== model.observations) {
    throw argumentError(
      NAME,
      "rows",
      `the rows give ${n} observations but the model was estimated on ${model.observations}; pass the same rows`,
      rows.length,
    );
  }
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const pathCount = resolved.pathIndex.length;
  // HTMT (kind 0) and HTMT2 (kind 1) of every pair j < k whose full-data value is defined
  const htmtBuffer = new Float64Array(m * m);
  const pairLists: [number, number][][] = [[], []];
  for (const kind of [0, 1]) {
    htmtMatrix(spec, data.correlation, kind === 1, htmtBuffer);
    for (let j = 0; j < m; j++)
      for (let k = j + 1; k < m; k++)
        if (Number.isFinite(htmtBuffer[j * m + k] as number))
          (pairLists[kind] as [number, number][]).push([j, k]);
  }
  const [pairs, pairs2] = pairLists as [[number, number][], [number, number][]];
  const htmtOffsets = [pathCount + 2 * p, pathCount + 2 * p + pairs.length];
  const width = (htmtOffsets[1] as number) + pairs2.length;
  const work = createWorkspace(spec);
  const correlation = new Float64Array(p * p);
  const mean = new Float64Array(p);
  const centred = new Float64Array(p);
  const values = data.matrix.values;

  // Full-data estimates (the reference orientation for sign changes).
  const original = new Float64Array(width);
  estimatePls(spec, data.correlation, work);
  const originalWeights = work.weights.slice();
  record(work, original);
  recordHtmt(data.correlation, original);

  /**
   * HTMT and HTMT2 of the pairs into out[offset..]; NaN where undefined in this sample (an item pair
   * exactly uncorrelated: HTMT2 takes logs), which the summaries skip for that statistic only.
   */
  function recordHtmt(sample: Float64Array, out: Float64Array, offset = 0): void {
    for (const kind of [0, 1]) {
      htmtMatrix(spec, sample, kind === 1, htmtBuffer);
      const start = offset + (htmtOffsets[kind] as number);
      (pairLists[kind] as [number, number][]).forEach(([j, k], r) => {
        const value = htmtBuffer[j * m + k] as number;
        out[start + r] = Number.isFinite(value) ? value : NaN;
      });
    }
  }

  function record(state: PlsWorkspace, out: Float64Array, offset = 0): void {
    resolved.pathIndex.forEach(([from, to], r) => {
      out[offset + r] = state.paths[from * m + to] as number;
    });
    for (let a = 0; a < p; a++) {
      out[offset + pathCount + a] = state.weights[a] as number;
      out[offset + pathCount + p + a] = state.loadings[a] as number;
    }
  }

  let signChanges = 0;
  /** Estimates on a weighted sample into out[offset..]; returns the failure kind or undefined. */
  function estimateSample(
    counts: Float64Array,
    out: Float64Array,
    offset: number,
  ): "zeroVariance" | "singular" | "notConverged" | "inadmissible" | undefined {
    if (correlationMatrix(values, n, p, counts, correlation, mean, centred) >= 0) return "zeroVariance";
    const failure = estimatePls(spec, correlation, work);
    if (failure !== undefined) return work.inadmissible ? "inadmissible" : failure;
    if (!work.converged) return "notConverged";
    if (parsed.signChange === "construct") {
      let flipped = false;
      for (let k = 0; k < m; k++) {
        const start = spec.blockStart[k] as number;
        const end = spec.blockStart[k + 1] as number;
        let dot = 0;
        for (let a = start; a < end; a++) dot += (work.weights[a] as number) * (originalWeights[a] as number);
        if (dot < 0) {
          for (let a = start; a < end; a++) work.weights[a] = -(work.weights[a] as number);
          flipped = true;
          signChanges++;
        }
      }
      if (flipped) {
        const again = structuralModel(spec, correlation, work);
        if (again !== undefined) return work.inadmissible ? "inadmissible" : again;
      }
    }
    record(work, out, offset);
    recordHtmt(correlation, out, offset);
    return undefined;
  }

  const random = seededStream(parsed.seed);
  const replicates = new Float64Array(parsed.samples * width);
  const counts = new Float64Array(n);
  const degenerate = { zeroVariance: 0, singular: 0, notConverged: 0, inadmissible: 0 };
  let valid = 0;
  const progress = progressReporter(
    parsed.onProgress as ProgressCallback | undefined,
    "bootstrap",
    parsed.samples,
    50,
  );
  for (let b = 0; b < parsed.samples; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const drawn = random.integer(n);
      counts[drawn] = (counts[drawn] as number) + 1;
    }
    const failure = estimateSample(counts, replicates, valid * width);
    if (failure === undefined) valid++;
    else degenerate[failure]++;
    progress.tick(b + 1);
  }
  progress.done();
  if (valid < 2) {
    throw new InsufficientDataError(
      NAME,
      `only ${valid} of ${parsed.samples} resamples could be estimated (constant indicators: ${degenerate.zeroVariance}, singular: ${degenerate.singular}, not converged: ${degenerate.notConverged}, inadmissible: ${degenerate.inadmissible}); use more rows`,
    );
  }

  let jackknife: Float64Array | undefined;
  let jackknifeCount = 0;
  if (parsed.ci === "bca") {
    jackknife = new Float64Array(n * width);
    const leaveOut = new Float64Array(n).fill(1);
    for (let i = 0; i < n; i++) {
      leaveOut[i] = 0;
      if (estimateSample(leaveOut, jackknife, jackknifeCount * width) === undefined) jackknifeCount++;
      leaveOut[i] = 1;
    }
  }

  const column = new Float64Array(valid);
  const jackColumn = new Float64Array(jackknifeCount);
  const summaries: BootstrapEstimate[] = [];
  /** Resamples with a defined value of each statistic (all valid ones except for an undefined HTMT). */
  const used = new Int32Array(width);
  for (let t = 0; t < width; t++) {
    // Only an HTMT can be undefined (NaN) in a valid resample: an item pair exactly uncorrelated there.
    let count = 0;
    let sum = 0;
    for (let b = 0; b < valid; b++) {
      const value = replicates[b * width + t] as number;
      if (Number.isNaN(value)) continue;
      column[count++] = value;
      sum += value;
    }
    used[t] = count;
    const values = column.subarray(0, count);
    const bootstrapMean = count > 0 ? sum / count : NaN;
    let squares = 0;
    for (let b = 0; b < count; b++) squares += ((values[b] as number) - bootstrapMean) ** 2;
    const standardError = count > 1 ? Math.sqrt(squares / (count - 1)) : NaN;
    const sorted = values.slice().sort();
    const estimate = original[t] as number;
    let interval: Interval | undefined;
    let jackCount = 0;
    if (jackknife !== undefined) {
      for (let i = 0; i < jackknifeCount; i++) {
        const value = jackknife[i * width + t] as number;
        if (!Number.isNaN(value)) jackColumn[jackCount++] = value;
      }
    }
    if (count < 2) interval = undefined;
    else if (jackknife !== undefined && jackCount > 1)
      interval = bcaInterval(sorted, estimate, jackColumn.subarray(0, jackCount), parsed.level);
    else interval = percentileInterval(sorted, parsed.level);
    summaries.push({
      estimate,
      bootstrapMean,
      standardError,
      tValue: estimate / standardError,
      lower: interval?.lower ?? NaN,
      upper: interval?.upper ?? NaN,
    });
  }
  const indicatorRows = (offset: number) =>
    indicators.map((indicator, a) => ({
      construct: constructs[resolved.indicatorConstruct[a] as number] as string,
      indicator,
      ...(summaries[offset + a] as BootstrapEstimate),
    }));
  // An HTMT pair undefined in all but one resample (possible only on tiny integer data) has no interval:
  // it is left out rather than reported as NaN.
  const pairRows = (list: readonly [number, number][], offset: number) =>
    list.flatMap(([j, k], r) =>
      (used[offset + r] as number) < 2
        ? []
        : [
            {
              from: constructs[j] as string,
              to: constructs[k] as string,
              validSamples: used[offset + r] as number,
              ...(summaries[offset + r] as BootstrapEstimate),
            },
          ],
    );
  const result: BootstrapResult = {
    paths: resolved.pathIndex.map(([from, to], r) => ({
      from: constructs[from] as string,
      to: constructs[to] as string,
      ...(summaries[r] as BootstrapEstimate),
    })),
    weights: indicatorRows(pathCount),
    loadings: indicatorRows(pathCount + p),
    htmt: pairRows(pairs, htmtOffsets[0] as number),
    htmt2: pairRows(pairs2, htmtOffsets[1] as number),
    samples: parsed.samples,
    validSamples: valid,
    degenerateSamples: degenerate,
    signChanges,
    options: {
      samples: parsed.samples,
      seed: parsed.seed,
      ci: parsed.ci,
      level: parsed.level,
      signChange: parsed.signChange,
    },
  };
  return withDisplay(result, {
    title: "PLS bootstrap",
    summary: (r) => [
      `${r.validSamples} of ${r.samples} resamples used (seed ${r.options.seed}); ${r.options.ci} ${Math.round(r.options.level * 100)}% intervals`,
    ],
    rows: (r) => r.paths,
    columns: ["from", "to", "estimate", "standardError", "tValue", "lower", "upper"],
    maxRows: 30,
  });
}
