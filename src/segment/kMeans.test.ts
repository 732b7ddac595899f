import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerFields, customers, iris, irisFields, reference } from "../../fixtures/segment/reference.js";
import { optionsError } from "../../test/unknownOptions.js";
import {
  createRandom,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
} from "../core/index.js";
import { chooseK } from "./chooseK.js";
import { featureMatrix } from "./featureMatrix.js";
import { kMeans } from "./kMeans.js";
import { kMeansSteps } from "./kMeansSteps.js";

const frozen = <T>(rows: T[]): readonly T[] => Object.freeze(rows.map((row) => Object.freeze(row)));
const irisRecords = frozen(iris);
const customerRecords = frozen(customers);

function dataFor(name: string) {
  switch (name) {
    case "iris":
      return { records: irisRecords, fields: [...irisFields], transforms: "none" as const };
    case "customers":
      return { records: customerRecords, fields: [...customerFields], transforms: "none" as const };
    case "customersStandardized":
      return { records: customerRecords, fields: [...customerFields], transforms: "standardize" as const };
    default:
      return {
        records: customerRecords,
        fields: [...customerFields],
        transforms: ["log1p", "standardize"] as const,
      };
  }
}

describe("kMeans against scikit-learn 1.2.1 Lloyd from given centres", () => {
  // KMeans(n_clusters=k, init=centres, n_init=1, algorithm="lloyd", tol=0, max_iter=m).fit(X)
  // (fixtures/segment/make-reference.py); agreement to 1e-9.
  for (const case_ of reference.lloyd) {
    it(`kMeans matches sklearn: ${case_.name}`, () => {
      const { records, fields, transforms } = dataFor(case_.data);
      const model = kMeans(records, {
        k: case_.init.length,
        fields,
        transforms: transforms as never,
        init: case_.init,
        tolerance: 0,
        maxIterations: case_.maxIterations,
      });
      expect(model.iterations).toBe(case_.iterations);
      expect(Array.from(model.assignments)).toEqual(case_.labels);
      expect(Math.abs(model.inertia - case_.inertia)).toBeLessThanOrEqual(1e-9 * Math.max(1, case_.inertia));
      model.scaledCentroids.forEach((centre, c) => {
        centre.forEach((value, j) => {
          expect(Math.abs(value - (case_.centroids[c]?.[j] as number))).toBeLessThanOrEqual(1e-9);
        });
      });
      expect(model.converged).toBe(case_.iterations < case_.maxIterations);
    });
  }
});

