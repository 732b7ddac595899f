import {
  InsufficientDataError,
  type InvalidOptionsError,
  InvalidRecordError,
  withDisplay,
} from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkEvaluateScoresOptions } from "./internal/evaluateOptions.js";
import { freeze } from "./internal/freeze.js";
import { labelsFromArray } from "./internal/labels.js";

const FUNCTION_NAME = "evaluateScores";

/** Options of {@link evaluateScores}. */
export interface EvaluateScoresOptions {
  /** A customer is predicted to churn when score ≥ threshold. @defaultValue 0.5 */
  readonly threshold?: number;
  /** Equal-width probability bins of the calibration table on [0, 1]. @defaultValue 10 */
  readonly calibrationBins?: number;
  /** Equal-size groups of the gains table, highest scores first (10 = deciles). @defaultValue 10 */
  readonly groups?: number;
}

/** Confusion matrix at the threshold (positive = churned). */
export interface EvaluateScoresConfusion {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
}

/** One bin of the calibration table. */
export interface EvaluateScoresCalibrationBin {
  /** 1-based bin number. */
  readonly bin: number;
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  /** Mean score in the bin, `null` when empty. */
  readonly meanPredicted: number | null;
  /** Share of churners in the bin, `null` when empty. */
  readonly observedRate: number | null;
}

/** One group (decile by default) of the gains / lift table. */
export interface EvaluateScoresGainsRow {
  /** 1 = the highest scores. */
  readonly group: number;
  readonly count: number;
  readonly minScore: number;
  readonly maxScore: number;
  readonly churners: number;
  /** churners / count. */
  readonly churnRate: number;
  /** Share of all churners in this group; `null` when there are no churners. */
  readonly capture: number | null;
  /** Share of all churners in groups 1..group (the gains curve); `null` when there are no churners. */
  readonly cumulativeCapture: number | null;
  /** churnRate / base rate; `null` when the base rate is 0. */
  readonly lift: number | null;
  /** Cumulative churn rate / base rate; `null` when the base rate is 0. */
  readonly cumulativeLift: number | null;
}

/** Result of {@link evaluateScores}. */
export interface EvaluateScoresResult {
  readonly count: number;
  readonly churners: number;
  /** churners / count. */
  readonly baseRate: number;
  /**
   * ROC AUC by the Mann-Whitney statistic with tied scores counted one half (average ranks), the same
   * as scikit-learn's `roc_auc_score`; `null` when one class is absent.
   */
  readonly auc: number | null;
  readonly threshold: number;
  readonly confusion: EvaluateScoresConfusion;
  /** TP / (TP + FP); `null` when nobody is predicted to churn. */
  readonly precision: number | null;
  /** TP / (TP + FN); `null` when there are no churners. */
  readonly recall: number | null;
  /** Harmonic mean of precision and recall; `null` when either is null or both are 0. */
  readonly f1: number | null;
  /** TN / (TN + FP); `null` when there are no retained customers. */
  readonly specificity: number | null;
  readonly accuracy: number;
  /** Mean squared error of the scores as probabilities; `null` when a score lies outside [0, 1]. */
  readonly brierScore: number | null;
  /** Mean negative log-likelihood, scores clipped to [1e-15, 1 − 1e-15]; `null` when a score lies outside [0, 1]. */
  readonly logLoss: number | null;
  /** Calibration table; `null` when a score lies outside [0, 1]. */
  readonly calibration: readonly EvaluateScoresCalibrationBin[] | null;
  /** Gains and lift by group, highest scores first; empty groups (fewer rows than groups) are left out. */
  readonly gains: readonly EvaluateScoresGainsRow[];
  /** Share of all churners among the top group (top decile by default); `null` without churners. */
  readonly topDecileCapture: number | null;
  /** Lift of the top group; `null` when the base rate is 0. */
  readonly topDecileLift: number | null;
  readonly options: Required<EvaluateScoresOptions>;
}

