import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iris, irisFields, reference } from "../../fixtures/segment/reference.js";
import { createRandom } from "../core/index.js";
import { kMeans } from "./kMeans.js";
import { kMeansSteps } from "./kMeansSteps.js";

describe("kMeansSteps", () => {
  it("kMeansSteps walks the same iterations as sklearn and ends where kMeans ends", () => {
    const case_ = reference.lloyd[1] as (typeof reference.lloyd)[number];
    const steps = [
      ...kMeansSteps(iris, {
        k: 3,
        fields: [...irisFields],
        transforms: "none",
        init: case_.init,
        tolerance: 0,
      }),
    ];
    expect(steps).toHaveLength(case_.iterations);
    expect(steps.at(-1)?.converged).toBe(true);
    expect(Array.from(steps.at(-1)?.assignments ?? [])).toEqual(case_.labels);
    expect(steps.at(-1)?.inertia).toBeCloseTo(case_.inertia, 9);
  });

  it("kMeansSteps inertia never increases across iterations (property over random data and seeds)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 6 }), (seed, k) => {
        const random = createRandom(seed);
        const rows = Array.from({ length: 120 }, () => ({
          x: random.normal(0, 1) + random.integer(3) * 2,
          y: random.gamma(2, 1),
        }));
        let previous = Number.POSITIVE_INFINITY;
        for (const step of kMeansSteps(rows, { k, fields: ["x", "y"], seed, tolerance: 0 })) {
          expect(step.inertia).toBeLessThanOrEqual(previous * (1 + 1e-12));
          previous = step.inertia;
        }
        const model = kMeans(rows, { k, fields: ["x", "y"], seed, tolerance: 0, restarts: 1 });
        expect(model.inertia).toBeLessThanOrEqual(previous * (1 + 1e-12));
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it("kMeansSteps from the same seed gives the same steps as kMeans with one restart", () => {
    const steps = [...kMeansSteps(iris, { k: 4, fields: [...irisFields], seed: 3 })];
    const model = kMeans(iris, { k: 4, fields: [...irisFields], seed: 3, restarts: 1 });
    expect(steps).toHaveLength(model.iterations);
    expect(Array.from(steps.at(-1)?.assignments ?? [])).toEqual(Array.from(model.assignments));
  });
});
