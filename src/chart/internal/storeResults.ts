/**
 * Results of every module on the generated store (`generateStore({ seed: 7 })`), computed once, for the
 * chart tests. Not exported from the package.
 */
import { associationRules, itemFrequencies, transactionsFrom } from "../../basket/index.js";
import { evaluateChurnModel, inactivityRisk, trainChurnModel, trainTestSplit } from "../../churn/index.js";
import { complaintSummary, serviceKpis } from "../../crm/index.js";
import {
  bootstrap,
  ECSI_MODEL,
  importancePerformance,
  importancePerformanceGrid,
  kano,
  netPromoterScore,
  plsPathModel,
} from "../../satisfaction/index.js";
import { chooseK, kMeans, segmentProfiles } from "../../segment/index.js";
import { generateStore } from "../../store/index.js";
import {
  calibrationHoldoutSummary,
  fitBgNbd,
  fitParetoNbd,
  lorenzCurve,
  paretoAnalysis,
  repeatPurchaseSummary,
  rfmScores,
  rfmSegments,
  rfmTable,
  valueTiers,
} from "../../value/index.js";

const DAY = 86_400_000;

function build() {
  const store = generateStore({ seed: 7 });
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
  const lorenz = lorenzCurve(table.monetary);
  const pareto = paretoAnalysis(
    table.customers.map((c) => ({ id: c.customer, value: c.monetary })),
    { value: "value", id: "id" },
  );
  const tiers = valueTiers(table.customers, { customer: "customer", contribution: "monetary" });
  const purchases = store.orderLines.filter((line) => !line.refund);
  const summary = repeatPurchaseSummary(purchases, {
    customer: "customerId",
    date: "date",
    asOf: asOf,
    timeUnit: "week",
  });
  const bgNbd = fitBgNbd(summary);
  const paretoNbd = fitParetoNbd(summary);
  const end = Date.parse(`${asOf}T00:00:00Z`);
  const calibrationEnd = new Date(end - 182 * DAY).toISOString().slice(0, 10);
  const split = calibrationHoldoutSummary(purchases, {
    customer: "customerId",
    date: "date",
    calibrationEnd,
    asOf: asOf,
    timeUnit: "week",
  });
  const splitModel = fitBgNbd(split);

  const features = table.customers.map((c) => ({
    customer: c.customer,
    recencyDays: c.recencyDays,
    frequency: c.frequency,
    monetary: c.monetary,
  }));
  const choice = chooseK(features, {
    fields: ["recencyDays", "frequency", "monetary"],
    transforms: ["log1p", "standardize"],
    kRange: [2, 6],
    restarts: 2,
    seed: 1,
  });
  const kmeans = kMeans(features, {
    k: 4,
    fields: ["recencyDays", "frequency", "monetary"],
    transforms: ["log1p", "standardize"],
    seed: 1,
  });
  const profiles = segmentProfiles(kmeans, features, { valueField: "monetary" });

  const cutoff = "2025-06-30";
  const cutoffDay = Date.parse(`${cutoff}T00:00:00Z`) / DAY;
  const activity = new Map<string, { last: number; orders: number; value: number }>();
  for (const order of store.orders) {
    const day = Date.parse(`${order.date.slice(0, 10)}T00:00:00Z`) / DAY;
    if (day > cutoffDay) continue;
    const entry = activity.get(order.customerId) ?? { last: day, orders: 0, value: 0 };
    entry.last = Math.max(entry.last, day);
    entry.orders++;
    entry.value += order.total;
    activity.set(order.customerId, entry);
  }
  const churnRows = store.customers.flatMap((c) => {
    const a = activity.get(c.customerId);
    if (a === undefined) return [];
    const churnDay = c.churnDate === null ? null : Date.parse(`${c.churnDate}T00:00:00Z`) / DAY;
    if (churnDay !== null && churnDay <= cutoffDay) return [];
    return [
      {
        customerId: c.customerId,
        daysSinceLastOrder: cutoffDay - a.last,
        orders: a.orders,
        averageOrderValue: a.value / a.orders,
        channel: c.channel,
        churned: churnDay !== null && churnDay <= cutoffDay + 180 ? 1 : 0,
      },
    ];
  });
  const { train, test } = trainTestSplit(churnRows, { testFraction: 0.3, stratify: "churned", seed: 7 });
  const churnModel = trainChurnModel(train, {
    label: "churned",
    fields: { numeric: ["daysSinceLastOrder", "orders", "averageOrderValue"], categorical: ["channel"] },
    regularization: { l2: 1 },
  });
  const evaluation = evaluateChurnModel(churnModel, test);
  const inactivity = inactivityRisk(
    store.orders.filter((order) => order.date <= cutoff),
    { customer: "customerId", date: "date", asOf: cutoff },
  );

  const baskets = transactionsFrom(purchases, { transaction: "orderId", item: "product" });
  const rules = associationRules(baskets, { minSupport: 0.002, minConfidence: 0.1 });
  const frequencies = itemFrequencies(baskets);

  const pls = plsPathModel(store.surveys, { ...ECSI_MODEL, scale: { min: 1, max: 10 } });
  const boot = bootstrap(pls, store.surveys, { samples: 60, seed: 1 });
  const ipma = importancePerformance(pls, "Loyalty");
  const grid = importancePerformanceGrid(ipma.entries);
  const nps = netPromoterScore(store.surveys, { field: "nps" });
  const answers = ["like", "must-be", "neutral", "live-with", "dislike"] as const;
  const kanoRows = Array.from({ length: 300 }, (_, i) => ({
    attribute: ["free delivery", "app", "gift wrap", "returns", "chat"][i % 5] as string,
    functional: answers[
      (i * 7 + Math.floor(i / 5)) % 5 === 4 ? 0 : (((i * 7 + Math.floor(i / 5)) % 3) as 0 | 1 | 2)
    ] as string,
    dysfunctional: answers[[4, 4, 2, 3, 2][i % 5] as number] as string,
  }));
  const kanoResult = kano(kanoRows);

  const complaints = complaintSummary(store.complaints, { period: "quarter" });
  const region = new Map(store.customers.map((c) => [c.customerId, c.region]));
  const kpis = serviceKpis(store.deliveries, {
    segment: (d) => region.get(d.customerId) ?? "unknown",
    inventoryCounts: { records: store.inventoryCounts },
    complaints: { records: store.complaints },
  });
  return {
    store,
    purchases,
    table,
    scores,
    segments,
    lorenz,
    pareto,
    tiers,
    summary,
    bgNbd,
    paretoNbd,
    split,
    splitModel,
    choice,
    kmeans,
    profiles,
    churnModel,
    evaluation,
    inactivity,
    rules,
    frequencies,
    pls,
    boot,
    ipma,
    grid,
    nps,
    kanoResult,
    complaints,
    kpis,
  };
}

let cached: ReturnType<typeof build> | undefined;

/** Every module's results on `generateStore({ seed: 7 })`, built on first use. */
export function storeResults(): ReturnType<typeof build> {
  cached ??= build();
  return cached;
}
