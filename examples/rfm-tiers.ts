/**
 * RFM segments, value tiers and concentration on the generated store.
 *
 * Story: the store wants to know who its best customers are, who is slipping,
 * how concentrated its revenue is (is it 80/20?) and how to tier customers the
 * way a bank does (premium, key, ordinary, restricted, potential).
 *
 * Run: npx tsx examples/rfm-tiers.ts
 */
import { generateStore } from "clientele";
import {
  gini,
  lorenzCurve,
  paretoAnalysis,
  rfmScores,
  rfmSegments,
  rfmTable,
  valueTiers,
} from "clientele/value";

const store = generateStore({ seed: 7, customers: 2000 });
const asOf = store.planted.end;
console.log(
  `Store: ${store.customers.length} customers, ${store.orderLines.length} order lines up to ${asOf}.\n`,
);

// 1. RFM table from order lines: refund lines are netted into their order; fully refunded orders do not count.
const table = rfmTable(store.orderLines, {
  customer: "customerId",
  date: "date",
  amount: "amount",
  order: "orderId",
  asOf,
});
console.log(
  `RFM table: ${table.customers.length} customers (${table.customersWithoutPurchases} fully refunded left out).`,
);

// 2. Scores 1..5 by R type-7 quintiles (ties share a score, recency reversed) and the rfm package's segments.
const scores = rfmScores(table);
const segments = rfmSegments(scores);
console.log("\nRFM segments (R rfm package rules):");
console.log("segment               customers  share  revenue share  mean recency (days)");
for (const s of segments.segments) {
  if (s.customers === 0) continue;
  console.log(
    `${s.segment.padEnd(20)} ${String(s.customers).padStart(10)} ${(100 * s.share).toFixed(1).padStart(5)}%` +
      `${(100 * s.monetaryShare).toFixed(1).padStart(14)}%  ${(s.meanRecencyDays ?? 0).toFixed(0).padStart(19)}`,
  );
}

// How the planted segments land in RFM segments (the generator's ground truth).
const plantedOf = new Map(store.customers.map((c) => [c.customerId, c.segment]));
const grid = rfmSegments(scores, { scheme: "grid" });
console.log("\nPlanted segment -> most common RFM grid segment:");
for (const planted of Object.keys(store.planted.segments)) {
  const counts = new Map<string, number>();
  let total = 0;
  for (const row of grid.customers) {
    if (plantedOf.get(row.customer) !== planted) continue;
    counts.set(row.segment, (counts.get(row.segment) ?? 0) + 1);
    total++;
  }
  const [top, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["-", 0];
  console.log(
    `  ${planted.padEnd(16)} -> ${top} (${((100 * count) / Math.max(1, total)).toFixed(0)}% of ${total})`,
  );
}

// 3. Concentration of net revenue per customer.
const pareto = paretoAnalysis(table.customers, { value: "monetary", id: "customer", topShares: [0.04, 0.2] });
const curve = lorenzCurve(table.monetary);
console.log("\nConcentration of net revenue:");
for (const top of pareto.top) {
  console.log(
    `  top ${(100 * top.customerShare).toFixed(0)}% of customers (${top.customers}) bring ${(100 * top.valueShare).toFixed(1)}% of revenue`,
  );
}
console.log(
  `  core: ${pareto.core.customers} customers (${(100 * pareto.core.customerShare).toFixed(1)}%) cover ${(100 * pareto.core.valueShare).toFixed(1)}% of revenue`,
);
console.log(
  `  Gini ${gini(table.monetary).toFixed(3)} (bias-corrected ${curve.giniBiasCorrected?.toFixed(3)})`,
);
console.log(
  `  ABC: ${pareto.abc.map((c) => `${c.abcClass} ${c.customers} customers / ${(100 * c.valueShare).toFixed(0)}% revenue`).join(", ")}`,
);

// 4. Value tiers. The store has no profit figures, so we assume a 30% gross margin and a
// serving cost of 1.00 per order and 3.00 per refund line: contribution = 0.3 x net spend - costs.
// Contribution and revenue are those of the last 12 months; history: contribution per quarter
// over those 4 quarters; engagement: orders in the last 90 days.
const quarterStart = (q: number) => {
  const end = new Date(`${asOf}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() - 3 * (4 - q));
  return end.toISOString().slice(0, 10);
};
const bounds = [0, 1, 2, 3, 4].map(quarterStart);
const recentFrom = new Date(Date.parse(`${asOf}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
interface Account {
  customer: string;
  revenue: number;
  contribution: number;
  history: number[];
  recentOrders: number;
}
const accounts = new Map<string, Account>();
const seenOrders = new Set<string>();
for (const line of store.orderLines) {
  let account = accounts.get(line.customerId);
  if (account === undefined) {
    account = {
      customer: line.customerId,
      revenue: 0,
      contribution: 0,
      history: [0, 0, 0, 0],
      recentOrders: 0,
    };
    accounts.set(line.customerId, account);
  }
  const newOrder = !seenOrders.has(line.orderId);
  if (newOrder) seenOrders.add(line.orderId);
  const cost = line.refund ? 3 : newOrder ? 1 : 0;
  const value = 0.3 * line.amount - cost;
  for (let q = 0; q < 4; q++) {
    if (line.date > (bounds[q] as string) && line.date <= (bounds[q + 1] as string)) {
      account.history[q] = (account.history[q] as number) + value;
      account.revenue += line.amount;
      account.contribution += value;
    }
  }
  if (newOrder && !line.refund && line.date > recentFrom) account.recentOrders++;
}
const tiers = valueTiers([...accounts.values()], {
  customer: "customer",
  contribution: "contribution",
  revenue: "revenue",
  contributionHistory: "history",
  engagement: "recentOrders",
  // quarterly contribution of small customers is noisy: call a customer declining only when the
  // fitted trend loses a quarter of their average contribution per quarter (default 10%)
  declineRate: 0.25,
});
console.log("\nValue tiers (last 12 months; contribution = 30% margin - serving costs):");
for (const tier of tiers.tiers) {
  console.log(
    `  ${tier.tier.padEnd(10)} ${String(tier.customers).padStart(5)} customers (${(100 * tier.share).toFixed(1).padStart(4)}%), ` +
      `${(100 * tier.contributionShare).toFixed(1).padStart(5)}% of positive contribution`,
  );
}
console.log("\nOne customer per tier, with the reason:");
for (const name of ["premium", "key", "potential", "ordinary", "restricted"] as const) {
  const row = tiers.customers.find((r) => r.tier === name);
  if (row !== undefined) console.log(`  ${row.customer} (${plantedOf.get(row.customer)}): ${row.reason}`);
}
