import { describe, expect, it } from "vitest";
import type { AssociationRule } from "../basket/index.js";
import { groupedMatrixCells } from "./groupedMatrixChart.js";
import { storeResults } from "./internal/storeResults.js";
import { itemFrequencyChart } from "./itemFrequencyChart.js";
import { ruleGraph } from "./ruleGraphChart.js";
import { rulesScatterChart, rulesScatterPoints } from "./rulesScatterChart.js";

const rule = (antecedent: string[], consequent: string[], support: number, lift: number): AssociationRule =>
  ({
    antecedent,
    consequent,
    support,
    confidence: 0.5,
    lift,
    count: Math.round(support * 100),
  }) as unknown as AssociationRule;

describe("rulesScatterChart", () => {
  it("draws min(maxRules, rules) rules, those with the highest lift", () => {
    const { rules } = storeResults();
    expect(rulesScatterPoints(rules)).toHaveLength(Math.min(500, rules.rules.length));
    const top = rulesScatterPoints(rules, { maxRules: 40 });
    expect(top).toHaveLength(40);
    const drawn = Math.min(...top.map((p) => p.lift));
    const left = [...rules.rules].sort((a, b) => b.lift - a.lift).slice(40);
    expect(Math.max(...left.map((r) => r.lift))).toBeLessThanOrEqual(drawn + 1e-9);
    expect(rulesScatterPoints(rules.rules.slice(0, 7))).toHaveLength(7);
    expect((rulesScatterChart(rules, { maxRules: 40 }).title as { subtitle: string }).subtitle).toBe(
      `40 of ${rules.rules.length.toLocaleString("en-US")} rules (highest lift)`,
    );
  });

  it("writes rules as text and refuses what is not rules", () => {
    expect(rulesScatterPoints([rule(["a", "b"], ["c"], 0.1, 2)])[0]?.rule).toBe("{a, b} => {c}");
    expect(() => rulesScatterChart([{ x: 1 }] as never)).toThrow(
      /rulesScatterChart: invalid options[\s\S]*associationRules/,
    );
  });
});

describe("groupedMatrixChart", () => {
  it("groups antecedents by their most shared item and averages lift per consequent", () => {
    const rules = [
      rule(["milk", "bread"], ["butter"], 0.1, 3),
      rule(["milk"], ["butter"], 0.2, 2),
      rule(["milk", "eggs"], ["jam"], 0.05, 4),
      rule(["tea"], ["jam"], 0.02, 1.5),
    ];
    const cells = groupedMatrixCells(rules);
    // milk occurs in 3 antecedents: its group holds bread and eggs as extra items.
    expect(cells).toEqual([
      { group: "{milk} +2 items", consequent: "jam", rules: 1, meanLift: 4, support: 0.05 },
      { group: "{milk} +2 items", consequent: "butter", rules: 2, meanLift: 2.5, support: 0.3 },
      { group: "{tea}", consequent: "jam", rules: 1, meanLift: 1.5, support: 0.02 },
    ]);
  });

  it("keeps at most the requested groups and consequents", () => {
    const { rules } = storeResults();
    const cells = groupedMatrixCells(rules, { groups: 5, consequents: 4 });
    expect(new Set(cells.map((c) => c.group)).size).toBeLessThanOrEqual(5);
    expect(new Set(cells.map((c) => c.consequent)).size).toBeLessThanOrEqual(4);
  });
});

describe("ruleGraphChart", () => {
  it("links antecedent items to rules and rules to consequents, laid out the same way every time", () => {
    const { rules } = storeResults();
    const graph = ruleGraph(rules, { maxRules: 12 });
    expect(graph.rules).toHaveLength(12);
    const top = [...rules.rules].sort((a, b) => b.lift - a.lift).slice(0, 12);
    expect(graph.edges).toHaveLength(top.reduce((s, r) => s + r.antecedent.length + r.consequent.length, 0));
    expect(graph.items.map((i) => i.item).sort()).toEqual(
      [...new Set(top.flatMap((r) => [...r.antecedent, ...r.consequent]))].sort(),
    );
    for (const node of [...graph.items, ...graph.rules]) {
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x).toBeLessThanOrEqual(1);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeLessThanOrEqual(1);
    }
    expect(ruleGraph(rules, { maxRules: 12 })).toEqual(graph);
  });

  it("places an edge's ends on its item and rule nodes", () => {
    const graph = ruleGraph([rule(["a"], ["b"], 0.1, 2), rule(["b"], ["c"], 0.1, 3)]);
    const a = graph.items.find((i) => i.item === "a");
    const first = graph.rules.find((r) => r.rule === "{a} => {b}");
    expect(graph.edges).toContainEqual({ x: a?.x, y: a?.y, x2: first?.x, y2: first?.y, role: "antecedent" });
    // Separate nodes get separate places.
    const places = new Set([...graph.items, ...graph.rules].map((n) => `${n.x},${n.y}`));
    expect(places.size).toBe(graph.items.length + graph.rules.length);
  });
});

describe("itemFrequencyChart", () => {
  it("draws the most frequent items, most frequent first", () => {
    const { frequencies } = storeResults();
    const values = (
      itemFrequencyChart(frequencies, { topItems: 10 }).data as { values: { item: string; count: number }[] }
    ).values;
    const expected = [...frequencies.items].sort((a, b) => b.count - a.count).slice(0, 10);
    expect(values.map((v) => v.count)).toEqual(expected.map((e) => e.count));
    expect(values).toHaveLength(10);
  });
});
