import type { EvaluateScoresResult } from "../churn/index.js";
import { checkEvaluation, contactedShares, unitCurveLayers } from "./internal/churn.js";
import { type ChartOptions, frame, parseChartOptions, tidy, type VegaLiteSpec } from "./internal/spec.js";

/**
 * The cumulative gains chart of a churn score: share of all churners caught against share of customers
 * contacted, highest scores first, against a random list (the diagonal). "Contact the top 20% and reach
 * 55% of the churners" is read straight off it.
 *
 * @param evaluation - result of `evaluateScores` or `evaluateChurnModel`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `evaluation` is not an evaluation or an option is invalid
 * @example
 * ```ts
 * const { customers } = storeChurnTable(store, { cutoff: "2025-06-30" });
 * const { train, test } = trainTestSplit(customers, { testFraction: 0.25, stratify: "churned", seed: 7 });
 * const fields = { numeric: ["daysSinceLastOrder", "ordersLast90Days", "complaintsLast120Days"] };
 * const model = trainChurnModel(train, { label: "churned", fields });
 * const spec = gainsChart(evaluateChurnModel(model, test));
 * spec.title; // => { text: "Cumulative gains", subtitle: "top 9% of customers hold 26.3% of churners (lift 2.78)" }
 * ```
 */
export function gainsChart(evaluation: EvaluateScoresResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "gainsChart";
  const parsed = parseChartOptions(name, options);
  checkEvaluation(name, evaluation);
  const shares = contactedShares(evaluation);
  const points = [
    { contacted: 0, captured: 0, group: 0 },
    ...evaluation.gains.map((row, i) => ({
      contacted: tidy(shares[i + 1] as number),
      captured: tidy(row.cumulativeCapture ?? 0),
      group: row.group,
    })),
  ];
  const top = evaluation.gains[0];
  return frame(
    parsed,
    {
      title: "Cumulative gains",
      subtitle:
        top === undefined
          ? undefined
          : `top ${(100 * (shares[1] as number)).toFixed(0)}% of customers hold ${(100 * (top.cumulativeCapture ?? 0)).toFixed(1)}% of churners (lift ${(top.lift ?? 0).toFixed(2)})`,
      width: 400,
      height: 340,
    },
    unitCurveLayers(
      {
        field: "contacted",
        title: "Customers contacted (highest scores first)",
        tooltip: "Customers contacted",
      },
      { field: "captured", title: "Share of all churners reached", tooltip: "Churners reached" },
      "Groups contacted",
      points,
    ),
  );
}
