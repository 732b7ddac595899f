import { type Field, InvalidRecordError, readCodes, readNumbers, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, custom, required } from "../core/internal/optionRules.js";
import {
  budget,
  compareLabelLists,
  compareText,
  DEFAULT_MAX_ITEMSETS,
  deadlineAfter,
  pastDeadline,
  thresholdBudgetError,
} from "./internal/common.js";
import { positiveNumber, recordField, wholeAtLeastOne } from "./internal/optionChecks.js";

/**
 * Options of {@link highUtilityItemsets}: each field a key or an accessor `(line, index) => value`.
 *
 * @example
 * ```ts
 * type Line = { order: string; product: string; qty: number };
 * const options: HighUtilityItemsetsOptions<Line> = {
 *   transaction: "order",
 *   item: "product",
 *   quantity: "qty",
 *   unitProfit: { beer: 2, chips: 1 },
 *   minUtility: 10,
 * };
 * options.minUtility; // => 10
 * ```
 */
export interface HighUtilityItemsetsOptions<T> {
  /** The field identifying the transaction (order id). */
  readonly transaction: Field<T>;
  /** The field naming the item. */
  readonly item: Field<T>;
  /** Quantity of the line (finite, >= 0). @defaultValue 1 per line */
  readonly quantity?: Field<T>;
  /**
   * Profit per unit: a field of the line, or a table by item name (every item must be listed).
   * A line's utility is quantity x unit profit; it must be finite and >= 0.
   * @defaultValue 1 (utility = quantity)
   */
  readonly unitProfit?: Field<T> | Readonly<Record<string, number>>;
  /** Minimum utility (> 0): an itemset is kept when its utility summed over the transactions holding it reaches it. */
  readonly minUtility: number;
  /** Largest itemset size. @defaultValue none */
  readonly maxLength?: number;
  /**
   * Size budget: given, the search stops after this many itemsets (`truncated: true`); not given, more
   * than 1,000,000 is an `InvalidOptionsError` saying what to change. `Infinity`: no budget.
   * @defaultValue 1,000,000 (exceeding it is an error)
   */
  readonly maxItemsets?: number;
  /** Time budget in ms; when exceeded, the itemsets found so far with `truncated: true`. @defaultValue none */
  readonly timeLimitMs?: number;
}

/**
 * One high-utility itemset.
 *
 * @example
 * ```ts
 * const lines = [{ order: 1, item: "wine", qty: 2 }, { order: 1, item: "cheese", qty: 1 }];
 * const options = { transaction: "order", item: "item", quantity: "qty", unitProfit: { wine: 5, cheese: 3 }, minUtility: 13 } as const;
 * highUtilityItemsets(lines, options).itemsets[0]; // => { items: ["cheese", "wine"], utility: 13, count: 1 }
 * ```
 */
export interface HighUtilityItemset {
  /** Item names, sorted by name. */
  readonly items: readonly string[];
  /** Sum over the transactions holding every item of the items' utilities in them. */
  readonly utility: number;
  /** Transactions holding every item. */
  readonly count: number;
}

/**
 * Result of {@link highUtilityItemsets}.
 *
 * @example
 * ```ts
 * const lines = [{ order: 1, item: "wine", qty: 2 }, { order: 2, item: "cheese", qty: 1 }];
 * const result = highUtilityItemsets(lines, { transaction: "order", item: "item", quantity: "qty", minUtility: 2 });
 * [result.itemsets.length, result.totalUtility]; // => [1, 3]
 * ```
 */
export interface HighUtilityItemsetsResult {
  /** The itemsets by descending utility (ties: fewer items, then names). */
  readonly itemsets: readonly HighUtilityItemset[];
  readonly transactionCount: number;
  /** Utility of the whole database (sum of every line's utility). */
  readonly totalUtility: number;
  /** True when `maxItemsets` or `timeLimitMs` stopped the search (the list is partial; each value exact). */
  readonly truncated: boolean;
  readonly options: { readonly minUtility: number; readonly maxLength: number | undefined };
}