describe("kMeans behaviour", () => {
  const fields = [...customerFields];

  it("kMeans gives the same result for the same seed and keeps the best restart", () => {
    const a = kMeans(customerRecords, { k: 4, fields, transforms: ["log1p", "standardize"], seed: 42 });
    const b = kMeans(customerRecords, { k: 4, fields, transforms: ["log1p", "standardize"], seed: 42 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.inertia).toBe(b.inertia);
    expect(a.inertia).toBe(Math.min(...a.restartInertias));
    expect(a.restartInertias).toHaveLength(10);
    expect(a.sizes.reduce((sum, size) => sum + size, 0)).toBe(200);
  });

  it("kMeans recovers four well separated blobs", () => {
    const points = [];
    for (let c = 0; c < 4; c++)
      for (let i = 0; i < 25; i++)
        points.push({ x: c * 10 + (i % 5) * 0.1, y: c * -7 + Math.floor(i / 5) * 0.1 });
    const model = kMeans(frozen(points), { k: 4, fields: ["x", "y"], seed: 3 });
    for (let c = 0; c < 4; c++) {
      const labels = new Set(Array.from(model.assignments.subarray(c * 25, c * 25 + 25)));
      expect(labels.size).toBe(1);
    }
    expect([...model.sizes].sort()).toEqual([25, 25, 25, 25]);
  });

  it("kMeans reports centroids in original units through the inverse transform", () => {
    const model = kMeans(customerRecords, { k: 3, fields, seed: 5 });
    const features = model.features;
    for (let c = 0; c < 3; c++) {
      const sums = [0, 0, 0];
      let count = 0;
      for (let i = 0; i < 200; i++) {
        if (model.assignments[i] !== c) continue;
        count++;
        for (let j = 0; j < 3; j++) sums[j] = (sums[j] as number) + (features.rawMatrix[i * 3 + j] as number);
      }
      sums.forEach((sum, j) => {
        expect(model.centroids[c]?.[j]).toBeCloseTo(sum / count, 8);
      });
    }
  });

  it("kMeans accepts a prebuilt feature matrix and checks it belongs to the records", () => {
    const matrix = featureMatrix(customerRecords, { fields, transforms: "standardize" });
    const viaMatrix = kMeans(customerRecords, { k: 3, matrix, seed: 9 });
    const viaFields = kMeans(customerRecords, { k: 3, fields, transforms: "standardize", seed: 9 });
    expect(viaMatrix.inertia).toBe(viaFields.inertia);
    expect(() => kMeans(customerRecords.slice(1), { k: 3, matrix: matrix as never })).toThrow(
      InvalidOptionsError,
    );
  });

  it("kMeans refuses transforms or missing beside a prebuilt feature matrix instead of ignoring them", () => {
    const matrix = featureMatrix(customerRecords, { fields, transforms: "standardize" });
    expect(() =>
      kMeans(customerRecords, { k: 3, matrix, transforms: "minmax", missing: "drop" }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: kMeans: invalid options
        - transforms: cannot be given with matrix: it was already built with transforms "standardize"; pass transforms to featureMatrix, or give fields instead of matrix
        - missing: cannot be given with matrix: it was already built with missing "error"; pass missing to featureMatrix, or give fields instead of matrix]
    `);
    expect(() => chooseK(customerRecords, { matrix, kRange: [2, 3], missing: "error" })).toThrow(
      InvalidOptionsError,
    );
    expect(() => [...kMeansSteps(customerRecords, { k: 2, matrix, transforms: "none" })]).toThrow(
      InvalidOptionsError,
    );
  });

  it("kMeans reports progress once per restart and refuses a non-array", () => {
    const events: number[] = [];
    kMeans(customerRecords, {
      k: 2,
      fields,
      restarts: 3,
      onProgress: (event) => events.push(event.completed),
    });
    expect(events).toEqual([1, 2, 3, 3]);
    expect(() => kMeans("nope" as never, { k: 2, fields: ["x"] })).toThrow(InvalidOptionsError);
  });

  it("kMeans never mutates its input", () => {
    expect(() => kMeans(customerRecords, { k: 2, fields })).not.toThrow();
  });

  it("kMeans with k = 1 puts everyone in one segment at the mean", () => {
    const model = kMeans(customerRecords, { k: 1, fields, transforms: "none" });
    expect(model.sizes).toEqual([200]);
    const mean = reference.transforms.mean;
    model.centroids[0]?.forEach((value, j) => {
      expect(value).toBeCloseTo(mean[j] as number, 9);
    });
  });
});

describe("kMeans on worker threads", () => {
  it("kMeans gives the same model with restarts on workers as serially, and refuses bad workers", () => {
    const random = createRandom(8);
    const rows = Array.from({ length: 4000 }, () => {
      const group = random.integer(4);
      return {
        a: random.normal(group, 0.7),
        b: random.normal(group * 2, 1),
        c: Math.exp(random.normal(group / 4, 0.3)),
      };
    });
    const options = { k: 5, fields: ["a", "b", "c"] as ("a" | "b" | "c")[], seed: 4, restarts: 6 };
    const serial = kMeans(rows, { ...options, workers: 0 });
    const parallel = kMeans(rows, { ...options, workers: 2 });
    expect(parallel.restartInertias).toEqual(serial.restartInertias);
    expect(parallel.bestRestart).toBe(serial.bestRestart);
    expect(parallel.scaledCentroids).toEqual(serial.scaledCentroids);
    expect(Array.from(parallel.assignments)).toEqual(Array.from(serial.assignments));
    expect(parallel.iterations).toBe(serial.iterations);
    expect(() => kMeans(rows, { ...options, workers: -1 })).toThrow(
      /workers must be "auto" or a whole number of at least 0/,
    );
    expect(() => kMeans(rows, { ...options, workers: 1.5 })).toThrow(
      /workers must be "auto" or a whole number of at least 0/,
    );
  });
});

describe("kMeans bad input", () => {
  it("kMeans refuses empty input", () => {
    expect(() => kMeans([], { k: 2, fields: ["x"] })).toThrow(InsufficientDataError);
  });

  it("kMeans refuses k < 1 and a fractional k with the option named", () => {
    expect(() => kMeans(irisRecords, { k: 0, fields: [...irisFields] })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: kMeans: invalid options
        - k: k must be at least 1 (received 0)]
    `);
    expect(() => kMeans(irisRecords, { k: 1.5, fields: [...irisFields] })).toThrow(InvalidOptionsError);
  });

  it("kMeans refuses k above the number of customers and of distinct customers", () => {
    expect(() => kMeans(frozen([{ x: 1 }]), { k: 2, fields: ["x"] })).toThrowErrorMatchingInlineSnapshot(
      `[InsufficientDataError: kMeans: k = 2 but only 1 customer to cluster; choose k <= 1]`,
    );
    const duplicates = frozen([{ x: 1 }, { x: 1 }, { x: 2 }, { x: 2 }, { x: 2 }]);
    expect(() => kMeans(duplicates, { k: 3, fields: ["x"] })).toThrowErrorMatchingInlineSnapshot(
      `[InsufficientDataError: kMeans: k = 3 but the 5 customers have only 2 distinct feature vectors; choose k <= 2]`,
    );
    expect(
      kMeans(duplicates, { k: 2, fields: ["x"] })
        .sizes.slice()
        .sort(),
    ).toEqual([2, 3]);
  });

  it("kMeans clusters a single record with k = 1", () => {
    const model = kMeans(frozen([{ x: 5, y: 2 }]), { k: 1, fields: ["x", "y"] });
    expect(model.centroids).toEqual([[5, 2]]);
    expect(model.inertia).toBe(0);
  });

  it("kMeans needs exactly one of fields and matrix", () => {
    expect(() => kMeans(irisRecords, { k: 2 })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: kMeans: invalid options
        - fields: give exactly one of fields (to build the feature matrix) or matrix (a featureMatrix result) (received {"k":2})]
    `);
  });

  it("the prebuilt matrix is the option matrix: the old name features is an unknown option naming it", () => {
    const matrix = featureMatrix(irisRecords, { fields: [...irisFields] });
    for (const call of [
      () => kMeans(irisRecords, { k: 2, features: matrix } as never),
      () => kMeansSteps(irisRecords, { k: 2, features: matrix } as never).next(),
      () => chooseK(irisRecords, { features: matrix, kRange: [2, 3] } as never),
    ]) {
      const issue = optionsError(call).issues.find((entry) => entry.path === "features");
      expect(issue?.message).toMatch(/^unknown option "features" \(valid: .*\bfields\b.*\bmatrix\b/);
    }
  });

  it("kMeans option errors name the part that is wrong, not only the forms an option takes", () => {
    const errorOf = (options: object) => {
      try {
        kMeans(irisRecords, { k: 2, fields: [...irisFields], ...options } as never);
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(errorOf({ transforms: { sepalLength: ["log1p", "bogus"] } })).toContain(
      'transforms: for "sepalLength": unknown transform "bogus"',
    );
    expect(errorOf({ fields: ["sepalLength", ""] })).toContain("fields: entry 1 is not a property name");
    expect(errorOf({ fields: { spend: 5 } })).toContain(
      'fields: "spend" is neither a property name (a non-empty string) nor an accessor function',
    );
    expect(
      errorOf({
        init: [
          [1, 2, 3, 4],
          [1, 2, 3, Number.NaN],
        ],
      }),
    ).toContain("init: centre coordinates must be finite numbers");
    expect(errorOf({ maxIterations: 1.5 })).toContain("maxIterations: maxIterations must be a whole number");
    expect(errorOf({ tolerance: Number.POSITIVE_INFINITY })).toContain("tolerance: tolerance must be finite");
    expect(errorOf({ missing: "skip" })).toContain('missing: expected "error" or "drop"');
    expect(errorOf({ workers: 1.5 })).toContain(
      'workers: workers must be "auto" or a whole number of at least 0',
    );
  });

  it("kMeans checks the shape of given centres", () => {
    expect(() =>
      kMeans(irisRecords, { k: 2, fields: [...irisFields], init: [[1, 2, 3, 4]] }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: kMeans: invalid options
        - init: expected 2 centres (k) of 4 coordinates each (one per feature, in the transformed feature space)]
    `);
  });

  it("kMeans names the row and field of a missing value, or drops it when asked", () => {
    const rows = frozen([
      { x: 1, y: 1 },
      { x: 2, y: null },
      { x: 9, y: 9 },
      { x: 10, y: 9 },
    ]);
    expect(() => kMeans(rows, { k: 2, fields: ["x", "y"] })).toThrow(InvalidRecordError);
    const model = kMeans(rows, { k: 2, fields: ["x", "y"], missing: "drop" });
    expect(model.droppedRowCount).toBe(1);
    expect(model.assignments[1]).toBe(-1);
    expect(model.sizes.slice().sort()).toEqual([1, 2]);
  });
});

describe("kMeans properties", () => {
  it("kMeans assignments do not depend on row order when centres are fixed", () => {
    const init = reference.lloyd[0]?.init as number[][];
    const base = kMeans(irisRecords, {
      k: 3,
      fields: [...irisFields],
      transforms: "none",
      init,
      tolerance: 0,
    });
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 150, maxLength: 150 }), (keys) => {
        const order = Array.from({ length: 150 }, (_, i) => i).sort(
          (a, b) => (keys[a] as number) - (keys[b] as number) || a - b,
        );
        const shuffled = order.map((i) => irisRecords[i] as (typeof irisRecords)[number]);
        const model = kMeans(shuffled, {
          k: 3,
          fields: [...irisFields],
          transforms: "none",
          init,
          tolerance: 0,
        });
        order.forEach((i, position) => {
          expect(model.assignments[position]).toBe(base.assignments[i]);
        });
        model.scaledCentroids.forEach((centre, c) => {
          centre.forEach((value, j) => {
            expect(value).toBeCloseTo(base.scaledCentroids[c]?.[j] as number, 10);
          });
        });
        expect(model.inertia).toBeCloseTo(base.inertia, 9);
      }),
      { numRuns: 20, seed: 1 },
    );
  });
});
