/**
 * The general k-means point loops (any d, a loop over features): what runs for d beyond
 * `UNROLL_LIMIT` and wherever code generation is forbidden (a strict Content-Security-Policy).
 * Same signatures and the same arithmetic, in the same order, as the written-out kernels of
 * `source.ts`, so results are bit-identical whichever runs.
 */
import type { LloydKernels } from "./types.js";

/** Squared distance between the d-vectors at `aAt` in `a` and `bAt` in `b`, summed left to right. */
function distanceBetween(a: Float64Array, aAt: number, b: Float64Array, bAt: number, d: number): number {
  let distance = 0;
  for (let j = 0; j < d; j++) {
    const difference = (a[aAt + j] as number) - (b[bAt + j] as number);
    distance += difference * difference;
  }
  return distance;
}

function addPoint(
  data: Float64Array,
  offset: number,
  d: number,
  best: number,
  sums: Float64Array,
  counts: Float64Array,
): void {
  counts[best] = (counts[best] as number) + 1;
  const sumAt = best * d;
  for (let j = 0; j < d; j++) sums[sumAt + j] = (sums[sumAt + j] as number) + (data[offset + j] as number);
}

/** Nearest centre and second-nearest squared distance of the point at `offset`: `[best, distance, second]`. */
function scanTwo(
  data: Float64Array,
  offset: number,
  d: number,
  centres: Float64Array,
  k: number,
  out: Float64Array,
): void {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  let secondDistance = Number.POSITIVE_INFINITY;
  for (let c = 0, at = 0; c < k; c++, at += d) {
    const distance = distanceBetween(data, offset, centres, at, d);
    if (distance < bestDistance) {
      secondDistance = bestDistance;
      bestDistance = distance;
      best = c;
    } else if (distance < secondDistance) secondDistance = distance;
  }
  out[0] = best;
  out[1] = bestDistance;
  out[2] = secondDistance;
}

/**
 * Every centre for every point (the plain pass and the first pass with bounds): labels, inertia
 * and changed labels, sums and counts when `accumulate`, and per point into `kept` (when it has n
 * slots) the squared distance to the nearest centre, or with `bound` the distance (not squared) to
 * the second-nearest, the lower bound of the bounded passes. Without `bound` this is the plain pass.
 */
function scanAll(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  kept: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  accumulate: boolean,
  tally: Float64Array,
  bound?: boolean,
): void {
  const scan = new Float64Array(3);
  const keep = kept.length === n;
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    scanTwo(data, offset, d, centres, k, scan);
    const best = scan[0] as number;
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    if (keep) kept[i] = bound ? Math.sqrt(scan[2] as number) : (scan[1] as number);
    inertia += scan[1] as number;
    if (accumulate) addPoint(data, offset, d, best, sums, counts);
  }
  tally[0] = inertia;
  tally[1] = changed;
}

const first: LloydKernels["first"] = (data, n, d, centres, k, labels, sums, counts, lower, tally) =>
  scanAll(data, n, d, centres, k, labels, lower, sums, counts, true, tally, true);

const bounded: LloydKernels["bounded"] = (
  data,
  n,
  d,
  centres,
  k,
  labels,
  sums,
  counts,
  lower,
  halfGap,
  largestAt,
  largest,
  second,
  tally,
) => {
  const scan = new Float64Array(3);
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    let best = labels[i] as number;
    let bestDistance = distanceBetween(data, offset, centres, best * d, d);
    const bound = (lower[i] as number) - (best === largestAt ? second : largest);
    lower[i] = bound;
    const threshold = Math.max(bound, halfGap[best] as number) * (1 - 1e-12);
    if (!(Math.sqrt(bestDistance) < threshold)) {
      scanTwo(data, offset, d, centres, k, scan);
      best = scan[0] as number;
      bestDistance = scan[1] as number;
      lower[i] = Math.sqrt(scan[2] as number);
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    inertia += bestDistance;
    addPoint(data, offset, d, best, sums, counts);
  }
  tally[0] = inertia;
  tally[1] = changed;
};

const closest: LloydKernels["closest"] = (data, n, d, pointAt, nearest, isFirst) => {
  let total = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    const distance = distanceBetween(data, offset, data, pointAt, d);
    const kept = isFirst ? distance : Math.min(distance, nearest[i] as number);
    nearest[i] = kept;
    total += kept;
  }
  return total;
};

const potential: LloydKernels["potential"] = (data, n, d, candidates, nearest, potentials) => {
  potentials.fill(0, 0, 4);
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    const current = nearest[i] as number;
    for (let t = 0; t < 4; t++)
      potentials[t] =
        (potentials[t] as number) + Math.min(distanceBetween(data, offset, candidates, t * d, d), current);
  }
};

/** The general kernels (any d; no tree kernel). */
export const genericKernels: LloydKernels = {
  plain: scanAll,
  first,
  bounded,
  closest,
  potential,
  tree: null,
};

/**
 * Source of an expression giving {@link genericKernels} in another realm (a restart worker), from
 * these very functions' text, so the worker runs the same loops. (Top-level functions only: a bundler
 * that keeps function names wraps nested ones in a helper the worker would not have.)
 */
export function genericKernelSource(): string {
  const helpers = [distanceBetween, addPoint, scanTwo, scanAll].map(String).join("\n");
  const kernels = { plain: scanAll, first, bounded, closest, potential };
  const entries = Object.entries(kernels).map(([name, kernel]) => `${name}: (${String(kernel)})`);
  return `(function () {\n"use strict";\n${helpers}\nreturn { ${entries.join(",\n")}, tree: null };\n})()`;
}
