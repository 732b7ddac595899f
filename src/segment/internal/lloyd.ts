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
 *
 * The default kernel for d = 3 and 2 <= k <= 8 (the RFM shape) is {@link treePassThree}: one
 * fused loop over points with Hamerly's bounds kept in a shifted form (no store for a point
 * whose bounds settle it), and the full scan of a point done branch-free (all eight centre
 * slots, a tournament of exact selections) because V8 compiles the data-dependent `if` of a
 * running minimum to a mispredicted branch where gcc emits conditional moves. At 1,000,000 x 3,
 * k = 6..8, this took the default kernel from 2.4-3.3x to about 1.5-1.8x the CPU time per
 * iteration of a single-threaded gcc -O2 plain Lloyd (bench/segment.ts), and a whole `kMeans`
 * run about 25-35% faster. Tried and dropped (no gain measured): a centre-major blocked loop,
 * two points per loop turn, merging the accumulators into the slot array, counts kept from
 * the label changes, the full scan in a separate function.
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
  /**
   * Cumulative movement per centre, for {@link treePassThree}: the sum over passes of the
   * largest movement of any other centre. That kernel stores `lower + drift[label]` when it
   * scans a point, so the loosened bound is `stored - drift[label]` with no store per pass.
   */
  readonly drift: Float64Array;
  /** Whether `lower` holds the shifted bounds of {@link treePassThree} (else plain ones). */
  shifted: boolean;
  /** Largest |coordinate| of the data (computed on first use), or NaN before. */
  dataMagnitude: number;
}

export function createBounds(n: number, d: number, k: number): HamerlyBounds {
  return {
    lower: new Float64Array(n),
    halfGap: new Float64Array(k),
    centres: new Float64Array(k * d),
    ready: false,
    drift: new Float64Array(k),
    shifted: false,
    dataMagnitude: Number.NaN,
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
  const tree = d === 3 && k >= 2 && k <= TREE_SLOTS && treeIsExact(data, centres, bounds);
  if (tree !== bounds.shifted) {
    // The two kernels keep their bounds in different forms: start the other one afresh.
    bounds.ready = false;
    bounds.shifted = tree;
  }
  if (tree) return assignTreeThree(data, n, centres, k, buffers, bounds);
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

/** Centre slots of {@link treePassThree}: k <= 8 real centres, the rest padding. */
const TREE_SLOTS = 8;
/** Coordinate of the padding slots: their distances (about 1e200) exceed every real one. */
const PAD_COORDINATE = 1e100;
/**
 * Largest |coordinate| (data and centres) for which {@link treePassThree} is exact: every
 * squared distance to a real centre stays below about 1.2e151 and to a padding slot near
 * 1e200, all finite, so the multiply-by-0-or-1 selections are exact and no padding slot wins.
 */
const TREE_MAGNITUDE = 1e75;
/**
 * Relative inflation of the drift increments. With the relative slack of 1e-9 on the stored
 * bound in {@link treePassThree}, it covers the rounding of the stored sum `lower + drift` and
 * of the drift itself over up to about 1e6 passes (each at most a few units in the last
 * place), so a rounded bound never exceeds the true one.
 */
const TREE_DRIFT_INFLATE = 1 + 1e-12;

/**
 * Per-slot record read by {@link treePassThree}, 8 numbers per slot: x, y, z, drift, the
 * squared skip radius (half the gap to the nearest other centre, with {@link SKIP_MARGIN}),
 * three unused. One array instead of three keeps V8's per-array checks in the loop few.
 */
const treeSlots = new Float64Array(TREE_SLOTS * 8);
/** Per-slot accumulators of {@link treePassThree}: sum x, sum y, sum z, count. */
const treeSums = new Float64Array(TREE_SLOTS * 4);

/** Whether the data and the centres are small enough for {@link treePassThree} to be exact. */
function treeIsExact(data: Float64Array, centres: Float64Array, bounds: HamerlyBounds): boolean {
  if (Number.isNaN(bounds.dataMagnitude)) bounds.dataMagnitude = largestMagnitude(data);
  return bounds.dataMagnitude < TREE_MAGNITUDE && largestMagnitude(centres) < TREE_MAGNITUDE;
}

/** Largest absolute value in `values` (Infinity when one is not a number). */
function largestMagnitude(values: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i] as number);
    if (!(magnitude <= largest)) largest = Number.isNaN(magnitude) ? Number.POSITIVE_INFINITY : magnitude;
  }
  return largest;
}

