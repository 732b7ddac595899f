import type { ItemsetEmitter } from "./emitter.js";
import type { RankedDatabase } from "./mining.js";

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
 */
export function occurrenceDeliver(
  database: RankedDatabase,
  minCount: number,
  maxDepth: number,
  emitter: ItemsetEmitter,
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
    if (top + extra <= occurrences.length) return;
    let next = occurrences.length * 2;
    while (next < top + extra) next *= 2;
    const bigger = new Int32Array(next);
    bigger.set(occurrences.subarray(0, top));
    occurrences = bigger;
  };
  const ensureMeta = (extra: number): void => {
    if (metaTop + extra <= meta.length) return;
    let next = meta.length * 2;
    while (next < metaTop + extra) next *= 2;
    const bigger = new Int32Array(next);
    bigger.set(meta.subarray(0, metaTop));
    meta = bigger;
  };

  /** Extends the itemset in prefix[0..depth) whose stored occurrences are pairs [start, start + 2 * pairs). */
  const search = (start: number, pairs: number, depth: number): void => {
    emitter.checkClock();
    if (emitter.stopped) return;
    const end = start + 2 * pairs;
    // pass 1: count the candidate extensions
    let list = occurrences;
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
    // reserve a list per frequent extension (only occurrences that can extend further are stored)
    const metaBase = metaTop;
    let children = 0;
    let needed = 0;
    for (let t = 0; t < touchedCount; t++) {
      const item = touched[t] as number;
      if ((counts[item] as number) >= minCount) {
        needed += counts[item] as number;
        children++;
      }
    }
    if (children === 0) {
      for (let t = 0; t < touchedCount; t++) counts[touched[t] as number] = 0;
      return;
    }
    ensureMeta(4 * children);
    ensureOccurrences(2 * needed);
    list = occurrences;
    const listBase = top;
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
    // pass 2: deliver each occurrence to the frequent extensions it holds (from q = from + 1: an item
    // first in its transaction has nothing before it to extend with, so it is counted but not stored)
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
    for (let m = metaBase; m < metaTop; m += 4) {
      const item = meta[m] as number;
      meta[m + 2] = ((fill[item] as number) - (meta[m + 1] as number)) >> 1;
      counts[item] = 0;
    }
    for (let m = metaBase; m < metaBase + 4 * children; m += 4) {
      if (emitter.stopped) break;
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
