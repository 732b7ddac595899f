/**
 * Flat k-means kernels: points are a row-major `Float64Array(n * d)`, centres a
 * `Float64Array(k * d)`. No allocation per point; every loop touches typed arrays only.
 *
 * Each point loop (plain, first bounded pass, later bounded passes) is its own function taking
 * only typed arrays and numbers, written out for d = 3 (recency, frequency, monetary) and
 * d = 8 and kept general otherwise: V8 then keeps the point's coordinates in registers and
 * compiles each loop once. Against one general loop this about halved the plain kernel's
 * time per iteration (both shapes) and the bounded kernel's at 100,000 x 8 (1,000,000 x 3
 * bounded: about 10% faster). All variants do the same arithmetic in
 * the same order (distances summed over features left to right, first centre on ties), so
 * results are bit-identical whichever runs.
 */
import type { Random } from "../../core/index.js";
import { columnMoments } from "./features.js";

/**
 * Squared Euclidean distance between the d-vectors at `aOffset` in `a` and `bOffset` in `b`.
 * Used outside the per-point assignment loops, which keep their distance loops written out.
 */
export function squaredDistance(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  d: number,
): number {
  let distance = 0;
  for (let j = 0; j < d; j++) {
    const difference = (a[aOffset + j] as number) - (b[bOffset + j] as number);
    distance += difference * difference;
  }
  return distance;
}

/** Scratch buffers of one Lloyd run, allocated once. */
export interface LloydBuffers {
  readonly labels: Int32Array;
  /** Squared distance of each point to the centre it is assigned to. */
  readonly distances: Float64Array;
  readonly sums: Float64Array;
  readonly counts: Float64Array;
}

export function createBuffers(n: number, d: number, k: number): LloydBuffers {
  const labels = new Int32Array(n).fill(-1);
  return {
    labels,
    distances: new Float64Array(n),
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
  };
}

/**
 * Assigns every point to its nearest centre (first one on ties, as scikit-learn),
 * accumulates per-centre sums and counts, and returns the inertia of the new
 * labels against `centres` plus how many labels changed.
 * Complexity: O(n k d).
 */
export function assignAndAccumulate(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  buffers: LloydBuffers,
  accumulate: boolean,
): { inertia: number; changed: number } {
  const { labels, distances, sums, counts } = buffers;
  if (accumulate) {
    sums.fill(0);
    counts.fill(0);
  }
  const inertia =
    d === 3
      ? plainPassThree(data, n, centres, k, labels, distances, sums, counts, accumulate)
      : d === 8
        ? plainPassEight(data, n, centres, k, labels, distances, sums, counts, accumulate)
        : plainPassAny(data, n, d, centres, k, labels, distances, sums, counts, accumulate);
  return { inertia, changed: passChanged };
}

/** Bounds kept between iterations by {@link assignBounded} (Hamerly 2010). */
export interface HamerlyBounds {
  /** Lower bound on the distance (not squared) from each point to its second-nearest centre. */
  readonly lower: Float64Array;
  /** Half the distance from each centre to its nearest other centre. */
  readonly halfGap: Float64Array;
  /** Centre positions the bounds refer to. */
  readonly centres: Float64Array;
  /** False until the first full pass. */
  ready: boolean;
}

export function createBounds(n: number, d: number, k: number): HamerlyBounds {
  return {
    lower: new Float64Array(n),
    halfGap: new Float64Array(k),
    centres: new Float64Array(k * d),
    ready: false,
  };
}

/** Relative safety margin of the skip test, so floating-point rounding in the bounds can never skip a real change. */
const SKIP_MARGIN = 1 - 1e-12;

/**
 * The assignment step of {@link assignAndAccumulate} with Hamerly's bounds: the exact
 * distance of each point to its current centre is always computed (it gives the inertia
 * and the relocation distances), and the other k - 1 centres are scanned only when that
 * distance is not safely below both the lower bound to the second-nearest centre and half
 * the gap from the current centre to its nearest neighbour (Hamerly 2010). A point whose
 * nearest centre could be tied or changed is scanned in full, first index winning, so the
 * labels are those of plain Lloyd.
 */
