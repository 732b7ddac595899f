import { describe, expect, it } from "vitest";
import { lorenzCurve, paretoAnalysis } from "../value/index.js";
import { expectedPurchasesChart } from "./expectedPurchasesChart.js";
import { bgNbdPmf } from "./internal/repeatDistribution.js";
import { storeResults } from "./internal/storeResults.js";
import { lorenzChart } from "./lorenzChart.js";
import { probabilityAliveChart } from "./probabilityAliveChart.js";
import { repeatPurchasesBars } from "./repeatPurchasesChart.js";
import { rfmHeatmapCells, rfmHeatmapChart } from "./rfmHeatmapChart.js";
import { segmentShares } from "./segmentSharesChart.js";
import { trackingPoints } from "./trackingChart.js";

type Layer = { data: { values: Record<string, number | string>[] } };
const layers = (spec: object) => (spec as { layer: Layer[] }).layer;

describe("lorenzChart", () => {
  it("draws lorenzCurve's points, the 80/20 point and the Gini", () => {
    const spend = [1, 2, 3, 4, 10];
    const curve = lorenzCurve(spend);
    const spec = lorenzChart(curve);
    const points = layers(spec)[1]?.data.values ?? [];
    expect(points).toHaveLength(curve.customerShare.length);
    points.forEach((p, i) => {
      expect(p.customerShare).toBeCloseTo(curve.customerShare[i] as number, 12);
      expect(p.valueShare).toBeCloseTo(curve.valueShare[i] as number, 12);
    });
    // By hand: the bottom 4 of 5 customers hold 10 of 20, so the top 20% hold 50%; Gini 0.4.
    expect(layers(spec)[2]?.data.values).toEqual([
      { customerShare: 0.8, valueShare: 0.5, label: "top 20% hold 50.0%" },
    ]);
    expect(spec.title).toEqual({
      text: "How concentrated is customer value?",
      subtitle: "Gini 0.400 · top 20% of customers hold 50.0% of value",
    });
  });

  it("gives the same curve from paretoAnalysis as from lorenzCurve", () => {
    const spend = [5, 0, 12, 3, 3, 40, 7, 1];
    const fromLorenz = layers(lorenzChart(lorenzCurve(spend)))[1]?.data.values;
    const fromPareto = layers(lorenzChart(paretoAnalysis(spend)))[1]?.data.values ?? [];
    expect(fromPareto.length).toBe(fromLorenz?.length);
    fromPareto.forEach((p, i) => {
      expect(p.customerShare).toBeCloseTo(fromLorenz?.[i]?.customerShare as number, 12);
      expect(p.valueShare).toBeCloseTo(fromLorenz?.[i]?.valueShare as number, 12);
    });
    expect((lorenzChart(paretoAnalysis(spend)).title as { subtitle: string }).subtitle).toBe(
      (lorenzChart(lorenzCurve(spend)).title as { subtitle: string }).subtitle,
    );
  });

  it("draws at most 501 points of a long curve, ending at (1, 1)", () => {
    const spend = Array.from({ length: 5000 }, (_, i) => 1 + (i % 97));
    const points = layers(lorenzChart(lorenzCurve(spend)))[1]?.data.values ?? [];
    expect(points.length).toBeLessThanOrEqual(501);
    expect(points.at(-1)).toEqual({ customerShare: 1, valueShare: 1 });
  });

  it("refuses other input", () => {
    expect(() => lorenzChart({} as never)).toThrow(
      /lorenzChart: invalid options[\s\S]*expected the result of lorenzCurve or paretoAnalysis/,
    );
  });
});

