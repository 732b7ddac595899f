import { type ArrowTableLike, InvalidOptionsError, type RecordInput } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { type EvaluateScoresOptions, type EvaluateScoresResult, evaluateScores } from "./evaluateScores.js";
import { checkEvaluateScoresOptions } from "./internal/evaluateOptions.js";
import { readLabels } from "./internal/labels.js";
import type { ChurnModel } from "./trainChurnModel.js";

/** Options of {@link evaluateChurnModel}: the same as {@link EvaluateScoresOptions}. */
export type EvaluateChurnModelOptions = EvaluateScoresOptions;

/**
 * Scores `records` with a trained churn model and evaluates the scores against the records' own labels
 * (read with the model's `label` field): `evaluateScores(model.score(records), labels, options)`.
 * Use it on held-out rows (see `trainTestSplit`); evaluating on the training rows overstates quality.
 *
 * Reference: see {@link evaluateScores}.
 *
 * @param model - a model from `trainChurnModel`
 * @param records - labelled rows, typically the test part of a split (not mutated): an array of records,
 *   columns or an Apache Arrow table (as `trainChurnModel` takes them)
 * @param options - threshold, calibration bins and gains groups, as {@link evaluateScores}
 * @returns the {@link EvaluateScoresResult} (AUC, confusion matrix, precision/recall/F1, calibration, gains)
 * @throws {@link InvalidOptionsError} for options evaluateScores refuses, an unknown option included, or
 *   something that is not a model, records that are none of the three, or a missing column
 * @throws {@link InvalidRecordError} for an element that is not a record, or a bad label or feature value
 *   (row and field named)
 * @throws {@link InsufficientDataError} for empty input
 * @example
 * ```ts
 * const customers = Array.from({ length: 400 }, (_, i) => ({
 *   daysSinceLastOrder: (i * 37) % 101,
 *   plan: i % 3 === 0 ? "basic" : "plus",
 *   churned: (i * 37) % 101 > 40 + (i % 7) * 8 ? 1 : 0,
 * }));
 * const { train, test } = trainTestSplit(customers, { testFraction: 0.25, stratify: "churned", seed: 7 });
 * const model = trainChurnModel(train, { label: "churned", fields: { numeric: ["daysSinceLastOrder"] } });
 * evaluateChurnModel(model, test).auc; // => 0.925
 * ```
 */
export function evaluateChurnModel<T>(
  model: ChurnModel<T>,
  records: RecordInput<T> | ArrowTableLike<unknown>,
  options: EvaluateChurnModelOptions = {},
): EvaluateScoresResult {
  checkEvaluateScoresOptions("evaluateChurnModel", options);
  if (model === null || typeof model !== "object" || typeof model.score !== "function") {
    throw argumentError("evaluateChurnModel", "model", "expected a model returned by trainChurnModel", model);
  }
  const labels = readLabels(records, model.label, "evaluateChurnModel");
  return evaluateScores(model.score(records), labels, options);
}
