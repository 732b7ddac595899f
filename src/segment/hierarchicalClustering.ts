import { withDisplay } from "../core/index.js";
import { checkOptions, oneOf, required } from "../core/internal/optionRules.js";
import type { DistanceMatrix } from "./distanceMatrixTypes.js";
import type { GowerFieldSpec, GowerFieldType } from "./gowerDistance.js";
import { distanceIndex } from "./internal/distances.js";
import { gowerFieldsRule, gowerWeightsRule } from "./internal/gower.js";
import { resolveDistances } from "./internal/resolveDistances.js";

/**
 * Linkages of {@link hierarchicalClustering}, named as in R's `hclust(method = ...)`.
 *
 * @example
 * ```ts
 * const linkage: HierarchicalClusteringLinkage = "ward.D2";
 * ```
 */
export type HierarchicalClusteringLinkage = "ward.D2" | "average" | "complete" | "single";

/**
 * Options of {@link hierarchicalClustering}.
 *
 * @example
 * ```ts
 * const options: HierarchicalClusteringOptions<{ plan: string; spend: number }> = {
 *   linkage: "average", fields: { plan: "nominal", spend: "numeric" },
 * };
 * ```
 */
export interface HierarchicalClusteringOptions<T> {
  /**
   * `"ward.D2"` (Ward's minimum variance on distances, merging the pair that least increases the
   * within-segment sum of squares; heights are distances, as R's ward.D2), `"average"` (UPGMA),
   * `"complete"` (farthest pair) or `"single"` (nearest pair).
   */
  readonly linkage: HierarchicalClusteringLinkage;
  /** With records: the fields of Gower's distance, as in `gowerDistance`. */
  readonly fields?: Readonly<Record<string, GowerFieldType | GowerFieldSpec<T>>>;
  /** With records: field weights, as in `gowerDistance`. @defaultValue 1 for every field */
  readonly weights?: Readonly<Record<string, number>>;
}

/**
 * The merge tree of {@link hierarchicalClustering}, laid out as R's `hclust` object.
 *
 * @example
 * ```ts
 * // 1-D points 0, 1, 5
 * const tree = hierarchicalClustering(distanceMatrix([1, 5, 4], 3), { linkage: "single" });
 * tree.merge; // => [[-1, -2], [-3, 1]]
 * tree.height; // => Float64Array [1, 4]
 * tree.order; // => Int32Array [2, 0, 1]
 * ```
 */
export interface HierarchicalClusteringResult {
  /** Number of customers (leaves). */
  readonly size: number;
  readonly linkage: HierarchicalClusteringLinkage;
  /**
   * The n - 1 merges in order, in R's convention: an entry -r is the single customer of
   * (1-based) row r, i.e. input index r - 1; an entry s > 0 is the segment formed at merge s
   * (1-based). Singletons come before segments; two singletons or two segments are in
   * increasing order.
   */
  readonly merge: readonly (readonly [number, number])[];
  /** Height of each merge: the linkage's distance between the two segments merged. */
  readonly height: Float64Array;
  /** Input indices (0-based) in dendrogram order (R's `order`, minus 1). */
  readonly order: Int32Array;
}

/** Rules of hierarchicalClustering's options (exported for the equivalence test of segment's option rules; not in the module index). */
export const hierarchicalClusteringShape = {
  linkage: required(oneOf(["ward.D2", "average", "complete", "single"])),
  fields: gowerFieldsRule,
  weights: gowerWeightsRule,
};

const INFINITE = 1e300;

/**
 * Agglomerative hierarchical clustering of customers, as R's `stats::hclust`: starting from single
 * customers, the two closest segments are merged until one remains, with distances between a
 * merged segment and the others updated by the Lance-Williams formula of the linkage. The search
 * is R's (Murtagh's nearest-neighbour list: each segment keeps its nearest neighbour to the right,
 * the closest pair is taken with the lowest index on ties), so merges, heights and order are R's
 * even with tied distances (checked to 1e-9 on USArrests and the Gower distances of plantTraits,
 * for all four linkages). Cut the tree into segments with `cutTree`.
 *
 * Records are compared by Gower's distance over `fields`; or pass a distance matrix
 * (`euclideanDistances`, `gowerDistance`, `distanceMatrix`).
 *
 * Complexity: O(n²) time typically, O(n³) at worst; a working copy of the n (n - 1) / 2
 * distances (records are refused above 30,000 rows with a DistanceMatrixTooLargeError).
 *
 * @param data - customer records (with `fields`) or a {@link DistanceMatrix}; not mutated
 * @param options - see {@link HierarchicalClusteringOptions}
 * @returns the merge tree: merge, height and order as R's hclust
 * @throws InvalidOptionsError for an unknown linkage or key, fields missing with records or given with
 *   a distance matrix; InsufficientDataError for no customers; InvalidRecordError for values Gower's
 *   distance cannot take; DistanceMatrixTooLargeError above 30,000 records
 * @see F. Murtagh (1985), Multidimensional Clustering Algorithms, COMPSTAT Lectures 4;
 *   F. Murtagh and P. Legendre (2014), Ward's hierarchical agglomerative clustering method: which
 *   algorithms implement Ward's criterion?, J. Classification 31 (ward.D2).
 * @example
 * ```ts
 * const customers = [{ spend: 10 }, { spend: 12 }, { spend: 50 }, { spend: 55 }];
 * const tree = hierarchicalClustering(euclideanDistances(customers, { fields: ["spend"] }), { linkage: "complete" });
 * tree.merge; // => [[-1, -2], [-3, -4], [1, 2]]
 * tree.height; // => Float64Array [2, 5, 45]
 * cutTree(tree, { k: 2 }); // => Int32Array [0, 0, 1, 1]
 * ```
 */
