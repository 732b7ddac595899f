import { describe, expect, it } from "vitest";
import { qualifyProspects } from "../crm/index.js";
import { chart } from "./chart.js";
import { renderWatchingWarnings } from "./internal/renderWarnings.js";
import { prospectBars, prospectChart } from "./prospectChart.js";

describe("prospectChart", () => {
  const prospects = [
    { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
    { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
    { id: "C", income: 90000, authority: "full", dependants: 2, health: "good" },
    { id: "<img src=x onerror=alert(1)>", income: 82000, authority: "full", dependants: 3, health: "good" },
  ];
  const result = qualifyProspects(prospects as never, { preset: "lifeInsurance" });

  it("draws each scored prospect best first, coloured by verdict and labelled with its choice", async () => {
    const bars = prospectBars(result);
    const scored = result.prospects.filter((p) => p.score !== null);
    expect(bars).toHaveLength(scored.length);
    const scores = bars.map((b) => b.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const p of scored) {
      const bar = bars.find((b) => b.id === String(p.id));
      expect(bar?.score).toBeCloseTo(p.score as number, 10);
      expect(bar?.verdict).toBe(p.verdict);
      expect(bar?.label).toBe(p.choice ?? p.verdict);
    }
    const qualified = result.prospects.filter((p) => p.verdict === "qualified");
    expect(
      bars
        .filter((b) => b.verdict === "qualified")
        .map((b) => b.label)
        .sort(),
    ).toEqual(qualified.map((p) => p.choice as string).sort());
    const spec = prospectChart(result);
    expect(chart(result)).toEqual(spec);
    const subtitle = [(spec.title as { subtitle: string | string[] }).subtitle].flat().join(" ");
    expect(subtitle).toContain(`${result.counts.qualified} qualified, ${result.counts.nurture} nurture`);
    const { svg, warnings } = await renderWatchingWarnings(spec);
    expect(warnings).toEqual([]);
    // A hostile id is drawn as text, escaped.
    expect(svg.includes("<img")).toBe(false);
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(() => prospectChart({} as never)).toThrow(/expected the result of qualifyProspects/);
  });
});
