import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InvalidOptionsError } from "../core/index.js";
import { multiLevelItemsets } from "./multiLevelItemsets.js";
import { multiLevelRules } from "./multiLevelRules.js";
import { readBaskets } from "./readBaskets.js";

const hierarchy = [
  { item: "ham", level2: "sausage", level1: "meat" },
  { item: "salami", level2: "sausage", level1: "meat" },
  { item: "beef", level2: "beef", level1: "meat" },
  { item: "whole milk", level2: "dairy produce", level1: "fresh" },
];

describe("multiLevelRules", () => {
  it("multiLevelRules never pairs an item or category with its own ancestor", () => {
    const baskets = [["ham", "whole milk"], ["salami", "whole milk"], ["beef"], ["ham", "beef"]];
    const result = multiLevelRules(baskets, hierarchy, {
      levels: ["level2", "level1"],
      minCount: 1,
      minConfidence: 0,
      maxRules: Number.POSITIVE_INFINITY,
    });
    const ancestors: Record<string, string[]> = {
      ham: ["sausage*", "meat*"],
      salami: ["sausage*", "meat*"],
      beef: ["beef*", "meat*"],
      "whole milk": ["dairy produce*", "fresh*"],
      "sausage*": ["meat*"],
      "beef*": ["meat*"],
      "dairy produce*": ["fresh*"],
    };
    expect(result.rules.length).toBeGreaterThan(0);
    expect(result.droppedAncestorRules).toBeGreaterThan(0);
    for (const rule of result.rules) {
      const all = [...rule.antecedent, ...rule.consequent];
      for (const label of all) for (const above of ancestors[label] ?? []) expect(all).not.toContain(above);
    }
    // a cross-level rule survives: sausage* => whole milk (2 of 3 sausage baskets hold milk)
    const rule = result.rules.find(
      (r) => r.antecedent.join() === "sausage*" && r.consequent.join() === "whole milk",
    );
    expect(rule?.confidence).toBeCloseTo(2 / 3, 12);
  });

  it("multiLevelRules applies maxRules after the filter", () => {
    const baskets = [["ham", "whole milk"], ["salami", "whole milk"], ["whole milk"]];
    const all = multiLevelRules(baskets, hierarchy, { levels: ["level2"], minCount: 2, minConfidence: 0.5 });
    const top = multiLevelRules(baskets, hierarchy, {
      levels: ["level2"],
      minCount: 2,
      minConfidence: 0.5,
      maxRules: 1,
    });
    expect(top.rules).toEqual(all.rules.slice(0, 1));
    expect(top.options.maxRules).toBe(1);
  });

  it("multiLevelItemsets refuses targets other than all", () => {
    expect(() =>
      multiLevelItemsets([["ham"]], hierarchy, { levels: ["level2"], target: "closed" } as never),
    ).toThrow(InvalidOptionsError);
  });

  it("multiLevelRules reports a hierarchy option of the wrong type once, without a length issue", () => {
    const issuesOf = (options: object) =>
      optionsError(() => multiLevelRules([["ham"]], hierarchy, options as never)).issues.map(
        (issue) => `${issue.path}: ${issue.message}`,
      );
    expect(issuesOf({ levels: "" })).toEqual(['levels: expected an array, received a string (received "")']);
    expect(issuesOf({ levels: ["level2"], item: [] })).toEqual([
      "item: expected a string, received an array (received [])",
    ]);
    expect(issuesOf({ levels: [3, ""] })).toEqual([
      "levels.0: expected a string, received a number (received 3)",
      'levels.1: must name a column of the hierarchy rows (received "")',
    ]);
  });
});

interface HierarchyReference {
  minCount: number;
  multiLevel: Record<string, number>;
  multiLevelRules: {
    antecedent: string[];
    consequent: string[];
    count: number;
    confidence: number;
    lift: number;
  }[];
}

describeWithDataset("groceries_hierarchy.csv", "multi-level mining on Groceries", () => {
  const reference = JSON.parse(
    readFileSync(new URL("../../fixtures/basket/hierarchy-reference.json", import.meta.url), "utf8"),
  ) as HierarchyReference;
  const groceries = readBaskets(readSharedDataset("groceries.csv"));
  const rows = parseSimpleCsv(readSharedDataset("groceries_hierarchy.csv"));

  it("multiLevelItemsets with level2 matches the Python reference itemset by itemset", () => {
    const result = multiLevelItemsets(groceries, rows, { levels: ["level2"], minCount: reference.minCount });
    const counts = Object.fromEntries(result.itemsets.map((s) => [s.items.join("+"), s.count]));
    expect(Object.keys(counts).length).toBe(2436);
    expect(counts).toEqual(reference.multiLevel);
    expect(result.droppedAncestorItemsets).toBeGreaterThan(0);
  });

  it("multiLevelRules with level2 matches the Python reference rule by rule", () => {
    const result = multiLevelRules(groceries, rows, {
      levels: ["level2"],
      minCount: reference.minCount,
      minConfidence: 0.5,
    });
    const key = (r: { antecedent: readonly string[]; consequent: readonly string[] }) =>
      `${r.antecedent.join("+")} => ${r.consequent.join("+")}`;
    const ours = new Map(result.rules.map((r) => [key(r), r]));
    expect(ours.size).toBe(reference.multiLevelRules.length);
    for (const expected of reference.multiLevelRules) {
      const rule = ours.get(key(expected));
      expect(rule?.count, key(expected)).toBe(expected.count);
      expect(rule?.confidence).toBeCloseTo(expected.confidence, 12);
      expect(rule?.lift).toBeCloseTo(expected.lift, 10);
    }
  });
});
