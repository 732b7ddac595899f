import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  customerFields,
  customers,
  iris,
  irisFields,
  reference,
} from "../../../test/fixtures/segment/reference.js";
import { createRandom } from "../../core/index.js";
import { featureMatrix } from "../featureMatrix.js";
import { countDistinctUpTo, kMeansPlusPlus, runLloyd } from "./lloyd.js";

const matrices = {
  iris: featureMatrix(iris, { fields: [...irisFields], transforms: "none" }).matrix,
  customers: featureMatrix(customers, { fields: [...customerFields], transforms: "none" }).matrix,
  customersStandardized: featureMatrix(customers, { fields: [...customerFields], transforms: "standardize" })
    .matrix,
  customersLogStandardized: featureMatrix(customers, {
    fields: [...customerFields],
    transforms: ["log1p", "standardize"],
  }).matrix,
};

describe("Lloyd kernels", () => {
  // Both assignment kernels (plain and with Hamerly's bounds) against sklearn's Lloyd, 1e-9.
  for (const bounded of [false, true]) {
    for (const case_ of reference.lloyd) {
      it(`runLloyd (${bounded ? "Hamerly bounds" : "plain"}) matches sklearn: ${case_.name}`, () => {
        const data = matrices[case_.data];
        const d = case_.init[0]?.length as number;
        const k = case_.init.length;
        const run = runLloyd(
          data,
          data.length / d,
          d,
          Float64Array.from(case_.init.flat()),
          k,
          case_.maxIterations,
          0,
          bounded,
        );
        expect(run.iterations).toBe(case_.iterations);
        expect(Array.from(run.labels)).toEqual(case_.labels);
        expect(Math.abs(run.inertia - case_.inertia)).toBeLessThanOrEqual(1e-9 * Math.max(1, case_.inertia));
        case_.centroids.flat().forEach((value, at) => {
          expect(Math.abs((run.centres[at] as number) - value)).toBeLessThanOrEqual(1e-9);
        });
      });
    }
  }

  it("runLloyd with Hamerly bounds gives bit-identical runs to the plain kernel (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 5 }),
        (seed, k, d) => {
          const random = createRandom(seed);
          const n = 600;
          const data = new Float64Array(n * d);
          for (let i = 0; i < n; i++) {
            const group = random.integer(4);
            for (let j = 0; j < d; j++)
              data[i * d + j] =
                j % 2 === 0 ? random.normal(group * 2, 1) : Math.exp(random.normal(group / 2, 0.5));
          }
          const initial = kMeansPlusPlus(data, n, d, k, createRandom(seed + 1));
          const plain = runLloyd(data, n, d, initial, k, 100, 0, false);
          const bounded = runLloyd(data, n, d, initial, k, 100, 0, true);
          expect(bounded.iterations).toBe(plain.iterations);
          expect(Array.from(bounded.labels)).toEqual(Array.from(plain.labels));
          expect(Array.from(bounded.centres)).toEqual(Array.from(plain.centres));
          expect(bounded.inertia).toBe(plain.inertia);
        },
      ),
      { numRuns: 30, seed: 3 },
    );
  });

  it("countDistinctUpTo counts distinct rows up to the limit", () => {
    const data = Float64Array.from([1, 1, 1, 1, 2, 2, 1, 1, 3, 3]);
    expect(countDistinctUpTo(data, 5, 2, 10)).toBe(3);
    expect(countDistinctUpTo(data, 5, 2, 2)).toBe(2);
  });
});
