import { describe, expect, it } from "vitest";
import published from "../../fixtures/value/cdnow-published.json" with { type: "json" };
import {
  cdnowHistories,
  generatedStoreSummary,
  relative,
  simulatedHistories,
} from "../../fixtures/value/histories.js";
import reference from "../../fixtures/value/reference.json" with { type: "json" };
import { describeWithDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { fitParetoNbd } from "./fitParetoNbd.js";

describeWithDataset("cdnow_customers_summary.csv", "fitParetoNbd on CDNOW", () => {
  const model = fitParetoNbd(cdnowHistories());

  it("matches the literature values r 0.55, alpha 10.58, s 0.61, beta 11.67, LL -9595.0 (Fader, Hardie & Lee 2005)", () => {
    const { params, logLikelihood } = published.paretoNbd;
    expect(model.convergence.converged).toBe(true);
    for (const name of ["r", "alpha", "s", "beta"] as const) {
      expect(Math.abs(model.params[name] - params[name]), name).toBeLessThan(0.005 + 1e-9);
    }
    expect(Math.abs(model.logLikelihood - logLikelihood)).toBeLessThan(0.05);
  });

  it("matches an independent scipy fit of the integral form of the likelihood (fixtures/value/make-reference.py)", () => {
    const scipy = reference.paretoNbd;
    for (const name of ["r", "alpha", "s", "beta"] as const) {
      // the likelihood is flat along s/beta: 2e-4 relative is the optimisers' shared precision
      expect(relative(model.params[name], scipy.params[name]), name).toBeLessThan(2e-4);
    }
    expect(Math.abs(model.logLikelihood - scipy.logLikelihood)).toBeLessThan(1e-3);
  });

  it("agrees with the quadrature reference's P(alive) at the fitted optimum (closed form vs integral)", () => {
    const scipy = reference.paretoNbd;
    scipy.histories.forEach(([x, tx, T], j) => {
      const ours = model.probabilityAlive(x as number, tx as number, T as number);
      expect(Math.abs(ours - (scipy.probabilityAlive[j] as number)), `history ${j}`).toBeLessThan(2e-5);
    });
  });
});

describe("fitParetoNbd", () => {
  it("says the model is not identifiable when nobody made a repeat purchase", () => {
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 4 }])).toThrow(InsufficientDataError);
    expect(() => fitParetoNbd([{ frequency: 0, recency: 0, T: 4 }])).toThrow(/not identifiable/);
  });

  it("gives P(alive) in [0, 1] and more expected purchases for more active customers", () => {
    const model = fitParetoNbd(
      simulatedHistories({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 1500, { seed: 5, minT: 30, maxT: 40 }),
    );
    for (const [x, tx, T] of [
      [0, 0, 30],
      [4, 29, 30],
      [4, 2, 30],
    ] as const) {
      const p = model.probabilityAlive(x, tx, T);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(model.probabilityAlive(4, 29, 30)).toBeGreaterThan(model.probabilityAlive(4, 2, 30));
    expect(model.conditionalExpectedPurchases(10, 4, 29, 30)).toBeGreaterThan(
      model.conditionalExpectedPurchases(10, 1, 29, 30),
    );
    expect(model.expectedPurchases(10)).toBeGreaterThan(model.expectedPurchases(5));
  });
});

describe("fitParetoNbd convergence report (issue 12)", () => {
  it("reports a finite gradient norm when Nelder-Mead ends at the edge (seed-3 store, 60 customers)", async () => {
    const { summary } = await generatedStoreSummary(3, 60);
    const model = fitParetoNbd(summary);
    expect(model.convergence.converged).toBe(false);
    expect(Number.isFinite(model.convergence.gradientNorm)).toBe(true);
    expect(model.convergence.gradientNorm).toBeGreaterThanOrEqual(0);
  });

  it("checks the arguments of its methods", () => {
    const model = fitParetoNbd(simulatedHistories({ r: 0.5, alpha: 5, a: 0.8, b: 2.4 }, 400, { seed: 12 }));
    expect(() => model.probabilityAlive(Number.NaN, 1, 2)).toThrow(InvalidOptionsError);
    expect(() => model.probabilityAlive(2, 30, 20)).toThrow(/T.*at least recency/s);
    expect(() => model.expectedPurchases("5" as unknown as number)).toThrow(/t.*string/s);
    expect(() => model.conditionalExpectedPurchases(-1, 1, 1, 2)).toThrow(/t.*-1/s);
    expect(model.expectedPurchases(0)).toBe(0);
  });
});
