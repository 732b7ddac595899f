import { describe, expect, it } from "vitest";
import { expectedPurchasesChart } from "./expectedPurchasesChart.js";
import { renderWatchingWarnings } from "./internal/renderWarnings.js";
import { storeResults } from "./internal/storeResults.js";
import { probabilityAliveChart } from "./probabilityAliveChart.js";
import { toSvg } from "./toSvg.js";
import { trackingChart } from "./trackingChart.js";

describe("rendering without warnings and within size", () => {
  it("trackingChart renders with one merged legend and no vega-lite warning", async () => {
    const r = storeResults();
    const spec = trackingChart(r.split, r.splitModel, {
      transactions: r.purchases,
      customer: "customerId",
      date: "date",
    });
    const { svg, warnings } = await renderWatchingWarnings(spec);
    // Before: 'Conflicting legend property "disable" (false and true)' (strokeDash had legend: null).
    expect(warnings).toEqual([]);
    // One legend, whose two symbols are the lines' dash patterns.
    expect(svg.match(/role-legend"/g)?.length ?? 0).toBe(1);
  });

  it("the P(alive) heatmap of 41 frequencies stays under 150 kB with every frequency covered", async () => {
    const r = storeResults();
    const spec = probabilityAliveChart(r.bgNbd, r.summary);
    const cells = (
      spec.data as { values: { frequencyLow: number; frequencyHigh: number; frequency: number }[] }
    ).values;
    // The store's largest frequency is at least 40 (so the default grid has 41 rows, 1,231 cells before).
    expect(Math.max(...r.summary.frequency)).toBeGreaterThanOrEqual(40);
    expect(cells.length).toBeLessThanOrEqual(600);
    // Rows tile 0..40 without gaps: each band starts where the one below ends.
    const rows = [...new Map(cells.map((c) => [c.frequencyLow, c])).values()].sort(
      (a, b) => a.frequencyLow - b.frequencyLow,
    );
    expect(rows[0]?.frequencyLow).toBe(-0.5);
    expect(rows.at(-1)?.frequencyHigh).toBe(40.5);
    for (const row of rows) expect(row.frequency).toBeGreaterThan(row.frequencyLow);
    const { svg, warnings } = await renderWatchingWarnings(spec);
    expect(warnings).toEqual([]);
    expect(svg.length).toBeLessThan(150_000);
    // Each rectangle carries a short accessible label, not every field's title.
    expect(/aria-label="frequency 1, recency [\d.]+: \d+%"/.test(svg)).toBe(true);
    expect(svg.includes("recencyHigh")).toBe(false);
    const expected = await toSvg(expectedPurchasesChart(r.bgNbd, r.summary));
    expect(expected.length).toBeLessThan(150_000);
  });
});
