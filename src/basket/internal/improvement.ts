import type { ItemsetIndex } from "./itemsetIndex.js";

/**
 * Improvement of rules (Bayardo, Agrawal and Gunopulos 2000): conf(X => Y)
 * minus the best confidence of S => Y over the proper subsets S of X (the
 * empty set included, whose confidence is supp(Y)), computed by memoised
 * recursion over immediate subsets instead of enumerating the 2^|X| subsets of
 * every rule:
 *
 *   best(Z, Y) = max over S ⊆ Z \ Y of count(S ∪ Y) / count(S)
 *              = max(count(Z) / count(Z \ Y), max over i in Z \ Y of best(Z \ {i}, Y))
 *
 * and improvement(X => Y) = conf - max over i in X of best(Z \ {i}, Y), Z = X ∪ Y.
 * Every value is memoised per (itemset, consequent), so the work is O(L^2)
 * hash lookups per itemset of length L touched for a single-item consequent,
 * instead of O(L 2^L). The maximum is the same set of doubles as the direct
 * enumeration, so results are bit-identical. When a budget truncated the
 * search and a subset is missing, only the subsets reachable through mined
 * ones are compared.
 */
/** Improvement of rules with a single-item consequent (what topRules needs). */
export interface SingleImprovementTable {
  /** Improvement of the rule (Z \ {item k}) => {item k} with confidence `confidence`; 0 for |Z| = 1. */
  single(z: number, k: number, confidence: number): number;
  /** Hash-index lookups so far (a work counter for tests). */
  readonly lookups: number;
  /** Index of the sub-itemset of Z picked by `mask` (non-empty), or -1 (counted in `lookups`). */
  lookup(z: number, mask: number): number;
  /** Count of the sub-itemset of Z picked by `mask` (non-empty), or -1 when not mined. */
  countOf(z: number, mask: number): number;
  /** Index of Z minus its item at position i, or -1 when not mined (memoised). */
  subset(z: number, i: number): number;
}

/** Improvement of rules with any consequent. */
export interface ImprovementTable extends SingleImprovementTable {
  /**
   * Improvement of the rule (Z \ Y) => Y, Y the items of Z picked by `right` (bit k: position k).
   * Memoised per (itemset, consequent mask) for itemsets of at most 16 items while the tables hold
   * fewer than 2^24 values (128 MB); beyond, the proper subsets of the antecedent are enumerated.
   */
  multi(z: number, right: number, confidence: number): number;
}

const fullMask = (length: number): number => (length === 31 ? 0x7fffffff : (1 << length) - 1);

/**
 * The improvement table of the mined itemsets (flat `offsets`/`items`/`counts`, looked up through
 * `index`) for single-item consequents, for rules of at most `maxLength` items. Written as closures
 * rather than a class: minifiers then shorten every field name, which keeps bundles small; and apart
 * from {@link improvementTable}, so a function that needs no multi-item consequent leaves that code out.
 */
export function singleImprovementTable(
  offsets: Int32Array,
  items: Int32Array,
  counts: Int32Array,
  index: ItemsetIndex,
  transactionCount: number,
  maxLength: number,
): SingleImprovementTable {
  let lookups = 0;
  /** Single-item consequents: best(Z, item at position k), at offsets[z] + k. */
  let singleBest: Float64Array | undefined;
  let singleKnown: Uint8Array | undefined;
  /** Index of Z minus its item at position i, at offsets[z] + i: 0 unknown, 1 not mined, else index + 2. */
  let subsets: Int32Array | undefined;
  const buffer = new Int32Array(Math.max(1, maxLength));

  const lookup = (z: number, mask: number): number => {
    lookups++;
    const from = offsets[z] as number;
    let length = 0;
    for (let bits = mask, k = 0; bits !== 0; bits >>>= 1, k++)
      if (bits & 1) buffer[length++] = items[from + k] as number;
    return index.find(buffer, length);
  };

  const subset = (z: number, i: number): number => {
    subsets ??= new Int32Array(items.length);
    const at = (offsets[z] as number) + i;
    const held = subsets[at] as number;
    if (held !== 0) return held - 2;
    const found = lookup(z, fullMask((offsets[z + 1] as number) - (offsets[z] as number)) & ~(1 << i));
    subsets[at] = found + 2;
    return found;
  };

  const bestSingle = (z: number, k: number): number => {
    singleBest ??= new Float64Array(items.length);
    singleKnown ??= new Uint8Array(items.length);
    const at = (offsets[z] as number) + k;
    if (singleKnown[at] === 1) return singleBest[at] as number;
    const length = (offsets[z + 1] as number) - (offsets[z] as number);
    const count = counts[z] as number;
    let best = -Infinity;
    if (length === 1) best = count / transactionCount;
    else {
      const antecedent = subset(z, k);
      if (antecedent >= 0) best = count / (counts[antecedent] as number);
      best = Math.max(best, bestOfSingleSubsets(z, length, k));
    }
    singleBest[at] = best;
    singleKnown[at] = 1;
    return best;
  };

  /** The largest bestSingle(Z \ {i}, item k) over the items i of Z other than k (-Infinity when none is mined). */
  const bestOfSingleSubsets = (z: number, length: number, k: number): number => {
    let best = -Infinity;
    for (let i = 0; i < length; i++) {
      if (i === k) continue;
      const sub = subset(z, i);
      if (sub >= 0) best = Math.max(best, bestSingle(sub, i < k ? k - 1 : k));
    }
    return best;
  };

  return {
    single(z, k, confidence) {
      const length = (offsets[z + 1] as number) - (offsets[z] as number);
      if (length === 1) return 0;
      const best = bestOfSingleSubsets(z, length, k);
      return best === -Infinity ? 0 : confidence - best;
    },
    get lookups() {
      return lookups;
    },
    lookup,
    countOf: (z, mask) => {
      const found = lookup(z, mask);
      return found < 0 ? -1 : (counts[found] as number);
    },
    subset,
  };
}

