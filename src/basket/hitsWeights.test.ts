import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { hitsWeights } from "./hitsWeights.js";
import { readBaskets } from "./readBaskets.js";
import { weightedItemsets } from "./weightedItemsets.js";

describe("hitsWeights", () => {
  it("hitsWeights gives the principal eigenvector of A Aᵀ, mean 1 (hand-worked)", () => {
    // A = [[1,1],[1,0],[0,1]]: A Aᵀ = [[2,1,1],[1,1,0],[1,0,1]] has eigenvector (2,1,1) for eigenvalue 3
    const baskets = Object.freeze([Object.freeze(["a", "b"]), Object.freeze(["a"]), Object.freeze(["b"])]);
    const result = hitsWeights(baskets);
    expect(result.converged).toBe(true);
    expect(Array.from(result.weights)).toEqual([1.5, 0.75, 0.75].map((w) => expect.closeTo(w, 12)));
    expect(result.itemAuthority).toEqual({ a: 1, b: 1 });
  });

  it("hitsWeights gives empty transactions weight 0 and refuses bad options", () => {
    const { weights } = hitsWeights([["a"], []]);
    expect(Array.from(weights)).toEqual([2, 0]);
    expect(() => hitsWeights([["a"]], { maxIterations: 0 })).toThrow(InvalidOptionsError);
    expect(() => hitsWeights([])).toThrow(InsufficientDataError);
  });
});

describeWithDataset("groceries.csv", "hitsWeights on Groceries", () => {
  const reference = JSON.parse(
    readFileSync(new URL("../../fixtures/basket/hits-reference.json", import.meta.url), "utf8"),
  ) as {
    firstWeights: number[];
    maxWeight: number;
    argmaxWeight: number;
    minWeight: number;
    topAuthorities: Record<string, number>;
  };
  const groceries = readBaskets(readSharedDataset("groceries.csv"));

  it("hitsWeights matches numpy's eigenvector of AᵀA (fixtures/basket/make-hits-reference.py)", () => {
    const result = hitsWeights(groceries);
    expect(result.converged).toBe(true);
    const weights = Array.from(result.weights);
    reference.firstWeights.forEach((w, t) => {
      expect(weights[t]).toBeCloseTo(w, 9);
    });
    expect(Math.max(...weights)).toBeCloseTo(reference.maxWeight, 9);
    expect(weights.indexOf(Math.max(...weights))).toBe(reference.argmaxWeight);
    expect(Math.min(...weights)).toBeCloseTo(reference.minWeight, 12);
    for (const [item, value] of Object.entries(reference.topAuthorities)) {
      expect(result.itemAuthority[item]).toBeCloseTo(value, 9);
    }
  });

  it("hitsWeights feeds weightedItemsets (the weclat + hits pipeline)", () => {
    const { weights } = hitsWeights(groceries);
    const weighted = weightedItemsets(groceries, { weights, minWeightedSupport: 0.05 });
    expect(weighted.totalWeight).toBeCloseTo(groceries.transactionCount, 6);
    expect(weighted.itemsets[0]?.items).toEqual(["whole milk"]);
  });
});