export function assignBounded(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  buffers: LloydBuffers,
  bounds: HamerlyBounds,
): { inertia: number; changed: number } {
  const { labels, distances, sums, counts } = buffers;
  const { lower, halfGap } = bounds;
  sums.fill(0);
  counts.fill(0);
  computeHalfGaps(centres, d, k, halfGap);
  let inertia: number;
  if (!bounds.ready)
    inertia =
      d === 3
        ? firstPassThree(data, n, centres, k, labels, distances, sums, counts, lower)
        : d === 8
          ? firstPassEight(data, n, centres, k, labels, distances, sums, counts, lower)
          : firstPassAny(data, n, d, centres, k, labels, distances, sums, counts, lower);
  else {
    // The lower bounds are loosened by how far the centres moved inside the point pass.
    measureMovement(centres, bounds.centres, d, k);
    const largest = movement[0] as number;
    const second = movement[1] as number;
    const largestAt = movement[2] as number;
    inertia =
      d === 3
        ? boundedPassThree(
            data,
            n,
            centres,
            k,
            labels,
            distances,
            sums,
            counts,
            lower,
            halfGap,
            largestAt,
            largest,
            second,
          )
        : d === 8
          ? boundedPassEight(
              data,
              n,
              centres,
              k,
              labels,
              distances,
              sums,
              counts,
              lower,
              halfGap,
              largestAt,
              largest,
              second,
            )
          : boundedPassAny(
              data,
              n,
              d,
              centres,
              k,
              labels,
              distances,
              sums,
              counts,
              lower,
              halfGap,
              largestAt,
              largest,
              second,
            );
  }
  const changed = passChanged;
  bounds.centres.set(centres);
  bounds.ready = true;
  return { inertia, changed };
}

/** Centre movement since the bounds were set: `[largest, second largest, index of the largest]`. */
const movement = new Float64Array(3);

/** Fills {@link movement} from the current and the previous centres. */
function measureMovement(centres: Float64Array, old: Float64Array, d: number, k: number): void {
  let largest = 0;
  let largestAt = -1;
  let second = 0;
  for (let c = 0; c < k; c++) {
    const distance = Math.sqrt(squaredDistance(centres, c * d, old, c * d, d));
    if (distance > largest) {
      second = largest;
      largest = distance;
      largestAt = c;
    } else if (distance > second) second = distance;
  }
  movement[0] = largest;
  movement[1] = second;
  movement[2] = largestAt;
}

/** Half the distance from each centre to its nearest other centre, into `halfGap`. */
function computeHalfGaps(centres: Float64Array, d: number, k: number, halfGap: Float64Array): void {
  for (let c = 0; c < k; c++) {
    let nearest = Number.POSITIVE_INFINITY;
    for (let other = 0; other < k; other++) {
      if (other === c) continue;
      const squared = squaredDistance(centres, c * d, centres, other * d, d);
      if (squared < nearest) nearest = squared;
    }
    halfGap[c] = Math.sqrt(nearest) / 2;
  }
}

/**
 * Labels changed by the last point pass. The passes below take only typed arrays and numbers
 * and return the inertia, so V8 compiles each of them once, monomorphic, with no object
 * allocation and no branch on d or on the pass kind inside the loop over points; the
 * changed count comes back through this variable, read right after the call.
 */
let passChanged = 0;

/** First pass with bounds (none set yet), d = 3: every centre scanned, the second-nearest distance kept as the lower bound. */
function firstPassThree(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 3) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    let secondDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += 3) {
      const a0 = x0 - (centres[centreOffset] as number);
      const a1 = x1 - (centres[centreOffset + 1] as number);
      const a2 = x2 - (centres[centreOffset + 2] as number);
      const distance = a0 * a0 + a1 * a1 + a2 * a2;
      if (distance < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = distance;
        best = c;
      } else if (distance < secondDistance) secondDistance = distance;
    }
    lower[i] = Math.sqrt(secondDistance);
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    counts[best] = (counts[best] as number) + 1;
    const sumOffset = best * 3;
    sums[sumOffset] = (sums[sumOffset] as number) + x0;
    sums[sumOffset + 1] = (sums[sumOffset + 1] as number) + x1;
    sums[sumOffset + 2] = (sums[sumOffset + 2] as number) + x2;
  }
  passChanged = changed;
  return inertia;
}

