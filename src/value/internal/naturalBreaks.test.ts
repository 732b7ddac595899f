import fc from "fast-check";
// simple-statistics stays a dev dependency for this comparison: an independent implementation of
// Ckmeans.1d.dp, and the one rfmScores called before it had its own.
import { ckmeans } from "simple-statistics";
import { describe, expect, it } from "vitest";
import reference from "../../../fixtures/value/natural-breaks-reference.json" with { type: "json" };
import { naturalBreaks, optimalGroupStarts } from "./naturalBreaks.js";

const ascending = (values: readonly number[]) => Float64Array.from(values).sort();

/** Group sizes from the first index of each group. */
function sizesOf(starts: Int32Array, n: number): number[] {
  return Array.from(starts, (start, group) => (group + 1 < starts.length ? starts[group + 1]! : n) - start);
}

/** Within-group sum of squares of the groups, each around its own mean (two passes). */
function withinSquaresOf(sorted: Float64Array, starts: Int32Array): number {
  let total = 0;
  sizesOf(starts, sorted.length).forEach((size, group) => {
    const values = sorted.subarray(starts[group]!, starts[group]! + size);
    const mean = values.reduce((sum, value) => sum + value, 0) / size;
    for (const value of values) total += (value - mean) ** 2;
  });
  return total;
}

/** The groups simple-statistics' ckmeans finds, as first indices. */
function ckmeansStarts(sorted: Float64Array, groups: number): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const group of ckmeans(Array.from(sorted), Math.min(groups, sorted.length))) {
    starts.push(at);
    at += group.length;
  }
  return starts;
}

/** rfmScores' natural breaks as they were computed before, from simple-statistics' ckmeans groups. */
function breaksFromCkmeans(sorted: Float64Array, bins: number): number[] {
  const groups = ckmeans(Array.from(sorted), Math.min(bins, sorted.length));
  const means = groups.map((group) => group.reduce((sum, value) => sum + value, 0) / group.length);
  const breaks: number[] = [];
  for (let k = 0; k + 1 < means.length; k++) {
    const midpoint = (means[k]! + means[k + 1]!) / 2;
    const top = sorted.filter((value) => value <= midpoint).at(-1)!;
    if (breaks.length === 0 || top > breaks.at(-1)!) breaks.push(top);
  }
  return breaks;
}

describe("optimalGroupStarts", () => {
  it("splits at the gaps of a hand-worked case", () => {
    // 1 2 3 | 10 11 12 | 30: within sums of squares 2 + 2 + 0 = 4. Other cuts, such as 1 2 3 | 10 11 | 12 30
    // (2 + 0.5 + 162) and 1 2 | 3 10 11 12 | 30 (0.5 + 50 + 0), cost far more.
    const sorted = ascending([12, 1, 30, 3, 10, 2, 11]);
    const starts = optimalGroupStarts(sorted, 3);
    expect(Array.from(starts)).toEqual([0, 3, 6]);
    expect(withinSquaresOf(sorted, starts)).toBe(4);
  });

  it("keeps the single-value last group when two partitions tie (as Ckmeans.1d.dp does)", () => {
    // 0 1 | 2 and 0 | 1 2 both cost 1/2; the last value alone is tried first and kept, as nothing is cheaper.
    expect(Array.from(optimalGroupStarts(ascending([0, 1, 2]), 2))).toEqual([0, 2]);
    // so the break lies at 1 (midpoint of the means 0.5 and 2 is 1.25), not at 0.
    expect(naturalBreaks(ascending([0, 1, 2]), 2)).toEqual([1]);
  });

  it("gives one group for one value or equal values, and at most one group per value", () => {
    expect(Array.from(optimalGroupStarts(ascending([4]), 5))).toEqual([0]);
    expect(Array.from(optimalGroupStarts(ascending([-2, -2, -2]), 3))).toEqual([0]);
    expect(Array.from(optimalGroupStarts(ascending([-7, 5]), 5))).toEqual([0, 1]);
    expect(Array.from(optimalGroupStarts(ascending([1, 1, 1, 2]), 3))).toHaveLength(3);
  });

  it("leaves its input as it was", () => {
    const sorted = ascending([5, 1, 1, 9, 3]);
    const copy = Float64Array.from(sorted);
    optimalGroupStarts(sorted, 3);
    naturalBreaks(sorted, 3);
    expect(sorted).toEqual(copy);
  });

  it("matches Ckmeans.1d.dp 4.3.5 in R (fixtures/value/natural-breaks-reference.R)", () => {
    expect(reference.ties.length).toBeGreaterThan(40);
    for (const { name, k, x, size, centers, withinss } of [...reference.general, ...reference.ties]) {
      const sorted = Float64Array.from(x);
      const starts = optimalGroupStarts(sorted, k);
      expect(sizesOf(starts, x.length), name).toEqual(size);
      sizesOf(starts, x.length).forEach((groupSize, group) => {
        const values = sorted.subarray(starts[group]!, starts[group]! + groupSize);
        const mean = values.reduce((sum, value) => sum + value, 0) / groupSize;
        expect(mean, name).toBeCloseTo(centers[group]!, 10);
      });
      expect(withinSquaresOf(sorted, starts), name).toBeCloseTo(withinss, 8);
    }
  });
});

describe("optimalGroupStarts against simple-statistics' ckmeans", () => {
  const groupCounts = fc.integer({ min: 1, max: 9 });
  const same = (values: readonly number[], groups: number) => {
    const sorted = ascending(values);
    expect(Array.from(optimalGroupStarts(sorted, groups))).toEqual(ckmeansStarts(sorted, groups));
    expect(naturalBreaks(sorted, groups)).toEqual(breaksFromCkmeans(sorted, groups));
  };

  it("finds the same groups and breaks on heavily tied small integers", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((top) => fc.array(fc.integer({ min: 0, max: top }), { minLength: 1, maxLength: 80 })),
        groupCounts,
        same,
      ),
      { numRuns: 3000, seed: 19 },
    );
  });

  it("finds the same groups and breaks on negative and mixed integers and on cents", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 1, maxLength: 120 }),
        groupCounts,
        same,
      ),
      { numRuns: 1500, seed: 23 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -10_000, max: 1_000_000 }).map((cents) => cents / 100),
          { minLength: 1, maxLength: 120 },
        ),
        groupCounts,
        same,
      ),
      { numRuns: 1500, seed: 29 },
    );
  });

  it("finds the same groups and breaks on doubles of any scale, far from 0 too", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.constantFrom(0, 1e12, -3e15),
        groupCounts,
        (values, offset, groups) =>
          same(
            values.map((value) => value / 1e3 + offset),
            groups,
          ),
      ),
      { numRuns: 1500, seed: 31 },
    );
  });

  it("finds the same groups on longer runs of ties (up to 3000 values)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 200, maxLength: 3000 }),
        groupCounts,
        same,
      ),
      { numRuns: 60, seed: 37 },
    );
  });
});
