import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import type { AssociationRule } from "./AssociationRule.js";
import { type AssociationRulesMeasureName, associationRules } from "./associationRules.js";
import { BUILT_IN_MEASURES } from "./internal/measures.js";
import { readBaskets } from "./readBaskets.js";
import type { TransactionsInput } from "./Transactions.js";
import { topRules } from "./topRules.js";

const ruleKey = (r: AssociationRule) => `${r.antecedent.join(",")} => ${r.consequent.join(",")}`;

/** The documented order, written out: measure (ascending for Fisher), count desc, length asc, names. */
function documentedOrder(by: AssociationRulesMeasureName) {
  return (a: AssociationRule, b: AssociationRule): number => {
    const x = a[by] as number;
    const y = b[by] as number;
    if (x !== y) return by === "fishersExactTest" ? (x < y ? -1 : 1) : x > y ? -1 : 1;
    if (a.count !== b.count) return b.count - a.count;
    if (a.antecedent.length !== b.antecedent.length) return a.antecedent.length - b.antecedent.length;
    const left = [...a.antecedent, ...a.consequent];
    const right = [...b.antecedent, ...b.consequent];
    for (let i = 0; i < left.length; i++) {
      if (left[i] !== right[i]) return (left[i] as string) < (right[i] as string) ? -1 : 1;
    }
    return 0;
  };
}

/** Mine every rule (count >= minCount) with associationRules, sort in the documented order, keep k. */
function mineAllAndSort(
  data: TransactionsInput,
  by: AssociationRulesMeasureName,
  k: number,
  minConfidence: number,
  minCount: number,
  maxLength?: number,
): AssociationRule[] {
  const all = associationRules(data, {
    minCount,
    minConfidence,
    maxRules: Number.POSITIVE_INFINITY,
    maxItemsets: Number.POSITIVE_INFINITY,
    ...(maxLength === undefined ? {} : { maxLength }),
  }).rules;
  return [...all].sort(documentedOrder(by)).slice(0, k);
}

describe("topRules", () => {
  const baskets = Object.freeze([
    Object.freeze(["beer", "diapers"]),
    Object.freeze(["beer", "diapers", "chips"]),
    Object.freeze(["milk"]),
    Object.freeze(["beer", "chips"]),
  ]);

  it("topRules ranks by the measure, then count, then length, then names", () => {
    // by hand (N = 4; beer 3, diapers 2, chips 2; beer+diapers 2, beer+chips 2, diapers+chips 1, all three 1):
    // confidence 1 at count 2: chips => beer, diapers => beer (by name); confidence 1 at count 1:
    // chips,diapers => beer; 2/3 at count 2: beer => chips, beer => diapers; 1/2 at count 1, the shorter
    // rules first: chips => diapers, diapers => chips, then beer,chips => diapers, beer,diapers => chips
    const { rules, exact } = topRules(baskets, { k: 8, by: "confidence" });
    expect(exact).toBe(true);
    expect(rules.map(ruleKey)).toEqual([
      "chips => beer",
      "diapers => beer",
      "chips,diapers => beer",
      "beer => chips",
      "beer => diapers",
      "chips => diapers",
      "diapers => chips",
      "beer,chips => diapers",
    ]);
    expect(rules.map((r) => r.confidence)).toEqual([1, 1, 1, 2 / 3, 2 / 3, 0.5, 0.5, 0.5]);
  });

  it("topRules refuses a bad k, an unknown measure and unknown options", () => {
    expect(() => topRules(baskets, { k: 0 })).toThrow(InvalidOptionsError);
    expect(() => topRules(baskets, {} as never)).toThrow(InvalidOptionsError);
    expect(() => topRules(baskets, { k: 3, by: "interest" as never })).toThrow(InvalidOptionsError);
    expect(() => topRules(baskets, { k: 3, minConfidance: 0.5 } as never)).toThrow(/did you mean/);
  });

  it("topRules returns every rule when fewer than k exist", () => {
    const result = topRules(baskets, { k: 100, minConfidence: 0.6 });
    expect(result.rules.map(ruleKey).sort()).toEqual(
      mineAllAndSort(baskets, "support", 100, 0.6, 1).map(ruleKey).sort(),
    );
    expect(result.minCount).toBe(1);
  });

  it("topRules equals mining every rule and sorting, for every measure (random baskets)", () => {
    const baskets = fc.array(
      fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 6 }),
      {
        minLength: 1,
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(
        baskets,
        fc.constantFrom(...BUILT_IN_MEASURES),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom(0, 0.3, 0.8),
        fc.constantFrom(1, 1, 2, 3),
        (data, by, k, minConfidence, minCount) => {
          const ours = topRules(data, { k, by, minConfidence, minCount });
          const expected = mineAllAndSort(data, by, k, minConfidence, minCount);
          expect(ours.exact).toBe(true);
          expect(ours.rules.map(ruleKey)).toEqual(expected.map(ruleKey));
          expect(ours.rules).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 20261207 },
    );
  });
});

