import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRecordError } from "../core/index.js";
import { rfmTable } from "./rfmTable.js";

const lines = Object.freeze(
  [
    { order: "o1", id: "a", day: "2024-01-02", value: 20 },
    { order: "o1", id: "a", day: "2024-01-02", value: 5 },
    { order: "o2", id: "a", day: "2024-03-01", value: 30 },
    { order: "o3", id: "b", day: "2024-02-15", value: 40 },
    { order: "o3", id: "b", day: "2024-02-20", value: -40 }, // o3 fully refunded
    { order: "o4", id: "b", day: "2024-01-10", value: 10 },
    { order: "o5", id: "c", day: "2024-03-30", value: 12 },
    { order: "o5", id: "c", day: "2024-03-31", value: -2 }, // partial refund
  ].map((line) => Object.freeze(line)),
);
const options = { customer: "id", date: "day", amount: "value", order: "order", asOf: "2024-03-31" } as const;

describe("rfmTable", () => {
  it("counts orders, days since the last purchase and net spend", () => {
    const table = rfmTable(lines, options);
    expect(table.customers).toEqual([
      {
        customer: "a",
        recencyDays: 30,
        frequency: 2,
        monetary: 55,
        firstPurchase: "2024-01-02",
        lastPurchase: "2024-03-01",
      },
      // the fully refunded order o3 neither counts as a purchase nor sets recency
      {
        customer: "b",
        recencyDays: 81,
        frequency: 1,
        monetary: 10,
        firstPurchase: "2024-01-10",
        lastPurchase: "2024-01-10",
      },
      {
        customer: "c",
        recencyDays: 1,
        frequency: 1,
        monetary: 10,
        firstPurchase: "2024-03-30",
        lastPurchase: "2024-03-30",
      },
    ]);
  });

  it("counts purchase lines with frequency: transactions and averages per order with monetary: mean", () => {
    const table = rfmTable(lines, { ...options, frequency: "transactions", monetary: "mean" });
    expect(table.customers[0]).toMatchObject({ frequency: 3, monetary: 27.5 });
  });

  it("treats every record as an order without an order field (refund records are not purchases)", () => {
    const table = rfmTable(lines, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
    expect(table.customers[0]?.frequency).toBe(3);
    expect(table.customers[1]).toMatchObject({ frequency: 2, monetary: 10, recencyDays: 45 });
  });

  it("leaves out customers whose every order was refunded and reports how many", () => {
    const table = rfmTable(
      [
        { order: "x", id: "z", day: "2024-01-01", value: 10 },
        { order: "x", id: "z", day: "2024-01-02", value: -10 },
        { order: "y", id: "a", day: "2024-01-01", value: 1 },
      ],
      options,
    );
    expect(table.customers.map((row) => row.customer)).toEqual(["a"]);
    expect(table.customersWithoutPurchases).toBe(1);
  });

  it("refuses dates after asOf with the row, unless asked to drop them", () => {
    const late = [...lines, { order: "o9", id: "a", day: "2024-04-02", value: 1 }];
    expect(() => rfmTable(late, options)).toThrow(
      /row 8, field "day": received "2024-04-02".*after asOf \(2024-03-31\)/,
    );
    expect(rfmTable(late, { ...options, afterAsOf: "drop" }).droppedRecords).toBe(1);
  });

  it("refuses missing or unparsable dates and amounts with the row", () => {
    expect(() => rfmTable([{ order: "o", id: "a", day: "", value: 1 }], options)).toThrow(InvalidRecordError);
    expect(() => rfmTable([{ order: "o", id: "a", day: "2024-01-01", value: "ten" }], options)).toThrow(
      /row 0, field "value"/,
    );
  });

  it("refuses a customer whose refunds exceed their purchases", () => {
    const rows = [
      { order: "o1", id: "a", day: "2024-01-01", value: 10 },
      { order: "r1", id: "a", day: "2024-01-03", value: -25 },
    ];
    expect(() => rfmTable(rows, options)).toThrow(/row 1, field "value".*negative net spend \(-15.00\)/);
  });

  it("refuses an order id shared by two customers", () => {
    const rows = [
      { order: "o1", id: "a", day: "2024-01-01", value: 10 },
      { order: "o1", id: "b", day: "2024-01-01", value: 10 },
    ];
    expect(() => rfmTable(rows, options)).toThrow(/row 1, field "order"/);
  });

  it("returns an empty table for no records, and counts duplicates as separate lines of one order", () => {
    expect(rfmTable([], options).customers).toEqual([]);
    const line = lines[0] as (typeof lines)[number];
    const duplicated = [line, line];
    expect(rfmTable(duplicated, options).customers[0]).toMatchObject({ frequency: 1, monetary: 40 });
  });

  it("handles a single customer", () => {
    const table = rfmTable([{ id: "solo", day: "2024-03-31", value: 9.99 }], {
      customer: "id",
      date: "day",
      amount: "value",
      asOf: "2024-03-31",
    });
    expect(table.customers).toEqual([
      {
        customer: "solo",
        recencyDays: 0,
        frequency: 1,
        monetary: 9.99,
        firstPurchase: "2024-03-31",
        lastPurchase: "2024-03-31",
      },
    ]);
  });

  it("agrees with a direct per-order reference on random lines with refunds, drops and interleaved orders", () => {
    // Reference: the documented rules applied with Maps, one order at a time (independent of the
    // per-row columns that rfmTable writes its per-order totals over).
    const reference = (rows: readonly Line[], withOrder: boolean, asOf: number) => {
      const customerOrder: string[] = [];
      for (const row of rows) if (!customerOrder.includes(row.id)) customerOrder.push(row.id);
      const orders = new Map<
        string,
        { id: string; lines: number; net: number; refunded: boolean; day: number }
      >();
      const net = new Map<string, number>();
      rows.forEach((row, i) => {
        if (row.day > asOf) return;
        net.set(row.id, (net.get(row.id) ?? 0) + row.value);
        const key = withOrder ? row.order : `row${i}`;
        const order = orders.get(key) ?? { id: row.id, lines: 0, net: 0, refunded: false, day: Infinity };
        orders.set(key, order);
        order.net += row.value;
        if (row.value < 0) order.refunded = true;
        else {
          order.lines++;
          order.day = Math.min(order.day, row.day);
        }
      });
      const out: { customer: string; recencyDays: number; frequency: number; monetary: number }[] = [];
      for (const id of customerOrder) {
        const kept = [...orders.values()].filter(
          (o) => o.id === id && o.lines > 0 && !(o.refunded && o.net <= 1e-9),
        );
        if (kept.length === 0) continue;
        const last = Math.max(...kept.map((o) => o.day));
        out.push({
          customer: id,
          recencyDays: asOf - last,
          frequency: kept.length,
          monetary: net.get(id) ?? 0,
        });
      }
      return out;
    };
    interface Line {
      readonly order: string;
      readonly id: string;
      readonly day: number;
      readonly value: number;
    }
    const line = fc
      .record({
        order: fc.integer({ min: 0, max: 12 }),
        day: fc.integer({ min: 0, max: 40 }),
        value: fc.integer({ min: -30, max: 60 }),
      })
      .map(({ order, day, value }) => ({ order: `o${order}`, id: `c${order % 4}`, day, value }));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, withOrder) => {
        const asOf = 30;
        const expected = reference(rows, withOrder, asOf);
        const records = rows.map((row) => ({ ...row, date: row.day * 86_400_000 }));
        // the same lines as columns (a typed array of amounts), read without records
        const columns = {
          order: records.map((r) => r.order),
          id: records.map((r) => r.id),
          day: records.map((r) => r.day),
          date: records.map((r) => r.date),
          value: Float64Array.from(records, (r) => r.value),
        };
        const call = (input: typeof records | typeof columns = records) =>
          rfmTable(input, {
            customer: "id",
            date: "date",
            amount: "value",
            asOf: asOf * 86_400_000,
            afterAsOf: "drop",
            ...(withOrder ? { order: "order" as const } : {}),
          });
        const negative = rows.some((row) =>
          expected.some((e) => e.customer === row.id && e.monetary < -1e-9),
        );
        if (negative) {
          expect(() => call()).toThrow(InvalidRecordError);
          expect(() => call(columns)).toThrow(InvalidRecordError);
          return;
        }
        expect(call(columns).customers).toEqual(call().customers);
        const actual = call().customers.map(({ customer, recencyDays, frequency, monetary }) => ({
          customer,
          recencyDays,
          frequency,
          monetary,
        }));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
