import { describe, expect, it } from "vitest";
import { loadMixedReference, loadRCsv } from "../../fixtures/segment/mixedReference.js";
import { InvalidOptionsError } from "../core/index.js";
import { cutTree } from "./cutTree.js";
import { type DistanceMatrix, distanceMatrix } from "./distanceMatrix.js";
import { euclideanDistances } from "./euclideanDistances.js";
import { type GowerFieldType, gowerDistance } from "./gowerDistance.js";
import { hierarchicalClustering } from "./hierarchicalClustering.js";

type Row = Record<string, string | number | null>;
const reference = loadMixedReference();
const arrests = euclideanDistances(loadRCsv("USArrests.csv"), {
  fields: ["Murder", "Assault", "UrbanPop", "Rape"],
});
const plants = loadRCsv("plantTraits.csv");
const plantFields: Record<string, GowerFieldType> = {};
Object.keys(plants[0] as Row)
  .slice(1)
  .forEach((column, index) => {
    plantFields[column] =
      index < 3 ? "numeric" : index < 11 ? "ordinal" : index < 13 ? "binary" : "asymmetricBinary";
  });
const plantTraits = gowerDistance(plants, { fields: plantFields });
const data: Record<string, DistanceMatrix> = { USArrests: arrests, plantTraits };

describe("hierarchicalClustering and cutTree against R hclust / cutree", () => {
  for (const ref of reference.hclust) {
    it(ref.call, () => {
      const tree = hierarchicalClustering(data[ref.name.split(" ")[0] as string] as DistanceMatrix, {
        linkage: ref.linkage,
      });
      expect(tree.merge).toEqual(ref.merge);
      const worst = Math.max(...ref.height.map((h, s) => Math.abs(h - (tree.height[s] as number))));
      expect(worst).toBeLessThan(1e-9);
      expect(Array.from(tree.order)).toEqual(ref.order.map((i) => i - 1));
      for (const [k, clusters] of Object.entries(ref.cutK)) {
        expect(Array.from(cutTree(tree, { k: Number(k) }))).toEqual(clusters.map((c) => c - 1));
      }
      ref.cutHeights.forEach((height, index) => {
        expect(Array.from(cutTree(tree, { height }))).toEqual(
          (ref.cutH[index] as number[]).map((c) => c - 1),
        );
      });
    });
  }
});

describe("hierarchicalClustering by hand", () => {
  it("single linkage on three points", () => {
    const tree = hierarchicalClustering(distanceMatrix([1, 5, 4], 3), { linkage: "single" });
    expect(tree.merge).toEqual([
      [-1, -2],
      [-3, 1],
    ]);
    expect(Array.from(tree.height)).toEqual([1, 4]);
    expect(Array.from(tree.order)).toEqual([2, 0, 1]);
  });

  it("clusters records by Gower's distance and does not mutate the distances", () => {
    const d = distanceMatrix([1, 5, 4], 3);
    const before = Array.from(d.values);
    hierarchicalClustering(d, { linkage: "ward.D2" });
    expect(Array.from(d.values)).toEqual(before);
    const tree = hierarchicalClustering([{ plan: "a" }, { plan: "b" }, { plan: "a" }], {
      linkage: "average",
      fields: { plan: "nominal" },
    });
    expect(tree.merge[0]).toEqual([-1, -3]);
  });

  it("cutTree refuses bad cuts", () => {
    const tree = hierarchicalClustering(distanceMatrix([1, 5, 4], 3), { linkage: "complete" });
    expect(() => cutTree(tree, { k: 4 })).toThrow(InvalidOptionsError);
    expect(() => cutTree(tree, { k: 1, height: 2 } as never)).toThrow(InvalidOptionsError);
    expect(() => cutTree(tree, { height: Number.NaN })).toThrow(InvalidOptionsError);
    expect(Array.from(cutTree(tree, { height: 100 }))).toEqual([0, 0, 0]);
    expect(Array.from(cutTree(tree, { k: 3 }))).toEqual([0, 1, 2]);
  });
});
