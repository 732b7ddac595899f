import type { Store } from "clientele";
import { adjustedRandIndex, chooseK, kMeans, segmentProfiles } from "clientele/segment";
import type { DemoSectionBuilder } from "./section.js";

/** RFM-type features of one customer of the generated store, computed from its orders and order lines. */
export interface CustomerFeatures {
  readonly customerId: string;
  /** Planted segment (ground truth, for checking only). */
  readonly plantedSegment: string;
  /** Days from the last order to the end of trading. */
  readonly recencyDays: number;
  /** Orders in the period. */
  readonly frequency: number;
  /** Net spend (purchases minus refunds) in currency units. */
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
 * Per-customer features from the store's orders and lines: recency, frequency, monetary
 * (the RFM triple), plus purchase rate, basket size, price level and tenure.
 * Customers without an order get recency = their tenure and zero counts.
 */
export function customerFeatures(store: Store): CustomerFeatures[] {
  const end = Date.parse(`${store.planted.end}T00:00:00Z`);
  const start = Date.parse(`${store.options.start}T00:00:00Z`);
  const index = new Map(store.customers.map((customer, i) => [customer.customerId, i]));
  const n = store.customers.length;
  const last = new Float64Array(n).fill(Number.NaN);
  const orders = new Float64Array(n);
  const lines = new Float64Array(n);
  const spend = new Float64Array(n);
  const priceSum = new Float64Array(n);
  for (const order of store.orders) {
    const i = index.get(order.customerId) as number;
    const time = Date.parse(`${order.date}T00:00:00Z`);
    if (!(time <= (last[i] as number))) last[i] = time;
    orders[i] = (orders[i] as number) + 1;
    lines[i] = (lines[i] as number) + order.lineCount;
  }
  for (const line of store.orderLines) {
    const i = index.get(line.customerId) as number;
    spend[i] = (spend[i] as number) + line.amount;
    if (!line.refund) priceSum[i] = (priceSum[i] as number) + line.unitPrice;
  }
  return store.customers.map((customer, i) => {
    const signup = Date.parse(`${customer.signupDate}T00:00:00Z`);
    const tenureDays = (end - signup) / DAY;
    const activeMonths = Math.max((end - Math.max(signup, start)) / DAY / (365.2425 / 12), 0.5);
    const count = orders[i] as number;
    return {
      customerId: customer.customerId,
      plantedSegment: customer.segment,
      recencyDays: Number.isNaN(last[i] as number) ? tenureDays : (end - (last[i] as number)) / DAY,
      frequency: count,
      monetary: Math.round((spend[i] as number) * 100) / 100,
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
  return { title: "Customer segments (k-means)", text: lines.join("\n") };
};
