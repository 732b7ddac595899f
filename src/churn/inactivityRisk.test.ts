import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { inactivityRisk } from "./inactivityRisk.js";

const orders = Object.freeze(
  [
    { customer: "A", date: "2024-01-01" },
    { customer: "B", date: "2024-01-01" },
    { customer: "C", date: "2024-01-05" },
    { customer: "A", date: "2024-01-11" },
    { customer: "A", date: "2024-01-21" },
    { customer: "A", date: "2024-01-21T15:30:00Z" }, // same day: one purchase occasion
    { customer: "B", date: "2024-02-20" },
    { customer: "D", date: "2024-03-15" }, // after asOf: ignored
  ].map((row) => Object.freeze(row)),
);

describe("inactivityRisk", () => {
  // Hand computation: population gap = median(mean gaps A 10, B 50) = 30; priorWeight 2.
  // A: expected (2*10 + 2*30) / 4 = 20, 40 days since 2024-01-21 -> ratio 2 (at risk)
  // B: expected (1*50 + 2*30) / 3 = 36.67, 10 days since 2024-02-20 -> ratio 0.273 (active)
  // C: one purchase day -> expected 30, 56 days since 2024-01-05 -> ratio 1.867 (watch)
  const result = inactivityRisk(orders, { customer: "customer", date: "date", asOf: "2024-03-01" });

  it("measures days since the last purchase against a shrunken expected gap", () => {
    expect(result.populationGapDays).toBe(30);
    expect(result.customers.map((row) => row.customer)).toEqual(["A", "C", "B"]);
    const [a, c, b] = result.customers;
    expect(a).toMatchObject({
      purchaseDays: 3,
      daysSinceLastPurchase: 40,
      ownMeanGapDays: 10,
      expectedGapDays: 20,
      overdueRatio: 2,
    });
    expect(a?.band).toBe("at risk");
    expect(b?.expectedGapDays).toBeCloseTo(110 / 3, 12);
    expect(b?.overdueRatio).toBeCloseTo(10 / (110 / 3), 12);
    expect(b?.band).toBe("active");
    expect(c).toMatchObject({
      purchaseDays: 1,
      ownMeanGapDays: null,
      expectedGapDays: 30,
      daysSinceLastPurchase: 56,
    });
    expect(c?.band).toBe("watch");
    expect(c?.riskScore).toBeCloseTo(1 - Math.exp(-56 / 30), 12);
    expect(result.bandCounts).toEqual({ active: 1, watch: 1, "at risk": 1, lapsed: 0 });
    expect(result.ignoredRecords).toBe(1);
  });

  it("explains each band in words", () => {
    expect(result.customers[0]?.reason).toBe(
      "last purchase 40 days ago, 2.0x the expected gap of 20 days (own mean gap 10 days over 2 gaps, population 30) (at risk)",
    );
    expect(result.customers[1]?.reason).toMatch(/^one purchase day, 56 days ago; no own rhythm yet/);
  });

  it("trusts the customer's own rhythm fully with priorWeight 0, and accepts a given population gap", () => {
    const own = inactivityRisk(orders, {
      customer: "customer",
      date: "date",
      asOf: "2024-03-01",
      priorWeight: 0,
    });
    expect(own.customers[0]).toMatchObject({
      customer: "A",
      expectedGapDays: 10,
      overdueRatio: 4,
      band: "lapsed",
    });
    const given = inactivityRisk(orders, {
      customer: "customer",
      date: "date",
      asOf: "2024-03-01",
      populationGapDays: 14,
    });
    expect(given.populationGapDays).toBe(14);
    expect(given.customers.find((row) => row.customer === "C")?.expectedGapDays).toBe(14);
  });

  it("refuses missing dates, invalid asOf, all-future records and data without any rhythm", () => {
    expect(() =>
      inactivityRisk([...orders, { customer: "E", date: "" }], {
        customer: "customer",
        date: "date",
        asOf: "2024-03-01",
      }),
    ).toThrow(InvalidRecordError);
    expect(() => inactivityRisk(orders, { customer: "customer", date: "date", asOf: "2024-02-30" })).toThrow(
      InvalidOptionsError,
    );
    expect(() => inactivityRisk(orders, { customer: "customer", date: "date", asOf: "2023-01-01" })).toThrow(
      /all 8 records are after asOf/,
    );
    const single = [
      { customer: "A", date: "2024-01-01" },
      { customer: "B", date: "2024-01-02" },
    ];
    expect(() => inactivityRisk(single, { customer: "customer", date: "date", asOf: "2024-03-01" })).toThrow(
      InsufficientDataError,
    );
    expect(
      inactivityRisk(single, {
        customer: "customer",
        date: "date",
        asOf: "2024-03-01",
        populationGapDays: 30,
      }).customers,
    ).toHaveLength(2);
    expect(() => inactivityRisk([], { customer: "customer", date: "date", asOf: "2024-03-01" })).toThrow(
      InsufficientDataError,
    );
  });

  it("an element that is not a record is an InvalidRecordError naming its row", () => {
    for (const bad of [null, undefined, 3]) {
      const rows = [...orders.slice(0, 2), bad, ...orders.slice(2)] as typeof orders;
      let caught: unknown;
      try {
        inactivityRisk(rows, { customer: "customer", date: "date", asOf: "2024-03-01" });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidRecordError);
      expect((caught as InvalidRecordError).row).toBe(2);
    }
  });
});