/**
 * Evaluates churn scores against observed labels: ROC AUC (tie-aware), the confusion matrix and
 * precision / recall / F1 / specificity / accuracy at a threshold, Brier score and log loss, a
 * calibration table, and a gains / lift table by decile with the top-decile capture rate.
 *
 * Conventions: positive = churned (label 1 / true). Predicted churner when score ≥ threshold.
 * Calibration bins follow scikit-learn's `calibration_curve(strategy="uniform")`: bin k holds scores in
 * (k−1)/B < s ≤ k/B (the first bin also holds 0). Gains groups: rows sorted by score, highest first, ties
 * kept in input order; group g holds rows ⌊(g−1)n/G⌋ .. ⌊gn/G⌋ − 1. Rates with a zero denominator are
 * `null`, never NaN. Complexity O(n log n).
 *
 * Reference: Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27(8);
 * Hanley & McNeil (1982) for AUC = Mann-Whitney U / (n₁ n₀). Checked against scikit-learn 1.2 metrics.
 *
 * @param scores - one finite score per customer (probabilities for calibration, Brier and log loss)
 * @param labels - 0/1 or booleans, same length (1 / true = churned)
 * @param options - see {@link EvaluateScoresOptions}
 * @throws {@link InvalidOptionsError} when lengths differ or options are malformed, an unknown (e.g. misspelt) key included
 * @throws {@link InvalidRecordError} for a non-finite score or a label that is not 0/1/boolean (row named)
 * @throws {@link InsufficientDataError} for empty input
 * @example
 * ```ts
 * const result = evaluateScores([0.9, 0.8, 0.3, 0.2], [1, 0, 1, 0]);
 * result.auc;        // => 0.75
 * result.precision;  // => 0.5
 * result.confusion;  // => { truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1 }
 * ```
 */
export function evaluateScores(
  scores: ArrayLike<number>,
  labels: ArrayLike<number | boolean>,
  options: EvaluateScoresOptions = {},
): EvaluateScoresResult {
  const parsed = checkEvaluateScoresOptions(FUNCTION_NAME, options);
  if (scores === null || typeof scores !== "object" || typeof scores.length !== "number") {
    throw argumentError(FUNCTION_NAME, "scores", "expected an array of numbers", scores);
  }
  if (labels === null || typeof labels !== "object" || typeof labels.length !== "number") {
    throw argumentError(FUNCTION_NAME, "labels", "expected an array of 0/1 or booleans", labels);
  }
  const n = scores.length;
  if (labels.length !== n) {
    throw argumentError(
      FUNCTION_NAME,
      "labels",
      `expected ${n} labels (one per score), received ${labels.length}`,
      labels.length,
    );
  }
  if (n === 0) throw new InsufficientDataError(FUNCTION_NAME, "no scores to evaluate");
  const y = labelsFromArray(labels, FUNCTION_NAME);
  const s = new Float64Array(n);
  let probabilities = true;
  for (let i = 0; i < n; i++) {
    const value = scores[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new InvalidRecordError(FUNCTION_NAME, i, "scores", value, "expected a finite number");
    }
    s[i] = value;
    if (value < 0 || value > 1) probabilities = false;
  }
  const { threshold, calibrationBins, groups } = parsed;

  let churners = 0;
  let truePositives = 0;
  let falsePositives = 0;
  for (let i = 0; i < n; i++) {
    const positive = y[i] === 1;
    if (positive) churners++;
    if ((s[i] as number) >= threshold) {
      if (positive) truePositives++;
      else falsePositives++;
    }
  }
  const retained = n - churners;
  const falseNegatives = churners - truePositives;
  const trueNegatives = retained - falsePositives;
  const ratio = (numerator: number, denominator: number): number | null =>
    denominator === 0 ? null : numerator / denominator;
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, churners);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  const baseRate = churners / n;

  // One sort, descending by score, ties in input order.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (s[b] as number) - (s[a] as number) || a - b);

  const auc = churners === 0 || retained === 0 ? null : mannWhitneyAuc(s, y, order, churners, retained);
  const gains = gainsTable(s, y, order, groups, churners, baseRate);

  let brierScore: number | null = null;
  let logLoss: number | null = null;
  let calibration: EvaluateScoresCalibrationBin[] | null = null;
  if (probabilities) {
    let squared = 0;
    let logSum = 0;
    const counts = new Float64Array(calibrationBins);
    const sums = new Float64Array(calibrationBins);
    const hits = new Float64Array(calibrationBins);
    for (let i = 0; i < n; i++) {
      const p = s[i] as number;
      const label = y[i] as number;
      squared += (p - label) * (p - label);
      const clipped = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
      logSum += label === 1 ? Math.log(clipped) : Math.log1p(-clipped);
      const bin = calibrationBin(p, calibrationBins);
      counts[bin] = (counts[bin] as number) + 1;
      sums[bin] = (sums[bin] as number) + p;
      hits[bin] = (hits[bin] as number) + label;
    }
    brierScore = squared / n;
    logLoss = -logSum / n;
    calibration = [];
    for (let b = 0; b < calibrationBins; b++) {
      const count = counts[b] as number;
      calibration.push(
        freeze({
          bin: b + 1,
          lower: b / calibrationBins,
          upper: (b + 1) / calibrationBins,
          count,
          meanPredicted: count === 0 ? null : (sums[b] as number) / count,
          observedRate: count === 0 ? null : (hits[b] as number) / count,
        }),
      );
    }
  }

  const top = gains[0];
  const result: EvaluateScoresResult = {
    count: n,
    churners,
    baseRate,
    auc,
    threshold,
    confusion: freeze({ truePositives, falsePositives, trueNegatives, falseNegatives }),
    precision,
    recall,
    f1,
    specificity: ratio(trueNegatives, retained),
    accuracy: (truePositives + trueNegatives) / n,
    brierScore,
    logLoss,
    calibration: calibration === null ? null : freeze(calibration),
    gains: freeze(gains),
    topDecileCapture: top?.cumulativeCapture ?? null,
    topDecileLift: top?.lift ?? null,
    options: freeze({ threshold, calibrationBins, groups }),
  };
  return withDisplay(result, {
    title: "Churn score evaluation",
    summary: (r) => [
      `${r.count} customers, ${r.churners} churners (base rate ${formatShare(r.baseRate)}), AUC ${r.auc === null ? "n/a" : r.auc.toFixed(4)}`,
      `at threshold ${r.threshold}: precision ${formatShare(r.precision)}, recall ${formatShare(r.recall)}, F1 ${formatShare(r.f1)}; top-decile capture ${formatShare(r.topDecileCapture)}, lift ${r.topDecileLift === null ? "n/a" : r.topDecileLift.toFixed(2)}`,
    ],
    rows: (r) => r.gains,
    maxRows: 20,
  });
}

