import {
  DateDay,
  Dictionary,
  Float64,
  Int32,
  Table,
  tableFromArrays,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordCount } from "../../src/core/columnar.js";
import { InvalidOptionsError, InvalidRecordError } from "../../src/core/errors.js";
import { readCodes, readDates, readDays, readNumbers } from "../../src/core/fields.js";
import { calibrationHoldoutSummary } from "../../src/value/calibrationHoldoutSummary.js";
import { repeatPurchaseSummary } from "../../src/value/repeatPurchaseSummary.js";
import { rfmTable } from "../../src/value/rfmTable.js";

// The order lines of rfmTable.test.ts, as columns. Expected values worked by hand there:
// a: orders o1 (25) and o2 (30), last 2024-03-01 = 30 days before asOf; b: o3 fully refunded, o4 (10)
// on 2024-01-10 = 81 days; c: o5 12 - 2 = 10 on 2024-03-30 = 1 day.
const columns = {
  order: ["o1", "o1", "o2", "o3", "o3", "o4", "o5", "o5"],
  id: ["a", "a", "a", "b", "b", "b", "c", "c"],
  day: [
    "2024-01-02",
    "2024-01-02",
    "2024-03-01",
    "2024-02-15",
    "2024-02-20",
    "2024-01-10",
    "2024-03-30",
    "2024-03-31",
  ],
  value: new Float64Array([20, 5, 30, 40, -40, 10, 12, -2]),
};
const options = { customer: "id", date: "day", amount: "value", order: "order", asOf: "2024-03-31" } as const;
const expected = [
  {
    customer: "a",
    recencyDays: 30,
    frequency: 2,
    monetary: 55,
    firstPurchase: "2024-01-02",
    lastPurchase: "2024-03-01",
  },
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
];