describeWithDataset("groceries.csv", "topRules on Groceries", () => {
  const groceries = readBaskets(readSharedDataset("groceries.csv"));

  it("topRules with maxLength 2 equals mining every pair rule at count 1 and sorting, for all 25 measures", () => {
    const all = associationRules(groceries, {
      minCount: 1,
      minConfidence: 0,
      maxLength: 2,
      maxRules: Number.POSITIVE_INFINITY,
    }).rules;
    for (const by of BUILT_IN_MEASURES) {
      const ours = topRules(groceries, { k: 25, by, maxLength: 2 });
      const expected = [...all].sort(documentedOrder(by)).slice(0, 25);
      expect(ours.rules.map(ruleKey), by).toEqual(expected.map(ruleKey));
    }
  }, 60_000);

  it("topRules without maxLength equals mining every rule of count >= 7 and sorting (each stops at count >= 8)", () => {
    const all = associationRules(groceries, {
      minCount: 7,
      minConfidence: 0,
      maxRules: Number.POSITIVE_INFINITY,
    }).rules;
    const stopping = [
      "support",
      "count",
      "confidence",
      "leverage",
      "laplace",
      "fishersExactTest",
      "conviction",
      "certainty",
      "yulesQ",
      "oddsRatio",
      "antecedentSupport",
      "consequentSupport",
    ] as const;
    for (const by of stopping) {
      for (const minConfidence of by === "support" || by === "confidence" ? [0, 0.5] : [0]) {
        const ours = topRules(groceries, { k: 10, by, minConfidence });
        expect(ours.exact).toBe(true);
        expect(ours.minCount, by).toBeGreaterThanOrEqual(8);
        const expected = [...all]
          .filter((r) => r.confidence >= minConfidence)
          .sort(documentedOrder(by))
          .slice(0, 10);
        expect(ours.rules.map(ruleKey), `${by} ${minConfidence}`).toEqual(expected.map(ruleKey));
      }
    }
    // the published favourite: the most confident rule with the highest count
    expect(ruleKey(topRules(groceries, { k: 1, by: "confidence" }).rules[0] as AssociationRule)).toBe(
      "flour,root vegetables,whipped/sour cream => whole milk",
    );
  }, 120_000);

  it("topRules with a minCount floor equals mining every rule of that count and sorting (lift, chi-squared)", () => {
    const all = associationRules(groceries, {
      minCount: 10,
      minConfidence: 0,
      maxRules: Number.POSITIVE_INFINITY,
    }).rules;
    for (const by of ["lift", "chiSquared", "mutualInformation"] as const) {
      const ours = topRules(groceries, { k: 15, by, minCount: 10 });
      expect(ours.exact).toBe(true);
      expect(ours.options.minCount).toBe(10);
      const expected = [...all].sort(documentedOrder(by)).slice(0, 15);
      expect(ours.rules.map(ruleKey), by).toEqual(expected.map(ruleKey));
    }
  }, 60_000);

  it("topRules refuses, under the default budget, a measure that would need every itemset at count 1", () => {
    expect(() => topRules(groceries, { k: 10, by: "lift" })).toThrow(/set maxLength/);
    const partial = topRules(groceries, { k: 10, by: "lift", maxItemsets: 50_000 });
    expect(partial.exact).toBe(false);
    expect(partial.rules.length).toBe(10);
  }, 60_000);
});
