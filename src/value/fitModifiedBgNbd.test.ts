import { describe, expect, it } from "vitest";
import { cdnowHistories, expectRelative, relative, SIX_HISTORIES } from "../../fixtures/value/histories.js";
import reference from "../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import { describeWithDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { fitBgNbd } from "./fitBgNbd.js";
import { fitModifiedBgNbd } from "./fitModifiedBgNbd.js";

const ref = reference.mbgnbd;

describeWithDataset("cdnow_customers_summary.csv", "fitModifiedBgNbd on CDNOW against scipy + mpmath", () => {
  const rows = cdnowHistories();
  const model = fitModifiedBgNbd(rows);

  it("finds the optimum of the independent implementation (1e-5 relative) and its log-likelihood (1e-5)", () => {
    expect(model.convergence.converged).toBe(true);
    for (const name of ["r", "alpha", "a", "b"] as const)
      expect(relative(model.params[name], ref.params[name]), name).toBeLessThan(1e-5);
    expect(Math.abs(model.logLikelihood - ref.logLikelihood)).toBeLessThan(1e-5);
  });

  it("has the standard errors of a 25-digit central-difference Hessian (1e-4 relative)", () => {
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(
        relative(model.uncertainty.standardErrors?.[name] as number, ref.standardErrors[name]),
        name,
      ).toBeLessThan(1e-4);
    }
  });

  it("matches mpmath's P(alive), E[Y(39) | history] (Batislam's 2F1 form) and E[X(t)] (1e-5 relative)", () => {
    for (const row of ref.histories) {
      expectRelative(
        JSON.stringify(row),
        {
          probabilityAlive: [model.probabilityAlive(row.x, row.tx, row.T), row.probabilityAlive],
          conditionalExpectedPurchases39: [
            model.conditionalExpectedPurchases(39, row.x, row.tx, row.T),
            row.conditionalExpectedPurchases39,
          ],
        },
        1e-5,
      );
    }
    for (const row of ref.expectedPurchases)
      expect(relative(model.expectedPurchases(row.t), row.value), `t=${row.t}`).toBeLessThan(1e-5);
  });

  it("gives customers without repeat purchases P(alive) < 1, where BG/NBD says 1", () => {
    const bg = fitBgNbd(rows);
    expect(bg.probabilityAlive(0, 0, 38.86)).toBe(1);
    const alive = model.probabilityAlive(0, 0, 38.86);
    expect(alive).toBeGreaterThan(0);
    expect(alive).toBeLessThan(0.6);
  });

  it("has a purchase-count distribution that sums to 1 and whose mean is E[X(t)]", () => {
    let total = 0;
    let mean = 0;
    for (let x = 0; x < 400; x++) {
      const p = model.probabilityOfPurchases(x, 39);
      total += p;
      mean += x * p;
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(relative(mean, model.expectedPurchases(39))).toBeLessThan(1e-9);
  });
});

describe("fitModifiedBgNbd checks", () => {
  it("refuses empty input, histories without repeats and bad method arguments", () => {
    expect(() => fitModifiedBgNbd([])).toThrow(InsufficientDataError);
    expect(() => fitModifiedBgNbd([{ frequency: 0, recency: 0, T: 5 }])).toThrow(
      /MBG\/NBD model is not identifiable/,
    );
    const model = fitModifiedBgNbd(SIX_HISTORIES);
    expect(() => model.probabilityOfPurchases(-1, 3)).toThrow(InvalidOptionsError);
    expect(() => model.expectedPurchases(-1)).toThrow(/t.*-1/s);
    expect(() => model.probabilityAlive(1, 5, 2)).toThrow(/at least recency/);
  });
});
