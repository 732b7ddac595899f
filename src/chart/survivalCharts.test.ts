import { describe, expect, it } from "vitest";
import { cohortRetention, kaplanMeier } from "../churn/index.js";
import { chart } from "./chart.js";
import { cohortRetentionCells, cohortRetentionChart } from "./cohortRetentionChart.js";
import { renderWatchingWarnings } from "./internal/renderWarnings.js";
import { kaplanMeierChart, kaplanMeierSteps } from "./kaplanMeierChart.js";

// Five customers: churned at 1, 3, 4; still customers at 2 and 5 (censored).
const customers = [
  { months: 1, churned: 1, plan: "basic" },
  { months: 2, churned: 0, plan: "basic" },
  { months: 3, churned: 1, plan: "basic" },
  { months: 4, churned: 1, plan: "basic" },
  { months: 5, churned: 0, plan: "basic" },
  { months: 2, churned: 1, plan: "plus" },
  { months: 6, churned: 0, plan: "plus" },
];

describe("kaplanMeierChart", () => {
  it("draws the product-limit steps worked by hand, with censoring ticks", async () => {
    const result = kaplanMeier(customers.slice(0, 5), { time: "months", event: "churned" });
    const steps = kaplanMeierSteps(result);
    // S(1) = 4/5; S(2) unchanged (a censoring); S(3) = 4/5 · 2/3; S(4) = that · 1/2; S(5) unchanged.
    expect(steps.map((s) => [s.time, s.survival])).toEqual([
      [0, 1],
      [1, 0.8],
      [2, 0.8],
      [3, Number((0.8 * (2 / 3)).toPrecision(12))],
      [4, Number((0.8 * (2 / 3) * 0.5).toPrecision(12))],
      [5, Number((0.8 * (2 / 3) * 0.5).toPrecision(12))],
    ]);
    expect(steps.filter((s) => s.censored > 0).map((s) => s.time)).toEqual([2, 5]);
    expect(steps.map((s) => s.atRisk)).toEqual([5, 5, 4, 3, 2, 1]);
    // Greenwood on the log scale at t = 1: σ = √(1 / (5 · 4)), lower = 0.8 · exp(−1.96 σ).
    expect(steps[1]?.lower).toBeCloseTo(0.8 * Math.exp(-1.959964 * Math.sqrt(1 / 20)), 6);
    const spec = kaplanMeierChart(result);
    expect(chart(result)).toEqual(spec);
    expect((spec.title as { subtitle: string }).subtitle).toMatch(/^median survival: 4;/);
    const { svg, warnings } = await renderWatchingWarnings(spec);
    expect(warnings).toEqual([]);
    expect(svg).toContain("mark-area");
    // Ticks are drawn as thin rectangles.
    expect(svg.includes("mark-rect")).toBe(true);
  });

  it("draws one curve per group, each starting at 1", async () => {
    const result = kaplanMeier(customers, { time: "months", event: "churned", group: "plan" });
    const steps = kaplanMeierSteps(result);
    expect(steps.filter((s) => s.time === 0).map((s) => [s.group, s.survival])).toEqual([
      ["basic", 1],
      ["plus", 1],
    ]);
    // plus: 2 customers, one churned at 2 -> 1/2.
    expect(steps.find((s) => s.group === "plus" && s.time === 2)?.survival).toBe(0.5);
    const { warnings } = await renderWatchingWarnings(kaplanMeierChart(result));
    expect(warnings).toEqual([]);
    expect(() => kaplanMeierChart({} as never)).toThrow(/expected the result of kaplanMeier/);
  });
});

describe("cohortRetentionChart", () => {
  // January cohort: a, b, c, d; February cohort: e, f. asOf mid-March, so March is running.
  const orders = [
    ["a", "2025-01-05"],
    ["b", "2025-01-10"],
    ["c", "2025-01-20"],
    ["d", "2025-01-25"],
    ["a", "2025-02-03"],
    ["b", "2025-02-14"],
    ["c", "2025-02-20"],
    ["a", "2025-03-02"],
    ["e", "2025-02-07"],
    ["f", "2025-02-08"],
    ["e", "2025-03-09"],
  ].map(([customer, date]) => ({ customer, date }));

  it("has one cell per cohort and month with the active share counted by hand", async () => {
    const result = cohortRetention(orders, {
      customer: "customer",
      date: "date",
      period: "month",
      asOf: "2025-03-15",
    });
    const cells = cohortRetentionCells(result);
    const pick = (cohort: string, period: number) =>
      cells.find((c) => c.cohort === cohort && c.period === period);
    expect(cells.map((c) => `${c.cohort}+${c.period}`)).toEqual([
      "2025-01+0",
      "2025-01+1",
      "2025-01+2",
      "2025-02+0",
      "2025-02+1",
    ]);
    expect(pick("2025-01", 1)).toMatchObject({
      retention: 0.75,
      active: 3,
      customers: 4,
      complete: true,
      label: "75%",
    });
    expect(pick("2025-01", 2)).toMatchObject({ retention: 0.25, active: 1, complete: false });
    expect(pick("2025-02", 1)).toMatchObject({ retention: 0.5, active: 1, customers: 2, complete: false });
    const spec = cohortRetentionChart(result);
    expect(chart(result)).toEqual(spec);
    expect((spec.title as { text: string }).text).toBe("Retention by monthly cohort");
    const { svg, warnings } = await renderWatchingWarnings(spec);
    expect(warnings).toEqual([]);
    expect(svg).toContain(">75%<");
    expect(() => cohortRetentionChart({} as never)).toThrow(/expected the result of cohortRetention/);
  });
});
