import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidRecordError } from "../core/index.js";
import { itemFrequencies } from "./itemFrequencies.js";
import { readBaskets } from "./readBaskets.js";

describe("itemFrequencies", () => {
  it("itemFrequencies counts each item once per basket, most frequent first, ties by name", () => {
    const result = itemFrequencies(
      Object.freeze([Object.freeze(["b", "a", "b"]), Object.freeze(["a"]), Object.freeze([])]),
    );
    expect(result.items).toEqual([
      { item: "a", count: 2, support: 2 / 3 },
      { item: "b", count: 1, support: 1 / 3 },
    ]);
    expect(result.transactionCount).toBe(3);
    expect(result.itemOccurrences).toBe(3);
  });

  it("itemFrequencies of empty input is an empty list", () => {
    expect(itemFrequencies([]).items).toEqual([]);
  });

  it("itemFrequencies names the row of a non-string item", () => {
    expect(() => itemFrequencies([["a"], ["b", 7 as unknown as string]])).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: itemFrequencies: row 1, field "basket[1]": received 7 (number); expected a non-empty string item name; convert ids with String(id) first]`,
    );
    expect(() => itemFrequencies([["a"], "b" as unknown as string[]])).toThrow(InvalidRecordError);
  });

  it("itemFrequencies refuses a null basket and a hand-built Transactions whose offsets point past its items", () => {
    expect(() => itemFrequencies([["a"], null as unknown as string[]])).toThrow(InvalidRecordError);
    const data = readBaskets("a,b\nb\n");
    // before: counted whatever the offsets pointed at
    expect(() => itemFrequencies({ ...data, offsets: Int32Array.from([0, 2, 4]) })).toThrow();
    expect(() => itemFrequencies({ ...data, items: Int32Array.from([0, 5, 1]) })).toThrow(InvalidRecordError);
  });
});

describeWithDataset("groceries.csv", "itemFrequencies on groceries", () => {
  it("itemFrequencies matches the most frequent items of SOURCE.md", () => {
    const top = itemFrequencies(readBaskets(readSharedDataset("groceries.csv"))).items.slice(0, 5);
    expect(top.map((entry) => [entry.item, entry.count])).toEqual([
      ["whole milk", 2513],
      ["other vegetables", 1903],
      ["rolls/buns", 1809],
      ["soda", 1715],
      ["yogurt", 1372],
    ]);
  });
});
