/** Shared checks of the churn-evaluation charts. */
import type { EvaluateScoresResult } from "../../churn/index.js";
import {
  countText,
  dataValues,
  diagonal,
  hasShape,
  PALETTE,
  PERCENT_PRECISE,
  quantitative,
  refuseResult,
  shareAxis,
} from "./spec.js";

/** True when `value` looks like the result of `evaluateScores` or `evaluateChurnModel`. */
export function isEvaluateScoresResult(value: unknown): value is EvaluateScoresResult {
  return hasShape(value, "gains[] confusion{} baseRate# count#");
}

/** Throws unless `value` is an evaluation. */
export function checkEvaluation(functionName: string, value: unknown): asserts value is EvaluateScoresResult {
  if (!isEvaluateScoresResult(value)) {
    refuseResult(functionName, "evaluateScores or evaluateChurnModel", value, "evaluation");
  }
}

/** "1,234 customers, 56 churners": the size of an evaluation, for subtitles. */
export const evaluationCounts = (evaluation: EvaluateScoresResult): string =>
  `${countText(evaluation.count)} customers, ${countText(evaluation.churners)} churners`;

/** Cumulative share of customers contacted after each group, with the (0, 0) start. */
export function contactedShares(evaluation: EvaluateScoresResult): number[] {
  let seen = 0;
  return [0, ...evaluation.gains.map((row) => (seen += row.count) / evaluation.count)];
}

/** One axis of a {@link unitCurveLayers} chart: a share from 0 to 1. */
export interface UnitCurveAxis {
  readonly field: string;
  /** Axis title. */
  readonly title: string;
  /** Tooltip title of the point's value. */
  readonly tooltip: string;
}

/**
 * The layers of a curve in the unit square (cumulative gains, ROC): the dashed diagonal of a random score
 * and the curve through `points` with a tooltip of the group count and both shares.
 */
export function unitCurveLayers(
  x: UnitCurveAxis,
  y: UnitCurveAxis,
  groupTitle: string,
  points: readonly object[],
): { layer: object[] } {
  const axis = (a: UnitCurveAxis) => quantitative(a.field, a.title, shareAxis());
  const xEncoding = axis(x);
  const yEncoding = axis(y);
  const share = (a: UnitCurveAxis) => quantitative(a.field, a.tooltip, PERCENT_PRECISE);
  return {
    layer: [
      diagonal(xEncoding, yEncoding),
      {
        data: dataValues(points),
        mark: { type: "line", color: PALETTE[0], strokeWidth: 2, point: true },
        encoding: {
          x: xEncoding,
          y: yEncoding,
          tooltip: [quantitative("group", groupTitle), share(x), share(y)],
        },
      },
    ],
  };
}
