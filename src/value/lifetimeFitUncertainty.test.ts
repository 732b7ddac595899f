import { describe, expect, it } from "vitest";
import { relative } from "../../fixtures/value/histories.js";
import reference from "../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { fitBgNbd } from "./fitBgNbd.js";
import { fitGammaGamma } from "./fitGammaGamma.js";
import { fitParetoNbd } from "./fitParetoNbd.js";
import { inverseSpd } from "./internal/observedInformation.js";

describeWithDataset(
  "cdnow_customers_summary_with_transactions.csv",
  "standard errors of the CDNOW fits from the observed information",
  () => {
    const rows = Object.freeze(
      parseSimpleCsv(readSharedDataset("cdnow_customers_summary_with_transactions.csv")).map((row) =>
        Object.freeze({
          frequency: Number(row.x),
          recency: Number(row.t_x),
          T: Number(row.T),
          monetaryValue: Number(row.zbar),
        }),
      ),
    );

    it("BG/NBD: lifetimes' published standard errors (6 digits) and the mpmath Hessian's (1e-5 relative)", () => {
      const model = fitBgNbd(rows);
      const se = model.uncertainty.standardErrors;
      // lifetimes 0.11.3 docs/Quickstart.md summary: r 0.012557, alpha 0.378221, a 0.185719, b 0.705345
      const published = { r: 0.012557, alpha: 0.378221, a: 0.185719, b: 0.705345 };
      for (const name of ["r", "alpha", "a", "b"] as const) {
        expect(Math.abs((se?.[name] as number) - published[name]), name).toBeLessThan(
          1e-6 + 1e-6 * published[name],
        );
        expect(
          relative(se?.[name] as number, reference.bgnbdStandardErrors.standardErrors[name]),
          name,
        ).toBeLessThan(1e-5);
      }
      // the covariance's diagonal is the squared standard errors, and it is symmetric
      const cov = model.uncertainty.covariance as number[][];
      expect(relative(cov[1]?.[1] as number, (se?.alpha as number) ** 2)).toBeLessThan(1e-12);
      expect(cov[0]?.[3]).toBe(cov[3]?.[0]);
      expect(String(model.uncertainty.message)).toMatch(/analytic gradient/);
    });

    it("Pareto/NBD: the mpmath Hessian's standard errors (5e-4 relative; second differences of the values)", () => {
      // The Pareto/NBD likelihood is flat along (s, beta) (correlation 0.9): our optimum and mpmath's Newton-polished
      // one share the log-likelihood to 1e-6 but differ by 5e-5 relative in s, and the standard errors move with it.
      const model = fitParetoNbd(rows);
      expect(Math.abs(model.logLikelihood - reference.paretoNbdStandardErrors.logLikelihood)).toBeLessThan(
        1e-6,
      );
      for (const name of ["r", "alpha", "s", "beta"] as const) {
        expect(
          relative(
            model.uncertainty.standardErrors?.[name] as number,
            reference.paretoNbdStandardErrors.standardErrors[name],
          ),
          name,
        ).toBeLessThan(5e-4);
      }
    });

    it("Gamma-Gamma: the mpmath Hessian's standard errors (1e-5 relative)", () => {
      const model = fitGammaGamma(rows);
      for (const name of ["p", "q", "v"] as const) {
        expect(
          relative(
            model.uncertainty.standardErrors?.[name] as number,
            reference.gammaGammaStandardErrors.standardErrors[name],
          ),
          name,
        ).toBeLessThan(1e-5);
      }
      // log-scale interval: lower * upper = estimate^2
      const { lower, upper } = model.uncertainty;
      expect(relative((lower?.q as number) * (upper?.q as number), model.params.q ** 2)).toBeLessThan(1e-12);
    });
  },
);

describe("uncertainty when the fit cannot support it", () => {
  it("is null, with the reason, when a parameter ran off (one customer)", () => {
    const model = fitBgNbd([{ frequency: 3, recency: 20, T: 30 }]);
    expect(model.convergence.converged).toBe(false);
    expect(model.uncertainty.standardErrors).toBeNull();
    expect(model.uncertainty.lower).toBeNull();
    expect(model.uncertainty.message).toMatch(/did not converge/);
  });

  it("inverts positive definite matrices and refuses the others", () => {
    const inverse = inverseSpd(Float64Array.of(4, 2, 2, 3), 2) as Float64Array;
    // [[4, 2], [2, 3]]^-1 = [[3, -2], [-2, 4]] / 8
    expect(Array.from(inverse, (v) => Math.round(v * 8 * 1e12) / 1e12)).toEqual([3, -2, -2, 4]);
    expect(inverseSpd(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
  });
});