/**
 * Later passes with bounds, d = 3: each lower bound is first loosened by the centre movement
 * (`largest`, or `second` for points of centre `largestAt`), then the skip test of
 * {@link assignBounded}; the arithmetic is that of the general loop, in the same order.
 */
function boundedPassThree(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
  halfGap: Float64Array,
  largestAt: number,
  largest: number,
  second: number,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 3) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    let best = labels[i] as number;
    const ownOffset = best * 3;
    const a0 = x0 - (centres[ownOffset] as number);
    const a1 = x1 - (centres[ownOffset + 1] as number);
    const a2 = x2 - (centres[ownOffset + 2] as number);
    const own = a0 * a0 + a1 * a1 + a2 * a2;
    let bestDistance = own;
    const bound = (lower[i] as number) - (best === largestAt ? second : largest);
    lower[i] = bound;
    const threshold = Math.max(bound, halfGap[best] as number) * SKIP_MARGIN;
    if (!(Math.sqrt(bestDistance) < threshold)) {
      best = 0;
      bestDistance = Number.POSITIVE_INFINITY;
      let secondDistance = Number.POSITIVE_INFINITY;
      for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += 3) {
        const a0 = x0 - (centres[centreOffset] as number);
        const a1 = x1 - (centres[centreOffset + 1] as number);
        const a2 = x2 - (centres[centreOffset + 2] as number);
        const distance = a0 * a0 + a1 * a1 + a2 * a2;
        if (distance < bestDistance) {
          secondDistance = bestDistance;
          bestDistance = distance;
          best = c;
        } else if (distance < secondDistance) secondDistance = distance;
      }
      lower[i] = Math.sqrt(secondDistance);
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    counts[best] = (counts[best] as number) + 1;
    const sumOffset = best * 3;
    sums[sumOffset] = (sums[sumOffset] as number) + x0;
    sums[sumOffset + 1] = (sums[sumOffset + 1] as number) + x1;
    sums[sumOffset + 2] = (sums[sumOffset + 2] as number) + x2;
  }
  passChanged = changed;
  return inertia;
}

/** The plain assignment of {@link assignAndAccumulate}, d = 3. */
function plainPassThree(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  accumulate: boolean,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 3) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += 3) {
      const a0 = x0 - (centres[centreOffset] as number);
      const a1 = x1 - (centres[centreOffset + 1] as number);
      const a2 = x2 - (centres[centreOffset + 2] as number);
      const distance = a0 * a0 + a1 * a1 + a2 * a2;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    if (accumulate) {
      counts[best] = (counts[best] as number) + 1;
      const sumOffset = best * 3;
      sums[sumOffset] = (sums[sumOffset] as number) + x0;
      sums[sumOffset + 1] = (sums[sumOffset + 1] as number) + x1;
      sums[sumOffset + 2] = (sums[sumOffset + 2] as number) + x2;
    }
  }
  passChanged = changed;
  return inertia;
}

/** {@link firstPassThree} for d = 8. */
function firstPassEight(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 8) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    const x3 = data[offset + 3] as number;
    const x4 = data[offset + 4] as number;
    const x5 = data[offset + 5] as number;
    const x6 = data[offset + 6] as number;
    const x7 = data[offset + 7] as number;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    let secondDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += 8) {
      const a0 = x0 - (centres[centreOffset] as number);
      const a1 = x1 - (centres[centreOffset + 1] as number);
      const a2 = x2 - (centres[centreOffset + 2] as number);
      const a3 = x3 - (centres[centreOffset + 3] as number);
      const a4 = x4 - (centres[centreOffset + 4] as number);
      const a5 = x5 - (centres[centreOffset + 5] as number);
      const a6 = x6 - (centres[centreOffset + 6] as number);
      const a7 = x7 - (centres[centreOffset + 7] as number);
      const distance = a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3 + a4 * a4 + a5 * a5 + a6 * a6 + a7 * a7;
      if (distance < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = distance;
        best = c;
      } else if (distance < secondDistance) secondDistance = distance;
    }
    lower[i] = Math.sqrt(secondDistance);
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    counts[best] = (counts[best] as number) + 1;
    const sumOffset = best * 8;
    sums[sumOffset] = (sums[sumOffset] as number) + x0;
    sums[sumOffset + 1] = (sums[sumOffset + 1] as number) + x1;
    sums[sumOffset + 2] = (sums[sumOffset + 2] as number) + x2;
    sums[sumOffset + 3] = (sums[sumOffset + 3] as number) + x3;
    sums[sumOffset + 4] = (sums[sumOffset + 4] as number) + x4;
    sums[sumOffset + 5] = (sums[sumOffset + 5] as number) + x5;
    sums[sumOffset + 6] = (sums[sumOffset + 6] as number) + x6;
    sums[sumOffset + 7] = (sums[sumOffset + 7] as number) + x7;
  }
  passChanged = changed;
  return inertia;
}

