import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { associationRules } from "./associationRules.js";
import { recommend } from "./recommend.js";

// By hand (N = 8, minCount 2): diapers 4, beer 4, milk 3, chips/wipes/bread/butter 2 each;
// frequent pairs diapers+beer 3, diapers+wipes 2, beer+chips 2, milk+bread 2, milk+butter 2 (no
// frequent triple). So confidence(diapers => beer) = 3/4, confidence(diapers => wipes) = 2/4,
// lift(diapers => wipes) = lift(beer => chips) = (2/8) / (4/8 * 2/8) = 2,
// lift(milk => bread) = lift(milk => butter) = (2/8) / (3/8 * 2/8) = 8/3.
const baskets = Object.freeze([
  ["diapers", "beer", "chips"],
  ["diapers", "beer"],
  ["diapers", "beer", "wipes"],
  ["diapers", "wipes"],
  ["milk", "bread"],
  ["milk", "bread", "butter"],
  ["milk", "butter"],
  ["beer", "chips"],
]);

describe("recommend", () => {
  const result = associationRules(baskets, { minCount: 2, minConfidence: 0.3 });

  it("recommend suggests consequents of rules whose antecedent is in the basket, excluding basket items", () => {
    const { recommendations } = recommend(result, ["diapers"], { limit: 3 });
    expect(recommendations.map((r) => r.item)).toEqual(["beer", "wipes"]);
    expect(recommendations[0]?.score).toBe(0.75);
    expect(recommendations[0]?.rules[0]?.antecedent).toEqual(["diapers"]);
    for (const entry of recommendations) expect(entry.item).not.toBe("diapers");
  });

  it("recommend uses rules with several antecedent items only when all are in the basket", () => {
    const { recommendations } = recommend(result.rules, ["beer", "diapers"], { by: "lift" });
    // ties on lift 2 and one rule each: by item name
    expect(recommendations.map((r) => r.item)).toEqual(["chips", "wipes"]);
    expect(recommendations.map((r) => r.score)).toEqual([2, 2]);
    for (const entry of recommendations) {
      for (const rule of entry.rules)
        for (const item of rule.antecedent) expect(["beer", "diapers"]).toContain(item);
    }
    expect(recommend(result, ["unknown item"]).recommendations).toEqual([]);
  });

  it("recommend ranks by the chosen measure and caps at limit", () => {
    const byLift = recommend(result, ["milk"], { by: "lift", limit: 1 }).recommendations;
    expect(byLift.map((r) => r.item)).toEqual(["bread"]);
    const all = recommend(result, ["milk"], { by: "lift", limit: 10 }).recommendations;
    expect(all.map((r) => r.item)).toEqual(["bread", "butter"]);
    for (const entry of all) expect(entry.score).toBeCloseTo(8 / 3, 14);
    const byConfidence = recommend(result, ["diapers", "chips"]).recommendations;
    // chips => beer has confidence 1, diapers => beer 3/4: the best justifying rule sets the score
    expect(byConfidence.map((r) => [r.item, r.score])).toEqual([
      ["beer", 1],
      ["wipes", 0.5],
    ]);
    expect(byConfidence[0]?.rules.map((r) => r.antecedent)).toEqual([["chips"], ["diapers"]]);
  });

  it("recommend does not mutate frozen rules or a frozen basket", () => {
    const rules = Object.freeze(result.rules.map((rule) => Object.freeze({ ...rule })));
    const basket = Object.freeze(["diapers", "diapers"]);
    expect(recommend(rules, basket).recommendations.map((r) => r.item)).toEqual(["beer", "wipes"]);
    expect(basket).toEqual(["diapers", "diapers"]);
  });

  it("recommend refuses a basket that is not a string array", () => {
    expect(() => recommend(result, "diapers" as never)).toThrow(InvalidOptionsError);
    expect(() => recommend(result, ["a"], { limit: 0 })).toThrow(InvalidOptionsError);
  });

  it("recommend refuses a rule whose ranking measure is NaN, naming the rule", () => {
    const { rules } = associationRules(baskets, { minSupport: 0.25, minConfidence: 0.5 });
    const broken = rules.map((rule, i) => (i === 0 ? { ...rule, lift: Number.NaN } : rule));
    expect(() => recommend(broken, ["diapers"], { by: "lift" })).toThrow(InvalidRecordError);
    expect(() => recommend([...rules, null] as never, ["diapers"])).toThrow(InvalidOptionsError);
  });
});
