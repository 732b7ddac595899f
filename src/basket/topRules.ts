import { withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, oneOf, required } from "../core/internal/optionRules.js";
import type { AssociationRule } from "./AssociationRule.js";
import type { AssociationRulesMeasureName } from "./associationRules.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import {
  alphabeticalRanks,
  confidence,
  deadlineAfter,
  labelsOf,
  miningShape,
  pastDeadline,
  wholeCount,
} from "./internal/common.js";
import { logFactorials } from "./internal/fisher.js";
import { type SingleImprovementTable, singleImprovementTable } from "./internal/improvement.js";
import { type ItemsetIndex, itemsetIndex } from "./internal/itemsetIndex.js";
import { BUILT_IN_MEASURES, type BuiltInMeasure, measureValue, sortKeyOf } from "./internal/measures.js";
import { countItems, type MinedItemsets, mineItemsets } from "./internal/mining.js";
import { atLeast, boundedNumber } from "./internal/optionChecks.js";
import { ruleObject } from "./internal/ruleObject.js";
import { keyCeiling } from "./internal/topRulesBounds.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link topRules}.
 *
 * @example
 * ```ts
 * const options: TopRulesOptions = { k: 10, by: "confidence", minConfidence: 0.5 };
 * options.k; // => 10
 * ```
 */
export interface TopRulesOptions {
  /** Number of rules to return (fewer when fewer rules exist). */
  readonly k: number;
  /**
   * The measure rules are ranked by, best first: descending, except `fishersExactTest` (a p-value),
   * ascending. Any of the 25 measures of {@link AssociationRule}.
   * @defaultValue "support" (as TopKRules)
   */
  readonly by?: AssociationRulesMeasureName;
  /** Minimum confidence of a rule. @defaultValue 0 */
  readonly minConfidence?: number;
  /** Maximum number of items in antecedent + consequent (at least 2). @defaultValue none */
  readonly maxLength?: number;
  /**
   * A floor on the rule count n(XY): only rules counted at least this often compete (the best k by lift
   * among rules seen 10 times or more, say). Not a threshold to guess: the search still stops as soon as
   * the top k is proven, usually far above it. @defaultValue 1
   */
  readonly minCount?: number;
  /**
   * Size budget of each itemset search, see {@link FrequentItemsetsOptions.maxItemsets}: given, a search
   * that passes it stops and the best rules found so far are returned with `exact: false`; not given, a
   * search that passes 1,000,000 itemsets is an `InvalidOptionsError` saying what to change.
   * @defaultValue 1,000,000 per search (exceeding it is an error)
   */
  readonly maxItemsets?: number;
  /** Time budget in ms of the whole call; when exceeded, the best rules found so far, `exact: false`. @defaultValue none */
  readonly timeLimitMs?: number;
}

/**
 * Result of {@link topRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const result = topRules(baskets, { k: 2 });
 * [result.rules.length, result.exact, result.minCount]; // => [2, true, 1]
 * ```
 */
export interface TopRulesResult {
  /** The best `k` rules (single-item consequents), in the order documented on {@link topRules}. */
  readonly rules: readonly AssociationRule[];
  readonly transactionCount: number;
  /**
   * The count threshold of the itemset search the rules come from: every rule counted at least this
   * often was considered, and (when `exact`) the ceiling of the measure showed that no rule counted less
   * often can enter.
   */
  readonly minCount: number;
  /** Itemset searches run (the threshold is lowered between them). */
  readonly searches: number;
  /** False when a budget (`maxItemsets`, `timeLimitMs`) stopped the search before the top k was proven. */
  readonly exact: boolean;
  readonly options: {
    readonly k: number;
    readonly by: AssociationRulesMeasureName;
    readonly minConfidence: number;
    readonly maxLength: number | undefined;
    readonly minCount: number;
  };
}

/**
 * Rules of topRules' options (defaults are applied where the options are read). Exported for the
 * equivalence test of basket's option rules (internal/optionChecks.test.ts); not in the module index.
 */