/**
 * {@link singleImprovementTable} with multi-item consequents too. `memoMaxLength` is the longest
 * itemset whose consequent masks are memoised (lower only in tests, to reach the fallback).
 */
export function improvementTable(
  offsets: Int32Array,
  items: Int32Array,
  counts: Int32Array,
  index: ItemsetIndex,
  transactionCount: number,
  maxLength: number,
  memoMaxLength: number = MEMO_MAX_LENGTH,
): ImprovementTable {
  const table = singleImprovementTable(offsets, items, counts, index, transactionCount, maxLength);
  const { lookup, countOf, subset } = table;
  /** Multi-item consequents: per itemset, best by consequent mask (NaN = not yet computed). */
  const multiBest = new Map<number, Float64Array>();
  let memoSize = 0;

  const lengthOf = (z: number): number => (offsets[z + 1] as number) - (offsets[z] as number);

  const memoisable = (length: number): boolean =>
    length <= memoMaxLength && memoSize + 2 ** length <= MEMO_MAX_VALUES;

  /**
   * Best confidence of S => Y over the subsets S of Z \ Y (`all` false: proper subsets only; the empty
   * set always included), by enumeration: 2^|Z \ Y| lookup pairs. -Infinity when none is mined.
   */
  const enumerated = (z: number, right: number, all: boolean): number => {
    const left = fullMask(lengthOf(z)) & ~right;
    let best = -Infinity;
    for (let sub = all ? left : (left - 1) & left; ; sub = (sub - 1) & left) {
      const subCount = sub === 0 ? transactionCount : countOf(z, sub);
      const unionCount = countOf(z, sub | right);
      if (subCount > 0 && unionCount >= 0) best = Math.max(best, unionCount / subCount);
      if (sub === 0) break;
    }
    return best;
  };

  const bestMulti = (z: number, right: number): number => {
    const length = lengthOf(z);
    let memo = multiBest.get(z);
    if (memo === undefined) {
      if (!memoisable(length)) return enumerated(z, right, true);
      memo = new Float64Array(2 ** length).fill(Number.NaN);
      memoSize += memo.length;
      multiBest.set(z, memo);
    }
    const held = memo[right] as number;
    if (!Number.isNaN(held)) return held;
    const count = counts[z] as number;
    const full = fullMask(length);
    let best = -Infinity;
    if (right === full) best = count / transactionCount;
    else {
      const antecedent = lookup(z, full & ~right);
      if (antecedent >= 0) best = count / (counts[antecedent] as number);
      best = Math.max(best, bestOfSubsets(z, length, right));
    }
    memo[right] = best;
    return best;
  };

  /** The largest bestMulti(Z \ {i}, Y) over the items i of Z outside Y (-Infinity when none is mined). */
  const bestOfSubsets = (z: number, length: number, right: number): number => {
    let best = -Infinity;
    for (let i = 0; i < length; i++) {
      if ((right >>> i) & 1) continue;
      const sub = subset(z, i);
      if (sub >= 0) best = Math.max(best, bestMulti(sub, dropBit(right, i)));
    }
    return best;
  };

  return {
    single: table.single,
    multi(z, right, confidence) {
      const length = lengthOf(z);
      if (length === 1) return 0;
      if (!memoisable(length - 1)) {
        const found = enumerated(z, right, false);
        return found === -Infinity ? 0 : confidence - found;
      }
      const best = bestOfSubsets(z, length, right);
      return best === -Infinity ? 0 : confidence - best;
    },
    get lookups() {
      return table.lookups;
    },
    lookup,
    countOf,
    subset,
  };
}

/** Longest itemset whose consequent masks are memoised (2^16 values, 512 KB). */
const MEMO_MAX_LENGTH = 16;
/** Budget of memoised values over all itemsets (2^24, 128 MB). */
const MEMO_MAX_VALUES = 1 << 24;

/** `mask` with bit i removed and the higher bits shifted down by one. */
function dropBit(mask: number, i: number): number {
  const low = mask & ((1 << i) - 1);
  return ((mask >>> (i + 1)) << i) | low;
}
