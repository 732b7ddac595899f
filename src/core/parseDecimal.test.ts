import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidRecordError } from "./errors.js";
import { readNumbers } from "./fields.js";
import { parseDecimal } from "./parseDecimal.js";

describe("parseDecimal", () => {
  it("reads decimal notation with sign, fraction, exponent and surrounding blanks", () => {
    const cases: [string, number][] = [
      ["12.5", 12.5],
      [" 12.5 ", 12.5],
      ["-3", -3],
      ["+4", 4],
      ["1e3", 1000],
      ["-2.5E-2", -0.025],
      [".5", 0.5],
      ["7.", 7],
      ["\t0042\n", 42],
    ];
    for (const [text, value] of cases) expect(parseDecimal(text)).toBe(value);
  });

  it("refuses hexadecimal, binary, octal, infinities, blanks and separators", () => {
    for (const text of [
      "0x10",
      "0b11",
      "0o7",
      "0X1F",
      "Infinity",
      "-Infinity",
      "1e400",
      "",
      "   ",
      "12,50",
      "1_000",
      "1 000",
      "--1",
      "e3",
      ".",
      "1e",
      "NaN",
      "12abc",
    ]) {
      expect(parseDecimal(text), text).toBeNaN();
    }
  });

  it("agrees with Number() on every finite number's own decimal rendering", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // String(-0) is "0": compare with what the rendering says, which is x itself for every other value
        expect(parseDecimal(String(x))).toBe(Object.is(x, -0) ? 0 : x);
        expect(parseDecimal(x.toFixed(3))).toBe(Number(x.toFixed(3)));
      }),
    );
  });

  it("makes readNumbers refuse '0x10' and '0b11' instead of reading 16 and 3", () => {
    const context = { functionName: "rfmTable", optionName: "amount" };
    expect(() => readNumbers([{ amount: "0x10" }], "amount", context)).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: rfmTable: row 0, field "amount": received "0x10" (string); expected a finite number or a decimal numeric string such as "12.50" or "-1e3"]`,
    );
    expect(() => readNumbers([{ amount: 1 }, { amount: "0b11" }], "amount", context)).toThrow(
      InvalidRecordError,
    );
    expect(() => readNumbers([{ amount: " " }], "amount", context)).toThrow(InvalidRecordError);
    expect(Array.from(readNumbers([{ amount: "1e3" }, { amount: " -12.5 " }], "amount", context))).toEqual([
      1000, -12.5,
    ]);
  });
});
