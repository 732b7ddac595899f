import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { generateStore } from "./generateStore.js";
import { STORE_CHURN_FEATURES, storeChurnTable } from "./storeChurnTable.js";
import type { Store } from "./types.js";

/** A hand-made store: only the fields storeChurnTable reads. */
const tiny = {
  customers: [
    { customerId: "C1", channel: "online", region: "north", ageBand: "25-34", churnDate: "2025-09-01" },
    { customerId: "C2", channel: "store", region: "south", ageBand: "35-44", churnDate: null },
    { customerId: "C3", channel: "both", region: "east", ageBand: "65+", churnDate: "2024-12-01" },
    { customerId: "C4", channel: "store", region: "west", ageBand: "18-24", churnDate: null },
  ],
  orders: [
    { customerId: "C1", date: "2025-06-01", total: 10 },
    { customerId: "C1", date: "2025-01-15", total: 20 },
    { customerId: "C1", date: "2024-06-30", total: 30 },
    { customerId: "C2", date: "2025-07-05", total: 99 },
    { customerId: "C3", date: "2024-01-10", total: 5 },
    { customerId: "C4", date: "2025-06-30", total: 7 },
  ],
  complaints: [
    { customerId: "C1", openedAt: "2025-05-01T10:00:00Z" },
    { customerId: "C1", openedAt: "2025-01-01T10:00:00Z" },
  ],
} as unknown as Store;

describe("storeChurnTable", () => {
  it("computes each feature from the history up to the cutoff (hand-worked)", () => {
    const table = storeChurnTable(tiny, { cutoff: "2025-06-30" });
    expect(table.customers.map((row) => row.customerId)).toEqual(["C1", "C4"]);
    expect(table.customers[0]).toEqual({
      customerId: "C1",
      daysSinceLastOrder: 29,
      ordersLast90Days: 1,
      ordersPrevious90Days: 1,
      ordersTotal: 3,
      tenureDays: 365,
      averageOrderValue: 20,
      complaintsLast120Days: 1,
      channel: "online",
      region: "north",
      ageBand: "25-34",
      churned: 1,
      churnDate: "2025-09-01",
    });
    expect(table.customers[1]).toMatchObject({
      daysSinceLastOrder: 0,
      ordersLast90Days: 1,
      tenureDays: 0,
      churned: 0,
    });
  });

  it("labels by the window and chooses the population", () => {
    expect(storeChurnTable(tiny, { cutoff: "2025-06-30", windowDays: 30 }).customers[0]?.churned).toBe(0);
    // C3 churned before the cutoff: out of "active"; its last order is 537 days old: out of "recent buyers" too.
    const recent = storeChurnTable(tiny, { cutoff: "2024-11-30", population: "recent buyers" });
    expect(recent.customers.map((row) => row.customerId)).toEqual(["C1", "C3"]);
    expect(recent.customers[1]?.churned).toBe(1);
  });

  it("gives a table trainChurnModel can take on a generated store, with churners in it", () => {
    const table = storeChurnTable(generateStore({ seed: 7, customers: 500 }), { cutoff: "2025-06-30" });
    expect(table.customers.length).toBeGreaterThan(300);
    const churners = table.customers.filter((row) => row.churned === 1).length;
    expect(churners).toBeGreaterThan(0);
    expect(churners).toBeLessThan(table.customers.length);
    for (const name of [...STORE_CHURN_FEATURES.numeric, ...STORE_CHURN_FEATURES.categorical]) {
      expect(table.customers[0]).toHaveProperty(name);
    }
  });

  it("refuses a malformed cutoff or window", () => {
    expect(() => storeChurnTable(tiny, { cutoff: "30/06/2025" })).toThrow(InvalidOptionsError);
    expect(() => storeChurnTable(tiny, { cutoff: "2025-06-30", windowDays: 0.5 })).toThrow(/windowDays/);
    expect(() => storeChurnTable(tiny, {} as never)).toThrow(/cutoff: required/);
  });
});