/**
 * Rules of highUtilityItemsets' options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const highUtilityItemsetsShape = {
  transaction: required(recordField()),
  item: required(recordField()),
  quantity: recordField(),
  unitProfit: custom<unknown>("a field or a table of unit profits", (value) =>
    typeof value === "string" || typeof value === "function" || (typeof value === "object" && value !== null)
      ? undefined
      : "expected a field (a key or an accessor) or a table of unit profits by item name",
  ),
  minUtility: required(positiveNumber()),
  maxLength: wholeAtLeastOne(),
  maxItemsets: budget(),
  timeLimitMs: positiveNumber(),
};

/** A utility list (Liu and Qu 2012): per transaction holding the itemset, its utility and the remaining utility. */
interface UtilityList {
  readonly item: number;
  readonly tids: Int32Array;
  readonly utilities: Float64Array;
  readonly remaining: Float64Array;
  readonly utility: number;
  readonly bound: number;
}

/**
 * High-utility itemsets (EFIM / SPMF semantics): each line of an order
 * carries a utility, quantity x unit profit; the utility of an itemset in a
 * transaction holding all its items is the sum of their utilities there, and
 * its utility is that sum over every such transaction. The itemsets with
 * utility >= `minUtility` are returned: "which product sets bring the
 * profit", where frequent itemsets say "which are bought often". Utility is
 * not anti-monotone (adding an item can raise it), so the search uses
 * HUI-Miner's utility lists: an itemset's extensions are explored only while
 * its utility plus the remaining utility of the items after it (in ascending
 * transaction-weighted-utility order) reaches `minUtility`, and items whose
 * transaction-weighted utility is below it are dropped first. The result is the
 * same set as EFIM's (Zida et al. 2015), which finds it faster on dense data.
 *
 * Lines of one (transaction, item) pair add up; a line of quantity 0 still puts its item in the
 * transaction (with utility 0). Utilities are summed in doubles (exact for integers
 * below 2^53).
 *
 * Complexity: output-sensitive; each explored itemset costs a merge of two utility lists (linear in the
 * transactions holding them).
 *
 * @param lines - order lines (not mutated)
 * @param options - {@link HighUtilityItemsetsOptions}
 * @throws InvalidRecordError naming the line and field of a missing id or item, a negative or non-finite
 *   quantity or unit profit, or an item missing from a `unitProfit` table
 * @throws InvalidOptionsError for a missing field or `minUtility`, unknown options, or when the default
 *   budget stops the search
 * @see Liu, Qu (2012), "Mining high utility itemsets without candidate generation", CIKM (HUI-Miner);
 *   Zida, Fournier-Viger, Lin, Wu, Tseng (2015), "EFIM: a highly efficient algorithm for high-utility itemset mining", MICAI.
 * @example
 * ```ts
 * const lines = [
 *   { order: 1, item: "wine", qty: 1 }, { order: 1, item: "cheese", qty: 2 },
 *   { order: 2, item: "chips", qty: 3 }, { order: 3, item: "chips", qty: 2 },
 * ];
 * const result = highUtilityItemsets(lines, {
 *   transaction: "order", item: "item", quantity: "qty",
 *   unitProfit: { wine: 6, cheese: 3, chips: 1 }, minUtility: 6,
 * });
 * result.itemsets.map((s) => `${s.items.join("+")}: ${s.utility}`);
 * // => ["cheese+wine: 12", "cheese: 6", "wine: 6"]
 * ```
 */
