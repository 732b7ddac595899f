import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { associationRules } from "./associationRules.js";
import { recommend } from "./recommend.js";

const baskets = [
  ["diapers", "beer", "chips"],
  ["diapers", "beer"],
  ["diapers", "beer", "wipes"],
  ["diapers", "wipes"],
  ["milk", "bread"],
  ["milk", "bread", "butter"],
  ["milk", "butter"],
  ["beer", "chips"],
];

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
    expect(recommendations.map((r) => r.item)).not.toContain("beer");
    for (const entry of recommendations) {
      for (const rule of entry.rules)
        for (const item of rule.antecedent) expect(["beer", "diapers"]).toContain(item);
    }
    expect(recommend(result, ["unknown item"]).recommendations).toEqual([]);
  });

  it("recommend ranks by the chosen measure and caps at limit", () => {
    const byLift = recommend(result, ["milk"], { by: "lift", limit: 1 }).recommendations;
    expect(byLift.length).toBe(1);
    const all = recommend(result, ["milk"], { by: "lift", limit: 10 }).recommendations;
    expect(all.map((r) => r.score)).toEqual([...all.map((r) => r.score)].sort((a, b) => b - a));
  });

  it("recommend refuses a basket that is not a string array", () => {
    expect(() => recommend(result, "diapers" as never)).toThrow(InvalidOptionsError);
    expect(() => recommend(result, ["a"], { limit: 0 })).toThrow(InvalidOptionsError);
  });
});
