import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "./errors.js";
import { readCodes, readDates, readNumbers } from "./fields.js";
import { assertRecordArray } from "./records.js";

const context = { functionName: "rfmTable", optionName: "amount" } as const;

describe("assertRecordArray", () => {
  it("accepts arrays of objects, including an empty array and array rows", () => {
    expect(() => assertRecordArray([], "f")).not.toThrow();
    expect(() => assertRecordArray([{ a: 1 }, [1, 2], new Date(0)], "f")).not.toThrow();
  });

  it("names the first element that is not an object", () => {
    expect(() => assertRecordArray([{ a: 1 }, null], "rfmTable")).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: rfmTable: row 1, field "(record)": received null; expected a record object; drop null, undefined and primitive elements before calling]`,
    );
    for (const bad of [undefined, 42, "x", true, 1n]) {
      try {
        assertRecordArray([{}, {}, bad, null], "f");
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect(error).toMatchObject({ row: 2, field: "(record)", value: bad, functionName: "f" });
      }
    }
  });

  it("refuses a non-array with the argument's name", () => {
    expect(() => assertRecordArray(null, "rfmTable", "orderLines")).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: rfmTable: invalid options
        - orderLines: expected an array of records]
    `);
    expect(() => assertRecordArray({ length: 1, 0: {} }, "f")).toThrow(InvalidOptionsError);
  });
});

describe("column readers refuse elements that are not records", () => {
  const readers = {
    readNumbers: (records: readonly unknown[]) =>
      readNumbers(records as { amount: number }[], "amount", context),
    readDates: (records: readonly unknown[]) => readDates(records as { amount: string }[], "amount", context),
    readCodes: (records: readonly unknown[]) => readCodes(records as { amount: string }[], "amount", context),
    "readNumbers (accessor)": (records: readonly unknown[]) =>
      readNumbers(records as { amount: number }[], (record) => record.amount, context),
  };
  const good = { amount: "2024-01-01" };
  const goodNumber = { amount: 5 };

  for (const [name, read] of Object.entries(readers)) {
    it(`${name} throws InvalidRecordError naming the row of null, undefined, a number, a string`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 20 }),
          fc.integer({ min: 0, max: 20 }),
          fc.constantFrom(null, undefined, 0, 7, "row", false),
          (before, after, bad) => {
            const row = name === "readDates" || name === "readCodes" ? good : goodNumber;
            const records = [...Array(before).fill(row), bad, ...Array(after).fill(row)];
            try {
              read(records);
              expect.unreachable();
            } catch (error) {
              expect(error).toBeInstanceOf(InvalidRecordError);
              expect(error).toMatchObject({ row: before, field: "(record)", value: bad });
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
