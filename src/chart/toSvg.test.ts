import { describe, expect, it } from "vitest";
import { calibrationCurveChart } from "./calibrationCurveChart.js";
import { chart } from "./chart.js";
import { chooseKChart } from "./chooseKChart.js";
import { coefficientChart } from "./coefficientChart.js";
import { complaintParetoChart } from "./complaintParetoChart.js";
import { evaluationChart } from "./evaluationChart.js";
import { expectedPurchasesChart } from "./expectedPurchasesChart.js";
import { gainsChart } from "./gainsChart.js";
import { groupedMatrixChart } from "./groupedMatrixChart.js";
import { importancePerformanceChart } from "./importancePerformanceChart.js";
import { inactivityChart } from "./inactivityChart.js";
import type { VegaLiteSpec } from "./internal/spec.js";
import { storeResults } from "./internal/storeResults.js";
import { itemFrequencyChart } from "./itemFrequencyChart.js";
import { kanoChart } from "./kanoChart.js";
import { liftChart } from "./liftChart.js";
import { lorenzChart } from "./lorenzChart.js";
import { npsChart } from "./npsChart.js";
import { plsPathChart } from "./plsPathChart.js";
import { probabilityAliveChart } from "./probabilityAliveChart.js";
import { repeatPurchasesChart } from "./repeatPurchasesChart.js";
import { rfmHeatmapChart } from "./rfmHeatmapChart.js";
import { rocChart } from "./rocChart.js";
import { ruleGraphChart } from "./ruleGraphChart.js";
import { rulesScatterChart } from "./rulesScatterChart.js";
import { segmentProfileChart } from "./segmentProfileChart.js";
import { segmentSharesChart } from "./segmentSharesChart.js";
import { serviceKpiChart } from "./serviceKpiChart.js";
import { toSvg } from "./toSvg.js";
import { trackingChart } from "./trackingChart.js";

/** Every builder on the results of generateStore({ seed: 7 }). */
function allSpecs(): [string, VegaLiteSpec][] {
  const r = storeResults();
  return [
    ["lorenzChart(lorenzCurve)", lorenzChart(r.lorenz)],
    ["lorenzChart(paretoAnalysis)", lorenzChart(r.pareto)],
    ["rfmHeatmapChart", rfmHeatmapChart(r.scores, { currency: "€" })],
    ["segmentSharesChart(rfmSegments)", segmentSharesChart(r.segments)],
    ["segmentSharesChart(valueTiers)", segmentSharesChart(r.tiers)],
    ["segmentSharesChart(segmentProfiles)", segmentSharesChart(r.profiles)],
    [
      "trackingChart",
      trackingChart(r.split, r.splitModel, {
        transactions: r.purchases,
        customer: "customerId",
        date: "date",
      }),
    ],
    ["trackingChart without transactions", trackingChart(r.split, r.splitModel)],
    ["probabilityAliveChart", probabilityAliveChart(r.bgNbd, r.summary)],
    ["expectedPurchasesChart", expectedPurchasesChart(r.paretoNbd, r.summary)],
    ["repeatPurchasesChart(BG/NBD)", repeatPurchasesChart(r.bgNbd, r.summary)],
    ["repeatPurchasesChart(Pareto/NBD)", repeatPurchasesChart(r.paretoNbd, r.summary)],
    ["chooseKChart", chooseKChart(r.choice)],
    ["segmentProfileChart", segmentProfileChart(r.profiles)],
    ["rocChart", rocChart(r.evaluation)],
    ["gainsChart", gainsChart(r.evaluation)],
    ["liftChart", liftChart(r.evaluation)],
    ["calibrationCurveChart", calibrationCurveChart(r.evaluation)],
    ["evaluationChart", evaluationChart(r.evaluation)],
    ["coefficientChart", coefficientChart(r.churnModel)],
    ["inactivityChart", inactivityChart(r.inactivity)],
    ["rulesScatterChart", rulesScatterChart(r.rules)],
    ["groupedMatrixChart", groupedMatrixChart(r.rules)],
    ["ruleGraphChart", ruleGraphChart(r.rules)],
    ["itemFrequencyChart", itemFrequencyChart(r.frequencies)],
    ["importancePerformanceChart(importancePerformance)", importancePerformanceChart(r.ipma)],
    ["importancePerformanceChart(grid)", importancePerformanceChart(r.grid)],
    ["plsPathChart", plsPathChart(r.pls, r.boot)],
    ["npsChart", npsChart(r.nps)],
    ["kanoChart", kanoChart(r.kanoResult)],
    ["complaintParetoChart", complaintParetoChart(r.complaints)],
    ["serviceKpiChart", serviceKpiChart(r.kpis)],
  ];
}

describe("toSvg renders every chart of the generated store", () => {
  const specs = allSpecs();
  it.each(specs)("%s renders to an SVG with marks", async (_name, spec) => {
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    const svg = await toSvg(spec);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toMatch(/<path|<rect|<line|<circle/);
    // Marks are drawn as role-mark groups; an empty chart has none with a path inside.
    expect(svg).toMatch(/class="mark-(rect|symbol|line|area|rule|text|tick)[^"]*"[^>]*>\s*<(path|line|text)/);
    // The spec is plain JSON (no functions, no typed arrays).
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("chart() draws every single-input result", async () => {
    const r = storeResults();
    const inputs = [
      r.lorenz,
      r.pareto,
      r.scores,
      r.segments,
      r.tiers,
      r.choice,
      r.profiles,
      r.evaluation,
      r.churnModel,
      r.inactivity,
      r.rules,
      r.frequencies,
      r.ipma,
      r.grid,
      r.pls,
      r.nps,
      r.kanoResult,
      r.complaints,
      r.kpis,
    ];
    for (const input of inputs) {
      const svg = await toSvg(chart(input));
      expect(svg).toContain("<path");
    }
  });
});

describe("toSvg errors", () => {
  it("rejects a value that is not a spec", async () => {
    await expect(toSvg(null as never)).rejects.toThrow(
      /toSvg: invalid options[\s\S]*spec: expected a Vega-Lite specification object/,
    );
  });
  it("rejects an invalid spec with vega-lite's message", async () => {
    await expect(toSvg({ mark: "nonsense" })).rejects.toThrow(
      /toSvg: invalid options[\s\S]*vega-lite could not compile/,
    );
  });
});
