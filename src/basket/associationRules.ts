import { argumentError } from "../core/internal/arguments.js";
import { anyText, checkOptions } from "../core/internal/optionRules.js";
import type { AssociationRule, RuleContingencyTable } from "./AssociationRule.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import {
  budget,
  defaultBudgetError,
  miningShape,
  pastDeadline,
  resolveMinCount,
  searchBudget,
} from "./internal/common.js";
import { TopK } from "./internal/heap.js";
import { IntBuffer } from "./internal/intBuffer.js";
import { itemsetIndex } from "./internal/itemsetIndex.js";
import {
  BUILT_IN_MEASURES,
  type BuiltInMeasure,
  measureValue,
  sortKeyBound,
  sortKeyOf,
} from "./internal/measures.js";
import { mineItemsets } from "./internal/mining.js";
import { functionTable } from "./internal/optionChecks.js";
import { MAX_RULE_ITEMS, ruleShape, ruleSplits } from "./internal/ruleSplits.js";
import { withRulesDisplay } from "./internal/rulesDisplay.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * A user-defined interest measure: a function of the rule's 2x2 counts
 * ({@link RuleContingencyTable}); its value lands in `rule.customMeasures`.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const neitherShare: AssociationRulesCustomMeasure = (t) => t.neither / t.transactionCount;
 * const { rules } = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.6, measures: { neitherShare } });
 * rules.find((r) => r.antecedent[0] === "diapers")?.customMeasures.neitherShare; // => 0.25
 * ```
 */
export type AssociationRulesCustomMeasure = (table: RuleContingencyTable) => number;

/**
 * Names of the built-in measures (the numeric fields of {@link AssociationRule}), usable in `sortBy`.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const by: AssociationRulesMeasureName = "leverage";
 * associationRules(baskets, { minSupport: 0.5, minConfidence: 0.6, sortBy: by }).rules[0]?.leverage; // => 0.125
 * ```
 */
export type AssociationRulesMeasureName = (typeof BUILT_IN_MEASURES)[number];

/**
 * Options of {@link associationRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const options: AssociationRulesOptions = { minSupport: 0.5, minConfidence: 0.7 };
 * associationRules(baskets, options).rules.length; // => 2
 * ```
 */
export interface AssociationRulesOptions {
  /**
   * Minimum support of X ∪ Y as a fraction in (0, 1]: count >= ceil(minSupport * N).
   * @defaultValue 0.1 (as arules), unless `minCount` is given
   */
  readonly minSupport?: number;
  /** Minimum count of X ∪ Y, instead of `minSupport`. @defaultValue none (`minSupport` applies) */
  readonly minCount?: number;
  /** Minimum confidence in [0, 1]. @defaultValue 0.8 (as arules) */
  readonly minConfidence?: number;
  /** Minimum lift. @defaultValue none */
  readonly minLift?: number;
  /**
   * Minimum number of items in antecedent + consequent. With 1, rules with an
   * empty antecedent `{} => {y}` are produced for frequent items (as arules).
   * @defaultValue 2
   */
  readonly minLength?: number;
  /**
   * Maximum number of items in antecedent + consequent; also bounds the itemset search (no longer
   * itemset is mined). @defaultValue none
   */
  readonly maxLength?: number;
  /**
   * `"single"`: one item on the right (arules); `"all"`: every split of every
   * frequent itemset into non-empty antecedent and consequent (mlxtend): 2^length - 2 per itemset,
   * so under the default `maxItemsets` budget more than 2^22 splits in all is an `InvalidOptionsError`.
   * @defaultValue "single"
   */
  readonly consequent?: "single" | "all";
  /** Only these items may appear in the antecedent (item appearance constraint). @defaultValue any item */
  readonly antecedentItems?: readonly string[];
  /** Only these items may appear in the consequent. @defaultValue any item */
  readonly consequentItems?: readonly string[];
  /**
   * Keep only the best `maxRules` rules by `sortBy` (top-k), using a bounded heap: the other rules are
   * never materialised, and once the heap is full, itemsets none of whose rules can enter it are skipped
   * (for `sortBy` support, count, lift and leverage, whose value is bounded by the itemset's count).
   * The itemset search itself is bounded by `maxItemsets`. `Infinity` keeps every rule.
   * @defaultValue none: every rule is kept, but more than 1,000,000 rules (about 400 MB) is an
   * `InvalidOptionsError` saying what to change (set `maxRules: Infinity` to allow any number)
   */
  readonly maxRules?: number;
  /**
   * Measure the rules are sorted by, best first: descending, except
   * `fishersExactTest` (a p-value) which sorts ascending. A built-in measure
   * name or a key of `measures`. Ties keep discovery order.
   * @defaultValue "lift"
   */
  readonly sortBy?: string;
  /**
   * Custom measures by name, each a function of the 2x2 counts; values land in `rule.customMeasures`.
   * @defaultValue none
   */
  readonly measures?: Readonly<Record<string, AssociationRulesCustomMeasure>>;
  /** Mining algorithm, see {@link frequentItemsets}. @defaultValue "auto" */
  readonly algorithm?: "fpgrowth" | "eclat" | "auto";
  /**
   * Size budget of the itemset search, see {@link FrequentItemsetsOptions.maxItemsets}: given, a partial
   * result flagged `truncated`; not given, more than 1,000,000 itemsets (or 2^25 stored items) is an
   * `InvalidOptionsError` saying what to change; `Infinity` opts out.
   * @defaultValue 1,000,000 (exceeding it is an error)
   */
  readonly maxItemsets?: number;
  /**
   * Time budget in ms of the whole call: when exceeded, the rules found so far are returned with
   * `truncated: true`. The itemset search gets a quarter of it, rule generation the next
   * quarter, the rule objects the rest.
   * @defaultValue none
   */
  readonly timeLimitMs?: number;
}

