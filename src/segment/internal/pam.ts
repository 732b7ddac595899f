/**
 * Partitioning Around Medoids on a distance matrix in R dist order: BUILD and the original SWAP
 * (Kaufman & Rousseeuw 1990) with cluster::pam's tie rules and stopping tolerance, FastPAM2's
 * SWAP (Schubert & Rousseeuw 2019, cluster::pam(pamonce = 5)), and the seeded LAB initialisation.
 */
import type { Random } from "../../core/index.js";

/** Distances from row h to every row (0 for h itself), written into `out`. O(n). */
export function fillRow(values: Float64Array, n: number, h: number, out: Float64Array): void {
  // j < h: index(j) = n j - j (j + 1) / 2 + h - j - 1, which grows by n - j - 2 from j to j + 1
  let index = h - 1;
  for (let j = 0; j < h; j++) {
    out[j] = values[index] as number;
    index += n - j - 2;
  }
  out[h] = 0;
  const start = n * h - (h * (h + 1)) / 2;
  for (let j = h + 1; j < n; j++) out[j] = values[start + j - h - 1] as number;
}

export interface PamRun {
  /** Medoid row indices, ascending after BUILD then in the order SWAP keeps them. */
  readonly medoids: Int32Array;
  /** Sum of distances to the nearest medoid after BUILD (or LAB) and after SWAP. */
  readonly buildTotal: number;
  readonly swapTotal: number;
  readonly swaps: number;
}

/** Largest distance (0 for fewer than 2 rows). */
export function maxDistance(values: Float64Array): number {
  let s = 0;
  for (let index = 0; index < values.length; index++)
    if (s < (values[index] as number)) s = values[index] as number;
  return s;
}

/**
 * BUILD: k greedy medoids, each the non-medoid most reducing the total distance (ties: the last row,
 * as cluster::pam). Each step reads the distances once in storage order (column by column of the
 * lower triangle) and credits both rows of every pair, which adds each candidate's terms in the
 * same order as cluster::pam's row loop (j = 1..n), so the sums and ties are R's.
 */
export function build(values: Float64Array, n: number, k: number, big: number): Uint8Array {
  const isMedoid = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(big);
  const gains = new Float64Array(n);
  const row = new Float64Array(n);
  for (let step = 0; step < k; step++) {
    gains.fill(0);
    let index = 0;
    for (let j = 0; j < n; j++) {
      // the pair (i, j) for every i < j came in earlier columns; now d(j, j) = 0, then i > j
      const self = nearest[j] as number;
      if (self > 0) gains[j] = (gains[j] as number) + self;
      const nearestJ = nearest[j] as number;
      let gainJ = gains[j] as number;
      for (let i = j + 1; i < n; i++) {
        const d = values[index++] as number;
        const forI = nearestJ - d;
        if (forI > 0) gains[i] = (gains[i] as number) + forI;
        const forJ = (nearest[i] as number) - d;
        if (forJ > 0) gainJ += forJ;
      }
      gains[j] = gainJ;
    }
    let bestGain = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (isMedoid[i]) continue;
      if (bestGain <= (gains[i] as number)) {
        bestGain = gains[i] as number;
        best = i;
      }
    }
    isMedoid[best] = 1;
    fillRow(values, n, best, row);
    for (let j = 0; j < n; j++)
      if ((nearest[j] as number) > (row[j] as number)) nearest[j] = row[j] as number;
  }
  return isMedoid;
}

/**
 * LAB (Schubert & Rousseeuw 2019): each of the k medoids is the best of a random sample of
 * 10 + ceil(sqrt(n)) non-medoids, judged on that sample only. O(k n) distance lookups.
 */
export function lab(values: Float64Array, n: number, k: number, big: number, random: Random): Uint8Array {
  const isMedoid = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(big);
  const row = new Float64Array(n);
  const sampleSize = 10 + Math.ceil(Math.sqrt(n));
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  let poolSize = n;
  for (let step = 0; step < k; step++) {
    const m = Math.min(sampleSize, poolSize);
    // partial Fisher-Yates: the first m entries of the pool become the sample
    for (let s = 0; s < m; s++) {
      const pick = s + random.integer(poolSize - s);
      const swap = pool[s] as number;
      pool[s] = pool[pick] as number;
      pool[pick] = swap;
    }
    let best = pool[0] as number;
    let bestChange = Number.POSITIVE_INFINITY;
    for (let s = 0; s < m; s++) {
      const candidate = pool[s] as number;
      let change = 0;
      for (let t = 0; t < m; t++) {
        const j = pool[t] as number;
        const d = candidate === j ? 0 : (values[pairIndex(n, candidate, j)] as number);
        if (d < (nearest[j] as number)) change += d - (nearest[j] as number);
      }
      if (change < bestChange) {
        bestChange = change;
        best = candidate;
      }
    }
    isMedoid[best] = 1;
    const at = pool.indexOf(best, 0);
    pool[at] = pool[poolSize - 1] as number;
    poolSize--;
    fillRow(values, n, best, row);
    for (let j = 0; j < n; j++)
      if ((nearest[j] as number) > (row[j] as number)) nearest[j] = row[j] as number;
  }
  return isMedoid;
}

