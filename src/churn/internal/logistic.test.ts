import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/index.js";
import { fitLogistic, WARM_START_ROWS } from "./logistic.js";

function problem(rows: number, d: number, seed: number) {
  const random = createRandom(seed);
  const x = new Float64Array(rows * d);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    x[i * d] = 1;
    let eta = -0.8;
    for (let j = 1; j < d; j++) {
      const value = random.normal();
      x[i * d + j] = value;
      eta += value * 0.3 * ((j % 3) - 1);
    }
    y[i] = random.float() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return {
    x,
    y,
    weights: new Float64Array(rows).fill(1),
    rows,
    columns: d,
    maxIterations: 100,
    tolerance: 1e-10,
  };
}

describe("fitLogistic", () => {
  it("reaches the same optimum with and without the subsample warm start", () => {
    const base = problem(WARM_START_ROWS + 5_000, 8, 3);
    for (const l2 of [0, 2]) {
      const cold = fitLogistic({ ...base, l2, warmStart: false }, false);
      const warm = fitLogistic({ ...base, l2 }, false);
      expect(cold.stop).toBe("converged");
      expect(warm.stop).toBe("converged");
      expect(warm.iterations).toBeLessThan(cold.iterations);
      for (let j = 0; j < 8; j++)
        expect(Math.abs((warm.beta[j] as number) - (cold.beta[j] as number))).toBeLessThan(1e-9);
    }
  });

  it("accumulates sparse 0/1 columns to the same Hessian as dense ones", () => {
    const base = problem(3_000, 6, 5);
    const random = createRandom(9);
    // Replace columns 4 and 5 by dummies of a 3-level category (reference level: both 0).
    for (let i = 0; i < base.rows; i++) {
      const level = random.integer(3);
      base.x[i * 6 + 4] = level === 1 ? 1 : 0;
      base.x[i * 6 + 5] = level === 2 ? 1 : 0;
    }
    for (const l2 of [0, 0.5]) {
      const denseFit = fitLogistic({ ...base, l2 }, true);
      const sparseFit = fitLogistic({ ...base, l2, denseColumns: 4 }, true);
      expect(sparseFit.iterations).toBe(denseFit.iterations);
      for (let j = 0; j < 6; j++) {
        expect(Math.abs((sparseFit.beta[j] as number) - (denseFit.beta[j] as number))).toBeLessThan(1e-12);
        const a = sparseFit.inverseHessianDiagonal?.[j] as number;
        const b = denseFit.inverseHessianDiagonal?.[j] as number;
        expect(Math.abs(a - b)).toBeLessThan(1e-12);
      }
    }
  });
});
