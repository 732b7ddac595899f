import { InvalidOptionsError } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, flag } from "../core/internal/optionRules.js";
import type { AssociationRule } from "./AssociationRule.js";
import type { AssociationRulesOptions } from "./associationRules.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import { deadlineAfter, miningShape, pastDeadline, resolveMinCount, wholeCount } from "./internal/common.js";
import { itemsetIndex } from "./internal/itemsetIndex.js";
import { mineItemsets } from "./internal/mining.js";
import { atLeast, atMost, boundedNumber } from "./internal/optionChecks.js";
import { MAX_RULE_ITEMS, ruleShape, ruleSplits } from "./internal/ruleSplits.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link streamRules}: the thresholds of {@link associationRules}, documented there (no
 * `sortBy`/`maxRules`: a stream is not sorted), with budgets of its own.
 *
 * @example
 * ```ts
 * const options: StreamRulesOptions = { minSupport: 0.001, minConfidence: 0.5, consequent: "all" };
 * options.consequent; // => "all"
 * ```
 */
export interface StreamRulesOptions
  extends Pick<
    AssociationRulesOptions,
    | "minSupport"
    | "minCount"
    | "minConfidence"
    | "minLift"
    | "minLength"
    | "antecedentItems"
    | "consequentItems"
    | "algorithm"
  > {
  /** Maximum items in antecedent + consequent (bounds the itemset search). @defaultValue none (at most 30 per rule) */
  readonly maxLength?: number;
  /** `"single"` item on the right, or `"all"` splits of each itemset (no limit on their number). @defaultValue "single" */
  readonly consequent?: "single" | "all";
  /** Itemsets mined at most (a partial stream, `truncated`). @defaultValue Infinity (itemsets are stored compactly) */
  readonly maxItemsets?: number;
  /** Time budget in ms of the search and of the stream. @defaultValue none */
  readonly timeLimitMs?: number;
  /**
   * Drop redundant rules as they stream: X => Y (|X| >= 1) is dropped when a more general rule X' => Y
   * (X' a proper subset of X, the empty one included) is at least as confident, i.e. its `improvement`
   * is <= 0. Every subset is among the mined itemsets, so this needs no rule kept in memory; with
   * `minLength: 1` it drops exactly the rules {@link redundantRules} flags in the full rule set (without
   * `minLift` or item constraints).
   * @defaultValue false
   */
  readonly nonRedundant?: boolean;
}

/**
 * The stream returned by {@link streamRules}: iterate it once with `for (const rule of stream)` or
 * `for await (const rule of stream)`; the counters fill in as it goes.
 *
 * @example
 * ```ts
 * const stream = streamRules([["a", "b"], ["a", "b"]], { minCount: 1 });
 * [...stream].length;  // => 2
 * stream.ruleCount;    // => 2
 * stream.itemsetCount; // => 3
 * ```
 */
export interface RuleStream extends Iterable<AssociationRule>, AsyncIterable<AssociationRule> {
  readonly transactionCount: number;
  /** Frequent itemsets the rules are split from (mined when `streamRules` is called). */
  readonly itemsetCount: number;
  /** Rules yielded so far. */
  readonly ruleCount: number;
  /** True when `maxItemsets` or `timeLimitMs` cut the search or the stream. */
  readonly truncated: boolean;
  readonly options: {
    readonly minSupport: number;
    readonly minCount: number;
    readonly minConfidence: number;
  };
}

/**
 * Rules of streamRules' options (defaults are applied where the options are read). Exported for the
 * equivalence test of basket's option rules (internal/optionChecks.test.ts); not in the module index.
 */
export const streamRulesShape = {
  minSupport: miningShape.minSupport,
  minCount: wholeCount,
  minConfidence: ruleShape.minConfidence,
  minLift: ruleShape.minLift,
  minLength: ruleShape.minLength,
  maxLength: boundedNumber(
    `a whole number >= 1 and <= ${MAX_RULE_ITEMS}`,
    [atLeast(1), atMost(MAX_RULE_ITEMS)],
    true,
  ),
  consequent: ruleShape.consequent,
  antecedentItems: ruleShape.antecedentItems,
  consequentItems: ruleShape.consequentItems,
  algorithm: miningShape.algorithm,
  maxItemsets: miningShape.maxItemsets,
  timeLimitMs: miningShape.timeLimitMs,
  nonRedundant: flag(),
};

