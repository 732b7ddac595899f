import { pastDeadline } from "./common.js";

/**
 * Open-addressing hash index over itemsets stored flat (`items[offsets[i] ..
 * offsets[i + 1])`, each run sorted ascending), for subset lookups without
 * building strings. Memory: one `Int32Array` of about 2-4 slots per itemset.
 */
export interface ItemsetIndex {
  /**
   * Itemsets indexed: the first `size` given, or fewer when the deadline passed while building (the
   * clock is read every 4096 itemsets); callers then treat the rest as not mined.
   */
  readonly size: number;
  /** Index of the itemset equal to `buffer[0..length)` (sorted ascending), or -1. */
  find(buffer: Int32Array, length: number): number;
}

/** Indexes the first `size` itemsets of `offsets`/`items` (closures, not a class: smaller once minified). */
export function itemsetIndex(
  offsets: Int32Array,
  items: Int32Array,
  size: number,
  deadline: number = Infinity,
): ItemsetIndex {
  let capacity = 16;
  while (capacity < size * 2) capacity *= 2;
  const table = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  let indexed = size;
  for (let i = 0; i < size; i++) {
    if ((i & 4095) === 4095 && pastDeadline(deadline)) {
      indexed = i;
      break;
    }
    const from = offsets[i] as number;
    let slot = hashRun(items, from, (offsets[i + 1] as number) - from) & mask;
    while (table[slot] !== -1) slot = (slot + 1) & mask;
    table[slot] = i;
  }
  return {
    size: indexed,
    find(buffer, length) {
      let slot = hashRun(buffer, 0, length) & mask;
      for (;;) {
        const candidate = table[slot] as number;
        if (candidate === -1) return -1;
        const from = offsets[candidate] as number;
        if ((offsets[candidate + 1] as number) - from === length) {
          let equal = true;
          for (let i = 0; i < length; i++) {
            if (items[from + i] !== buffer[i]) {
              equal = false;
              break;
            }
          }
          if (equal) return candidate;
        }
        slot = (slot + 1) & mask;
      }
    },
  };
}

function hashRun(values: Int32Array, from: number, length: number): number {
  let hash = 0x811c9dc5 ^ length;
  for (let i = 0; i < length; i++) {
    hash = Math.imul(hash ^ (values[from + i] as number), 0x01000193);
    hash ^= hash >>> 15;
  }
  hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995);
  return (hash ^ (hash >>> 16)) >>> 0;
}
