import { withDisplay } from "../core/index.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import {
  alphabeticalRanks,
  defaultBudgetError,
  labelsOf,
  miningShape,
  pastDeadline,
  resolveMinCount,
  searchBudget,
} from "./internal/common.js";
import { type MinedItemsets, mineItemsets } from "./internal/mining.js";
import { selectTarget } from "./internal/targets.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link frequentItemsets}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const options: FrequentItemsetsOptions = { minCount: 2, target: "closed" };
 * frequentItemsets(baskets, options).itemsets.map((s) => s.items.join("+")); // => ["beer", "beer+diapers", "beer+chips"]
 * ```
 */
export interface FrequentItemsetsOptions {
  /**
   * Minimum support as a fraction of transactions in (0, 1]: an itemset is
   * frequent iff its count >= ceil(minSupport * N) (the arules convention).
   * @defaultValue 0.1 (as arules), unless `minCount` is given
   */
  readonly minSupport?: number;
  /** Minimum count (transactions), instead of `minSupport`. @defaultValue none (`minSupport` applies) */
  readonly minCount?: number;
  /**
   * Largest itemset size. No hidden cap by default; set it on data with very
   * long baskets, where the number of itemsets grows as 2^length.
   * @defaultValue none
   */
  readonly maxLength?: number;
  /**
   * Which itemsets to return: `"all"` frequent itemsets; `"closed"` (no
   * superset has the same count); `"maximal"` (no superset is frequent);
   * `"generators"` (no subset has the same count). With `maxLength`, closed and
   * maximal are judged against supersets of any size.
   * @defaultValue "all"
   */
  readonly target?: "all" | "closed" | "maximal" | "generators";
  /**
   * `"fpgrowth"` (FP-tree), `"eclat"` (depth-first over occurrence lists,
   * extended by occurrence deliver as in LCM) or `"auto"`: Eclat when the
   * transactions restricted to frequent items are small and sparse (at most
   * 262 144 item occurrences and 16 items per transaction on average, where it
   * is faster), FP-growth otherwise. All give identical itemsets;
   * `result.options.algorithm` tells which one ran.
   * @defaultValue "auto"
   */
  readonly algorithm?: "fpgrowth" | "eclat" | "auto";
  /**
   * Size budget of the search. Given: stop after this many itemsets and return
   * them with `truncated: true`; `Infinity`: no budget. Not given: a default
   * budget of 1,000,000 itemsets or 2^25 stored item occurrences (about
   * 150-300 MB in all) stops a run-away search (long baskets make the number
   * of itemsets grow as 2^length) with an `InvalidOptionsError` that says what
   * to change (raise `minSupport`, set `maxLength`, or set `maxItemsets`).
   * @defaultValue 1,000,000 (exceeding it is an error; `Infinity` opts out)
   */
  readonly maxItemsets?: number;
  /**
   * Time budget in milliseconds for the whole call (search, closed/maximal
   * selection and output): when exceeded, the itemsets found so far are
   * returned with `truncated: true`. The search gets a quarter of it, the
   * rest goes to turning the itemsets into objects (which costs more per
   * itemset); the clock is read every few thousand itemsets in every phase.
   * @defaultValue none
   */
  readonly timeLimitMs?: number;
}

/**
 * One frequent itemset.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * frequentItemsets(baskets, { minSupport: 0.75 }).itemsets; // => [{ items: ["beer"], support: 0.75, count: 3 }]
 * ```
 */
export interface FrequentItemset {
  /** Item names, sorted by name. */
  readonly items: readonly string[];
  /** count / N. */
  readonly support: number;
  /** Number of transactions containing every item. */
  readonly count: number;
}

/**
 * Result of {@link frequentItemsets}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const result = frequentItemsets(baskets, { minSupport: 0.5 });
 * [result.itemsets.length, result.transactionCount, result.truncated]; // => [5, 4, false]
 * ```
 */
export interface FrequentItemsetsResult {
  /** The itemsets in search order (use `.sort` for another order). */
  readonly itemsets: readonly FrequentItemset[];
  /** N, empty transactions included. */
  readonly transactionCount: number;
  /**
   * True when an explicit `maxItemsets` or a `timeLimitMs` budget stopped the call (the search, the
   * closed/maximal/generator selection or the output): the list is partial (every count in it is
   * exact, but itemsets are missing, and closed/maximal/generator status is judged within the partial
   * list). The default budget throws instead.
   */
  readonly truncated: boolean;
  /** Which budget stopped the search, when `truncated`. */
  readonly truncatedReason: "maxItemsets" | "timeLimitMs" | undefined;
  /** Resolved options (minCount included). */
  readonly options: {
    readonly minSupport: number;
    readonly minCount: number;
    readonly maxLength: number | undefined;
    readonly target: "all" | "closed" | "maximal" | "generators";
    readonly algorithm: "fpgrowth" | "eclat";
    readonly maxItemsets: number | undefined;
    readonly timeLimitMs: number | undefined;
  };
}

/** Share of `timeLimitMs` given to the search; the rest builds the output (about 5x slower per itemset). */
const SEARCH_SHARE = 0.25;

/**
 * Rules of frequentItemsets' options (defaults are applied where the options are read). Exported for the
 * equivalence test of basket's option rules (internal/optionChecks.test.ts); not in the module index.
 */
export const frequentItemsetsShape = {
  ...miningShape,
  target: oneOf(["all", "closed", "maximal", "generators"]),
};

