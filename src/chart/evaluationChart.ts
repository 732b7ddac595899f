import type { EvaluateScoresResult } from "../churn/index.js";
import { calibrationCurveChart } from "./calibrationCurveChart.js";
import { gainsChart } from "./gainsChart.js";
import { checkEvaluation, evaluationCounts } from "./internal/churn.js";
import { type ChartOptions, frame, parseChartOptions, type VegaLiteSpec } from "./internal/spec.js";
import { liftChart } from "./liftChart.js";
import { rocChart } from "./rocChart.js";

/** A builder's spec without the top-level keys a concatenated view may not repeat. */
function panel(spec: VegaLiteSpec): Record<string, unknown> {
  const { $schema: _schema, config: _config, ...rest } = spec as Record<string, unknown>;
  return rest;
}

/**
 * The four pictures of a churn score in one figure, two by two: ROC curve, cumulative gains, lift by
 * decile and, when the scores are probabilities, the calibration curve. Each panel is the spec of its own
 * builder ({@link rocChart}, {@link gainsChart}, {@link liftChart}, {@link calibrationCurveChart}).
 *
 * @param evaluation - result of `evaluateScores` or `evaluateChurnModel`
 * @param options - title; width and height of each panel
 * @returns a Vega-Lite v6 specification (a `concat` of the panels)
 * @throws InvalidOptionsError when `evaluation` is not an evaluation or an option is invalid
 * @example
 * ```ts
 * const { customers } = storeChurnTable(store, { cutoff: "2025-06-30" });
 * const { train, test } = trainTestSplit(customers, { testFraction: 0.25, stratify: "churned", seed: 7 });
 * const fields = { numeric: ["daysSinceLastOrder", "ordersLast90Days", "complaintsLast120Days"] };
 * const model = trainChurnModel(train, { label: "churned", fields });
 * const spec = evaluationChart(evaluateChurnModel(model, test));
 * spec.concat.length; // => 4 (ROC, gains, lift, calibration)
 * ```
 */
export function evaluationChart(evaluation: EvaluateScoresResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "evaluationChart";
  const parsed = parseChartOptions(name, options);
  checkEvaluation(name, evaluation);
  const size = { width: parsed.width ?? 300, height: parsed.height ?? 260 };
  const panels = [rocChart(evaluation, size), gainsChart(evaluation, size), liftChart(evaluation, size)];
  if (evaluation.calibration !== null) panels.push(calibrationCurveChart(evaluation, size));
  return frame(
    parsed,
    {
      title: "How good is the churn score?",
      subtitle: evaluationCounts(evaluation),
    },
    { columns: 2, concat: panels.map(panel), spacing: 30 },
    false,
  );
}
