import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import type { AssociationRule } from "./AssociationRule.js";
import { associationRules } from "./associationRules.js";
import { readBaskets } from "./readBaskets.js";
import { redundantRules } from "./redundantRules.js";

const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/basket/reference.json", import.meta.url), "utf8"),
) as { "redundantRulesAt0.001conf0.5": number };

const rule = (antecedent: string[], consequent: string[], confidence: number): AssociationRule =>
  ({ antecedent, consequent, confidence, lift: confidence * 2 }) as unknown as AssociationRule;

describe("redundantRules", () => {
  it("redundantRules flags a rule when a more general rule with the same consequent is at least as confident", () => {
    const rules = Object.freeze([
      rule(["a"], ["z"], 0.6),
      rule(["a", "b"], ["z"], 0.6), // redundant: {a} => z is as confident
      rule(["a", "c"], ["z"], 0.7), // not redundant: better than {a} => z
      rule(["b", "c"], ["y"], 0.5), // no general rule in the set
      rule(["a", "c", "d"], ["z"], 0.65), // redundant: {a, c} => z has 0.7
    ]);
    const result = redundantRules(rules);
    expect(result.isRedundant).toEqual([false, true, false, false, true]);
    expect(result.nonRedundant.length).toBe(3);
    expect(result.redundant.map((r) => r.antecedent)).toEqual([
      ["a", "b"],
      ["a", "c", "d"],
    ]);
  });

  it("redundantRules treats an empty antecedent rule as the most general", () => {
    const result = redundantRules([rule([], ["z"], 0.8), rule(["q"], ["z"], 0.8)]);
    expect(result.isRedundant).toEqual([false, true]);
  });

  it("redundantRules can compare another measure", () => {
    // {a, b} => z: as confident as {a} => z (redundant by confidence) but with a higher lift
    const rules = [
      { ...rule(["a"], ["z"], 0.6), lift: 1.5 },
      { ...rule(["a", "b"], ["z"], 0.6), lift: 1.8 },
      // {a, c} => z: more confident than {a} => z but with a lower lift (redundant by lift)
      { ...rule(["a", "c"], ["z"], 0.7), lift: 1.2 },
    ] as AssociationRule[];
    expect(redundantRules(rules).isRedundant).toEqual([false, true, false]);
    expect(redundantRules(rules, { measure: "lift" }).isRedundant).toEqual([false, false, true]);
  });

  it("redundantRules stays linear in memory on 200k rules", () => {
    const many: AssociationRule[] = [];
    for (let i = 0; i < 200_000; i++)
      many.push(rule([`a${i % 500}`, `b${i % 397}`], [`c${i % 11}`], (i % 7) / 10));
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = redundantRules(many);
    expect(result.isRedundant.length).toBe(200_000);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(500 * 2 ** 20);
  });

  it("redundantRules refuses input that is not rules", () => {
    expect(() => redundantRules("rules" as never)).toThrow(InvalidOptionsError);
    expect(() => redundantRules([{ antecedent: "a" }] as never)).toThrow(InvalidOptionsError);
  });

  it("redundantRules refuses a rule whose compared measure is NaN, naming the rule index, field and value", () => {
    const { rules } = associationRules(
      [
        ["a", "b", "c"],
        ["a", "b"],
        ["a", "c"],
        ["b", "c"],
      ],
      {
        minCount: 1,
        minConfidence: 0,
      },
    );
    const broken = rules.map((rule, i) => (i === 2 ? { ...rule, confidence: Number.NaN } : rule));
    try {
      redundantRules(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect(error).toMatchObject({ row: 2, field: "confidence" });
      expect((error as InvalidRecordError).value).toBeNaN();
    }
    const badLift = rules.map((rule, i) => (i === 1 ? { ...rule, lift: Number.NaN } : rule));
    expect(() => redundantRules(badLift, { measure: "lift" })).toThrow(InvalidRecordError);
    expect(() => redundantRules(rules.map((rule) => ({ ...rule, confidence: 1.5 })))).toThrow(
      InvalidRecordError,
    );
    expect(() => redundantRules([{ ...(rules[0] as AssociationRule), antecedent: [null] }] as never)).toThrow(
      InvalidRecordError,
    );
  });
});

describeWithDataset("groceries.csv", "redundantRules on groceries", () => {
  it("redundantRules finds the redundant rules of the 5668 (Python reference, arules is.redundant semantics)", () => {
    const groceries = readBaskets(readSharedDataset("groceries.csv"));
    const { rules } = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });
    const result = redundantRules(rules);
    expect(result.redundant.length).toBe(reference["redundantRulesAt0.001conf0.5"]);
    // a rule with improvement > 0 against every frequent subset is never redundant within the set
    for (let i = 0; i < rules.length; i++)
      if ((rules[i] as AssociationRule).improvement > 0) expect(result.isRedundant[i]).toBe(false);
  });
});