export function highUtilityItemsets<T>(
  lines: readonly T[],
  options: HighUtilityItemsetsOptions<T>,
): HighUtilityItemsetsResult {
  const start = performance.now();
  const fn = "highUtilityItemsets";
  if (!Array.isArray(lines)) {
    throw argumentError(fn, "lines", "expected an array of order-line records", lines);
  }
  const parsed = checkOptions(fn, highUtilityItemsetsShape, options) as HighUtilityItemsetsOptions<T>;
  const context = { functionName: fn };
  const transactionCodes = readCodes(lines, parsed.transaction, { ...context, optionName: "transaction" });
  const itemCodes = readCodes(lines, parsed.item, { ...context, optionName: "item" });
  const size = lines.length;
  const quantities =
    parsed.quantity === undefined
      ? new Float64Array(size).fill(1)
      : readNumbers(lines, parsed.quantity, { ...context, optionName: "quantity" });
  const labels = itemCodes.labels;
  let profits: Float64Array;
  const profit = parsed.unitProfit;
  if (profit === undefined) profits = new Float64Array(size).fill(1);
  else if (typeof profit === "string" || typeof profit === "function") {
    profits = readNumbers(lines, profit as Field<T>, { ...context, optionName: "unitProfit" });
  } else {
    const table = profit as Readonly<Record<string, number>>;
    const byCode = labels.map((label) => (Object.hasOwn(table, label) ? table[label] : undefined));
    profits = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const value = byCode[itemCodes.codes[i] as number];
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new InvalidRecordError(
          fn,
          i,
          "unitProfit",
          value,
          `a finite unit profit >= 0 for item "${labels[itemCodes.codes[i] as number]}" in the unitProfit table`,
        );
      }
      profits[i] = value;
    }
  }
  for (let i = 0; i < size; i++) {
    const q = quantities[i] as number;
    if (q < 0) throw new InvalidRecordError(fn, i, "quantity", q, "a quantity >= 0");
    const p = profits[i] as number;
    if (p < 0) throw new InvalidRecordError(fn, i, "unitProfit", p, "a unit profit >= 0");
  }

  // utility per (transaction, item): lines grouped by transaction, repeated items added up
  const n = transactionCodes.labels.length;
  const itemCount = labels.length;
  const byTransaction = Array.from({ length: n }, () => new Map<number, number>());
  let totalUtility = 0;
  for (let i = 0; i < size; i++) {
    const utility = (quantities[i] as number) * (profits[i] as number);
    if (!Number.isFinite(utility))
      throw new InvalidRecordError(
        fn,
        i,
        "quantity",
        quantities[i],
        "a quantity whose utility (quantity x unit profit) is finite",
      );
    const map = byTransaction[transactionCodes.codes[i] as number] as Map<number, number>;
    const code = itemCodes.codes[i] as number;
    map.set(code, (map.get(code) ?? 0) + utility);
    totalUtility += utility;
  }
  const minUtility = parsed.minUtility;
  // transaction utility and transaction-weighted utility (TWU) of each item
  const twu = new Float64Array(itemCount);
  const transactionUtility = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let sum = 0;
    for (const utility of (byTransaction[t] as Map<number, number>).values()) sum += utility;
    transactionUtility[t] = sum;
    for (const code of (byTransaction[t] as Map<number, number>).keys())
      twu[code] = (twu[code] as number) + sum;
  }
  const kept: number[] = [];
  for (let code = 0; code < itemCount; code++) if ((twu[code] as number) >= minUtility) kept.push(code);
  kept.sort((a, b) => (twu[a] as number) - (twu[b] as number) || a - b);
  const position = new Int32Array(itemCount).fill(-1);
  kept.forEach((code, r) => {
    position[code] = r;
  });
  // one utility list per kept item: (tid, utility, remaining utility after it in the kept order)
  const entries = kept.map(() => ({
    tids: [] as number[],
    utilities: [] as number[],
    remaining: [] as number[],
  }));
  for (let t = 0; t < n; t++) {
    const row = [...(byTransaction[t] as Map<number, number>)]
      .filter(([code]) => (position[code] as number) >= 0)
      .sort((a, b) => (position[a[0]] as number) - (position[b[0]] as number));
    let remaining = 0;
    for (let j = row.length - 1; j >= 0; j--) {
      const [code, utility] = row[j] as [number, number];
      const list = entries[position[code] as number] as (typeof entries)[number];
      list.tids.push(t);
      list.utilities.push(utility);
      list.remaining.push(remaining);
      remaining += utility;
    }
  }
  const single: UtilityList[] = entries.map((entry, r) => {
    // entries were pushed in ascending t
    const utilities = Float64Array.from(entry.utilities);
    const remaining = Float64Array.from(entry.remaining);
    return {
      item: kept[r] as number,
      tids: Int32Array.from(entry.tids),
      utilities,
      remaining,
      utility: sum(utilities),
      bound: sum(utilities) + sum(remaining),
    };
  });

  const maxLength = parsed.maxLength ?? Infinity;
  const maxItemsets = parsed.maxItemsets ?? DEFAULT_MAX_ITEMSETS;
  const deadline = deadlineAfter(start, parsed.timeLimitMs);
  const found: { codes: number[]; utility: number; count: number }[] = [];
  const prefix: number[] = [];
  let explored = 0;
  const search = (parent: UtilityList | undefined, lists: readonly UtilityList[]): boolean => {
    for (let i = 0; i < lists.length; i++) {
      const x = lists[i] as UtilityList;
      if ((++explored & 1023) === 0 && pastDeadline(deadline)) return false;
      prefix.push(x.item);
      if (x.utility >= minUtility) {
        if (found.length >= maxItemsets) return false;
        found.push({ codes: prefix.slice(), utility: x.utility, count: x.tids.length });
      }
      if (x.bound >= minUtility && prefix.length < maxLength) {
        const extensions: UtilityList[] = [];
        for (let j = i + 1; j < lists.length; j++) {
          const joined = join(parent, x, lists[j] as UtilityList);
          if (joined !== undefined) extensions.push(joined);
        }
        if (extensions.length > 0 && !search(x, extensions)) return false;
      }
      prefix.pop();
    }
    return true;
  };
  const complete = search(undefined, single);
  if (!complete && parsed.maxItemsets === undefined && found.length >= maxItemsets) {
    throw thresholdBudgetError(fn, `reach minUtility ${minUtility}`, "minUtility");
  }
  const itemsets = found.map((entry) => ({
    items: entry.codes.map((code) => labels[code] as string).sort(compareText),
    utility: entry.utility,
    count: entry.count,
  }));
  itemsets.sort((a, b) => b.utility - a.utility || compareLabelLists(a.items, b.items));
  const result: HighUtilityItemsetsResult = {
    itemsets,
    transactionCount: n,
    totalUtility,
    truncated: !complete,
    options: { minUtility, maxLength: parsed.maxLength },
  };
  return withDisplay(result, {
    title: "High-utility itemsets",
    summary: (r) => [
      `${r.itemsets.length} itemsets with utility >= ${r.options.minUtility} from ${r.transactionCount} transactions (total utility ${r.totalUtility})${r.truncated ? ", TRUNCATED" : ""}`,
    ],
    rows: (r) => r.itemsets,
    columns: ["items", "utility", "count"],
  });
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

