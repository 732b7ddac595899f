/**
 * Satisfaction index story: estimate the ECSI model (Image, Expectation, Quality, Value, Satisfaction,
 * Complaints, Loyalty) by PLS path modelling on the generated store's survey, check its reliability,
 * bootstrap the paths, read the 0-100 indices and the importance-performance grid for loyalty, then the
 * simple survey measures: the declared CSI hierarchy and the Net Promoter Score. Finally the same model on
 * the public ECSI mobile-phone data (Tenenhaus et al. 2005) when ../shared/datasets/ecsi_mobi.csv is present.
 *
 * Run: npx tsx examples/satisfaction-index.ts
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatTable, generateStore } from "clientele";
import {
  bootstrap,
  ECSI_MODEL,
  importancePerformance,
  importancePerformanceGrid,
  netPromoterScore,
  type PlsPathModelOptions,
  plsPathModel,
  satisfactionIndex,
} from "clientele/satisfaction";

/** The standard ECSI model (every block reflective, mode A) on the 1-10 items of the surveys. */
const ecsi: PlsPathModelOptions = { ...ECSI_MODEL, scale: { min: 1, max: 10 } };
const { blocks } = ECSI_MODEL;

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

function report(title: string, rows: readonly object[]): void {
  const model = plsPathModel(rows, ecsi);
  console.log(`\n=== ${title}: ${model.observations} respondents, ${model.iterations} iterations ===`);

  const boot = bootstrap(model, rows, { samples: 1000, seed: 2024 });
  console.log("\nPath coefficients (1000 bootstrap resamples, 95% percentile intervals):");
  console.log(
    formatTable(
      boot.paths.map((p) => ({
        path: `${p.from} -> ${p.to}`,
        estimate: round(p.estimate),
        se: round(p.standardError),
        t: round(p.tValue, 2),
        lower: round(p.lower),
        upper: round(p.upper),
        significant: p.lower > 0 || p.upper < 0 ? "yes" : "no",
      })),
      { maxRows: 20 },
    ),
  );
  console.log(
    `R²: ${Object.entries(model.rSquared)
      .map(([c, r2]) => `${c} ${r2.toFixed(3)}`)
      .join(", ")}`,
  );

  console.log("\nReliability and the 0-100 index per construct:");
  console.log(
    formatTable(
      model.constructs.map((c) => ({
        construct: c,
        alpha: round(model.reliability[c]?.cronbachAlpha ?? 0),
        rhoA: round(model.reliability[c]?.rhoA ?? 0),
        rhoC: round(model.reliability[c]?.rhoC ?? 0),
        AVE: round(model.reliability[c]?.averageVarianceExtracted ?? 0),
        index: round(model.index[c] ?? 0, 1),
      })),
    ),
  );
  const highHtmt = model.constructs.flatMap((a, i) =>
    model.constructs.slice(i + 1).flatMap((b) => ((model.htmt[a]?.[b] ?? 0) > 0.9 ? [`${a}/${b}`] : [])),
  );
  console.log(
    `HTMT above 0.9 (discriminant validity doubtful): ${highHtmt.length === 0 ? "none" : highHtmt.join(", ")}`,
  );

  const ipma = importancePerformance(model, "Loyalty");
  const grid = importancePerformanceGrid(ipma.entries);
  console.log(`\nImportance-performance map for Loyalty (index ${ipma.targetPerformance.toFixed(1)}):`);
  console.log(
    formatTable(
      grid.attributes.map((a) => ({
        driver: a.name,
        importance: round(a.importance),
        performance: round(a.performance, 1),
        quadrant: a.quadrant,
      })),
    ),
  );
}

// 1. The generated store's survey.
const store = generateStore({ seed: 7, customers: 2000 });
report("Generated store survey", store.surveys);

const hierarchy = satisfactionIndex(store.surveys, {
  scale: { min: 1, max: 10 },
  constructs: [
    { name: "customer expectation", indicators: [{ name: "expectations", items: blocks.Expectation }] },
    {
      name: "perceived quality",
      indicators: [
        { name: "product", items: ["PERQ1", "PERQ2", "PERQ4", "PERQ6"] },
        { name: "service", items: ["PERQ3", "PERQ5", "PERQ7"] },
      ],
    },
    { name: "perceived value", indicators: [{ name: "price for quality", items: blocks.Value }] },
    {
      name: "customer satisfaction",
      weight: 2,
      indicators: [{ name: "satisfaction", items: blocks.Satisfaction }],
    },
    { name: "customer complaints", indicators: [{ name: "complaint handling", items: ["CUSCO"] }] },
    { name: "customer loyalty", weight: 2, indicators: [{ name: "loyalty", items: blocks.Loyalty }] },
  ],
});
console.log(
  `\nDeclared CSI hierarchy (satisfaction and loyalty weighted 2): overall ${hierarchy.index.toFixed(1)} / 100`,
);
console.log(
  formatTable(
    hierarchy.constructs.map((c) => ({
      construct: c.name,
      weight: round(c.weight),
      index: round(c.index, 1),
    })),
  ),
);

const nps = netPromoterScore(store.surveys, { field: "nps" });
console.log(
  `\nNet Promoter Score: ${nps.score.toFixed(1)} (95% CI ${nps.lower.toFixed(1)} to ${nps.upper.toFixed(1)}; ` +
    `${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors)`,
);

// 2. The public ECSI mobile-phone data, when present.
const mobiPath = fileURLToPath(new URL("../../shared/datasets/ecsi_mobi.csv", import.meta.url));
if (existsSync(mobiPath)) {
  const [header, ...lines] = readFileSync(mobiPath, "utf8").trim().split(/\r?\n/);
  const names = (header ?? "").split(",");
  const mobi = lines.map((line) =>
    Object.fromEntries(line.split(",").map((cell, j) => [names[j] ?? `column${j}`, Number(cell)])),
  );
  report("ECSI mobile-phone survey (Tenenhaus et al. 2005)", mobi);
} else {
  console.log("\n(ecsi_mobi.csv not found beside the repository: skipping the public-data part)");
}
