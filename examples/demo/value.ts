import type { Store } from "clientele";
import {
  fitBgNbd,
  gini,
  paretoAnalysis,
  repeatPurchaseSummary,
  rfmScores,
  rfmSegments,
  rfmTable,
} from "clientele/value";
import type { DemoSectionBuilder } from "./section.js";

/**
 * The value section of the demo: RFM segments of the store's customers, how
 * concentrated revenue is (Pareto and Gini), and the BG/NBD model's
 * probability-alive for the planted churners against everyone else.
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
  const segments = rfmSegments(rfmScores(table));
  const pareto = paretoAnalysis(table.monetary, { topShares: [0.2] });
  const concentration = gini(table.monetary);
  const summary = repeatPurchaseSummary(store.orderLines, {
    customer: "customerId",
    date: "date",
    observationEnd: asOf,
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
    `Mean P(alive): planted churners ${(churnAlive / Math.max(1, churnCount)).toFixed(2)} vs other customers ${(otherAlive / Math.max(1, otherCount)).toFixed(2)}.`,
    `(${elapsed.toFixed(0)} ms)`,
  ];
  return { title: "Customer value: RFM, concentration, lifetime value", text: lines.join("\n") };
};
