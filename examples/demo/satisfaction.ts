import { formatTable } from "clientele";
import { importancePerformanceChart, npsChart, plsPathChart, reportNarrative } from "clientele/chart";
import {
  bootstrap,
  ECSI_MODEL,
  importancePerformance,
  importancePerformanceGrid,
  netPromoterScore,
  plsPathModel,
  satisfactionIndex,
} from "clientele/satisfaction";
import type { DemoSectionBuilder } from "./section.js";

/** The satisfaction section: the ECSI model by PLS on the store's survey, its indices, IPMA grid and NPS. */
export const satisfactionSection: DemoSectionBuilder = (store) => {
  if (store.surveys.length < 30) return null;
  const model = plsPathModel(store.surveys, { ...ECSI_MODEL, scale: { min: 1, max: 10 } });
  const boot = bootstrap(model, store.surveys, { samples: 300, seed: 1 });
  const paths = boot.paths.map((p) => ({
    path: `${p.from} -> ${p.to}`,
    estimate: Number(p.estimate.toFixed(3)),
    t: Number(p.tValue.toFixed(1)),
    "95% CI": `${p.lower.toFixed(2)} .. ${p.upper.toFixed(2)}`,
  }));
  const grid = importancePerformanceGrid(importancePerformance(model, "Loyalty").entries);
  const drivers = grid.attributes.map((a) => ({
    driver: a.name,
    importance: Number(a.importance.toFixed(3)),
    index: Number(a.performance.toFixed(1)),
    quadrant: a.quadrant,
  }));
  const nps = netPromoterScore(store.surveys, { field: "nps" });
  const csi = satisfactionIndex(store.surveys, {
    scale: { min: 1, max: 10 },
    constructs: [
      { name: "satisfaction", indicators: [{ name: "satisfaction", items: ECSI_MODEL.blocks.Satisfaction }] },
      { name: "loyalty", indicators: [{ name: "loyalty", items: ECSI_MODEL.blocks.Loyalty }] },
    ],
  });
  const churners = new Set(store.planted.churners.map((c) => c.customerId));
  const meanOf = (churned: boolean) => {
    const values = csi.respondentIndex.filter(
      (value, i): value is number =>
        value !== null && churners.has(store.surveys[i]?.customerId ?? "") === churned,
    );
    return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
  };
  const headline = [
    `ECSI model by PLS path modelling on ${model.observations} survey answers (${model.iterations} iterations; bootstrap ${boot.validSamples} resamples).`,
    `Indices (0-100): ${model.constructs.map((c) => `${c} ${(model.index[c] ?? 0).toFixed(1)}`).join(", ")}.`,
    `R² Satisfaction ${(model.rSquared.Satisfaction ?? 0).toFixed(3)}, Loyalty ${(model.rSquared.Loyalty ?? 0).toFixed(3)}.`,
    `Net Promoter Score ${nps.score.toFixed(1)} (95% CI ${nps.lower.toFixed(1)} to ${nps.upper.toFixed(1)}, n = ${nps.count}).`,
    `Satisfaction-and-loyalty index per respondent: ${meanOf(false).toFixed(1)} for customers who stay, ${meanOf(true).toFixed(1)} for those who churn.`,
  ];
  const text = [
    ...headline,
    "",
    formatTable(paths, { maxRows: 12 }),
    "",
    "Drivers of loyalty (importance = total effect, performance = index):",
    formatTable(drivers),
  ].join("\n");
  return {
    title: "Customer satisfaction (ECSI, PLS path model)",
    text,
    report: [
      {
        title: "Satisfaction: what drives loyalty?",
        result: boot,
        narrative: [
          `The European Customer Satisfaction Index model, estimated on ${model.observations} survey answers.`,
          ...reportNarrative(model),
          ...reportNarrative(boot),
          `Customers who later left scored ${meanOf(true).toFixed(0)} on satisfaction and loyalty (0–100), those who stayed ${meanOf(false).toFixed(0)}.`,
        ],
        chart: plsPathChart(model, boot),
      },
      { title: "Satisfaction: where to improve", result: grid, chart: importancePerformanceChart(grid) },
      { title: "Satisfaction: would they recommend us?", result: nps, chart: npsChart(nps) },
    ],
  };
};