/**
 * Finds the frequent itemsets of a set of transactions: every set of items
 * bought together in at least `minCount` = ceil(minSupport * N) transactions.
 * FP-growth (Han, Pei and Yin 2000) or Eclat (Zaki 2000) with occurrence
 * deliver (Uno et al. 2004), switching to occurrence bit sets for conditional
 * databases of at most 256 transactions; chosen by data size unless asked
 * for. Both run on integer-coded typed arrays and create item-name strings
 * only for the returned itemsets. Closed, maximal and generator itemsets are
 * selected from the complete set by immediate subset/superset lookups.
 *
 * Empty transactions count in N. Duplicate items in a basket count once.
 *
 * Bounded by default: without `maxItemsets`, a search that passes 1,000,000
 * itemsets (or 2^25 stored items) throws instead of filling the memory.
 *
 * Complexity: output-sensitive. Memory: the transactions about three times as `Int32Array`s, plus
 * FP-growth's first-level pattern bases (filled in blocks of 4 MB, more only when one item's base is
 * larger) and the conditional FP-trees on one recursion path (Eclat: the occurrence lists on one
 * path, at most twice the transactions' frequent items per level), plus the output.
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link FrequentItemsetsOptions}
 * @throws InvalidOptionsError for minSupport outside (0, 1], both minSupport and minCount, unknown options,
 *   or when the default `maxItemsets` budget stops the search (the message says what to change)
 * @throws InvalidRecordError for a hand-built {@link Transactions} whose offsets or item codes are inconsistent
 * @throws InvalidRecordError naming the row when a plain basket holds a non-string item
 * @throws InsufficientDataError when there are no transactions
 * @see Han, Pei, Yin (2000), "Mining frequent patterns without candidate generation", SIGMOD; Zaki (2000), "Scalable algorithms for association mining", IEEE TKDE 12(3); Uno, Kiyomi, Arimura (2004), "LCM ver. 2: efficient mining algorithms for frequent/closed/maximal itemsets", FIMI'04.
 * @example
 * ```ts
 * const result = frequentItemsets([["beer", "diapers"], ["beer", "diapers", "milk"], ["milk"]], { minSupport: 0.5 });
 * result.itemsets.map((s) => `${s.items.join("+")}:${s.count}`).sort();
 * // => ["beer+diapers:2", "beer:2", "diapers:2", "milk:2"]
 * ```
 */
export function frequentItemsets(
  transactions: TransactionsInput,
  options: FrequentItemsetsOptions = {},
): FrequentItemsetsResult {
  const start = performance.now();
  const parsed = checkOptions("frequentItemsets", frequentItemsetsShape, options);
  const data = toTransactions(transactions, "frequentItemsets");
  assertNotEmpty(data, "frequentItemsets");
  const { minCount, minSupport } = resolveMinCount("frequentItemsets", parsed, 0.1, data.transactionCount);
  const maxLength = parsed.maxLength ?? Infinity;
  const target = parsed.target ?? "all";
  const needsSuperset = target === "closed" || target === "maximal";
  const budget = searchBudget(parsed, start, SEARCH_SHARE);
  const mined = mineItemsets(data, {
    minCount,
    maxLength: needsSuperset ? maxLength + 1 : maxLength,
    algorithm: parsed.algorithm,
    maxItemsets: budget.maxItemsets,
    maxItemOccurrences: budget.maxItemOccurrences,
    deadline: budget.searchDeadline,
  });
  if (budget.isDefault && mined.truncated && mined.truncatedReason !== "timeLimitMs") {
    throw defaultBudgetError("frequentItemsets", minCount, mined.size);
  }
  const selected = selectTarget(mined, target, needsSuperset ? maxLength : Infinity, budget.deadline);
  const output = materialise(mined, selected.keep, data.itemLabels, alphabeticalRanks(data), budget.deadline);
  const timedOut = !selected.complete || !output.complete;
  const result: FrequentItemsetsResult = {
    itemsets: output.itemsets,
    transactionCount: data.transactionCount,
    truncated: mined.truncated || timedOut,
    truncatedReason: mined.truncated
      ? (mined.truncatedReason as "maxItemsets" | "timeLimitMs")
      : timedOut
        ? "timeLimitMs"
        : undefined,
    options: {
      minSupport,
      minCount,
      maxLength: parsed.maxLength,
      target,
      algorithm: mined.algorithm,
      maxItemsets: parsed.maxItemsets,
      timeLimitMs: parsed.timeLimitMs,
    },
  };
  return withDisplay(result, {
    title: "Frequent itemsets",
    summary: (r) => [
      `${r.itemsets.length} ${r.options.target === "all" ? "" : `${r.options.target} `}itemsets from ${r.transactionCount} transactions (min count ${r.options.minCount})${r.truncated ? `, TRUNCATED by ${r.truncatedReason}` : ""}`,
    ],
    rows: (r) => r.itemsets,
    columns: ["items", "support", "count"],
  });
}

/** The kept itemsets as objects; stops (complete: false) once the deadline has passed. */
function materialise(
  mined: MinedItemsets,
  keep: Uint8Array,
  labels: readonly string[],
  ranks: Int32Array,
  deadline: number,
): { itemsets: FrequentItemset[]; complete: boolean } {
  const out: FrequentItemset[] = [];
  const { items, offsets, counts, transactionCount } = mined;
  for (let i = 0; i < mined.size; i++) {
    if ((i & 4095) === 4095 && pastDeadline(deadline)) return { itemsets: out, complete: false };
    if (keep[i] === 0) continue;
    const count = counts[i] as number;
    out.push({
      items: labelsOf(items, offsets[i] as number, offsets[i + 1] as number, labels, ranks),
      support: count / transactionCount,
      count,
    });
  }
  return { itemsets: out, complete: true };
}
