import { InvalidRecordError, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, custom, required } from "../core/internal/optionRules.js";
import { assertNotEmpty, toTransactions } from "./internal/builder.js";
import {
  alphabeticalRanks,
  budget,
  compareLabelLists,
  DEFAULT_MAX_ITEMSETS,
  deadlineAfter,
  labelsOf,
  pastDeadline,
  thresholdBudgetError,
} from "./internal/common.js";
import { positiveNumber, share, wholeAtLeastOne } from "./internal/optionChecks.js";
import type { TransactionsInput } from "./Transactions.js";

/**
 * Options of {@link weightedItemsets}.
 *
 * @example
 * ```ts
 * const options: WeightedItemsetsOptions = { weights: [12.5, 3, 40], minWeightedSupport: 0.2 };
 * options.weights.length; // => 3
 * ```
 */
export interface WeightedItemsetsOptions {
  /**
   * One weight per transaction (e.g. the basket's margin, or hub weights), finite and >= 0, in the
   * order of the transactions; their total must be > 0.
   */
  readonly weights: ArrayLike<number>;
  /**
   * Minimum weighted support in (0, 1]: an itemset is kept when the weights of the transactions holding
   * it sum to at least `minWeightedSupport` x the total weight (less a relative 1e-12 against rounding).
   * @defaultValue 0.1 (as arules' weclat)
   */
  readonly minWeightedSupport?: number;
  /** Largest itemset size. @defaultValue none */
  readonly maxLength?: number;
  /**
   * Size budget: given, the search stops after this many itemsets (`truncated: true`); not given, more
   * than 1,000,000 itemsets is an `InvalidOptionsError` saying what to change. `Infinity`: no budget.
   * @defaultValue 1,000,000 (exceeding it is an error)
   */
  readonly maxItemsets?: number;
  /** Time budget in ms; when exceeded, the itemsets found so far with `truncated: true`. @defaultValue none */
  readonly timeLimitMs?: number;
}

/**
 * One itemset with its weighted support.
 *
 * @example
 * ```ts
 * const result = weightedItemsets([["beer", "chips"], ["beer"]], { weights: [3, 1], minWeightedSupport: 0.5 });
 * result.itemsets[0]; // => { items: ["beer"], weightedSupport: 1, weight: 4, count: 2 }
 * ```
 */
export interface WeightedItemset {
  /** Item names, sorted by name. */
  readonly items: readonly string[];
  /** weight / total weight. */
  readonly weightedSupport: number;
  /** Sum of the weights of the transactions holding every item (summed in transaction order). */
  readonly weight: number;
  /** Number of transactions holding every item (unweighted). */
  readonly count: number;
}

/**
 * Result of {@link weightedItemsets}.
 *
 * @example
 * ```ts
 * const result = weightedItemsets([["beer", "chips"], ["beer"]], { weights: [3, 1], minWeightedSupport: 0.5 });
 * [result.itemsets.length, result.totalWeight, result.truncated]; // => [3, 4, false]
 * ```
 */
export interface WeightedItemsetsResult {
  /** The itemsets, by descending weight (ties: fewer items, then names). */
  readonly itemsets: readonly WeightedItemset[];
  readonly transactionCount: number;
  /** Sum of all weights. */
  readonly totalWeight: number;
  /** True when `maxItemsets` or `timeLimitMs` stopped the search (the list is partial; each value exact). */
  readonly truncated: boolean;
  readonly options: {
    readonly minWeightedSupport: number;
    readonly maxLength: number | undefined;
  };
}

/**
 * Rules of weightedItemsets' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const weightedItemsetsShape = {
  weights: required(
    custom<ArrayLike<number>>("an array of numbers", (value) =>
      Array.isArray(value) ||
      (ArrayBuffer.isView(value) &&
        !(value instanceof DataView) &&
        typeof (value as { length?: unknown }).length === "number")
        ? undefined
        : "expected an array of numbers, one weight per transaction",
    ),
  ),
  minWeightedSupport: share("must be at most 1 (a share of the total weight)"),
  maxLength: wholeAtLeastOne(),
  maxItemsets: budget(),
  timeLimitMs: positiveNumber(),
};

/**
 * Frequent itemsets under weighted support, a weight per transaction (arules'
 * `weclat`; Yun, Zhang, Hu 2008 use hub weights from HITS): the weighted
 * support of an itemset is the sum of the weights of the transactions that
 * hold it, divided by the total weight. With a basket's margin as its weight,
 * an itemset bought in a few large baskets outranks one bought in many small
 * ones. Weights >= 0 keep the support anti-monotone, so a depth-first Eclat
 * over transaction-id lists finds every itemset above the threshold.
 *
 * Complexity: output-sensitive; each itemset costs one intersection of its parent's id list with an
 * item's (linear in their lengths) and one weight sum over its id list.
 *
 * @param transactions - {@link Transactions} or `string[][]` (not mutated)
 * @param options - {@link WeightedItemsetsOptions}
 * @throws InvalidRecordError naming the transaction whose weight is negative, NaN or infinite
 * @throws InvalidOptionsError when `weights` is missing or of the wrong length, the total weight is 0, for
 *   bad thresholds, or when the default budget stops the search
 * @throws InsufficientDataError when there are no transactions
 * @see Hahsler, Grün, Hornik (2005), arules, JSS 14(15): `weclat`; Sun, Bai (2008), "Mining weighted
 *   association rules without preassigned weights", IEEE TKDE 20(4) (the HITS weights).
 * @example
 * ```ts
 * // two small baskets of chips, one large basket of wine and cheese (weights: basket margins)
 * const baskets = [["chips"], ["chips"], ["wine", "cheese"]];
 * const { itemsets } = weightedItemsets(baskets, { weights: [1, 1, 8], minWeightedSupport: 0.5 });
 * itemsets.map((s) => `${s.items.join("+")}: ${s.weightedSupport}`);
 * // => ["cheese: 0.8", "wine: 0.8", "cheese+wine: 0.8"]
 * ```
 */
