import type { ItemsetEmitter } from "./emitter.js";
import { withRoom } from "./intBuffer.js";
import type { RankedDatabase } from "./rankedDatabase.js";

/** Words of occurrence bits per item in the bit-set search of small conditional databases. */
const MASK_WORDS = 8;

/**
 * Depth-first search over occurrence lists with "occurrence deliver" (Uno,
 * Kiyomi, Arimura 2004, LCM ver. 2): the occurrence list of an itemset X
 * (lowest rank x) holds, for each transaction containing X, the start of the
 * transaction and the position of x in it; the items before that position
 * (ranks < x, the rank-coded transactions are sorted ascending) are the
 * candidate extensions. One scan over those prefixes counts every extension
 * at once, a second scan delivers each occurrence to the list of every
 * frequent extension. Lists live in one `Int32Array` arena used as a stack
 * (released on return); no per-itemset allocation. Occurrences with no item
 * before the position are counted but not stored (they cannot extend).
 * Cost per itemset: the total length of the transaction prefixes it covers,
 * which on sparse data is far less than an FP-tree build or a tid-list merge
 * per candidate pair.
 *
 * Small conditional databases (at most `maskOccurrences` stored occurrences,
 * 256 by default) switch to bit sets, as in Eclat on bit vectors: one scan
 * gives each candidate the mask of the occurrences holding it, and the whole
 * subtree is then mined by AND and bit counts without touching the
 * transactions again. On Groceries this is 30-40% faster; most itemsets have
 * a few dozen occurrences.
 */
