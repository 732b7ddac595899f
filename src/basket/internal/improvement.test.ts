import { describe, expect, it } from "vitest";
import { readBaskets } from "../readBaskets.js";
import { improvementTable } from "./improvement.js";
import { itemsetIndex } from "./itemsetIndex.js";
import { mineItemsets } from "./mining.js";

/** Issue 12's database: one basket of 300 distinct items and 99 small ones; every subset of the big one is frequent at min count 1. */
function pathological() {
  const lines = [Array.from({ length: 300 }, (_, i) => `i${i}`).join(",")];
  for (let t = 1; t < 100; t++) lines.push(`i${t % 300},i${(t * 7) % 300},x${t % 5}`);
  return readBaskets(lines.join("\n"));
}

/** The improvement of every single-consequent split of the first `maxItemsets` itemsets mined, with the work done. */
function improvementWork(maxItemsets: number) {
  const mined = mineItemsets(pathological(), {
    minCount: 1,
    maxLength: Number.POSITIVE_INFINITY,
    algorithm: "auto",
    maxItemsets,
    maxItemOccurrences: Number.POSITIVE_INFINITY,
    deadline: Number.POSITIVE_INFINITY,
  });
  const { offsets, items, counts } = mined;
  const index = itemsetIndex(offsets, items, mined.size);
  const table = improvementTable(offsets, items, counts, index, mined.transactionCount, 30);
  let splits = 0;
  // what enumerating the proper subsets of every antecedent costs: 2^|X| - 1 subsets, two lookups each
  let enumeration = 0;
  let longest = 0;
  for (let z = 0; z < mined.size; z++) {
    const length = (offsets[z + 1] as number) - (offsets[z] as number);
    longest = Math.max(longest, length);
    if (length < 2) continue;
    for (let k = 0; k < length; k++) {
      table.single(z, k, 1);
      splits++;
      enumeration += 2 * (2 ** (length - 1) - 1);
    }
  }
  return { splits, lookups: table.lookups, enumeration, longest };
}

describe("ImprovementTable", () => {
  it("computes improvement with work linear in the splits (O(L) lookups each), not 2^|X| per rule", () => {
    const small = improvementWork(10_000);
    const large = improvementWork(40_000);
    // itemsets of up to 13-15 items: subset enumeration costs hundreds of lookups per split, growing
    // with the length, which made 40k itemsets ~14x slower than 10k for ~4.6x the rules
    expect(large.longest).toBeGreaterThanOrEqual(13);
    expect(large.enumeration / large.splits).toBeGreaterThan(100);
    // memoised: each (itemset, position) subset is looked up once, so at most one lookup per split
    // plus one per subset touched
    expect(small.lookups).toBeLessThanOrEqual(2 * small.splits);
    expect(large.lookups).toBeLessThanOrEqual(2 * large.splits);
    expect(large.lookups / small.lookups).toBeLessThan(1.25 * (large.splits / small.splits));
  });
});

describe("ImprovementTable with multi-item consequents", () => {
  it("gives the same improvement memoised and by subset enumeration (the fallback for long itemsets)", () => {
    const data = readBaskets(
      Array.from({ length: 60 }, (_, t) =>
        ["a", "b", "c", "d", "e", "f", "g"].filter((_, k) => (t * (k + 3) + k) % (k + 2) !== 0).join(","),
      ).join("\n"),
    );
    const mined = mineItemsets(data, {
      minCount: 2,
      maxLength: Number.POSITIVE_INFINITY,
      algorithm: "auto",
      maxItemsets: Number.POSITIVE_INFINITY,
      maxItemOccurrences: Number.POSITIVE_INFINITY,
      deadline: Number.POSITIVE_INFINITY,
    });
    const { offsets, items, counts } = mined;
    const index = itemsetIndex(offsets, items, mined.size);
    const memoised = improvementTable(offsets, items, counts, index, mined.transactionCount, 30);
    const enumerated = improvementTable(offsets, items, counts, index, mined.transactionCount, 30, 0);
    // memoised up to 3 items, enumerated beyond: both paths meet in one recursion
    const mixed = improvementTable(offsets, items, counts, index, mined.transactionCount, 30, 3);
    let compared = 0;
    for (let z = 0; z < mined.size; z++) {
      const length = (offsets[z + 1] as number) - (offsets[z] as number);
      for (let right = 1; right < (1 << length) - 1; right++) {
        const value = memoised.multi(z, right, 0.5);
        expect(enumerated.multi(z, right, 0.5)).toBe(value);
        expect(mixed.multi(z, right, 0.5)).toBe(value);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