export function weightedItemsets(
  transactions: TransactionsInput,
  options: WeightedItemsetsOptions,
): WeightedItemsetsResult {
  const start = performance.now();
  const fn = "weightedItemsets";
  const parsed = checkOptions(fn, weightedItemsetsShape, options);
  const minWeightedSupport = parsed.minWeightedSupport ?? 0.1;
  const data = toTransactions(transactions, fn);
  assertNotEmpty(data, fn);
  const n = data.transactionCount;
  const weights = parsed.weights;
  if (weights.length !== n) {
    throw argumentError(
      fn,
      "weights",
      `expected one weight per transaction (${n}), got ${weights.length}`,
      `length ${weights.length}`,
    );
  }
  const w = new Float64Array(n);
  let total = 0;
  for (let t = 0; t < n; t++) {
    const value = weights[t];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new InvalidRecordError(fn, t, "weight", value, "a finite number >= 0");
    }
    w[t] = value;
    total += value;
  }
  if (!(total > 0)) {
    throw argumentError(
      fn,
      "weights",
      "the weights sum to 0: give at least one transaction a positive weight",
      total,
    );
  }
  const minWeight = minWeightedSupport * total * (1 - 1e-12);
  const maxLength = parsed.maxLength ?? Infinity;
  const maxItemsets = parsed.maxItemsets ?? DEFAULT_MAX_ITEMSETS;
  const deadline = deadlineAfter(start, parsed.timeLimitMs);

  // vertical layout: transaction ids of each item, ascending
  const itemCount = data.itemLabels.length;
  const counts = new Int32Array(itemCount + 1);
  for (const code of data.items) counts[code + 1] = (counts[code + 1] as number) + 1;
  for (let i = 0; i < itemCount; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const tids = new Int32Array(data.items.length);
  const cursor = counts.slice(0, itemCount);
  for (let t = 0; t < n; t++) {
    for (let k = data.offsets[t] as number; k < (data.offsets[t + 1] as number); k++) {
      const code = data.items[k] as number;
      tids[cursor[code] as number] = t;
      cursor[code] = (cursor[code] as number) + 1;
    }
  }
  const weightOf = (list: Int32Array): number => {
    let sum = 0;
    for (let i = 0; i < list.length; i++) sum += w[list[i] as number] as number;
    return sum;
  };
  const start0: { code: number; list: Int32Array; weight: number }[] = [];
  for (let code = 0; code < itemCount; code++) {
    const list = tids.subarray(counts[code] as number, counts[code + 1] as number);
    const weight = weightOf(list);
    if (weight >= minWeight) start0.push({ code, list, weight });
  }
  // heavier items last: their (longer) lists are intersected with the shorter ones first
  start0.sort((a, b) => a.weight - b.weight || a.code - b.code);

  const found: { codes: number[]; weight: number; count: number }[] = [];
  let truncated = false;
  const prefix: number[] = [];
  const grow = (candidates: { code: number; list: Int32Array; weight: number }[]): boolean => {
    for (let i = 0; i < candidates.length; i++) {
      const { code, list, weight } = candidates[i] as { code: number; list: Int32Array; weight: number };
      if (found.length >= maxItemsets || ((found.length & 1023) === 1023 && pastDeadline(deadline))) {
        return false;
      }
      prefix.push(code);
      found.push({ codes: prefix.slice(), weight, count: list.length });
      if (prefix.length < maxLength) {
        const next: { code: number; list: Int32Array; weight: number }[] = [];
        for (let j = i + 1; j < candidates.length; j++) {
          const other = candidates[j] as { code: number; list: Int32Array; weight: number };
          const both = intersect(list, other.list);
          if (both.length === 0) continue;
          const bothWeight = weightOf(both);
          if (bothWeight >= minWeight) next.push({ code: other.code, list: both, weight: bothWeight });
        }
        if (next.length > 0 && !grow(next)) {
          prefix.pop();
          return false;
        }
      }
      prefix.pop();
    }
    return true;
  };
  if (!grow(start0)) {
    truncated = true;
    if (parsed.maxItemsets === undefined && found.length >= maxItemsets) {
      throw thresholdBudgetError(fn, `pass minWeightedSupport ${minWeightedSupport}`, "minWeightedSupport");
    }
  }
  const ranks = alphabeticalRanks(data);
  const labels = data.itemLabels;
  const rows = found.map((entry) => ({
    items: labelsOf(entry.codes, 0, entry.codes.length, labels, ranks),
    weightedSupport: entry.weight / total,
    weight: entry.weight,
    count: entry.count,
  }));
  rows.sort((a, b) => b.weight - a.weight || compareLabelLists(a.items, b.items));
  const result: WeightedItemsetsResult = {
    itemsets: rows,
    transactionCount: n,
    totalWeight: total,
    truncated,
    options: { minWeightedSupport, maxLength: parsed.maxLength },
  };
  return withDisplay(result, {
    title: "Weighted itemsets",
    summary: (r) => [
      `${r.itemsets.length} itemsets with weighted support >= ${r.options.minWeightedSupport} from ${r.transactionCount} transactions (total weight ${r.totalWeight})${r.truncated ? ", TRUNCATED" : ""}`,
    ],
    rows: (r) => r.itemsets,
    columns: ["items", "weightedSupport", "weight", "count"],
  });
}

/** Sorted intersection of two ascending id lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let size = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out[size++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, size);
}