export const topRulesShape = {
  k: required(wholeCount),
  by: oneOf(BUILT_IN_MEASURES),
  minConfidence: confidence,
  maxLength: boundedNumber(
    "a whole number >= 2",
    [atLeast(2, "must be at least 2 (an antecedent and a consequent)")],
    true,
  ),
  minCount: wholeCount,
  maxItemsets: miningShape.maxItemsets,
  timeLimitMs: miningShape.timeLimitMs,
};

/** A kept rule: itemset z of the current search with its consequent at position `at`. */
interface Entry {
  key: number;
  count: number;
  length: number;
  /** Alphabetical ranks of the antecedent items (ascending), then of the consequent. */
  order: Int32Array;
  z: number;
  at: number;
  left: number;
  right: number;
}

/** Whether entry a ranks before entry b (key, count, length, then labels). */
function before(a: Entry, b: Entry): boolean {
  if (a.key !== b.key) return a.key > b.key;
  if (a.count !== b.count) return a.count > b.count;
  if (a.length !== b.length) return a.length < b.length;
  for (let i = 0; i < a.order.length; i++) {
    const x = a.order[i] as number;
    const y = b.order[i] as number;
    if (x !== y) return x < y;
  }
  return false;
}

/** The k best entries seen (`entries[0]`, the root, is the worst kept). */
interface EntryHeap {
  readonly entries: Entry[];
  /** Whether k entries are kept. */
  readonly full: boolean;
  offer(entry: Entry): void;
}

function entryHeap(capacity: number): EntryHeap {
  const heap: Entry[] = [];
  return {
    entries: heap,
    get full() {
      return heap.length === capacity;
    },
    offer(entry) {
      if (heap.length < capacity) {
        heap.push(entry);
        let i = heap.length - 1;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!before(heap[parent] as Entry, entry)) break;
          heap[i] = heap[parent] as Entry;
          i = parent;
        }
        heap[i] = entry;
        return;
      }
      if (!before(entry, heap[0] as Entry)) return;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && before(heap[left] as Entry, heap[right] as Entry) ? right : left;
        if (!before(entry, heap[child] as Entry)) break;
        heap[i] = heap[child] as Entry;
        i = child;
      }
      heap[i] = entry;
    },
  };
}

/**
 * The best `k` association rules X => {y} by any interest measure, with no
 * support threshold to guess (the TopKRules problem of Fournier-Viger, Wu and
 * Tseng 2012, for any of the 25 measures of {@link AssociationRule}).
 *
 * How: the itemsets are searched with a count threshold that starts at half
 * the largest item count and is lowered until the k-th best rule found is
 * proven to beat every rule counted less often: the measure's value over
 * rules counted at most c times has a ceiling (support, count, leverage,
 * Laplace and Fisher's p-value: one that grows with c; the other measures:
 * a constant such as 1 for confidence or N / (smallest item count) for
 * lift); once the heap of the k best holds k rules whose worst value reaches
 * that ceiling, the search stops. Between searches the threshold is halved,
 * or lowered less when a ceiling growing with c shows that no rule counted
 * less often than the worst kept value allows can enter. While the heap is full, the itemsets
 * whose ceiling is below the worst kept value are skipped (the internal
 * threshold rises as the heap fills). The result is exact: the same rules,
 * in the same order, as mining every rule at count 1 and sorting.
 *
 * Order (ties): by the measure, then the higher count, then the shorter
 * rule, then the antecedent's items compared one by one by name (UTF-16
 * order, each antecedent sorted by name), then the consequent's name. So
 * among rules of equal confidence 1 the most frequent come first.
 *
 * Cost: measures with a constant ceiling that no k rules reach (lift, chi-squared, imbalance ratio,
 * mutual information on most data) need every rule down to count 1, whose number grows as 2^(basket
 * length): on Groceries set `maxLength` (3 takes a second); without it the default budget stops the search
 * with an `InvalidOptionsError`; or give `minCount` (the best k among rules counted at least that often:
 * on Groceries, lift at `minCount: 10` took 0.3 s warm). Confidence, conviction, odds ratio, certainty and Yule's Q stop as soon as
 * k rules of confidence 1 are found, support, count, leverage, Laplace and Fisher's p-value once
 * the ceiling at the threshold falls below the k-th value.
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link TopRulesOptions}
 * @throws InvalidOptionsError for a missing or bad `k`, an unknown measure or option, or when the default
 *   itemset budget stops a search (the message says what to change)
 * @throws InvalidRecordError naming the row when a plain basket holds a non-string item
 * @throws InsufficientDataError when there are no transactions
 * @see Fournier-Viger, Wu, Tseng (2012), "Mining top-k association rules", Canadian AI, LNCS 7310.
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * topRules(baskets, { k: 3, by: "confidence" }).rules.map((r) => `${r.antecedent} => ${r.consequent}`);
 * // => ["chips => beer", "diapers => beer", "chips,diapers => beer"]
 * ```
 */
