import type { Store } from "clientele";
import { chooseKChart, reportNarrative, segmentProfileChart, segmentSharesChart } from "clientele/chart";
import { adjustedRandIndex, chooseK, kMeans, segmentProfiles } from "clientele/segment";
import { rfmTable } from "clientele/value";
import type { DemoSectionBuilder } from "./section.js";

/** RFM-type features of one customer of the generated store, computed from its orders and order lines. */
export interface CustomerFeatures {
  readonly customerId: string;
  /** Planted segment (ground truth, for checking only). */
  readonly plantedSegment: string;
  /** Whole days from the last purchase to the end of trading (`rfmTable`); the tenure for a customer without one. */
  readonly recencyDays: number;
  /** Purchase orders in the period (`rfmTable`: fully refunded orders do not count). */
  readonly frequency: number;
  /** Net spend (purchases minus refunds) in currency units (`rfmTable`); 0 without a purchase. */
  readonly monetary: number;
  /** Orders per month of the customer's time as a customer within the period. */
  readonly ordersPerMonth: number;
  /** Mean purchase lines per order. */
  readonly linesPerOrder: number;
  /** Mean unit price of purchased lines. */
  readonly meanUnitPrice: number;
  /** Days from sign-up to the end of trading. */
  readonly tenureDays: number;
}

const DAY = 86_400_000;

/**
 * Per-customer features from the store: recency, frequency and monetary from the value
 * module's `rfmTable` (as of the end of trading), plus purchase rate, basket size, price
 * level and tenure from the orders and lines. Customers without a purchase get
 * recency = their tenure and zero frequency and spend.
 */
export function customerFeatures(store: Store): CustomerFeatures[] {
  const end = Date.parse(`${store.planted.end}T00:00:00Z`);
  const start = Date.parse(`${store.options.start}T00:00:00Z`);
  const rfm = rfmTable(store.orderLines, {
    customer: "customerId",
    date: "date",
    amount: "amount",
    order: "orderId",
    asOf: store.planted.end,
  });
  const rfmByCustomer = new Map(rfm.customers.map((row) => [row.customer, row]));
  const index = new Map(store.customers.map((customer, i) => [customer.customerId, i]));
  const n = store.customers.length;
  const orders = new Float64Array(n);
  const lines = new Float64Array(n);
  const priceSum = new Float64Array(n);
  for (const order of store.orders) {
    const i = index.get(order.customerId) as number;
    orders[i] = (orders[i] as number) + 1;
    lines[i] = (lines[i] as number) + order.lineCount;
  }
  for (const line of store.orderLines) {
    if (line.refund) continue;
    const i = index.get(line.customerId) as number;
    priceSum[i] = (priceSum[i] as number) + line.unitPrice;
  }
  return store.customers.map((customer, i) => {
    const signup = Date.parse(`${customer.signupDate}T00:00:00Z`);
    const tenureDays = (end - signup) / DAY;
    const activeMonths = Math.max((end - Math.max(signup, start)) / DAY / (365.2425 / 12), 0.5);
    const count = orders[i] as number;
    const row = rfmByCustomer.get(customer.customerId);
    return {
      customerId: customer.customerId,
      plantedSegment: customer.segment,
      recencyDays: row?.recencyDays ?? tenureDays,
      frequency: row?.frequency ?? 0,
      monetary: row?.monetary ?? 0,
      ordersPerMonth: count / activeMonths,
      linesPerOrder: count > 0 ? (lines[i] as number) / count : 0,
      meanUnitPrice: (lines[i] as number) > 0 ? (priceSum[i] as number) / (lines[i] as number) : 0,
      tenureDays,
    };
  });
}

/** Label words for the behaviour features of {@link customerFeatures}. */
export const SEGMENT_LABEL_WORDS = {
  linesPerOrder: { high: "big baskets", low: "small baskets" },
  meanUnitPrice: { high: "premium items", low: "cheap items" },
} as const;

/** The segmentation section of the demo: choose k, fit, profile, compare with the planted segments. */
export const segmentSection: DemoSectionBuilder = (store) => {
  const started = performance.now();
  const customers = customerFeatures(store);
  const fields = ["ordersPerMonth", "linesPerOrder", "meanUnitPrice", "tenureDays"] as const;
  const transforms = ["log1p", "standardize"] as const;
  const choice = chooseK(customers, {
    fields: [...fields],
    transforms: [...transforms],
    kRange: [3, 8],
    restarts: 4,
    seed: 1,
  });
  const model = kMeans(customers, { k: 6, fields: [...fields], transforms: [...transforms], seed: 1 });
  const profiles = segmentProfiles(model, customers, {
    valueField: "monetary",
    labelWords: SEGMENT_LABEL_WORDS,
  });
  const planted = customers.map((customer) => customer.plantedSegment);
  const ari = adjustedRandIndex(planted, model.assignments);
  const percent = (value: number | null) => (value === null ? "-" : `${(100 * value).toFixed(1)}%`);
  const lines = [
    `Features per customer: ${fields.join(", ")} (log1p, then standardized).`,
    `chooseK over k = 3..8 recommends k = ${choice.recommendedK}: ${choice.reason}.`,
    `k-means with k = 6 (the number of planted segments): inertia ${model.inertia.toFixed(1)}, ${model.iterations} iterations.`,
    "",
    "segment  customers  value   label (what sets it apart)",
    ...profiles.profiles.map(
      (profile) =>
        `${String(profile.segment).padStart(7)}  ${percent(profile.shareOfCustomers).padStart(9)}  ${percent(profile.shareOfValue).padStart(5)}   ${profile.label} (${profile.keyFeatures
          .map(
            (entry) =>
              `${entry.feature} ${entry.standardizedDifference >= 0 ? "+" : ""}${entry.standardizedDifference.toFixed(1)} sd`,
          )
          .join(", ")})`,
    ),
    "",
    `Planted segments recovered: adjusted Rand index ${ari.toFixed(3)} (1 = identical, 0 = chance). ${(performance.now() - started).toFixed(0)} ms.`,
  ];
  return {
    title: "Customer segments (k-means)",
    text: lines.join("\n"),
    report: [
      {
        title: "Customer segments: how many?",
        result: choice,
        narrative: [
          `Customers are grouped by purchase rate, basket size, price level and tenure. ${reportNarrative(choice).join(" ")}`,
          "The store was generated with 6 segments, so the report shows 6.",
        ],
        chart: chooseKChart(choice),
        table: null,
      },
      {
        title: "Customer segments: who they are",
        result: profiles,
        narrative: [
          ...reportNarrative(profiles),
          `They match the store's planted segments ${ari >= 0.8 ? "closely" : ari >= 0.5 ? "fairly well" : "loosely"} (agreement ${ari.toFixed(2)} on a scale where 1 is identical and 0 is chance).`,
        ],
        chart: [segmentProfileChart(profiles), segmentSharesChart(profiles)],
      },
    ],
  };
};
