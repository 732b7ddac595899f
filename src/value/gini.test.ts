import fc from "fast-check";
import { describe, expect, it } from "vitest";
import reference from "../../test/fixtures/value/reference.json" with { type: "json" };
import { InsufficientDataError, InvalidRecordError } from "../core/index.js";
import { gini } from "./gini.js";

describe("gini", () => {
  it("matches numpy's mean-absolute-difference Gini and its n/(n-1) correction (test/fixtures/value/make-reference.py)", () => {
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
