import { chooseKChart, reportNarrative, segmentProfileChart, segmentSharesChart } from "clientele/chart";
import { adjustedRandIndex, chooseK, kMeans, segmentProfiles } from "clientele/segment";
import { customerFeatures } from "clientele/value";
import type { DemoSectionBuilder } from "./section.js";

/** Label words for the behaviour features of {@link customerFeatures}. */
export const SEGMENT_LABEL_WORDS = {
  linesPerOrder: { high: "big baskets", low: "small baskets" },
  meanUnitPrice: { high: "premium items", low: "cheap items" },
} as const;

/** The segmentation section of the demo: choose k, fit, profile, compare with the planted segments. */
export const segmentSection: DemoSectionBuilder = (store) => {
  const started = performance.now();
  const customers = customerFeatures(store.orderLines, {
    customer: "customerId",
    order: "orderId",
    date: "date",
    amount: "amount",
    unitPrice: "unitPrice",
    asOf: store.planted.end,
  }).customers;
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
  const segmentOf = new Map(store.customers.map((customer) => [customer.customerId, customer.segment]));
  const planted = customers.map((customer) => segmentOf.get(customer.customer) ?? "none");
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