describe("rfmHeatmapChart", () => {
  it("counts customers and averages spend per recency x frequency cell", () => {
    const scores = {
      customers: [
        { customer: "a", recencyScore: 2, frequencyScore: 1, monetary: 10 },
        { customer: "b", recencyScore: 2, frequencyScore: 1, monetary: 30 },
        { customer: "c", recencyScore: 1, frequencyScore: 2, monetary: 7 },
      ],
      breaks: {},
      options: { bins: 2, method: "quantile" },
    } as never;
    expect(rfmHeatmapCells(scores)).toEqual([
      { recencyScore: 1, frequencyScore: 1, customers: 0, meanMonetary: null },
      { recencyScore: 1, frequencyScore: 2, customers: 1, meanMonetary: 7 },
      { recencyScore: 2, frequencyScore: 1, customers: 2, meanMonetary: 20 },
      { recencyScore: 2, frequencyScore: 2, customers: 0, meanMonetary: null },
    ]);
  });

  it("covers every customer of the store once, with the currency in the locale", () => {
    const { scores } = storeResults();
    const cells = rfmHeatmapCells(scores);
    expect(cells).toHaveLength(25);
    expect(cells.reduce((sum, cell) => sum + cell.customers, 0)).toBe(scores.customers.length);
    const top = scores.customers.filter((c) => c.recencyScore === 5 && c.frequencyScore === 5);
    expect(cells.find((c) => c.recencyScore === 5 && c.frequencyScore === 5)?.customers).toBe(top.length);
    const spec = rfmHeatmapChart(scores, { currency: "€" });
    expect((spec.config as { locale: { number: { currency: string[] } } }).locale.number.currency).toEqual([
      "€",
      "",
    ]);
  });
});

