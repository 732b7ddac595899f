import { describe, expect, it } from "vitest";
import {
  customerFields,
  customers,
  iris,
  irisFields,
  reference,
} from "../../../fixtures/segment/reference.js";
import { createRandom } from "../../core/index.js";
import { featureMatrix } from "../featureMatrix.js";
import { calinskiHarabasz, daviesBouldin, sampleRows, silhouette } from "./criteria.js";

const matrices = {
  iris: featureMatrix(iris, { fields: [...irisFields], transforms: "none" }).matrix,
  customers: featureMatrix(customers, { fields: [...customerFields], transforms: "none" }).matrix,
  customersLogStandardized: featureMatrix(customers, {
    fields: [...customerFields],
    transforms: ["log1p", "standardize"],
  }).matrix,
};

describe("clustering criteria against scikit-learn 1.2.1 (relative 1e-10)", () => {
  for (const case_ of reference.criteria) {
    it(`criteria match sklearn: ${case_.name}`, () => {
      const data = matrices[case_.data as keyof typeof matrices];
      const d = case_.data === "iris" ? 4 : 3;
      const n = case_.labels.length;
      const labels = Int32Array.from(case_.labels);
      const k = Math.max(...case_.labels) + 1;
      const close = (value: number | null, expected: number) =>
        expect(Math.abs((value as number) - expected)).toBeLessThanOrEqual(
          1e-10 * Math.max(1, Math.abs(expected)),
        );
      close(silhouette(data, d, labels, k, sampleRows(n, n, createRandom(1))), case_.silhouette);
      close(calinskiHarabasz(data, n, d, labels, k), case_.calinskiHarabasz);
      close(daviesBouldin(data, n, d, labels, k), case_.daviesBouldin);
    });
  }

  it("criteria are null with a single cluster", () => {
    const labels = new Int32Array(150);
    expect(silhouette(matrices.iris, 4, labels, 1, sampleRows(150, 150, createRandom(1)))).toBeNull();
    expect(calinskiHarabasz(matrices.iris, 150, 4, labels, 1)).toBeNull();
    expect(daviesBouldin(matrices.iris, 150, 4, labels, 1)).toBeNull();
  });

  it("sampleRows draws distinct sorted rows, the same for the same seed", () => {
    const a = sampleRows(1000, 50, createRandom(4));
    expect(new Set(a).size).toBe(50);
    expect(Array.from(a)).toEqual(Array.from(a).sort((x, y) => x - y));
    expect(Array.from(sampleRows(1000, 50, createRandom(4)))).toEqual(Array.from(a));
  });
});