export function occurrenceDeliver(
  database: RankedDatabase,
  minCount: number,
  maxDepth: number,
  emitter: ItemsetEmitter,
  maskOccurrences = 32 * MASK_WORDS,
): void {
  const itemCount = database.rankCounts.length;
  const offsets = database.offsets;
  const items = database.items;
  const transactionCount = offsets.length - 1;
  const prefix = emitter.prefix;
  const counts = new Int32Array(itemCount);
  const fill = new Int32Array(itemCount);
  const touched = new Int32Array(itemCount);
  // occurrence pairs [transaction start, position]
  let occurrences = new Int32Array(Math.max(1024, 2 * transactionCount + 2 * items.length));
  let top = 0;
  // per child: [rank, list start, stored pairs, support]
  let meta = new Int32Array(Math.max(1024, 4 * itemCount * 4));
  let metaTop = 0;

  const ensureOccurrences = (extra: number): void => {
    occurrences = withRoom(occurrences, top, extra);
  };
  const ensureMeta = (extra: number): void => {
    meta = withRoom(meta, metaTop, extra);
  };

  // bit-set search of small conditional databases: per candidate [rank, support, `words` occurrence-mask words]
  const masks = new Int32Array(itemCount * MASK_WORDS);
  let candidates = new Int32Array(Math.max(1024, (2 + MASK_WORDS) * itemCount * 2));
  let candidatesTop = 0;
  const ensureCandidates = (extra: number): void => {
    candidates = withRoom(candidates, candidatesTop, extra);
  };

  /**
   * Emits the extensions of prefix[0..depth) held as `count` candidates from `from` (rank, support,
   * then the mask of the occurrences holding the extended itemset in `words` words), ascending by
   * rank, each followed by its own extensions: the candidates before it sharing at least `minCount`
   * occurrences.
   */
  const enumerateMasks = (from: number, count: number, words: number, depth: number): void => {
    const stride = 2 + words;
    for (let c = 0; c < count; c++) {
      if (emitter.stopped) return;
      const at = from + stride * c;
      prefix[depth] = candidates[at] as number;
      emitter.emit(depth + 1, candidates[at + 1] as number);
      if (c === 0 || depth + 1 >= maxDepth) continue;
      ensureCandidates(stride * c);
      const list = candidates;
      const childFrom = candidatesTop;
      let children = 0;
      for (let other = from; other < at; other += stride) {
        // the shared mask is written in place and kept only when frequent
        let shared = 0;
        for (let w = 2; w < stride; w++) {
          const mask = (list[at + w] as number) & (list[other + w] as number);
          list[candidatesTop + w] = mask;
          shared += bitCount(mask);
        }
        if (shared < minCount) continue;
        list[candidatesTop] = list[other] as number;
        list[candidatesTop + 1] = shared;
        candidatesTop += stride;
        children++;
      }
      if (children > 0) enumerateMasks(childFrom, children, words, depth + 1);
      candidatesTop = childFrom;
    }
  };

  /** Like {@link search} for at most 32 * MASK_WORDS stored occurrences: one bit each, the subtree is mined with masks. */
  const searchMasks = (start: number, pairs: number, depth: number): void => {
    const words = (pairs + 31) >>> 5;
    const end = start + 2 * pairs;
    const list = occurrences;
    let touchedCount = 0;
    for (let o = start, index = 0; o < end; o += 2, index++) {
      const to = list[o + 1] as number;
      const word = index >>> 5;
      const bit = 1 << (index & 31);
      for (let q = list[o] as number; q < to; q++) {
        const item = items[q] as number;
        if ((counts[item] as number) === 0) touched[touchedCount++] = item;
        counts[item] = (counts[item] as number) + 1;
        const slot = item * MASK_WORDS + word;
        masks[slot] = (masks[slot] as number) | bit;
      }
    }
    // frequent candidates ascending by rank
    let kept = 0;
    for (let t = 0; t < touchedCount; t++) {
      const item = touched[t] as number;
      if ((counts[item] as number) >= minCount) {
        let slot = kept - 1;
        while (slot >= 0 && (touched[slot] as number) > item) {
          touched[slot + 1] = touched[slot] as number;
          slot--;
        }
        touched[slot + 1] = item;
        kept++;
      } else {
        counts[item] = 0;
        masks.fill(0, item * MASK_WORDS, item * MASK_WORDS + words);
      }
    }
    const stride = 2 + words;
    ensureCandidates(stride * kept);
    const from = candidatesTop;
    for (let t = 0; t < kept; t++) {
      const item = touched[t] as number;
      candidates[candidatesTop] = item;
      candidates[candidatesTop + 1] = counts[item] as number;
      for (let w = 0; w < words; w++) {
        candidates[candidatesTop + 2 + w] = masks[item * MASK_WORDS + w] as number;
        masks[item * MASK_WORDS + w] = 0;
      }
      candidatesTop += stride;
      counts[item] = 0;
    }
    enumerateMasks(from, kept, words, depth);
    candidatesTop = from;
  };

  // `search` is split into small steps, each run whole on its first call: a recursive function with
  // long loops is compiled (on-stack) in its first, outermost frame before the code after those loops
  // has run, and then deoptimised again and again in the first call of a process (cold start).

  /** Pass 1: counts the candidate extensions of the occurrences [start, end) into `counts`, listing them in `touched`. */
  const countExtensions = (start: number, end: number): number => {
    const list = occurrences;
    let touchedCount = 0;
    for (let o = start; o < end; o += 2) {
      const to = list[o + 1] as number;
      for (let q = list[o] as number; q < to; q++) {
        const item = items[q] as number;
        const before = counts[item] as number;
        if (before === 0) touched[touchedCount++] = item;
        counts[item] = before + 1;
      }
    }
    return touchedCount;
  };

  /**
   * Reserves a list per frequent extension (meta entries from `metaTop`, room from `top`); clears the
   * counts of the others. Returns the number of lists.
   */
  const reserveLists = (touchedCount: number): number => {
    let children = 0;
    let needed = 0;
    for (let t = 0; t < touchedCount; t++) {
      const support = counts[touched[t] as number] as number;
      if (support >= minCount) {
        needed += support;
        children++;
      }
    }
    if (children === 0) {
      for (let t = 0; t < touchedCount; t++) counts[touched[t] as number] = 0;
      return 0;
    }
    ensureMeta(4 * children);
    ensureOccurrences(2 * needed);
    let at = top;
    for (let t = 0; t < touchedCount; t++) {
      const item = touched[t] as number;
      const support = counts[item] as number;
      if (support >= minCount) {
        meta[metaTop++] = item;
        meta[metaTop++] = at;
        meta[metaTop++] = 0;
        meta[metaTop++] = support;
        fill[item] = at;
        at += 2 * support;
      } else {
        counts[item] = 0;
      }
    }
    top = at;
    return children;
  };

  /**
   * Pass 2: delivers each occurrence of [start, end) to the frequent extensions it holds (from q = from + 1:
   * an item first in its transaction has nothing before it to extend with, so it is counted but not
   * stored). Nothing follows the loop: code after a long loop has no type feedback when the loop is
   * compiled on-stack, and that compiled loop, cached, would be entered and deoptimised on every call.
   */
  const deliver = (start: number, end: number): void => {
    const list = occurrences;
    for (let o = start; o < end; o += 2) {
      const from = list[o] as number;
      const to = list[o + 1] as number;
      for (let q = from + 1; q < to; q++) {
        const item = items[q] as number;
        if (counts[item] !== 0) {
          const slot = fill[item] as number;
          list[slot] = from;
          list[slot + 1] = q;
          fill[item] = slot + 2;
        }
      }
    }
  };

  /** Closes the lists of the meta entries from `metaBase` (their stored pairs) and clears their counts. */
  const closeLists = (metaBase: number): void => {
    for (let m = metaBase; m < metaTop; m += 4) {
      const item = meta[m] as number;
      meta[m + 2] = ((fill[item] as number) - (meta[m + 1] as number)) >> 1;
      counts[item] = 0;
    }
  };

  /** Extends the itemset in prefix[0..depth) whose stored occurrences are pairs [start, start + 2 * pairs). */
  const search = (start: number, pairs: number, depth: number): void => {
    emitter.checkClock();
    if (emitter.stopped) return;
    if (pairs <= maskOccurrences) {
      searchMasks(start, pairs, depth);
      return;
    }
    const end = start + 2 * pairs;
    const metaBase = metaTop;
    const listBase = top;
    const children = reserveLists(countExtensions(start, end));
    if (children === 0) return;
    deliver(start, end);
    closeLists(metaBase);
    for (let c = 0; c < children; c++) {
      if (emitter.stopped) break;
      const m = metaBase + 4 * c;
      prefix[depth] = meta[m] as number;
      emitter.emit(depth + 1, meta[m + 3] as number);
      const stored = meta[m + 2] as number;
      if (depth + 1 < maxDepth && stored >= minCount) search(meta[m + 1] as number, stored, depth + 1);
    }
    top = listBase;
    metaTop = metaBase;
  };

  // root: every transaction, whole
  ensureOccurrences(2 * transactionCount);
  for (let t = 0; t < transactionCount; t++) {
    occurrences[top++] = offsets[t] as number;
    occurrences[top++] = offsets[t + 1] as number;
  }
  search(0, transactionCount, 0);
}

/** Number of set bits of a 32-bit integer. */
function bitCount(value: number): number {
  let x = value - ((value >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
