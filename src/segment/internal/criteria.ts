/**
 * Internal clustering criteria on a flat matrix and integer labels, as defined in
 * scikit-learn 1.2 (sklearn.metrics.cluster._unsupervised). Labels are 0..k-1;
 * labels with no member are ignored, as if the present labels were renumbered.
 */
import type { Random } from "../../core/index.js";
import { squaredDistance } from "./lloyd.js";

interface ClusterStats {
  readonly present: number;
  readonly counts: Float64Array;
  readonly centroids: Float64Array;
}

function clusterStats(data: Float64Array, n: number, d: number, labels: Int32Array, k: number): ClusterStats {
  const counts = new Float64Array(k);
  const centroids = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const label = labels[i] as number;
    counts[label] = (counts[label] as number) + 1;
    for (let j = 0; j < d; j++)
      centroids[label * d + j] = (centroids[label * d + j] as number) + (data[i * d + j] as number);
  }
  let present = 0;
  for (let c = 0; c < k; c++) {
    const count = counts[c] as number;
    if (count === 0) continue;
    present++;
    for (let j = 0; j < d; j++) centroids[c * d + j] = (centroids[c * d + j] as number) / count;
  }
  return { present, counts, centroids };
}

/** Cluster statistics, or null when fewer than 2 or as many as n clusters are present (index undefined). */
function definedClusterStats(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
): ClusterStats | null {
  const stats = clusterStats(data, n, d, labels, k);
  return stats.present < 2 || stats.present >= n ? null : stats;
}

/**
 * Calinski-Harabasz index: (between dispersion / (k - 1)) / (within dispersion / (n - k)).
 * 1 when the within dispersion is 0 (scikit-learn's convention). Needs 2 <= k < n. O(n d).
 */
export function calinskiHarabasz(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
): number | null {
  const stats = definedClusterStats(data, n, d, labels, k);
  if (stats === null) return null;
  const { present, counts, centroids } = stats;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (data[i * d + j] as number);
  for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) / n;
  let between = 0;
  for (let c = 0; c < k; c++) {
    const count = counts[c] as number;
    if (count === 0) continue;
    between += count * squaredDistance(centroids, c * d, mean, 0, d);
  }
  let within = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i] as number;
    for (let j = 0; j < d; j++) {
      const difference = (data[i * d + j] as number) - (centroids[label * d + j] as number);
      within += difference * difference;
    }
  }
  if (within === 0) return 1;
  return (between * (n - present)) / (within * (present - 1));
}

/**
 * Davies-Bouldin index: mean over clusters of max over other clusters of
 * (s_i + s_j) / |c_i - c_j|, s the mean distance of members to their centroid.
 * 0 when every s or every centroid distance is 0 (scikit-learn's convention). O(n d + k^2 d).
 */
export function daviesBouldin(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
): number | null {
  const stats = definedClusterStats(data, n, d, labels, k);
  if (stats === null) return null;
  const { counts, centroids } = stats;
  const scatter = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const label = labels[i] as number;
    const distance = squaredDistance(data, i * d, centroids, label * d, d);
    scatter[label] = (scatter[label] as number) + Math.sqrt(distance);
  }
  const clusters: number[] = [];
  for (let c = 0; c < k; c++) if ((counts[c] as number) > 0) clusters.push(c);
  let allScatterZero = true;
  for (const c of clusters) {
    scatter[c] = (scatter[c] as number) / (counts[c] as number);
    if (scatter[c] !== 0) allScatterZero = false;
  }
  let allCentresEqual = true;
  const separation = (a: number, b: number) =>
    Math.sqrt(squaredDistance(centroids, a * d, centroids, b * d, d));
  for (let x = 0; x < clusters.length && allCentresEqual; x++)
    for (let y = x + 1; y < clusters.length; y++)
      if (separation(clusters[x] as number, clusters[y] as number) !== 0) {
        allCentresEqual = false;
        break;
      }
  if (allScatterZero || allCentresEqual) return 0;
  let total = 0;
  for (const a of clusters) {
    let worst = 0;
    for (const b of clusters) {
      if (a === b) continue;
      const distance = separation(a, b);
      const ratio = distance === 0 ? 0 : ((scatter[a] as number) + (scatter[b] as number)) / distance;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / clusters.length;
}

/**
 * Mean silhouette of the rows in `sample` (all rows when undefined), with distances
 * among sampled rows only, as `silhouette_score(X, labels, sample_size=s)`. A row alone
 * in its cluster (within the sample) scores 0. Needs 2..s-1 clusters present. O(s^2 d).
 */
export function silhouette(
  data: Float64Array,
  d: number,
  labels: Int32Array,
  k: number,
  sample: Int32Array,
): number | null {
  const s = sample.length;
  const counts = new Float64Array(k);
  for (let x = 0; x < s; x++) {
    const label = labels[sample[x] as number] as number;
    counts[label] = (counts[label] as number) + 1;
  }
  let present = 0;
  for (let c = 0; c < k; c++) if ((counts[c] as number) > 0) present++;
  if (present < 2 || present >= s) return null;
  const sums = new Float64Array(k);
  let total = 0;
  for (let x = 0; x < s; x++) {
    const row = sample[x] as number;
    const own = labels[row] as number;
    sums.fill(0);
    const rowOffset = row * d;
    for (let y = 0; y < s; y++) {
      if (y === x) continue;
      const other = sample[y] as number;
      const otherOffset = other * d;
      const distance = squaredDistance(data, rowOffset, data, otherOffset, d);
      const label = labels[other] as number;
      sums[label] = (sums[label] as number) + Math.sqrt(distance);
    }
    const ownCount = counts[own] as number;
    if (ownCount <= 1) continue; // silhouette 0
    const a = (sums[own] as number) / (ownCount - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      if (c === own || (counts[c] as number) === 0) continue;
      const mean = (sums[c] as number) / (counts[c] as number);
      if (mean < b) b = mean;
    }
    const denominator = Math.max(a, b);
    total += denominator === 0 ? 0 : (b - a) / denominator;
  }
  return total / s;
}

/** All row indices, or a seeded sample of `size` of them without replacement (sorted). */
export function sampleRows(n: number, size: number, random: Random): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (size >= n) return all;
  for (let i = 0; i < size; i++) {
    const j = i + random.integer(n - i);
    const held = all[i] as number;
    all[i] = all[j] as number;
    all[j] = held;
  }
  return all.subarray(0, size).sort();
}
