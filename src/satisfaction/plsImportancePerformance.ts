import { withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, nonEmptyText, required } from "../core/internal/optionRules.js";
import type { ImportancePerformanceEntry } from "./importancePerformance.js";
import { type PlsModelInput, resolveModelInput } from "./internal/groupModel.js";
import { rankEntries, unknownTargetError } from "./internal/importancePerformanceEntries.js";
import { answerScale, preparePlsData } from "./internal/plsPrepare.js";
import { type PlsPathModelResult, plsPathModel } from "./plsPathModel.js";

/**
 * Options of {@link plsImportancePerformance}.
 *
 * @example
 * ```ts
 * plsImportancePerformance(mobi, ECSI_MODEL, { target: "Loyalty" }).options; // => { target: "Loyalty" }
 * ```
 */
export interface PlsImportancePerformanceOptions {
  /** The target construct: an endogenous construct of the model. */
  readonly target: string;
}

/**
 * One indicator of the importance-performance map.
 *
 * @example
 * ```ts
 * plsImportancePerformance(mobi, ECSI_MODEL, { target: "Loyalty" }).indicators[0];
 * // => { indicator: "CUSA1", construct: "Satisfaction", importance: 0.3029, performance: 77.64 }
 * ```
 */
export interface PlsImportancePerformanceIndicator {
  readonly indicator: string;
  readonly construct: string;
  /** Rescaled outer weight (the block's weights sum to 1) times the construct's unstandardised total effect. */
  readonly importance: number;
  /** Mean answer on 0-100: 100 (mean − min) / (max − min). */
  readonly performance: number;
}

/**
 * Result of {@link plsImportancePerformance}.
 *
 * @example
 * ```ts
 * const ipma = plsImportancePerformance(mobi, ECSI_MODEL, { target: "Loyalty" });
 * ipma.entries[0]; // => { name: "Satisfaction", importance: 0.7897, performance: 72.45 }
 * [ipma.targetPerformance, ipma.indicators.length, ipma.negativeWeights]; // => [70.91, 21, []]
 * ```
 */
export interface PlsImportancePerformanceResult {
  readonly target: string;
  /**
   * Every construct with a directed route to the target, by decreasing importance: its unstandardised total
   * effect on the target (0-100 scores: one point more on it moves the target by `importance` points) and
   * its 0-100 index. Pass to {@link importancePerformanceGrid} for the quadrants.
   */
  readonly entries: readonly ImportancePerformanceEntry[];
  /** The indicators of those constructs, by decreasing importance. */
  readonly indicators: readonly PlsImportancePerformanceIndicator[];
  /** The target's 0-100 index. */
  readonly targetPerformance: number;
  /** Mean importance and performance of the constructs in `entries` (the usual grid cuts). */
  readonly meanImportance: number;
  readonly meanPerformance: number;
  /**
   * Indicators with a negative outer weight. IPMA assumes every weight is positive (an item pulling the
   * wrong way makes the 0-100 performance meaningless): recode reverse-coded items (max + min − answer).
   */
  readonly negativeWeights: readonly string[];
  /** The resolved options. */
  readonly options: PlsImportancePerformanceOptions;
}

const NAME = "plsImportancePerformance";

/**
 * Rules of plsImportancePerformance's options. Exported for the equivalence test of satisfaction's option rules; not in the
 * module index.
 */
export const plsImportancePerformanceShape = {
  target: /* @__PURE__ */ required(/* @__PURE__ */ nonEmptyText("target must be a construct name")),
};

/**
 * Importance-performance map analysis (IPMA) of a PLS path model in one call, as Ringle & Sarstedt (2016) and
 * SmartPLS define it: every answer rescaled to 0-100, construct scores as weighted means of the rescaled items
 * (unstandardised weights, summing to 1 per block: the 0-100 index of {@link plsPathModel}), **importance** the
 * unstandardised total effect of a construct on the target (one point more on the 0-100 construct score moves
 * the target by `importance` points), **performance** the mean 0-100 score. Indicators get the same pair: their
 * rescaled weight times their construct's total effect, and their mean rescaled answer.
 *
 * The unstandardised total effect equals the standardised one (`model.totalEffects`) times s_i / s_t, where s_k
 * = Σ w_a / sd_a over block k (standardised weights w, item SDs sd): rescaling the scores rescales the
 * regressions. {@link importancePerformance} keeps the standardised effects; the ranking is often the same.
 *
 * Reference: Ringle & Sarstedt (2016), Gain more insight from your PLS-SEM results: the importance-performance
 * map analysis, Industrial Management & Data Systems 116(9), 1865-1886.
 *
 * @param rows - survey answers (the rows the model was, or will be, estimated on)
 * @param model - a plsPathModel result, or a model specification (then estimated here with plsPathModel);
 *   give the answer `scale` in the model for a true 0-100 rescaling (else the observed range is used)
 * @param options - see {@link PlsImportancePerformanceOptions}
 * @throws InvalidOptionsError for a bad model, an unknown or exogenous target, or rows that do not give the
 *   model's number of observations
 * @throws InvalidRecordError, InsufficientDataError as {@link plsPathModel}
 * @example
 * ```ts
 * const ipma = plsImportancePerformance(mobi, { ...ECSI_MODEL, scale: { min: 1, max: 10 } }, { target: "Loyalty" });
 * ipma.entries.map((e) => e.name);
 * // => ["Satisfaction", "Image", "Quality", "Expectation", "Value", "Complaints"]
 * ipma.entries[1]; // => { name: "Image", importance: 0.6432, performance: 73.53 }
 * ```
 */
