import {
  evaluateChurnModel,
  evaluateScores,
  formatTable,
  inactivityRisk,
  STORE_CHURN_FEATURES,
  storeChurnTable,
  trainChurnModel,
  trainTestSplit,
} from "clientele";
import {
  calibrationCurveChart,
  coefficientChart,
  gainsChart,
  inactivityChart,
  liftChart,
  reportNarrative,
  rocChart,
} from "clientele/chart";
import type { DemoSectionBuilder } from "./section.js";

/** The churn section of the demo: supervised model on the planted churners, gains table, top risks. */
export const churnSection: DemoSectionBuilder = (store) => {
  const cutoff = "2025-06-30";
  const table = storeChurnTable(store, { cutoff, windowDays: 180 }).customers;
  const { train, test } = trainTestSplit(table, { testFraction: 0.3, stratify: "churned", seed: 7 });
  const model = trainChurnModel(train, {
    label: "churned",
    fields: {
      numeric: [...STORE_CHURN_FEATURES.numeric],
      categorical: [...STORE_CHURN_FEATURES.categorical],
    },
    regularization: { l2: 1 },
  });
  const evaluation = evaluateChurnModel(model, test);
  const risk = inactivityRisk(
    store.orders.filter((order) => order.date <= cutoff),
    { customer: "customerId", date: "date", asOf: cutoff },
  );
  const ratio = new Map(risk.customers.map((row) => [row.customer, row.overdueRatio]));
  const inactivityAuc = evaluateScores(
    test.map((row) => ratio.get(row.customerId) ?? 0),
    test.map((row) => row.churned),
  ).auc;
  const scored = test
    .map((row, i) => ({ row, score: model.score([row])[0] as number, i }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  const lines = [
    `Label: planted churn date within 180 days after ${cutoff}, among ${table.length} customers still active then (${table.filter((row) => row.churned === 1).length} churn).`,
    `Logistic model (l2 = 1, ${model.convergence.message}); held-out ${test.length} customers:`,
    `  AUC ${evaluation.auc?.toFixed(3)}, top-decile capture ${(100 * (evaluation.topDecileCapture ?? 0)).toFixed(1)}% (lift ${evaluation.topDecileLift?.toFixed(2)}); inactivity overdue ratio alone: AUC ${inactivityAuc?.toFixed(3)}`,
    "",
    formatTable(
      evaluation.gains.map((row) => ({
        decile: row.group,
        customers: row.count,
        churners: row.churners,
        churnRate: `${(100 * row.churnRate).toFixed(1)}%`,
        cumulativeCapture: `${(100 * (row.cumulativeCapture ?? 0)).toFixed(1)}%`,
        lift: (row.lift ?? 0).toFixed(2),
      })),
    ),
    "",
    "Highest-risk held-out customers and why:",
    ...scored.map(
      ({ row, score }) =>
        `  ${row.customerId} p=${score.toFixed(2)} ${row.churned === 1 ? "(churns)" : "(stays)"}: ${model.explain(row, { top: 2 }).reasons.join("; ")}`,
    ),
  ];
  const churners = table.filter((row) => row.churned === 1).length;
  return {
    title: "Churn scoring",
    text: lines.join("\n"),
    report: [
      {
        title: "Churn: who is about to leave?",
        result: evaluation,
        narrative: [
          `A churn model trained on ${train.length} customers active on ${cutoff} predicts who stops buying in the next 180 days (${churners} of ${table.length} did). Tested on ${test.length} customers it did not see:`,
          ...reportNarrative(evaluation),
          ...(inactivityAuc === null
            ? []
            : [
                `For comparison, ranking customers only by how overdue their next purchase is gives AUC ${inactivityAuc.toFixed(2)}.`,
              ]),
        ],
        chart: [
          gainsChart(evaluation),
          liftChart(evaluation),
          rocChart(evaluation),
          calibrationCurveChart(evaluation),
        ],
      },
      {
        title: "Churn: what drives it?",
        result: model,
        narrative: [
          ...reportNarrative(model),
          "Highest-risk customers in the test group and the model's reasons:",
        ],
        chart: coefficientChart(model),
        table: scored.map(({ row, score }) => ({
          customer: row.customerId,
          churnProbability: score,
          "churned in fact": row.churned === 1,
          why: model.explain(row, { top: 2 }).reasons.join("; "),
        })),
      },
      { title: "Churn: who is overdue?", result: risk, chart: inactivityChart(risk) },
    ],
  };
};
