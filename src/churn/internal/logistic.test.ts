import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/index.js";
import { fitLogistic, type LogisticProblem, WARM_START_ROWS } from "./logistic.js";
import { createScratch, Design } from "./logisticDesign.js";
import { hessianFromCurvature } from "./logisticHessian.js";

/** Column-major dense problem with a known logistic model (intercept implicit). */
function problem(rows: number, p: number, seed: number) {
  const random = createRandom(seed);
  const dense = new Float64Array(rows * p);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = -0.8;
    for (let j = 0; j < p; j++) {
      const value = random.normal();
      dense[j * rows + i] = value;
      eta += value * 0.3 * (((j + 1) % 3) - 1);
    }
    y[i] = random.float() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return {
    dense,
    denseColumns: p,
    codes: [] as Int32Array[],
    levels: [] as number[],
    y,
    weights: new Float64Array(rows).fill(1),
    rows,
    maxIterations: 100,
    tolerance: 1e-10,
  };
}

describe("fitLogistic", () => {
  it("reaches the same optimum with and without the subsample warm start", () => {
    const base = problem(WARM_START_ROWS + 5_000, 7, 3);
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

  it("warm-starts small data too: a 6,000-row fit takes fewer full Newton iterations, same optimum", () => {
    // Every 4th row (1 500) first; its Hessian drives chord steps on all rows. Three categorical
    // features besides 4 dense columns, as in Telco-sized churn tables.
    const rows = 6_000;
    const base = problem(rows, 4, 21);
    const random = createRandom(22);
    const levels = [2, 3, 4];
    const codes = levels.map((count) => Int32Array.from({ length: rows }, () => random.integer(count)));
    for (const l2 of [0, 1]) {
      const cold = fitLogistic({ ...base, codes, levels, l2, warmStart: false }, false);
      const warm = fitLogistic({ ...base, codes, levels, l2 }, false);
      expect(cold.stop).toBe("converged");
      expect(warm.stop).toBe("converged");
      expect(warm.iterations).toBeLessThan(cold.iterations);
      for (let j = 0; j < warm.beta.length; j++)
        expect(Math.abs((warm.beta[j] as number) - (cold.beta[j] as number))).toBeLessThan(1e-9);
    }
  });

  it("fits level-coded categorical features exactly as their dummies given as dense columns", () => {
    // Two categorical features (3 and 4 levels, level 0 = reference) next to 3 dense columns, with
    // effects on the outcome; the coded fit must equal the fit on explicit 0/1 dummy columns.
    const rows = 3_000;
    const base = problem(rows, 3, 5);
    const random = createRandom(9);
    const first = new Int32Array(rows);
    const second = new Int32Array(rows);
    const dummies = new Float64Array(rows * 5);
    for (let i = 0; i < rows; i++) {
      first[i] = random.integer(3);
      second[i] = random.integer(4);
      if ((first[i] as number) > 0) dummies[((first[i] as number) - 1) * rows + i] = 1;
      if ((second[i] as number) > 0) dummies[(1 + (second[i] as number)) * rows + i] = 1;
      const eta = -0.5 + 0.6 * (first[i] === 2 ? 1 : 0) - 0.4 * (second[i] === 3 ? 1 : 0);
      base.y[i] = random.float() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    const denseAll = new Float64Array(rows * 8);
    denseAll.set(base.dense);
    denseAll.set(dummies, rows * 3);
    for (const l2 of [0, 0.5]) {
      const coded: LogisticProblem = { ...base, l2, codes: [first, second], levels: [3, 4] };
      const explicit: LogisticProblem = { ...base, l2, dense: denseAll, denseColumns: 8 };
      const codedFit = fitLogistic(coded, true);
      const denseFit = fitLogistic(explicit, true);
      expect(codedFit.stop).toBe("converged");
      expect(codedFit.beta).toHaveLength(9);
      expect(codedFit.iterations).toBe(denseFit.iterations);
      for (let j = 0; j < 9; j++) {
        expect(Math.abs((codedFit.beta[j] as number) - (denseFit.beta[j] as number))).toBeLessThan(1e-10);
        const a = codedFit.inverseHessian?.[j * 9 + j] as number;
        const b = denseFit.inverseHessian?.[j * 9 + j] as number;
        expect(a).toBeGreaterThan(0);
        expect(Math.abs(a - b)).toBeLessThan(1e-12);
        for (let k = 0; k < 9; k++) {
          const offDiagonal = codedFit.inverseHessian?.[j * 9 + k] as number;
          expect(Math.abs(offDiagonal - (denseFit.inverseHessian?.[j * 9 + k] as number))).toBeLessThan(
            1e-12,
          );
        }
      }
      // The planted effects are recovered in sign.
      expect(codedFit.beta[5]).toBeGreaterThan(0.2); // first = 2
      expect(codedFit.beta[8]).toBeLessThan(-0.1); // second = 3
    }
  });

  it("accumulates the Hessian XᵀCX as a plain triple loop does, for every width of the register tiles", () => {
    // 1 to 8 dense columns (every remainder of the 3 x 3 tiles), 600 rows (blocks of 256 and a partial
    // one), categorical features with 3, 2 and 4 levels (dummy x dummy entries within and across
    // features); sums of products compared to a naive loop.
    const random = createRandom(11);
    const levels = [3, 2, 4];
    for (let p = 1; p <= 8; p++) {
      const rows = 600;
      const base = problem(rows, p, p);
      const codes = levels.map((count) => Int32Array.from({ length: rows }, () => random.integer(count)));
      const design = new Design({ ...base, l2: 0, codes, levels });
      const scratch = createScratch(design);
      for (let i = 0; i < rows; i++) scratch.curvature[i] = 0.05 + 0.2 * random.float();
      const d = 1 + p + 2 + 1 + 3;
      const hessian = new Float64Array(d * d);
      hessianFromCurvature(design, hessian, scratch);
      // Dummy column j > p: feature f and level k with j = p + first[f] + k, first = [0, 2, 3].
      const first = [0, 2, 3];
      const dummy = (j: number, i: number): number => {
        const f = j - p > 3 ? 2 : j - p > 2 ? 1 : 0;
        return (codes[f] as Int32Array)[i] === j - p - (first[f] as number) ? 1 : 0;
      };
      const column = (j: number, i: number): number =>
        j === 0 ? 1 : j <= p ? (base.dense[(j - 1) * rows + i] as number) : dummy(j, i);
      for (let a = 0; a < d; a++) {
        for (let b = 0; b <= a; b++) {
          let expected = 0;
          for (let i = 0; i < rows; i++)
            expected += (scratch.curvature[i] as number) * column(a, i) * column(b, i);
          expect(Math.abs((hessian[a * d + b] as number) - expected), `p ${p}, (${a}, ${b})`).toBeLessThan(
            1e-10,
          );
        }
      }
    }
  });
});
