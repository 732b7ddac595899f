import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import type { AssociationRule } from "./AssociationRule.js";
import { associationRules } from "./associationRules.js";
import { frequentItemsets } from "./frequentItemsets.js";
import { readBaskets } from "./readBaskets.js";
import { redundantRules } from "./redundantRules.js";
import { streamItemsets } from "./streamItemsets.js";
import { streamRules } from "./streamRules.js";

const ruleKey = (r: AssociationRule) => `${r.antecedent.join(",")} => ${r.consequent.join(",")}`;

describe("streamRules", () => {
  const baskets = Object.freeze([
    Object.freeze(["beer", "diapers"]),
    Object.freeze(["beer", "diapers", "chips"]),
    Object.freeze(["milk"]),
    Object.freeze(["beer", "chips"]),
  ]);

  it("streamRules yields associationRules' rules with the same measures, with for await too", async () => {
    const options = { minSupport: 0.25, minConfidence: 0.5, consequent: "all" } as const;
    const expected = associationRules(baskets, { ...options, maxRules: Number.POSITIVE_INFINITY }).rules;
    const streamed: AssociationRule[] = [];
    for await (const rule of streamRules(baskets, options)) streamed.push(rule);
    const byKey = new Map(streamed.map((rule) => [ruleKey(rule), rule]));
    expect(byKey.size).toBe(expected.length);
    for (const rule of expected) expect(byKey.get(ruleKey(rule))).toEqual(rule);
  });

  it("streamRules is iterated once and refuses bad options eagerly", () => {
    const stream = streamRules(baskets, { minSupport: 0.5 });
    expect([...stream].length).toBe(stream.ruleCount);
    expect(() => [...stream]).toThrow(/once/);
    expect(() => streamRules(baskets, { minConfidence: 2 })).toThrow(InvalidOptionsError);
    expect(() => streamRules(baskets, { minLength: 3, maxLength: 2 })).toThrow(/minLength/);
  });
});

describe("streamItemsets", () => {
  it("streamItemsets hands every itemset to the callback and stops when it returns false", () => {
    const baskets = [["a", "b", "c"], ["a", "b"], ["a"]];
    const seen: string[] = [];
    const summary = streamItemsets(baskets, { minCount: 1 }, (itemset) => {
      seen.push(`${itemset.items.join("+")}:${itemset.count}`);
    });
    const expected = frequentItemsets(baskets, { minCount: 1 }).itemsets.map(
      (s) => `${s.items.join("+")}:${s.count}`,
    );
    expect(seen.sort()).toEqual(expected.sort());
    expect(summary.stoppedBy).toBeUndefined();
    let calls = 0;
    const stopped = streamItemsets(baskets, { minCount: 1 }, () => ++calls < 3);
    expect(calls).toBe(3);
    expect(stopped.stoppedBy).toBe("callback");
    expect(() => streamItemsets(baskets, { minCount: 1 }, undefined as never)).toThrow(InvalidOptionsError);
  });
});

describeWithDataset("groceries.csv", "streaming on Groceries", () => {
  const groceries = readBaskets(readSharedDataset("groceries.csv"));

  it("streamRules gives arules' 5668 rules at s=0.001, c=0.5, equal to associationRules'", () => {
    const expected = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 }).rules;
    const streamed = [...streamRules(groceries, { minSupport: 0.001, minConfidence: 0.5 })];
    expect(streamed.length).toBe(5668);
    const byKey = new Map(streamed.map((rule) => [ruleKey(rule), rule]));
    for (const rule of expected) expect(byKey.get(ruleKey(rule))).toEqual(rule);
  });

  it("streamItemsets gives frequentItemsets' 49580 itemsets at s=0.0005", () => {
    const expected = new Map(
      frequentItemsets(groceries, { minSupport: 0.0005 }).itemsets.map((s) => [s.items.join("+"), s.count]),
    );
    const seen = new Map<string, number>();
    streamItemsets(groceries, { minSupport: 0.0005 }, (s) => {
      seen.set(s.items.join("+"), s.count);
    });
    expect(seen.size).toBe(49580);
    expect(seen).toEqual(expected);
  });

  it("streamRules streams a million rules in bounded memory (as objects they would take 450 MB)", () => {
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let checksum = 0;
    const stream = streamRules(groceries, { minCount: 3, minConfidence: 0, consequent: "all", maxLength: 4 });
    for (const rule of stream) {
      count++;
      checksum += rule.count;
      if ((count & 16383) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
    // every split of every itemset of 2-4 items counted >= 3: sum of 2^L - 2 = 1,111,682 (a plain Python
    // Eclat over int bitsets of groceries.csv, run for this test)
    expect(count).toBe(1_111_682);
    expect(checksum).toBeGreaterThan(0);
    // the itemsets (flat buffers) and the garbage between two collections (about 35 MB alone, more when
    // other test files load the machine); 1.1M rule objects alone are about 450 MB
    expect(peak).toBeLessThan(150e6);
  }, 120_000);
});

describeWithDataset("groceries.csv", "streamRules nonRedundant on Groceries", () => {
  it("streamRules nonRedundant keeps exactly redundantRules' non-redundant rules (minLength 1), without the rule set in memory", () => {
    const groceries = readBaskets(readSharedDataset("groceries.csv"));
    const options = { minSupport: 0.001, minConfidence: 0.5, minLength: 1 } as const;
    const all = associationRules(groceries, { ...options, maxRules: Number.POSITIVE_INFINITY }).rules;
    const kept = redundantRules(all).nonRedundant.filter((rule) => rule.antecedent.length > 0);
    const streamed = [...streamRules(groceries, { ...options, nonRedundant: true })].filter(
      (rule) => rule.antecedent.length > 0,
    );
    expect(streamed.length).toBe(kept.length);
    expect(new Set(streamed.map(ruleKey))).toEqual(new Set(kept.map(ruleKey)));
    // arules: 572 of the 5668 rules of minlen 2 are redundant (redundantRules' TSDoc); the {} => y rules
    // change nothing at c = 0.5 (no item has support 0.5)
    expect(kept.length).toBe(5668 - 572);
  });
});
