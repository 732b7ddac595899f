import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relative } from "../../fixtures/value/histories.js";
import reference from "../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { fitShiftedBetaGeometric } from "./fitShiftedBetaGeometric.js";

describe("fitShiftedBetaGeometric on Fader & Hardie's (2007) retention data", () => {
  for (const name of ["regular", "highEnd"] as const) {
    const ref = reference.sbg[name];
    const survivors = Object.freeze(ref.survivors.slice(0, 8));
    const model = fitShiftedBetaGeometric(survivors);

    it(`${name}: reproduces the published gamma and delta (3 decimals) and the mpmath optimum to 1e-8`, () => {
      expect(model.convergence.converged).toBe(true);
      expect(Math.abs(model.params.gamma - ref.published.gamma)).toBeLessThan(5e-4);
      expect(Math.abs(model.params.delta - ref.published.delta)).toBeLessThan(5e-4);
      expect(relative(model.params.gamma, ref.params.gamma)).toBeLessThan(1e-8);
      expect(relative(model.params.delta, ref.params.delta)).toBeLessThan(1e-8);
      expect(Math.abs(model.logLikelihood - ref.logLikelihood)).toBeLessThan(1e-8);
      expect(model.customerCount).toBe(1000);
      expect(model.churnedCount).toBe(1000 - (survivors[7] as number));
    });

    it(`${name}: standard errors match a 40-digit central-difference Hessian (1e-7 relative)`, () => {
      const se = model.uncertainty.standardErrors;
      expect(se).not.toBeNull();
      expect(relative(se?.gamma as number, ref.standardErrors.gamma)).toBeLessThan(1e-7);
      expect(relative(se?.delta as number, ref.standardErrors.delta)).toBeLessThan(1e-7);
      // 95% log-scale interval contains the estimate and is positive
      expect(model.uncertainty.lower?.gamma).toBeGreaterThan(0);
      expect(model.uncertainty.lower?.gamma).toBeLessThan(model.params.gamma);
      expect(model.uncertainty.upper?.delta).toBeGreaterThan(model.params.delta);
    });

    it(`${name}: survival, retention and DERL (2F1 closed form) match mpmath (1e-8 relative)`, () => {
      ref.survival.forEach((value: number, t: number) => {
        expect(relative(model.survival(t), value), `S(${t})`).toBeLessThan(1e-8);
      });
      ref.retentionRate.forEach((value: number, j: number) => {
        expect(relative(model.retentionRate(j + 1), value), `r(${j + 1})`).toBeLessThan(1e-8);
      });
      for (const row of ref.derl) {
        expect(
          relative(model.discountedExpectedResidualLifetime(row.discountRate, row.renewals), row.value),
          JSON.stringify(row),
        ).toBeLessThan(1e-8);
      }
      const projected = model.projectSurvivors(12);
      expect(projected).toHaveLength(13);
      expect(relative(projected[12] as number, 1000 * (ref.survival[12] as number))).toBeLessThan(1e-8);
    });
  }

  it("fits several cohorts at once (the regular cohort over 7 years, the high-end one over 4) as mpmath does", () => {
    const ref = reference.sbg.twoCohorts;
    const model = fitShiftedBetaGeometric(ref.survivors);
    expect(model.cohortCount).toBe(2);
    expect(model.customerCount).toBe(2000);
    expect(relative(model.params.gamma, ref.params.gamma)).toBeLessThan(1e-6);
    expect(relative(model.params.delta, ref.params.delta)).toBeLessThan(1e-6);
    expect(Math.abs(model.logLikelihood - ref.logLikelihood)).toBeLessThan(1e-7);
    expect(
      relative(model.uncertainty.standardErrors?.delta as number, ref.standardErrors.delta),
    ).toBeLessThan(1e-5);
  });
});

describe("fitShiftedBetaGeometric prints", () => {
  it("a table of the parameters with their standard errors and intervals", () => {
    const text = inspect(fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]));
    expect(text).toMatch(/sBG contractual retention model/);
    expect(text).toMatch(
      /1000 customers in 1 cohort\(s\), 759 churned, observed up to 7 periods; log-likelihood -1680\.27/,
    );
    expect(text).toMatch(/parameter\s+value\s+standardError\s+lower\s+upper/);
    expect(text).toMatch(/gamma\s+0\.704077\s+0\.065599/);
  });
});

