import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transactionsFrom } from "../transactionsFrom.js";
import { ItemsetEmitter } from "./emitter.js";
import { fpGrowth } from "./fpgrowth.js";
import { countItems, rankDatabase } from "./mining.js";
import { occurrenceDeliver } from "./occurrenceDeliver.js";

/** Itemsets of one miner as "rank|rank|..." (ranks sorted) -> count. */
function mine(
  baskets: readonly (readonly string[])[],
  minCount: number,
  run: (database: ReturnType<typeof rankDatabase>, emitter: ItemsetEmitter) => void,
): Map<string, number> {
  const rows = baskets.flatMap((basket, t) => basket.map((item) => ({ t, item })));
  const transactions = transactionsFrom(rows, { transaction: "t", item: "item" });
  const database = rankDatabase(transactions, countItems(transactions), minCount);
  const depth = database.rankCounts.length;
  const emitter = new ItemsetEmitter(depth, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  if (depth > 0) run(database, emitter);
  const items = emitter.items.toArray();
  const offsets = emitter.offsets.toArray();
  const counts = emitter.counts.toArray();
  const out = new Map<string, number>();
  for (let s = 0; s < emitter.size; s++) {
    const key = [...items.subarray(offsets[s] as number, offsets[s + 1] as number)].sort((a, b) => a - b);
    out.set(key.join("|"), counts[s] as number);
  }
  return out;
}

const letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i"] as const;
const baskets = fc.array(fc.uniqueArray(fc.constantFrom(...letters), { maxLength: 8 }), {
  minLength: 1,
  maxLength: 40,
});
/** Up to 400 baskets biased towards a few items, so conditional databases span several mask words. */
const manyBaskets = fc.array(
  fc.uniqueArray(fc.constantFrom("a", "a", "a", "b", "b", "c", "c", "d", "e", "f", "g"), { maxLength: 7 }),
  { minLength: 1, maxLength: 400 },
);

describe("miners (internal)", () => {
  it("fills first-level pattern bases block by block with the same result as one block (property)", () => {
    fc.assert(
      fc.property(
        baskets,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 30 }),
        (data, minCount, block) => {
          const oneBlock = mine(data, minCount, (database, emitter) =>
            fpGrowth(database, minCount, database.rankCounts.length, emitter),
          );
          const manyBlocks = mine(data, minCount, (database, emitter) =>
            fpGrowth(database, minCount, database.rankCounts.length, emitter, block),
          );
          const eclat = mine(data, minCount, (database, emitter) =>
            occurrenceDeliver(database, minCount, database.rankCounts.length, emitter),
          );
          expect(manyBlocks).toEqual(oneBlock);
          expect(oneBlock).toEqual(eclat);
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it("occurrence deliver gives the same itemsets with and without the bit-set search of small databases (property)", () => {
    fc.assert(
      fc.property(
        manyBaskets,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 300 }),
        (data, minCount, cut) => {
          const depth = (database: ReturnType<typeof rankDatabase>) => database.rankCounts.length;
          const lists = mine(data, minCount, (database, emitter) =>
            occurrenceDeliver(database, minCount, depth(database), emitter, 0),
          );
          const masks = mine(data, minCount, (database, emitter) =>
            occurrenceDeliver(database, minCount, depth(database), emitter),
          );
          const mixed = mine(data, minCount, (database, emitter) =>
            occurrenceDeliver(database, minCount, depth(database), emitter, cut),
          );
          const fp = mine(data, minCount, (database, emitter) =>
            fpGrowth(database, minCount, depth(database), emitter),
          );
          expect(masks).toEqual(lists);
          expect(mixed).toEqual(lists);
          expect(fp).toEqual(lists);
        },
      ),
      { seed: 20261123, numRuns: 150 },
    );
  });

  it("the bit-set search honours maxDepth", () => {
    const data = Array.from({ length: 50 }, (_, t) => (t % 2 === 0 ? ["a", "b", "c", "d"] : ["a", "b", "c"]));
    const upToPairs = mine(data, 2, (database, emitter) => occurrenceDeliver(database, 2, 2, emitter));
    expect([...upToPairs.keys()].map((key) => key.split("|").length).sort()).toEqual([
      1, 1, 1, 1, 2, 2, 2, 2, 2, 2,
    ]);
    expect(upToPairs.get("0|1")).toBe(50);
  });
});
