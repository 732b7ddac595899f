import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import type { FrequentItemset } from "./frequentItemsets.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import { alphabeticalRanks, budget, deadlineAfter, labelsOf, resolveMinCount } from "./internal/common.js";
import { streamItemsetsTo } from "./internal/mining.js";
import { positiveNumber, share, wholeAtLeastOne } from "./internal/optionChecks.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link streamItemsets}.
 *
 * @example
 * ```ts
 * const options: StreamItemsetsOptions = { minSupport: 0.001, maxLength: 4 };
 * options.maxLength; // => 4
 * ```
 */
export interface StreamItemsetsOptions {
  /** Minimum support in (0, 1]: count >= ceil(minSupport x N). @defaultValue 0.1, unless `minCount` */
  readonly minSupport?: number;
  /** Minimum count, instead of `minSupport`. @defaultValue none */
  readonly minCount?: number;
  /** Largest itemset size. @defaultValue none */
  readonly maxLength?: number;
  /** Mining algorithm, see {@link frequentItemsets}. @defaultValue "auto" */
  readonly algorithm?: "fpgrowth" | "eclat" | "auto";
  /** Stop after this many itemsets (no default budget: nothing is stored). @defaultValue Infinity */
  readonly maxItemsets?: number;
  /** Time budget in ms. @defaultValue none */
  readonly timeLimitMs?: number;
}

/**
 * Summary returned by {@link streamItemsets} once the search is over.
 *
 * @example
 * ```ts
 * const summary = streamItemsets([["a", "b"], ["a"]], { minCount: 1 }, () => {});
 * [summary.itemsetCount, summary.stoppedBy]; // => [3, undefined]
 * ```
 */
export interface StreamItemsetsSummary {
  /** Itemsets handed to the callback. */
  readonly itemsetCount: number;
  readonly transactionCount: number;
  /** What ended the search early: the callback (returned false), `maxItemsets` or `timeLimitMs`; undefined when complete. */
  readonly stoppedBy: "callback" | "maxItemsets" | "timeLimitMs" | undefined;
  readonly options: {
    readonly minSupport: number;
    readonly minCount: number;
    readonly algorithm: "fpgrowth" | "eclat";
  };
}

/**
 * Rules of streamItemsets' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const streamItemsetsShape = {
  minSupport: share("must be at most 1 (a fraction of transactions)"),
  minCount: wholeAtLeastOne(),
  maxLength: wholeAtLeastOne(),
  algorithm: oneOf(["fpgrowth", "eclat", "auto"]),
  maxItemsets: budget(),
  timeLimitMs: positiveNumber(),
};

/**
 * Frequent itemsets handed one at a time to a callback, never stored: the
 * search of {@link frequentItemsets} (same itemsets, same counts, in search
 * order) with memory bounded by the miner's own structures, whatever the
 * number of itemsets. Write each to a file as it comes (e.g. with
 * `fs.writeSync` on a buffer flushed every few thousand lines); return
 * `false` from the callback to stop. Closed and maximal itemsets need the
 * whole set and are not offered here. The callback is synchronous: an async
 * sink with back-pressure should batch.
 *
 * Complexity: that of the search; O(itemset length) extra work per itemset (the names, sorted).
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link StreamItemsetsOptions}
 * @param onItemset - called with each itemset; return `false` to stop
 * @returns a {@link StreamItemsetsSummary}
 * @throws InvalidOptionsError for bad thresholds or unknown options, or when `onItemset` is not a function
 * @throws InsufficientDataError when there are no transactions
 * @example
 * ```ts
 * const lines: string[] = [];
 * streamItemsets([["beer", "diapers"], ["beer"]], { minCount: 1 }, (itemset) => {
 *   lines.push(`${itemset.items.join(",")} ${itemset.count}`);
 * });
 * lines.sort(); // => ["beer 2", "beer,diapers 1", "diapers 1"]
 * ```
 */
export function streamItemsets(
  transactions: TransactionsInput,
  options: StreamItemsetsOptions,
  onItemset: (itemset: FrequentItemset) => unknown,
): StreamItemsetsSummary {
  const start = performance.now();
  const fn = "streamItemsets";
  const parsed = checkOptions(fn, streamItemsetsShape, options);
  if (typeof onItemset !== "function") {
    throw argumentError(fn, "onItemset", "expected a function called with each itemset", onItemset);
  }
  const data = toTransactions(transactions, fn);
  assertNotEmpty(data, fn);
  const n = data.transactionCount;
  const { minCount, minSupport } = resolveMinCount(fn, parsed, 0.1, n);
  const ranks = alphabeticalRanks(data);
  const labels = data.itemLabels;
  const outcome = streamItemsetsTo(
    data,
    {
      minCount,
      maxLength: parsed.maxLength ?? Infinity,
      algorithm: parsed.algorithm,
      maxItemsets: parsed.maxItemsets ?? Infinity,
      deadline: deadlineAfter(start, parsed.timeLimitMs),
    },
    (codes, length, count) =>
      onItemset({ items: labelsOf(codes, 0, length, labels, ranks), support: count / n, count }) !== false,
  );
  return {
    itemsetCount: outcome.emitted,
    transactionCount: n,
    stoppedBy: outcome.userStopped
      ? "callback"
      : outcome.reason === "timeLimitMs"
        ? "timeLimitMs"
        : outcome.reason === undefined
          ? undefined
          : "maxItemsets",
    options: { minSupport, minCount, algorithm: outcome.algorithm },
  };
}
