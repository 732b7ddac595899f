import type { EvaluateScoresResult } from "../churn/index.js";
import { checkEvaluation } from "./internal/churn.js";
import {
  type ChartOptions,
  dataValues,
  diagonal,
  filledPoint,
  frame,
  nominal,
  PALETTE,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseInput,
  shareAxis,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * The calibration (reliability) curve of churn probabilities: in each probability bin, the observed churn
 * rate against the mean predicted probability, point size by customers, with the diagonal of perfect
 * calibration and the Brier score in the subtitle. Empty bins are left out.
 *
 * @param evaluation - result of `evaluateScores` (scores in [0, 1]) or `evaluateChurnModel`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `evaluation` is not an evaluation, its scores were not probabilities (no calibration table), or an option is invalid
 * @example
 * ```ts
 * const { customers } = storeChurnTable(store, { cutoff: "2025-06-30" });
 * const { train, test } = trainTestSplit(customers, { testFraction: 0.25, stratify: "churned", seed: 7 });
 * const fields = { numeric: ["daysSinceLastOrder", "ordersLast90Days", "complaintsLast120Days"] };
 * const model = trainChurnModel(train, { label: "churned", fields });
 * const spec = calibrationCurveChart(evaluateChurnModel(model, test));
 * spec.title; // => { text: "Calibration of the churn probabilities", subtitle: "Brier score 0.091; on the diagonal = right" }
 * ```
 */
export function calibrationCurveChart(
  evaluation: EvaluateScoresResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const name = "calibrationCurveChart";
  const parsed = parseChartOptions(name, options);
  checkEvaluation(name, evaluation);
  if (evaluation.calibration === null) {
    return refuseInput(
      name,
      "evaluation",
      "the scores were not probabilities in [0, 1], so there is no calibration table to draw",
      evaluation.calibration,
    );
  }
  const values = evaluation.calibration
    .filter((bin) => bin.count > 0 && bin.meanPredicted !== null && bin.observedRate !== null)
    .map((bin) => ({
      predicted: tidy(bin.meanPredicted as number),
      observed: tidy(bin.observedRate as number),
      customers: bin.count,
      bin: `${(100 * bin.lower).toFixed(0)}–${(100 * bin.upper).toFixed(0)}%`,
    }));
  const x = quantitative("predicted", "Mean predicted churn probability", shareAxis());
  const y = quantitative("observed", "Observed churn rate", shareAxis());
  return frame(
    parsed,
    {
      title: "Calibration of the churn probabilities",
      subtitle: `Brier score ${evaluation.brierScore === null ? "n/a" : evaluation.brierScore.toFixed(3)}; on the diagonal = right`,
      width: 360,
      height: 360,
    },
    {
      layer: [
        diagonal(x, y),
        { data: dataValues(values), mark: { type: "line", color: PALETTE[0] }, encoding: { x, y } },
        {
          data: dataValues(values),
          mark: filledPoint({ color: PALETTE[0] }),
          encoding: {
            x,
            y,
            size: quantitative("customers", "Customers", { scale: { range: [20, 300] } }),
            tooltip: [
              nominal("bin", "Probability bin"),
              quantitative("predicted", "Predicted", PERCENT_PRECISE),
              quantitative("observed", "Observed", PERCENT_PRECISE),
              quantitative("customers", "Customers", THOUSANDS),
            ],
          },
        },
      ],
    },
  );
}
