import type { Store } from "clientele";
import {
  lorenzChart,
  probabilityAliveChart,
  repeatPurchasesChart,
  reportNarrative,
  rfmHeatmapChart,
  segmentSharesChart,
  trackingChart,
} from "clientele/chart";
import {
  calibrationHoldoutSummary,
  fitBgNbd,
  gini,
  paretoAnalysis,
  repeatPurchaseSummary,
  rfmScores,
  rfmSegments,
  rfmTable,
} from "clientele/value";
import type { DemoSectionBuilder } from "./section.js";

const DAY = 86_400_000;
/** The ISO date `days` days before `iso`. */
const daysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/**
 * The value section of the demo: RFM segments of the store's customers, how
 * concentrated revenue is (Pareto and Gini), and the BG/NBD model's
 * probability-alive for the planted churners against everyone else, with its
 * tracking plot over a 26-week holdout.
 */
export const valueSection: DemoSectionBuilder = (store: Store) => {
  const started = performance.now();
  const asOf = store.planted.end;
  const table = rfmTable(store.orderLines, {
    customer: "customerId",
    date: "date",
    amount: "amount",
    order: "orderId",
    asOf,
  });
  const scores = rfmScores(table);
  const segments = rfmSegments(scores);
  const pareto = paretoAnalysis(table.monetary, { topShares: [0.2] });
  const concentration = gini(table.monetary);
  const summary = repeatPurchaseSummary(store.orderLines, {
    customer: "customerId",
    date: "date",
    asOf: asOf,
    timeUnit: "week",
  });
  const model = fitBgNbd(summary);
  const churned = new Set(store.planted.churners.map((c) => c.customerId));
  let churnAlive = 0;
  let churnCount = 0;
  let otherAlive = 0;
  let otherCount = 0;
  summary.customers.forEach((row) => {
    const p = model.probabilityAlive(row.frequency, row.recency, row.T);
    if (churned.has(row.customer)) {
      churnAlive += p;
      churnCount++;
    } else {
      otherAlive += p;
      otherCount++;
    }
  });
  const elapsed = performance.now() - started;
  const top = pareto.top[0];
  const churnMean = churnAlive / Math.max(1, churnCount);
  const otherMean = otherAlive / Math.max(1, otherCount);
  const lines = [
    `${table.customers.length} customers scored 1..5 on recency, frequency and monetary value (R type-7 quintiles) as of ${asOf}.`,
    "",
    "RFM segment (R rfm rules)   customers   share of revenue",
    ...segments.segments
      .filter((s) => s.customers > 0)
      .map(
        (s) =>
          `${s.segment.padEnd(26)} ${String(s.customers).padStart(10)} ${`${(100 * s.monetaryShare).toFixed(1)}%`.padStart(18)}`,
      ),
    "",
    `Concentration: the top 20% of customers (${top?.customers}) bring ${(100 * (top?.valueShare ?? 0)).toFixed(1)}% of revenue; ` +
      `${pareto.core.customers} customers (${(100 * pareto.core.customerShare).toFixed(1)}%) cover 80%. Gini ${concentration.toFixed(3)}.`,
    "",
    `BG/NBD (weekly): r ${model.params.r.toFixed(3)}, alpha ${model.params.alpha.toFixed(2)}, a ${model.params.a.toFixed(3)}, b ${model.params.b.toFixed(3)}` +
      ` (${model.convergence.converged ? "converged" : "not converged"}).`,
    `Mean P(alive): planted churners ${churnMean.toFixed(2)} vs other customers ${otherMean.toFixed(2)}.`,
    `(${elapsed.toFixed(0)} ms)`,
  ];

  // The report: the purchase model is also checked on a holdout (fit on all but the last 26 weeks).
  const calibrationEnd = daysBefore(asOf, 26 * 7);
  const split = calibrationHoldoutSummary(store.orderLines, {
    customer: "customerId",
    date: "date",
    calibrationEnd,
    asOf: asOf,
    timeUnit: "week",
  });
  const holdoutModel = fitBgNbd(split);
  const percent = (x: number) => `${Math.round(100 * x)}%`;
  return {
    title: "Customer value: RFM, concentration, lifetime value",
    text: lines.join("\n"),
    report: [
      { title: "Customer value: how concentrated is revenue?", result: pareto, chart: lorenzChart(pareto) },
      {
        title: "Customer value: RFM segments",
        result: segments,
        narrative: [
          ...reportNarrative(segments),
          `Customers are scored 1 to 5 on recency, frequency and spend as of ${asOf}; the heat map shows where they sit.`,
        ],
        chart: [segmentSharesChart(segments), rfmHeatmapChart(scores)],
      },
      {
        title: "Customer value: who is still active?",
        result: split,
        narrative: [
          `A purchase model (BG/NBD) estimates, from each customer's purchase history alone, how likely they are to still be buying: on average ${percent(churnMean)} for the customers who in fact left, ${percent(otherMean)} for the others.`,
          `Checked on the last 26 weeks (${calibrationEnd} to ${asOf}), which the model did not see: the expected repeat purchases should track the actual ones.`,
        ],
        chart: [
          trackingChart(split, holdoutModel, {
            transactions: store.orderLines,
            customer: "customerId",
            date: "date",
          }),
          repeatPurchasesChart(holdoutModel, split),
          probabilityAliveChart(model, summary),
        ],
        table: null,
      },
    ],
  };
};
