import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { addCategories } from "./addCategories.js";
import { aggregateItems } from "./aggregateItems.js";
import { frequentItemsets } from "./frequentItemsets.js";
import { readBaskets } from "./readBaskets.js";

const hierarchy = Object.freeze([
  Object.freeze({ item: "ham", level2: "sausage", level1: "meat" }),
  Object.freeze({ item: "salami", level2: "sausage", level1: "meat" }),
  Object.freeze({ item: "beef", level2: "beef", level1: "meat" }),
  Object.freeze({ item: "whole milk", level2: "dairy produce", level1: "fresh" }),
]);

const decode = (t: ReturnType<typeof aggregateItems>) =>
  Array.from({ length: t.transactionCount }, (_, i) =>
    Array.from(t.items.subarray(t.offsets[i], t.offsets[i + 1]), (code) => t.itemLabels[code]),
  );

describe("aggregateItems", () => {
  it("aggregateItems replaces items by their category, once per basket", () => {
    const baskets = Object.freeze([
      Object.freeze(["ham", "salami", "whole milk"]),
      Object.freeze(["beef"]),
      Object.freeze([]),
    ]);
    const level2 = aggregateItems(baskets, hierarchy, { level: "level2" });
    expect(decode(level2)).toEqual([["sausage", "dairy produce"], ["beef"], []]);
    const level1 = aggregateItems(baskets, hierarchy, { level: "level1" });
    expect(decode(level1)).toEqual([["meat", "fresh"], ["meat"], []]);
  });

  it("aggregateItems keeps transaction ids", () => {
    const data = readBaskets("ham,salami\nwhole milk\n");
    const ids = { ...data, transactionIds: ["o1", "o2"] };
    expect(aggregateItems(ids, hierarchy, { level: "level2" }).transactionIds).toEqual(["o1", "o2"]);
  });

  it("aggregateItems refuses an item missing from the hierarchy, naming its transaction, unless kept", () => {
    const baskets = [["ham"], ["ham", "caviar"]];
    expect(() => aggregateItems(baskets, hierarchy, { level: "level2" })).toThrow(InvalidRecordError);
    try {
      aggregateItems(baskets, hierarchy, { level: "level2" });
    } catch (error) {
      expect((error as InvalidRecordError).row).toBe(1);
      expect((error as InvalidRecordError).value).toBe("caviar");
    }
    const kept = aggregateItems(baskets, hierarchy, { level: "level2", unknownItems: "keep" });
    expect(decode(kept)).toEqual([["sausage"], ["sausage", "caviar"]]);
  });

  it("aggregateItems refuses bad hierarchy rows and options", () => {
    expect(() => aggregateItems([["ham"]], [{ item: "ham", level2: "" }], { level: "level2" })).toThrow(
      InvalidRecordError,
    );
    expect(() =>
      aggregateItems(
        [["ham"]],
        [
          { item: "ham", level2: "sausage" },
          { item: "ham", level2: "beef" },
        ],
        { level: "level2" },
      ),
    ).toThrow(/same category/);
    expect(() => aggregateItems([["ham"]], hierarchy, { level: "level3" })).toThrow(InvalidRecordError);
    expect(() => aggregateItems([["ham"]], hierarchy, {} as never)).toThrow(InvalidOptionsError);
    expect(() => aggregateItems([["ham"]], hierarchy, { level: "level2", levle: 1 } as never)).toThrow(
      /did you mean/,
    );
  });
});

describe("addCategories", () => {
  it("addCategories adds every level's category with the suffix", () => {
    const extended = addCategories([["ham", "whole milk"]], hierarchy, { levels: ["level2", "level1"] });
    expect(decode(extended)).toEqual([
      ["ham", "sausage*", "meat*", "whole milk", "dairy produce*", "fresh*"],
    ]);
    const dashed = addCategories([["beef"]], hierarchy, { levels: ["level2"], suffix: " (category)" });
    expect(decode(dashed)).toEqual([["beef", "beef (category)"]]);
  });

  it("addCategories refuses a suffix that makes a category label equal to an item", () => {
    expect(() => addCategories([["beef"]], hierarchy, { levels: ["level2"], suffix: "" })).toThrow(/suffix/);
  });
});

interface HierarchyReference {
  transactionCount: number;
  minCount: number;
  level2CategoryCount: number;
  level2: Record<string, number>;
}

describeWithDataset("groceries_hierarchy.csv", "aggregateItems on Groceries", () => {
  const reference = JSON.parse(
    readFileSync(new URL("../../fixtures/basket/hierarchy-reference.json", import.meta.url), "utf8"),
  ) as HierarchyReference;
  const groceries = readBaskets(readSharedDataset("groceries.csv"));
  const rows = parseSimpleCsv(readSharedDataset("groceries_hierarchy.csv"));

  it("aggregateItems at level2 gives 55 categories and the itemset counts of the Python reference", () => {
    const level2 = aggregateItems(groceries, rows, { level: "level2" });
    expect(level2.transactionCount).toBe(reference.transactionCount);
    expect(level2.itemLabels.length).toBe(reference.level2CategoryCount);
    const mined = frequentItemsets(level2, { minCount: reference.minCount });
    const counts = Object.fromEntries(mined.itemsets.map((s) => [s.items.join("+"), s.count]));
    expect(Object.keys(counts).length).toBe(625);
    expect(counts).toEqual(reference.level2);
  });

  it("aggregateItems at level1 gives 10 categories", () => {
    expect(aggregateItems(groceries, rows, { level: "level1" }).itemLabels.length).toBe(10);
  });
});