/**
 * Association rules as a stream: the frequent itemsets are mined when it is
 * called (kept in flat integer buffers, about 4 bytes per item plus 20 per
 * itemset with the lookup index), and each rule object is built only when the
 * iteration asks for it, so 10 million rules can be written to a file while
 * the memory holds the itemsets and one rule (a rule object costs about 400
 * bytes: 10M of them would be 4 GB). Same rules and measures as
 * {@link associationRules} with the same thresholds, in discovery order
 * (itemset by itemset, then consequent) instead of sorted.
 *
 * Works with `for ... of` and `for await ... of` (write with back-pressure,
 * e.g. awaiting a stream's `drain`); iterate once.
 *
 * Complexity: the itemset search, then O(L) hash lookups per rule of length L (plus the memoised
 * improvement).
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link StreamRulesOptions}
 * @throws InvalidOptionsError for bad thresholds, unknown options, maxLength below minLength, or a frequent
 *   itemset longer than 30 items (set maxLength)
 * @throws InsufficientDataError when there are no transactions
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const lines: string[] = [];
 * for (const rule of streamRules(baskets, { minSupport: 0.5, minConfidence: 0.6 })) {
 *   lines.push(`${rule.antecedent} => ${rule.consequent}`);
 * }
 * lines.sort(); // => ["beer => chips", "beer => diapers", "chips => beer", "diapers => beer"]
 * ```
 */
export function streamRules(transactions: TransactionsInput, options: StreamRulesOptions = {}): RuleStream {
  const start = performance.now();
  const fn = "streamRules";
  const parsed = checkOptions(fn, streamRulesShape, options);
  const minLength = parsed.minLength ?? 2;
  const minConfidence = parsed.minConfidence ?? 0.8;
  if (parsed.maxLength !== undefined && parsed.maxLength < minLength) {
    throw argumentError(fn, "maxLength", `must be at least minLength (${minLength})`, parsed.maxLength);
  }
  const data = toTransactions(transactions, fn);
  assertNotEmpty(data, fn);
  const n = data.transactionCount;
  const { minCount, minSupport } = resolveMinCount(fn, parsed, 0.1, n);
  const deadline = deadlineAfter(start, parsed.timeLimitMs);
  const mined = mineItemsets(data, {
    minCount,
    maxLength: parsed.maxLength ?? Infinity,
    algorithm: parsed.algorithm,
    maxItemsets: parsed.maxItemsets ?? Infinity,
    maxItemOccurrences: Infinity,
    deadline,
  });
  const { offsets, items, counts } = mined;
  const index = itemsetIndex(offsets, items, mined.size, deadline);
  let truncated = mined.truncated || index.size < mined.size;
  for (let z = 0; z < index.size; z++) {
    const length = (offsets[z + 1] as number) - (offsets[z] as number);
    if (length > MAX_RULE_ITEMS) {
      throw argumentError(
        fn,
        "maxLength",
        `a frequent itemset has ${length} items; rules are split from itemsets of at most ${MAX_RULE_ITEMS} items: set maxLength <= ${MAX_RULE_ITEMS}`,
        parsed.maxLength,
      );
    }
  }
  const allSplits = parsed.consequent === "all";
  const splitter = ruleSplits(data, mined, index, { ...parsed, minConfidence });
  let ruleCount = 0;
  let used = false;

  /** The rule for itemset z split with `right` as consequent, or undefined when filtered out. */
  const ruleAt = (z: number, full: number, right: number): AssociationRule | undefined => {
    if (!splitter.allowed(z, right)) return undefined;
    const both = counts[z] as number;
    const left = splitter.countOf(z, full & ~right);
    const rightCount = splitter.countOf(z, right);
    if (!splitter.passes(both, left, rightCount)) return undefined;
    // full === 1: a one-item itemset, the rule {} => {y}, whose improvement is 0
    const gain = full === 1 ? 0 : splitter.improvementOf(z, right, both / left);
    if (parsed.nonRedundant === true && full !== 1 && gain <= 0) return undefined;
    return splitter.rule(z, right, left, rightCount, gain);
  };

  function* generate(): Generator<AssociationRule, void, undefined> {
    if (used) {
      throw new InvalidOptionsError(fn, [
        { path: "stream", message: "a rule stream can be iterated once: call streamRules again" },
      ]);
    }
    used = true;
    for (let z = 0; z < index.size; z++) {
      if ((z & 255) === 255 && pastDeadline(deadline)) {
        truncated = true;
        return;
      }
      const length = (offsets[z + 1] as number) - (offsets[z] as number);
      if (length < minLength) continue;
      // length <= MAX_RULE_ITEMS (30, checked above), so the shift does not overflow
      const full = (1 << length) - 1;
      if (length === 1) {
        const rule = ruleAt(z, full, full);
        if (rule !== undefined) {
          ruleCount++;
          yield rule;
        }
        continue;
      }
      if (allSplits) {
        for (let right = 1; right < full; right++) {
          const rule = ruleAt(z, full, right);
          if (rule !== undefined) {
            ruleCount++;
            yield rule;
          }
        }
      } else {
        for (let k = 0; k < length; k++) {
          const rule = ruleAt(z, full, 1 << k);
          if (rule !== undefined) {
            ruleCount++;
            yield rule;
          }
        }
      }
    }
  }

  return {
    transactionCount: n,
    itemsetCount: index.size,
    get ruleCount() {
      return ruleCount;
    },
    get truncated() {
      return truncated;
    },
    options: { minSupport, minCount, minConfidence },
    [Symbol.iterator]: generate,
    async *[Symbol.asyncIterator]() {
      yield* generate();
    },
  };
}
