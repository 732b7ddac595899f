import { describe, expect, it } from "vitest";
import { reference } from "../../fixtures/segment/reference.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { adjustedRandIndex } from "./adjustedRandIndex.js";

describe("adjustedRandIndex", () => {
  // sklearn.metrics.adjusted_rand_score (scikit-learn 1.2.1), make-reference.py; tolerance 1e-12.
  for (const case_ of reference.adjustedRandIndex) {
    it(`adjustedRandIndex matches sklearn: ${case_.name}`, () => {
      expect(
        Math.abs(adjustedRandIndex(Object.freeze(case_.a), Object.freeze(case_.b)) - case_.value),
      ).toBeLessThanOrEqual(1e-12);
    });
  }

  it("adjustedRandIndex is symmetric and ignores label names", () => {
    const a = ["x", "x", "y", "y", "z", "x"];
    const b = [1, 2, 2, 2, 3, 1];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 14);
    expect(
      adjustedRandIndex(
        a,
        a.map((label) => `${label}!`),
      ),
    ).toBe(1);
  });

  it("adjustedRandIndex refuses mismatched lengths, empty input and missing labels", () => {
    expect(() => adjustedRandIndex([1, 2], [1])).toThrow(InvalidOptionsError);
    expect(() => adjustedRandIndex([], [])).toThrow(InsufficientDataError);
    expect(() => adjustedRandIndex([1, null], [1, 2])).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: adjustedRandIndex: row 1, field "labelsA": received null; every customer needs a label]`,
    );
  });
});
