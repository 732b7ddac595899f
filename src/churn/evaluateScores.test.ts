import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readChurnFixture, readChurnReference } from "../../fixtures/churn/fixture.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { evaluateScores } from "./evaluateScores.js";

// Reference: sklearn.metrics 1.2.1 on the statsmodels test-set probabilities
// (fixtures/churn/make-reference.py); the scores here are Python's, not ours.
const reference = readChurnReference().fixture.statsmodels;
const labels = Object.freeze(
  readChurnFixture()
    .filter((row) => row.split === "test")
    .map((row) => row.churned),
);
const scores = Object.freeze([...reference.testProbabilities]);

describe("evaluateScores against scikit-learn metrics", () => {
  const result = evaluateScores(scores, labels);

  it("matches roc_auc_score, with and without tied scores", () => {
    expect(result.auc).toBeCloseTo(reference.test.auc, 14);
    const rounded = scores.map((p) => Math.round(p * 10) / 10);
    expect(new Set(rounded).size).toBeLessThan(12); // heavy ties
    expect(evaluateScores(rounded, labels).auc).toBeCloseTo(reference.test.aucRoundedTo1Decimal, 14);
  });

  it("matches the confusion matrix, precision, recall and F1 at threshold 0.5", () => {
    expect(result.confusion).toEqual(reference.test.confusion);
    expect(result.precision).toBeCloseTo(reference.test.precision, 14);
    expect(result.recall).toBeCloseTo(reference.test.recall, 14);
    expect(result.f1).toBeCloseTo(reference.test.f1, 14);
  });

  it("matches brier_score_loss, log_loss and calibration_curve", () => {
    expect(result.brierScore).toBeCloseTo(reference.test.brierScore, 14);
    expect(result.logLoss).toBeCloseTo(reference.test.logLoss, 12);
    const nonEmpty = (result.calibration ?? []).filter((bin) => bin.count > 0);
    expect(nonEmpty.map((bin) => bin.observedRate)).toEqual(
      reference.test.calibration.observedRate.map((value) => expect.closeTo(value, 14)),
    );
    expect(nonEmpty.map((bin) => bin.meanPredicted)).toEqual(
      reference.test.calibration.meanPredicted.map((value) => expect.closeTo(value, 14)),
    );
  });

  it("builds a decile gains table whose capture adds up to every churner", () => {
    expect(result.gains).toHaveLength(10);
    expect(result.gains.map((row) => row.count)).toEqual(Array(10).fill(10));
    expect(result.gains.reduce((sum, row) => sum + row.churners, 0)).toBe(result.churners);
    expect(result.gains[9]?.cumulativeCapture).toBeCloseTo(1, 14);
    expect(result.gains[9]?.cumulativeLift).toBeCloseTo(1, 14);
    expect(result.topDecileCapture).toBe(result.gains[0]?.capture);
    for (let g = 1; g < 10; g++) {
      expect(result.gains[g]?.maxScore).toBeLessThanOrEqual(result.gains[g - 1]?.minScore as number);
    }
    // Top decile computed by hand from the sorted scores.
    const top = scores
      .map((score, i) => ({ score, label: labels[i] as number }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    const hits = top.reduce((sum, row) => sum + row.label, 0);
    expect(result.topDecileCapture).toBeCloseTo(hits / result.churners, 14);
    expect(result.topDecileLift).toBeCloseTo(hits / 10 / result.baseRate, 14);
  });
});

describe("evaluateScores conventions", () => {
  it("computes a small case by hand", () => {
    const result = evaluateScores([0.9, 0.8, 0.3, 0.2], [1, 0, 1, 0], { groups: 2 });
    expect(result.auc).toBe(0.75);
    expect(result.confusion).toEqual({
      truePositives: 1,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 1,
    });
    expect(result.precision).toBe(0.5);
    expect(result.gains.map((row) => [row.churners, row.lift, row.cumulativeCapture])).toEqual([
      [1, 1, 0.5],
      [1, 1, 1],
    ]);
  });

  it("counts a score equal to the threshold as predicted churn", () => {
    const result = evaluateScores([0.5, 0.4], [1, 0]);
    expect(result.confusion.truePositives).toBe(1);
    expect(result.confusion.trueNegatives).toBe(1);
  });

  it("returns null, never NaN, for rates with a zero denominator", () => {
    const noneFlagged = evaluateScores([0.1, 0.2, 0.3], [0, 1, 0]);
    expect(noneFlagged.precision).toBeNull();
    expect(noneFlagged.f1).toBeNull();
    expect(noneFlagged.recall).toBe(0);
    const oneClass = evaluateScores([0.1, 0.7], [false, false]);
    expect(oneClass.auc).toBeNull();
    expect(oneClass.recall).toBeNull();
    expect(oneClass.topDecileCapture).toBeNull();
    expect(oneClass.topDecileLift).toBeNull();
    expect(JSON.stringify(oneClass)).not.toMatch(/NaN/);
  });

  it("evaluates raw (non-probability) scores without calibration", () => {
    const result = evaluateScores([3.2, 0.5, 7], [0, 0, 1]);
    expect(result.auc).toBe(1);
    expect(result.calibration).toBeNull();
    expect(result.brierScore).toBeNull();
    expect(result.gains).toHaveLength(3); // fewer rows than groups: empty groups left out
  });

  it("refuses mismatched lengths, non-finite scores, bad labels and empty input", () => {
    expect(() => evaluateScores([0.1], [1, 0])).toThrow(InvalidOptionsError);
    expect(() => evaluateScores([0.1, Number.NaN], [1, 0])).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: evaluateScores: row 1, field "scores": received NaN (number); expected a finite number]`,
    );
    expect(() => evaluateScores([0.1, 0.2], [1, 2])).toThrow(InvalidRecordError);
    expect(() => evaluateScores([], [])).toThrow(InsufficientDataError);
    expect(() => evaluateScores([0.1], [1], { groups: 0 })).toThrow(InvalidOptionsError);
  });

  it("AUC equals the share of correctly ordered (churner, non-churner) pairs, ties one half", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 5 }), label: fc.boolean() }), {
          minLength: 2,
          maxLength: 40,
        }),
        (rows) => {
          const positives = rows.filter((row) => row.label);
          const negatives = rows.filter((row) => !row.label);
          const result = evaluateScores(
            rows.map((row) => row.score / 5),
            rows.map((row) => row.label),
          );
          if (positives.length === 0 || negatives.length === 0) return result.auc === null;
          let wins = 0;
          for (const p of positives)
            for (const n of negatives) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
          return Math.abs((result.auc as number) - wins / (positives.length * negatives.length)) < 1e-12;
        },
      ),
    );
  });
});
