import { describe, expect, it } from "vitest";
import { evaluateScores, trainChurnModel } from "../churn/index.js";
import { calibrationCurveChart } from "./calibrationCurveChart.js";
import { coefficientRows } from "./coefficientChart.js";
import { evaluationChart } from "./evaluationChart.js";
import { gainsChart } from "./gainsChart.js";
import { inactivityChart } from "./inactivityChart.js";
import { storeResults } from "./internal/storeResults.js";
import { liftChart } from "./liftChart.js";
import { rocPoints } from "./rocChart.js";

type Values = { values: Record<string, number | string>[] };

/** Trapezoid area under ROC points. */
function area(points: readonly { falsePositiveRate: number; truePositiveRate: number }[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { falsePositiveRate: number; truePositiveRate: number };
    const b = points[i] as { falsePositiveRate: number; truePositiveRate: number };
    sum += ((b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate)) / 2;
  }
  return sum;
}

describe("rocChart", () => {
  it("gives the ROC points of a worked example", () => {
    // Scores 0.9 (churner), 0.8 (stays), 0.3 (churner), 0.1 (stays), one per group.
    const evaluation = evaluateScores([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0], { groups: 4 });
    expect(rocPoints(evaluation)).toEqual([
      { falsePositiveRate: 0, truePositiveRate: 0, group: 0 },
      { falsePositiveRate: 0, truePositiveRate: 0.5, group: 1 },
      { falsePositiveRate: 0.5, truePositiveRate: 0.5, group: 2 },
      { falsePositiveRate: 0.5, truePositiveRate: 1, group: 3 },
      { falsePositiveRate: 1, truePositiveRate: 1, group: 4 },
    ]);
  });

  it("with one customer per group, the area under the points is evaluateScores' AUC", () => {
    const { evaluation } = storeResults();
    const scores = Array.from({ length: 60 }, (_, i) => ((i * 37) % 60) / 60 + i * 1e-6);
    const labels = scores.map((s, i) => (s + ((i * 13) % 7) / 10 > 0.8 ? 1 : 0));
    const fine = evaluateScores(scores, labels, { groups: 60 });
    expect(area(rocPoints(fine))).toBeCloseTo(fine.auc as number, 12);
    // Deciles of the store's held-out customers: from (0, 0) to (1, 1).
    const points = rocPoints(evaluation);
    expect(points).toHaveLength(evaluation.gains.length + 1);
    expect(points.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
  });
});

describe("gains, lift and calibration charts", () => {
  it("draws the gains table's cumulative capture against customers contacted", () => {
    const { evaluation } = storeResults();
    const spec = gainsChart(evaluation);
    const points = ((spec.layer as { data: Values }[])[1]?.data.values ?? []) as {
      contacted: number;
      captured: number;
    }[];
    expect(points[0]).toEqual({ contacted: 0, captured: 0, group: 0 });
    let contacted = 0;
    evaluation.gains.forEach((row, i) => {
      contacted += row.count;
      expect(points[i + 1]?.contacted).toBeCloseTo(contacted / evaluation.count, 12);
      expect(points[i + 1]?.captured).toBeCloseTo(row.cumulativeCapture as number, 12);
    });
  });

  it("draws each group's lift", () => {
    const { evaluation } = storeResults();
    const bars = ((liftChart(evaluation).layer as { data: Values }[])[0]?.data.values ?? []) as {
      lift: number;
    }[];
    expect(bars.map((b) => b.lift)).toEqual(
      evaluation.gains.map((row) => Number((row.lift ?? 0).toPrecision(12))),
    );
  });

  it("draws the non-empty calibration bins and refuses scores that are not probabilities", () => {
    const { evaluation } = storeResults();
    const spec = calibrationCurveChart(evaluation);
    const points = (spec.layer as { data: Values }[])[2]?.data.values ?? [];
    expect(points).toHaveLength((evaluation.calibration ?? []).filter((b) => b.count > 0).length);
    const notProbabilities = evaluateScores([3, 1, 2], [1, 0, 0]);
    expect(() => calibrationCurveChart(notProbabilities)).toThrow(/scores were not probabilities/);
    expect((evaluationChart(notProbabilities).concat as unknown[]).length).toBe(3);
    expect((evaluationChart(evaluation).concat as unknown[]).length).toBe(4);
  });
});

describe("coefficientChart", () => {
  it("draws 95% intervals from the standard errors of an unpenalised model, without the intercept", () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      gap: (i * 7) % 50,
      spend: (i * 13) % 90,
      churned: ((i * 7) % 50) + ((i * 3) % 20) > 40 ? 1 : 0,
    }));
    const model = trainChurnModel(rows, {
      label: "churned",
      fields: { numeric: ["gap", "spend"] },
      regularization: { l2: 0 },
    });
    const chartRows = coefficientRows(model);
    expect(chartRows.map((r) => r.term).sort()).toEqual(["gap", "spend"]);
    for (const row of chartRows) {
      const coefficient = model.coefficients.find((c) => c.term === row.term);
      const se = coefficient?.standardizedStandardError as number;
      expect(se).toBeGreaterThan(0);
      expect(row.lower).toBeCloseTo((coefficient?.standardizedEstimate as number) - 1.96 * se, 10);
      expect(row.upper).toBeCloseTo((coefficient?.standardizedEstimate as number) + 1.96 * se, 10);
    }
    expect(Math.abs(chartRows[0]?.estimate as number)).toBeGreaterThanOrEqual(
      Math.abs(chartRows[1]?.estimate as number),
    );
  });

  it("draws plain coefficients when the model has no standard errors", () => {
    const { churnModel } = storeResults();
    const rows = coefficientRows(churnModel);
    expect(rows).toHaveLength(churnModel.coefficients.length - 1);
    expect(rows.every((r) => r.lower === null && r.upper === null)).toBe(true);
  });
});

describe("inactivityChart", () => {
  it("draws the band counts in band order", () => {
    const { inactivity } = storeResults();
    const values = (inactivityChart(inactivity).data as Values).values;
    expect(values.map((v) => v.band)).toEqual(["active", "watch", "at risk", "lapsed"]);
    expect(values.map((v) => v.customers)).toEqual([
      inactivity.bandCounts.active,
      inactivity.bandCounts.watch,
      inactivity.bandCounts["at risk"],
      inactivity.bandCounts.lapsed,
    ]);
  });
});
