import { describe, expect, it } from "vitest";
import reference from "../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import {
  fitBetaGeometricBetaBinomial,
  fitGammaGamma,
  fitModifiedBgNbd,
  fitShiftedBetaGeometric,
} from "../value/index.js";
import { bgbbProbabilityAliveCells, bgbbProbabilityAliveChart } from "./bgbbProbabilityAliveChart.js";
import { chart, hasChart } from "./chart.js";
import { renderWatchingWarnings } from "./internal/renderWarnings.js";
import { storeResults } from "./internal/storeResults.js";
import { lifetimeParameterChart, lifetimeParameterRows } from "./lifetimeParameterChart.js";
import { retentionCurveChart, retentionCurvePoints } from "./retentionCurveChart.js";

// Reference numbers: fixtures/value/make-lifetime-extensions.py (scipy + mpmath, not clientele).
const regular = reference.sbg.regular;
const calibration = regular.survivors.slice(0, regular.calibrationPeriods + 1);
const sbg = fitShiftedBetaGeometric(calibration);
const donations = reference.bgbb.patterns.map((p) => {
  const [frequency, recency, periods, count] = p as [number, number, number, number];
  return { frequency, recency, periods, count };
});
const bgbb = fitBetaGeometricBetaBinomial(donations, { weight: "count" });

