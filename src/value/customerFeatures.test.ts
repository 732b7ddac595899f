import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { customerFeatures } from "./customerFeatures.js";

const lines = Object.freeze(
  [
    { order: "o1", id: "a", day: "2024-01-02", value: 20, price: 10 },
    { order: "o1", id: "a", day: "2024-01-02", value: 5, price: 5 },
    { order: "o2", id: "a", day: "2024-03-01", value: 30, price: 15 },
    { order: "o3", id: "b", day: "2024-02-15", value: 40, price: 40 },
    { order: "o3", id: "b", day: "2024-02-20", value: -40, price: 40 }, // o3 fully refunded
    { order: "o4", id: "b", day: "2024-01-10", value: 10, price: 10 },
    { order: "o5", id: "c", day: "2024-03-30", value: 12, price: 12 },
    { order: "o5", id: "c", day: "2024-03-31", value: -2, price: 2 }, // partial refund
  ].map((line) => Object.freeze(line)),
);
const options = {
  customer: "id",
  order: "order",
  date: "day",
  amount: "value",
  unitPrice: "price",
  asOf: "2024-03-31",
} as const;
const month = 365.2425 / 12;

describe("customerFeatures", () => {
  it("derives rate, basket size, price level and tenure from order lines (worked by hand)", () => {
    const result = customerFeatures(lines, options);
    expect(result.customers).toHaveLength(3);
    const [a, b, c] = result.customers;
    // a: orders o1 (2 lines) and o2 (1 line); first purchase 2024-01-02 = 29 + 29 + 31 = 89 days before asOf
    expect(a).toMatchObject({ customer: "a", recencyDays: 30, frequency: 2, monetary: 55, tenureDays: 89 });
    expect(a?.ordersPerMonth).toBeCloseTo(2 / (89 / month), 12); // 0.68397...
    expect(a?.linesPerOrder).toBe(1.5);
    expect(a?.meanUnitPrice).toBe(10); // (10 + 5 + 15) / 3
    // b: o3 fully refunded, so one order (o4, 2024-01-10: 21 + 29 + 31 = 81 days); o3's purchase line is
    // still something b bought, so its price counts: (40 + 10) / 2
    expect(b).toMatchObject({ customer: "b", recencyDays: 81, frequency: 1, monetary: 10, tenureDays: 81 });
    expect(b?.ordersPerMonth).toBeCloseTo(1 / (81 / month), 12);
    expect(b?.linesPerOrder).toBe(1);
    expect(b?.meanUnitPrice).toBe(25);
    // c: one order a day before asOf: tenure under half a month counts as half a month; refund line ignored
    expect(c).toEqual({
      customer: "c",
      recencyDays: 1,
      frequency: 1,
      monetary: 10,
      ordersPerMonth: 2,
      linesPerOrder: 1,
      meanUnitPrice: 12,
      tenureDays: 1,
    });
  });

  it("drops lines after asOf when asked and counts them", () => {
    const result = customerFeatures(lines, { ...options, asOf: "2024-03-30", afterAsOf: "drop" });
    expect(result.droppedRecords).toBe(1);
    expect(result.customers[2]).toMatchObject({
      customer: "c",
      monetary: 12,
      meanUnitPrice: 12,
      tenureDays: 0,
    });
  });

  it("names the row, field and value of a negative unit price", () => {
    const bad = [...lines.slice(0, 2), { ...lines[2], price: -3 }];
    expect(() => customerFeatures(bad, options)).toThrow(InvalidRecordError);
    try {
      customerFeatures(bad, options);
    } catch (error) {
      expect(error).toMatchObject({ row: 2, field: "price", value: -3 });
    }
  });

  it("validates options", () => {
    expect(() => customerFeatures(lines, { ...options, afterAsOf: "keep" as "drop" })).toThrow(
      InvalidOptionsError,
    );
  });

  it("prints as a table", () => {
    const result = customerFeatures(lines, options);
    const printed = inspect(result);
    expect(printed).toContain("Customer features");
    expect(printed).toContain("3 customers as of 2024-03-31");
  });

  it("does not depend on the order of the lines, and the mean price lies within the customer's prices", () => {
    const line = fc.record({
      id: fc.constantFrom("a", "b", "c"),
      orderNumber: fc.integer({ min: 0, max: 5 }),
      day: fc.integer({ min: 1, max: 28 }),
      price: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.integer(), (raw, seed) => {
        const records = raw.map((r) => ({
          id: r.id,
          order: `${r.id}${r.orderNumber}`,
          day: `2024-02-${String(r.day).padStart(2, "0")}`,
          value: r.price,
          price: r.price,
        }));
        const shuffled = records
          .map((record, i) => ({ record, key: Math.imul(i + 1, seed | 1) >>> 0 }))
          .sort((x, y) => x.key - y.key)
          .map((entry) => entry.record);
        const byCustomer = <R extends { customer: string }>(rows: readonly R[]) =>
          [...rows].sort((x, y) => x.customer.localeCompare(y.customer));
        const opts = { ...options, asOf: "2024-03-01" };
        const first = byCustomer(customerFeatures(records, opts).customers);
        expect(byCustomer(customerFeatures(shuffled, opts).customers)).toEqual(first);
        for (const row of first) {
          const prices = records.filter((r) => r.id === row.customer).map((r) => r.price);
          expect(row.meanUnitPrice).toBeGreaterThanOrEqual(Math.min(...prices) - 1e-9);
          expect(row.meanUnitPrice).toBeLessThanOrEqual(Math.max(...prices) + 1e-9);
          expect(row.linesPerOrder).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });
});
