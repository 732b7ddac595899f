/**
 * The CRM functions on the generated store recover the rates it planted
 * (generateStore TSDoc: 92% on time, 2% failed, 0.5% lost, 1.5% damaged, 96% in stock,
 * 95% exact stock counts, first response median 4 h, about 70% first-contact resolution,
 * 8% reopened). Tolerances are about 3-4 standard errors at this store size.
 */
import { describe, expect, it } from "vitest";
import { generateStore } from "../store/generateStore.js";
import { complaintSummary } from "./complaintSummary.js";
import { serviceKpis } from "./serviceKpis.js";

describe("crm on the generated store", () => {
  const store = generateStore({ seed: 11, customers: 800 });

  it("serviceKpis recovers the planted delivery and stock rates", () => {
    const kpis = serviceKpis(store.deliveries, { inventoryCounts: { records: store.inventoryCounts } });
    const n = store.deliveries.length;
    expect(kpis.overall.orders).toBe(n);
    // independent count of the same definitions with plain filters
    const delivered = store.deliveries.filter((d) => d.status === "delivered");
    const onTime = delivered.filter((d) => (d.deliveredDate as string) <= d.promisedDate).length;
    expect(kpis.overall.onTimeDelivery.numerator).toBe(onTime);
    expect(kpis.overall.deliverySuccess.numerator).toBe(delivered.length);
    expect(kpis.overall.onTimeDelivery.value).toBeCloseTo(0.92, 1);
    expect(Math.abs((kpis.overall.deliverySuccess.value as number) - 0.975)).toBeLessThan(0.015);
    expect(Math.abs((kpis.overall.damageLoss.value as number) - 0.02)).toBeLessThan(0.012);
    expect(Math.abs((kpis.overall.stockout.value as number) - 0.04)).toBeLessThan(0.015);
    expect(Math.abs((kpis.overall.inventoryAccuracy.value as number) - 0.95)).toBeLessThan(0.03);
  });

  it("complaintSummary recovers the planted complaint-handling figures", () => {
    const summary = complaintSummary(store.complaints);
    expect(summary.complaints).toBe(store.complaints.length);
    expect(summary.byCategory.reduce((s, r) => s + r.complaints, 0)).toBe(store.complaints.length);
    expect(summary.otherCategories).toEqual([]);
    expect(Math.abs((summary.firstResponse.median as number) - 4)).toBeLessThan(1.2);
    expect(Math.abs((summary.firstContactResolution.value as number) - 0.7)).toBeLessThan(0.12);
    expect(Math.abs((summary.reopen.value as number) - 0.08)).toBeLessThan(0.06);
    const low = summary.bySeverity.find((r) => r.severity === "low");
    expect(Math.abs((low?.share as number) - 0.45)).toBeLessThan(0.12);
  });
});
