import type { ItemsetEmitter } from "./emitter.js";
import type { RankedDatabase } from "./mining.js";

/**
 * Eclat (Zaki 2000): depth-first search over transaction-id lists, each
 * extension an intersection of two sorted tid lists. Lists live in one
 * `Int32Array` arena used as a stack (released on return); items are
 * extended in ascending order of frequency so lists shrink fast.
 * Intersections stop early once the remaining ids cannot reach `minCount`.
 */
export function eclat(
  database: RankedDatabase,
  minCount: number,
  maxDepth: number,
  emitter: ItemsetEmitter,
): void {
  const itemCount = database.rankCounts.length;
  const offsets = database.offsets;
  const items = database.items;
  let tids = new Int32Array(Math.max(1024, items.length * 2));
  let tidTop = 0;
  // per entry: [rank, start, length]
  let meta = new Int32Array(Math.max(1024, itemCount * 3 * 4));
  let metaTop = 0;
  const prefix = emitter.prefix;

  const ensureTids = (extra: number): void => {
    if (tidTop + extra <= tids.length) return;
    let next = tids.length * 2;
    while (next < tidTop + extra) next *= 2;
    const bigger = new Int32Array(next);
    bigger.set(tids.subarray(0, tidTop));
    tids = bigger;
  };
  const ensureMeta = (extra: number): void => {
    if (metaTop + extra <= meta.length) return;
    let next = meta.length * 2;
    while (next < metaTop + extra) next *= 2;
    const bigger = new Int32Array(next);
    bigger.set(meta.subarray(0, metaTop));
    meta = bigger;
  };

  // vertical layout: least frequent item first
  const starts = new Int32Array(itemCount + 1);
  for (let rank = 0; rank < itemCount; rank++)
    starts[rank + 1] = (starts[rank] as number) + (database.rankCounts[rank] as number);
  tidTop = starts[itemCount] as number;
  ensureTids(0);
  const fill = starts.slice(0, itemCount);
  const transactionCount = offsets.length - 1;
  for (let t = 0; t < transactionCount; t++) {
    for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
      const rank = items[i] as number;
      tids[fill[rank] as number] = t;
      fill[rank] = (fill[rank] as number) + 1;
    }
  }
  ensureMeta(3 * itemCount);
  for (let e = 0; e < itemCount; e++) {
    const rank = itemCount - 1 - e;
    meta[metaTop++] = rank;
    meta[metaTop++] = starts[rank] as number;
    meta[metaTop++] = database.rankCounts[rank] as number;
  }

  const search = (metaBase: number, entries: number, depth: number): void => {
    emitter.checkClock();
    for (let e = 0; e < entries; e++) {
      if (emitter.stopped) return;
      const at = metaBase + 3 * e;
      const startA = meta[at + 1] as number;
      const lengthA = meta[at + 2] as number;
      prefix[depth] = meta[at] as number;
      emitter.emit(depth + 1, lengthA);
      if (depth + 1 >= maxDepth || e === entries - 1) continue;
      const savedTids = tidTop;
      const metaBase2 = metaTop;
      let entries2 = 0;
      for (let f = e + 1; f < entries; f++) {
        const bt = metaBase + 3 * f;
        const startB = meta[bt + 1] as number;
        const lengthB = meta[bt + 2] as number;
        ensureTids(Math.min(lengthA, lengthB));
        const list = tids;
        let i = startA;
        let j = startB;
        const endA = startA + lengthA;
        const endB = startB + lengthB;
        const outStart = tidTop;
        let out = tidTop;
        while (i < endA && j < endB) {
          const a = list[i] as number;
          const b = list[j] as number;
          if (a === b) {
            list[out++] = a;
            i++;
            j++;
          } else if (a < b) {
            i++;
            if (out - outStart + Math.min(endA - i, endB - j) < minCount) break;
          } else {
            j++;
            if (out - outStart + Math.min(endA - i, endB - j) < minCount) break;
          }
        }
        const length = out - outStart;
        if (length >= minCount) {
          tidTop = out;
          ensureMeta(3);
          meta[metaTop++] = meta[bt] as number;
          meta[metaTop++] = outStart;
          meta[metaTop++] = length;
          entries2++;
        }
      }
      if (entries2 > 0) search(metaBase2, entries2, depth + 1);
      tidTop = savedTids;
      metaTop = metaBase2;
    }
  };
  search(0, itemCount, 0);
}
