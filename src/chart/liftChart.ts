import type { EvaluateScoresResult } from "../churn/index.js";
import { checkEvaluation } from "./internal/churn.js";
import {
  type ChartOptions,
  dashed,
  dataValues,
  frame,
  ordinal,
  PALETTE,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  referenceLine,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";

/**
 * Lift by score group (deciles by default): each group's churn rate divided by the overall churn rate, as
 * bars with the no-lift line at 1. A good score has lifts well above 1 in the first groups, falling below
 * 1 in the last.
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
 * const spec = liftChart(evaluateChurnModel(model, test));
 * spec.title.text; // => "Lift by decile"
 * ```
 */
export function liftChart(evaluation: EvaluateScoresResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "liftChart";
  const parsed = parseChartOptions(name, options);
  checkEvaluation(name, evaluation);
  const groups = evaluation.gains.length;
  const word = groups === 10 ? "decile" : groups === 5 ? "quintile" : groups === 100 ? "percentile" : "group";
  const values = evaluation.gains.map((row) => ({
    group: row.group,
    lift: tidy(row.lift ?? 0),
    churnRate: tidy(row.churnRate),
    customers: row.count,
  }));
  return frame(
    parsed,
    {
      title: `Lift by ${word}`,
      subtitle: `churn rate of each ${word} (highest scores first) ÷ overall rate (${(100 * evaluation.baseRate).toFixed(1)}%)`,
      width: within(groups * 36, 240, 720),
      height: 300,
    },
    {
      layer: [
        {
          data: dataValues(values),
          mark: { type: "bar", color: PALETTE[0] },
          encoding: {
            x: ordinal("group", `Score ${word} (1 = highest scores)`, { axis: { labelAngle: 0 } }),
            y: quantitative("lift", "Lift"),
            tooltip: [
              ordinal("group", word),
              quantitative("lift", "Lift", ".2f"),
              quantitative("churnRate", "Churn rate", PERCENT_PRECISE),
              quantitative("customers", "Customers", THOUSANDS),
            ],
          },
        },
        referenceLine("y", "lift", 1, dashed("rule", PALETTE[3])),
      ],
    },
  );
}
