import fc from "fast-check";
import { describe, expect, it } from "vitest";
import reference from "../../fixtures/value/reference.json" with { type: "json" };
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { gini } from "./gini.js";

describe("gini", () => {
  it("matches numpy's mean-absolute-difference Gini and its n/(n-1) correction (fixtures/value/make-reference.py)", () => {
    for (const [name, ref] of Object.entries(reference.gini)) {
      expect(Math.abs(gini(ref.values) - ref.gini), name).toBeLessThan(1e-12);
      expect(Math.abs(gini(ref.values, { biasCorrected: true }) - ref.giniCorrected), name).toBeLessThan(
        1e-12,
      );
    }
  });

  it("reads a field of records and leaves the input untouched", () => {
    const records = Object.freeze(
      [{ spend: 1 }, { spend: 2 }, { spend: 3 }, { spend: 4 }, { spend: 10 }].map((record) =>
        Object.freeze(record),
      ),
    );
    expect(gini(records, { value: "spend" })).toBeCloseTo(0.4, 14);
  });

  it("is 0 for equal values and (n-1)/n when one customer holds everything", () => {
    expect(gini([5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 9])).toBeCloseTo(0.75, 14);
    expect(gini([0, 0, 0, 9], { biasCorrected: true })).toBeCloseTo(1, 14);
  });

  it("is invariant to scale and order and stays in [0, 1)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 100_000_000 }).map((cents) => cents / 100),
          { minLength: 1, maxLength: 40 },
        ),
        (values) => {
          if (values.reduce((a, b) => a + b, 0) <= 0) return true;
          const g = gini(values);
          const scaled = gini(values.map((v) => v * 3.5));
          const reversed = gini([...values].reverse());
          return g >= 0 && g < 1 && Math.abs(g - scaled) < 1e-9 && Math.abs(g - reversed) < 1e-9;
        },
      ),
    );
  });

  it("refuses negative values with the row, empty input and an all-zero total", () => {
    expect(() => gini([3, -1, 2])).toThrow(InvalidRecordError);
    expect(() => gini([3, -1, 2])).toThrow(/row 1, field "value": received -1/);
    expect(() => gini([1, Number.NaN])).toThrow(/row 1/);
    expect(() => gini([])).toThrow(InsufficientDataError);
    expect(() => gini([0, 0])).toThrow(/every value is 0/);
    expect(() => gini([4], { biasCorrected: true })).toThrow(/at least 2 values/);
    expect(gini([4])).toBe(0);
  });
});

describe("gini with huge values and non-array input (issue 12)", () => {
  it("computes huge finite values in scaled form instead of calling them all 0", () => {
    // |x_i - x_j| summed over ordered pairs: 4 * 1e308; 2 n^2 mean = 18 * (2e308 / 3) = 12e308
    expect(gini([1e308, 1e308, 1])).toBeCloseTo(1 / 3, 14);
    expect(gini([1.7e308, 1.7e308, 1.7e308])).toBe(0);
    expect(gini([{ v: 1e308 }, { v: 1e308 }, { v: 0 }, { v: 0 }], { value: "v" })).toBeCloseTo(0.5, 14);
  });

  it("refuses null, undefined, a number or a plain object with InvalidOptionsError", () => {
    for (const input of [null, undefined, 42, "12", { length: 2, 0: 1, 1: 2 }]) {
      expect(() => gini(input as unknown as number[]), String(input)).toThrow(InvalidOptionsError);
    }
    expect(() => gini(null as unknown as number[])).toThrow(/values: expected an array/);
  });

  it("names the row of a null element, bare or among records", () => {
    expect(() => gini([1, null as unknown as number])).toThrow(InvalidRecordError);
    expect(() => gini([{ v: 1 }, null] as { v: number }[], { value: "v" })).toThrow(/row 1/);
  });
});
