import { InvalidOptionsError } from "../core/index.js";
import type { HierarchicalClusteringResult } from "./hierarchicalClustering.js";

/**
 * Where {@link cutTree} cuts: into `k` segments, or at a `height`.
 *
 * @example
 * ```ts
 * const byCount: CutTreeOptions = { k: 4 };
 * const byHeight: CutTreeOptions = { height: 0.35 };
 * ```
 */
export type CutTreeOptions = { readonly k: number } | { readonly height: number };

/**
 * Cuts a {@link hierarchicalClustering} tree into segments, as R's `cutree`: with `k`, the first
 * n - k merges are kept; with `height`, every merge at or below that height (R's `cutree(h = )`,
 * which needs increasing heights — true of all four linkages). Segments are numbered 0, 1, ... in
 * order of first appearance in the input, so customer 0 is in segment 0.
 *
 * Complexity: O(n α(n)) (union-find).
 *
 * @param tree - a `hierarchicalClustering` result
 * @param options - `{ k }` (1 to n) or `{ height }` (finite)
 * @returns the segment of every customer, in input order
 * @throws InvalidOptionsError for something that is not a tree, k outside 1..n, a non-finite height,
 *   both or neither of k and height, or (with height) a tree whose heights decrease
 * @example
 * ```ts
 * const customers = [{ spend: 10 }, { spend: 12 }, { spend: 50 }, { spend: 55 }];
 * const tree = hierarchicalClustering(euclideanDistances(customers, { fields: ["spend"] }), { linkage: "average" });
 * cutTree(tree, { k: 3 }); // => Int32Array [0, 0, 1, 2]
 * cutTree(tree, { height: 10 }); // => Int32Array [0, 0, 1, 1]
 * ```
 */
export function cutTree(tree: HierarchicalClusteringResult, options: CutTreeOptions): Int32Array {
  const name = "cutTree";
  if (
    tree === null ||
    typeof tree !== "object" ||
    !(tree.height instanceof Float64Array) ||
    !Array.isArray(tree.merge) ||
    tree.merge.length !== Math.max(tree.size - 1, 0)
  ) {
    throw new InvalidOptionsError(name, [
      { path: "tree", message: "expected the result of hierarchicalClustering(...)", received: tree },
    ]);
  }
  const n = tree.size;
  const given = (options ?? {}) as { k?: unknown; height?: unknown };
  const keys = Object.keys(given);
  const unknown = keys.filter((key) => key !== "k" && key !== "height");
  if (unknown.length > 0 || (given.k === undefined) === (given.height === undefined)) {
    throw new InvalidOptionsError(name, [
      {
        path: unknown[0] ?? "",
        message: "give exactly one of k (number of segments) or height (where to cut)",
        received: options,
      },
    ]);
  }
  let merges: number;
  if (given.k !== undefined) {
    const k = given.k;
    if (typeof k !== "number" || !Number.isInteger(k) || k < 1 || k > n) {
      throw new InvalidOptionsError(name, [
        {
          path: "k",
          message: `expected a whole number from 1 to ${n} (the number of customers)`,
          received: k,
        },
      ]);
    }
    merges = n - k;
  } else {
    const h = given.height;
    if (typeof h !== "number" || !Number.isFinite(h)) {
      throw new InvalidOptionsError(name, [
        { path: "height", message: "expected a finite number", received: h },
      ]);
    }
    for (let s = 1; s < tree.height.length; s++) {
      if ((tree.height[s] as number) < (tree.height[s - 1] as number)) {
        throw new InvalidOptionsError(name, [
          {
            path: "height",
            message: "the tree's heights are not increasing, so a height cut is ambiguous; cut by k",
          },
        ]);
      }
    }
    merges = 0;
    while (merges < tree.height.length && (tree.height[merges] as number) <= h) merges++;
  }
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  // a representative row of each merge's segment
  const representative = new Int32Array(Math.max(n - 1, 0));
  for (let s = 0; s < merges; s++) {
    const [a, b] = tree.merge[s] as readonly [number, number];
    const ra = find(a < 0 ? -a - 1 : (representative[a - 1] as number));
    const rb = find(b < 0 ? -b - 1 : (representative[b - 1] as number));
    parent[rb] = ra;
    representative[s] = ra;
  }
  const segmentOf = new Map<number, number>();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let segment = segmentOf.get(root);
    if (segment === undefined) {
      segment = segmentOf.size;
      segmentOf.set(root, segment);
    }
    out[i] = segment;
  }
  return out;
}
