import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InsufficientDataError } from "./errors.js";
import { median, quantile, quantileSorted, quantiles, sortedFinite } from "./quantile.js";

// Produced by fixtures/core/quantile-reference.R (R 4.2.2, quantile(type = 7)).
const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/core/quantile-reference.json", import.meta.url), "utf8"),
) as { x: number[]; p: number[]; quantiles: number[]; median: number };

describe("quantiles (R type 7)", () => {
  it("match R's quantile(type = 7) to 1e-12", () => {
    const ours = quantiles(reference.x, reference.p);
    for (const [i, value] of ours.entries()) expect(value).toBeCloseTo(reference.quantiles[i]!, 12);
    expect(median(reference.x)).toBe(reference.median);
  });

  it("skip NaN and refuse input with no finite value", () => {
    expect(quantile([Number.NaN, 4, 2], 0.5)).toBe(3);
    expect(() => quantile([], 0.5)).toThrow(InsufficientDataError);
    expect(() => median([Number.NaN, Number.POSITIVE_INFINITY])).toThrowErrorMatchingInlineSnapshot(
      `[InsufficientDataError: median: none of the 2 values is a finite number]`,
    );
    expect(sortedFinite([3, Number.NaN, 1])).toEqual(new Float64Array([1, 3]));
  });

  it("are monotone in the probability and bounded by min and max", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p1, p2) => {
          const sorted = sortedFinite(values);
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          expect(quantileSorted(sorted, lo)).toBeLessThanOrEqual(quantileSorted(sorted, hi) + 1e-9);
          expect(quantileSorted(sorted, lo)).toBeGreaterThanOrEqual(sorted[0]!);
          expect(quantileSorted(sorted, hi)).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
        },
      ),
    );
  });
});
