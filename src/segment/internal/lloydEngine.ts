/**
 * The k-means engine on flat arrays: points a row-major `Float64Array(n * d)`, centres a
 * `Float64Array(k * d)`. No allocation per point; every point loop is a kernel of
 * `kernels/` (written out for the data's d and compiled once, or the general loops), chosen
 * once per fit and passed in, so nothing here branches on d inside a loop over points.
 *
 * Assignment: plain Lloyd (every distance) for small problems; from 2000 points and k >= 3
 * Hamerly's bounds (a point is rescanned only when its nearest centre could have changed), and
 * for d = 3, 2 <= k <= 8 (the RFM shape) the branch-free tree kernel with the bounds kept in a
 * shifted form. All give plain Lloyd's labels bit for bit (tested).
 *
 * Memory per run is O(n) and bounded: labels (4n bytes) and the lower bounds (8n, which double as
 * k-means++'s nearest-centre distances before the first pass); no per-point distance array is
 * kept (the rare empty-cluster relocation recomputes the few it needs), so one thread's restarts
 * need 12n bytes plus 4n for the best labels so far.
 *
 * Every function here uses nothing but the others, its arguments and globals (no imports beyond
 * types, no module state): `parallel.ts` ships their text ({@link ENGINE}) to restart workers, so a
 * worker runs exactly this code. The calling thread's entry points are in `lloyd.ts`.
 */
import type { LloydKernels } from "./kernels/types.js";

/**
 * Squared Euclidean distance between the d-vectors at `aOffset` in `a` and `bOffset` in `b`.
 * Used outside the per-point assignment loops (which are kernels).
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

/** Scratch buffers of one Lloyd run (reusable across runs of the same shape). */
export interface LloydBuffers {
  readonly labels: Int32Array;
  /** Squared distance of each point to its centre after a plain pass, or empty (not kept). */
  readonly distances: Float64Array;
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  /** What the last kernel reported: inertia, changed labels. */
  readonly tally: Float64Array;
  readonly kernels: LloydKernels;
}

/** Buffers for a run with the given kernels; `keepDistances` sizes `distances` (n or 0). */
export function makeBuffers(
  n: number,
  d: number,
  k: number,
  kernels: LloydKernels,
  keepDistances: boolean,
): LloydBuffers {
  return {
    labels: new Int32Array(n).fill(-1),
    distances: new Float64Array(keepDistances ? n : 0),
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
    tally: new Float64Array(2),
    kernels,
  };
}

/**
 * Assigns every point to its nearest centre (first one on ties, as scikit-learn), accumulates
 * per-centre sums and counts when `accumulate`, and returns the inertia of the new labels
 * against `centres` plus how many labels changed. Complexity: O(n k d).
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
  const { labels, distances, sums, counts, tally } = buffers;
  if (accumulate) {
    sums.fill(0);
    counts.fill(0);
  }
  buffers.kernels.plain(data, n, d, centres, k, labels, distances, sums, counts, accumulate, tally);
  return { inertia: tally[0] as number, changed: tally[1] as number };
}

/** Bounds kept between iterations by {@link assignBounded} (Hamerly 2010), and its scratch. */
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
   * Cumulative movement per centre, for the tree kernel: the sum over passes of the largest
   * movement of any other centre. That kernel stores `lower + drift[label]` when it scans a
   * point, so the loosened bound is `stored - drift[label]` with no store per pass.
   */
  readonly drift: Float64Array;
  /** Whether `lower` holds the shifted bounds of the tree kernel (else plain ones). */
  shifted: boolean;
  /** Largest |coordinate| of the data (computed on first use), or NaN before. */
  dataMagnitude: number;
  /** Centre movement since the bounds were set: largest, second largest, index of the largest. */
  readonly movement: Float64Array;
  /** Per-slot record read by the tree kernel, 8 numbers per slot (x, y, z, drift, squared skip radius). */
  readonly slots: Float64Array;
  /** Per-slot accumulators of the tree kernel: sum x, sum y, sum z, count. */
  readonly accumulators: Float64Array;
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
    movement: new Float64Array(3),
    slots: new Float64Array(8 * 8),
    accumulators: new Float64Array(8 * 4),
  };
}