function formatShare(value: number | null): string {
  return value === null ? "n/a" : `${(100 * value).toFixed(1)}%`;
}

/** Index of the uniform bin holding p: the number of interior edges k/B strictly below p. */
function calibrationBin(p: number, bins: number): number {
  let bin = Math.min(bins - 1, Math.floor(p * bins));
  while (bin > 0 && p <= bin / bins) bin--;
  while (bin < bins - 1 && p > (bin + 1) / bins) bin++;
  return bin;
}

/** AUC = (R₁ − n₁(n₁+1)/2) / (n₁ n₀) with average ranks for ties; `order` is descending by score. */
function mannWhitneyAuc(
  s: Float64Array,
  y: Uint8Array,
  order: Uint32Array,
  churners: number,
  retained: number,
): number {
  const n = s.length;
  let rankSum = 0;
  let start = 0;
  while (start < n) {
    const value = s[order[start] as number] as number;
    let end = start;
    let positives = 0;
    while (end < n && s[order[end] as number] === value) {
      positives += y[order[end] as number] as number;
      end++;
    }
    // Descending positions start..end-1 are ascending ranks n-end+1 .. n-start; their average:
    const averageRank = (2 * n - start - end + 1) / 2;
    rankSum += positives * averageRank;
    start = end;
  }
  return (rankSum - (churners * (churners + 1)) / 2) / (churners * retained);
}

function gainsTable(
  s: Float64Array,
  y: Uint8Array,
  order: Uint32Array,
  groups: number,
  churners: number,
  baseRate: number,
): EvaluateScoresGainsRow[] {
  const n = s.length;
  const rows: EvaluateScoresGainsRow[] = [];
  let cumulativeCount = 0;
  let cumulativeChurners = 0;
  let group = 0;
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * n) / groups);
    const to = Math.floor(((g + 1) * n) / groups);
    if (to <= from) continue;
    let hits = 0;
    let minScore = Infinity;
    let maxScore = -Infinity;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      hits += y[i] as number;
      const value = s[i] as number;
      if (value < minScore) minScore = value;
      if (value > maxScore) maxScore = value;
    }
    const count = to - from;
    cumulativeCount += count;
    cumulativeChurners += hits;
    group++;
    rows.push(
      freeze({
        group,
        count,
        minScore,
        maxScore,
        churners: hits,
        churnRate: hits / count,
        capture: churners === 0 ? null : hits / churners,
        cumulativeCapture: churners === 0 ? null : cumulativeChurners / churners,
        lift: baseRate === 0 ? null : hits / count / baseRate,
        cumulativeLift: baseRate === 0 ? null : cumulativeChurners / cumulativeCount / baseRate,
      }),
    );
  }
  return rows;
}