/**
 * Result of {@link associationRules}.
 *
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const result = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.6 });
 * [result.transactionCount, result.itemsetCount, result.truncated, result.options.minCount]; // => [4, 5, false, 2]
 * ```
 */
export interface AssociationRulesResult {
  /** The rules, best first by `options.sortBy`. */
  readonly rules: readonly AssociationRule[];
  readonly transactionCount: number;
  /** Frequent itemsets the rules were generated from. */
  readonly itemsetCount: number;
  /**
   * True when a budget stopped the call: the itemset search (rules come from a partial set of itemsets,
   * an improvement compares only with the mined subsets), or the rule generation (`timeLimitMs`: the
   * rules are those found in time).
   */
  readonly truncated: boolean;
  readonly truncatedReason: "maxItemsets" | "timeLimitMs" | undefined;
  /** Resolved options. */
  readonly options: {
    readonly minSupport: number;
    readonly minCount: number;
    readonly minConfidence: number;
    readonly minLift: number | undefined;
    readonly minLength: number;
    readonly maxLength: number | undefined;
    readonly consequent: "single" | "all";
    readonly antecedentItems: readonly string[] | undefined;
    readonly consequentItems: readonly string[] | undefined;
    readonly maxRules: number | undefined;
    readonly sortBy: string;
    readonly algorithm: "fpgrowth" | "eclat";
  };
}

/**
 * Rules of associationRules' options by name; defaults are applied where the options are read.
 *
 * @internal Exported for the equivalence test of basket's option rules (internal/optionChecks.test.ts).
 */
export const associationRulesShape = {
  ...miningShape,
  ...ruleShape,
  maxRules: budget("to keep every rule"),
  sortBy: anyText(),
  measures: functionTable<AssociationRulesCustomMeasure>("a function of the 2x2 counts"),
};

/** Share of `timeLimitMs` given to the itemset search; the rest to rule generation and rule objects. */
const SEARCH_SHARE = 0.25;
/** Share of `timeLimitMs` after which rule generation stops (the rest builds the rule objects). */
const GENERATION_SHARE = 0.5;
/**
 * Antecedent/consequent splits enumerated with `consequent: "all"` under the default itemset budget
 * (2^22 = 4,194,304 as the message words it, about a second of work; Groceries at minSupport 0.0005
 * needs under 10^6): a lattice of 17 items already has 3^17 = 129 million.
 */
const DEFAULT_MAX_SPLITS = 1 << 22;
/** Rules kept when `maxRules` is not given (1,000,000 as the message words it); more is an error (a rule object is about 400 bytes). */
const DEFAULT_MAX_RULES = 1_000_000;

