import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transactionsFrom } from "../transactionsFrom.js";
import { ItemsetEmitter } from "./emitter.js";
import { fpGrowth } from "./fpgrowth.js";
import { countItems, rankDatabase, sortLexicographically } from "./mining.js";
import { occurrenceDeliver } from "./occurrenceDeliver.js";

/** Itemsets of one miner as "rank|rank|..." (ranks sorted) -> count. */
function mine(
  baskets: readonly (readonly string[])[],
  minCount: number,
  run: (database: ReturnType<typeof rankDatabase>, emitter: ItemsetEmitter) => void,
): Map<string, number> {
  const rows = baskets.flatMap((basket, t) => basket.map((item) => ({ t, item })));
  const transactions = transactionsFrom(rows, { transaction: "t", item: "item" });
  const database = sortLexicographically(rankDatabase(transactions, countItems(transactions), minCount));
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

const baskets = fc.array(
  fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h", "i"), { maxLength: 8 }),
  { minLength: 1, maxLength: 40 },
);

describe("fpGrowth (internal)", () => {
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
});