/** {@link assignBounded} for d = 3, 2 <= k <= 8, with {@link treePassThree}. */
function assignTreeThree(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  buffers: LloydBuffers,
  bounds: HamerlyBounds,
): { inertia: number; changed: number } {
  const { labels, distances, sums, counts } = buffers;
  const { lower, halfGap, drift } = bounds;
  const first = !bounds.ready;
  computeHalfGaps(centres, 3, k, halfGap);
  if (first) drift.fill(0);
  else {
    measureMovement(centres, bounds.centres, 3, k);
    const largest = (movement[0] as number) * TREE_DRIFT_INFLATE;
    const second = (movement[1] as number) * TREE_DRIFT_INFLATE;
    const largestAt = movement[2] as number;
    for (let c = 0; c < k; c++) drift[c] = (drift[c] as number) + (c === largestAt ? second : largest);
  }
  for (let slot = 0; slot < TREE_SLOTS; slot++) {
    const at = slot * 8;
    if (slot < k) {
      treeSlots[at] = centres[slot * 3] as number;
      treeSlots[at + 1] = centres[slot * 3 + 1] as number;
      treeSlots[at + 2] = centres[slot * 3 + 2] as number;
      treeSlots[at + 3] = drift[slot] as number;
      const radius = (halfGap[slot] as number) * SKIP_MARGIN;
      treeSlots[at + 4] = radius * radius;
    } else {
      treeSlots.fill(PAD_COORDINATE, at, at + 3);
      treeSlots.fill(0, at + 3, at + 8);
    }
  }
  treeSums.fill(0);
  const inertia = treePassThree(data, n, treeSlots, labels, lower, treeSums, first);
  const changed = passChanged;
  let empty = false;
  for (let c = 0; c < k; c++) {
    sums[c * 3] = treeSums[c * 4] as number;
    sums[c * 3 + 1] = treeSums[c * 4 + 1] as number;
    sums[c * 3 + 2] = treeSums[c * 4 + 2] as number;
    counts[c] = treeSums[c * 4 + 3] as number;
    if (counts[c] === 0) empty = true;
  }
  // The point pass keeps no distances; the empty-cluster policy needs them, rarely.
  if (empty) {
    for (let i = 0, offset = 0; i < n; i++, offset += 3)
      distances[i] = squaredDistance(data, offset, centres, (labels[i] as number) * 3, 3);
  }
  bounds.centres.set(centres);
  bounds.ready = true;
  return { inertia, changed };
}

/**
 * The bounded point pass for d = 3, k <= 8 (slots beyond k padded far away). Per point: the
 * exact squared distance to its centre (the inertia term, as in plain Lloyd), then Hamerly's
 * test with the stored bound shifted by the drift of its centre, squared (no square root):
 * skip when the distance is below the bound or below the centre's skip radius. Otherwise
 * (and for every point on the first pass) all 8 slots are scanned without a data-dependent
 * branch: each selection is `a * m + b * (1 - m)` with m = 0 or 1, exact for finite values,
 * and pairs are merged left before right with a strict `<`, so the first centre wins ties as
 * in plain Lloyd. The scan keeps the second-smallest distance for the new lower bound.
 * Sums and counts are accumulated in point order, as in plain Lloyd.
 */