/** {@link boundedPassThree} for d = 8. */
function boundedPassEight(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
  halfGap: Float64Array,
  largestAt: number,
  largest: number,
  second: number,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 8) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    const x3 = data[offset + 3] as number;
    const x4 = data[offset + 4] as number;
    const x5 = data[offset + 5] as number;
    const x6 = data[offset + 6] as number;
    const x7 = data[offset + 7] as number;
    let best = labels[i] as number;
    const ownOffset = best * 8;
    const a0 = x0 - (centres[ownOffset] as number);
    const a1 = x1 - (centres[ownOffset + 1] as number);
    const a2 = x2 - (centres[ownOffset + 2] as number);
    const a3 = x3 - (centres[ownOffset + 3] as number);
    const a4 = x4 - (centres[ownOffset + 4] as number);
    const a5 = x5 - (centres[ownOffset + 5] as number);
    const a6 = x6 - (centres[ownOffset + 6] as number);
    const a7 = x7 - (centres[ownOffset + 7] as number);
    const own = a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3 + a4 * a4 + a5 * a5 + a6 * a6 + a7 * a7;
    let bestDistance = own;
    const bound = (lower[i] as number) - (best === largestAt ? second : largest);
    lower[i] = bound;
    const threshold = Math.max(bound, halfGap[best] as number) * SKIP_MARGIN;
    if (!(Math.sqrt(bestDistance) < threshold)) {
      best = 0;
      bestDistance = Number.POSITIVE_INFINITY;
      let secondDistance = Number.POSITIVE_INFINITY;
      for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += 8) {
        const a0 = x0 - (centres[centreOffset] as number);
        const a1 = x1 - (centres[centreOffset + 1] as number);
        const a2 = x2 - (centres[centreOffset + 2] as number);
        const a3 = x3 - (centres[centreOffset + 3] as number);
        const a4 = x4 - (centres[centreOffset + 4] as number);
        const a5 = x5 - (centres[centreOffset + 5] as number);
        const a6 = x6 - (centres[centreOffset + 6] as number);
        const a7 = x7 - (centres[centreOffset + 7] as number);
        const distance = a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3 + a4 * a4 + a5 * a5 + a6 * a6 + a7 * a7;
        if (distance < bestDistance) {
          secondDistance = bestDistance;
          bestDistance = distance;
          best = c;
        } else if (distance < secondDistance) secondDistance = distance;
      }
      lower[i] = Math.sqrt(secondDistance);
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    counts[best] = (counts[best] as number) + 1;
    const sumOffset = best * 8;
    sums[sumOffset] = (sums[sumOffset] as number) + x0;
    sums[sumOffset + 1] = (sums[sumOffset + 1] as number) + x1;
    sums[sumOffset + 2] = (sums[sumOffset + 2] as number) + x2;
    sums[sumOffset + 3] = (sums[sumOffset + 3] as number) + x3;
    sums[sumOffset + 4] = (sums[sumOffset + 4] as number) + x4;
    sums[sumOffset + 5] = (sums[sumOffset + 5] as number) + x5;
    sums[sumOffset + 6] = (sums[sumOffset + 6] as number) + x6;
    sums[sumOffset + 7] = (sums[sumOffset + 7] as number) + x7;
  }
  passChanged = changed;
  return inertia;
}

