import { describe, expect, it } from "vitest";
import reference from "../../fixtures/value/reference.json" with { type: "json" };
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { lorenzCurve } from "./lorenzCurve.js";

describe("lorenzCurve", () => {
  it("matches numpy's cumulative shares (fixtures/value/make-reference.py)", () => {
    for (const [name, ref] of Object.entries(reference.gini)) {
      const curve = lorenzCurve(ref.values);
      expect(curve.valueShare.length, name).toBe(ref.values.length + 1);
      for (const [i, share] of ref.lorenz.entries()) {
        expect(Math.abs((curve.valueShare[i] as number) - share), `${name}[${i}]`).toBeLessThan(1e-12);
      }
      expect(Math.abs(curve.gini - ref.gini)).toBeLessThan(1e-12);
    }
  });

  it("runs from (0, 0) to (1, 1) below the diagonal, zeros included", () => {
    const curve = lorenzCurve([0, 0, 3, 1]);
    expect(Array.from(curve.customerShare)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(Array.from(curve.valueShare)).toEqual([0, 0, 0, 0.25, 1]);
    for (const [i, share] of curve.valueShare.entries()) {
      expect(share).toBeLessThanOrEqual((curve.customerShare[i] as number) + 1e-15);
    }
  });

  it("refuses negative values", () => {
    expect(() => lorenzCurve([1, -2])).toThrow(InvalidRecordError);
  });
});

describe("lorenzCurve with huge values (issue 12)", () => {
  it("gives exact shares and Gini for values whose sum overflows, and reports the total as Infinity", () => {
    const curve = lorenzCurve([1e308, 1e308, 1]);
    // shares 0, 1 / (2e308 + 1) (a subnormal, about 5e-309), 0.5, 1
    expect([curve.valueShare[0], curve.valueShare[2], curve.valueShare[3]]).toEqual([0, 0.5, 1]);
    expect(curve.valueShare[1]).toBeGreaterThan(4e-309);
    expect(curve.valueShare[1]).toBeLessThan(6e-309);
    expect(curve.gini).toBeCloseTo(1 / 3, 14);
    expect(curve.total).toBe(Number.POSITIVE_INFINITY);
  });

  it("refuses null with InvalidOptionsError", () => {
    expect(() => lorenzCurve(null as unknown as number[])).toThrow(InvalidOptionsError);
  });
});
