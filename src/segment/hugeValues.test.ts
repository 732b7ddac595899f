import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optionsError } from "../../test/unknownOptions.js";
import { InvalidRecordError } from "../core/index.js";
import { applyFeatures } from "./applyFeatures.js";
import { assignSegments } from "./assignSegments.js";
import { chooseK } from "./chooseK.js";
import { featureMatrix } from "./featureMatrix.js";
import { kMeans } from "./kMeans.js";
import { kMeansSteps } from "./kMeansSteps.js";
import { segmentProfiles } from "./segmentProfiles.js";

// Issue 12: huge finite values used to overflow the variance (standard deviation Infinity, every
// standardized value 0) and the squared distances (Infinity inertia). Standardize and minmax are
// invariant to rescaling a feature, so the reference for values around 1e200 is the same data in
// ordinary units; k-means on raw coordinates whose squares overflow is a typed error instead.
const base = [
  [1, 5],
  [2, 6],
  [3, 5],
  [10, 1],
  [11, 2],
  [12, 1],
] as const;
const ordinary: readonly { readonly a: number; readonly b: number }[] = Object.freeze(
  base.map(([a, b]) => Object.freeze({ a, b })),
);
const big = Object.freeze(base.map(([a, b]) => Object.freeze({ a: a * 1e200, b: b * 1e200 })));
const fields = ["a", "b"] as const;

function caught(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-12) {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance * Math.max(Math.abs(expected), Number.MIN_VALUE),
  );
}

describe("featureMatrix with huge values", () => {
  it("standardizes features around 1e200 as the same features in ordinary units", () => {
    const reference = featureMatrix(ordinary, { fields: [...fields] });
    const scaled = featureMatrix(big, { fields: [...fields] });
    reference.matrix.forEach((value, i) => {
      expect(Math.abs((scaled.matrix[i] as number) - value)).toBeLessThanOrEqual(1e-12);
    });
    const [step] = scaled.transform.features[0]?.steps ?? [];
    const [referenceStep] = reference.transform.features[0]?.steps ?? [];
    if (step?.kind !== "standardize" || referenceStep?.kind !== "standardize")
      throw new Error("expected standardize");
    // a = 1, 2, 3, 10, 11, 12: mean 6.5, squared deviations 30.25 + 20.25 + 12.25 (x2) = 125.5,
    // sample variance 125.5 / 5 = 25.1
    expectRelativelyClose(step.mean, 6.5e200);
    expectRelativelyClose(step.standardDeviation, Math.sqrt(25.1) * 1e200);
    expect(step.constant).toBe(false);
    expect(scaled.constantFeatures).toEqual([]);
  });

  it("property: standardize and minmax are unchanged by a scale factor up to 1e300", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 100, max: 300 }),
        (values, exponent) => {
          if (new Set(values).size < 2) return;
          const factor = 10 ** exponent;
          for (const transforms of ["standardize", "minmax"] as const) {
            const reference = featureMatrix(
              values.map((x) => ({ x })),
              { fields: ["x"], transforms },
            );
            const scaled = featureMatrix(
              values.map((x) => ({ x: x * factor })),
              { fields: ["x"], transforms },
            );
            reference.matrix.forEach((value, i) => {
              expect(Math.abs((scaled.matrix[i] as number) - value)).toBeLessThanOrEqual(1e-9);
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("handles values spanning ±1.7e308 (x - mean and max - min overflow)", () => {
    const rows = [{ a: 1.7e308 }, { a: -1.7e308 }, { a: 0 }];
    // mean 0; sample variance (2 * 1.7e308²) / 2, so sd = 1.7e308 and z = 1, -1, 0
    const standardized = featureMatrix(rows, { fields: ["a"] });
    expect(Array.from(standardized.matrix)).toEqual([1, -1, 0]);
    const scaled = featureMatrix(rows, { fields: ["a"], transforms: "minmax" });
    expect(Array.from(scaled.matrix)).toEqual([1, 0, 0.5]);
    const lopsided = [{ a: 1.7e308 }, { a: 1.7e308 }, { a: 1.7e308 }, { a: -1.7e308 }];
    // mean 0.85e308; deviations 0.85e308 (x3) and -2.55e308; sample variance (3 * 0.7225 + 6.5025) / 3
    // = 2.89 (x 1e616), so sd = 1.7e308 and z = 0.5 (x3), -1.5
    const z = featureMatrix(lopsided, { fields: ["a"] }).matrix;
    expect(z[3]).toBeCloseTo(-1.5, 12);
    expect(z[0]).toBeCloseTo(0.5, 12);
  });

  it("a standard deviation beyond the floating-point range is an InvalidRecordError naming the largest value", () => {
    const rows = [{ a: 1.7e308 }, { a: -1.7e308 }];
    const error = caught(() => featureMatrix(rows, { fields: ["a"] }));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).row).toBe(0);
    expect((error as InvalidRecordError).message).toMatch(/too large to standardize/);
  });

  it("applyFeatures refuses a value the fitted transform maps beyond the floating-point range", () => {
    const fitted = featureMatrix([{ a: 0 }, { a: 1e-200 }], { fields: ["a"], transforms: "minmax" });
    const error = caught(() => applyFeatures(fitted.transform, [{ a: 0.5e-200 }, { a: 1e200 }]));
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).row).toBe(1);
    expect((error as InvalidRecordError).value).toBe(1e200);
  });
  it("applyFeatures maps a value whose distance to the fitted minimum overflows (minmax, as standardize)", () => {
    // Fitted min -1e308, max 1e307 (range 1.1e308, finite). For 1.7e308, x - min = 2.7e308 overflows;
    // halving both gives (0.85e308 + 0.5e308) / 0.55e308 = 2.7 / 1.1 = 2.4545... (worked by hand).
    const fitted = featureMatrix([{ a: -1e308 }, { a: 1e307 }], { fields: ["a"], transforms: "minmax" });
    const applied = applyFeatures(fitted.transform, [{ a: 1.7e308 }, { a: -1e308 }, { a: 1e307 }]);
    expect(applied.matrix[0]).toBeCloseTo(2.7 / 1.1, 12);
    expect(Array.from(applied.matrix.subarray(1))).toEqual([0, 1]);
  });
});