/**
 * The assignment step of {@link assignAndAccumulate} with Hamerly's bounds: the exact distance
 * of each point to its current centre is always computed (it gives the inertia), and the other
 * k - 1 centres are scanned only when that distance is not safely below both the lower bound to
 * the second-nearest centre and half the gap from the current centre to its nearest neighbour
 * (Hamerly 2010), with a relative safety margin of 1e-12 so rounding can never skip a real change.
 * A point whose nearest centre could be tied or changed is scanned in full, first index winning,
 * so the labels are those of plain Lloyd. The lower bounds are loosened by how far the centres
 * moved since the last pass (`bounds.movement`); for d = 3 and k <= 8 the tree kernel runs
 * ({@link assignTreeThree}).
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
  const { labels, sums, counts, tally, kernels } = buffers;
  const { lower, halfGap, movement } = bounds;
  const tree = d === 3 && k >= 2 && k <= 8 && kernels.tree !== null && treeIsExact(data, centres, bounds);
  if (tree !== bounds.shifted) {
    // The two kernels keep their bounds in different forms: start the other one afresh.
    bounds.ready = false;
    bounds.shifted = tree;
  }
  computeHalfGaps(centres, d, k, halfGap);
  if (bounds.ready) measureMovement(centres, bounds.centres, d, k, movement);
  if (tree) assignTreeThree(data, n, centres, k, buffers, bounds);
  else {
    sums.fill(0);
    counts.fill(0);
    if (!bounds.ready) kernels.first(data, n, d, centres, k, labels, sums, counts, lower, tally);
    else {
      kernels.bounded(
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
        movement[2] as number,
        movement[0] as number,
        movement[1] as number,
        tally,
      );
    }
  }
  bounds.centres.set(centres);
  bounds.ready = true;
  return { inertia: tally[0] as number, changed: tally[1] as number };
}

/** Fills `movement` with [largest, second largest, index of the largest] centre movement. */
export function measureMovement(
  centres: Float64Array,
  old: Float64Array,
  d: number,
  k: number,
  movement: Float64Array,
): void {
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
export function computeHalfGaps(centres: Float64Array, d: number, k: number, halfGap: Float64Array): void {
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
 * Whether the data and the centres are small enough for the tree kernel to be exact: below 1e75
 * every squared distance to a real centre stays below about 1.2e151 and to a padding slot (at
 * 1e100) near 1e200, all finite, so its multiply-by-0-or-1 selections are exact and no padding
 * slot wins.
 */
export function treeIsExact(data: Float64Array, centres: Float64Array, bounds: HamerlyBounds): boolean {
  if (Number.isNaN(bounds.dataMagnitude)) bounds.dataMagnitude = largestMagnitude(data);
  return bounds.dataMagnitude < 1e75 && largestMagnitude(centres) < 1e75;
}

/** Largest absolute value in `values` (Infinity when one is not a number). */
export function largestMagnitude(values: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const magnitude = Math.abs(values[i] as number);
    if (!(magnitude <= largest)) largest = Number.isNaN(magnitude) ? Number.POSITIVE_INFINITY : magnitude;
  }
  return largest;
}

/**
 * The tree kernel's pass of {@link assignBounded} (d = 3, 2 <= k <= 8; half gaps and, after the
 * first pass, the movement already measured). The drift increments are inflated by 1e-12
 * (relative): with the kernel's relative slack of 1e-9 on the stored bound, that covers the
 * rounding of the stored sum `lower + drift` and of the drift itself over up to about 1e6
 * passes, so a rounded bound never exceeds the true one.
 */
export function assignTreeThree(
  data: Float64Array,
  n: number,
  centres: Float64Array,
  k: number,
  buffers: LloydBuffers,
  bounds: HamerlyBounds,
): void {
  const { labels, sums, counts, tally, kernels } = buffers;
  const { lower, halfGap, drift, movement, slots, accumulators } = bounds;
  const first = !bounds.ready;
  if (first) drift.fill(0);
  else {
    const inflate = 1 + 1e-12;
    const largest = (movement[0] as number) * inflate;
    const second = (movement[1] as number) * inflate;
    const largestAt = movement[2] as number;
    for (let c = 0; c < k; c++) drift[c] = (drift[c] as number) + (c === largestAt ? second : largest);
  }
  for (let slot = 0; slot < 8; slot++) {
    const at = slot * 8;
    if (slot < k) {
      slots[at] = centres[slot * 3] as number;
      slots[at + 1] = centres[slot * 3 + 1] as number;
      slots[at + 2] = centres[slot * 3 + 2] as number;
      slots[at + 3] = drift[slot] as number;
      const radius = (halfGap[slot] as number) * (1 - 1e-12);
      slots[at + 4] = radius * radius;
    } else {
      slots.fill(1e100, at, at + 3);
      slots.fill(0, at + 3, at + 8);
    }
  }
  accumulators.fill(0);
  (kernels.tree as NonNullable<LloydKernels["tree"]>)(
    data,
    n,
    slots,
    labels,
    lower,
    accumulators,
    first,
    tally,
  );
  for (let c = 0; c < k; c++) {
    sums[c * 3] = accumulators[c * 4] as number;
    sums[c * 3 + 1] = accumulators[c * 4 + 1] as number;
    sums[c * 3 + 2] = accumulators[c * 4 + 2] as number;
    counts[c] = accumulators[c * 4 + 3] as number;
  }
}

/**
 * Empty-cluster policy (as scikit-learn's Lloyd): each empty centre is re-seeded at one of the
 * points farthest from the centre they were assigned to (`centres`, those of the assignment just
 * made), taken in decreasing order of that distance, the earlier point first on ties; the point's
 * contribution moves from its old cluster's sum to the empty one. Labels are left as they are; the
 * next assignment step settles them. The distances are recomputed here (rare) rather than kept
 * per point. Returns the number of centres re-seeded.
 */
export function relocateEmptyClusters(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  buffers: LloydBuffers,
): number {
  const { labels, sums, counts } = buffers;
  let empty = 0;
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty++;
  if (empty === 0) return 0;
  // The `empty` farthest points, farthest first, earlier index first among equal distances.
  const chosen: number[] = [];
  const chosenDistances: number[] = [];
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    const distance = squaredDistance(data, offset, centres, (labels[i] as number) * d, d);
    if (!(distance >= 0)) continue;
    if (chosen.length === empty && !(distance > (chosenDistances[empty - 1] as number))) continue;
    let at = chosen.length === empty ? empty - 1 : chosen.length;
    while (at > 0 && distance > (chosenDistances[at - 1] as number)) {
      chosen[at] = chosen[at - 1] as number;
      chosenDistances[at] = chosenDistances[at - 1] as number;
      at--;
    }
    chosen[at] = i;
    chosenDistances[at] = distance;
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
 * Lloyd iterations from `initial` centres (copied), with the given buffers and bounds (null:
 * plain assignment), both reset first. Stops when no label changes or when the total squared
 * centre shift is at most `shiftTolerance`, or after `maxIterations`. This is the iteration
 * scikit-learn's `_kmeans_single_lloyd` runs.
 */
export function* lloydSteps(
  data: Float64Array,
  n: number,
  d: number,
  initial: Float64Array,
  k: number,
  maxIterations: number,
  shiftTolerance: number,
  buffers: LloydBuffers,
  bounds: HamerlyBounds | null,
): Generator<LloydStep, void, void> {
  let centres = Float64Array.from(initial);
  let spare = new Float64Array(k * d);
  buffers.labels.fill(-1);
  if (bounds !== null) bounds.ready = false;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { inertia, changed } =
      bounds === null
        ? assignAndAccumulate(data, n, d, centres, k, buffers, true)
        : assignBounded(data, n, d, centres, k, buffers, bounds);
    const relocated = relocateEmptyClusters(data, n, d, k, centres, buffers);
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
 * Runs Lloyd to the end; the labels are left in `buffers.labels` (returned, not copied). When the
 * run did not stop on unchanged labels, one more assignment pass makes the labels match the final
 * centres (as scikit-learn does); the inertia is that of the final labels against the final centres.
 */
export function runLloydWith(
  data: Float64Array,
  n: number,
  d: number,
  initial: Float64Array,
  k: number,
  maxIterations: number,
  shiftTolerance: number,
  buffers: LloydBuffers,
  bounds: HamerlyBounds | null,
): LloydRun {
  let last: LloydStep | undefined;
  for (const step of lloydSteps(data, n, d, initial, k, maxIterations, shiftTolerance, buffers, bounds))
    last = step;
  // maxIterations >= 1, so there is a last step; its centres are no longer written to.
  const { iteration, changed, converged, inertia } = last as LloydStep;
  const centres = Float64Array.from((last as LloydStep).centres);
  return {
    centres,
    labels: buffers.labels,
    inertia: changed === 0 ? inertia : assignAndAccumulate(data, n, d, centres, k, buffers, false).inertia,
    iterations: iteration,
    converged,
  };
}

/** How many uniform draws k-means++ seeding takes for k centres: one start, then 2 + floor(ln k) per centre. */
export function seedingDrawCount(k: number): number {
  return 1 + (k - 1) * (2 + Math.floor(Math.log(k)));
}

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007, with the greedy variant of
 * scikit-learn: `2 + floor(ln k)` candidates per centre, keeping the one that lowers the
 * potential most), from draws made beforehand (`draws[0]` the first point's index, then one
 * uniform number in [0, 1) per candidate), so a worker seeds exactly as the serial run would.
 * Candidates are drawn proportional to the squared distance to the nearest chosen centre, by a
 * scan of the running sum (the first point where it exceeds the target). `closest` (n numbers)
 * is scratch. Assumes at least k distinct points. O(n k d log k) time, no allocation beyond the
 * centres.
 */
export function seedFromDraws(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  draws: Float64Array,
  closest: Float64Array,
  kernels: LloydKernels,
): Float64Array {
  const centres = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const chosen = new Int32Array(trials);
  const candidates = new Float64Array(4 * d);
  const potentials = new Float64Array(4);
  const potentialOf = new Float64Array(trials);
  const start = draws[0] as number;
  centres.set(data.subarray(start * d, start * d + d), 0);
  let total = kernels.closest(data, n, d, start * d, closest, true);
  let draw = 1;
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      const target = (draws[draw++] as number) * total;
      let candidate = n - 1;
      let running = 0;
      for (let i = 0; i < n; i++) {
        running += closest[i] as number;
        if (running > target) {
          candidate = i;
          break;
        }
      }
      // Skip points already at a centre (zero weight) that rounding could land on.
      while (candidate < n - 1 && closest[candidate] === 0) candidate++;
      chosen[t] = candidate;
    }
    // The potentials of four candidates per pass over the data (the last one repeated as padding).
    for (let from = 0; from < trials; from += 4) {
      for (let slot = 0; slot < 4; slot++) {
        const candidate = chosen[Math.min(from + slot, trials - 1)] as number;
        candidates.set(data.subarray(candidate * d, candidate * d + d), slot * d);
      }
      kernels.potential(data, n, d, candidates, closest, potentials);
      for (let slot = 0; slot < 4 && from + slot < trials; slot++)
        potentialOf[from + slot] = potentials[slot] as number;
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if ((potentialOf[t] as number) < (potentialOf[best] as number)) best = t;
    const bestCandidate = chosen[best] as number;
    centres.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    total = kernels.closest(data, n, d, bestCandidate * d, closest, false);
  }
  return centres;
}

/*
 * The general point loops (any d, a loop over features): the kernels where d is beyond
 * `UNROLL_LIMIT` or code generation is forbidden (a strict Content-Security-Policy), see
 * `kernels/kernels.ts`. Same signatures and the same arithmetic, in the same order, as the
 * written-out kernels of `kernels/source.ts`, so results are bit-identical whichever runs.
 */

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
    const distance = squaredDistance(data, offset, centres, at, d);
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

function scanFirst(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
  tally: Float64Array,
): void {
  scanAll(data, n, d, centres, k, labels, lower, sums, counts, true, tally, true);
}

function scanBounded(
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
  lower: Float64Array,
  halfGap: Float64Array,
  largestAt: number,
  largest: number,
  second: number,
  tally: Float64Array,
): void {
  const scan = new Float64Array(3);
  let inertia = 0;
  let changed = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    let best = labels[i] as number;
    let bestDistance = squaredDistance(data, offset, centres, best * d, d);
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
}

function closestDistances(
  data: Float64Array,
  n: number,
  d: number,
  pointAt: number,
  nearest: Float64Array,
  isFirst: boolean,
): number {
  let total = 0;
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    const distance = squaredDistance(data, offset, data, pointAt, d);
    const kept = isFirst ? distance : Math.min(distance, nearest[i] as number);
    nearest[i] = kept;
    total += kept;
  }
  return total;
}

