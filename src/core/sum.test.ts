import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CompensatedSum, compensatedSum, summarize } from "./sum.js";

const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/core/quantile-reference.json", import.meta.url), "utf8"),
) as { x: number[]; sd: number; var: number };

describe("compensatedSum", () => {
  it("is exact where a plain sum loses digits", () => {
    expect(compensatedSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(compensatedSum([1e100, 1, -1e100])).toBe(1);
    const cents = Array.from({ length: 1_000_000 }, () => 0.01);
    expect(compensatedSum(cents)).toBe(10_000);
  });

  it("agrees with the running accumulator", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true })), (values) => {
        const running = new CompensatedSum();
        for (const value of values) running.add(value);
        expect(running.value).toBe(compensatedSum(values));
      }),
    );
  });
});

describe("summarize", () => {
  it("matches R's mean, var and sd", () => {
    const summary = summarize(reference.x);
    expect(summary.variance).toBeCloseTo(reference.var, 10);
    expect(summary.standardDeviation).toBeCloseTo(reference.sd, 12);
    expect(summary.count).toBe(reference.x.length);
  });

  it("skips and counts NaN, and stays stable with a large offset", () => {
    const summary = summarize([1e9 + 4, 1e9 + 7, Number.NaN, 1e9 + 13, 1e9 + 16]);
    expect(summary.skipped).toBe(1);
    expect(summary.mean).toBe(1e9 + 10);
    expect(summary.variance).toBe(30);
  });

  it("reports NaN variance for fewer than two values instead of dividing by zero", () => {
    const summary = summarize([5]);
    expect(summary.mean).toBe(5);
    expect(Number.isNaN(summary.variance)).toBe(true);
  });
});