export function topRules(transactions: TransactionsInput, options: TopRulesOptions): TopRulesResult {
  const start = performance.now();
  const fn = "topRules";
  const parsed = checkOptions(fn, topRulesShape, options);
  const data = toTransactions(transactions, fn);
  assertNotEmpty(data, fn);
  const n = data.transactionCount;
  const by = parsed.by ?? "support";
  const k = parsed.k;
  const minConfidence = parsed.minConfidence ?? 0;
  const ascending = by === "fishersExactTest";
  const logFactorial = logFactorials(n);
  const itemCounts = countItems(data);
  let minItemCount = Infinity;
  let maxItemCount = 0;
  for (const count of itemCounts) {
    if (count === 0) continue;
    if (count < minItemCount) minItemCount = count;
    if (count > maxItemCount) maxItemCount = count;
  }
  const ceiling = keyCeiling(by, n, minItemCount, maxItemCount, logFactorial);
  const isDefaultBudget = parsed.maxItemsets === undefined;
  const deadline = deadlineAfter(start, parsed.timeLimitMs);
  const ranks = alphabeticalRanks(data);
  const maxLength = parsed.maxLength ?? Infinity;

  const floor = parsed.minCount ?? 1;
  let minCount = Math.max(floor, Math.floor(maxItemCount / 2));
  let searches = 0;
  /** The count threshold of the search whose rules are returned. */
  let keptMinCount = minCount;
  let exact = true;
  let heap = entryHeap(k);
  let mined: MinedItemsets | undefined;
  let index: ItemsetIndex | undefined;
  for (;;) {
    searches++;
    const search = mineItemsets(data, {
      minCount,
      maxLength,
      algorithm: "auto",
      maxItemsets: parsed.maxItemsets ?? 1_000_000,
      maxItemOccurrences: isDefaultBudget ? 1 << 25 : Infinity,
      deadline,
    });
    if (search.truncated && isDefaultBudget && search.truncatedReason !== "timeLimitMs") {
      throw argumentError(
        fn,
        "maxItemsets",
        `ranking by ${by} needs every rule counted at least ${minCount} times, and the itemsets at that count ` +
          `passed the default budget (1,000,000): set maxLength (e.g. 3), rank by a measure that stops sooner ` +
          "(support, confidence, leverage), set minCount (only rules counted that often compete, e.g. 10), or set " +
          "maxItemsets and timeLimitMs for a best-effort (not exact) result",
        parsed.maxItemsets,
      );
    }
    const roundIndex = itemsetIndex(search.offsets, search.items, search.size, deadline);
    const roundHeap = entryHeap(k);
    const complete =
      collect(search, roundIndex, roundHeap) && !search.truncated && roundIndex.size === search.size;
    // a partial later search may have seen fewer rules than a complete earlier one: keep the better heap
    if (complete || mined === undefined) {
      heap = roundHeap;
      mined = search;
      index = roundIndex;
      keptMinCount = minCount;
    }
    if (!complete) {
      exact = false;
      break;
    }
    if (minCount <= floor) break;
    const worst = heap.entries[0];
    if (heap.full && worst !== undefined && worst.key >= ceiling.bound(minCount - 1)) break;
    if (heap.full && worst !== undefined && ceiling.countMonotone) {
      // the smallest count whose ceiling reaches the worst kept key (the ceiling grows with the count)
      let low = floor;
      let high = minCount - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (ceiling.bound(middle) >= worst.key) high = middle;
        else low = middle + 1;
      }
      // at most halving per search, so that a better heap found at the next count can stop sooner
      minCount = Math.max(low, Math.floor(minCount / 2));
    } else {
      minCount = Math.max(floor, Math.floor(minCount / 2));
    }
  }

  /** Offers every rule of the search to the heap; false when the clock ran out. */
  function collect(search: MinedItemsets, lookup: ItemsetIndex, into: EntryHeap): boolean {
    const { offsets, items, counts } = search;
    const buffer = new Int32Array(64);
    const improvement =
      by === "improvement" ? singleImprovementTable(offsets, items, counts, lookup, n, 64) : undefined;
    for (let z = 0; z < lookup.size; z++) {
      if ((z & 1023) === 1023 && pastDeadline(deadline)) return false;
      const from = offsets[z] as number;
      const length = (offsets[z + 1] as number) - from;
      if (length < 2) continue;
      const both = counts[z] as number;
      const worst = into.entries[0];
      if (into.full && worst !== undefined && ceiling.bound(both) < worst.key) continue;
      for (let at = 0; at < length; at++) {
        let size = 0;
        for (let i = 0; i < length; i++) if (i !== at) buffer[size++] = items[from + i] as number;
        const found = lookup.find(buffer, size);
        if (found < 0) continue;
        const left = counts[found] as number;
        if (both < minConfidence * left) continue;
        const code = items[from + at] as number;
        const right = itemCounts[code] as number;
        const key = sortKeyOf(
          improvement !== undefined
            ? improvement.single(z, at, both / left)
            : measureValue(by as BuiltInMeasure, both, left, right, n, logFactorial),
          ascending,
        );
        const kept = into.entries[0];
        if (into.full && kept !== undefined && (key < kept.key || (key === kept.key && both < kept.count))) {
          continue;
        }
        const order = new Int32Array(length);
        for (let i = 0; i < size; i++) order[i] = ranks[buffer[i] as number] as number;
        order.subarray(0, size).sort();
        order[size] = ranks[code] as number;
        into.offer({ key, count: both, length, order, z, at, left, right });
      }
    }
    return true;
  }

  const kept = heap.entries.slice().sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  const labels = data.itemLabels;
  const rules: AssociationRule[] = [];
  const improvements =
    mined !== undefined && index !== undefined
      ? singleImprovementTable(mined.offsets, mined.items, mined.counts, index, n, 64)
      : undefined;
  const codes = new Int32Array(64);
  for (const entry of kept) {
    const { offsets, items } = mined as MinedItemsets;
    const from = offsets[entry.z] as number;
    let size = 0;
    for (let i = 0; i < entry.length; i++) if (i !== entry.at) codes[size++] = items[from + i] as number;
    const consequent = items[from + entry.at] as number;
    const confidence = entry.count / entry.left;
    rules.push(
      ruleObject(
        labelsOf(codes, 0, size, labels, ranks),
        [labels[consequent] as string],
        entry.count,
        entry.left,
        entry.right,
        n,
        logFactorial,
        (improvements as SingleImprovementTable).single(entry.z, entry.at, confidence),
      ),
    );
  }
  const result: TopRulesResult = {
    rules,
    transactionCount: n,
    minCount: keptMinCount,
    searches,
    exact,
    options: { k, by, minConfidence, maxLength: parsed.maxLength, minCount: floor },
  };
  return withDisplay(result, {
    title: "Top rules",
    summary: (r) => [
      `the ${r.rules.length} best rules by ${r.options.by} from ${r.transactionCount} transactions (searched down to count ${r.minCount} in ${r.searches} searches${r.exact ? "" : "; NOT EXACT: a budget stopped the search"})`,
    ],
    rows: (r) =>
      r.rules.map((rule) => ({
        antecedent: rule.antecedent,
        consequent: rule.consequent,
        [r.options.by]: rule[r.options.by],
        support: rule.support,
        confidence: rule.confidence,
        count: rule.count,
      })),
  });
}
