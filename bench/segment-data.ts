/** Seeded data of the segment bench (bench/segment.ts), kept apart so kernel experiments can share it. */
import { createRandom } from "../src/core/index.js";

/** Seeded mixture of 8 groups, half the columns Gaussian and half log-normal, as number[][]. */
export function mixture(n: number, d: number, seed: number): number[][] {
  const random = createRandom(seed);
  const groups = 8;
  const centres = Array.from({ length: groups }, () => Array.from({ length: d }, () => random.normal(0, 3)));
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const centre = centres[random.integer(groups)] as number[];
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) {
      const mean = centre[j] as number;
      row[j] = j % 2 === 0 ? random.normal(mean, 1) : Math.exp(mean / 3 + random.normal(0, 0.4));
    }
    rows.push(row);
  }
  return rows;
}