function treePassThree(
  data: Float64Array,
  n: number,
  slots: Float64Array,
  labels: Int32Array,
  lower: Float64Array,
  accumulators: Float64Array,
  first: boolean,
): number {
  const p00 = slots[0] as number;
  const p01 = slots[1] as number;
  const p02 = slots[2] as number;
  const p10 = slots[8] as number;
  const p11 = slots[9] as number;
  const p12 = slots[10] as number;
  const p20 = slots[16] as number;
  const p21 = slots[17] as number;
  const p22 = slots[18] as number;
  const p30 = slots[24] as number;
  const p31 = slots[25] as number;
  const p32 = slots[26] as number;
  const p40 = slots[32] as number;
  const p41 = slots[33] as number;
  const p42 = slots[34] as number;
  const p50 = slots[40] as number;
  const p51 = slots[41] as number;
  const p52 = slots[42] as number;
  const p60 = slots[48] as number;
  const p61 = slots[49] as number;
  const p62 = slots[50] as number;
  const p70 = slots[56] as number;
  const p71 = slots[57] as number;
  const p72 = slots[58] as number;
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += 3) {
    const x0 = data[offset] as number;
    const x1 = data[offset + 1] as number;
    const x2 = data[offset + 2] as number;
    let best = 0;
    let bestDistance = 0;
    let skip = 0;
    if (!first) {
      best = labels[i] as number;
      const at = best * 8;
      const b0 = x0 - (slots[at] as number);
      const b1 = x1 - (slots[at + 1] as number);
      const b2 = x2 - (slots[at + 2] as number);
      bestDistance = b0 * b0 + b1 * b1 + b2 * b2;
      // Stored bound with a relative slack of 1e-9 (see TREE_DRIFT_INFLATE), less the drift.
      const bound = (lower[i] as number) * 0.999999999 - (slots[at + 3] as number);
      skip = (+(bestDistance < bound * bound) & +(bound > 0)) | +(bestDistance < (slots[at + 4] as number));
    }
    if (skip === 0) {
      let a0 = x0 - p00;
      let a1 = x1 - p01;
      let a2 = x2 - p02;
      const d0 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p10;
      a1 = x1 - p11;
      a2 = x2 - p12;
      const d1 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p20;
      a1 = x1 - p21;
      a2 = x2 - p22;
      const d2 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p30;
      a1 = x1 - p31;
      a2 = x2 - p32;
      const d3 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p40;
      a1 = x1 - p41;
      a2 = x2 - p42;
      const d4 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p50;
      a1 = x1 - p51;
      a2 = x2 - p52;
      const d5 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p60;
      a1 = x1 - p61;
      a2 = x2 - p62;
      const d6 = a0 * a0 + a1 * a1 + a2 * a2;
      a0 = x0 - p70;
      a1 = x1 - p71;
      a2 = x2 - p72;
      const d7 = a0 * a0 + a1 * a1 + a2 * a2;
      // Pairs: smaller (left on ties) and larger of each.
      const m01 = +(d1 < d0);
      const b01 = d1 * m01 + d0 * (1 - m01);
      const s01 = d0 * m01 + d1 * (1 - m01);
      const m23 = +(d3 < d2);
      const b23 = d3 * m23 + d2 * (1 - m23);
      const s23 = d2 * m23 + d3 * (1 - m23);
      const m45 = +(d5 < d4);
      const b45 = d5 * m45 + d4 * (1 - m45);
      const s45 = d4 * m45 + d5 * (1 - m45);
      const m67 = +(d7 < d6);
      const b67 = d7 * m67 + d6 * (1 - m67);
      const s67 = d6 * m67 + d7 * (1 - m67);
      // Merge 0-1 with 2-3: smallest, and second = min(loser of the two smallest, winner's second).
      const mA = +(b23 < b01);
      const bA = b23 * mA + b01 * (1 - mA);
      const loserA = b01 * mA + b23 * (1 - mA);
      const secondA = s23 * mA + s01 * (1 - mA);
      const qA = +(secondA < loserA);
      const sA = secondA * qA + loserA * (1 - qA);
      const lA = m01 + ((2 + m23 - m01) & -mA);
      // Merge 4-5 with 6-7.
      const mB = +(b67 < b45);
      const bB = b67 * mB + b45 * (1 - mB);
      const loserB = b45 * mB + b67 * (1 - mB);
      const secondB = s67 * mB + s45 * (1 - mB);
      const qB = +(secondB < loserB);
      const sB = secondB * qB + loserB * (1 - qB);
      const lB = 4 + m45 + ((2 + m67 - m45) & -mB);
      // Final merge.
      const m = +(bB < bA);
      bestDistance = bB * m + bA * (1 - m);
      const loser = bA * m + bB * (1 - m);
      const secondBest = sB * m + sA * (1 - m);
      const q = +(secondBest < loser);
      const secondDistance = secondBest * q + loser * (1 - q);
      best = lA + ((lB - lA) & -m);
      lower[i] = Math.sqrt(secondDistance) + (slots[best * 8 + 3] as number);
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
    }
    inertia += bestDistance;
    const sumAt = best * 4;
    accumulators[sumAt] = (accumulators[sumAt] as number) + x0;
    accumulators[sumAt + 1] = (accumulators[sumAt + 1] as number) + x1;
    accumulators[sumAt + 2] = (accumulators[sumAt + 2] as number) + x2;
    accumulators[sumAt + 3] = (accumulators[sumAt + 3] as number) + 1;
  }
  passChanged = changed;
  return inertia;
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