export function hierarchicalClustering<T>(
  data: readonly T[] | DistanceMatrix,
  options: HierarchicalClusteringOptions<T>,
): HierarchicalClusteringResult {
  const name = "hierarchicalClustering";
  const parsed = checkOptions(name, hierarchicalClusteringShape, options);
  const { distances } = resolveDistances(name, data, options.fields, parsed.weights);
  const n = distances.size;
  const linkage = parsed.linkage;
  const ward = linkage === "ward.D2";
  const diss = Float64Array.from(distances.values);
  if (ward) for (let index = 0; index < diss.length; index++) diss[index] = (diss[index] as number) ** 2;
  const active = new Uint8Array(n).fill(1);
  const members = new Float64Array(n).fill(1);
  const nearest = new Int32Array(n);
  const nearestDistance = new Float64Array(n).fill(INFINITE);
  const left = new Int32Array(Math.max(n - 1, 0));
  const right = new Int32Array(Math.max(n - 1, 0));
  const height = new Float64Array(Math.max(n - 1, 0));

  const findNearest = (i: number) => {
    let best = INFINITE;
    let at = nearest[i] as number;
    for (let j = i + 1; j < n; j++) {
      if (!active[j]) continue;
      const d = diss[distanceIndex(n, i, j)] as number;
      if (d < best) {
        best = d;
        at = j;
      }
    }
    nearest[i] = at;
    nearestDistance[i] = best;
  };
  for (let i = 0; i < n - 1; i++) findNearest(i);

  for (let step = 0; step < n - 1; step++) {
    let best = INFINITE;
    let im = 0;
    let jm = 0;
    for (let i = 0; i < n - 1; i++) {
      if (active[i] && (nearestDistance[i] as number) < best) {
        best = nearestDistance[i] as number;
        im = i;
        jm = nearest[i] as number;
      }
    }
    const i2 = Math.min(im, jm);
    const j2 = Math.max(im, jm);
    left[step] = i2;
    right[step] = j2;
    height[step] = ward ? Math.sqrt(best) : best;
    active[j2] = 0;
    const d12 = diss[distanceIndex(n, i2, j2)] as number;
    const m1 = members[i2] as number;
    const m2 = members[j2] as number;
    let rowBest = INFINITE;
    let rowAt = nearest[i2] as number;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === i2) continue;
      const index1 = distanceIndex(n, i2, k);
      const d1 = diss[index1] as number;
      const d2 = diss[distanceIndex(n, j2, k)] as number;
      let updated: number;
      if (ward) {
        const mk = members[k] as number;
        updated = ((m1 + mk) * d1 + (m2 + mk) * d2 - mk * d12) / (m1 + m2 + mk);
      } else if (linkage === "single") updated = Math.min(d1, d2);
      else if (linkage === "complete") updated = Math.max(d1, d2);
      else updated = (m1 * d1 + m2 * d2) / (m1 + m2);
      diss[index1] = updated;
      if (i2 < k) {
        if (updated < rowBest) {
          rowBest = updated;
          rowAt = k;
        }
      } else if (updated < (nearestDistance[k] as number)) {
        nearestDistance[k] = updated;
        nearest[k] = i2;
      }
    }
    members[i2] = m1 + m2;
    nearestDistance[i2] = rowBest;
    nearest[i2] = rowAt;
    for (let i = 0; i < n - 1; i++) {
      if (active[i] && (nearest[i] === i2 || nearest[i] === j2)) findNearest(i);
    }
  }

  // R's labels: -row (1-based) for single customers, the (1-based) merge number for segments
  const labelOf = new Int32Array(n);
  for (let i = 0; i < n; i++) labelOf[i] = -(i + 1);
  const merge: [number, number][] = [];
  for (let step = 0; step < n - 1; step++) {
    let a = labelOf[left[step] as number] as number;
    let b = labelOf[right[step] as number] as number;
    if ((a > 0 && b < 0) || (a > 0 && b > 0 && a > b)) [a, b] = [b, a];
    merge.push([a, b]);
    labelOf[left[step] as number] = step + 1;
  }
  const order = new Int32Array(n);
  if (n === 1) order[0] = 0;
  else {
    let at = 0;
    const stack: number[] = [n - 1];
    while (stack.length > 0) {
      const label = stack.pop() as number;
      if (label < 0) {
        order[at++] = -label - 1;
        continue;
      }
      const [a, b] = merge[label - 1] as [number, number];
      stack.push(b, a);
    }
  }
  const result: HierarchicalClusteringResult = { size: n, linkage, merge, height, order };
  return withDisplay(result, {
    title: `Hierarchical clustering (${linkage})`,
    summary: (r) => [`${r.size} customers, ${r.merge.length} merges; the last merges (highest first):`],
    rows: (r) =>
      r.merge
        .map((pair, step) => ({
          merge: step + 1,
          left: pair[0],
          right: pair[1],
          height: r.height[step] ?? null,
        }))
        .reverse(),
  });
}
