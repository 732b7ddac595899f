import { pastDeadline } from "./common.js";
import { itemsetIndex } from "./itemsetIndex.js";
import type { MinedItemsets } from "./mining.js";

/** Which mined itemsets to keep. */
export type ItemsetTarget = "all" | "closed" | "maximal" | "generators";

/**
 * Flags the itemsets of `mined` that belong to `target`, judged by immediate
 * subsets/supersets among the mined itemsets (correct because every frequent
 * itemset of size <= the mined length is present):
 * - closed: no superset with one more item has the same count;
 * - maximal: no superset with one more item is frequent;
 * - generators: no subset with one item fewer has the same count (the empty
 *   set counts N transactions).
 * Itemsets longer than `keepMaxLength` are dropped (used when mining one level
 * deeper than asked so that closedness is judged correctly).
 *
 * The deadline is checked every 1024 itemsets; past it, the itemsets not yet
 * examined are dropped and `complete` is false (the kept ones are judged
 * within the examined part).
 */
export function selectTarget(
  mined: MinedItemsets,
  target: ItemsetTarget,
  keepMaxLength: number,
  deadline: number = Infinity,
): { keep: Uint8Array; complete: boolean } {
  const size = mined.size;
  const keep = new Uint8Array(size).fill(1);
  const { offsets, items, counts } = mined;
  let complete = true;
  if (target !== "all") {
    const index = itemsetIndex(offsets, items, size, deadline);
    if (index.size < size) {
      keep.fill(0, index.size);
      complete = false;
    }
    let longest = 0;
    for (let i = 0; i < size; i++)
      longest = Math.max(longest, (offsets[i + 1] as number) - (offsets[i] as number));
    const buffer = new Int32Array(Math.max(1, longest));
    for (let i = 0; i < index.size; i++) {
      if ((i & 1023) === 1023 && pastDeadline(deadline)) {
        keep.fill(0, i);
        complete = false;
        break;
      }
      const from = offsets[i] as number;
      const length = (offsets[i + 1] as number) - from;
      const count = counts[i] as number;
      for (let drop = 0; drop < length; drop++) {
        let at = 0;
        for (let k = 0; k < length; k++) if (k !== drop) buffer[at++] = items[from + k] as number;
        const subsetCount = at === 0 ? mined.transactionCount : undefined;
        const subset = at === 0 ? -1 : index.find(buffer, at);
        if (target === "generators") {
          const value = subsetCount ?? (subset >= 0 ? (counts[subset] as number) : -1);
          if (value === count) {
            keep[i] = 0;
            break;
          }
        } else if (subset >= 0) {
          if (target === "maximal" || counts[subset] === count) keep[subset] = 0;
        }
      }
    }
  }
  if (keepMaxLength !== Infinity) {
    for (let i = 0; i < size; i++)
      if ((offsets[i + 1] as number) - (offsets[i] as number) > keepMaxLength) keep[i] = 0;
  }
  return { keep, complete };
}
