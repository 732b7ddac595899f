import { InvalidOptionsError } from "../../core/index.js";
import { custom, type OptionRule, oneOf } from "../../core/internal/optionRules.js";
import type { Transactions } from "../Transactions.js";
import { above0, atLeast, atMost, boundedNumber } from "./optionChecks.js";

/**
 * An optional budget option (maxItemsets, maxRules, maxPatterns): a whole number >= 1, or Infinity, which
 * `unbounded` says the meaning of in the message.
 */
export const budget = (unbounded = "for no budget"): OptionRule<number, true> =>
  custom<number>("a whole number >= 1, or Infinity", (value) =>
    value === Infinity || (Number.isInteger(value) && (value as number) >= 1)
      ? undefined
      : `must be a whole number >= 1, or Infinity ${unbounded}`,
  );

/** An optional whole number >= 1 (a count, a length, a number of rules); one rule for every such option. */
export const wholeCount = /* @__PURE__ */ boundedNumber(
  "a whole number >= 1",
  [/* @__PURE__ */ atLeast(1)],
  true,
);
/** An optional number in [0, 1] (a confidence). */
export const confidence = /* @__PURE__ */ boundedNumber("a number >= 0 and <= 1", [
  /* @__PURE__ */ atLeast(0),
  /* @__PURE__ */ atMost(1),
]);
/** An optional number >= 0 (a lift). */
export const lift = /* @__PURE__ */ boundedNumber("a number >= 0", [/* @__PURE__ */ atLeast(0)]);

/**
 * Rules of the options shared by the mining functions (checked once per call). Defaults are applied where
 * the values are read (`algorithm` undefined is "auto").
 */
export const miningShape = {
  minSupport: /* @__PURE__ */ boundedNumber("a number > 0 and <= 1", [
    above0,
    [(value) => value <= 1, "must be at most 1 (a fraction of transactions)"],
  ]),
  minCount: /* @__PURE__ */ boundedNumber(
    "",
    [/* @__PURE__ */ atLeast(1)],
    "must be a whole number of transactions",
  ),
  maxLength: /* @__PURE__ */ boundedNumber(
    "",
    [/* @__PURE__ */ atLeast(1)],
    "must be a whole number of items",
  ),
  algorithm: /* @__PURE__ */ oneOf(["fpgrowth", "eclat", "auto"]),
  maxItemsets: /* @__PURE__ */ budget(),
  timeLimitMs: /* @__PURE__ */ boundedNumber("a number > 0", [above0]),
};

/**
 * The minimum count from the options: `minCount` when given, else
 * `ceil(minSupport * N)` (the arules convention; a relative tolerance of 1e-9
 * keeps `0.1 * 30` at 3).
 */
export function resolveMinCount(
  functionName: string,
  options: { minSupport?: number | undefined; minCount?: number | undefined },
  defaultSupport: number,
  transactionCount: number,
): { minCount: number; minSupport: number } {
  if (options.minSupport !== undefined && options.minCount !== undefined) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "minCount",
        message: "give either minSupport (a fraction) or minCount (transactions), not both",
      },
    ]);
  }
  if (options.minCount !== undefined) {
    return { minCount: options.minCount, minSupport: options.minCount / transactionCount };
  }
  const minSupport = options.minSupport ?? defaultSupport;
  const exact = minSupport * transactionCount;
  const minCount = Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
  return { minCount, minSupport };
}

/** Rank of each item code when labels are sorted (UTF-16 code-unit order): output items are sorted by it. */
export function alphabeticalRanks(transactions: Transactions): Int32Array {
  const labels = transactions.itemLabels;
  const order = labels
    .map((_, code) => code)
    .sort((a, b) => compareText(labels[a] as string, labels[b] as string));
  const ranks = new Int32Array(labels.length);
  for (let r = 0; r < order.length; r++) ranks[order[r] as number] = r;
  return ranks;
}

/** UTF-16 code-unit order, as `Array.prototype.sort` without a comparator. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order of two sorted label lists: the shorter first, then by the first differing label (UTF-16
 * code-unit order). The tie-break of the itemset lists returned sorted by a measure.
 */
export function compareLabelLists(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const scratch = { codes: new Int32Array(64) };

/** Labels of `codes[from..to)`, sorted by label (through the precomputed ranks). */
export function labelsOf(
  codes: ArrayLike<number>,
  from: number,
  to: number,
  labels: readonly string[],
  ranks: Int32Array,
): string[] {
  const length = to - from;
  if (scratch.codes.length < length) scratch.codes = new Int32Array(length * 2);
  const picked = scratch.codes;
  for (let i = 0; i < length; i++) {
    const code = codes[from + i] as number;
    const rank = ranks[code] as number;
    let at = i - 1;
    while (at >= 0 && (ranks[picked[at] as number] as number) > rank) {
      picked[at + 1] = picked[at] as number;
      at--;
    }
    picked[at + 1] = code;
  }
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) out[i] = labels[picked[i] as number] as string;
  return out;
}

