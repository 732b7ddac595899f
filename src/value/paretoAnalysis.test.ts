import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { paretoAnalysis } from "./paretoAnalysis.js";

describe("paretoAnalysis", () => {
  it("reports the top shares, the 80% core and ABC classes", () => {
    const customers = Object.freeze(
      [
        { id: "a", revenue: 5 },
        { id: "b", revenue: 50 },
        { id: "c", revenue: 10 },
        { id: "d", revenue: 30 },
        { id: "e", revenue: 5 },
      ].map((record) => Object.freeze(record)),
    );
    const result = paretoAnalysis(customers, { value: "revenue", id: "id", topShares: [0.2, 0.4] });
    expect(result.total).toBe(100);
    expect(result.top).toEqual([
      { customerShare: 0.2, customers: 1, valueShare: 0.5 },
      { customerShare: 0.4, customers: 2, valueShare: 0.8 },
    ]);
    expect(result.core).toEqual({
      targetShare: 0.8,
      customers: 2,
      customerShare: 0.4,
      valueShare: 0.8,
      ids: ["b", "d"],
    });
    expect(result.ranking.map((row) => `${row.id}${row.abcClass}`)).toEqual(["bA", "dA", "cB", "aB", "eC"]);
    expect(result.abc.map((c) => c.customers)).toEqual([2, 2, 1]);
    expect(result.abc.reduce((sum, c) => sum + c.valueShare, 0)).toBeCloseTo(1, 14);
  });

  it("finds the 4%-of-customers-bring-80% pattern of a concentrated bank book", () => {
    const values = [...Array.from({ length: 4 }, () => 200), ...Array.from({ length: 96 }, () => 2)];
    const result = paretoAnalysis(values, { coreShare: 0.8 });
    expect(result.core.customers).toBe(4);
    expect(result.core.valueShare).toBeCloseTo(800 / 992, 12);
  });

  it("refuses negatives, empty input, zero totals and bad options", () => {
    expect(() => paretoAnalysis([1, -1])).toThrow(InvalidRecordError);
    expect(() => paretoAnalysis([])).toThrow(InsufficientDataError);
    expect(() => paretoAnalysis([0, 0])).toThrow(InsufficientDataError);
    expect(() => paretoAnalysis([1], { coreShare: 1.2 })).toThrow(InvalidOptionsError);
    expect(() => paretoAnalysis([1], { abcBreaks: [0.9, 0.5] })).toThrow(/B break/);
  });
});

describe("paretoAnalysis with huge values and non-array input (issue 12)", () => {
  it("ranks values whose sum overflows by exact shares", () => {
    const result = paretoAnalysis([1, 1e308, 1e308]);
    expect(result.ranking.map((row) => row.cumulativeShare)).toEqual([0.5, 1, 1]);
    expect(result.core.customers).toBe(2);
    expect(result.core.ids).toEqual(["1", "2"]);
    expect(result.total).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses null and undefined with InvalidOptionsError, and names a null row", () => {
    expect(() => paretoAnalysis(null as unknown as number[])).toThrow(InvalidOptionsError);
    expect(() => paretoAnalysis(undefined as unknown as number[])).toThrow(/values: expected an array/);
    expect(() => paretoAnalysis([{ v: 2 }, null] as { v: number }[], { value: "v" })).toThrow(
      InvalidRecordError,
    );
  });
});

describe("paretoAnalysis ids for plain numbers", () => {
  it("takes an accessor (value, index) => id and refuses a property name", () => {
    const names = ["ann", "bob", "cy", "dee"];
    const result = paretoAnalysis([10, 60, 25, 5], { id: (_value: unknown, i: number) => names[i] } as never);
    expect(result.ranking.map((row) => row.id)).toEqual(["bob", "cy", "ann", "dee"]);
    expect(result.core.ids).toEqual(["bob", "cy"]);
    expect(() => paretoAnalysis(new Float64Array([1, 2]), { id: "name" } as never)).toThrow(
      /id: names a property, but the values are plain numbers/,
    );
  });
});
