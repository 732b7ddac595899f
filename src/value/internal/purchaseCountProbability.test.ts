import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logGrid, relative, SIX_HISTORIES } from "../../../fixtures/value/histories.js";
import reference from "../../../fixtures/value/lifetime-extensions.json" with { type: "json" };
import { InvalidOptionsError } from "../../core/index.js";
import { fitParetoNbd } from "../fitParetoNbd.js";
import { bgNbdPredictions } from "./bgNbdPredictions.js";
import {
  betaGeometricProbabilityOfPurchases,
  paretoNbdProbabilityOfPurchases,
} from "./purchaseCountProbability.js";

describe("probabilityOfPurchases P(X(t) = x)", () => {
  it("BG/NBD matches mpmath's quadrature over the dropout probability (1e-10 relative)", () => {
    const ref = reference.bgnbdProbabilityOfPurchases;
    const model = bgNbdPredictions(ref.params);
    for (const row of ref.rows)
      expect(
        relative(model.probabilityOfPurchases(row.x, row.t), row.value),
        JSON.stringify(row),
      ).toBeLessThan(1e-10);
  });

  it("Pareto/NBD matches Fader & Hardie's 2F1 closed form at 50 digits (= mpmath.quad over the death time) to 1e-9", () => {
    for (const row of reference.paretoNbdProbabilityOfPurchases.rows) {
      const value = paretoNbdProbabilityOfPurchases(row.r, row.alpha, row.s, row.beta, row.x, row.t);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-9);
    }
  });

  it("sums to 1 over x and has mean E[X(t)] (BG/NBD and Pareto/NBD, random parameters)", () => {
    fc.assert(
      fc.property(
        logGrid(-2, 1),
        logGrid(-1, 3),
        logGrid(-2, 1),
        logGrid(-1, 2),
        logGrid(-1, 3),
        (r, alpha, a, b, t) => {
          const model = bgNbdPredictions({ r, alpha, a, b });
          let total = 0;
          let mean = 0;
          for (let x = 0; x < 3000; x++) {
            const p = model.probabilityOfPurchases(x, t);
            total += p;
            mean += x * p;
            if (p < 1e-18 && x > 10) break;
          }
          return Math.abs(total - 1) < 1e-10 && relative(mean, model.expectedPurchases(t)) < 1e-8;
        },
      ),
      { numRuns: 60, seed: 4 },
    );
    for (const [r, alpha, s, beta, t] of [
      [0.55, 10.58, 0.61, 11.67, 39],
      [2, 1, 0.5, 40, 10],
      [0.3, 50, 2, 3, 100],
    ] as const) {
      let total = 0;
      for (let x = 0; x < 400; x++) total += paretoNbdProbabilityOfPurchases(r, alpha, s, beta, x, t);
      expect(Math.abs(total - 1), `${r} ${alpha} ${s} ${beta}`).toBeLessThan(1e-9);
    }
  });

  it("puts all the mass on 0 at t = 0, and MBG/NBD below BG/NBD at x = 0 (it can drop out at once)", () => {
    expect(betaGeometricProbabilityOfPurchases(0.5, 4, 0.8, 2.4, 0, 0, false)).toBe(1);
    expect(betaGeometricProbabilityOfPurchases(0.5, 4, 0.8, 2.4, 2, 0, true)).toBe(0);
    expect(paretoNbdProbabilityOfPurchases(0.5, 4, 0.8, 2.4, 0, 0)).toBe(1);
    expect(betaGeometricProbabilityOfPurchases(0.5, 4, 0.8, 2.4, 0, 10, true)).toBeGreaterThan(
      betaGeometricProbabilityOfPurchases(0.5, 4, 0.8, 2.4, 0, 10, false),
    );
  });

  it("checks x and t", () => {
    const model = bgNbdPredictions({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 });
    expect(() => model.probabilityOfPurchases(1.5, 3)).toThrow(InvalidOptionsError);
    expect(() => model.probabilityOfPurchases(1, -3)).toThrow(/probabilityOfPurchases \(BG\/NBD\).*t/s);
    const pareto = fitParetoNbd(SIX_HISTORIES);
    expect(() => pareto.probabilityOfPurchases(-1, 3)).toThrow(/x.*-1/s);
  });
});
