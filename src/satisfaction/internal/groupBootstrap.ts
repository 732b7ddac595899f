/**
 * Bootstrap standard errors of the path coefficients within one group, for the Welch-Satterthwaite test of
 * plsMultigroup (apart from the permutation kernel, so micom's bundle leaves it out).
 */
import { seededStream } from "../../core/internal/seededStream.js";
import type { GroupStatistics } from "./permutationKernel.js";

/**
 * Standard errors (n − 1) of the path coefficients over `samples` resamples, with replacement, of the rows
 * with `labels[i] === group`, seeded; resamples that cannot be estimated are skipped (`valid` counts the rest).
 */
export function pathStandardErrors(
  statistics: GroupStatistics,
  labels: Uint8Array,
  group: 0 | 1,
  samples: number,
  seed: number,
): { standardErrors: Float64Array; valid: number } {
  const { estimator, model } = statistics;
  const m = model.spec.constructCount;
  const pathCount = model.pathIndex.length;
  const n = labels.length;
  const counts = new Float64Array(n);
  const members: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i] === group) members.push(i);
  const random = seededStream(seed);
  const sum = new Float64Array(pathCount);
  const sumSquares = new Float64Array(pathCount);
  let valid = 0;
  for (let b = 0; b < samples; b++) {
    counts.fill(0);
    for (let d = 0; d < members.length; d++) {
      const row = members[random.integer(members.length)] as number;
      counts[row] = (counts[row] as number) + 1;
    }
    if (estimator.fit(counts) !== undefined) continue;
    valid++;
    model.pathIndex.forEach(([from, to], r) => {
      const value = estimator.work.paths[from * m + to] as number;
      sum[r] = (sum[r] as number) + value;
      sumSquares[r] = (sumSquares[r] as number) + value * value;
    });
  }
  const standardErrors = new Float64Array(pathCount);
  for (let r = 0; r < pathCount; r++) {
    const mean = (sum[r] as number) / valid;
    standardErrors[r] = Math.sqrt(
      Math.max(0, ((sumSquares[r] as number) - valid * mean * mean) / (valid - 1)),
    );
  }
  return { standardErrors, valid };
}
