import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  readCodeArrayInto,
  readCodesInto,
  readNumberArrayInto,
  readNumbersInto,
  readTimeArrayInto,
  readTimesInto,
} from "./fields.js";

/** The result of a read, or the error's class and message: the array reader must give the same. */
function outcome(read: () => unknown): unknown {
  try {
    return { value: read() };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

// values of every kind the readers meet: codes and dates, valid and not, and rows that are not records
const value = fc.oneof(
  fc.constantFrom("a", "b", "c1", "", " ", "2024-03-31", "2024-03-31T14:05:00Z", "2024-02-30", "soon"),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(null, undefined, 1e16, -1e16, Number.POSITIVE_INFINITY, 3n, true),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
  fc.constant(new Date(Number.NaN)),
);
const rows = fc.array(
  fc.oneof({ weight: 12, arbitrary: value.map((v) => ({ v })) }, { weight: 1, arbitrary: fc.constant(null) }),
  { maxLength: 40 },
);
// mostly valid columns, so that long valid prefixes and full reads are common too
const validCodes = fc.array(
  fc.constantFrom("a", "b", "c", 1, 2, 2.5, 7n).map((v) => ({ v })),
  { maxLength: 60 },
);
const validDates = fc.array(
  fc
    .oneof(
      fc.constantFrom("2024-01-01", "2024-01-01", "2023-12-31T23:59:59Z", "2024-01-02T00:00:00+05:00"),
      fc.integer({ min: -1e13, max: 1e13 }),
      fc.integer({ min: -1e13, max: 1e13 }).map((ms) => new Date(ms)),
    )
    .map((v) => ({ v })),
  { maxLength: 60 },
);
const accessor = (record: { v: unknown }, i: number) => (i % 7 === 6 ? `row ${i}` : record.v);
const context = { functionName: "churnScoresFromBgNbd", optionName: "customer" } as const;

describe("readCodeArrayInto", () => {
  it("gives readCodesInto's codes, labels and errors on arrays (key and accessor fields)", () => {
    fc.assert(
      fc.property(fc.oneof(rows, validCodes), fc.boolean(), (records, byAccessor) => {
        const field = byAccessor ? accessor : "v";
        const general = new Int32Array(records.length);
        const array = new Int32Array(records.length);
        const expected = outcome(() => readCodesInto(records as never, field as never, context, general));
        expect(outcome(() => readCodeArrayInto(records as never, field as never, context, array))).toEqual(
          expected,
        );
        expect(array).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  it("codes a worked example in first-seen order and names the row of a missing value", () => {
    const codes = new Int32Array(5);
    const labels = readCodeArrayInto(
      [{ c: "x" }, { c: 2 }, { c: "x" }, { c: "2" }, { c: 7n }],
      "c",
      context,
      codes,
    );
    expect(labels).toEqual(["x", "2", "7"]);
    expect(Array.from(codes)).toEqual([0, 1, 0, 1, 2]);
    expect(() => readCodeArrayInto([{ c: "x" }, { c: "" }], "c", context, new Int32Array(2))).toThrowError(
      /row 1.*c/s,
    );
  });
});

describe("readTimeArrayInto", () => {
  it("gives readTimesInto's times, day numbers and errors on arrays (missing as error or NaN)", () => {
    fc.assert(
      fc.property(
        fc.oneof(rows, validDates),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (records, byAccessor, days, nan) => {
          const field = byAccessor ? accessor : "v";
          const options = {
            functionName: "churnScoresFromBgNbd",
            optionName: "date",
            missing: nan ? "nan" : "error",
          } as const;
          const make = () => (days ? new Int32Array(records.length) : new Float64Array(records.length));
          const general = make();
          const array = make();
          const expected = outcome(() =>
            readTimesInto(records as never, field as never, options, general, days),
          );
          expect(
            outcome(() => readTimeArrayInto(records as never, field as never, options, array, days)),
          ).toEqual(expected);
          expect(array).toEqual(general);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads a worked example: ISO dates, date-times with offsets, Date objects and epoch ms", () => {
    const out = new Float64Array(4);
    readTimeArrayInto(
      [{ d: "2024-01-02" }, { d: "2024-01-02T01:00:00+02:00" }, { d: new Date(86_400_000) }, { d: 5 }],
      "d",
      { functionName: "demo", optionName: "date" },
      out,
      false,
    );
    // 2024-01-02 is day 19724 (1704153600000 ms); 01:00 at +02:00 is 23:00 UTC the day before
    expect(Array.from(out)).toEqual([1704153600000, 1704153600000 - 3_600_000, 86_400_000, 5]);
    const days = new Int32Array(1);
    readTimeArrayInto(
      [{ d: "2024-01-02T01:00:00+02:00" }],
      "d",
      { functionName: "demo", optionName: "date" },
      days,
      true,
    );
    expect(Array.from(days)).toEqual([19723]);
  });
});

describe("readNumberArrayInto", () => {
  it("gives readNumbersInto's values and errors on arrays, into the caller's memory", () => {
    const numbers = fc.array(
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .oneof(fc.double(), fc.constantFrom("12.50", "-1e3", " 7 ", "0x10", "", null, 5n, 2n ** 60n))
            .map((v) => ({ v })),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(numbers, fc.boolean(), fc.boolean(), (records, byAccessor, nan) => {
        const field = byAccessor ? accessor : "v";
        const options = {
          functionName: "churnScoresFromBgNbd",
          optionName: "amount",
          missing: nan ? "nan" : "error",
        } as const;
        const general = new Float64Array(records.length);
        const array = new Float64Array(records.length);
        const expected = outcome(() => readNumbersInto(records as never, field as never, options, general));
        expect(outcome(() => readNumberArrayInto(records as never, field as never, options, array))).toEqual(
          expected,
        );
        expect(array).toEqual(general);
      }),
      { numRuns: 500 },
    );
    const out = new Float64Array(2);
    readNumberArrayInto(
      [{ a: "12.50" }, { a: -3 }],
      "a",
      { functionName: "demo", optionName: "amount" },
      out,
    );
    expect(Array.from(out)).toEqual([12.5, -3]);
  });
});
