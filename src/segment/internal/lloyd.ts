/**
 * k-means on the calling thread: the entry points of the engine (`lloydEngine.ts`) with the kernels
 * for the data's d (`kernels/kernels.ts`), k-means++ from a seeded stream, and the checks of
 * `fit.ts` (distinct points, feature variance).
 */
import type { Random } from "../../core/index.js";
import { columnMoments } from "./features.js";
import { kernelsFor } from "./kernels/kernels.js";
import {
  createBounds,
  type LloydBuffers,
  type LloydRun,
  type LloydStep,
  lloydSteps,
  makeBuffers,
  runLloydWith,
  seedFromDraws,
  seedingDrawCount,
  useBounds,
} from "./lloydEngine.js";

export {
  assignAndAccumulate,
  assignBounded,
  createBounds,
  type HamerlyBounds,
  type LloydBuffers,
  type LloydRun,
  type LloydStep,
  relocateEmptyClusters,
  seedingDrawCount,
  squaredDistance,
  updateCentres,
  useBounds,
} from "./lloydEngine.js";

/** Buffers with the kernels for d, keeping per-point distances (assignSegments, tests). */
export function createBuffers(n: number, d: number, k: number): LloydBuffers {
  return makeBuffers(n, d, k, kernelsFor(d), true);
}

/** The uniform draws of k-means++ seeding for k centres among n points, from `random` (see {@link seedFromDraws}). */
export function seedingDraws(random: Random, n: number, k: number): Float64Array {
  const draws = new Float64Array(seedingDrawCount(k));
  draws[0] = random.integer(n);
  for (let i = 1; i < draws.length; i++) draws[i] = random.float();
  return draws;
}

/** Greedy k-means++ seeding from `random` (see {@link seedFromDraws}). Complexity: O(n k d log k). */
export function kMeansPlusPlus(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  random: Random,
): Float64Array {
  return seedFromDraws(data, n, d, k, seedingDraws(random, n, k), new Float64Array(n), kernelsFor(d));
}

/** {@link lloydSteps} with fresh buffers (kernels for d) and, when `bounded`, fresh bounds. */
export function lloydIterations(
  data: Float64Array,
  n: number,
  d: number,
  initial: Float64Array,
  k: number,
  maxIterations: number,
  shiftTolerance: number,
  buffers: LloydBuffers = createBuffers(n, d, k),
  bounded: boolean = useBounds(n, k),
): Generator<LloydStep, void, void> {
  const bounds = bounded ? createBounds(n, d, k) : null;
  return lloydSteps(data, n, d, initial, k, maxIterations, shiftTolerance, buffers, bounds);
}

/** {@link runLloydWith} with fresh buffers and bounds; the labels are a copy. */
export function runLloyd(
  data: Float64Array,
  n: number,
  d: number,
  initial: Float64Array,
  k: number,
  maxIterations: number,
  shiftTolerance: number,
  bounded: boolean = useBounds(n, k),
): LloydRun {
  const buffers = makeBuffers(n, d, k, kernelsFor(d), false);
  const run = runLloydWith(
    data,
    n,
    d,
    initial,
    k,
    maxIterations,
    shiftTolerance,
    buffers,
    bounded ? createBounds(n, d, k) : null,
  );
  return { ...run, labels: Int32Array.from(run.labels) };
}

/**
 * Counts distinct points up to `limit` by farthest-first traversal: O(n limit d),
 * deterministic. Returns `limit` when there are at least that many distinct points.
 */
export function countDistinctUpTo(data: Float64Array, n: number, d: number, limit: number): number {
  if (n === 0) return 0;
  const kernels = kernelsFor(d);
  const closest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let current = 0;
  for (let found = 1; found <= limit; found++) {
    if (found === limit) return limit;
    kernels.closest(data, n, d, current * d, closest, false);
    let farthest = -1;
    let farthestDistance = 0;
    for (let i = 0; i < n; i++) {
      if ((closest[i] as number) > farthestDistance) {
        farthestDistance = closest[i] as number;
        farthest = i;
      }
    }
    if (farthest < 0) return found;
    current = farthest;
  }
  return limit;
}

/**
 * Mean over features of the population variance (divisor n), used to make the tolerance scale-free.
 * For data that passed `checkMagnitude` (no squares can overflow), so computed without scaling.
 */
export function meanFeatureVariance(data: Float64Array, n: number, d: number): number {
  if (n === 0) return 0;
  let total = 0;
  for (let j = 0; j < d; j++) total += columnMoments(data, n, d, j, 1).squares / n;
  return total / d;
}
