import { describe, expect, it } from "vitest";
import { complaintParetoBars } from "./complaintParetoChart.js";
import { importancePerformanceChart } from "./importancePerformanceChart.js";
import { storeResults } from "./internal/storeResults.js";
import { kanoChart } from "./kanoChart.js";
import { npsChart } from "./npsChart.js";
import { plsPathDiagram } from "./plsPathChart.js";
import { serviceKpiBullets } from "./serviceKpiChart.js";

type Values = { values: Record<string, unknown>[] };

describe("importancePerformanceChart", () => {
  it("places each driver in the grid's quadrant, cut at the means", () => {
    const { ipma, grid } = storeResults();
    const spec = importancePerformanceChart(ipma);
    const points = ((spec.layer as { data?: Values }[])[2]?.data?.values ?? []) as {
      name: string;
      quadrant: string;
    }[];
    expect(points.map((p) => [p.name, p.quadrant])).toEqual(grid.attributes.map((a) => [a.name, a.quadrant]));
    const meanImportance = ipma.entries.reduce((s, e) => s + e.importance, 0) / ipma.entries.length;
    expect((spec.layer as { data: Values }[])[0]?.data.values[0]?.importance).toBeCloseTo(meanImportance, 10);
  });
});

describe("plsPathChart", () => {
  it("labels every path with its coefficient and the bootstrap's significance stars", () => {
    const { pls, boot } = storeResults();
    const diagram = plsPathDiagram(pls, boot);
    expect(diagram.paths).toHaveLength(pls.pathCoefficients.length);
    for (const path of diagram.paths) {
      const t = Math.abs(boot.paths.find((p) => p.from === path.from && p.to === path.to)?.tValue as number);
      const expected = t >= 3.291 ? "***" : t >= 2.576 ? "**" : t >= 1.96 ? "*" : "n.s.";
      expect(path.significance).toBe(expected);
      expect(path.label.startsWith(path.estimate.toFixed(2))).toBe(true);
    }
    const satisfaction = diagram.constructs.find((c) => c.construct === "Satisfaction");
    expect(satisfaction?.label).toBe(`R² ${(pls.rSquared.Satisfaction as number).toFixed(2)}`);
    expect(plsPathDiagram(pls).paths.every((p) => p.significance === "")).toBe(true);
  });

  it("lays constructs out left to right along the paths", () => {
    const { pls } = storeResults();
    const diagram = plsPathDiagram(pls);
    const x = new Map(diagram.constructs.map((c) => [c.construct, c.x]));
    for (const p of pls.pathCoefficients)
      expect(x.get(p.to) as number).toBeGreaterThan(x.get(p.from) as number);
  });
});

describe("npsChart and kanoChart", () => {
  it("stacks detractors, passives and promoters with the score in the title", () => {
    const { nps } = storeResults();
    const spec = npsChart(nps);
    const values = (spec.data as Values).values as { share: number; answers: number }[];
    expect(values.map((v) => v.answers)).toEqual([nps.detractors, nps.passives, nps.promoters]);
    expect(values.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 10);
    expect((spec.title as { text: string }).text).toBe(`Net Promoter Score ${nps.score.toFixed(0)}`);
  });

  it("plots better against |worse| per attribute", () => {
    const { kanoResult } = storeResults();
    const points = ((kanoChart(kanoResult).layer as { data?: Values }[]).at(-1)?.data?.values ?? []) as {
      attribute: string;
      better: number;
      worse: number;
    }[];
    for (const a of kanoResult.attributes) {
      const point = points.find((p) => p.attribute === a.attribute);
      expect(point?.better).toBeCloseTo(a.better as number, 12);
      expect(point?.worse).toBeCloseTo(Math.abs(a.worse as number), 12);
    }
  });
});

describe("crm charts", () => {
  it("sorts complaint categories, cumulating to the share of all complaints they hold", () => {
    const { complaints } = storeResults();
    const bars = complaintParetoBars(complaints);
    const counts = bars.map((b) => b.complaints);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const listed = complaints.byCategory.reduce((s, row) => s + row.complaints, 0);
    expect(bars.at(-1)?.cumulativeShare).toBeCloseTo(listed / complaints.complaints, 12);
  });

  it("compares KPIs with targets, lower being better for damage and stockouts", () => {
    const { kpis } = storeResults();
    const bullets = serviceKpiBullets(kpis, { targets: { onTimeDelivery: 0.5, damageLoss: 0.001 } });
    const onTime = bullets.find((b) => b.kpi === "On-time delivery");
    expect(onTime?.value).toBeCloseTo(kpis.overall.onTimeDelivery.value as number, 10);
    expect(onTime?.meetsTarget).toBe((kpis.overall.onTimeDelivery.value as number) >= 0.5);
    const damage = bullets.find((b) => b.kpi.startsWith("Damage"));
    expect(damage?.target).toBe(0.001);
    expect(damage?.meetsTarget).toBe((kpis.overall.damageLoss.value as number) <= 0.001);
    const measured = Object.entries(kpis.overall).filter(
      ([key, v]) => key !== "orders" && (v as { value: number | null }).value !== null,
    );
    expect(bullets).toHaveLength(measured.length);
    expect(() => serviceKpiBullets(kpis, { targets: { onTimeDelivery: 2 } })).toThrow(
      /targets\.onTimeDelivery/,
    );
  });
});
