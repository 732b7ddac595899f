import { describe, expect, it } from "vitest";
import { customerFields, customers, reference } from "../../fixtures/segment/reference.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { applyFeatures } from "./applyFeatures.js";
import { featureMatrix } from "./featureMatrix.js";

const records = Object.freeze(customers.map((row) => Object.freeze(row)));
const fields = [...customerFields];

function expectRows(matrix: Float64Array, expected: number[][], d: number) {
  expected.forEach((row, i) => {
    row.forEach((value, j) => {
      expect(Math.abs((matrix[i * d + j] as number) - value)).toBeLessThanOrEqual(1e-12);
    });
  });
}

describe("featureMatrix against numpy (make-reference.py, ddof = 1, tolerance 1e-12)", () => {
  it("featureMatrix standardizes with the sample standard deviation", () => {
    const result = featureMatrix(records, { fields, transforms: "standardize" });
    expectRows(result.matrix, reference.transforms.standardize, 3);
    result.transform.features.forEach((feature, j) => {
      const step = feature.steps[0];
      expect(step?.kind).toBe("standardize");
      if (step?.kind === "standardize") {
        expect(step.mean).toBeCloseTo(reference.transforms.mean[j] as number, 10);
        expect(step.standardDeviation).toBeCloseTo(
          reference.transforms.sampleStandardDeviation[j] as number,
          10,
        );
      }
    });
  });

  it("featureMatrix chains log1p then standardize, and min-max maps to [0, 1]", () => {
    expectRows(
      featureMatrix(records, { fields, transforms: ["log1p", "standardize"] }).matrix,
      reference.transforms.log1pStandardize,
      3,
    );
    expectRows(
      featureMatrix(records, { fields, transforms: "minmax" }).matrix,
      reference.transforms.minmax,
      3,
    );
  });

  it("featureMatrix takes named accessors and per-feature transforms", () => {
    const result = featureMatrix(records, {
      fields: { spend: (row) => row.monetary as number, orders: "frequency" },
      transforms: { spend: "log1p" },
    });
    expect(result.featureNames).toEqual(["spend", "orders"]);
    expect(result.matrix[0]).toBeCloseTo(Math.log1p(customers[0]?.monetary as number), 12);
    expect(result.matrix[1]).toBe(customers[0]?.frequency);
    expect(result.rawMatrix[0]).toBe(customers[0]?.monetary);
  });

  it("featureMatrix scales a constant column to zeros instead of dividing by zero", () => {
    const rows = Object.freeze([
      { a: 3, b: 1 },
      { a: 3, b: 2 },
      { a: 3, b: 4 },
    ]);
    const standardized = featureMatrix(rows, { fields: ["a", "b"], transforms: "standardize" });
    expect(standardized.constantFeatures).toEqual(["a"]);
    expect([standardized.matrix[0], standardized.matrix[2], standardized.matrix[4]]).toEqual([0, 0, 0]);
    const scaled = featureMatrix(rows, { fields: ["a", "b"], transforms: "minmax" });
    expect([scaled.matrix[0], scaled.matrix[1], scaled.matrix[5]]).toEqual([0, 0, 1]);
  });

  it("featureMatrix treats a single record as constant", () => {
    const result = featureMatrix([{ a: 7 }], { fields: ["a"] });
    expect(Array.from(result.matrix)).toEqual([0]);
    expect(result.constantFeatures).toEqual(["a"]);
  });

  it("featureMatrix drops and counts rows with missing values when asked, else names the row and field", () => {
    const rows = Object.freeze([
      { a: 1, b: 2 },
      { a: Number.NaN, b: 3 },
      { a: 4, b: null },
      { a: 5, b: 6 },
    ]);
    const dropped = featureMatrix(rows, { fields: ["a", "b"], transforms: "none", missing: "drop" });
    expect(dropped.droppedRowCount).toBe(2);
    expect(Array.from(dropped.droppedRows)).toEqual([1, 2]);
    expect(Array.from(dropped.rowIndices)).toEqual([0, 3]);
    expect(Array.from(dropped.matrix)).toEqual([1, 2, 5, 6]);
    expect(() => featureMatrix(rows, { fields: ["a", "b"] })).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: featureMatrix: row 1, field "a": received NaN (number); expected a number; fill or drop rows with missing values before calling]`,
    );
  });

  it("featureMatrix refuses empty input, all-missing input, log1p of -1 and unknown transforms", () => {
    expect(() => featureMatrix([], { fields: ["a"] })).toThrow(InsufficientDataError);
    expect(() => featureMatrix([{ a: null }], { fields: ["a"], missing: "drop" })).toThrow(
      InsufficientDataError,
    );
    expect(() =>
      featureMatrix([{ a: 2 }, { a: -1 }], { fields: ["a"], transforms: "log1p" }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: featureMatrix: row 1, field "a": received -1 (number); log1p needs values greater than -1 (after earlier transforms); clip refunds or negatives to 0 first, or drop "log1p" for "a"]`,
    );
    expect(() => featureMatrix([{ a: 2 }], { fields: ["a"], transforms: "sqrt" as never })).toThrow(
      InvalidOptionsError,
    );
    expect(() => featureMatrix([{ a: 2 }], { fields: ["a"], transforms: { b: "log1p" } })).toThrow(
      InvalidOptionsError,
    );
    expect(() => featureMatrix([{ a: "x" }], { fields: ["a"] })).toThrow(InvalidRecordError);
  });
});

describe("applyFeatures", () => {
  it("applyFeatures reuses the fitted parameters on new records", () => {
    const fitted = featureMatrix(records, { fields, transforms: ["log1p", "standardize"] });
    const again = applyFeatures(fitted.transform, records.slice(0, 5));
    expectRows(again.matrix, reference.transforms.log1pStandardize, 3);
    const outside = applyFeatures(featureMatrix(records, { fields, transforms: "minmax" }).transform, [
      { recency: 1e6, frequency: 1, monetary: 1 },
    ]);
    expect(outside.matrix[0]).toBeGreaterThan(1);
  });

  it("applyFeatures accepts empty input and its own missing policy", () => {
    const fitted = featureMatrix(records, { fields });
    expect(applyFeatures(fitted.transform, []).rowCount).toBe(0);
    const result = applyFeatures(fitted.transform, [{ recency: null, frequency: 1, monetary: 1 }] as never, {
      missing: "drop",
    });
    expect(result.droppedRowCount).toBe(1);
    expect(() =>
      applyFeatures(fitted.transform, [{ recency: null, frequency: 1, monetary: 1 }] as never),
    ).toThrow(InvalidRecordError);
  });
});