/** {@link plainPassThree} for d = 8. */
function plainPassEight(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  accumulate: boolean,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 8) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    const x3 = data[offset + 3] as number;
    const x4 = data[offset + 4] as number;
    const x5 = data[offset + 5] as number;
    const x6 = data[offset + 6] as number;
    const x7 = data[offset + 7] as number;
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += 8) {
      const a0 = x0 - (centres[centreOffset] as number);
      const a1 = x1 - (centres[centreOffset + 1] as number);
      const a2 = x2 - (centres[centreOffset + 2] as number);
      const a3 = x3 - (centres[centreOffset + 3] as number);
      const a4 = x4 - (centres[centreOffset + 4] as number);
      const a5 = x5 - (centres[centreOffset + 5] as number);
      const a6 = x6 - (centres[centreOffset + 6] as number);
      const a7 = x7 - (centres[centreOffset + 7] as number);
      const distance = a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3 + a4 * a4 + a5 * a5 + a6 * a6 + a7 * a7;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    if (accumulate) {
      counts[best] = (counts[best] as number) + 1;
      const sumOffset = best * 8;
      sums[sumOffset] = (sums[sumOffset] as number) + x0;
      sums[sumOffset + 1] = (sums[sumOffset + 1] as number) + x1;
      sums[sumOffset + 2] = (sums[sumOffset + 2] as number) + x2;
      sums[sumOffset + 3] = (sums[sumOffset + 3] as number) + x3;
      sums[sumOffset + 4] = (sums[sumOffset + 4] as number) + x4;
      sums[sumOffset + 5] = (sums[sumOffset + 5] as number) + x5;
      sums[sumOffset + 6] = (sums[sumOffset + 6] as number) + x6;
      sums[sumOffset + 7] = (sums[sumOffset + 7] as number) + x7;
    }
  }
  passChanged = changed;
  return inertia;
}

/** {@link firstPassThree} for any d. */
function firstPassAny(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    let secondDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += d) {
      let distance = 0;
      for (let j = 0; j < d; j++) {
        const difference = (data[offset + j] as number) - (centres[centreOffset + j] as number);
        distance += difference * difference;
      }
      if (distance < bestDistance) {
        secondDistance = bestDistance;
        bestDistance = distance;
        best = c;
      } else if (distance < secondDistance) secondDistance = distance;
    }
    lower[i] = Math.sqrt(secondDistance);
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    counts[best] = (counts[best] as number) + 1;
    const sumOffset = best * d;
    for (let j = 0; j < d; j++)
      sums[sumOffset + j] = (sums[sumOffset + j] as number) + (data[offset + j] as number);
  }
  passChanged = changed;
  return inertia;
}

/** {@link boundedPassThree} for any d. */
function boundedPassAny(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
  halfGap: Float64Array,
  largestAt: number,
  largest: number,
  second: number,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    let best = labels[i] as number;
    const ownOffset = best * d;
    let own = 0;
    for (let j = 0; j < d; j++) {
      const difference = (data[offset + j] as number) - (centres[ownOffset + j] as number);
      own += difference * difference;
    }
    let bestDistance = own;
    const bound = (lower[i] as number) - (best === largestAt ? second : largest);
    lower[i] = bound;
    const threshold = Math.max(bound, halfGap[best] as number) * SKIP_MARGIN;
    if (!(Math.sqrt(bestDistance) < threshold)) {
      best = 0;
      bestDistance = Number.POSITIVE_INFINITY;
      let secondDistance = Number.POSITIVE_INFINITY;
      for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += d) {
        let distance = 0;
        for (let j = 0; j < d; j++) {
          const difference = (data[offset + j] as number) - (centres[centreOffset + j] as number);
          distance += difference * difference;
        }
        if (distance < bestDistance) {
          secondDistance = bestDistance;
          bestDistance = distance;
          best = c;
        } else if (distance < secondDistance) secondDistance = distance;
      }
      lower[i] = Math.sqrt(secondDistance);
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    counts[best] = (counts[best] as number) + 1;
    const sumOffset = best * d;
    for (let j = 0; j < d; j++)
      sums[sumOffset + j] = (sums[sumOffset + j] as number) + (data[offset + j] as number);
  }
  passChanged = changed;
  return inertia;
}

/** {@link plainPassThree} for any d. */
function plainPassAny(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  accumulate: boolean,
): number {
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0, centreOffset = 0; c < k; c++, centreOffset += d) {
      let distance = 0;
      for (let j = 0; j < d; j++) {
        const difference = (data[offset + j] as number) - (centres[centreOffset + j] as number);
        distance += difference * difference;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (labels[i] !== best) {
      labels[i] = best;
      changed++;
    }
    distances[i] = bestDistance;
    inertia += bestDistance;
    if (accumulate) {
      counts[best] = (counts[best] as number) + 1;
      const sumOffset = best * d;
      for (let j = 0; j < d; j++)
        sums[sumOffset + j] = (sums[sumOffset + j] as number) + (data[offset + j] as number);
    }
  }
  passChanged = changed;
  return inertia;
}

