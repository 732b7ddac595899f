/**
 * Customer segments: from the orders of the generated store to named segments.
 *
 * 1. RFM-type features per customer from the order lines (customerFeatures): recency,
 *    frequency and monetary as rfmTable computes them, plus purchase rate, basket size,
 *    price level and tenure.
 * 2. chooseK: k-means for k = 2..9, scored by inertia (elbow), silhouette,
 *    Calinski-Harabasz and Davies-Bouldin; a recommended k with the reason.
 * 3. kMeans with log1p + standardize features, profiles with plain-words labels and the
 *    features that set each segment apart ("difference analysis").
 * 4. How well the planted segments are recovered (adjusted Rand index), and new
 *    customers assigned to the fitted segments.
 *
 * Run: npx tsx examples/customer-segments.ts
 */
import { generateStore } from "clientele";
import { adjustedRandIndex, assignSegments, chooseK, kMeans, segmentProfiles } from "clientele/segment";
import { type CustomerFeaturesRow, customerFeatures } from "clientele/value";

const store = generateStore({ seed: 7, customers: 2000 });
const { customers } = customerFeatures(store.orderLines, {
  customer: "customerId",
  order: "orderId",
  date: "date",
  amount: "amount",
  unitPrice: "unitPrice",
  asOf: store.planted.end,
});
// The store's planted segments (ground truth), to check what k-means finds.
const plantedOf = new Map(store.customers.map((customer) => [customer.customerId, customer.segment]));
const planted = customers.map((customer) => plantedOf.get(customer.customer) ?? "none");
console.log(
  `${customers.length} customers, ${store.orders.length} orders from ${store.options.start} to ${store.planted.end}\n`,
);

// Behaviour features: how often, how much per basket, how dear, how long a customer.
const fields = ["ordersPerMonth", "linesPerOrder", "meanUnitPrice", "tenureDays"] as const;
type Behaviour = Pick<CustomerFeaturesRow, (typeof fields)[number]>;
const transforms = ["log1p", "standardize"] as const;

const choice = chooseK(customers, {
  fields: [...fields],
  transforms: [...transforms],
  kRange: [2, 9],
  seed: 1,
});
console.log(choice);
console.log();

// The store planted six segments; we fit six and compare with the recommendation.
const model = kMeans<Behaviour>(customers, {
  k: 6,
  fields: [...fields],
  transforms: [...transforms],
  seed: 1,
});
console.log(model);
console.log();

const profiles = segmentProfiles(model, customers, {
  valueField: "monetary",
  labelWords: {
    linesPerOrder: { high: "big baskets", low: "small baskets" },
    meanUnitPrice: { high: "premium items", low: "cheap items" },
  },
});
console.log(profiles);
console.log();

console.log(
  `Adjusted Rand index against the planted segments: k = 6 ${adjustedRandIndex(planted, model.assignments).toFixed(3)}`,
);
const recommended = choice.models[choice.recommendedK - 2];
if (recommended !== undefined) {
  console.log(
    `                                 recommended k = ${choice.recommendedK} ${adjustedRandIndex(planted, recommended.assignments).toFixed(3)}`,
  );
}
console.log(
  `Adjusted Rand index of plain RFM (recency, frequency, monetary; k = 6): ${adjustedRandIndex(
    planted,
    kMeans(customers, {
      k: 6,
      fields: ["recencyDays", "frequency", "monetary"],
      transforms: [...transforms],
      seed: 1,
    }).assignments,
  ).toFixed(3)}`,
);

// Which planted segment dominates each fitted segment?
console.log("\nPlanted segment mix of each fitted segment:");
for (const profile of profiles.profiles) {
  const mix = new Map<string, number>();
  planted.forEach((segment, i) => {
    if (model.assignments[i] === profile.segment) mix.set(segment, (mix.get(segment) ?? 0) + 1);
  });
  const top = [...mix.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2);
  console.log(
    `  ${profile.segment} "${profile.label}" (${profile.size}): ${top.map(([name, count]) => `${Math.round((100 * count) / profile.size)}% ${name}`).join(", ")}`,
  );
}

// New customers are scored with the fitted transform and the fitted centres.
const newcomers: Behaviour[] = [
  { ordersPerMonth: 2.2, linesPerOrder: 6, meanUnitPrice: 4.5, tenureDays: 400 },
  { ordersPerMonth: 0.2, linesPerOrder: 12, meanUnitPrice: 7, tenureDays: 700 },
  { ordersPerMonth: 1.5, linesPerOrder: 3, meanUnitPrice: 3, tenureDays: 30 },
];
const assigned = assignSegments(model, newcomers);
console.log("\nNew customers:");
newcomers.forEach((customer, i) => {
  const segment = assigned.assignments[i] as number;
  console.log(`  ${JSON.stringify(customer)} -> segment ${segment} "${profiles.profiles[segment]?.label}"`);
});