describe("segmentShares", () => {
  it("takes rfmSegments' shares, largest revenue share first, empty segments left out", () => {
    const { segments } = storeResults();
    const shares = segmentShares(segments);
    const nonEmpty = segments.segments.filter((s) => s.customers > 0);
    expect(shares).toHaveLength(nonEmpty.length);
    for (const row of shares) {
      const source = nonEmpty.find((s) => s.segment === row.segment);
      expect(row.customerShare).toBe(source?.share);
      expect(row.valueShare).toBe(source?.monetaryShare);
    }
    const values = shares.map((s) => s.valueShare as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it("takes valueTiers' contribution shares", () => {
    const { tiers } = storeResults();
    const shares = segmentShares(tiers);
    expect(shares.reduce((sum, s) => sum + s.customers, 0)).toBe(tiers.customers.length);
    expect(shares.map((s) => s.segment).sort()).toEqual(
      tiers.tiers
        .filter((t) => t.customers > 0)
        .map((t) => t.tier)
        .sort(),
    );
  });
});

describe("trackingChart", () => {
  it("meets the summary's totals at the end of calibration and of the holdout", () => {
    const { split, splitModel, purchases } = storeResults();
    const points = trackingPoints(split, splitModel, {
      transactions: purchases,
      customer: "customerId",
      date: "date",
    });
    const actual = points.filter((p) => p.series === "actual");
    const sum = (column: Float64Array) => column.reduce((s, v) => s + v, 0);
    expect(actual.find((p) => p.offset === 0)?.cumulative).toBe(sum(split.frequency));
    expect(actual.at(-1)?.cumulative).toBe(sum(split.frequency) + sum(split.holdoutFrequency));
    expect(actual.at(-1)?.date).toBe(split.options.asOf);
    // Cumulative counts never fall.
    actual.slice(1).forEach((p, i) => {
      expect(p.cumulative).toBeGreaterThanOrEqual(actual[i]?.cumulative as number);
    });
  });

  it("expects what the model expects for each customer's age", () => {
    const { split, splitModel } = storeResults();
    const points = trackingPoints(split, splitModel);
    for (const offset of [0, 10]) {
      let expected = 0;
      split.T.forEach((T) => {
        if (T + offset > 0) expected += splitModel.expectedPurchases(T + offset);
      });
      expect(points.find((p) => p.series === "expected" && p.offset === offset)?.cumulative).toBeCloseTo(
        expected,
        6,
      );
    }
    // Without transactions the actual curve has its two known points.
    expect(points.filter((p) => p.series === "actual")).toHaveLength(2);
  });
});

describe("frequency x recency heatmaps", () => {
  it("colours each cell with the model's P(alive) at the summary's largest age", () => {
    const { bgNbd, summary } = storeResults();
    const spec = probabilityAliveChart(bgNbd, summary, { maxFrequency: 5 });
    const cells = (spec.data as { values: { frequency: number; recency: number; probability: number }[] })
      .values;
    const T = Math.max(...summary.T);
    expect(Math.max(...cells.map((c) => c.frequency))).toBe(5);
    for (const cell of [cells[0], cells[7], cells.at(-1)]) {
      const recency = cell?.frequency === 0 ? 0 : (cell?.recency as number);
      expect(cell?.probability).toBeCloseTo(
        bgNbd.probabilityAlive(cell?.frequency as number, recency, T),
        10,
      );
    }
  });

  it("gives conditional expected purchases over the horizon", () => {
    const { paretoNbd, summary } = storeResults();
    const spec = expectedPurchasesChart(paretoNbd, summary, { horizon: 13, maxFrequency: 3 });
    const cells = (spec.data as { values: { frequency: number; recency: number; expected: number }[] })
      .values;
    const T = Math.max(...summary.T);
    const cell = cells.find((c) => c.frequency === 2) as {
      frequency: number;
      recency: number;
      expected: number;
    };
    expect(cell.expected).toBeCloseTo(paretoNbd.conditionalExpectedPurchases(13, 2, cell.recency, T), 10);
    expect((spec.title as { text: string }).text).toBe(
      "Expected purchases in the next 13 weeks (Pareto/NBD)",
    );
  });
});

describe("repeatPurchasesChart", () => {
  it("uses the BG/NBD distribution: P(0) = (α/(α+t))^r · 1, probabilities sum to 1, mean = E[X(t)]", () => {
    const { bgNbd } = storeResults();
    const { r, alpha } = bgNbd.params;
    const pmf = bgNbdPmf(bgNbd.params, 30, 400);
    expect(pmf[0]).toBeCloseTo((alpha / (alpha + 30)) ** r, 12);
    expect(pmf.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 8);
    expect(pmf.reduce((s, p, x) => s + x * p, 0)).toBeCloseTo(bgNbd.expectedPurchases(30), 6);
  });

  it("counts every customer once and predicts as many customers as there are", () => {
    const { bgNbd, paretoNbd, summary } = storeResults();
    for (const model of [bgNbd, paretoNbd]) {
      const bars = repeatPurchasesBars(model, summary, { maxFrequency: 5 });
      expect(bars.map((b) => b.label)).toEqual(["0", "1", "2", "3", "4", "5+"]);
      expect(bars.reduce((s, b) => s + b.actual, 0)).toBe(summary.T.length);
      expect(bars.reduce((s, b) => s + b.expected, 0)).toBeCloseTo(summary.T.length, 6);
      expect(bars[1]?.actual).toBe(summary.frequency.filter((f) => f === 1).length);
    }
  });

  it("simulates Pareto/NBD reproducibly per seed, its capped mean within the model's expected purchases", () => {
    const { paretoNbd, summary } = storeResults();
    const a = repeatPurchasesBars(paretoNbd, summary, { seed: 3 });
    expect(repeatPurchasesBars(paretoNbd, summary, { seed: 3 })).toEqual(a);
    // The simulated mean of min(X, 7) cannot exceed the model's expected purchases.
    const simulatedMean = a.reduce((s, b) => s + b.frequency * b.expected, 0) / summary.T.length;
    const modelMean = summary.T.reduce((s, T) => s + paretoNbd.expectedPurchases(T), 0) / summary.T.length;
    expect(simulatedMean).toBeLessThanOrEqual(modelMean * 1.02);
  });
});
