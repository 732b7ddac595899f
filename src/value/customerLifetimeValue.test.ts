import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { customerLifetimeValue } from "./customerLifetimeValue.js";

// A transaction model with a known closed form: every customer buys 2 per time unit, forever.
const steady = {
  probabilityAlive: () => 1,
  conditionalExpectedPurchases: (t: number) => 2 * t,
};
const rows = Object.freeze([
  Object.freeze({ frequency: 3, recency: 5, T: 6, monetaryValue: 10 }),
  Object.freeze({ frequency: 0, recency: 0, T: 6, monetaryValue: 0 }),
]);

describe("customerLifetimeValue", () => {
  it("discounts each period's expected purchases at the period end", () => {
    const result = customerLifetimeValue(rows, {
      transactionModel: steady,
      periods: 3,
      periodLength: 1,
      discountRate: 0.1,
    });
    // 2 purchases x 10 per period: 20/1.1 + 20/1.21 + 20/1.331
    const expected = 20 / 1.1 + 20 / 1.21 + 20 / 1.331;
    expect(result.customers[0]?.lifetimeValue).toBeCloseTo(expected, 10);
    expect(result.customers[0]?.expectedPurchases).toBe(6);
    expect(result.customers[1]?.lifetimeValue).toBe(0);
    expect(result.totalLifetimeValue).toBeCloseTo(expected, 10);
  });

  it("uses the spend model's expected value and the margin", () => {
    const spend = { conditionalExpectedAverageProfit: (x: number, m: number) => (x === 0 ? 25 : m + 1) };
    const result = customerLifetimeValue(rows, {
      transactionModel: steady,
      spendModel: spend,
      periods: 2,
      periodLength: 0.5,
      discountRate: 0,
      margin: 0.3,
    });
    expect(result.customers[0]?.lifetimeValue).toBeCloseTo(2 * 11 * 0.3, 12);
    expect(result.customers[1]?.lifetimeValue).toBeCloseTo(2 * 25 * 0.3, 12);
    expect(result.customers[1]?.expectedAverageValue).toBe(25);
  });

  it("equals the undiscounted expectation times value when the discount rate is 0", () => {
    const result = customerLifetimeValue(rows, {
      transactionModel: steady,
      periods: 12,
      periodLength: 4.345,
      discountRate: 0,
    });
    expect(result.customers[0]?.lifetimeValue).toBeCloseTo(2 * 12 * 4.345 * 10, 9);
  });

  it("requires a transaction model and a positive period length", () => {
    // @ts-expect-error missing model
    expect(() => customerLifetimeValue(rows, { periodLength: 1 })).toThrow(InvalidOptionsError);
    expect(() => customerLifetimeValue(rows, { transactionModel: steady, periodLength: 0 })).toThrow(
      /periodLength/,
    );
  });
});

describe("customerLifetimeValue refuses impossible model outputs (issue 12)", () => {
  it("refuses a spend model that returns a negative value per purchase, naming the row", () => {
    const spend = { conditionalExpectedAverageProfit: (x: number, m: number) => (x === 0 ? -4 : m) };
    const call = () =>
      customerLifetimeValue(rows, { transactionModel: steady, spendModel: spend, periodLength: 1 });
    expect(call).toThrow(InvalidOptionsError);
    expect(call).toThrow(/spendModel.*-4 for row 1/s);
  });

  it("refuses a spend model that returns NaN", () => {
    const spend = { conditionalExpectedAverageProfit: () => Number.NaN };
    expect(() =>
      customerLifetimeValue(rows, { transactionModel: steady, spendModel: spend, periodLength: 1 }),
    ).toThrow(/spendModel.*NaN for row 0/s);
  });

  it("values the customers of a BG/NBD fit with a + b < 1 (the issue-12 store) instead of refusing them", async () => {
    const { generateStore } = await import("../store/generateStore.js");
    const { fitBgNbd } = await import("./fitBgNbd.js");
    const { repeatPurchaseSummary } = await import("./repeatPurchaseSummary.js");
    const store = generateStore({ seed: 3, customers: 60 });
    const summary = repeatPurchaseSummary(store.orderLines, {
      customer: "customerId",
      date: "date",
      amount: "amount",
      asOf: store.planted.end,
      timeUnit: "week",
    });
    const model = fitBgNbd(summary);
    expect(model.params.a + model.params.b).toBeLessThan(1);
    const clv = customerLifetimeValue(summary, { transactionModel: model, periods: 12, periodLength: 4.345 });
    expect(clv.customers).toHaveLength(summary.customers.length);
    expect(Number.isFinite(clv.totalLifetimeValue) && clv.totalLifetimeValue > 0).toBe(true);
  });
});
