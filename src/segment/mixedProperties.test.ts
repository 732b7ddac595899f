import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutTree } from "./cutTree.js";
import { DistanceMatrixTooLargeError } from "./distanceMatrixTooLargeError.js";
import { gowerDistance } from "./gowerDistance.js";
import { hierarchicalClustering } from "./hierarchicalClustering.js";
import { kMedoids } from "./kMedoids.js";

const customer = fc.record({
  spend: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
  plan: fc.option(fc.constantFrom("basic", "plus", "pro"), { nil: null }),
  tier: fc.constantFrom("bronze", "silver", "gold"),
  optIn: fc.boolean(),
});
const fields = {
  spend: "numeric",
  plan: "nominal",
  tier: { type: "ordinal", levels: ["bronze", "silver", "gold"] },
  optIn: "asymmetricBinary",
} as const;

describe("mixed-type segmentation properties", () => {
  it("Gower distances are in [0, 1], symmetric, 0 on the diagonal; inputs untouched", () => {
    fc.assert(
      fc.property(fc.array(customer, { minLength: 2, maxLength: 12 }), (rows) => {
        const frozen = Object.freeze(rows.map((row) => Object.freeze({ ...row })));
        const d = gowerDistance(frozen, { fields });
        for (let i = 0; i < d.size; i++) {
          expect(d.get(i, i)).toBe(0);
          for (let j = 0; j < i; j++) {
            const value = d.get(i, j);
            expect(value).toBe(d.get(j, i));
            expect(value >= 0 && value <= 1).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("SWAP never raises BUILD's objective; fastpam is never worse than a local optimum of pam; cutTree(k) gives k segments", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 4, maxLength: 25 }),
        fc.integer({ min: 1, max: 4 }),
        (points, k) => {
          const rows = points.map((x) => ({ x, plan: x > 50 ? "a" : "b" }));
          const d = gowerDistance(rows, { fields: { x: "numeric", plan: "nominal" } });
          const pam = kMedoids(d, { k, method: "pam" });
          const fast = kMedoids(d, { k, method: "fastpam" });
          expect(pam.objective.swap).toBeLessThanOrEqual(pam.objective.build + 1e-12);
          expect(fast.objective.build).toBe(pam.objective.build);
          expect(new Set(pam.medoids).size).toBe(k);
          expect(pam.sizes.reduce((a, b) => a + b, 0)).toBe(points.length);
          for (const linkage of ["ward.D2", "average", "complete", "single"] as const) {
            const tree = hierarchicalClustering(d, { linkage });
            for (let cut = 1; cut <= Math.min(points.length, 5); cut++) {
              expect(new Set(cutTree(tree, { k: cut })).size).toBe(cut);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("kMedoids and hierarchicalClustering refuse records above the distance-matrix limit", () => {
    const many = Array.from({ length: 30_001 }, (_, i) => ({ x: i }));
    expect(() => kMedoids(many, { k: 2, fields: { x: "numeric" } })).toThrow(DistanceMatrixTooLargeError);
    expect(() => hierarchicalClustering(many, { linkage: "average", fields: { x: "numeric" } })).toThrow(
      /kPrototypes/,
    );
  });
});