/**
 * Empty-cluster policy (as scikit-learn's Lloyd): each empty centre is re-seeded at
 * one of the points farthest from the centre they were assigned to, taken in
 * decreasing order of that distance; the point's contribution moves from its old
 * cluster's sum to the empty one. Labels are left as they are; the next
 * assignment step settles them. Returns the number of centres re-seeded.
 */
export function relocateEmptyClusters(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  buffers: LloydBuffers,
): number {
  const { labels, distances, sums, counts } = buffers;
  let empty = 0;
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty++;
  if (empty === 0) return 0;
  // Indices of the `empty` largest distances, largest first (k is small, so a simple selection).
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  for (let e = 0; e < empty; e++) {
    let bestIndex = -1;
    let bestDistance = -1;
    for (let i = 0; i < n; i++) {
      if (taken[i] === 0 && (distances[i] as number) > bestDistance) {
        bestDistance = distances[i] as number;
        bestIndex = i;
      }
    }
    if (bestIndex < 0) break;
    taken[bestIndex] = 1;
    chosen.push(bestIndex);
  }
  let next = 0;
  let relocated = 0;
  for (let c = 0; c < k && next < chosen.length; c++) {
    if (counts[c] !== 0) continue;
    const point = chosen[next++] as number;
    const old = labels[point] as number;
    const pointOffset = point * d;
    for (let j = 0; j < d; j++) {
      sums[old * d + j] = (sums[old * d + j] as number) - (data[pointOffset + j] as number);
      sums[c * d + j] = data[pointOffset + j] as number;
    }
    counts[old] = (counts[old] as number) - 1;
    counts[c] = 1;
    relocated++;
  }
  return relocated;
}

/**
 * Writes the new centres (sum / count; a centre with no points keeps its position)
 * into `next` and returns the total squared centre shift.
 */
export function updateCentres(
  previous: Float64Array,
  next: Float64Array,
  d: number,
  k: number,
  buffers: LloydBuffers,
): number {
  const { sums, counts } = buffers;
  let shift = 0;
  for (let c = 0; c < k; c++) {
    const count = counts[c] as number;
    for (let j = 0; j < d; j++) {
      const at = c * d + j;
      const value = count > 0 ? (sums[at] as number) / count : (previous[at] as number);
      const difference = value - (previous[at] as number);
      shift += difference * difference;
      next[at] = value;
    }
  }
  return shift;
}

/**
 * Whether Lloyd runs use Hamerly's bounds: for k >= 3 and at least 2000 points, where
 * skipping most of the k distance computations per point pays for the bookkeeping.
 */
export function useBounds(n: number, k: number): boolean {
  return k >= 3 && n >= 2000;
}

/** One Lloyd iteration's outcome, as yielded by {@link lloydIterations}. */
export interface LloydStep {
  /** 1-based iteration number. */
  readonly iteration: number;
  /** Centres after this iteration's update (a live buffer: copy to keep). */
  readonly centres: Float64Array;
  /** Labels assigned in this iteration (a live buffer: copy to keep). */
  readonly labels: Int32Array;
  /** Inertia of this iteration's labels against the centres they were assigned to. */
  readonly inertia: number;
  /** Total squared shift of the centres in this iteration. */
  readonly centreShift: number;
  /** Labels that changed in this iteration. */
  readonly changed: number;
  /** Empty clusters re-seeded in this iteration. */
  readonly relocated: number;
  /** True when the run stops here by convergence. */
  readonly converged: boolean;
}

/**
 * Lloyd iterations from `initial` centres (copied). Stops when no label changes
 * or when the total squared centre shift is at most `shiftTolerance`, or after
 * `maxIterations`. This is the iteration scikit-learn's `_kmeans_single_lloyd` runs.
 */
