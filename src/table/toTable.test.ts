import { op } from "arquero";
import { describe, expect, it } from "vitest";
import { withDisplay } from "../core/display.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/errors.js";
import { fromTable } from "./fromTable.js";
import { toTable } from "./toTable.js";

const itemsets = () =>
  Object.freeze([
    Object.freeze({ items: Object.freeze(["beer", "diapers"]), support: 0.25, count: 5 }),
    Object.freeze({ items: Object.freeze(["milk"]), support: 0.5, count: 10 }),
    Object.freeze({ items: Object.freeze(["bread", "butter", "milk"]), support: 0.1, count: 2 }),
  ]);

/** A result shaped like every clientele result: plain data plus display hooks from withDisplay. */
const fakeResult = () =>
  withDisplay(
    { itemsets: itemsets(), transactionCount: 20, options: { minSupport: 0.1 } },
    { title: "Frequent itemsets", rows: (result) => result.itemsets },
  );

describe("toTable", () => {
  it("toTable reads the display rows of a clientele result, not its other fields", () => {
    const converted = toTable(fakeResult());
    expect(converted.numRows()).toBe(3);
    expect(converted.columnNames()).toEqual(["items", "support", "count"]);
    expect(converted.array("count")).toEqual([5, 10, 2]);
  });

  it("toTable keeps array-valued cells as arrays (itemsets stay string[])", () => {
    const converted = toTable(fakeResult());
    const first = converted.get("items", 0);
    expect(Array.isArray(first)).toBe(true);
    expect(first).toEqual(["beer", "diapers"]);
    expect(converted.get("items", 2)).toHaveLength(3);
    // arquero's own expression language can work on the array cells
    const lengths = converted.derive({ size: (d: { items: string[] }) => op.length(d.items) }).array("size");
    expect(Array.from(lengths)).toEqual([2, 1, 3]);
  });

  it("toTable gives a table arquero verbs work on (groupby/rollup equals a plain-JS total)", () => {
    const orders = Object.freeze(
      Array.from({ length: 50 }, (_, i) => Object.freeze({ customer: `c${i % 7}`, amount: (i * 37) % 11 })),
    );
    const totals = toTable(orders)
      .groupby("customer")
      .rollup({ total: (d: { amount: number }) => op.sum(d.amount), orders: op.count() })
      .orderby("customer")
      .objects() as { customer: string; total: number; orders: number }[];
    const expected = new Map<string, { total: number; orders: number }>();
    for (const order of orders) {
      const entry = expected.get(order.customer) ?? { total: 0, orders: 0 };
      entry.total += order.amount;
      entry.orders += 1;
      expected.set(order.customer, entry);
    }
    expect(totals).toHaveLength(7);
    for (const row of totals) expect(row).toEqual({ customer: row.customer, ...expected.get(row.customer) });
  });

  it("toTable accepts plain records: columns are every key in order of first appearance, gaps are null", () => {
    const converted = toTable([{ a: 1, b: "x" }, { b: "y", c: true, a: 2 }, { d: undefined }]);
    expect(converted.columnNames()).toEqual(["a", "b", "c", "d"]);
    expect(converted.objects()).toEqual([
      { a: 1, b: "x", c: null, d: null },
      { a: 2, b: "y", c: true, d: null },
      { a: null, b: null, c: null, d: null },
    ]);
  });

  it("toTable keeps the columns option's order and fills unknown columns with null", () => {
    const converted = toTable(fakeResult(), { columns: ["count", "items", "lift"] });
    expect(converted.columnNames()).toEqual(["count", "items", "lift"]);
    expect(converted.array("lift")).toEqual([null, null, null]);
  });

  it("toTable keeps dates as Date values", () => {
    const when = new Date(Date.UTC(2024, 2, 31));
    const converted = toTable([{ customer: "c1", lastPurchase: when }]);
    expect(converted.get("lastPurchase", 0)).toBeInstanceOf(Date);
    expect((converted.get("lastPurchase", 0) as Date).getTime()).toBe(when.getTime());
  });

  it("toTable of an empty array or a result with no rows is an empty table", () => {
    expect(toTable([]).numRows()).toBe(0);
    expect(toTable([]).numCols()).toBe(0);
    const empty = withDisplay({ rules: [] as { lift: number }[] }, { title: "Rules", rows: (r) => r.rules });
    expect(toTable(empty).numRows()).toBe(0);
    expect(toTable(empty, { columns: ["lift"] }).columnNames()).toEqual(["lift"]);
  });

  it("toTable never modifies its (frozen) input", () => {
    const records = itemsets();
    const before = JSON.stringify(records);
    const converted = toTable(records);
    expect(JSON.stringify(records)).toBe(before);
    expect(converted.get("items", 0)).toBe(records[0]?.items);
  });

  it("toTable refuses a value that is neither a result nor an array", () => {
    expect(() => toTable({ rules: [] })).toThrow(InvalidOptionsError);
    expect(() => toTable({ rules: [] })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: toTable: invalid options
        - source: expected a clientele result (an object made by a clientele function) or an array of records]
    `);
  });

  it("toTable names the row that is not a record", () => {
    const attempt = () => toTable([{ a: 1 }, 5] as unknown as object[]);
    expect(attempt).toThrow(InvalidRecordError);
    expect(attempt).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: toTable: row 1, field "(record)": received 5 (number); expected every row to be a plain object]`,
    );
    try {
      attempt();
    } catch (error) {
      expect((error as InvalidRecordError).row).toBe(1);
    }
  });

  it("toTable validates the columns option", () => {
    expect(() => toTable([], { columns: ["a", "a"] })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: toTable: invalid options
        - columns: column names must be distinct (received ["a","a"])]
    `);
    expect(() => toTable([], { columns: "a" } as never)).toThrow(InvalidOptionsError);
    expect(() => toTable([], { column: ["a"] } as never)).toThrow(InvalidOptionsError);
  });

  it("toTable and fromTable round-trip records", () => {
    const records = itemsets();
    expect(fromTable(toTable(records))).toEqual(records);
    expect(fromTable(toTable(fakeResult()))).toEqual(records);
  });
});
