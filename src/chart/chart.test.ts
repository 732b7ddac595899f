import { describe, expect, it } from "vitest";
import { associationRules, itemFrequencies, transactionsFrom } from "../basket/index.js";
import { InvalidOptionsError } from "../core/index.js";
import { complaintSummary } from "../crm/index.js";
import { importancePerformanceGrid, kano, plsPathModel } from "../satisfaction/index.js";
import { kMeans, segmentProfiles } from "../segment/index.js";
import { paretoAnalysis, rfmScores, rfmSegments } from "../value/index.js";
import { chart, hasChart } from "./chart.js";
import { groupedMatrixChart } from "./groupedMatrixChart.js";
import type { VegaLiteSpec } from "./internal/spec.js";
import { storeResults } from "./internal/storeResults.js";
import { plsPathChart } from "./plsPathChart.js";
import { ruleGraphChart } from "./ruleGraphChart.js";
import { segmentSharesChart } from "./segmentSharesChart.js";
import { toSvg } from "./toSvg.js";

const IMG = "<img src=x onerror=alert(1)>";
const QUOTE = `"'); alert(1); ('`;
const SCRIPT = "</script><script>alert(1)</script>";
const HOSTILE = [IMG, QUOTE, SCRIPT];

/** Keys whose string values Vega or Vega-Lite parse as expressions. */
const EXPRESSION_KEYS = new Set([
  "calculate",
  "filter",
  "expr",
  "labelExpr",
  "test",
  "signal",
  "update",
  "field",
]);

/** Every [key, string] pair in `value`, with whether it sits inside `data.values`. */
function strings(
  value: unknown,
  key = "",
  inData = false,
  out: { key: string; text: string; inData: boolean }[] = [],
) {
  if (typeof value === "string") out.push({ key, text: value, inData });
  else if (Array.isArray(value)) for (const item of value) strings(item, key, inData, out);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) strings(v, k, inData || k === "values", out);
  }
  return out;
}

function hostileSpecs(): [string, VegaLiteSpec][] {
  // Baskets whose item names are hostile; every basket also has "bread" so that rules exist.
  const lines: { basket: number; item: string }[] = [];
  for (let b = 0; b < 60; b++) {
    lines.push({ basket: b, item: "bread" });
    if (b % 2 === 0) lines.push({ basket: b, item: IMG });
    if (b % 3 === 0) lines.push({ basket: b, item: QUOTE });
    if (b % 4 === 0) lines.push({ basket: b, item: SCRIPT });
  }
  const baskets = transactionsFrom(lines, { transaction: "basket", item: "item" });
  const rules = associationRules(baskets, { minSupport: 0.01, minConfidence: 0.01 });
  const customers = Array.from({ length: 40 }, (_, i) => ({
    customer: `${IMG}${i}`,
    recencyDays: (i * 37) % 300,
    frequency: 1 + (i % 9),
    monetary: 10 + ((i * 53) % 400),
  }));
  const scores = rfmScores(customers, {
    customer: "customer",
    recency: "recencyDays",
    frequency: "frequency",
    monetary: "monetary",
  });
  const segments = rfmSegments(scores, {
    scheme: {
      rules: [
        { segment: IMG, recency: [4, 5] },
        { segment: QUOTE, frequency: [4, 5] },
      ],
      fallback: SCRIPT,
    },
  });
  const model = kMeans(customers, { k: 3, fields: { [IMG]: "recencyDays", [QUOTE]: "frequency" }, seed: 1 });
  const profiles = segmentProfiles(model, customers, {
    valueField: "monetary",
    labelWords: { [IMG]: { high: SCRIPT, low: QUOTE } },
  });
  const survey = Array.from({ length: 60 }, (_, i) => ({
    a1: 1 + (i % 7),
    a2: 1 + ((i * 3) % 7),
    b1: 1 + ((i + 2) % 7),
    b2: 1 + ((i * 5) % 7),
  }));
  const pls = plsPathModel(survey, {
    blocks: { [IMG]: ["a1", "a2"], [QUOTE]: ["b1", "b2"] },
    paths: [{ from: IMG, to: QUOTE }],
  });
  const grid = importancePerformanceGrid([
    { name: IMG, importance: 0.4, performance: 60 },
    { name: QUOTE, importance: 0.1, performance: 80 },
  ]);
  const kanoResult = kano([
    { attribute: IMG, functional: "like", dysfunctional: "dislike" },
    { attribute: QUOTE, functional: "like", dysfunctional: "neutral" },
  ]);
  const complaints = complaintSummary(
    [
      { category: IMG, openedAt: "2025-01-01T10:00:00Z" },
      { category: QUOTE, openedAt: "2025-01-02T10:00:00Z" },
    ],
    {
      categories: [IMG, QUOTE],
      severity: null,
      firstResponseAt: null,
      resolvedAt: null,
      contacts: null,
      reopened: null,
      customer: null,
    },
  );
  return [
    ["chart(rules)", chart(rules)],
    ["groupedMatrixChart", groupedMatrixChart(rules)],
    ["ruleGraphChart", ruleGraphChart(rules)],
    ["chart(itemFrequencies)", chart(itemFrequencies(baskets))],
    ["chart(rfmSegments)", chart(segments)],
    ["chart(segmentProfiles)", chart(profiles)],
    ["segmentSharesChart(profiles)", segmentSharesChart(profiles)],
    ["plsPathChart", plsPathChart(pls)],
    ["chart(grid)", chart(grid)],
    ["chart(kano)", chart(kanoResult)],
    ["chart(complaints)", chart(complaints)],
  ];
}

