import { describe, expect, it } from "vitest";
import {
  ECSI_MODEL,
  micom,
  plsImportancePerformance,
  plsMultigroup,
  plsPredict,
} from "../satisfaction/index.js";
import { chart } from "./chart.js";
import { htmtCells, htmtChart } from "./htmtChart.js";
import { importancePerformanceChart } from "./importancePerformanceChart.js";
import { renderWatchingWarnings } from "./internal/renderWarnings.js";
import { storeResults } from "./internal/storeResults.js";
import { micomChart, micomRows } from "./micomChart.js";
import { plsMultigroupChart, plsMultigroupRows } from "./plsMultigroupChart.js";
import { plsPredictBars, plsPredictChart } from "./plsPredictChart.js";

const model = { ...ECSI_MODEL, scale: { min: 1, max: 10 } };

/** `actual` has `expected`'s strings exactly and its numbers to 10 digits (specs keep 12 significant digits). */
function expectClose(actual: object | undefined, expected: Record<string, string | number>): void {
  for (const [key, value] of Object.entries(expected)) {
    const got = (actual as Record<string, unknown> | undefined)?.[key];
    if (typeof value === "number") expect(got as number, key).toBeCloseTo(value, 10);
    else expect(got, key).toBe(value);
  }
}

/** Pearson correlation, written out (independent of the library's kernels). */
function correlation(x: number[], y: number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, i) => {
    sxy += (v - mx) * ((y[i] as number) - my);
    sxx += (v - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe("htmtChart", () => {
  it("shows each pair once with HTMT computed by hand from the item correlations", async () => {
    const { pls, store } = storeResults();
    const cells = htmtCells(pls);
    expect(cells).toHaveLength(21);
    const column = (item: string) =>
      store.surveys.map((row) => (row as unknown as Record<string, number>)[item] as number);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    const within = (items: string[]) =>
      mean(items.flatMap((a, i) => items.slice(i + 1).map((b) => correlation(column(a), column(b)))));
    const sat = ["CUSA1", "CUSA2", "CUSA3"];
    const loy = ["CUSL1", "CUSL2", "CUSL3"];
    const between = mean(sat.flatMap((a) => loy.map((b) => correlation(column(a), column(b)))));
    const expected = between / Math.sqrt(within(sat) * within(loy));
    const cell = cells.find((c) => c.row === "Loyalty" && c.column === "Satisfaction");
    expect(cell?.value).toBeCloseTo(expected, 6);
    expect(cell?.band).toBe(expected < 0.85 ? "below 0.85" : expected <= 0.9 ? "0.85 to 0.90" : "above 0.90");
    for (const c of cells) {
      const value = pls.htmt[c.row]?.[c.column] ?? null;
      if (value === null) expect(c.value).toBeNull();
      else expect(c.value).toBeCloseTo(value, 10);
    }
    const htmt2 = htmtCells(pls, { measure: "htmt2" });
    expect(htmt2.find((c) => c.row === "Loyalty" && c.column === "Satisfaction")?.value).toBeCloseTo(
      pls.htmt2.Loyalty?.Satisfaction as number,
      10,
    );
    const { svg, warnings } = await renderWatchingWarnings(htmtChart(pls));
    expect(warnings).toEqual([]);
    expect(svg).toContain(`>${cell?.label}<`);
  });
});

describe("PLS prediction, invariance and multigroup charts", () => {
  const { store } = storeResults();
  const halves = store.surveys.map((row, i) => ({
    ...row,
    half: i < store.surveys.length / 2 ? "first" : "second",
  }));

  it("plsPredictChart draws each indicator's PLS and LM errors and counts PLS's wins", async () => {
    const result = plsPredict(store.surveys, model, { folds: 5, repetitions: 1, seed: 1 });
    const bars = plsPredictBars(result);
    expect(bars).toHaveLength(2 * result.indicators.length);
    result.indicators.forEach((row, i) => {
      expectClose(bars[2 * i], { indicator: row.indicator, model: "PLS", error: row.plsRmse });
      expectClose(bars[2 * i + 1], {
        indicator: row.indicator,
        model: "LM benchmark",
        error: row.lmRmse,
      });
    });
    const mae = plsPredictBars(result, { metric: "mae" });
    expect(mae[0]?.error).toBeCloseTo(result.indicators[0]?.plsMae as number, 10);
    const spec = chart(result);
    expect([(spec.title as { subtitle: string | string[] }).subtitle].flat().join(" ")).toContain(
      `PLS is better on ${result.plsBeatsLmCount} of ${result.indicators.length}`,
    );
    const { warnings } = await renderWatchingWarnings(plsPredictChart(result, { metric: "mae" }));
    expect(warnings).toEqual([]);
  });

  it("micomChart puts each construct's differences against its permutation interval", async () => {
    const result = micom(halves, model, { group: "half", permutations: 40, seed: 1 });
    const rows = micomRows(result);
    result.constructs.forEach((c, i) => {
      expectClose(rows[2 * i], { value: c.meanDifference, lower: c.meanLower, upper: c.meanUpper });
      expectClose(rows[2 * i + 1], {
        value: c.logVarianceRatio,
        lower: c.varianceLower,
        upper: c.varianceUpper,
      });
      // Inside the interval exactly when the result says the groups are equal.
      const inside = c.meanDifference >= c.meanLower && c.meanDifference <= c.meanUpper;
      expect(rows[2 * i]?.verdict).toBe(inside ? "within the interval" : "groups differ");
    });
    expect(chart(result)).toEqual(micomChart(result));
    const { warnings } = await renderWatchingWarnings(micomChart(result));
    expect(warnings).toEqual([]);
  });

  it("plsMultigroupChart joins each path's two coefficients and marks p < 0.05", async () => {
    const result = plsMultigroup(halves, model, {
      group: "half",
      permutations: 40,
      bootstrapSamples: 20,
      seed: 1,
    });
    const rows = plsMultigroupRows(result);
    result.paths.forEach((p, i) => {
      expectClose(rows[2 * i], {
        group: "first",
        coefficient: p.first,
        pValue: p.permutationPValue,
      });
      expectClose(rows[2 * i + 1], { group: "second", coefficient: p.second });
      expect(rows[2 * i]?.difference).toBeCloseTo(p.first - p.second, 10);
      expect(rows[2 * i]?.significant).toBe(p.permutationPValue < 0.05);
    });
    expect(chart(result)).toEqual(plsMultigroupChart(result));
    const { warnings } = await renderWatchingWarnings(plsMultigroupChart(result));
    expect(warnings).toEqual([]);
    expect(result.paths).toHaveLength(ECSI_MODEL.paths.length);
  });

  it("chart() draws plsImportancePerformance as the importance-performance map", async () => {
    const ipma = plsImportancePerformance(store.surveys, model, { target: "Loyalty" });
    const spec = chart(ipma);
    expect(spec).toEqual(importancePerformanceChart(ipma));
    const points = (spec as { layer: { data?: { values: { name: string; importance: number }[] } }[] }).layer
      .flatMap((l) => l.data?.values ?? [])
      .filter((v) => typeof v.importance === "number");
    for (const entry of ipma.entries) {
      expect(points.find((p) => p.name === entry.name)?.importance).toBeCloseTo(entry.importance, 10);
    }
    const { warnings } = await renderWatchingWarnings(spec);
    expect(warnings).toEqual([]);
  });
});
