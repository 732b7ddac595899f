import { describe, expect, it } from "vitest";
import { expectRelative, relative } from "../../fixtures/value/histories.js";
import reference from "../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { fitBetaGeometricBetaBinomial } from "./fitBetaGeometricBetaBinomial.js";

const ref = reference.bgbb;
// the 22 (x, t_x) patterns of the 1995 donor cohort, n = 6 (Fader, Hardie & Shang 2010)
const donations = Object.freeze(
  ref.patterns.map((pattern) => {
    const [frequency, recency, periods, count] = pattern as [number, number, number, number];
    return Object.freeze({ frequency, recency, periods, count });
  }),
);

describe("fitBetaGeometricBetaBinomial on the donation data (Fader, Hardie & Shang 2010)", () => {
  const model = fitBetaGeometricBetaBinomial(donations, { weight: "count" });

  it("reproduces the published estimates (3 decimals) and log-likelihood -33,225.6", () => {
    expect(model.convergence.converged).toBe(true);
    expect(model.customerCount).toBe(11104);
    expect(model.distinctPatterns).toBe(22);
    for (const name of ["alpha", "beta", "gamma", "delta"] as const)
      expect(Math.abs(model.params[name] - ref.published.params[name]), name).toBeLessThan(5e-4);
    expect(Math.abs(model.logLikelihood - ref.published.logLikelihood)).toBeLessThan(0.05);
  });

  it("matches the mpmath optimum (1e-5 relative), its log-likelihood (1e-6) and standard errors (1e-4)", () => {
    for (const name of ["alpha", "beta", "gamma", "delta"] as const) {
      expect(relative(model.params[name], ref.params[name]), name).toBeLessThan(1e-5);
      expect(
        relative(model.uncertainty.standardErrors?.[name] as number, ref.standardErrors[name]),
        name,
      ).toBeLessThan(1e-4);
    }
    expect(Math.abs(model.logLikelihood - ref.logLikelihood)).toBeLessThan(1e-6);
  });

  it("matches mpmath's P(alive), conditional expectations, DERT and E[X(n)] (1e-5 relative: the optima differ by ~1e-6)", () => {
    for (const row of ref.histories) {
      expectRelative(
        JSON.stringify(row),
        {
          probabilityAlive: [model.probabilityAlive(row.x, row.tx, row.n), row.probabilityAlive],
          conditionalExpectedPurchases5: [
            model.conditionalExpectedPurchases(5, row.x, row.tx, row.n),
            row.conditionalExpectedPurchases5,
          ],
          conditionalExpectedPurchases1: [
            model.conditionalExpectedPurchases(1, row.x, row.tx, row.n),
            row.conditionalExpectedPurchases1,
          ],
          dert10: [model.discountedExpectedResidualTransactions(0.1, row.x, row.tx, row.n), row.dert10],
        },
        1e-5,
      );
    }
    for (const row of ref.expectedPurchases)
      expect(relative(model.expectedPurchases(row.n), row.value), `n=${row.n}`).toBeLessThan(1e-5);
  });

  it("gives the same fit from one record per donor as from weighted patterns", () => {
    const perDonor: { frequency: number; recency: number; periods: number }[] = [];
    for (const row of donations) {
      for (let k = 0; k < row.count; k++)
        perDonor.push({ frequency: row.frequency, recency: row.recency, periods: row.periods });
    }
    const again = fitBetaGeometricBetaBinomial(perDonor);
    expect(relative(again.logLikelihood, model.logLikelihood)).toBeLessThan(1e-10);
    expect(relative(again.params.delta, model.params.delta)).toBeLessThan(1e-6);
  });

  it("expects fewer future donations from lapsed donors and none over zero opportunities", () => {
    expect(model.conditionalExpectedPurchases(5, 3, 3, 6)).toBeLessThan(
      model.conditionalExpectedPurchases(5, 3, 6, 6),
    );
    expect(model.probabilityAlive(1, 1, 6)).toBeLessThan(model.probabilityAlive(1, 6, 6));
    expect(model.conditionalExpectedPurchases(0, 3, 6, 6)).toBe(0);
    expect(model.expectedPurchases(0)).toBe(0);
  });
});

describe("fitBetaGeometricBetaBinomial input checks", () => {
  it("names the row and field of an impossible pattern", () => {
    expect(() => fitBetaGeometricBetaBinomial([{ frequency: 3, recency: 2, periods: 6 }])).toThrow(
      /row 0, field "recency"/,
    );
    expect(() => fitBetaGeometricBetaBinomial([{ frequency: 1, recency: 7, periods: 6 }])).toThrow(
      InvalidRecordError,
    );
    expect(() => fitBetaGeometricBetaBinomial([{ frequency: 1.5, recency: 2, periods: 6 }])).toThrow(
      /field "frequency"/,
    );
    expect(() => fitBetaGeometricBetaBinomial([{ frequency: 0, recency: 2, periods: 6 }])).toThrow(
      /recency 0/,
    );
    expect(() =>
      fitBetaGeometricBetaBinomial([{ x: 1, t: 2, n: 6, w: -1 }], {
        frequency: "x",
        recency: "t",
        periods: "n",
        weight: "w",
      }),
    ).toThrow(/field "w"/);
  });

  it("refuses data without repeat transactions and unknown options", () => {
    expect(() => fitBetaGeometricBetaBinomial([])).toThrow(InsufficientDataError);
    expect(() => fitBetaGeometricBetaBinomial([{ frequency: 0, recency: 0, periods: 6 }])).toThrow(
      /not identifiable/,
    );
    expect(() => fitBetaGeometricBetaBinomial(donations, { weights: "count" } as never)).toThrow(
      /did you mean "weight"/,
    );
  });

  it("checks its methods' arguments", () => {
    const model = fitBetaGeometricBetaBinomial(donations, { weight: "count" });
    expect(() => model.probabilityAlive(3, 2, 6)).toThrow(InvalidOptionsError);
    expect(() => model.conditionalExpectedPurchases(1.5, 1, 1, 6)).toThrow(/futurePeriods/);
    expect(() => model.discountedExpectedResidualTransactions(-1, 1, 1, 6)).toThrow(/discountRate/);
  });
});
