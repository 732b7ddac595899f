import { describe, expect, it } from "vitest";
import { readChurnFixture, readChurnReference } from "../../fixtures/churn/fixture.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { calibrateChurnModel } from "./calibrateChurnModel.js";
import { evaluateChurnModel } from "./evaluateChurnModel.js";
import { trainChurnModel } from "./trainChurnModel.js";

// Reference: fixtures/churn/make-reference.py, scikit-learn 1.2.1
// CalibratedClassifierCV(LogisticRegression(C=1), cv="prefit", method=...).fit(test rows), scoring the
// train rows; "plattExact" minimises the same Platt objective with scipy BFGS to gtol 1e-12.
const rows = Object.freeze(readChurnFixture().map((row) => Object.freeze(row)));
const train = Object.freeze(rows.filter((row) => row.split === "train"));
const test = Object.freeze(rows.filter((row) => row.split === "test"));
const fixture = readChurnReference().fixture;
const reference = fixture.calibration;
const model = trainChurnModel(train, {
  label: "churned",
  fields: { numeric: fixture.numeric as never[], categorical: fixture.categorical as never[] },
});

function maxDifference(actual: ArrayLike<number>, expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  let max = 0;
  for (let i = 0; i < expected.length; i++)
    max = Math.max(max, Math.abs((actual[i] as number) - (expected[i] as number)));
  return max;
}

describe("calibrateChurnModel", () => {
  it("Platt scaling matches the exact optimum of Platt's objective and scikit-learn's sigmoid calibration", () => {
    const calibrated = calibrateChurnModel(model, test, { method: "platt" });
    const calibration = calibrated.calibration as { method: "platt"; a: number; b: number; rows: number };
    expect(calibration.method).toBe("platt");
    expect(calibration.rows).toBe(test.length);
    expect(Math.abs(calibration.a - reference.plattExact.a)).toBeLessThan(1e-8);
    expect(Math.abs(calibration.b - reference.plattExact.b)).toBeLessThan(1e-8);
    // scikit-learn's fmin_bfgs stops earlier: agreement to its own precision.
    expect(Math.abs(calibration.a - reference.sigmoid.a)).toBeLessThan(1e-6);
    expect(maxDifference(calibrated.score(train), reference.sigmoid.trainProbabilities)).toBeLessThan(1e-7);
    const evaluation = evaluateChurnModel(calibrated, train);
    expect(Math.abs((evaluation.brierScore as number) - reference.sigmoid.trainBrierScore)).toBeLessThan(
      1e-8,
    );
  });

  it("isotonic calibration matches scikit-learn's thresholds and probabilities", () => {
    const calibrated = calibrateChurnModel(model, test, { method: "isotonic" });
    const calibration = calibrated.calibration as unknown as { method: "isotonic"; x: number[]; y: number[] };
    // sklearn keeps only the ends of each constant block; our points interpolate to the same function.
    for (let k = 0; k < reference.isotonic.xThresholds.length; k++) {
      const x = reference.isotonic.xThresholds[k] as number;
      const j = calibration.x.findIndex((value) => Math.abs(value - x) < 1e-8);
      expect(j, `threshold ${x}`).toBeGreaterThanOrEqual(0);
      expect(
        Math.abs((calibration.y[j] as number) - (reference.isotonic.yThresholds[k] as number)),
      ).toBeLessThan(1e-12);
    }
    expect(maxDifference(calibrated.score(train), reference.isotonic.trainProbabilities)).toBeLessThan(1e-7);
    expect(
      Math.abs(
        (evaluateChurnModel(calibrated, train).brierScore as number) - reference.isotonic.trainBrierScore,
      ),
    ).toBeLessThan(1e-8);
  });

  it("keeps the ranking, the coefficients and the explanation's contributions; replaces an earlier calibration", () => {
    const platt = calibrateChurnModel(model, test);
    expect(platt.calibration?.method).toBe("platt");
    expect(platt.coefficients).toBe(model.coefficients);
    const raw = model.score(train);
    const scored = platt.score(train);
    for (let i = 1; i < raw.length; i++) {
      expect(Math.sign((scored[i] as number) - (scored[0] as number))).toBe(
        Math.sign((raw[i] as number) - (raw[0] as number)),
      );
    }
    const explanation = platt.explain(train[3] as never);
    expect(explanation.contributions).toEqual(model.explain(train[3] as never).contributions);
    expect(explanation.probability).toBeCloseTo(scored[3] as number, 12);
    const twice = calibrateChurnModel(platt, test, { method: "platt" });
    expect(twice.calibration).toEqual(platt.calibration);
  });

  it("refuses a holdout with one class, an empty holdout, a foreign model and unknown methods", () => {
    expect(() =>
      calibrateChurnModel(
        model,
        test.filter((row) => row.churned === 1),
      ),
    ).toThrow(InsufficientDataError);
    expect(() => calibrateChurnModel(model, [])).toThrow(InsufficientDataError);
    expect(() => calibrateChurnModel({ ...model }, test)).toThrow(InvalidOptionsError);
    expect(() => calibrateChurnModel(model, test, { method: "beta" as never })).toThrow(InvalidOptionsError);
  });
});
