import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arulesLabel, zakiRecords } from "../../fixtures/basket/sequences/zaki.js";
import { InvalidOptionsError } from "../core/index.js";
import { sequentialPatterns } from "./sequentialPatterns.js";
import { sequentialRules } from "./sequentialRules.js";

const zakiFields = { customer: "sid", date: "day", item: "item" } as const;

describe("sequentialRules against arulesSequences' ruleInduction", () => {
  it("ruleInduction(cspade(zaki, support = 0.4), confidence = 0.5) gives these 10 rules (published output)", () => {
    // arulesSequences 0.2-31, tests/zaki.Rout.save: `inspect(r1)` (support, confidence, lift)
    const published = {
      "<{D}> => <{F}>": [0.5, 1, 1],
      "<{D}> => <{B,F}>": [0.5, 1, 1],
      "<{D}> => <{B}>": [0.5, 1, 1],
      "<{B}> => <{A}>": [0.5, 0.5, 0.5],
      "<{D}> => <{A}>": [0.5, 1, 1],
      "<{F}> => <{A}>": [0.5, 0.5, 0.5],
      "<{D},{F}> => <{A}>": [0.5, 1, 1],
      "<{B,F}> => <{A}>": [0.5, 0.5, 0.5],
      "<{D},{B,F}> => <{A}>": [0.5, 1, 1],
      "<{D},{B}> => <{A}>": [0.5, 1, 1],
    };
    const patterns = sequentialPatterns(Object.freeze(zakiRecords()), { ...zakiFields, minSupport: 0.4 });
    const result = sequentialRules(patterns, { minConfidence: 0.5 });
    expect(
      Object.fromEntries(result.rules.map((r) => [arulesLabel(r.label), [r.support, r.confidence, r.lift]])),
    ).toEqual(published);
    // the same from records
    const direct = sequentialRules(zakiRecords(), { ...zakiFields, minSupport: 0.4, minConfidence: 0.5 });
    expect(direct.rules.map((r) => r.label)).toEqual(result.rules.map((r) => r.label));
  });

  it("matches ruleInduction(confidence = 0) under gap and size constraints", () => {
    // fixtures/basket/sequences/make-reference.R (arulesSequences 0.2-31)
    const reference = JSON.parse(
      readFileSync(new URL("../../fixtures/basket/sequences/reference.json", import.meta.url), "utf8"),
    ) as Record<string, { rules: Record<string, [number, number, number]> }>;
    const options: Record<string, object> = {
      "support 0.4 maxgap 5": { minSupport: 0.4, maxGap: 5 },
      "support 0.4 mingap 10": { minSupport: 0.4, minGap: 10 },
      "support 0.25 mingap 6 maxgap 10": { minSupport: 0.25, minGap: 6, maxGap: 10 },
      "support 0.25 maxsize 2 maxlen 3": { minSupport: 0.25, maxElementSize: 2, maxElements: 3 },
      "support 0.25": { minSupport: 0.25 },
    };
    for (const [name, patternOptions] of Object.entries(options)) {
      const expected = reference[name]?.rules ?? {};
      const result = sequentialRules(zakiRecords(), { ...zakiFields, ...patternOptions, minConfidence: 0 });
      const got = Object.fromEntries(
        result.rules.map((r) => [arulesLabel(r.label), [r.support, r.confidence, r.lift]]),
      );
      expect(Object.keys(got).sort(), name).toEqual(Object.keys(expected).sort());
      for (const [label, values] of Object.entries(expected)) {
        (got[label] as number[]).forEach((value, j) => {
          expect(value, `${name} ${label}`).toBeCloseTo(values[j] as number, 12);
        });
      }
    }
  });
});

describe("sequentialRules", () => {
  const lines = [
    { customer: "ann", date: "2024-01-02", product: "diapers" },
    { customer: "ann", date: "2024-01-09", product: "beer" },
    { customer: "bob", date: "2024-01-03", product: "diapers" },
    { customer: "bob", date: "2024-02-20", product: "beer" },
    { customer: "cat", date: "2024-01-05", product: "beer" },
    { customer: "cat", date: "2024-01-06", product: "diapers" },
  ];
  const fields = { customer: "customer", date: "date", item: "product" } as const;

  it("gives the median of each customer's shortest time from X to Y", () => {
    const { rules } = sequentialRules(lines, { ...fields, minSupport: 0.5, minConfidence: 0.5 });
    // ann 7 days, bob 48 days: median 27.5; cat bought beer before diapers only
    const rule = rules.find((r) => r.label === "<{diapers}> => <{beer}>");
    expect(rule).toEqual({
      antecedent: [["diapers"]],
      consequent: ["beer"],
      label: "<{diapers}> => <{beer}>",
      support: 2 / 3,
      confidence: 2 / 3,
      lift: 2 / 3,
      count: 2,
      antecedentSupport: 1,
      consequentSupport: 1,
      antecedentCount: 3,
      consequentCount: 3,
      medianDaysBetween: 27.5,
    });
  });

  it("filters by minLift, sorts by the measure asked for and keeps maxRules", () => {
    const patterns = sequentialPatterns(zakiRecords(), { ...zakiFields, minSupport: 0.25 });
    const all = sequentialRules(patterns, { minConfidence: 0, sortBy: "lift" });
    const lifts = all.rules.map((r) => r.lift);
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
    const strong = sequentialRules(patterns, { minConfidence: 0, minLift: 1.5, maxRules: 3, sortBy: "lift" });
    expect(strong.rules).toHaveLength(3);
    expect(strong.rules.every((r) => r.lift >= 1.5)).toBe(true);
    expect(strong.rules).toEqual(all.rules.slice(0, 3));
  });

  it("refuses pattern options with a patterns result, and bad thresholds", () => {
    const patterns = sequentialPatterns(lines, { ...fields, minSupport: 0.5 });
    expect(() => sequentialRules(patterns, { maxGap: 3 })).toThrowError(
      /maxGap: the patterns are already mined: pass pattern options to sequentialPatterns, or pass records/,
    );
    expect(() => sequentialRules(patterns, { minConfidence: 2 })).toThrowError(InvalidOptionsError);
    expect(() => sequentialRules(patterns, { sortBy: "leverage" } as never)).toThrowError(/sortBy/);
  });
});