function candidatePotentials(
  data: Float64Array,
  n: number,
  d: number,
  candidates: Float64Array,
  nearest: Float64Array,
  potentials: Float64Array,
): void {
  potentials.fill(0, 0, 4);
  for (let i = 0, offset = 0; i < n; i++, offset += d) {
    const current = nearest[i] as number;
    for (let t = 0; t < 4; t++)
      potentials[t] =
        (potentials[t] as number) + Math.min(squaredDistance(data, offset, candidates, t * d, d), current);
  }
}

/** The general kernels (any d; no tree kernel), built anew (in a worker, from this text). */
export function makeGenericKernels(): LloydKernels {
  return {
    plain: scanAll,
    first: scanFirst,
    bounded: scanBounded,
    closest: closestDistances,
    potential: candidatePotentials,
    tree: null,
  };
}

/** One fit's restarts as shared between threads (see {@link runRestartShare}). */
export interface RestartJob {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly restarts: number;
  /** {@link seedingDrawCount} draws per restart, restart after restart (none with `initial`). */
  readonly draws: Float64Array;
  /** Given initial centres (then a single restart starts from them), or null: k-means++ from the draws. */
  readonly initial: Float64Array | null;
  readonly maxIterations: number;
  readonly shiftTolerance: number;
  readonly bounded: boolean;
  /** [next restart to claim, threads finished, threads joined, restarts finished, threads failed]. */
  readonly control: Int32Array;
  /** Per restart (stride 3 + k d): inertia, iterations, converged (0 or 1), centres. */
  readonly results: Float64Array;
}