describe("fitShiftedBetaGeometric from per-customer records", () => {
  const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
  // one record per customer: churned in period t, or still active after 7 periods
  const records: { periods: number; churned: boolean }[] = [];
  for (let t = 1; t < survivors.length; t++) {
    for (let k = 0; k < (survivors[t - 1] as number) - (survivors[t] as number); k++)
      records.push({ periods: t, churned: true });
  }
  for (let k = 0; k < 241; k++) records.push({ periods: 7, churned: false });

  it("gives the same fit as the survivor counts", () => {
    const fromCounts = fitShiftedBetaGeometric(survivors);
    const fromRecords = fitShiftedBetaGeometric(Object.freeze(records.map((r) => Object.freeze(r))));
    expect(relative(fromRecords.params.gamma, fromCounts.params.gamma)).toBeLessThan(1e-9);
    expect(relative(fromRecords.logLikelihood, fromCounts.logLikelihood)).toBeLessThan(1e-12);
    expect(fromRecords.customerCount).toBe(1000);
  });

  it("reads other field names and 0/1 churn flags", () => {
    const renamed = records.map((r) => ({ tenure: r.periods, lost: r.churned ? 1 : 0 }));
    const model = fitShiftedBetaGeometric(renamed, { periods: "tenure", churned: "lost" });
    expect(Math.abs(model.params.gamma - 0.704)).toBeLessThan(5e-4);
  });

  it("names the row and field of a bad record", () => {
    expect(() => fitShiftedBetaGeometric([{ periods: 0, churned: true }])).toThrow(/row 0, field "periods"/);
    expect(() => fitShiftedBetaGeometric([{ periods: 2, churned: "yes" }])).toThrow(InvalidRecordError);
    expect(() => fitShiftedBetaGeometric([{ periods: 1.5, churned: false }])).toThrow(/non-negative integer/);
  });
});

describe("fitShiftedBetaGeometric refuses what it cannot fit", () => {
  it("rejects growing, negative or non-numeric survivors with the period", () => {
    expect(() => fitShiftedBetaGeometric([100, 80, 90])).toThrow(/row 2, field "survivors".*cannot grow/);
    expect(() =>
      fitShiftedBetaGeometric([
        [100, 80],
        [50, -1],
      ]),
    ).toThrow(/field "survivors\[1\]"/);
    expect(() => fitShiftedBetaGeometric([100, Number.NaN])).toThrow(InvalidRecordError);
  });

  it("says when gamma and delta are not identifiable", () => {
    expect(() => fitShiftedBetaGeometric([])).toThrow(InsufficientDataError);
    expect(() => fitShiftedBetaGeometric([100, 100, 100])).toThrow(/none of the 100 customers churned/);
    expect(() => fitShiftedBetaGeometric([100, 60])).toThrow(/beyond the first period/);
  });

  it("checks options and method arguments", () => {
    expect(() => fitShiftedBetaGeometric([100, 60, 40], { tolerance: -1 } as never)).toThrow(
      InvalidOptionsError,
    );
    expect(() => fitShiftedBetaGeometric([100, 60, 40], { gama: 1 } as never)).toThrow(
      /unknown option "gama"/,
    );
    const model = fitShiftedBetaGeometric([100, 60, 45, 38]);
    expect(() => model.survival(-1)).toThrow(/survival \(sBG\).*t/s);
    expect(() => model.retentionRate(0)).toThrow(/t >= 1/);
    expect(() => model.discountedExpectedResidualLifetime(-0.1)).toThrow(/discountRate/);
    expect(() => model.projectSurvivors(3, Number.NaN)).toThrow(/cohortSize/);
  });

  it("gives the undiscounted residual lifetime only when it is finite (gamma > 1)", () => {
    const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
    expect(() => model.discountedExpectedResidualLifetime(0)).toThrow(/infinite/);
  });
});

describe("sBG curves (properties)", () => {
  it("survival falls, retention rises with tenure, DERL rises with renewals and falls with the discount rate", () => {
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 900 }), fc.integer({ min: 50, max: 95 }), (first, keep) => {
        const survivors = [1000, first];
        for (let t = 2; t < 6; t++) survivors.push(Math.floor(((survivors[t - 1] as number) * keep) / 100));
        const model = fitShiftedBetaGeometric(survivors);
        if (!model.convergence.converged) return true;
        for (let t = 1; t < 20; t++) {
          if (!(model.survival(t + 1) <= model.survival(t))) return false;
          if (!(model.retentionRate(t + 1) >= model.retentionRate(t))) return false;
        }
        const derl = model.discountedExpectedResidualLifetime(0.1, 0);
        return (
          Number.isFinite(derl) &&
          model.discountedExpectedResidualLifetime(0.1, 3) >= derl &&
          model.discountedExpectedResidualLifetime(0.2, 0) <= derl
        );
      }),
      { numRuns: 40, seed: 21 },
    );
  });
});