describe("columnar input", () => {
  it("rfmTable reads an object of columns without records", () => {
    const before = Array.from(columns.value);
    Object.freeze(columns.order);
    Object.freeze(columns.id);
    Object.freeze(columns.day);
    const table = rfmTable(Object.freeze({ ...columns }), options);
    expect(table.customers).toEqual(expected);
    expect(Array.from(columns.value)).toEqual(before); // not modified
  });

  it("rfmTable reads an Apache Arrow table (Utf8, dictionary, DateDay and Float64 columns)", () => {
    const table = new Table({
      order: vectorFromArray(columns.order, new Dictionary(new Utf8(), new Int32())),
      id: vectorFromArray(columns.id, new Utf8()),
      day: vectorFromArray(
        columns.day.map((day) => new Date(`${day}T00:00:00Z`)),
        new DateDay(),
      ),
      value: vectorFromArray(Array.from(columns.value), new Float64()),
    });
    expect(rfmTable(table, options).customers).toEqual(expected);
  });

  it("gives accessor fields a transient row of the columns", () => {
    const table = rfmTable(columns, {
      ...options,
      customer: (row) => row.id.toUpperCase(),
      amount: (row, index) => (index >= 0 ? row.value : Number.NaN),
    });
    expect(table.customers.map((row) => row.customer)).toEqual(["A", "B", "C"]);
    expect(table.customers.map((row) => row.monetary)).toEqual([55, 10, 10]);
  });

  it("repeatPurchaseSummary on columns: frequency, recency and T in weeks (hand-worked)", () => {
    // 1997-01-01 -> 1997-08-02 is 213 days, -> 1997-09-30 is 272 days; repeat days spend 29.73 and 14.96
    const summary = repeatPurchaseSummary(
      {
        id: ["a", "a", "a", "b"],
        day: ["1997-01-01", "1997-01-18", "1997-08-02", "1997-03-05"],
        value: [29.33, 29.73, 14.96, 10],
      },
      { customer: "id", date: "day", amount: "value", asOf: "1997-09-30", timeUnit: "week" },
    );
    expect(Array.from(summary.frequency)).toEqual([2, 0]);
    expect(summary.recency[0]).toBeCloseTo(213 / 7, 12);
    expect(summary.T[0]).toBeCloseTo(272 / 7, 12);
    expect(summary.T[1]).toBeCloseTo((272 - 63) / 7, 12);
    expect(summary.monetaryValue[0]).toBeCloseTo((29.73 + 14.96) / 2, 12);
  });

  it("rows and columns give the same summaries (property)", () => {
    const line = fc.record({
      id: fc.constantFrom("a", "b", "c", "d"),
      day: fc.integer({ min: 0, max: 400 }),
      value: fc.integer({ min: 0, max: 500 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (raw) => {
        const rows = raw.map((r) => ({
          id: r.id,
          day: new Date(Date.UTC(2020, 0, 1 + r.day)),
          value: r.value,
        }));
        const cols = {
          id: rows.map((r) => r.id),
          day: rows.map((r) => r.day),
          value: Float64Array.from(rows, (r) => r.value),
        };
        const o = { customer: "id", date: "day", amount: "value" } as const;
        const end = { ...o, asOf: "2021-06-01" } as const;
        expect(repeatPurchaseSummary(cols, end).customers).toEqual(
          repeatPurchaseSummary(rows, end).customers,
        );
        expect(rfmTable(cols, { ...o, asOf: "2021-06-01" }).customers).toEqual(
          rfmTable(rows, { ...o, asOf: "2021-06-01" }).customers,
        );
        const holdout = { ...end, calibrationEnd: "2020-09-01" };
        expect(calibrationHoldoutSummary(cols, holdout).customers).toEqual(
          calibrationHoldoutSummary(rows, holdout).customers,
        );
      }),
      { numRuns: 60 },
    );
  });

  it("errors name the row, the field and the value", () => {
    const bad = { ...columns, day: columns.day.map((d, i) => (i === 5 ? "2024-13-01" : d)) };
    const error = (() => {
      try {
        rfmTable(bad, options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect(error).toMatchObject({ row: 5, field: "day", value: "2024-13-01" });
    const late = { ...columns, day: columns.day.map((d, i) => (i === 2 ? "2024-04-02" : d)) };
    expect(() => rfmTable(late, options)).toThrow(/row 2, field "day": received "2024-04-02"/);
    const arrow = tableFromArrays({
      id: ["a", "b"],
      day: ["2024-01-01", "2024-01-02"],
      value: [1, null] as (number | null)[],
    });
    expect(() =>
      rfmTable(arrow, { customer: "id", date: "day", amount: "value", asOf: "2024-02-01" }),
    ).toThrow(/row 1, field "value": received null/);
  });

  it("refuses columns of different lengths, non-column properties and missing columns", () => {
    expect(() => rfmTable({ ...columns, id: ["a"] }, options)).toThrow(InvalidOptionsError);
    expect(() => rfmTable({ ...columns, id: ["a"] }, options)).toThrow(/"order" has 8 values, "id" has 1/);
    expect(() => rfmTable({ ...columns, note: "x" } as never, options)).toThrow(/"note" is not/);
    expect(() => rfmTable(columns, { ...options, customer: "customerId" } as never)).toThrow(
      /customer: no column named "customerId" in the columnar input \(columns: "order", "id", "day", "value"\)/,
    );
    expect(() => rfmTable({} as never, options)).toThrow(InvalidOptionsError);
    expect(() => rfmTable(new Float64Array(3) as never, options)).toThrow(/expected an array of records/);
  });

  it("core readers read columns directly, always into a new array", () => {
    const context = { functionName: "demo", optionName: "x" };
    const amount = new Float64Array([1, 2.5]);
    const read = readNumbers({ amount }, "amount", context);
    expect(Array.from(read)).toEqual([1, 2.5]);
    expect(read).not.toBe(amount);
    expect(Array.from(readNumbers({ a: [1, "2.5", 3n] }, "a", context))).toEqual([1, 2.5, 3]);
    expect(() => readNumbers({ a: new Float64Array([1, Number.NaN]) }, "a", context)).toThrow(
      /row 1, field "a"/,
    );
    expect(
      Array.from(readNumbers({ a: new Float64Array([1, Number.NaN]) }, "a", { ...context, missing: "nan" })),
    ).toEqual([1, Number.NaN]);
    expect(readCodes({ c: ["b", "a", "b", 7] }, "c", context)).toEqual({
      codes: Int32Array.from([0, 1, 0, 2]),
      labels: ["b", "a", "7"],
    });
    expect(Array.from(readDates({ d: ["2024-01-02", new Date(0), 5] }, "d", context))).toEqual([
      1704153600000, 0, 5,
    ]);
    expect(recordCount({ a: [1, 2, 3], b: new Int32Array(3) }, "demo")).toBe(3);
    expect(recordCount(tableFromArrays({ a: [1, 2] }), "demo")).toBe(2);
  });

  it("readDays gives UTC day numbers as Int32 (floor, so before 1970 counts down)", () => {
    const context = { functionName: "demo", optionName: "date" };
    // 2024-01-01 is day 19723 (1704067200 s / 86400); 1969-12-31T12:00Z is day -1
    const days = readDays(
      [
        { date: "2024-01-02T18:00:00Z" },
        { date: "1969-12-31T12:00:00Z" },
        { date: new Date(Date.UTC(2024, 0, 1)) },
      ],
      "date",
      context,
    );
    expect(days).toBeInstanceOf(Int32Array);
    expect(Array.from(days)).toEqual([19724, -1, 19723]);
    expect(() => readDays([{ date: 1e300 }], "date", context)).toThrow(InvalidRecordError);
    expect(() => readDays([{ date: null }], "date", context)).toThrow(/row 0, field "date": received null/);
  });
});

describe("columnar input to the lifetime fitters", () => {
  it("fitBgNbd reads renamed columns as it reads the same records", async () => {
    const { fitBgNbd } = await import("../../src/value/fitBgNbd.js");
    const rows = [
      { x: 2, tx: 30.43, age: 38.86 },
      { x: 1, tx: 1.71, age: 38.86 },
      { x: 0, tx: 0, age: 38.86 },
      { x: 0, tx: 0, age: 38.86 },
      { x: 3, tx: 20, age: 35 },
      { x: 0, tx: 0, age: 30 },
      { x: 5, tx: 33, age: 36 },
      { x: 1, tx: 10, age: 25 },
    ];
    const fields = { frequency: "x", recency: "tx", T: "age" } as const;
    const columns = {
      x: rows.map((r) => r.x),
      tx: new Float64Array(rows.map((r) => r.tx)),
      age: new Float64Array(rows.map((r) => r.age)),
    };
    expect(fitBgNbd(columns, fields).params).toEqual(fitBgNbd(rows, fields).params);
    expect(() => fitBgNbd({ ...columns, x: [...columns.x.slice(0, 7), -1] }, fields)).toThrow(
      /row 7, field "x": received -1/,
    );
  });
});

describe("Arrow dictionary columns", () => {
  it("code rows by value across chunks whose dictionaries differ", () => {
    const chunk = (values: string[]) =>
      new Table({ c: vectorFromArray(values, new Dictionary(new Utf8(), new Int32())) });
    const table = chunk(["b", "a", "b"]).concat(chunk(["c", "b"]));
    expect(table.getChild("c")?.data.length).toBe(2);
    const coded = readCodes(table, "c", { functionName: "demo", optionName: "c" });
    expect(Array.from(coded.codes)).toEqual([0, 1, 0, 2, 0]);
    expect(coded.labels).toEqual(["b", "a", "c"]);
  });
});

describe("scratch memory reused across calls", () => {
  it("a call from inside an accessor (scratch in use) and the calls after it give their own results", () => {
    const inner = () => rfmTable(columns, options).customers;
    let innerResult: unknown;
    const outer = rfmTable(columns, {
      ...options,
      customer: (row, index) => {
        if (index === 3) innerResult = inner();
        return row.id;
      },
    });
    expect(outer.customers).toEqual(expected);
    expect(innerResult).toEqual(expected);
    const small = rfmTable(
      { id: ["z"], day: ["2024-03-01"], value: [4] },
      { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" },
    );
    expect(small.customers).toEqual([
      {
        customer: "z",
        recencyDays: 30,
        frequency: 1,
        monetary: 4,
        firstPurchase: "2024-03-01",
        lastPurchase: "2024-03-01",
      },
    ]);
    expect(rfmTable(columns, options).customers).toEqual(expected);
  });
});
