import { withDisplay } from "../core/index.js";
import { checkOptions } from "../core/internal/optionRules.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import { positiveNumber, wholeAtLeastOne } from "./internal/optionChecks.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link hitsWeights}.
 *
 * @example
 * ```ts
 * const options: HitsWeightsOptions = { maxIterations: 200, tolerance: 1e-12 };
 * options.maxIterations; // => 200
 * ```
 */
export interface HitsWeightsOptions {
  /** Power iterations at most. @defaultValue 1000 */
  readonly maxIterations?: number;
  /** Stop when no hub weight moves by more than this (relative to the largest). @defaultValue 1e-12 */
  readonly tolerance?: number;
}

/**
 * Result of {@link hitsWeights}.
 *
 * @example
 * ```ts
 * const result = hitsWeights([["a", "b"], ["a"], ["c"]]);
 * [result.weights.length, result.converged]; // => [3, true]
 * ```
 */
export interface HitsWeightsResult {
  /** Hub weight of each transaction (in input order), scaled to mean 1 (they sum to N). */
  readonly weights: Float64Array;
  /** Authority of each item, by item name, scaled to a largest value of 1. */
  readonly itemAuthority: Readonly<Record<string, number>>;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Rules of hitsWeights' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const hitsWeightsShape = {
  maxIterations: wholeAtLeastOne(),
  tolerance: positiveNumber(),
};

/**
 * Transaction weights from the HITS link analysis of the transactions x items
 * graph (Sun and Bai 2008; arules `hits`), for {@link weightedItemsets}: a
 * transaction is a good hub when it holds items of high authority, and an
 * item has authority when good hubs hold it. The hub weights are the
 * principal eigenvector of A Aᵀ (A the 0/1 transactions x items matrix),
 * found by power iteration from equal weights (authorities a = Aᵀ h, hubs
 * h = A a, normalised each step), then scaled to mean 1. Empty transactions
 * weigh 0; on a disconnected graph the weights concentrate on the component of
 * the largest eigenvalue.
 *
 * Complexity: O(item occurrences) per iteration.
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link HitsWeightsOptions}
 * @throws InvalidOptionsError for bad options
 * @throws InsufficientDataError when there are no transactions
 * @see Kleinberg (1999), "Authoritative sources in a hyperlinked environment", JACM 46(5); Sun, Bai (2008),
 *   "Mining weighted association rules without preassigned weights", IEEE TKDE 20(4).
 * @example
 * ```ts
 * // the basket holding both items of the larger component weighs most
 * const { weights } = hitsWeights([["a", "b"], ["a"], ["b"]]);
 * Array.from(weights, (w) => w.toFixed(3)); // => ["1.500", "0.750", "0.750"]
 * ```
 */
export function hitsWeights(
  transactions: TransactionsInput,
  options: HitsWeightsOptions = {},
): HitsWeightsResult {
  const fn = "hitsWeights";
  const { maxIterations = 1000, tolerance = 1e-12 } = checkOptions(fn, hitsWeightsShape, options);
  const data = toTransactions(transactions, fn);
  assertNotEmpty(data, fn);
  const n = data.transactionCount;
  const { offsets, items } = data;
  const itemCount = data.itemLabels.length;
  let hubs = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const authority = new Float64Array(itemCount);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    authority.fill(0);
    for (let t = 0; t < n; t++) {
      const h = hubs[t] as number;
      for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k++) {
        const code = items[k] as number;
        authority[code] = (authority[code] as number) + h;
      }
    }
    let largest = 0;
    for (let t = 0; t < n; t++) {
      let h = 0;
      for (let k = offsets[t] as number; k < (offsets[t + 1] as number); k++)
        h += authority[items[k] as number] as number;
      next[t] = h;
      if (h > largest) largest = h;
    }
    if (largest === 0) break;
    let change = 0;
    for (let t = 0; t < n; t++) {
      const h = (next[t] as number) / largest;
      next[t] = h;
      change = Math.max(change, Math.abs(h - (hubs[t] as number)));
    }
    [hubs, next] = [next, hubs];
    if (change <= tolerance) {
      converged = true;
      break;
    }
  }
  let total = 0;
  for (let t = 0; t < n; t++) total += hubs[t] as number;
  const weights = new Float64Array(n);
  if (total > 0) for (let t = 0; t < n; t++) weights[t] = ((hubs[t] as number) * n) / total;
  let topAuthority = 0;
  for (const value of authority) topAuthority = Math.max(topAuthority, value);
  const itemAuthority: Record<string, number> = {};
  data.itemLabels.forEach((label, code) => {
    itemAuthority[label] = topAuthority > 0 ? (authority[code] as number) / topAuthority : 0;
  });
  return withDisplay(
    { weights, itemAuthority, iterations, converged },
    {
      title: "HITS transaction weights",
      summary: (r) => [
        `${r.weights.length} transaction weights (mean 1) after ${r.iterations} iterations${r.converged ? "" : " (NOT converged)"}`,
      ],
      rows: (r) => Array.from(r.weights.subarray(0, 20), (weight, transaction) => ({ transaction, weight })),
    },
  );
}