/**
 * Default budget of the itemset search when `maxItemsets` is not given: one million itemsets (about
 * 100-200 MB once returned as objects) ...
 */
export const DEFAULT_MAX_ITEMSETS = 1_000_000;
/** ... or 2^25 stored item occurrences (128 MB of `Int32Array`), whichever comes first. */
export const DEFAULT_MAX_ITEM_OCCURRENCES = 1 << 25;

/** The resolved budget of one call. */
export interface SearchBudget {
  readonly maxItemsets: number;
  readonly maxItemOccurrences: number;
  /** `performance.now()` after which every phase stops, `Number.POSITIVE_INFINITY` for none. */
  readonly deadline: number;
  /**
   * `performance.now()` after which the itemset search stops: a share of the time budget, leaving the
   * rest to the phases that turn the itemsets found into results (they cost more per itemset).
   */
  readonly searchDeadline: number;
  /** True when `maxItemsets` was not given: hitting the budget is then an error, not a partial result. */
  readonly isDefault: boolean;
}

/** The budget from the options; `start` is the `performance.now()` at the call's entry. */
export function searchBudget(
  options: { maxItemsets?: number | undefined; timeLimitMs?: number | undefined },
  start: number,
  searchShare: number,
): SearchBudget {
  const isDefault = options.maxItemsets === undefined;
  const limit = options.timeLimitMs;
  return {
    maxItemsets: options.maxItemsets ?? DEFAULT_MAX_ITEMSETS,
    maxItemOccurrences: isDefault ? DEFAULT_MAX_ITEM_OCCURRENCES : Infinity,
    deadline: deadlineAfter(start, limit),
    searchDeadline: limit === undefined ? Infinity : start + limit * searchShare,
    isDefault,
  };
}

/** Flags by item code: 1 for the items whose label is in `list` (undefined without a list). */
export function itemFlags(
  labels: readonly string[],
  list: readonly string[] | undefined,
): Uint8Array | undefined {
  if (list === undefined) return undefined;
  const wanted = new Set(list);
  return Uint8Array.from(labels, (label) => (wanted.has(label) ? 1 : 0));
}

/** The `performance.now()` at which a time budget of `timeLimitMs` from `start` runs out (`Number.POSITIVE_INFINITY` for none). */
export function deadlineAfter(start: number, timeLimitMs: number | undefined): number {
  return timeLimitMs === undefined ? Infinity : start + timeLimitMs;
}

/** A clock check for loops: true once the deadline has passed. */
export function pastDeadline(deadline: number): boolean {
  return deadline !== Infinity && performance.now() > deadline;
}

/** A count with thousands separators, as the budget messages write it ("1,000,000"). */
export const withThousands = (count: number): string => count.toLocaleString("en-US");

/**
 * The error thrown when more than the default number of itemsets pass the threshold of a search
 * without a minimum count (highUtilityItemsets, weightedItemsets): `passing` says how they pass it
 * ("reach minUtility 10"), `threshold` names the option to raise.
 */
export function thresholdBudgetError(
  functionName: string,
  passing: string,
  threshold: string,
): InvalidOptionsError {
  return new InvalidOptionsError(functionName, [
    {
      path: "maxItemsets",
      message: `more than ${withThousands(DEFAULT_MAX_ITEMSETS)} itemsets ${passing} (the default budget): raise ${threshold}, set maxLength, or set maxItemsets (a partial result flagged truncated; Infinity for no budget)`,
    },
  ]);
}

/**
 * The error thrown when the default itemset budget stops a search (an explicit `maxItemsets` returns a
 * partial result instead).
 */
export function defaultBudgetError(
  functionName: string,
  minCount: number,
  found: number,
): InvalidOptionsError {
  return new InvalidOptionsError(functionName, [
    {
      path: "maxItemsets",
      message:
        `the search passed the default budget (${withThousands(DEFAULT_MAX_ITEMSETS)} itemsets or ` +
        `${withThousands(DEFAULT_MAX_ITEM_OCCURRENCES)} stored items) after ${withThousands(found)} ` +
        `itemsets at min count ${minCount}: the data has too many frequent itemsets (long baskets make their number ` +
        "grow as 2^length). Raise minSupport (or minCount), set maxLength (e.g. 3), or set maxItemsets: a number " +
        "returns a partial result flagged truncated, Infinity removes the budget",
    },
  ]);
}