export function* lloydIterations(
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
  let centres = Float64Array.from(initial);
  let spare = new Float64Array(k * d);
  const bounds = bounded ? createBounds(n, d, k) : undefined;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { inertia, changed } =
      bounds === undefined
        ? assignAndAccumulate(data, n, d, centres, k, buffers, true)
        : assignBounded(data, n, d, centres, k, buffers, bounds);
    const relocated = relocateEmptyClusters(data, n, d, k, buffers);
    const shift = updateCentres(centres, spare, d, k, buffers);
    const held = centres;
    centres = spare;
    spare = held;
    const converged = changed === 0 || shift <= shiftTolerance;
    yield {
      iteration,
      centres,
      labels: buffers.labels,
      inertia,
      centreShift: shift,
      changed,
      relocated,
      converged,
    };
    if (converged) return;
  }
}

/** Result of {@link runLloyd}. */
export interface LloydRun {
  readonly centres: Float64Array;
  readonly labels: Int32Array;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Runs Lloyd to the end. When the run did not stop on unchanged labels, one more
 * assignment pass makes the labels match the final centres (as scikit-learn does);
 * the inertia is that of the final labels against the final centres.
 */
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
  const buffers = createBuffers(n, d, k);
  let centres = Float64Array.from(initial);
  let iterations = 0;
  let converged = false;
  let strict = false;
  let lastInertia = 0;
  for (const step of lloydIterations(
    data,
    n,
    d,
    initial,
    k,
    maxIterations,
    shiftTolerance,
    buffers,
    bounded,
  )) {
    iterations = step.iteration;
    centres = Float64Array.from(step.centres);
    converged = step.converged;
    strict = step.changed === 0;
    lastInertia = step.inertia;
  }
  let inertia = lastInertia;
  if (!strict) inertia = assignAndAccumulate(data, n, d, centres, k, buffers, false).inertia;
  return { centres, labels: Int32Array.from(buffers.labels), inertia, iterations, converged };
}

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007, with the greedy
 * variant of scikit-learn: `2 + floor(ln k)` candidates per centre, keeping the
 * one that lowers the potential most). Candidates are drawn proportional to the
 * squared distance to the nearest chosen centre. Assumes at least k distinct points.
 * Complexity: O(n k d log k).
 */
export function kMeansPlusPlus(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  random: Random,
): Float64Array {
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.integer(n);
  centres.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  for (let i = 0, offset = 0; i < n; i++, offset += d)
    closest[i] = squaredDistance(data, offset, data, first * d, d);
  const cumulative = new Float64Array(n);
  const candidateClosest = new Float64Array(n);
  const bestClosest = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i] as number;
      cumulative[i] = running;
    }
    let bestCandidate = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let t = 0; t < trials; t++) {
      const target = random.float() * running;
      let low = 0;
      let high = n - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) > target) high = middle;
        else low = middle + 1;
      }
      // Skip points already at a centre (zero weight) that rounding could land on.
      let candidate = low;
      while (candidate < n - 1 && closest[candidate] === 0) candidate++;
      const candidateOffset = candidate * d;
      let candidatePotential = 0;
      for (let i = 0, offset = 0; i < n; i++, offset += d) {
        const distance = squaredDistance(data, offset, data, candidateOffset, d);
        const current = closest[i] as number;
        const kept = Math.min(distance, current);
        candidateClosest[i] = kept;
        candidatePotential += kept;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestClosest.set(candidateClosest);
      }
    }
    centres.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    closest.set(bestClosest);
  }
  return centres;
}

/**
 * Counts distinct points up to `limit` by farthest-first traversal: O(n limit d),
 * deterministic. Returns `limit` when there are at least that many distinct points.
 */
export function countDistinctUpTo(data: Float64Array, n: number, d: number, limit: number): number {
  if (n === 0) return 0;
  const closest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let current = 0;
  for (let found = 1; found <= limit; found++) {
    if (found === limit) return limit;
    const centreOffset = current * d;
    let farthest = -1;
    let farthestDistance = 0;
    for (let i = 0, offset = 0; i < n; i++, offset += d) {
      const distance = squaredDistance(data, offset, data, centreOffset, d);
      if (distance < (closest[i] as number)) closest[i] = distance;
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

/** Mean over features of the population variance (divisor n), used to make the tolerance scale-free. */
export function meanFeatureVariance(data: Float64Array, n: number, d: number): number {
  if (n === 0) return 0;
  let total = 0;
  for (let j = 0; j < d; j++) total += columnMoments(data, n, d, j).squares / n;
  return total / d;
}