function pairIndex(n: number, i: number, j: number): number {
  const low = i < j ? i : j;
  const high = i < j ? j : i;
  return n * low - (low * (low + 1)) / 2 + high - low - 1;
}

/** Total distance of every row to its nearest medoid. */
function totalDistance(values: Float64Array, n: number, medoids: Int32Array, big: number): number {
  const nearest = new Float64Array(n).fill(big);
  const row = new Float64Array(n);
  for (const m of medoids) {
    fillRow(values, n, m, row);
    for (let j = 0; j < n; j++)
      if ((nearest[j] as number) > (row[j] as number)) nearest[j] = row[j] as number;
  }
  let sum = 0;
  for (let j = 0; j < n; j++) sum += nearest[j] as number;
  return sum;
}

const EPSILON16 = 16 * Number.EPSILON;

/**
 * Runs PAM from the given initial medoids: `method` "pam" is cluster::pam's original SWAP
 * (best swap over all medoid / non-medoid pairs, one per pass), "fastpam" its FastPAM2 SWAP
 * (the best swap per medoid from one O(n²) pass, then further eager swaps, re-checked).
 */
export function pam(
  values: Float64Array,
  n: number,
  initial: Uint8Array,
  method: "pam" | "fastpam",
  maxSwaps: number,
): PamRun {
  const big = maxDistance(values) * 1.1 + 1;
  const isMedoid = Uint8Array.from(initial);
  const medoids = new Int32Array(isMedoid.reduce((sum, flag) => sum + flag, 0));
  for (let i = 0, c = 0; i < n; i++) if (isMedoid[i]) medoids[c++] = i;
  const k = medoids.length;
  const buildTotal = totalDistance(values, n, medoids, big);
  let sky = buildTotal;
  let swaps = 0;
  const nearest = new Float64Array(n);
  const second = new Float64Array(n);
  const membership = new Int32Array(n);
  const row = new Float64Array(n);
  const medoidRows = new Float64Array(k * n);
  const gains = method === "fastpam" ? new Float64Array(n * k) : new Float64Array(0);
  const shared = method === "fastpam" ? new Float64Array(n) : new Float64Array(0);

  const refresh = () => {
    // nearest and second-nearest medoid distances, scanning medoids in their array order
    nearest.fill(big);
    second.fill(big);
    for (let c = 0; c < k; c++) {
      const rowOffset = c * n;
      fillRow(values, n, medoids[c] as number, row);
      medoidRows.set(row, rowOffset);
    }
    for (let j = 0; j < n; j++) {
      let a = big;
      let b = big;
      let member = 0;
      for (let c = 0; c < k; c++) {
        const d = medoidRows[c * n + j] as number;
        if (a > d) {
          b = a;
          a = d;
          member = c;
        } else if (b > d) b = d;
      }
      nearest[j] = a;
      second[j] = b;
      membership[j] = member;
    }
  };

  /**
   * Change of the total for replacing medoid slot c by the candidate h whose distances `row` holds
   * (`fillRow(values, n, h, row)`): cluster::pam's T_ih.
   */
  const swapChange = (c: number): number => {
    let change = 0;
    const offset = c * n;
    for (let j = 0; j < n; j++) {
      const di = medoidRows[offset + j] as number;
      const dh = row[j] as number;
      const a = nearest[j] as number;
      if (di === a) {
        const b = second[j] as number;
        change += (b > dh ? dh : b) - a;
      } else if (dh < a) change += dh - a;
    }
    return change;
  };

  // A swap is kept only when the exact total distance falls. With distances near the smallest doubles
  // (1e-190, say) the gains' rounding can claim an improvement that is not there, and PAM would swap
  // back and forth for ever; on ordinary data a swap that passes the tolerance always lowers the total.
  let exactTotal = totalDistance(values, n, medoids, big);
  const commit = (slot: number, h: number): boolean => {
    const previous = medoids[slot] as number;
    medoids[slot] = h;
    const total = totalDistance(values, n, medoids, big);
    if (!(total < exactTotal)) {
      medoids[slot] = previous;
      return false;
    }
    isMedoid[h] = 1;
    isMedoid[previous] = 0;
    exactTotal = total;
    return true;
  };

  // k = 1: cluster::pam runs no SWAP either (BUILD's single medoid minimises the total)
  while (k > 1 && swaps < maxSwaps) {
    refresh();
    let bestChange = 1;
    let bestH = -1;
    let bestSlot = -1;
    if (method === "pam") {
      // medoid slots in ascending row order, as cluster::pam loops over i = 1..n
      const slots = Array.from(medoids.keys()).sort(
        (x, y) => (medoids[x] as number) - (medoids[y] as number),
      );
      for (let h = 0; h < n; h++) {
        if (isMedoid[h]) continue;
        fillRow(values, n, h, row);
        for (const c of slots) {
          const change = swapChange(c);
          if (bestChange > change) {
            bestChange = change;
            bestH = h;
            bestSlot = c;
          }
        }
      }
      if (!(bestChange < -EPSILON16 * Math.abs(sky)) || !commit(bestSlot, bestH)) break;
      sky += bestChange;
      swaps++;
      continue;
    }
    // FastPAM2
    const removeLoss = new Float64Array(k);
    for (let j = 0; j < n; j++) {
      const c = membership[j] as number;
      removeLoss[c] = (removeLoss[c] as number) + (second[j] as number) - (nearest[j] as number);
    }
    const bestLoss = new Float64Array(k).fill(1);
    const bestRow = new Int32Array(k).fill(-1);
    // Gains of every candidate h at once, reading the distances in storage order and crediting
    // both rows of each pair: per candidate the terms arrive for j = 0..n-1 in order, as in
    // cluster::pam's loop over j, so the sums (and ties) are R's.
    for (let h = 0; h < n; h++) {
      shared[h] = -(nearest[h] as number);
      const offset = h * k;
      for (let c = 0; c < k; c++) gains[offset + c] = 0;
      gains[offset + (membership[h] as number)] = (nearest[h] as number) - (second[h] as number);
    }
    let index = 0;
    for (let j = 0; j < n; j++) {
      const aj = nearest[j] as number;
      const bj = second[j] as number;
      const cj = membership[j] as number;
      const medoidJ = isMedoid[j] === 1;
      let sharedJ = shared[j] as number;
      const offsetJ = j * k;
      for (let i = j + 1; i < n; i++) {
        const d = values[index++] as number;
        // candidate i, point j
        if (d < aj) {
          shared[i] = (shared[i] as number) + d - aj;
          gains[i * k + cj] = (gains[i * k + cj] as number) + aj - bj;
        } else if (d < bj) gains[i * k + cj] = (gains[i * k + cj] as number) + d - bj;
        // candidate j, point i
        if (!medoidJ) {
          const ai = nearest[i] as number;
          if (d < ai) {
            sharedJ += d - ai;
            const ci = membership[i] as number;
            gains[offsetJ + ci] = (gains[offsetJ + ci] as number) + ai - (second[i] as number);
          } else {
            const bi = second[i] as number;
            if (d < bi) {
              const ci = membership[i] as number;
              gains[offsetJ + ci] = (gains[offsetJ + ci] as number) + d - bi;
            }
          }
        }
      }
      shared[j] = sharedJ;
    }
    for (let h = 0; h < n; h++) {
      if (isMedoid[h]) continue;
      const offset = h * k;
      for (let c = 0; c < k; c++) {
        const loss = (gains[offset + c] as number) + (shared[h] as number) + (removeLoss[c] as number);
        if (loss < (bestLoss[c] as number)) {
          bestLoss[c] = loss;
          bestRow[c] = h;
        }
      }
    }
    for (let c = 0; c < k; c++) {
      if ((bestLoss[c] as number) < bestChange) {
        bestChange = bestLoss[c] as number;
        bestSlot = c;
      }
    }
    if (bestSlot < 0 || !(bestChange < -EPSILON16 * Math.abs(sky))) break;
    bestH = bestRow[bestSlot] as number;
    if (!commit(bestSlot, bestH)) break;
    sky += bestChange;
    swaps++;
    // further swaps from the same pass, each re-checked exactly against the current medoids
    while (swaps < maxSwaps) {
      bestLoss[bestSlot] = 1;
      bestChange = 1;
      for (let c = 0; c < k; c++) {
        if ((bestLoss[c] as number) < bestChange) {
          bestChange = bestLoss[c] as number;
          bestSlot = c;
        }
      }
      if (!(bestChange < -EPSILON16 * Math.abs(sky))) break;
      bestH = bestRow[bestSlot] as number;
      refresh();
      fillRow(values, n, bestH, row);
      const exact = swapChange(bestSlot);
      if (!(exact < -EPSILON16 * Math.abs(sky)) || !commit(bestSlot, bestH)) break;
      sky += exact;
      swaps++;
    }
  }
  return { medoids, buildTotal, swapTotal: totalDistance(values, n, medoids, big), swaps };
}