/**
 * The utility list of P ∪ {x, y} from those of P ∪ {x} and P ∪ {y} (and P's, whose utility is counted
 * twice otherwise); undefined when no transaction holds them all.
 */
function join(parent: UtilityList | undefined, x: UtilityList, y: UtilityList): UtilityList | undefined {
  const capacity = Math.min(x.tids.length, y.tids.length);
  const tids = new Int32Array(capacity);
  const utilities = new Float64Array(capacity);
  const remaining = new Float64Array(capacity);
  let size = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.tids.length && j < y.tids.length) {
    const a = x.tids[i] as number;
    const b = y.tids[j] as number;
    if (a < b) i++;
    else if (a > b) j++;
    else {
      let utility = (x.utilities[i] as number) + (y.utilities[j] as number);
      if (parent !== undefined) {
        while ((parent.tids[k] as number) < a) k++;
        utility -= parent.utilities[k] as number;
      }
      tids[size] = a;
      utilities[size] = utility;
      remaining[size] = y.remaining[j] as number;
      size++;
      i++;
      j++;
    }
  }
  if (size === 0) return undefined;
  const u = utilities.subarray(0, size);
  const r = remaining.subarray(0, size);
  const utility = sum(u);
  return {
    item: y.item,
    tids: tids.subarray(0, size),
    utilities: u,
    remaining: r,
    utility,
    bound: utility + sum(r),
  };
}
