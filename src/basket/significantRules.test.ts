import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import type { AssociationRule } from "./AssociationRule.js";
import { associationRules } from "./associationRules.js";
import { readBaskets } from "./readBaskets.js";
import { significantRules } from "./significantRules.js";

interface SignificanceReference {
  count: number;
  sample: { antecedent: string[]; consequent: string[]; adjusted: number }[];
}
const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/basket/reference.json", import.meta.url), "utf8"),
) as { significant: Record<"bonferroni" | "holm" | "fdr", SignificanceReference> };

const withP = (p: number[]) =>
  p.map(
    (value, i) =>
      ({
        antecedent: [`a${i}`],
        consequent: ["z"],
        confidence: 1,
        fishersExactTest: value,
      }) as unknown as AssociationRule,
  );

describe("significantRules", () => {
  // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09 ; "BH" = 0.05 0.05 0.05 0.05 0.05
  it("significantRules adjusts p-values like R p.adjust (bonferroni, holm, BH)", () => {
    const rules = withP([0.01, 0.02, 0.03, 0.04, 0.05]);
    const round = (values: Float64Array) => Array.from(values, (v) => Number(v.toFixed(12)));
    expect(round(significantRules(rules, { correction: "bonferroni" }).adjustedPValues)).toEqual([
      0.05, 0.1, 0.15, 0.2, 0.25,
    ]);
    expect(round(significantRules(rules, { correction: "holm" }).adjustedPValues)).toEqual([
      0.05, 0.08, 0.09, 0.09, 0.09,
    ]);
    expect(round(significantRules(rules, { correction: "fdr" }).adjustedPValues)).toEqual([
      0.05, 0.05, 0.05, 0.05, 0.05,
    ]);
    expect(
      significantRules(rules, { correction: "holm", alpha: 0.05 }).rules.map((r) => r.antecedent[0]),
    ).toEqual(["a0"]);
    expect(significantRules(rules, { correction: "none", alpha: 0.025 }).rules.length).toBe(2);
  });

  it("significantRules does not mutate frozen rules", () => {
    const rules = Object.freeze(withP([0.04, 0.001]).map((r) => Object.freeze(r)));
    const result = significantRules(rules, { correction: "bonferroni" });
    // bonferroni by hand: 2 x 0.04 = 0.08 > 0.05, 2 x 0.001 = 0.002
    expect(result.rules.map((r) => [r.antecedent[0], r.adjustedPValue])).toEqual([["a1", 0.002]]);
    expect(rules[0]).not.toHaveProperty("adjustedPValue");
  });

  it("significantRules refuses alpha outside (0, 1]", () => {
    expect(() => significantRules(withP([0.1]), { alpha: 0 })).toThrow(InvalidOptionsError);
    expect(() => significantRules(withP([0.1]), { correction: "sidak" as never })).toThrow(
      InvalidOptionsError,
    );
  });

  it("significantRules of no rules is empty", () => {
    expect(significantRules([]).rules).toEqual([]);
  });

  it("significantRules refuses a NaN or out-of-range p-value with a typed error naming the rule", () => {
    // before: one NaN turned every Holm/BH-adjusted value into NaN, and a p-value of 2 was accepted
    for (const bad of [Number.NaN, 2, -0.1]) {
      for (const correction of ["holm", "fdr", "bonferroni", "none"] as const) {
        try {
          significantRules(withP([0.01, bad, 0.03]), { correction });
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidRecordError);
          expect(error).toMatchObject({ row: 1, field: "fishersExactTest" });
          expect(Object.is((error as InvalidRecordError).value, bad)).toBe(true);
        }
      }
    }
    expect(() => significantRules(withP([0.01, "0.2" as unknown as number]))).toThrow(InvalidRecordError);
    // the p-values associationRules computes are in [0, 1]: the adjusted values of real rules are too
    const { rules } = associationRules([["a", "b"], ["a", "b"], ["a"], ["b"], ["c"]], {
      minCount: 1,
      minConfidence: 0,
    });
    for (const value of significantRules(rules, { correction: "holm" }).adjustedPValues) {
      expect(value >= 0 && value <= 1).toBe(true);
    }
  });
});

describeWithDataset("groceries.csv", "significantRules on groceries", () => {
  const groceries = readBaskets(readSharedDataset("groceries.csv"));
  const { rules } = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });
  const key = (r: { antecedent: readonly string[]; consequent: readonly string[] }) =>
    `${r.antecedent.join("|")}=>${r.consequent.join("|")}`;

  it.each(["bonferroni", "holm", "fdr"] as const)(
    "significantRules with %s keeps the rules statsmodels multipletests keeps (alpha 0.05)",
    (correction) => {
      const expected = reference.significant[correction];
      const result = significantRules(rules, { alpha: 0.05, correction });
      expect(result.tested).toBe(5668);
      expect(result.rules.length).toBe(expected.count);
      const adjusted = new Map(rules.map((r, i) => [key(r), result.adjustedPValues[i] as number]));
      for (const sample of expected.sample) {
        const value = adjusted.get(key(sample)) as number;
        expect(Math.abs(value - sample.adjusted) / Math.max(sample.adjusted, 1e-300)).toBeLessThan(1e-8);
      }
    },
  );
});