/**
 * Mines association rules X => Y: every frequent itemset Z (count >=
 * ceil(minSupport * N), as in {@link frequentItemsets}) is split into an
 * antecedent X and consequent Y = Z \ X; rules with confidence >=
 * minConfidence (and lift >= minLift) are kept, with all the interest
 * measures of {@link AssociationRule}. Antecedent and consequent counts come
 * from the mined itemsets through a hash index (no rescan of the data).
 *
 * With `maxRules`, only the top rules by `sortBy` are kept by a bounded heap
 * while splits are enumerated. Item appearance constraints filter splits
 * (`antecedentItems`: the only items allowed on the left, `consequentItems` on
 * the right).
 *
 * Bounded by default: more than 1,000,000 itemsets or 1,000,000 rules is an
 * InvalidOptionsError naming the options to change, and `timeLimitMs`,
 * `maxItemsets` and `maxRules` hold across the whole call.
 *
 * Complexity: the itemset search (see {@link frequentItemsets}), then O(L)
 * hash lookups per split of each itemset of length L; `improvement` is
 * memoised over immediate subsets (O(L^2) lookups per itemset involved), so
 * the work is linear in the rules produced for a bounded itemset length.
 *
 * Matches arules `apriori(..., parameter = list(supp, conf, minlen = 2), target = "rules")`
 * for `consequent: "single"` (arules' default maxlen is 10; here there is no cap unless `maxLength`).
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link AssociationRulesOptions}
 * @throws InvalidOptionsError for out-of-range thresholds, an unknown `sortBy`, unknown options, or when
 *   the default itemset or rule budget is exceeded (the message names what to change)
 * @throws InvalidRecordError for a hand-built {@link Transactions} whose offsets or item codes are inconsistent
 * @throws InvalidRecordError naming the row when a plain basket holds a non-string item
 * @throws InsufficientDataError when there are no transactions
 * @see Agrawal, Imieliński, Swami (1993), "Mining association rules between sets of items in large databases", SIGMOD; Hahsler, Grün, Hornik (2005), arules, JSS 14(15).
 * @example
 * ```ts
 * const baskets = [["beer", "diapers"], ["beer", "diapers", "chips"], ["milk"], ["beer", "chips"]];
 * const { rules } = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.6 });
 * rules.map((r) => `${r.antecedent} => ${r.consequent} (lift ${r.lift.toFixed(2)})`);
 * // => ["diapers => beer (lift 1.33)", "beer => diapers (lift 1.33)", "chips => beer (lift 1.33)", "beer => chips (lift 1.33)"]
 * ```
 */
