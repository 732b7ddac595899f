/** Shared checks of the churn-evaluation charts. */
import type { EvaluateScoresResult } from "../../churn/index.js";
import { isObject, refuseInput } from "./spec.js";

/** True when `value` looks like the result of `evaluateScores` or `evaluateChurnModel`. */
export function isEvaluateScoresResult(value: unknown): value is EvaluateScoresResult {
  return (
    isObject(value) &&
    Array.isArray(value.gains) &&
    isObject(value.confusion) &&
    typeof value.baseRate === "number" &&
    typeof value.count === "number"
  );
}

/** Throws unless `value` is an evaluation. */
export function checkEvaluation(functionName: string, value: unknown): asserts value is EvaluateScoresResult {
  if (!isEvaluateScoresResult(value)) {
    refuseInput(
      functionName,
      "evaluation",
      "expected the result of evaluateScores or evaluateChurnModel",
      value,
    );
  }
}

/** Cumulative share of customers contacted after each group, with the (0, 0) start. */
export function contactedShares(evaluation: EvaluateScoresResult): number[] {
  let seen = 0;
  return [0, ...evaluation.gains.map((row) => (seen += row.count) / evaluation.count)];
}
