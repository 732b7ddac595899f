/**
 * Two-group statistics of a PLS model and their permutation distribution, shared by micom and plsMultigroup:
 * - compositional correlation per construct (MICOM step 2): c = cor(X w⁽¹⁾, X w⁽²⁾) on the pooled standardised
 *   items, = w₁' S w₂ / sqrt(w₁' S w₁ · w₂' S w₂) with S the pooled correlation matrix of the block (1 for a
 *   single-item block);
 * - composite mean difference and log variance ratio per construct (MICOM step 3) of the pooled-weight scores
 *   (pooled standardisation, so the mean difference is in pooled SD units);
 * - path coefficients per group and their difference (MGA).
 * A statistic vector is laid out as [c (m), mean diff (m), log var ratio (m), paths1 (P), paths2 (P), diff (P)].
 */
import { seededStream } from "../../core/internal/seededStream.js";
import { type SubsetEstimator, type SubsetFailure, subsetEstimator } from "./groupSubset.js";
import type { PreparedPlsData } from "./plsPrepare.js";
import type { ResolvedPlsModel } from "./plsSpec.js";

/** Offsets of the statistic blocks in one statistic vector. */
export interface GroupLayout {
  readonly constructs: number;
  readonly paths: number;
  readonly compositional: number;
  readonly meanDifference: number;
  readonly logVarianceRatio: number;
  readonly paths1: number;
  readonly paths2: number;
  readonly pathDifference: number;
  readonly width: number;
}

export function groupLayout(m: number, pathCount: number): GroupLayout {
  return {
    constructs: m,
    paths: pathCount,
    compositional: 0,
    meanDifference: m,
    logVarianceRatio: 2 * m,
    paths1: 3 * m,
    paths2: 3 * m + pathCount,
    pathDifference: 3 * m + 2 * pathCount,
    width: 3 * m + 3 * pathCount,
  };
}

/** Computes the statistics of a labelling (0 / 1 per row used). */
export interface GroupStatistics {
  readonly layout: GroupLayout;
  /** Fills `out[offset .. offset + width)`; returns the failure of a group estimation, if any. */
  compute(labels: Uint8Array, out: Float64Array, offset: number): SubsetFailure | undefined;
  /** The estimator over the pooled data (its state is that of the last estimation). */
  readonly estimator: SubsetEstimator;
  readonly model: ResolvedPlsModel;
}

export function groupStatistics(
  model: ResolvedPlsModel,
  data: PreparedPlsData,
): GroupStatistics | SubsetFailure {
  const { spec } = model;
  const n = data.matrix.rowCount;
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const pathCount = model.pathIndex.length;
  const layout = groupLayout(m, pathCount);
  const estimator = subsetEstimator(model, data);
  const counts = new Float64Array(n);
  counts.fill(1);
  const pooledFailure = estimator.fit(counts);
  if (pooledFailure !== undefined && pooledFailure !== "notConverged") return pooledFailure;
  const values = data.matrix.values;
  const S = data.correlation;
  // Pooled-weight scores on the pooled standardised items, column-major m x n.
  const scores = new Float64Array(m * n);
  for (let k = 0; k < m; k++) {
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let a = spec.blockStart[k] as number; a < (spec.blockStart[k + 1] as number); a++)
        sum +=
          (((values[i * p + a] as number) - (data.mean[a] as number)) / (data.sd[a] as number)) *
          (estimator.work.weights[a] as number);
      scores[k * n + i] = sum;
    }
  }
  const weights1 = new Float64Array(p);

  function fitGroup(labels: Uint8Array, group: number): SubsetFailure | undefined {
    for (let i = 0; i < n; i++) counts[i] = labels[i] === group ? 1 : 0;
    return estimator.fit(counts);
  }
  function quadratic(k: number, x: Float64Array, y: Float64Array): number {
    let sum = 0;
    const start = spec.blockStart[k] as number;
    const end = spec.blockStart[k + 1] as number;
    for (let a = start; a < end; a++) {
      let row = 0;
      for (let b = start; b < end; b++) row += (S[a * p + b] as number) * (y[b] as number);
      sum += (x[a] as number) * row;
    }
    return sum;
  }

  return {
    layout,
    compute(labels, out, offset) {
      const work = estimator.work;
      let failure = fitGroup(labels, 0);
      if (failure !== undefined) return failure;
      weights1.set(work.weights);
      model.pathIndex.forEach(([from, to], r) => {
        out[offset + layout.paths1 + r] = work.paths[from * m + to] as number;
      });
      failure = fitGroup(labels, 1);
      if (failure !== undefined) return failure;
      const weights2 = work.weights;
      model.pathIndex.forEach(([from, to], r) => {
        const second = work.paths[from * m + to] as number;
        out[offset + layout.paths2 + r] = second;
        out[offset + layout.pathDifference + r] = (out[offset + layout.paths1 + r] as number) - second;
      });
      for (let k = 0; k < m; k++) {
        const size = (spec.blockStart[k + 1] as number) - (spec.blockStart[k] as number);
        out[offset + layout.compositional + k] =
          size === 1
            ? 1
            : quadratic(k, weights1, weights2) /
              Math.sqrt(quadratic(k, weights1, weights1) * quadratic(k, weights2, weights2));
        let count0 = 0;
        let count1 = 0;
        let sum0 = 0;
        let sum1 = 0;
        for (let i = 0; i < n; i++) {
          const y = scores[k * n + i] as number;
          if (labels[i] === 0) {
            count0++;
            sum0 += y;
          } else {
            count1++;
            sum1 += y;
          }
        }
        const mean0 = sum0 / count0;
        const mean1 = sum1 / count1;
        let ss0 = 0;
        let ss1 = 0;
        for (let i = 0; i < n; i++) {
          const y = scores[k * n + i] as number;
          if (labels[i] === 0) ss0 += (y - mean0) ** 2;
          else ss1 += (y - mean1) ** 2;
        }
        out[offset + layout.meanDifference + k] = mean0 - mean1;
        out[offset + layout.logVarianceRatio + k] = Math.log(ss0 / (count0 - 1) / (ss1 / (count1 - 1)));
      }
      return undefined;
    },
    estimator,
    model,
  };
}

