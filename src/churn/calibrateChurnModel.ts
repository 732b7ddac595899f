import {
  type ArrowTableLike,
  InsufficientDataError,
  type InvalidOptionsError,
  type RecordInput,
  recordCount,
} from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import { scoreFunction } from "./internal/calibratedProbability.js";
import { fitIsotonic, fitPlatt } from "./internal/calibration.js";
import { churnModelInternals, createChurnModel, freezeJson } from "./internal/churnScorer.js";
import { readLabels } from "./internal/labels.js";
import type { ChurnModel, ChurnModelCalibration, ChurnModelJson } from "./trainChurnModelTypes.js";

const FUNCTION_NAME = "calibrateChurnModel";

/** Options of {@link calibrateChurnModel}. */
export interface CalibrateChurnModelOptions {
  /**
   * `"platt"`: a logistic curve on the model's log-odds (two parameters; right when the scores are
   * well ordered but over- or under-confident, and with small holdouts); `"isotonic"`: any
   * non-decreasing map (more flexible, needs a larger holdout: a few hundred rows of each class).
   * @defaultValue "platt"
   */
  readonly method?: "platt" | "isotonic";
}

/** The option rules of calibrateChurnModel (core's checkOptions: no zod in the bundle). */
export const calibrateChurnModelShape = {
  method: /* @__PURE__ */ oneOf(["platt", "isotonic"]),
};

/**
 * Recalibrates a churn model's probabilities on held-out labelled rows (never the training rows: their
 * scores are optimistic), returning a new model whose `score` and `explain` give calibrated
 * probabilities; coefficients, encodings and the ranking of customers are unchanged (isotonic steps
 * may tie scores). The fit is on the model's log-odds η, as scikit-learn's
 * `CalibratedClassifierCV(model, method="sigmoid" | "isotonic", cv="prefit")` on `decision_function`:
 *
 * - Platt: p = 1 / (1 + exp(a·η + b)), maximum likelihood with Platt's smoothed targets
 *   (N₊ + 1) / (N₊ + 2) and 1 / (N₋ + 2), by Newton's method (Platt 1999; Lin, Lin & Weng 2007);
 * - isotonic: the non-decreasing least-squares fit of the labels on η (pool-adjacent-violators, equal η
 *   pooled first), linear between its points and clipped outside (Zadrozny & Elkan 2002).
 *
 * A model calibrated again is recalibrated from its uncalibrated log-odds (the old calibration is
 * replaced, not stacked). `explain` keeps its contributions on the uncalibrated log-odds scale; only its
 * two probabilities are calibrated. The calibration is saved by `toJSON`. Check the gain with
 * `evaluateChurnModel` (Brier score, log loss, calibration table) on rows other than the holdout.
 * O(m log m) for m holdout rows.
 *
 * @param model - a model from `trainChurnModel`, `restoreChurnModel` or this function
 * @param holdout - labelled rows not used in training (not mutated), with both classes: an array of
 *   records, columns or an Apache Arrow table (as `trainChurnModel` takes them)
 * @param options - see {@link CalibrateChurnModelOptions}
 * @returns the calibrated model (`model.calibration` holds the fitted map)
 * @throws {@link InvalidOptionsError} for an unknown option or method, something that is not a model, or a
 *   holdout that is none of the three (or lacks a column)
 * @throws {@link InvalidRecordError} for a bad label or feature value (row and field named)
 * @throws {@link InsufficientDataError} for an empty holdout or one with a single class
 * @example
 * ```ts
 * const customers = Array.from({ length: 400 }, (_, i) => ({
 *   daysSinceLastOrder: (i * 37) % 101,
 *   plan: i % 3 === 0 ? "basic" : "plus",
 *   churned: (i * 37) % 101 > 40 + (i % 7) * 8 ? 1 : 0,
 * }));
 * const { train, test } = trainTestSplit(customers, { testFraction: 0.3, stratify: "churned", seed: 1 });
 * const model = trainChurnModel(train, { label: "churned", fields: { numeric: ["daysSinceLastOrder"] } });
 * const calibrated = calibrateChurnModel(model, test, { method: "platt" });
 * calibrated.calibration; // => { method: "platt", a: -0.930, b: -0.192, rows: 120 }
 * ```
 */
export function calibrateChurnModel<T>(
  model: ChurnModel<T>,
  holdout: RecordInput<T> | ArrowTableLike<unknown>,
  options: CalibrateChurnModelOptions = {},
): ChurnModel<T> {
  const { method = "platt" } = checkOptions(FUNCTION_NAME, calibrateChurnModelShape, options);
  const internals = churnModelInternals(model);
  if (internals === undefined) {
    throw argumentError(
      FUNCTION_NAME,
      "model",
      "expected a model returned by trainChurnModel, restoreChurnModel or calibrateChurnModel",
      model,
    );
  }
  if (recordCount(holdout, FUNCTION_NAME, "holdout") === 0) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      "no holdout rows; pass labelled rows not used in training",
    );
  }
  const labels = readLabels(holdout, internals.label, FUNCTION_NAME);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  if (positives === 0 || positives === labels.length) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `every holdout label is ${positives === 0 ? "0 (retained)" : "1 (churned)"}; calibration needs both classes`,
    );
  }
  const eta = internals.linearPredictor(holdout, FUNCTION_NAME, "holdout");
  let calibration: ChurnModelCalibration;
  if (method === "platt") {
    const { a, b } = fitPlatt(eta, labels);
    calibration = { method, a, b, rows: labels.length };
  } else {
    const { x, y } = fitIsotonic(eta, labels);
    calibration = { method, x, y, rows: labels.length };
  }
  const json: ChurnModelJson = freezeJson({ ...internals.json, calibration });
  return createChurnModel(
    json,
    internals.numeric as never[],
    internals.categorical as never[],
    internals.label as never,
    scoreFunction(calibration),
  ) as ChurnModel<T>;
}
