import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { frequentItemsets } from "./frequentItemsets.js";
import { readBaskets } from "./readBaskets.js";
import { weightedItemsets } from "./weightedItemsets.js";

/** Every subset of the item universe with its weight, by scanning (test oracle, exponential). */
function bruteForce(baskets: readonly (readonly string[])[], weights: readonly number[], minShare: number) {
  const universe = [...new Set(baskets.flat())].sort();
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Map<string, { weight: number; count: number }>();
  for (let mask = 1; mask < 1 << universe.length; mask++) {
    const items = universe.filter((_, k) => (mask >> k) & 1);
    let weight = 0;
    let count = 0;
    baskets.forEach((basket, t) => {
      if (items.every((item) => basket.includes(item))) {
        weight += weights[t] as number;
        count++;
      }
    });
    if (count > 0 && weight >= minShare * total) out.set(items.join("+"), { weight, count });
  }
  return out;
}

describe("weightedItemsets", () => {
  it("weightedItemsets weighs each basket (hand-worked margins)", () => {
    // margins 2, 2, 2, 14 (total 20): {wine, cheese} is in one basket only but holds 14/20 = 0.7 of the margin;
    // chips in three baskets hold 6/20 = 0.3
    const baskets = Object.freeze([
      Object.freeze(["chips"]),
      Object.freeze(["chips", "beer"]),
      Object.freeze(["chips"]),
      Object.freeze(["wine", "cheese", "beer"]),
    ]);
    const weights = Object.freeze([2, 2, 2, 14]);
    const result = weightedItemsets(baskets, { weights, minWeightedSupport: 0.3 });
    const got = Object.fromEntries(result.itemsets.map((s) => [s.items.join("+"), s.weightedSupport]));
    expect(got).toEqual({
      beer: 0.8,
      cheese: 0.7,
      wine: 0.7,
      "beer+cheese": 0.7,
      "beer+wine": 0.7,
      "cheese+wine": 0.7,
      "beer+cheese+wine": 0.7,
      chips: 0.3,
    });
    expect(result.itemsets.map((s) => s.items.join("+")).slice(0, 4)).toEqual([
      "beer",
      "cheese",
      "wine",
      "beer+cheese",
    ]);
    expect(result.totalWeight).toBe(20);
  });

  it("weightedItemsets with equal weights gives frequentItemsets' counts", () => {
    const baskets = [["a", "b"], ["a", "b", "c"], ["a"], ["b", "c"], ["c"]];
    const weighted = weightedItemsets(baskets, { weights: [1, 1, 1, 1, 1], minWeightedSupport: 0.4 });
    const plain = frequentItemsets(baskets, { minSupport: 0.4 });
    expect(new Map(weighted.itemsets.map((s) => [s.items.join("+"), s.count]))).toEqual(
      new Map(plain.itemsets.map((s) => [s.items.join("+"), s.count])),
    );
  });

  it("weightedItemsets equals brute force on random baskets and weights", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 }), {
            minLength: 1,
            maxLength: 25,
          })
          .chain((baskets) =>
            fc.tuple(
              fc.constant(baskets),
              fc.array(fc.integer({ min: 0, max: 50 }), {
                minLength: baskets.length,
                maxLength: baskets.length,
              }),
            ),
          )
          .filter(([, weights]) => weights.some((w) => w > 0)),
        fc.constantFrom(0.05, 0.2, 0.5, 1),
        fc.integer({ min: 1, max: 6 }),
        ([baskets, weights], minWeightedSupport, maxLength) => {
          const ours = weightedItemsets(baskets, { weights, minWeightedSupport, maxLength });
          const expected = [...bruteForce(baskets, weights, minWeightedSupport)].filter(
            ([key]) => key.split("+").length <= maxLength,
          );
          const got = new Map(
            ours.itemsets.map((s) => [s.items.join("+"), { weight: s.weight, count: s.count }]),
          );
          expect(got).toEqual(new Map(expected));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("weightedItemsets refuses bad weights and options", () => {
    const baskets = [["a"], ["b"]];
    expect(() => weightedItemsets(baskets, { weights: [1] })).toThrow(InvalidOptionsError);
    expect(() => weightedItemsets(baskets, { weights: [1, -2] })).toThrow(InvalidRecordError);
    expect(() => weightedItemsets(baskets, { weights: [1, Number.NaN] })).toThrow(InvalidRecordError);
    expect(() => weightedItemsets(baskets, { weights: [0, 0] })).toThrow(/sum to 0/);
    expect(() => weightedItemsets(baskets, {} as never)).toThrow(InvalidOptionsError);
    expect(() => weightedItemsets(baskets, { weights: [1, 1], minWeightedSupport: 0 })).toThrow(
      InvalidOptionsError,
    );
  });

  it("weightedItemsets stops at maxItemsets (partial) and at the default budget (error)", () => {
    const baskets = [["a", "b", "c", "d"]];
    const partial = weightedItemsets(baskets, { weights: [1], maxItemsets: 3 });
    expect(partial.truncated).toBe(true);
    expect(partial.itemsets.length).toBe(3);
  });
});

describeWithDataset("groceries.csv", "weightedItemsets on Groceries", () => {
  it("weightedItemsets with basket-size weights favours itemsets of large baskets", () => {
    const groceries = readBaskets(readSharedDataset("groceries.csv"));
    const sizes = Array.from(
      { length: groceries.transactionCount },
      (_, t) => (groceries.offsets[t + 1] as number) - (groceries.offsets[t] as number),
    );
    const weighted = weightedItemsets(groceries, { weights: sizes, minWeightedSupport: 0.01 });
    // total weight = item occurrences 43367 (groceries.SOURCE.md); the weights of whole milk and of
    // {whole milk, yogurt} by Python: b = [line.split(",") for line in open("groceries.csv")];
    // sum(len(x) for x in b if "whole milk" in x) -> 16994; ... and "yogurt" in x -> 5270
    expect(weighted.totalWeight).toBe(43367);
    const milk = weighted.itemsets.find((s) => s.items.join() === "whole milk");
    expect(milk?.count).toBe(2513);
    expect(milk?.weight).toBe(16994);
    expect(milk?.weightedSupport).toBeCloseTo(16994 / 43367, 15);
    expect(weighted.itemsets.find((s) => s.items.join() === "whole milk,yogurt")?.weight).toBe(5270);
  });
});
