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
 *
 * `lookups` counts the hash-index lookups (a work counter for tests).
 */
export class ImprovementTable {
  lookups = 0;
  /** Single-item consequents: best(Z, item at position k), at offsets[z] + k. */
  private singleBest: Float64Array | undefined;
  private singleKnown: Uint8Array | undefined;
  /** Index of Z minus its item at position i, at offsets[z] + i: 0 unknown, 1 not mined, else index + 2. */
  private subsets: Int32Array | undefined;
  /** Multi-item consequents: per itemset, best by consequent mask (NaN = not yet computed). */
  private readonly multiBest = new Map<number, Float64Array>();
  private memoSize = 0;
  private readonly buffer: Int32Array;

  constructor(
    private readonly offsets: Int32Array,
    private readonly items: Int32Array,
    private readonly counts: Int32Array,
    private readonly index: ItemsetIndex,
    private readonly transactionCount: number,
    maxLength: number,
    /** Longest itemset whose consequent masks are memoised (lower only in tests, to reach the fallback). */
    private readonly memoMaxLength: number = MEMO_MAX_LENGTH,
  ) {
    this.buffer = new Int32Array(Math.max(1, maxLength));
  }

  /** Improvement of the rule (Z \ {item k}) => {item k} with confidence `confidence`; 0 for |Z| = 1. */
  single(z: number, k: number, confidence: number): number {
    const length = this.lengthOf(z);
    if (length === 1) return 0;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < length; i++) {
      if (i === k) continue;
      const sub = this.subset(z, i);
      if (sub >= 0) best = Math.max(best, this.bestSingle(sub, i < k ? k - 1 : k));
    }
    return best === Number.NEGATIVE_INFINITY ? 0 : confidence - best;
  }

  /**
   * Improvement of the rule (Z \ Y) => Y, Y the items of Z picked by `right` (bit k: position k).
   * Memoised per (itemset, consequent mask) for itemsets of at most 16 items while the tables hold
   * fewer than 2^24 values (128 MB); beyond, the proper subsets of the antecedent are enumerated.
   */
  multi(z: number, right: number, confidence: number): number {
    const length = this.lengthOf(z);
    if (length === 1) return 0;
    if (!this.memoisable(length - 1)) {
      const enumerated = this.enumerated(z, right, false);
      return enumerated === Number.NEGATIVE_INFINITY ? 0 : confidence - enumerated;
    }
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < length; i++) {
      if ((right >>> i) & 1) continue;
      const sub = this.subset(z, i);
      if (sub >= 0) best = Math.max(best, this.bestMulti(sub, dropBit(right, i)));
    }
    return best === Number.NEGATIVE_INFINITY ? 0 : confidence - best;
  }

  private lengthOf(z: number): number {
    return (this.offsets[z + 1] as number) - (this.offsets[z] as number);
  }

  private bestSingle(z: number, k: number): number {
    if (this.singleBest === undefined) {
      this.singleBest = new Float64Array(this.items.length);
      this.singleKnown = new Uint8Array(this.items.length);
    }
    const known = this.singleKnown as Uint8Array;
    const at = (this.offsets[z] as number) + k;
    if (known[at] === 1) return this.singleBest[at] as number;
    const length = this.lengthOf(z);
    const count = this.counts[z] as number;
    let best = Number.NEGATIVE_INFINITY;
    if (length === 1) best = count / this.transactionCount;
    else {
      const antecedent = this.subset(z, k);
      if (antecedent >= 0) best = count / (this.counts[antecedent] as number);
      for (let i = 0; i < length; i++) {
        if (i === k) continue;
        const sub = this.subset(z, i);
        if (sub >= 0) best = Math.max(best, this.bestSingle(sub, i < k ? k - 1 : k));
      }
    }
    this.singleBest[at] = best;
    known[at] = 1;
    return best;
  }

  private memoisable(length: number): boolean {
    return length <= this.memoMaxLength && this.memoSize + 2 ** length <= MEMO_MAX_VALUES;
  }

  /**
   * Best confidence of S => Y over the subsets S of Z \ Y (`all` false: proper subsets only; the empty
   * set always included), by enumeration: 2^|Z \ Y| lookup pairs. -Infinity when none is mined.
   */
  private enumerated(z: number, right: number, all: boolean): number {
    const length = this.lengthOf(z);
    const full = length === 31 ? 0x7fffffff : (1 << length) - 1;
    const left = full & ~right;
    let best = Number.NEGATIVE_INFINITY;
    for (let sub = all ? left : (left - 1) & left; ; sub = (sub - 1) & left) {
      const subCount = sub === 0 ? this.transactionCount : this.countOf(z, sub);
      const unionCount = this.countOf(z, sub | right);
      if (subCount > 0 && unionCount >= 0) best = Math.max(best, unionCount / subCount);
      if (sub === 0) break;
    }
    return best;
  }

  /** Count of the sub-itemset of Z picked by `mask` (non-empty), or -1 when not mined. */
  private countOf(z: number, mask: number): number {
    const found = this.lookup(z, mask);
    return found < 0 ? -1 : (this.counts[found] as number);
  }

  private bestMulti(z: number, right: number): number {
    const length = this.lengthOf(z);
    let table = this.multiBest.get(z);
    if (table === undefined) {
      if (!this.memoisable(length)) return this.enumerated(z, right, true);
      table = new Float64Array(2 ** length).fill(Number.NaN);
      this.memoSize += table.length;
      this.multiBest.set(z, table);
    }
    const held = table[right] as number;
    if (!Number.isNaN(held)) return held;
    const count = this.counts[z] as number;
    const full = length === 31 ? 0x7fffffff : (1 << length) - 1;
    let best = Number.NEGATIVE_INFINITY;
    if (right === full) best = count / this.transactionCount;
    else {
      const antecedent = this.lookup(z, full & ~right);
      if (antecedent >= 0) best = count / (this.counts[antecedent] as number);
      for (let i = 0; i < length; i++) {
        if ((right >>> i) & 1) continue;
        const sub = this.subset(z, i);
        if (sub >= 0) best = Math.max(best, this.bestMulti(sub, dropBit(right, i)));
      }
    }
    table[right] = best;
    return best;
  }

  /** Index of Z minus its item at position i, or -1 when not mined (memoised). */
  private subset(z: number, i: number): number {
    if (this.subsets === undefined) this.subsets = new Int32Array(this.items.length);
    const at = (this.offsets[z] as number) + i;
    const held = this.subsets[at] as number;
    if (held !== 0) return held - 2;
    const length = this.lengthOf(z);
    const found = this.lookup(z, (length === 31 ? 0x7fffffff : (1 << length) - 1) & ~(1 << i));
    this.subsets[at] = found + 2;
    return found;
  }

  /** Index of the sub-itemset of Z picked by `mask` (non-empty), or -1. */
  private lookup(z: number, mask: number): number {
    this.lookups++;
    const from = this.offsets[z] as number;
    let length = 0;
    for (let bits = mask, k = 0; bits !== 0; bits >>>= 1, k++)
      if (bits & 1) this.buffer[length++] = this.items[from + k] as number;
    return this.index.find(this.buffer, length);
  }
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