/**
 * A share of the restarts of one fit, run by the calling thread: restarts are claimed one at a
 * time from `job.control[0]` (an atomic counter, so threads share them dynamically), seeded from
 * their own draws (or started from `job.initial`) and run to the end; each one's outcome goes to its row of `job.results`, then
 * `control[3]` counts it and `onRestart` (if any) is called. Returns the best restart this thread
 * ran (lowest inertia, the lowest index on ties) with a copy of its labels (or -1 and null), and
 * how many restarts it ran.
 * Buffers are allocated at the first claim, once per thread: 12n bytes plus 4n for the best labels.
 */
export function runRestartShare(
  job: RestartJob,
  kernels: LloydKernels,
  onRestart: (() => void) | null,
): { restart: number; labels: Int32Array | null; count: number } {
  const { data, n, d, k, restarts, draws, maxIterations, shiftTolerance, bounded, control, results } = job;
  const drawCount = seedingDrawCount(k);
  const stride = 3 + k * d;
  let buffers: LloydBuffers | null = null;
  let bounds: HamerlyBounds | null = null;
  let closest: Float64Array = new Float64Array(0);
  let bestRestart = -1;
  let bestInertia = Number.POSITIVE_INFINITY;
  let bestLabels: Int32Array | null = null;
  let count = 0;
  for (;;) {
    const r = Atomics.add(control, 0, 1);
    if (r >= restarts) break;
    count++;
    if (buffers === null) {
      buffers = makeBuffers(n, d, k, kernels, false);
      bounds = bounded ? createBounds(n, d, k) : null;
      closest = bounds === null ? new Float64Array(n) : bounds.lower;
    }
    const initial =
      job.initial ??
      seedFromDraws(data, n, d, k, draws.subarray(r * drawCount, (r + 1) * drawCount), closest, kernels);
    const run = runLloydWith(data, n, d, initial, k, maxIterations, shiftTolerance, buffers, bounds);
    const at = r * stride;
    results[at] = run.inertia;
    results[at + 1] = run.iterations;
    results[at + 2] = run.converged ? 1 : 0;
    results.set(run.centres, at + 3);
    if (bestRestart < 0 || run.inertia < bestInertia) {
      bestRestart = r;
      bestInertia = run.inertia;
      if (bestLabels === null) bestLabels = new Int32Array(n);
      bestLabels.set(run.labels);
    }
    Atomics.add(control, 3, 1);
    if (onRestart !== null) onRestart();
  }
  return { restart: bestRestart, labels: bestLabels, count };
}

