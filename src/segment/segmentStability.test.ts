import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { kMeans } from "./kMeans.js";
import { segmentStability } from "./segmentStability.js";

interface Customer {
  readonly id: number;
  readonly group: number;
  readonly spend: number;
}
const customers: readonly Customer[] = Object.freeze(
  Array.from({ length: 30 }, (_, id) =>
    Object.freeze({ id, group: id % 3, spend: (id % 3) * 100 + (id % 5) }),
  ),
);

describe("segmentStability", () => {
  it("well-separated segments are recovered in every resample (Jaccard 1, ARI 1)", () => {
    const result = segmentStability(
      customers,
      (sample) => kMeans(sample, { k: 3, fields: ["spend"], seed: 1 }),
      {
        resamples: 15,
        seed: 4,
      },
    );
    expect(result.k).toBe(3);
    for (const row of result.segments) {
      expect(row.meanJaccard).toBe(1);
      expect(row.recoveredCount).toBe(15);
      expect(row.dissolvedCount).toBe(0);
    }
    expect(result.meanAdjustedRandIndex).toBe(1);
    expect(result.meanAdjustedRandIndexToFull).toBe(1);
  });

  it("a segment merged with another in every resample gets Jaccard |A| / (|A| + |B|) on the distinct rows drawn", () => {
    const samples: Customer[][] = [];
    const result = segmentStability(
      customers,
      (sample, resample) => {
        if (resample >= 0) samples.push([...sample]);
        // full data: three groups; resamples: groups 0 and 1 merged
        return sample.map((c) => (resample < 0 ? c.group : c.group === 2 ? 1 : 0));
      },
      { resamples: 8, seed: 11 },
    );
    expect(samples).toHaveLength(8);
    let expected0 = 0;
    let expected1 = 0;
    for (const sample of samples) {
      const distinct = new Map(sample.map((c) => [c.id, c]));
      const a = [...distinct.values()].filter((c) => c.group === 0).length;
      const b = [...distinct.values()].filter((c) => c.group === 1).length;
      expected0 += a / (a + b);
      expected1 += b / (a + b);
    }
    expect(result.segments[0]?.meanJaccard).toBeCloseTo(expected0 / 8, 12);
    expect(result.segments[1]?.meanJaccard).toBeCloseTo(expected1 / 8, 12);
    expect(result.segments[2]?.meanJaccard).toBe(1);
    expect(result.segments[0]?.recoveredCount).toBe(0);
    expect(result.meanAdjustedRandIndex).toBe(1);
    expect(result.meanAdjustedRandIndexToFull).toBeLessThan(1);
  });

  it("random labels are unstable", () => {
    let call = 0;
    const result = segmentStability(customers, (sample) => sample.map((_, i) => (i * 7 + call++) % 3), {
      resamples: 10,
      seed: 2,
    });
    for (const row of result.segments) expect(row.meanJaccard as number).toBeLessThan(0.6);
    expect(Math.abs(result.meanAdjustedRandIndex as number)).toBeLessThan(0.2);
  });

  it("refuses bad fits, options and tiny input", () => {
    expect(() => segmentStability(customers, () => [0, 1])).toThrow(InvalidOptionsError);
    expect(() => segmentStability(customers, (s) => s.map(() => 0.5))).toThrow(InvalidOptionsError);
    expect(() => segmentStability([customers[0]], (s) => s.map(() => 0))).toThrow(InsufficientDataError);
    expect(() => segmentStability(customers, (s) => s.map(() => 0), { resample: 5 } as never)).toThrow(
      /did you mean "resamples"/,
    );
  });
});
