import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { highUtilityItemsets } from "./highUtilityItemsets.js";

interface Line {
  readonly t: string;
  readonly item: string;
  readonly qty: number;
}

/** Every subset of the items with its utility, by scanning (test oracle, exponential). */
function bruteForce(lines: readonly Line[], profit: Readonly<Record<string, number>>, minUtility: number) {
  const baskets = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const basket = baskets.get(line.t) ?? new Map<string, number>();
    basket.set(line.item, (basket.get(line.item) ?? 0) + line.qty * (profit[line.item] as number));
    baskets.set(line.t, basket);
  }
  const universe = [...new Set(lines.map((line) => line.item))].sort();
  const out = new Map<string, { utility: number; count: number }>();
  for (let mask = 1; mask < 1 << universe.length; mask++) {
    const items = universe.filter((_, k) => (mask >> k) & 1);
    let utility = 0;
    let count = 0;
    for (const basket of baskets.values()) {
      if (!items.every((item) => basket.has(item))) continue;
      count++;
      for (const item of items) utility += basket.get(item) as number;
    }
    if (count > 0 && utility >= minUtility) out.set(items.join("+"), { utility, count });
  }
  return out;
}

describe("highUtilityItemsets", () => {
  it("highUtilityItemsets finds the 8 itemsets of SPMF's EFIM example at minutil 30", () => {
    // SPMF documentation, "Mining High-Utility Itemsets ... using the EFIM Algorithm" (DB_utility.txt):
    // t1 items 3 5 1 2 4 6 utilities 1 3 5 10 6 5; t2 3 5 2 4: 3 3 8 6; t3 3 1 4: 1 5 2;
    // t4 3 5 1 7: 6 6 10 5; t5 3 5 2 7: 2 3 4 2. Published output at min_utility 30:
    // {2,4}:30 {2,5}:31 {1,3,5}:31 {2,3,4}:34 {2,3,5}:37 {2,4,5}:36 {2,3,4,5}:40 {1,2,3,4,5,6}:30
    const db: [number[], number[]][] = [
      [
        [3, 5, 1, 2, 4, 6],
        [1, 3, 5, 10, 6, 5],
      ],
      [
        [3, 5, 2, 4],
        [3, 3, 8, 6],
      ],
      [
        [3, 1, 4],
        [1, 5, 2],
      ],
      [
        [3, 5, 1, 7],
        [6, 6, 10, 5],
      ],
      [
        [3, 5, 2, 7],
        [2, 3, 4, 2],
      ],
    ];
    const lines = Object.freeze(
      db.flatMap(([items, utilities], t) =>
        items.map((item, k) =>
          Object.freeze({ t: `t${t + 1}`, item: String(item), qty: utilities[k] as number }),
        ),
      ),
    );
    const result = highUtilityItemsets(lines, {
      transaction: "t",
      item: "item",
      quantity: "qty",
      minUtility: 30,
    });
    const got = Object.fromEntries(result.itemsets.map((s) => [s.items.join(","), s.utility]));
    expect(got).toEqual({
      "2,4": 30,
      "2,5": 31,
      "1,3,5": 31,
      "2,3,4": 34,
      "2,3,5": 37,
      "2,4,5": 36,
      "2,3,4,5": 40,
      "1,2,3,4,5,6": 30,
    });
    expect(result.itemsets[0]?.items).toEqual(["2", "3", "4", "5"]);
    // transaction utilities 30 + 20 + 8 + 27 + 11
    expect(result.totalUtility).toBe(96);
  });

  it("highUtilityItemsets multiplies quantity by unit profit (hand-worked)", () => {
    // order 1: 2 wine (5 each) + 1 cheese (3) = 13; order 2: 1 wine = 5; order 3: 4 cheese = 12
    // u(wine) = 10 + 5 = 15, u(cheese) = 3 + 12 = 15, u(wine, cheese) = 13 (order 1 only)
    const lines = [
      { order: "1", product: "wine", qty: 2 },
      { order: "1", product: "cheese", qty: 1 },
      { order: "2", product: "wine", qty: 1 },
      { order: "3", product: "cheese", qty: 3 },
      { order: "3", product: "cheese", qty: 1 },
    ];
    const table = { wine: 5, cheese: 3 };
    const result = highUtilityItemsets(lines, {
      transaction: "order",
      item: "product",
      quantity: "qty",
      unitProfit: table,
      minUtility: 13,
    });
    expect(result.itemsets).toEqual([
      { items: ["cheese"], utility: 15, count: 2 },
      { items: ["wine"], utility: 15, count: 2 },
      { items: ["cheese", "wine"], utility: 13, count: 1 },
    ]);
    const byField = highUtilityItemsets(
      lines.map((line) => ({ ...line, margin: table[line.product as "wine" | "cheese"] })),
      { transaction: "order", item: "product", quantity: "qty", unitProfit: "margin", minUtility: 13 },
    );
    expect(byField.itemsets).toEqual(result.itemsets);
  });

  it("highUtilityItemsets equals brute force on random orders", () => {
    const items = ["a", "b", "c", "d", "e", "f"];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            t: fc.constantFrom("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"),
            item: fc.constantFrom(...items),
            qty: fc.integer({ min: 0, max: 9 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 6 }),
        (lines, profits, minUtility, maxLength) => {
          const profit = Object.fromEntries(items.map((item, k) => [item, profits[k] as number]));
          const ours = highUtilityItemsets(lines, {
            transaction: "t",
            item: "item",
            quantity: "qty",
            unitProfit: profit,
            minUtility,
            maxLength,
          });
          const expected = [...bruteForce(lines, profit, minUtility)].filter(
            ([key]) => key.split("+").length <= maxLength,
          );
          const got = new Map(
            ours.itemsets.map((s) => [s.items.join("+"), { utility: s.utility, count: s.count }]),
          );
          expect(got).toEqual(new Map(expected));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("highUtilityItemsets refuses negative quantities, unlisted items and bad options", () => {
    const lines = [{ t: "1", item: "a", qty: 2 }];
    const base = { transaction: "t", item: "item", quantity: "qty", minUtility: 1 } as const;
    expect(() => highUtilityItemsets([{ t: "1", item: "a", qty: -1 }], base)).toThrow(InvalidRecordError);
    expect(() => highUtilityItemsets(lines, { ...base, unitProfit: { b: 1 } })).toThrow(/unitProfit table/);
    expect(() => highUtilityItemsets(lines, { ...base, minUtility: 0 })).toThrow(InvalidOptionsError);
    expect(() => highUtilityItemsets(lines, { ...base, minUtilty: 3 } as never)).toThrow(/did you mean/);
    const partial = highUtilityItemsets(
      [
        { t: "1", item: "a", qty: 1 },
        { t: "1", item: "b", qty: 1 },
        { t: "1", item: "c", qty: 1 },
      ],
      { ...base, maxItemsets: 2 },
    );
    expect(partial.truncated).toBe(true);
    expect(partial.itemsets.length).toBe(2);
  });
});
