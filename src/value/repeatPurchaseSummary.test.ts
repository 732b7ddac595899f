import { describe, expect, it } from "vitest";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";

const base = { customer: "id", date: "day", amount: "value", asOf: "2024-01-31" } as const;

describe("repeatPurchaseSummary", () => {
  it("counts distinct purchase days, measures recency and T from the first purchase, and averages repeat days", () => {
    const records = Object.freeze([
      Object.freeze({ id: "a", day: "2024-01-01", value: 10 }),
      Object.freeze({ id: "a", day: "2024-01-01T15:00:00Z", value: 5 }), // same day: one purchase of 15
      Object.freeze({ id: "a", day: "2024-01-08", value: 20 }),
      Object.freeze({ id: "a", day: "2024-01-15", value: 40 }),
      Object.freeze({ id: "b", day: "2024-01-29", value: 7 }),
    ]);
    const summary = repeatPurchaseSummary(records, { ...base, timeUnit: "week" });
    expect(summary.customers).toEqual([
      { customer: "a", frequency: 2, recency: 2, T: 30 / 7, monetaryValue: 30, firstPurchase: "2024-01-01" },
      { customer: "b", frequency: 0, recency: 0, T: 2 / 7, monetaryValue: 0, firstPurchase: "2024-01-29" },
    ]);
    expect(Array.from(summary.frequency)).toEqual([2, 0]);
  });

  it("nets refunds into the latest purchase day and drops fully refunded days", () => {
    const records = [
      { id: "a", day: "2024-01-01", value: 10 },
      { id: "a", day: "2024-01-05", value: 30 },
      { id: "a", day: "2024-01-06", value: -30 }, // refunds all of Jan 5
      { id: "a", day: "2024-01-10", value: 50 },
      { id: "a", day: "2024-01-12", value: -20 }, // partial refund of Jan 10
    ];
    const [row] = repeatPurchaseSummary(records, base).customers;
    expect(row).toMatchObject({ frequency: 1, recency: 9, monetaryValue: 30 });
  });

  it("omits customers whose only purchase was fully refunded and counts them", () => {
    const records = [
      { id: "a", day: "2024-01-01", value: 10 },
      { id: "z", day: "2024-01-02", value: 10 },
      { id: "z", day: "2024-01-03", value: -10 },
    ];
    const summary = repeatPurchaseSummary(records, base);
    expect(summary.customers.map((c) => c.customer)).toEqual(["a"]);
    expect(summary.customersWithoutPurchases).toBe(1);
  });

  it("refuses dates after asOf unless asked to drop them", () => {
    const records = [
      { id: "a", day: "2024-01-01", value: 10 },
      { id: "a", day: "2024-02-01", value: 10 },
    ];
    expect(() => repeatPurchaseSummary(records, base)).toThrow(InvalidRecordError);
    expect(() => repeatPurchaseSummary(records, base)).toThrow(
      /row 1, field "day".*after asOf \(2024-01-31\)/,
    );
    const dropped = repeatPurchaseSummary(records, { ...base, afterAsOf: "drop" });
    expect(dropped.droppedRecords).toBe(1);
    expect(dropped.customers[0]?.frequency).toBe(0);
  });

  it("names the row of a missing or unparsable date", () => {
    const records = [
      { id: "a", day: "2024-01-01", value: 10 },
      { id: "a", day: "01/02/2024", value: 10 },
    ];
    expect(() => repeatPurchaseSummary(records, base)).toThrow(/row 1, field "day": received "01\/02\/2024"/);
    expect(() => repeatPurchaseSummary([{ id: "a", day: null, value: 1 }], base)).toThrow(InvalidRecordError);
  });

  it("refuses a refund before any purchase of its customer", () => {
    expect(() => repeatPurchaseSummary([{ id: "a", day: "2024-01-01", value: -5 }], base)).toThrow(
      /refund.*before any purchase/,
    );
  });

  it("returns an empty summary for empty input and validates options", () => {
    expect(repeatPurchaseSummary([], base).customers).toEqual([]);
    expect(() => repeatPurchaseSummary([], { ...base, asOf: "soon" })).toThrow(InvalidOptionsError);
    // @ts-expect-error unknown time unit
    expect(() => repeatPurchaseSummary([], { ...base, timeUnit: "fortnight" })).toThrow(InvalidOptionsError);
  });

  it("refuses an order field and says that it counts purchase days, not orders", () => {
    const records = [{ id: "a", day: "2024-01-01", value: 10, order: "o1" }];
    // @ts-expect-error order is not an option (typed `never`)
    const call = () => repeatPurchaseSummary(records, { ...base, order: "order" });
    expect(call).toThrow(InvalidOptionsError);
    expect(call).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: repeatPurchaseSummary: invalid options
        - order: repeatPurchaseSummary counts purchase periods (distinct UTC days: several orders of a customer on one day are one purchase), not orders, so it takes no order field: drop \`order\` (use rfmTable for order counts) (received "order")]
    `);
  });
});

describeWithDataset("cdnow_sample.csv", "repeatPurchaseSummary on the CDNOW sample", () => {
  const transactions = Object.freeze(parseSimpleCsv(readSharedDataset("cdnow_sample.csv")));
  const published = parseSimpleCsv(readSharedDataset("cdnow_customers_summary_with_transactions.csv"));
  const summary = repeatPurchaseSummary(transactions, {
    customer: "customer_id",
    date: "date",
    amount: "amount",
    asOf: "1997-09-30",
    timeUnit: "week",
    afterAsOf: "drop",
  });

  it("reproduces Fader & Hardie's calibration summary (frequency exact, recency and T within 0.005 weeks)", () => {
    expect(summary.customers).toHaveLength(2357);
    expect(summary.droppedRecords).toBe(6919 - 4960);
    const byId = new Map(summary.customers.map((row) => [row.customer, row]));
    let repeatCustomers = 0;
    for (const reference of published) {
      const row = byId.get(reference.ID as string);
      expect(row, `customer ${reference.ID}`).toBeDefined();
      expect(row?.frequency).toBe(Number(reference.x));
      expect(Math.abs((row?.recency ?? 0) - Number(reference.t_x))).toBeLessThan(0.005);
      expect(Math.abs((row?.T ?? 0) - Number(reference.T))).toBeLessThan(0.005);
      // zbar is the mean repeat-purchase value, rounded to cents in the file
      expect(Math.abs((row?.monetaryValue ?? 0) - Number(reference.zbar))).toBeLessThan(0.0051);
      if (Number(reference.x) > 0) repeatCustomers++;
    }
    expect(repeatCustomers).toBe(946);
  });
});
