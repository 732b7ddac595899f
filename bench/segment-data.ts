/** Seeded data of the segment bench (bench/segment.ts), kept apart so kernel experiments can share it. */
import { createRandom } from "../src/core/index.js";

/**
 * Seeded mixture of 8 groups, half the columns Gaussian and half log-normal, as a flat row-major
 * `Float64Array(n * d)` (what the 1e7-row cases need: no per-row arrays).
 */
export function mixtureMatrix(n: number, d: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const groups = 8;
  const centres = Array.from({ length: groups }, () => Array.from({ length: d }, () => random.normal(0, 3)));
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const centre = centres[random.integer(groups)] as number[];
    for (let j = 0; j < d; j++) {
      const mean = centre[j] as number;
      data[i * d + j] = j % 2 === 0 ? random.normal(mean, 1) : Math.exp(mean / 3 + random.normal(0, 0.4));
    }
  }
  return data;
}

/** {@link mixtureMatrix} as number[][] (the same values). */
export function mixture(n: number, d: number, seed: number): number[][] {
  const data = mixtureMatrix(n, d, seed);
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, i * d + d)));
}
