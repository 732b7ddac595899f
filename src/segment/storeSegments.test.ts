import { describe, expect, it } from "vitest";
import { generateStore } from "../store/index.js";
import { customerFeatures } from "../value/customerFeatures.js";
import { adjustedRandIndex } from "./adjustedRandIndex.js";
import { kMeans } from "./kMeans.js";
import { segmentProfiles } from "./segmentProfiles.js";

describe("segmentation of the generated store", () => {
  const store = generateStore({ seed: 7, customers: 2000 });
  const customers = customerFeatures(store.orderLines, {
    customer: "customerId",
    order: "orderId",
    date: "date",
    amount: "amount",
    unitPrice: "unitPrice",
    asOf: store.planted.end,
  }).customers;
  const segmentOf = new Map(store.customers.map((customer) => [customer.customerId, customer.segment]));
  const planted = customers.map((customer) => segmentOf.get(customer.customer) as string);
  const fields = ["ordersPerMonth", "linesPerOrder", "meanUnitPrice", "tenureDays"] as const;
  const model = kMeans(customers, {
    k: 6,
    fields: [...fields],
    transforms: ["log1p", "standardize"],
    seed: 1,
  });

  it("kMeans recovers the planted segments well above chance (adjusted Rand index)", () => {
    // Measured 0.52 on this store (1,996 buyers); plain RFM features give about 0.27. Chance is 0.
    const ari = adjustedRandIndex(planted, model.assignments);
    expect(ari).toBeGreaterThan(0.45);
  });

  it("kMeans isolates the planted new customers and big spenders", () => {
    for (const name of ["new", "big spenders"]) {
      const members = planted.flatMap((segment, i) => (segment === name ? [i] : []));
      const counts = new Map<number, number>();
      for (const i of members)
        counts.set(model.assignments[i] as number, (counts.get(model.assignments[i] as number) ?? 0) + 1);
      const [segment, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [number, number];
      expect(count / members.length).toBeGreaterThan(0.85);
      expect(count / (model.sizes[segment] as number)).toBeGreaterThan(0.85);
    }
  });

  it("segmentProfiles names the new-customer segment by its short tenure", () => {
    const profiles = segmentProfiles(model, customers, { valueField: "monetary" });
    const newest = profiles.profiles.reduce((a, b) =>
      (a.standardizedDifferences.tenureDays as number) < (b.standardizedDifferences.tenureDays as number)
        ? a
        : b,
    );
    expect(newest.label.split(", ")).toContain("new");
    expect(profiles.profiles.reduce((sum, profile) => sum + (profile.shareOfValue as number), 0)).toBeCloseTo(
      1,
      10,
    );
  });
});
