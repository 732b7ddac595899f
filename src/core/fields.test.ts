import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "./errors.js";
import { readCodes, readDates, readNumberArray, readNumbers, resolveField } from "./fields.js";

const context = { functionName: "rfmTable", optionName: "amount" } as const;

describe("fields", () => {
  it("read the same values by key and by accessor", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true })), (values) => {
        const records = Object.freeze(values.map((amount) => Object.freeze({ amount })));
        const byKey = readNumbers(records, "amount", context);
        const byAccessor = readNumbers(records, (record) => record.amount, context);
        expect(byAccessor).toEqual(byKey);
        expect(Array.from(byKey)).toEqual(values.map((v) => (Object.is(v, -0) ? -0 : v)));
      }),
    );
  });

  it("pass the record index to accessors", () => {
    const indices = readNumbers([{}, {}, {}], (_record, index) => index * 10, context);
    expect(Array.from(indices)).toEqual([0, 10, 20]);
  });

  it("parse numeric strings and keep missing values as NaN only when asked", () => {
    expect(Array.from(readNumbers([{ amount: " 12.5 " }], "amount", context))).toEqual([12.5]);
    const withMissing = readNumbers([{ amount: null }, { amount: 3 }], "amount", {
      ...context,
      missing: "nan",
    });
    expect(Number.isNaN(withMissing[0])).toBe(true);
  });

  it("label accessor fields by their option name", () => {
    expect(resolveField(() => 1, "amount").label).toBe("amount (accessor)");
    expect(resolveField<{ total: number }>("total", "amount").label).toBe("total");
  });

  it("recode identifiers to dense codes in first-seen order", () => {
    const coded = readCodes([{ c: "b" }, { c: 7 }, { c: "b" }, { c: "7" }], "c", context);
    expect(Array.from(coded.codes)).toEqual([0, 1, 0, 1]);
    expect(coded.labels).toEqual(["b", "7"]);
  });

  it("read dates from Date, ISO strings and epoch ms", () => {
    const times = readDates(
      [{ d: "2024-01-02" }, { d: new Date(Date.UTC(2024, 0, 3)) }, { d: Date.UTC(2024, 0, 4) }],
      "d",
      { functionName: "rfmTable", optionName: "date" },
    );
    expect(Array.from(times)).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4)]);
  });
});

describe("bad records", () => {
  it("name the row, the field and the value of a bad number", () => {
    const read = () => readNumbers([{ amount: 1 }, { amount: "12,50" }], "amount", context);
    expect(read).toThrow(InvalidRecordError);
    expect(read).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: rfmTable: row 1, field "amount": received "12,50" (string); expected a finite number or a decimal numeric string such as "12.50" or "-1e3"]`,
    );
  });

  it("refuse a missing number with a hint", () => {
    expect(() => readNumbers([{ amount: undefined }], "amount", context)).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: rfmTable: row 0, field "amount": received undefined; expected a number; fill or drop rows with missing values before calling]`,
    );
  });

  it("refuse an unreadable date naming the row", () => {
    const read = () =>
      readDates([{ date: "2024-01-01" }, { date: "31/01/2024" }], "date", {
        functionName: "rfmTable",
        optionName: "date",
      });
    expect(read).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: rfmTable: row 1, field "date": received "31/01/2024" (string); expected a Date, an ISO 8601 string such as "2024-03-31" or "2024-03-31T14:05:00Z", or epoch milliseconds]`,
    );
    try {
      read();
    } catch (error) {
      expect(error).toMatchObject({ row: 1, field: "date", value: "31/01/2024", functionName: "rfmTable" });
    }
  });

  it("refuse an empty identifier and a non-array input", () => {
    expect(() => readCodes([{ id: "" }], "id", { functionName: "rfmTable", optionName: "customer" })).toThrow(
      /row 0, field "id"/,
    );
    expect(() => readNumbers("nope" as never, "amount", context)).toThrow(InvalidOptionsError);
  });
});

describe("readDates beyond its parse cache", () => {
  it("reads 250,000 unique time stamps and then repeated dates the same as Date.parse", () => {
    const base = Date.UTC(2024, 0, 1);
    const stamps = Array.from({ length: 250_000 }, (_, i) => ({
      at: new Date(base + i * 61_001).toISOString(),
    }));
    const repeated = Array.from({ length: 1000 }, (_, i) => ({
      at: `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`,
    }));
    const records = [...stamps, ...repeated];
    const times = readDates(records, "at", { functionName: "test", optionName: "at" });
    for (let i = 0; i < records.length; i += 997) {
      expect(times[i]).toBe(Date.parse((records[i] as { at: string }).at));
    }
    expect(times[records.length - 1]).toBe(Date.parse(records.at(-1)?.at as string));
  });
});

describe("readNumberArray", () => {
  it("reads an array of records as readNumbers does: the same values and the same errors", () => {
    const records = Object.freeze([{ amount: 5 }, { amount: "7.5" }, { amount: 3n }, { amount: "-1e3" }]);
    // 5, the decimal string 7.5, the bigint 3 and -1e3 = -1000, worked by hand
    expect(Array.from(readNumberArray(records, "amount", context))).toEqual([5, 7.5, 3, -1000]);
    expect(readNumberArray(records, (r) => r.amount, context)).toEqual(
      readNumbers(records, "amount", context),
    );
    for (const bad of [[{ amount: "12 EUR" }], [{ amount: null }], [{ amount: 1 }, null]]) {
      const message = (read: () => unknown) => {
        try {
          read();
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRecordError);
          return (error as Error).message;
        }
        throw new Error("expected an error");
      };
      expect(message(() => readNumberArray(bad as { amount: unknown }[], "amount", context))).toBe(
        message(() => readNumbers(bad as { amount: unknown }[], "amount", context)),
      );
    }
    expect(Array.from(readNumberArray([{ amount: null }], "amount", { ...context, missing: "nan" }))).toEqual(
      [Number.NaN],
    );
  });

  it("refuses anything but an array, columns included", () => {
    expect(() => readNumberArray({ amount: [1] } as never, "amount", context)).toThrowError(
      /records: expected an array of records/,
    );
    expect(() => readNumberArray(null as never, "amount", context)).toThrowError(InvalidOptionsError);
  });

  it("bundles without the columnar and Arrow readers", async () => {
    const { build } = await import("esbuild");
    const bundle = async (name: string) =>
      (
        await build({
          stdin: { contents: `export { ${name} } from "./fields.ts";`, resolveDir: __dirname, loader: "ts" },
          bundle: true,
          minify: true,
          format: "esm",
          write: false,
          logLevel: "silent",
        })
      ).outputFiles[0]?.text ?? "";
    const arrayOnly = await bundle("readNumberArray");
    const full = await bundle("readNumbers");
    // a message of columnar.ts: in readNumbers' bundle, not in readNumberArray's
    expect(full).toContain("columns must have one length");
    expect(arrayOnly).not.toContain("columns must have one length");
    expect(arrayOnly).not.toContain("Arrow table");
    expect(arrayOnly.length).toBeLessThan(full.length - 2000);
  });
});
