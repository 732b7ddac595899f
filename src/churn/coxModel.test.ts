import { describe, expect, it } from "vitest";
import {
  type CsvRow,
  type ReferenceCox,
  readLung,
  readSurvivalReference,
  readVeteran,
} from "../../fixtures/churn/survival/fixture.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { type CoxModel, coxModel } from "./coxModel.js";

const reference = readSurvivalReference();
const lung = Object.freeze(readLung().map((row) => Object.freeze(row)));
const veteran = Object.freeze(readVeteran().map((row) => Object.freeze(row)));
const lungDead = (row: CsvRow) => row.status === 2;

const close = (actual: number, expected: number, tolerance = 1e-6): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
};

/** Compares a model with an R coxph fit: our "feature=level" is R's "featurelevel". */
function expectMatchesR(model: CoxModel<CsvRow>, ref: ReferenceCox) {
  expect(model.n).toBe(ref.n[0]);
  expect(model.events).toBe(ref.events[0]);
  for (const c of model.coefficients) {
    const k = ref.terms.indexOf(c.term.replace("=", ""));
    expect(k).toBeGreaterThanOrEqual(0);
    close(c.estimate, ref.coefficient[k] as number);
    close(c.standardError, ref.standardError[k] as number);
    close(c.z, ref.z[k] as number);
    close(c.pValue, ref.pValue[k] as number);
    close(c.hazardRatio, ref.hazardRatio[k] as number);
    close(c.lower, ref.lower[k] as number);
    close(c.upper, ref.upper[k] as number);
    close(model.means[c.term] as number, ref.means[k] as number, 1e-12);
  }
  close(model.logLikelihoodNull, ref.logLikelihoodNull[0], 1e-12);
  close(model.logLikelihood, ref.logLikelihood[0], 1e-9);
  close(model.likelihoodRatioTest.statistic, ref.likelihoodRatio[0]);
  close(model.likelihoodRatioTest.pValue, ref.likelihoodRatioP[0]);
  close(model.scoreTest.statistic, ref.score[0]);
  close(model.scoreTest.pValue, ref.scoreP[0]);
  // R's summary rounds the Wald statistic to 2 decimals
  expect(Math.abs((model.waldTest?.statistic as number) - ref.wald[0])).toBeLessThanOrEqual(0.005);
  expect(model.concordance.concordant).toBe(ref.concordant[0]);
  expect(model.concordance.discordant).toBe(ref.discordant[0]);
  expect(model.concordance.tiedRisk).toBe(ref.tiedX[0]);
  expect(model.concordance.tiedTime).toBe(ref.tiedY[0]);
  close(model.concordance.concordance, ref.concordance[0], 1e-12);
  close(model.concordance.standardError, ref.concordanceStd[0], 1e-9);
  expect([...model.baseline.time]).toEqual(ref.baselineTime);
  model.baseline.survival.forEach((s, i) => {
    close(s, ref.baselineSurvival[i] as number);
  });
  expect(model.convergence.converged).toBe(true);
  expect(model.convergence.divergingTerms).toEqual([]);
}

function expectPredictions(model: CoxModel<CsvRow>, ref: ReferenceCox, subjects: readonly CsvRow[]) {
  const curves = subjects.map((subject) => model.survivalCurve(subject));
  curves.forEach((curve, s) => {
    expect([...curve.time]).toEqual(ref.predictedTime);
    const expected = s === 0 ? ref.predicted1 : ref.predicted2;
    curve.survival.forEach((value, i) => {
      close(value, expected[i] as number);
    });
    // survfit.coxph's defaults: std.err of the cumulative hazard, log-type 95% interval.
    const one = s === 0;
    const standardError = one ? ref.predictedStdErr1 : ref.predictedStdErr2;
    const lower = one ? ref.predictedLower1 : ref.predictedLower2;
    const upper = one ? ref.predictedUpper1 : ref.predictedUpper2;
    expect(curve.standardError).toHaveLength(standardError.length);
    curve.standardError?.forEach((value, i) => {
      close(value, standardError[i] as number);
      close(curve.lower?.[i] as number, lower[i] as number);
      close(curve.upper?.[i] as number, upper[i] as number);
      close(curve.cumulativeHazard[i] as number, -Math.log(expected[i] as number));
    });
  });
  // survivalAt reads the same step function, per customer
  const t = ref.predictedTime[20] as number;
  const at = model.survivalAt(subjects, t + 0.5);
  close(at[0] as number, ref.predicted1[20] as number);
  close(at[1] as number, ref.predicted2[20] as number);
  expect([...model.survivalAt(subjects, 0)]).toEqual([1, 1]);
}