/** The permutation distribution: `permuted` holds `valid` statistic vectors; `skipped` failed to estimate. */
export interface PermutationDistribution {
  readonly original: Float64Array;
  readonly permuted: Float64Array;
  readonly valid: number;
  readonly skipped: number;
}

/**
 * Statistics of the original labelling and of `count` permutations of it: the given `labelSets` (tests replay
 * another implementation's permutations) or seeded Fisher-Yates shuffles of the labels.
 */
export function permutationDistribution(
  statistics: GroupStatistics,
  labels: Uint8Array,
  count: number,
  seed: number,
  labelSets?: readonly Uint8Array[],
  onTick?: (done: number) => void,
): PermutationDistribution | SubsetFailure {
  const width = statistics.layout.width;
  const original = new Float64Array(width);
  const failure = statistics.compute(labels, original, 0);
  if (failure !== undefined) return failure;
  const total = labelSets?.length ?? count;
  const permuted = new Float64Array(total * width);
  const random = seededStream(seed);
  const shuffled = labels.slice();
  let valid = 0;
  let skipped = 0;
  for (let r = 0; r < total; r++) {
    let current: Uint8Array;
    if (labelSets !== undefined) current = labelSets[r] as Uint8Array;
    else {
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = random.integer(i + 1);
        const held = shuffled[i] as number;
        shuffled[i] = shuffled[j] as number;
        shuffled[j] = held;
      }
      current = shuffled;
    }
    if (statistics.compute(current, permuted, valid * width) === undefined) valid++;
    else skipped++;
    onTick?.(r + 1);
  }
  return { original, permuted, valid, skipped };
}

/**
 * (1 + number of permuted values at least as extreme) / (valid + 1); `lowerTail` for the one-sided c test.
 * Values within 1e-10 (relative) of the observed one count as ties, hence as extreme: statistics of discrete
 * items (a single-item block's mean difference) tie exactly in exact arithmetic, and rounding must not decide.
 */
export function permutationPValue(
  distribution: PermutationDistribution,
  width: number,
  index: number,
  lowerTail: boolean,
): number {
  const observed = distribution.original[index] as number;
  const slack = 1e-10 * Math.max(1, Math.abs(observed));
  let extreme = 0;
  for (let r = 0; r < distribution.valid; r++) {
    const value = distribution.permuted[r * width + index] as number;
    if (lowerTail ? value <= observed + slack : Math.abs(value) >= Math.abs(observed) - slack) extreme++;
  }
  return (1 + extreme) / (distribution.valid + 1);
}

/** The permuted values of one statistic, sorted ascending. */
export function permutedColumn(
  distribution: PermutationDistribution,
  width: number,
  index: number,
): Float64Array {
  const column = new Float64Array(distribution.valid);
  for (let r = 0; r < distribution.valid; r++) column[r] = distribution.permuted[r * width + index] as number;
  return column.sort();
}