describe("hostile strings stay data", () => {
  const specs = hostileSpecs();
  it.each(specs)("%s puts user strings in data only, never in an expression", (_name, spec) => {
    const all = strings(spec);
    // No builder writes an expression: the only field-like keys name our own columns.
    for (const { key, text } of all) {
      if (EXPRESSION_KEYS.has(key)) {
        for (const hostile of HOSTILE) expect(text).not.toContain(hostile.slice(0, 8));
        if (key === "field") expect(text).toMatch(/^[A-Za-z0-9]+$/);
        else throw new Error(`unexpected expression key ${key}: ${text}`);
      }
    }
    // The hostile names did reach the chart, as data values.
    expect(all.some(({ text, inData }) => inData && HOSTILE.some((h) => text.includes(h)))).toBe(true);
  });

  it.each(specs)("%s renders the names as escaped SVG text", async (_name, spec) => {
    const svg = await toSvg(spec);
    expect(svg).not.toContain("<img");
    expect(svg).not.toContain("<script");
  });

  it("draws a hostile item name as escaped text on the axis", async () => {
    const svg = await toSvg(specs[3]?.[1] as VegaLiteSpec);
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("draws nothing of a customer id in the Pareto chart", () => {
    const customers = [
      { id: IMG, spend: 5 },
      { id: QUOTE, spend: 1 },
    ];
    const text = JSON.stringify(chart(paretoAnalysis(customers, { value: "spend", id: "id" })));
    for (const hostile of HOSTILE) expect(text).not.toContain(JSON.stringify(hostile).slice(1, -1));
  });
});

describe("chart dispatches on the result's fields", () => {
  it("draws each kind of result with its builder", () => {
    const r = storeResults();
    const titleOf = (spec: VegaLiteSpec) => (spec.title as { text: string }).text;
    expect(titleOf(chart(r.lorenz))).toBe("How concentrated is customer value?");
    expect(titleOf(chart(r.pareto))).toBe("How concentrated is customer value?");
    expect(titleOf(chart(r.scores))).toBe("Customers by recency and frequency score");
    expect(titleOf(chart(r.segments))).toBe("Segments: share of customers vs share of revenue");
    expect(titleOf(chart(r.tiers))).toBe("Segments: share of customers vs share of contribution");
    expect(titleOf(chart(r.choice))).toMatch(/^How many segments\? \(recommended k = \d\)$/);
    expect(titleOf(chart(r.profiles))).toBe("What sets each segment apart");
    expect(titleOf(chart(r.evaluation))).toBe("How good is the churn score?");
    expect(titleOf(chart(r.churnModel))).toBe("What drives churn: model coefficients");
    expect(titleOf(chart(r.inactivity))).toBe("Customers by inactivity band");
    expect(titleOf(chart(r.rules))).toBe("Association rules: support, confidence and lift");
    expect(titleOf(chart(r.rules.rules))).toBe("Association rules: support, confidence and lift");
    expect(titleOf(chart(r.frequencies))).toBe("Most frequent items");
    expect(titleOf(chart(r.ipma))).toBe("Importance-performance map: drivers of Loyalty");
    expect(titleOf(chart(r.grid))).toBe("Importance-performance map");
    expect(titleOf(chart(r.pls))).toBe("PLS path model");
    expect(titleOf(chart(r.nps))).toMatch(/^Net Promoter Score -?\d+$/);
    expect(titleOf(chart(r.kanoResult))).toBe("Kano: which features delight, which are expected");
    expect(titleOf(chart(r.complaints))).toBe("Complaints by category (Pareto)");
    expect(titleOf(chart(r.kpis))).toBe("Service KPIs against targets");
    expect(hasChart(r.nps)).toBe(true);
  });

  it("names the builder for results that need a second input", () => {
    const r = storeResults();
    // A fitted model alone draws its parameters (lifetimeParameterChart); its summary alone has no chart.
    expect(hasChart(r.bgNbd)).toBe(true);
    expect(hasChart(r.split)).toBe(false);
    expect(() => chart(r.split)).toThrow(/use trackingChart\(split, model\)/);
    expect(() => chart({ anything: 1 })).toThrow(InvalidOptionsError);
    expect(() => chart(null)).toThrow(
      /chart: invalid options[\s\S]*result: expected a clientele result with a chart/,
    );
  });

  it("passes the common options on and validates them", () => {
    const r = storeResults();
    const spec = chart(r.lorenz, { title: "Spend concentration", width: 300, height: 200 });
    expect(spec.title).toMatchObject({ text: "Spend concentration" });
    expect([spec.width, spec.height]).toEqual([300, 200]);
    expect(() => chart(r.lorenz, { widht: 300 } as never)).toThrow(/widht[\s\S]*did you mean "width"/);
    expect(() => chart(r.lorenz, { width: 5 })).toThrow(/width/);
  });

  it("does not change its input", () => {
    const r = storeResults();
    const before = JSON.stringify(r.rules.rules.slice(0, 50));
    chart(r.rules);
    groupedMatrixChart(r.rules);
    ruleGraphChart(r.rules);
    expect(JSON.stringify(r.rules.rules.slice(0, 50))).toBe(before);
  });
});
