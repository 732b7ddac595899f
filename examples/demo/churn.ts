import {
  evaluateChurnModel,
  evaluateScores,
  formatTable,
  inactivityRisk,
  type Store,
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

const DAY = 86_400_000;
const dayOf = (iso: string): number =>
  Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / DAY);

/** One customer's behaviour up to a cutoff day, and whether they churn in the window after it. */
export interface StoreChurnRow {
  readonly customerId: string;
  readonly daysSinceLastOrder: number;
  readonly ordersLast90Days: number;
  /** Orders 91-180 days before the cutoff: with the previous field it shows a slowdown. */
  readonly ordersPrevious90Days: number;
  readonly ordersTotal: number;
  /** Days from the first order to the cutoff. */
  readonly tenureDays: number;
  readonly averageOrderValue: number;
  readonly complaintsLast120Days: number;
  readonly channel: string;
  readonly region: string;
  readonly ageBand: string;
  /** 1 when the planted churn date falls in (cutoff, cutoff + windowDays]. */
  readonly churned: 0 | 1;
  /** The planted churn date (ground truth), or null. */
  readonly churnDate: string | null;
}

/** Which customers enter the table. */
export type StoreChurnPopulation = "active" | "recent buyers";

/**
 * Builds the churn table of a generated store at a cutoff: features from orders and complaints on or
 * before the cutoff only, label from the planted churn dates. Population `"active"`: customers with an
 * order before the cutoff whose planted churn date (if any) is after it — the clean prediction task.
 * Population `"recent buyers"`: everyone with an order in the 365 days before the cutoff (what a
 * retailer can see; some of them have already, silently, churned).
 */
export function storeChurnTable(
  store: Store,
  cutoff: string,
  windowDays: number,
  population: StoreChurnPopulation = "active",
): StoreChurnRow[] {
  const cutoffDay = dayOf(cutoff);
  interface Activity {
    first: number;
    last: number;
    orders: number;
    last90: number;
    previous90: number;
    value: number;
    complaints: number;
  }
  const activity = new Map<string, Activity>();
  for (const order of store.orders) {
    const day = dayOf(order.date);
    if (day > cutoffDay) continue;
    let entry = activity.get(order.customerId);
    if (entry === undefined) {
      entry = { first: day, last: day, orders: 0, last90: 0, previous90: 0, value: 0, complaints: 0 };
      activity.set(order.customerId, entry);
    }
    entry.first = Math.min(entry.first, day);
    entry.last = Math.max(entry.last, day);
    entry.orders++;
    entry.value += order.total;
    const age = cutoffDay - day;
    if (age < 90) entry.last90++;
    else if (age < 180) entry.previous90++;
  }
  for (const complaint of store.complaints) {
    const day = dayOf(complaint.openedAt);
    const entry = activity.get(complaint.customerId);
    if (entry !== undefined && day <= cutoffDay && cutoffDay - day < 120) entry.complaints++;
  }
  const rows: StoreChurnRow[] = [];
  for (const customer of store.customers) {
    const entry = activity.get(customer.customerId);
    if (entry === undefined) continue;
    const churnDay = customer.churnDate === null ? null : dayOf(customer.churnDate);
    if (population === "active" && churnDay !== null && churnDay <= cutoffDay) continue;
    if (population === "recent buyers" && cutoffDay - entry.last >= 365) continue;
    rows.push({
      customerId: customer.customerId,
      daysSinceLastOrder: cutoffDay - entry.last,
      ordersLast90Days: entry.last90,
      ordersPrevious90Days: entry.previous90,
      ordersTotal: entry.orders,
      tenureDays: cutoffDay - entry.first,
      averageOrderValue: entry.value / entry.orders,
      complaintsLast120Days: entry.complaints,
      channel: customer.channel,
      region: customer.region,
      ageBand: customer.ageBand,
      churned: churnDay !== null && churnDay > cutoffDay && churnDay <= cutoffDay + windowDays ? 1 : 0,
      churnDate: customer.churnDate,
    });
  }
  return rows;
}

/** The model's features on the store table. */
export const STORE_CHURN_FEATURES = {
  numeric: [
    "daysSinceLastOrder",
    "ordersLast90Days",
    "ordersPrevious90Days",
    "ordersTotal",
    "tenureDays",
    "averageOrderValue",
    "complaintsLast120Days",
  ],
  categorical: ["channel", "region", "ageBand"],
} as const satisfies {
  numeric: readonly (keyof StoreChurnRow)[];
  categorical: readonly (keyof StoreChurnRow)[];
};

/** The churn section of the demo: supervised model on the planted churners, gains table, top risks. */
export const churnSection: DemoSectionBuilder = (store) => {
  const cutoff = "2025-06-30";
  const table = storeChurnTable(store, cutoff, 180);
  const { train, test } = trainTestSplit(table, { testFraction: 0.3, stratify: "churned", seed: 7 });
  const model = trainChurnModel(train, {
    label: "churned",
    features: {
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