export function associationRules(
  transactions: TransactionsInput,
  options: AssociationRulesOptions = {},
): AssociationRulesResult {
  const start = performance.now();
  const fn = "associationRules";
  const parsed = checkOptions(fn, associationRulesShape, options);
  const refuse = (path: string, message: string, received?: unknown): never => {
    throw argumentError(fn, path, message, received);
  };
  const sortBy = parsed.sortBy ?? "lift";
  const minLength = parsed.minLength ?? 2;
  const consequent = parsed.consequent ?? "single";
  const minConfidence = parsed.minConfidence ?? 0.8;
  const customMeasures = parsed.measures ?? {};
  const customNames = Object.keys(customMeasures);
  const builtIn = (BUILT_IN_MEASURES as readonly string[]).includes(sortBy);
  if (!builtIn && !customNames.includes(sortBy)) {
    refuse(
      "sortBy",
      `unknown measure; use one of ${BUILT_IN_MEASURES.join(", ")} or a key of options.measures`,
      sortBy,
    );
  }
  if (parsed.maxLength !== undefined && parsed.maxLength < minLength) {
    refuse("maxLength", `must be at least minLength (${minLength})`, parsed.maxLength);
  }
  const data = toTransactions(transactions, fn);
  assertNotEmpty(data, fn);
  const n = data.transactionCount;
  const { minCount, minSupport } = resolveMinCount(fn, parsed, 0.1, n);
  const budget = searchBudget(parsed, start, SEARCH_SHARE);
  const mined = mineItemsets(data, {
    minCount,
    maxLength: parsed.maxLength ?? Infinity,
    algorithm: parsed.algorithm,
    maxItemsets: budget.maxItemsets,
    maxItemOccurrences: budget.maxItemOccurrences,
    deadline: budget.searchDeadline,
  });
  if (budget.isDefault && mined.truncated && mined.truncatedReason !== "timeLimitMs") {
    throw defaultBudgetError(fn, minCount, mined.size);
  }
  let timedOut = mined.truncatedReason === "timeLimitMs";
  const deadline = budget.deadline;
  // rule generation stops halfway through the time budget, leaving the rest for the rule objects
  const generationDeadline =
    deadline === Infinity ? deadline : start + (parsed.timeLimitMs as number) * GENERATION_SHARE;
  const { offsets, counts } = mined;
  const index = itemsetIndex(offsets, mined.items, mined.size, generationDeadline);
  // itemsets left out of the index when the clock ran out are treated as not mined
  const itemsetCount = index.size;
  if (itemsetCount < mined.size) timedOut = true;
  const allSplits = consequent === "all";
  const splitter = ruleSplits(data, mined, index, { ...parsed, minConfidence });
  const { countOf, improvementOf, logFactorial } = splitter;
  const tableOf = (both: number, left: number, right: number): RuleContingencyTable => ({
    both,
    antecedentOnly: left - both,
    consequentOnly: right - both,
    neither: n - left - right + both,
    antecedentCount: left,
    consequentCount: right,
    transactionCount: n,
  });
  const ascending = sortBy === "fishersExactTest";
  const sortKey = (z: number, right: number, both: number, left: number, rightCount: number): number => {
    let value: number;
    if (sortBy === "improvement") value = improvementOf(z, right, both / left);
    else if (builtIn) value = measureValue(sortBy as BuiltInMeasure, both, left, rightCount, n, logFactorial);
    else value = (customMeasures[sortBy] as AssociationRulesCustomMeasure)(tableOf(both, left, rightCount));
    return sortKeyOf(value, ascending);
  };
  const keyBound = builtIn ? sortKeyBound(sortBy as BuiltInMeasure, n) : undefined;

  const heap =
    parsed.maxRules === undefined || parsed.maxRules === Infinity ? undefined : new TopK(parsed.maxRules);
  const ruleCap = parsed.maxRules === undefined ? DEFAULT_MAX_RULES : Infinity;
  const splitCap = budget.isDefault ? DEFAULT_MAX_SPLITS : Infinity;
  let splits = 0;
  const ruleItemset = new IntBuffer(4096);
  const ruleMask = new IntBuffer(4096);

  const consider = (z: number, full: number, right: number, both: number): void => {
    if (!splitter.allowed(z, right)) return;
    const left = countOf(z, full & ~right);
    const rightCount = countOf(z, right);
    if (!splitter.passes(both, left, rightCount)) return;
    if (heap !== undefined) {
      const key = sortKey(z, right, both, left, rightCount);
      if (heap.accepts(key)) heap.offer(key, z, right);
      return;
    }
    ruleItemset.push(z);
    ruleMask.push(right);
    if (ruleItemset.length > ruleCap) {
      refuse(
        "maxRules",
        "more than 1,000,000 rules pass the thresholds (the default cap, about 400 MB of rule objects): raise minConfidence, minSupport or minLift, set maxLength, or set maxRules (the best maxRules rules by sortBy; Infinity keeps every rule)",
      );
    }
  };

  // rule generation: every itemset split into antecedent => consequent, in (itemset, consequent mask) order
  let sinceClock = 0;
  generation: for (let z = 0; z < itemsetCount; z++) {
    if (++sinceClock >= 256) {
      sinceClock = 0;
      if (pastDeadline(generationDeadline)) {
        timedOut = true;
        break;
      }
    }
    const length = (offsets[z + 1] as number) - (offsets[z] as number);
    if (length < minLength) continue;
    if (length > MAX_RULE_ITEMS) {
      refuse(
        "maxLength",
        `a frequent itemset has ${length} items; rules are generated from itemsets of at most ${MAX_RULE_ITEMS} items, set maxLength <= ${MAX_RULE_ITEMS}`,
        parsed.maxLength,
      );
    }
    const both = counts[z] as number;
    // top-k pruning: once the heap is full, an itemset none of whose rules can beat its worst entry is skipped
    if (heap?.full === true && keyBound !== undefined && keyBound(both) <= heap.worstKey) continue;
    // length <= MAX_RULE_ITEMS (30), so the shift does not overflow
    const full = (1 << length) - 1;
    if (length === 1) {
      consider(z, full, full, both);
      continue;
    }
    if (allSplits) {
      splits += full - 1;
      if (splits > splitCap) {
        refuse(
          "consequent",
          'with consequent "all" the frequent itemsets have more than 4,194,304 antecedent/consequent splits (2^length each; the default budget): set maxLength (e.g. 4), raise minSupport, use consequent "single", or give maxItemsets explicitly (Infinity included) with timeLimitMs to lift this budget',
          "all",
        );
      }
      for (let right = 1; right < full; right++) {
        consider(z, full, right, both);
        if ((right & 4095) === 0 && pastDeadline(generationDeadline)) {
          timedOut = true;
          break generation;
        }
      }
    } else {
      for (let k = 0; k < length; k++) consider(z, full, 1 << k, both);
    }
  }

  // collect the kept (itemset, consequent mask) pairs
  let pairsZ: ArrayLike<number>;
  let pairsMask: ArrayLike<number>;
  if (heap !== undefined) {
    pairsZ = heap.first.subarray(0, heap.size);
    pairsMask = heap.second.subarray(0, heap.size);
  } else {
    pairsZ = ruleItemset.data.subarray(0, ruleItemset.length);
    pairsMask = ruleMask.data.subarray(0, ruleMask.length);
  }
  const rules: AssociationRule[] = [];
  for (let r = 0; r < pairsZ.length; r++) {
    if ((r & 1023) === 1023 && pastDeadline(deadline)) {
      timedOut = true;
      break;
    }
    const z = pairsZ[r] as number;
    const right = pairsMask[r] as number;
    const length = (offsets[z + 1] as number) - (offsets[z] as number);
    const full = (1 << length) - 1;
    const both = counts[z] as number;
    const left = countOf(z, full & ~right);
    const rightCount = countOf(z, right);
    const custom: Record<string, number> = {};
    if (customNames.length > 0) {
      const table = tableOf(both, left, rightCount);
      for (const name of customNames)
        custom[name] = (customMeasures[name] as AssociationRulesCustomMeasure)(table);
    }
    rules.push(
      splitter.rule(
        z,
        right,
        left,
        rightCount,
        length === 1 ? 0 : improvementOf(z, right, both / left),
        custom,
      ),
    );
  }
  // sort best first by sortBy; ties in discovery order (itemset, then consequent mask), so the top-k
  // heap and a full sort agree
  const keyOf = (rule: AssociationRule): number =>
    sortKeyOf(
      builtIn
        ? (rule[sortBy as AssociationRulesMeasureName] as number)
        : (rule.customMeasures[sortBy] as number),
      ascending,
    );
  // rule r is the pair (pairsZ[r], pairsMask[r]); a difference of two equal infinite keys is NaN, which
  // (falsy) passes to the ties as equal keys do
  const keys = rules.map(keyOf);
  const sorted = rules
    .map((_, r) => r)
    .sort(
      (a, b) =>
        (keys[b] as number) - (keys[a] as number) ||
        (pairsZ[a] as number) - (pairsZ[b] as number) ||
        (pairsMask[a] as number) - (pairsMask[b] as number),
    )
    .map((r) => rules[r] as AssociationRule);

  const result: AssociationRulesResult = {
    rules: sorted,
    transactionCount: n,
    itemsetCount,
    truncated: mined.truncated || timedOut,
    truncatedReason: timedOut ? "timeLimitMs" : mined.truncated ? "maxItemsets" : undefined,
    options: {
      minSupport,
      minCount,
      minConfidence,
      minLift: parsed.minLift,
      minLength,
      maxLength: parsed.maxLength,
      consequent,
      antecedentItems: parsed.antecedentItems,
      consequentItems: parsed.consequentItems,
      maxRules: parsed.maxRules,
      sortBy,
      algorithm: mined.algorithm,
    },
  };
  return withRulesDisplay(result, "Association rules");
}