/**
 * A restart worker's entry point (`parallel.ts` calls its text in the worker, after the engine's): joins
 * the fit (`control[2]`), runs a share of its restarts with the kernels for d and posts the outcome
 * (the best restart it ran and its labels, or the error), then counts itself finished (`control[1]`,
 * and `control[4]` on failure) and wakes the calling thread.
 */
export function restartWorker(
  job: RestartJob,
  port: { postMessage(message: unknown, transfer: unknown[]): void },
  kernels: LloydKernels,
): void {
  const { control } = job;
  Atomics.add(control, 2, 1);
  let message: { restart: number; labels: Int32Array | null; count: number } | { error: string };
  let transfer: unknown[] = [];
  try {
    message = runRestartShare(job, kernels, null);
    if (message.labels !== null) transfer = [message.labels.buffer];
  } catch (error) {
    message = { error: String((error as Error | null)?.stack ?? error) };
    Atomics.add(control, 4, 1);
  }
  port.postMessage(message, transfer);
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
}

/**
 * The engine functions and the general kernels', whose text `parallel.ts` gives to restart workers:
 * each uses only the others, its arguments and globals.
 */
export const ENGINE = [
  squaredDistance,
  makeBuffers,
  assignAndAccumulate,
  createBounds,
  assignBounded,
  measureMovement,
  computeHalfGaps,
  treeIsExact,
  largestMagnitude,
  assignTreeThree,
  relocateEmptyClusters,
  updateCentres,
  lloydSteps,
  runLloydWith,
  seedingDrawCount,
  seedFromDraws,
  runRestartShare,
  addPoint,
  scanTwo,
  scanAll,
  scanFirst,
  scanBounded,
  closestDistances,
  candidatePotentials,
] as const;
