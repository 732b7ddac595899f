import type { EvaluateScoresResult } from "../churn/index.js";
import { checkEvaluation, evaluationCounts, unitCurveLayers } from "./internal/churn.js";
import { type ChartOptions, frame, parseChartOptions, tidy, type VegaLiteSpec } from "./internal/spec.js";

/**
 * One point of the ROC curve.
 *
 * @example
 * ```ts
 * rocPoints(evaluateScores([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], { groups: 4 }))[1];
 * // => { falsePositiveRate: 0, truePositiveRate: 0.5, group: 1 }
 * ```
 */
export interface RocPoint {
  /** Share of retained customers flagged (1 − specificity). */
  readonly falsePositiveRate: number;
  /** Share of churners flagged (recall). */
  readonly truePositiveRate: number;
  /** Customers flagged: the top `group` groups by score. */
  readonly group: number;
}

/**
 * The ROC points of an evaluation, one per score group of its gains table (deciles by default; pass
 * `groups: 100` to `evaluateScores` for a finer curve), starting at (0, 0).
 *
 * @example
 * ```ts
 * rocPoints(evaluateScores([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], { groups: 4 })).map((p) => p.truePositiveRate);
 * // => [0, 0.5, 0.5, 1, 1]
 * ```
 */
export function rocPoints(evaluation: EvaluateScoresResult): RocPoint[] {
  checkEvaluation("rocChart", evaluation);
  const retained = evaluation.count - evaluation.churners;
  let count = 0;
  let churners = 0;
  const points: RocPoint[] = [{ falsePositiveRate: 0, truePositiveRate: 0, group: 0 }];
  for (const row of evaluation.gains) {
    count += row.count;
    churners += row.churners;
    points.push({
      falsePositiveRate: tidy(retained === 0 ? 0 : (count - churners) / retained),
      truePositiveRate: tidy(evaluation.churners === 0 ? 0 : churners / evaluation.churners),
      group: row.group,
    });
  }
  return points;
}

/**
 * The ROC curve of a churn score: share of churners caught (true-positive rate) against share of retained
 * customers wrongly flagged (false-positive rate) as more customers are flagged, highest scores first,
 * with the diagonal of a random score and the AUC in the title. Points come from the evaluation's gains
 * table (one per group).
 *
 * @param evaluation - result of `evaluateScores(scores, labels)` or `evaluateChurnModel(model, records)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `evaluation` is not an evaluation or an option is invalid
 * @example
 * ```ts
 * const spec = rocChart(evaluateScores([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], { groups: 4 }));
 * spec.title; // => { text: "ROC curve (AUC 0.750)", subtitle: "4 customers, 2 churners" }
 * ```
 */
export function rocChart(evaluation: EvaluateScoresResult, options: ChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("rocChart", options);
  const points = rocPoints(evaluation);
  return frame(
    parsed,
    {
      title: `ROC curve (AUC ${evaluation.auc === null ? "n/a" : evaluation.auc.toFixed(3)})`,
      subtitle: evaluationCounts(evaluation),
      width: 360,
      height: 360,
    },
    unitCurveLayers(
      {
        field: "falsePositiveRate",
        title: "Retained customers flagged (false-positive rate)",
        tooltip: "False-positive rate",
      },
      {
        field: "truePositiveRate",
        title: "Churners caught (true-positive rate)",
        tooltip: "True-positive rate",
      },
      "Top groups flagged",
      points,
    ),
  );
}