describe("k-means with huge values", () => {
  it("kMeans on features around 1e200 (standardized) finds the clusters of the same data in ordinary units", () => {
    const reference = kMeans(ordinary, { k: 2, fields: [...fields], seed: 3 });
    const model = kMeans(big, { k: 2, fields: [...fields], seed: 3 });
    expect(Array.from(model.assignments)).toEqual(Array.from(reference.assignments));
    expectRelativelyClose(model.inertia, reference.inertia, 1e-9);
    expect(Number.isFinite(model.inertia)).toBe(true);
    model.centroids.forEach((centre, c) => {
      centre.forEach((value, j) => {
        expectRelativelyClose(value, (reference.centroids[c]?.[j] as number) * 1e200, 1e-9);
      });
    });
    const choice = chooseK(big, { fields: [...fields], kRange: [2, 3], seed: 3, restarts: 2 });
    for (const row of choice.table) {
      for (const value of [row.inertia, row.silhouette, row.calinskiHarabasz, row.daviesBouldin]) {
        expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it("raw coordinates whose squared distances overflow are an InvalidRecordError, not Infinity inertia", () => {
    for (const call of [
      () => kMeans(big, { k: 2, fields: [...fields], transforms: "none" }),
      () => kMeansSteps(big, { k: 2, fields: [...fields], transforms: "none" }).next(),
      () => chooseK(big, { fields: [...fields], transforms: "none", kRange: [2, 3] }),
      () => kMeans(big, { k: 2, matrix: featureMatrix(big, { fields: [...fields], transforms: "none" }) }),
    ]) {
      const error = caught(call);
      expect(error).toBeInstanceOf(InvalidRecordError);
      // the largest coordinate: a = 12e200 in row 5
      expect((error as InvalidRecordError).row).toBe(5);
      expect((error as InvalidRecordError).field).toBe("a");
      expect((error as InvalidRecordError).message).toMatch(/too large for k-means/);
    }
    // 1e150 still fits for 6 customers x 2 features: sqrt(1.8e308 / 48) = 1.9e153
    const fits = base.map(([a, b]) => ({ a: a * 1e150, b: b * 1e150 }));
    expect(Number.isFinite(kMeans(fits, { k: 2, fields: [...fields], transforms: "none" }).inertia)).toBe(
      true,
    );
  });

  it("initial centres too large for squared distances are an InvalidOptionsError", () => {
    const error = optionsError(() =>
      kMeans(ordinary, {
        k: 2,
        fields: [...fields],
        init: [
          [1e300, 0],
          [0, 0],
        ],
      }),
    );
    expect(error.issues[0]?.path).toBe("init");
  });

  it("assignSegments refuses a customer too far from every segment instead of picking segment 0", () => {
    const model = kMeans(ordinary, { k: 2, fields: [...fields], seed: 1 });
    const error = caught(() =>
      assignSegments(model, [
        { a: 2, b: 5 },
        { a: 1e300, b: 1 },
      ]),
    );
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).row).toBe(1);
    expect((error as InvalidRecordError).field).toBe("a");
  });

  it("segmentProfiles gives finite means and shares for values near 1e308", () => {
    const rows = [
      { a: 1e308, b: 1 },
      { a: 1e308, b: 2 },
      { a: 1, b: 10 },
      { a: 1, b: 11 },
    ];
    const model = kMeans(rows, { k: 2, fields: [...fields], seed: 1 });
    const profiles = segmentProfiles(model, rows, { valueField: "a" });
    // population mean of a: (2e308 + 2) / 4 = 5e307 (the plain sum overflows to Infinity)
    expectRelativelyClose(profiles.populationMeans.a as number, 5e307);
    const rich = profiles.profiles.find((profile) => (profile.means.a as number) > 1);
    const poor = profiles.profiles.find((profile) => profile.means.a === 1);
    expectRelativelyClose(rich?.means.a as number, 1e308);
    expectRelativelyClose(rich?.meanValue as number, 1e308);
    // shares of value: 2e308 / (2e308 + 2) = 1 and 2 / 2e308 = 1e-308 (Infinity / Infinity was NaN)
    expect(rich?.shareOfValue).toBe(1);
    expectRelativelyClose(poor?.shareOfValue as number, 1e-308, 1e-9);
    // the total itself, 2e308, is beyond the largest double: reported as Infinity, never NaN
    expect(profiles.totalValue).toBe(Number.POSITIVE_INFINITY);
  });
});