export function plsImportancePerformance<T extends object>(
  rows: readonly T[],
  model: PlsModelInput,
  options: PlsImportancePerformanceOptions,
): PlsImportancePerformanceResult {
  const parsed = checkOptions(NAME, plsImportancePerformanceShape, options);
  const resolved = resolveModelInput(NAME, model);
  const data = preparePlsData(NAME, rows, resolved);
  const isResult = "constructs" in model && "totalEffects" in model;
  const estimated: PlsPathModelResult = isResult
    ? (model as PlsPathModelResult)
    : plsPathModel(rows, model as Parameters<typeof plsPathModel>[1]);
  if (estimated.observations !== data.matrix.rowCount) {
    throw argumentError(
      NAME,
      "rows",
      `the rows give ${data.matrix.rowCount} observations but the model was estimated on ${estimated.observations}; pass the same rows`,
      rows.length,
    );
  }
  const target = parsed.target;
  const { constructs, indicators, spec } = resolved;
  const t = constructs.indexOf(target);
  if (t < 0) throw unknownTargetError(NAME, constructs, target);
  const { min, max } = answerScale(data, resolved);
  const rescaledWeight = new Float64Array(spec.indicatorCount);
  const blockSum = new Float64Array(spec.constructCount);
  const negativeWeights: string[] = [];
  constructs.forEach((name, k) => {
    const weights = estimated.outerWeights[name] ?? {};
    let sum = 0;
    for (let a = spec.blockStart[k] as number; a < (spec.blockStart[k + 1] as number); a++) {
      const w = weights[indicators[a] as string] as number;
      if (w < 0) negativeWeights.push(indicators[a] as string);
      rescaledWeight[a] = w / (data.sd[a] as number);
      sum += rescaledWeight[a] as number;
    }
    blockSum[k] = sum;
    for (let a = spec.blockStart[k] as number; a < (spec.blockStart[k + 1] as number); a++)
      rescaledWeight[a] = (rescaledWeight[a] as number) / sum;
  });
  const entries: ImportancePerformanceEntry[] = [];
  const indicatorRows: PlsImportancePerformanceIndicator[] = [];
  for (const effect of estimated.totalEffects) {
    if (effect.to !== target) continue;
    const k = constructs.indexOf(effect.from);
    const importance = (effect.estimate * (blockSum[k] as number)) / (blockSum[t] as number);
    entries.push({ name: effect.from, importance, performance: estimated.index[effect.from] as number });
    for (let a = spec.blockStart[k] as number; a < (spec.blockStart[k + 1] as number); a++) {
      indicatorRows.push({
        indicator: indicators[a] as string,
        construct: effect.from,
        importance: (rescaledWeight[a] as number) * importance,
        performance: (100 * ((data.mean[a] as number) - min)) / (max - min),
      });
    }
  }
  const { meanImportance, meanPerformance } = rankEntries(NAME, target, entries);
  indicatorRows.sort((a, b) => b.importance - a.importance || a.indicator.localeCompare(b.indicator));
  const result: PlsImportancePerformanceResult = {
    target,
    entries,
    indicators: indicatorRows,
    targetPerformance: estimated.index[target] as number,
    meanImportance,
    meanPerformance,
    negativeWeights,
    options: { target },
  };
  return withDisplay(result, {
    title: `Importance-performance map for ${target} (unstandardised total effects, 0-100 performance)`,
    summary: (r) => [
      `target performance ${r.targetPerformance.toFixed(1)}; mean importance ${r.meanImportance.toFixed(3)}, mean performance ${r.meanPerformance.toFixed(1)}${r.negativeWeights.length > 0 ? `; negative weights: ${r.negativeWeights.join(", ")}` : ""}`,
    ],
    rows: (r) => r.entries,
  });
}