describe("retentionCurveChart", () => {
  it("draws the sBG survival and retention of Fader & Hardie's regular customers, projected to year 12", () => {
    const points = retentionCurvePoints(sbg, { survivors: regular.survivors, periods: 12 });
    const model = new Map<number, (typeof points)[number]>();
    for (const p of points) if (p.series !== "Observed") model.set(p.period, p);
    expect([...model.keys()]).toEqual(Array.from({ length: 13 }, (_, t) => t));
    regular.survival.forEach((s, t) => {
      expect(model.get(t)?.survival).toBeCloseTo(s, 6);
      if (t > 0) expect(model.get(t)?.retention).toBeCloseTo(regular.retentionRate[t - 1] as number, 6);
    });
    // Solid to the 7 calibration years, dashed beyond; year 7 is in both so the lines join.
    expect(points.filter((p) => p.series === "sBG fit").map((p) => p.period)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
    expect(points.filter((p) => p.series === "sBG projection").map((p) => p.period)[0]).toBe(7);
    // Observed: n_t / n_0 and n_t / n_(t-1) by hand (year 12: 173 of 1000; renewal 173 / 183).
    const observed = points.filter((p) => p.series === "Observed");
    expect(observed).toHaveLength(13);
    expect(observed[12]).toMatchObject({ period: 12, series: "Observed", survival: 0.173 });
    expect(observed[12]?.retention).toBeCloseTo(173 / 183, 10);
    expect(observed[0]?.retention).toBeNull();
  });

  it("projects twice the observed periods by default, and renders both panels without warnings", async () => {
    const spec = retentionCurveChart(sbg, { survivors: calibration });
    const values = (spec.data as { values: { period: number }[] }).values;
    expect(Math.max(...values.map((v) => v.period))).toBe(14);
    expect(chart(sbg)).toEqual(retentionCurveChart(sbg));
    const { svg, warnings } = await renderWatchingWarnings(spec);
    expect(warnings).toEqual([]);
    expect(svg).toContain("Share of cohort still active");
    expect(svg).toContain("Retention rate");
    expect(() => retentionCurveChart(sbg, { survivors: [0, 0] })).toThrow(/cohort size/);
    expect(() => retentionCurveChart({} as never)).toThrow(/expected the result of fitShiftedBetaGeometric/);
  });

  it("refuses survivors that are not a list of at least two counts >= 0 with one issue per fault", () => {
    const message = (survivors: unknown) => {
      try {
        retentionCurveChart(sbg, { survivors } as never);
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    // A string is one fault (zod's array schema also reported a meaningless "expected string to have >=2 characters").
    expect(message("x")).toMatchInlineSnapshot(`
      "retentionCurveChart: invalid options
        - survivors: expected an array, received a string (received "x")"
    `);
    expect(message([-1])).toMatchInlineSnapshot(`
      "retentionCurveChart: invalid options
        - survivors.0: Too small: expected number to be >=0 (received -1)
        - survivors: Too small: expected array to have >=2 items (received [-1])"
    `);
    expect(message([5, "a", Number.NaN])).toMatch(
      /survivors\.1: expected a number >= 0, received a string[\s\S]*survivors\.2: expected a number >= 0, received a number/,
    );
  });
});

describe("bgbbProbabilityAliveChart", () => {
  it("has the 22 patterns of n = 6 with mpmath's P(alive)", async () => {
    const cells = bgbbProbabilityAliveCells(bgbb, { periods: 6 });
    expect(cells).toHaveLength(22);
    for (const row of reference.bgbb.histories.filter((h) => h.n === 6)) {
      const cell = cells.find((c) => c.frequency === row.x && c.recency === row.tx);
      // The fitted optimum differs from mpmath's by ~1e-6 relative.
      expect(Math.abs((cell?.probability as number) / row.probabilityAlive - 1)).toBeLessThan(1e-4);
    }
    expect(cells.find((c) => c.frequency === 3 && c.recency === 4)?.label).toBe("44%");
    const { svg, warnings } = await renderWatchingWarnings(bgbbProbabilityAliveChart(bgbb, { periods: 6 }));
    expect(warnings).toEqual([]);
    expect(svg).toContain(">93%<");
    expect(() => bgbbProbabilityAliveChart(bgbb, {} as never)).toThrow(/periods/);
  });
});

describe("lifetimeParameterChart", () => {
  it("draws the sBG estimates with mpmath's standard errors and log-scale 95% intervals", async () => {
    const rows = lifetimeParameterRows(sbg);
    expect(rows.map((r) => r.parameter)).toEqual(["gamma", "delta"]);
    for (const row of rows) {
      const name = row.parameter as "gamma" | "delta";
      const se = regular.standardErrors[name];
      expect(row.estimate).toBeCloseTo(regular.params[name], 5);
      expect(Math.abs((row.standardError as number) / se - 1)).toBeLessThan(1e-3);
      // exp(log θ ± 1.96 se / θ), by hand from the reference numbers.
      const theta = regular.params[name];
      expect(row.lower).toBeCloseTo(theta * Math.exp((-1.959964 * se) / theta), 3);
      expect(row.upper).toBeCloseTo(theta * Math.exp((1.959964 * se) / theta), 3);
    }
    const { svg, warnings } = await renderWatchingWarnings(lifetimeParameterChart(sbg));
    expect(warnings).toEqual([]);
    expect(svg).toContain("sBG parameters with 95% intervals");
  });

  it("is what chart() draws for BG/NBD, Pareto/NBD, gamma-gamma and BG/BB fits", async () => {
    const r = storeResults();
    // Repeat customers only (gamma-gamma needs a positive mean repeat-purchase value).
    const gg = fitGammaGamma(
      [3, 1, 4, 2, 6, 2, 5, 1, 3, 2].map((frequency, i) => ({
        frequency,
        recency: 10,
        T: 12,
        monetaryValue: [22, 35, 18, 40, 25, 31, 19, 60, 27, 44][i] as number,
      })),
    );
    for (const [model, name] of [
      [r.bgNbd, "BG/NBD"],
      [fitModifiedBgNbd(r.summary), "MBG/NBD"],
      [r.paretoNbd, "Pareto/NBD"],
      [bgbb, "BG/BB"],
      [gg, "gamma-gamma"],
    ] as const) {
      expect(hasChart(model)).toBe(true);
      const spec = chart(model);
      expect((spec.title as { text: string }).text).toBe(`${name} parameters with 95% intervals`);
      const values = (spec.data as { values: { parameter: string; estimate: number }[] }).values;
      expect(Object.fromEntries(values.map((v) => [v.parameter, v.estimate]))).toEqual(
        Object.fromEntries(Object.entries(model.params).map(([k, v]) => [k, Number(v.toPrecision(12))])),
      );
    }
    const { warnings } = await renderWatchingWarnings(chart(r.paretoNbd));
    expect(warnings).toEqual([]);
  });
});
