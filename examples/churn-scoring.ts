/**
 * Churn scoring on the generated store: who is slipping away, and why?
 *
 * 1. Label history: at a cutoff (2025-06-30), describe each still-active customer by their behaviour up
 *    to that day, and label them by whether they churn (the store's planted churn date) in the next
 *    180 days.
 * 2. Train a regularised logistic churn model on a stratified 70% and check it on the held-out 30%:
 *    AUC, precision/recall, the gains table, and two label-free scores for comparison (inactivity
 *    overdue ratio, BG/NBD probability-alive).
 * 3. Retrain on all labelled history, recalibrate its probabilities on half of the held-out customers
 *    (Platt scaling; Brier score on the other half), save it as JSON and load it back, score the customers
 *    who bought in the last year as of the last trading day, and list the top risks with the reasons a
 *    retention team can act on.
 * 4. Put money on it with the retention-economics calculator.
 *
 * Run: npx tsx examples/churn-scoring.ts
 */
import {
  calibrateChurnModel,
  churnScoresFromBgNbd,
  evaluateChurnModel,
  evaluateScores,
  formatTable,
  generateStore,
  inactivityRisk,
  restoreChurnModel,
  retentionEconomics,
  STORE_CHURN_FEATURES,
  storeChurnTable,
  trainChurnModel,
  trainTestSplit,
} from "clientele";

const store = generateStore({ seed: 7, customers: 2000 });
const cutoff = "2025-06-30";
const windowDays = 180;
const fields = {
  numeric: [...STORE_CHURN_FEATURES.numeric],
  categorical: [...STORE_CHURN_FEATURES.categorical],
};

// 1. Labelled history: features from orders and complaints up to the cutoff only.
const history = storeChurnTable(store, { cutoff, windowDays }).customers;
const churners = history.filter((row) => row.churned === 1).length;
console.log(
  `Store: ${store.customers.length} customers, ${store.orders.length} orders, ${store.options.start} to ${store.planted.end}.`,
);
console.log(
  `History at ${cutoff}: ${history.length} active customers, ${churners} churn within ${windowDays} days (${((100 * churners) / history.length).toFixed(1)}%).\n`,
);

// 2. Train on 70%, evaluate on the held-out 30%.
const { train, test } = trainTestSplit(history, { testFraction: 0.3, stratify: "churned", seed: 11 });
const model = trainChurnModel(train, { label: "churned", fields, regularization: { l2: 1 } });
console.log(model); // coefficients with odds ratios and the convergence report
const evaluation = evaluateChurnModel(model, test, { threshold: 0.3 });
console.log();
console.log(evaluation); // AUC, precision/recall at 0.3, gains table by decile

// Label-free scores on the same held-out customers.
const ordersToCutoff = store.orders.filter((order) => order.date <= cutoff);
const inactivity = inactivityRisk(ordersToCutoff, { customer: "customerId", date: "date", asOf: cutoff });
const overdue = new Map(inactivity.customers.map((row) => [row.customer, row.overdueRatio]));
const bgNbd = churnScoresFromBgNbd(ordersToCutoff, {
  customer: "customerId",
  date: "date",
  amount: "total",
  asOf: cutoff,
});
const notAlive = new Map(bgNbd.customers.map((row) => [row.customer, row.churnScore]));
const labels = test.map((row) => row.churned);
const comparison = [
  { score: "logistic churn model", heldOutAuc: evaluation.auc },
  {
    score: "inactivity overdue ratio",
    heldOutAuc: evaluateScores(
      test.map((row) => overdue.get(row.customerId) ?? 0),
      labels,
    ).auc,
  },
  {
    score: "BG/NBD 1 - P(alive)",
    heldOutAuc: evaluateScores(
      test.map((row) => notAlive.get(row.customerId) ?? 0),
      labels,
    ).auc,
  },
];
console.log(
  `\nHeld-out AUC by score (${test.length} customers, ${labels.filter((y) => y === 1).length} churners):`,
);
console.log(formatTable(comparison));

// 3. Calibrate: the penalised, class-imbalanced fit need not give honest probabilities. Fit Platt scaling
// on half of the held-out customers and compare Brier scores on the other half.
const { train: calibrationRows, test: checkRows } = trainTestSplit(test, {
  testFraction: 0.5,
  stratify: "churned",
  seed: 3,
});
const calibrated = calibrateChurnModel(model, calibrationRows, { method: "platt" });
console.log(
  `\nBrier score on ${checkRows.length} customers: ${evaluateChurnModel(model, checkRows).brierScore?.toFixed(4)} as fitted, ${evaluateChurnModel(calibrated, checkRows).brierScore?.toFixed(4)} after Platt scaling on ${calibrationRows.length} others.`,
);

// Retrain on all history, save the model as JSON and load it back (scores are bit-identical), then score
// today's customers (bought in the last 365 days).
const saved = JSON.stringify(
  trainChurnModel(history, { label: "churned", fields, regularization: { l2: 1 } }),
);
const finalModel = restoreChurnModel<(typeof history)[number]>(JSON.parse(saved));
console.log(`Saved model: ${saved.length} characters of JSON.`);
const today = store.planted.end;
const current = storeChurnTable(store, { cutoff: today, windowDays, population: "recent buyers" }).customers;
const scores = finalModel.score(current);
const ranked = current
  .map((row, i) => ({ row, score: scores[i] as number }))
  .sort((a, b) => b.score - a.score);
const top = ranked.slice(0, 10);
console.log(`\nTop 10 churn risks among ${current.length} customers who bought in the year to ${today}:`);
for (const { row, score } of top) {
  const reasons = finalModel.explain(row, { top: 2 }).reasons;
  console.log(`  ${row.customerId}  p=${score.toFixed(2)}  ${reasons.join("; ")}`);
}
const plantedAmongTop = top.filter(({ row }) => row.churnDate !== null).length;
console.log(
  `${plantedAmongTop} of these 10 are planted churners (ground truth; ${current.filter((row) => row.churnDate !== null).length} of all ${current.length} are).`,
);

// 4. Retention economics: annual churn of active customers, margin 30% of annual spend.
const annualSpend =
  history.reduce(
    (sum, row) => sum + row.averageOrderValue * row.ordersTotal * (365 / Math.max(row.tenureDays, 30)),
    0,
  ) / history.length;
const economics = retentionEconomics({
  customers: current.length,
  churnRate: Math.min(0.9, (2 * churners) / history.length),
  margin: 0.3 * annualSpend,
  acquisitionCost: 60,
  retentionCost: 10,
});
console.log();
console.log(economics);
console.log(
  `Cutting annual churn by 5 points is worth ${economics.valueGainTotal.toFixed(0)} in discounted margin over the customer base.`,
);
