/**
 * Customer lifetime value in a non-contractual setting (BG/NBD, Pareto/NBD, Gamma-Gamma).
 *
 * Part 1 reproduces Fader, Hardie & Lee's CDNOW analysis when the shared dataset is present
 * (../shared/datasets/cdnow_sample.csv): 2357 customers, weekly units, 39-week calibration.
 * Part 2 runs the same pipeline on the generated store: calibrate on 18 months, predict the
 * last 6, and value every customer.
 *
 * Run: npx tsx examples/customer-lifetime-value.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateStore } from "clientele";
import {
  calibrationHoldoutSummary,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
} from "clientele/value";

const format = (x: number, digits = 4) => x.toFixed(digits);

// ---------------------------------------------------------------- Part 1: CDNOW
const cdnowPath = fileURLToPath(new URL("../../shared/datasets/cdnow_sample.csv", import.meta.url));
if (existsSync(cdnowPath)) {
  const [header, ...lines] = readFileSync(cdnowPath, "utf8").trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  const transactions = lines.map((line) =>
    Object.fromEntries(line.split(",").map((cell, j) => [columns[j], cell])),
  );
  const split = calibrationHoldoutSummary(transactions, {
    customer: "customer_id",
    date: "date",
    amount: "amount",
    calibrationEnd: "1997-09-30",
    asOf: "1998-06-30",
    timeUnit: "week",
  });
  const bgNbd = fitBgNbd(split);
  const paretoNbd = fitParetoNbd(split);
  const spend = fitGammaGamma(split);
  const { r, alpha, a, b } = bgNbd.params;
  console.log(
    `CDNOW: ${split.customers.length} customers, calibration to ${split.options.calibrationEnd}, holdout ${split.holdoutDuration} weeks.`,
  );
  console.log(
    `BG/NBD      r ${format(r)}  alpha ${format(alpha)}  a ${format(a)}  b ${format(b)}  LL ${bgNbd.logLikelihood.toFixed(1)}`,
  );
  console.log(
    "  published r 0.2426  alpha 4.4135  a 0.7929  b 2.4258  LL -9582.4 (Fader, Hardie & Lee 2005)",
  );
  const p = paretoNbd.params;
  console.log(
    `Pareto/NBD  r ${format(p.r)}  alpha ${format(p.alpha)}  s ${format(p.s)}  beta ${format(p.beta)}  LL ${paretoNbd.logLikelihood.toFixed(1)}`,
  );
  console.log("  published r 0.55  alpha 10.58  s 0.61  beta 11.67  LL -9595.0");
  console.log(
    `Gamma-Gamma p ${format(spend.params.p)}  q ${format(spend.params.q)}  v ${format(spend.params.v)} on ${spend.customerCount} repeat buyers`,
  );
  console.log("  published p 6.25  q 3.74  v 15.45 (lifetimes documentation)");

  let predictedBg = 0;
  let predictedPareto = 0;
  let actual = 0;
  for (let i = 0; i < split.customers.length; i++) {
    const x = split.frequency[i] as number;
    const tx = split.recency[i] as number;
    const T = split.T[i] as number;
    predictedBg += bgNbd.conditionalExpectedPurchases(split.holdoutDuration, x, tx, T);
    predictedPareto += paretoNbd.conditionalExpectedPurchases(split.holdoutDuration, x, tx, T);
    actual += split.holdoutFrequency[i] as number;
  }
  console.log(
    `Holdout repeat purchase days: actual ${actual}, BG/NBD ${predictedBg.toFixed(0)}, Pareto/NBD ${predictedPareto.toFixed(0)}.`,
  );
  console.log(
    `Customer 1 (x=2, t_x=30.43, T=38.86): P(alive) ${format(bgNbd.probabilityAlive(2, 30.43, 38.86), 3)}, ` +
      `E[purchases in 39 weeks] ${format(bgNbd.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 3)} (Hardie: 1.226).`,
  );

  const clv = customerLifetimeValue(split, {
    transactionModel: bgNbd,
    spendModel: spend,
    periods: 12,
    periodLength: 52 / 12,
    discountRate: 0.01,
  });
  const best = [...clv.customers].sort((x, y) => y.lifetimeValue - x.lifetimeValue).slice(0, 5);
  console.log("Top 5 customers by 12-month CLV (1% monthly discount):");
  for (const row of best) {
    console.log(
      `  customer ${row.customer.padStart(4)}: CLV ${row.lifetimeValue.toFixed(2).padStart(8)}, ` +
        `${row.expectedPurchases.toFixed(2)} purchases x ${row.expectedAverageValue.toFixed(2)}, P(alive) ${row.probabilityAlive.toFixed(2)}`,
    );
  }
  console.log("");
} else {
  console.log("(CDNOW data not found at ../shared/datasets; skipping part 1)\n");
}

// ---------------------------------------------------------------- Part 2: the generated store
const store = generateStore({ seed: 7, customers: 2000 });
const split = calibrationHoldoutSummary(store.orderLines, {
  customer: "customerId",
  date: "date",
  amount: "amount",
  calibrationEnd: "2025-06-30",
  asOf: store.planted.end,
  timeUnit: "week",
});
const model = fitBgNbd(split);
const spend = fitGammaGamma(split);
console.log(
  `Store: ${split.customers.length} customers calibrated to 2025-06-30, ${split.holdoutDuration.toFixed(1)}-week holdout.`,
);
console.log(
  `BG/NBD ${JSON.stringify(Object.fromEntries(Object.entries(model.params).map(([k, v]) => [k, Number(v.toFixed(3))])))}, ` +
    `${model.convergence.converged ? "converged" : "NOT converged"} in ${model.convergence.iterations} iterations.`,
);

const churnedBy = new Map(store.customers.map((c) => [c.customerId, c.churnDate]));
const segmentOf = new Map(store.customers.map((c) => [c.customerId, c.segment]));
const groups = new Map<string, { n: number; alive: number; predicted: number; actual: number }>();
for (let i = 0; i < split.customers.length; i++) {
  const row = split.customers[i];
  if (row === undefined) continue;
  const churn = churnedBy.get(row.customer);
  const churnedBefore = churn !== null && churn !== undefined && churn <= "2025-06-30";
  const key = `${segmentOf.get(row.customer) ?? "?"}${churnedBefore ? " (churned)" : ""}`;
  const group = groups.get(key) ?? { n: 0, alive: 0, predicted: 0, actual: 0 };
  group.n++;
  group.alive += model.probabilityAlive(row.frequency, row.recency, row.T);
  group.predicted += model.conditionalExpectedPurchases(
    split.holdoutDuration,
    row.frequency,
    row.recency,
    row.T,
  );
  group.actual += row.holdoutFrequency;
  groups.set(key, group);
}
console.log("Planted segment              customers  mean P(alive)  holdout purchases: predicted  actual");
for (const [key, g] of [...groups.entries()].sort()) {
  console.log(
    `  ${key.padEnd(28)} ${String(g.n).padStart(6)} ${(g.alive / g.n).toFixed(2).padStart(14)} ${g.predicted.toFixed(0).padStart(29)} ${String(g.actual).padStart(7)}`,
  );
}
const clv = customerLifetimeValue(split, {
  transactionModel: model,
  spendModel: spend,
  periods: 12,
  periodLength: 52 / 12,
  discountRate: 0.01,
});
console.log(
  `Total 12-month CLV of the base: ${clv.totalLifetimeValue.toFixed(0)} (mean ${(clv.totalLifetimeValue / clv.customers.length).toFixed(2)} per customer).`,
);
