import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/index.js";
import { meanAndDeviation, RecentValues, standardizeInPlace } from "./design.js";

/** Exact mean and population variance of integer values, by BigInt sums. */
function exactMoments(values: readonly number[]): { mean: number; variance: number } {
  const n = BigInt(values.length);
  let sum = 0n;
  let squares = 0n;
  for (const value of values) {
    sum += BigInt(value);
    squares += BigInt(value) * BigInt(value);
  }
  // variance = (n Σx² − (Σx)²) / n², rounded once.
  return {
    mean: Number(sum) / Number(n),
    variance: Number(n * squares - sum * sum) / Number(n * n),
  };
}

describe("meanAndDeviation", () => {
  it("gives the exact moments on the fast path, with missing values and with huge values", () => {
    const random = createRandom(4);
    // 10 001 integers around 1e9 (an odd length: the unrolled passes' tails are used).
    const integers = Array.from({ length: 10_001 }, () => 1e9 + random.integer(1_000_000));
    const exact = exactMoments(integers);
    const fast = meanAndDeviation(Float64Array.from(integers));
    expect(fast.count).toBe(10_001);
    expect(Math.abs(fast.mean - exact.mean)).toBeLessThanOrEqual(1e-15 * exact.mean);
    expect(Math.abs(fast.sd ** 2 - exact.variance)).toBeLessThanOrEqual(1e-12 * exact.variance);
    expect(fast.min).toBe(Math.min(...integers));
    expect(fast.max).toBe(Math.max(...integers));
    // A missing value (NaN) takes the checked passes: the same moments of the other values.
    const withMissing = meanAndDeviation(Float64Array.from([Number.NaN, ...integers, Number.NaN]));
    expect(withMissing.count).toBe(10_001);
    expect(Math.abs(withMissing.mean - exact.mean)).toBeLessThanOrEqual(1e-15 * exact.mean);
    expect(Math.abs(withMissing.sd ** 2 - exact.variance)).toBeLessThanOrEqual(1e-12 * exact.variance);
    // Huge values (scaled by a power of two: exact) give the same moments scaled.
    const huge = meanAndDeviation(Float64Array.from(integers, (value) => value * 2 ** 900));
    expect(huge.mean / 2 ** 900).toBe(withMissing.mean);
    expect(huge.sd / 2 ** 900).toBe(withMissing.sd);
    expect(meanAndDeviation(new Float64Array(0)).count).toBe(0);
  });

  it("standardises in place, missing values to 0 (the mean)", () => {
    const column = Float64Array.of(1, Number.NaN, 3, 5);
    standardizeInPlace(column, 3, 2);
    expect(Array.from(column)).toEqual([-1, 0, 0, 1]);
    // A difference that overflows (values near ±1e308 of opposite signs) is computed on halves.
    const extreme = Float64Array.of(1.5e308, -1.5e308);
    standardizeInPlace(extreme, -1.5e308, 1e308);
    expect(Array.from(extreme)).toEqual([3, 0]);
  });
});

describe("RecentValues", () => {
  it("computes a value's number once while it is among the 16 most recently computed", () => {
    const computed: unknown[] = [];
    const cache = new RecentValues((value, row) => {
      computed.push(value);
      return typeof value === "number" ? value * 10 + row / 1000 : -1;
    });
    // The row given is the first row the value was computed for.
    expect(cache.numberOf(1, 5)).toBe(10.005);
    expect(cache.numberOf(1, 6)).toBe(10.005);
    expect(cache.numberOf("1", 7)).toBe(-1); // compared with ===: "1" is not 1
    for (let value = 2; value <= 15; value++) cache.numberOf(value, 0);
    expect(computed).toHaveLength(16); // 16 values cached
    cache.numberOf(17, 0); // the 17th value replaces the oldest, 1
    expect(cache.numberOf(1, 9)).toBe(10.009); // computed again
    expect(cache.numberOf(17, 9)).toBe(170); // still cached (row 0's number)
    expect(computed).toEqual([1, "1", ...Array.from({ length: 14 }, (_, k) => k + 2), 17, 1]);
  });
});