const lungSubjects: CsvRow[] = [
  { age: 50, sex: 1, "ph.ecog": 0, "wt.loss": 5 },
  { age: 70, sex: 2, "ph.ecog": 2, "wt.loss": 20 },
];
const veteranSubjects: CsvRow[] = [
  { karno: 30, age: 60, trt: 1, celltype: "smallcell" },
  { karno: 80, age: 45, trt: 2, celltype: "large" },
];

describe("coxModel", () => {
  for (const ties of ["efron", "breslow"] as const) {
    it(`matches R coxph (ties = "${ties}") on lung, dropping the 15 rows with missing values`, () => {
      const model = coxModel(lung, {
        time: "time",
        event: lungDead,
        fields: { numeric: ["age", "ph.ecog", "wt.loss"], categorical: ["sex"] },
        ties,
      });
      expect(model.droppedRows).toBe(15);
      expect(model.droppedByField).toEqual({ "ph.ecog": 1, "wt.loss": 14 });
      expectMatchesR(model, reference[`coxLung_${ties}`]);
      expectPredictions(model, reference[`coxLung_${ties}`], lungSubjects);
    });

    it(`matches R coxph (ties = "${ties}") on veteran with two categorical features`, () => {
      const model = coxModel(veteran, {
        time: "time",
        event: "status",
        fields: { numeric: ["karno", "age"], categorical: ["trt", "celltype"] },
        ties,
      });
      expect(model.options.referenceLevels).toEqual({ trt: "1", celltype: "adeno" });
      expect(model.coefficients.map((c) => c.term)).toEqual([
        "karno",
        "age",
        "trt=2",
        "celltype=large",
        "celltype=smallcell",
        "celltype=squamous",
      ]);
      expectMatchesR(model, reference[`coxVeteran_${ties}`]);
      expectPredictions(model, reference[`coxVeteran_${ties}`], veteranSubjects);
    });
  }

  it("takes features as named accessors, the same model as keys", () => {
    const byKey = coxModel(veteran, {
      time: "time",
      event: "status",
      fields: { numeric: ["karno"], categorical: ["celltype"] },
    });
    const byAccessor = coxModel(veteran, {
      time: (row) => row.time,
      event: (row) => row.status === 1,
      fields: {
        numeric: [{ name: "performance", value: (row) => row.karno }],
        categorical: [{ name: "cell", value: (row) => row.celltype }],
      },
    });
    expect(byAccessor.coefficients.map((c) => c.term)).toEqual([
      "performance",
      "cell=large",
      "cell=smallcell",
      "cell=squamous",
    ]);
    byAccessor.coefficients.forEach((c, j) => {
      expect(c.estimate).toBe(byKey.coefficients[j]?.estimate);
    });
  });

  it("takes an overriding reference level (celltype vs large, as R's relevel)", () => {
    const model = coxModel(veteran, {
      time: "time",
      event: "status",
      fields: { numeric: ["karno", "age"], categorical: ["trt", "celltype"] },
      referenceLevels: { celltype: "large" },
    });
    expect(model.coefficients.map((c) => c.term)).toContain("celltype=adeno");
    expectMatchesR(model, reference.coxVeteranLarge_efron);
    expectPredictions(model, reference.coxVeteranLarge_efron, veteranSubjects);
  });

  it("hand-worked: the estimate zeroes the score of the written-out partial likelihood (no ties)", () => {
    // events at t=1 (x=0), t=2 (x=1), t=4 (x=0.2), censored at 3 (x=0.5): each event adds xβ − log Σ_{t_j ≥ t} e^{x_j β}
    const rows = [
      { t: 1, e: 1, x: 0 },
      { t: 2, e: 1, x: 1 },
      { t: 3, e: 0, x: 0.5 },
      { t: 4, e: 1, x: 0.2 },
    ];
    const model = coxModel(rows, { time: "t", event: "e", fields: { numeric: ["x"] } });
    const beta = model.coefficients[0]?.estimate as number;
    // centred x: the likelihood is invariant, so check the score is 0 at β̂ by finite differences
    const logL = (b: number) =>
      0 -
      Math.log(1 + Math.exp(b) + Math.exp(0.5 * b) + Math.exp(0.2 * b)) +
      b -
      Math.log(Math.exp(b) + Math.exp(0.5 * b) + Math.exp(0.2 * b)) +
      0.2 * b -
      Math.log(Math.exp(0.2 * b));
    const h = 1e-5;
    expect(Math.abs((logL(beta + h) - logL(beta - h)) / (2 * h))).toBeLessThan(1e-6);
    close(model.logLikelihood, logL(beta), 1e-10);
    close(model.logLikelihoodNull, logL(0), 1e-12);
  });

  it("reports a coefficient that diverges when a feature separates churners (R: 'may be infinite')", () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({
      t: i + 1,
      e: 1,
      x: i < 10 ? 1 : 0,
      y: (i * 7) % 5,
    }));
    const model = coxModel(rows, { time: "t", event: "e", fields: { numeric: ["x", "y"] } });
    expect(model.convergence.divergingTerms).toEqual(["x"]);
    expect(model.convergence.message).toMatch(/x may be infinite/);
    expect(model.coefficients[0]?.standardError).toBeGreaterThan(1000);
    for (const c of model.coefficients) for (const value of Object.values(c)) expect(value).not.toBeNaN();
    const fine = coxModel(veteran, { time: "time", event: "status", fields: { numeric: ["karno"] } });
    expect(fine.convergence.divergingTerms).toEqual([]);
  });

  it("refuses options and data it cannot model, with typed errors", () => {
    const rows = [
      { t: 1, e: 1, x: 1, g: "a" },
      { t: 2, e: 0, x: 2, g: "a" },
      { t: 3, e: 1, x: 3, g: "a" },
    ];
    expect(() => coxModel(rows, { time: "t", event: "e", fields: {} })).toThrow(InvalidOptionsError);
    expect(() => coxModel(rows, { time: "t", event: "e", fields: { categorical: ["g"] } })).toThrow(
      /single level/,
    );
    expect(() =>
      coxModel(rows, { time: "t", event: "e", fields: { numeric: ["x"] }, referenceLevels: { x: "1" } }),
    ).toThrow(/not a categorical feature/);
    expect(() =>
      coxModel([...rows, { t: 4, e: 1, x: 0, g: "b" }], {
        time: "t",
        event: "e",
        fields: { categorical: ["g"] },
        referenceLevels: { g: "c" },
      }),
    ).toThrow(/not a level of "g"/);
    expect(() =>
      coxModel(rows, { time: "t", event: "e", fields: { numeric: ["x"] }, Ties: "breslow" } as never),
    ).toThrow(/Ties: unknown option "\w+"; did you mean "ties"\?/);
    expect(() =>
      coxModel([{ t: 1, e: 0, x: 1 }], { time: "t", event: "e", fields: { numeric: ["x"] } }),
    ).toThrow(InsufficientDataError);
    expect(() =>
      coxModel(
        rows.map((r) => ({ ...r, y: 2 * r.x })),
        { time: "t", event: "e", fields: { numeric: ["x", "y"] } },
      ),
    ).toThrow(/not identifiable/);
    const model = coxModel(veteran, {
      time: "time",
      event: "status",
      fields: { categorical: ["celltype"] },
    });
    expect(() => model.riskScores([{ celltype: "unknown" }])).toThrow(InvalidRecordError);
    expect(() => model.riskScores([{ celltype: "unknown" }])).toThrow(/row 0, field "celltype"/);
  });
  it("names each malformed feature and reference level, and what it should be", () => {
    const rows = [
      { t: 1, e: 1, x: 1 },
      { t: 2, e: 0, x: 2 },
    ];
    const message = (options: unknown) => {
      try {
        coxModel(rows, options as never);
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(
      message({
        time: "t",
        event: "e",
        fields: {
          numeric: ["", 3, { name: "x" }, { name: 1, value: 2, vlaue: () => 0 }],
          categorical: "g",
        },
        referenceLevels: { g: 1 },
      }),
    ).toMatchInlineSnapshot(`
      "coxModel: invalid options
        - fields.numeric.0: Too small: expected string to have >=1 characters (received "")
        - fields.numeric.1: expected a property name or a named accessor { name, value: (record, index) => value }, received a number (received 3)
        - fields.numeric.2.value: required: expected a function (record, index) => value
        - fields.numeric.3.name: expected a non-empty string, received a number (received 1)
        - fields.numeric.3.value: expected a function (record, index) => value, received a number (received 2)
        - fields.numeric.3.vlaue: unknown option "vlaue"; did you mean "value"?
        - fields.categorical: expected an array, received a string (received "g")
        - referenceLevels.g: expected a string, received a number (received 1)"
    `);
    expect(message({ time: "t", event: "e", fields: { numeric: ["x"] }, referenceLevels: ["a"] })).toMatch(
      /referenceLevels: expected an object, received an array/,
    );
  });

  it("prints a coefficient table", () => {
    const model = coxModel(veteran, { time: "time", event: "status", fields: { numeric: ["karno"] } });
    const text = String(
      (model as unknown as Record<symbol, () => string>)[Symbol.for("nodejs.util.inspect.custom")]?.(),
    );
    expect(text).toContain("Cox proportional hazards model (efron ties)");
    expect(text).toContain("karno");
  });
});
