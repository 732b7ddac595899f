import { pastDeadline } from "./common.js";
import { withRoom } from "./intBuffer.js";
import type { SequenceDatabase } from "./sequenceDatabase.js";

/** Constraints and budgets of one search (times in days). */
export interface SequenceMinerOptions {
  readonly minCount: number;
  /** Least time from one element to the next (0: any later basket). */
  readonly minGap: number;
  /** Most time from one element to the next (`Infinity`: none). */
  readonly maxGap: number;
  /** Most time from the first element to the last (`Infinity`: none). */
  readonly window: number;
  /** Most items in a pattern. */
  readonly maxLength: number;
  /** Most elements (baskets) in a pattern. */
  readonly maxElements: number;
  /** Most items in one element. */
  readonly maxElementSize: number;
  /** Stop after this many patterns. */
  readonly maxPatterns: number;
  /** Stop when the id-lists alive on the search path hold more entries than this. */
  readonly maxEntries: number;
  /** `performance.now()` after which the search stops. */
  readonly deadline: number;
}

/**
 * Patterns found, flat: pattern p is `codes[offsets[p] .. offsets[p + 1]]`, elements separated by -1;
 * `counts[p]` customers contain it; `gaps[p]` is the median over those customers of the shortest
 * time (days) from an occurrence's second-to-last element to its last (NaN for one element).
 */
export interface MinedSequences {
  readonly size: number;
  readonly codes: Int32Array;
  readonly offsets: Int32Array;
  readonly counts: Int32Array;
  readonly gaps: Float64Array;
  readonly truncated: boolean;
  readonly truncatedReason: "maxPatterns" | "maxEntries" | "timeLimitMs" | undefined;
}

/**
 * The occurrences of a pattern (an id-list): entry k ends at event `last[k]` (global event index,
 * so entries are grouped by customer and sorted by time); `first[k]` is the latest event at which an
 * occurrence ending there can start (what the window constraint needs); `gap[k]` the shortest time
 * from the second-to-last element of such an occurrence to `last[k]`.
 */
interface IdList {
  readonly size: number;
  readonly last: Int32Array;
  readonly first: Int32Array;
  readonly gap: Float64Array;
}

/** Growable columns of an id-list under construction. */
class IdListBuilder {
  size = 0;
  last: Int32Array;
  first: Int32Array;
  gap: Float64Array;
  /** Customers containing the pattern. */
  readonly count: number;

  constructor(capacity: number, count: number) {
    this.count = count;
    this.last = new Int32Array(capacity);
    this.first = new Int32Array(capacity);
    this.gap = new Float64Array(capacity);
  }

  push(last: number, first: number, gap: number): void {
    if (this.size === this.last.length) {
      this.last = withRoom(this.last, this.size, 1);
      this.first = withRoom(this.first, this.size, 1);
      this.gap = withRoom(this.gap, this.size, 1);
    }
    this.last[this.size] = last;
    this.first[this.size] = first;
    this.gap[this.size] = gap;
    this.size++;
  }
}

/** Growable output columns. */
class Output {
  size = 0;
  codes = new Int32Array(1024);
  codeLength = 0;
  offsets = new Int32Array(257);
  counts = new Int32Array(256);
  gaps = new Float64Array(256);

  add(pattern: Int32Array, patternLength: number, count: number, gap: number): void {
    // room for one more pattern (offsets holds size + 1 entries) and its codes
    this.offsets = withRoom(this.offsets, this.size + 1, 1);
    this.counts = withRoom(this.counts, this.size, 1);
    this.gaps = withRoom(this.gaps, this.size, 1);
    this.codes = withRoom(this.codes, this.codeLength, patternLength);
    this.codes.set(pattern.subarray(0, patternLength), this.codeLength);
    this.codeLength += patternLength;
    this.counts[this.size] = count;
    this.gaps[this.size] = gap;
    this.size++;
    this.offsets[this.size] = this.codeLength;
  }
}

/** Thrown inside the search to unwind it when a budget is reached. */
class Stop {
  constructor(readonly reason: "maxPatterns" | "maxEntries" | "timeLimitMs") {}
}

/**
 * Frequent sequential patterns by a depth-first search over prefix-extension classes with vertical
 * id-lists (SPADE, Zaki 2001; with cSPADE's gap constraints, Zaki 2000). Each pattern is extended by
 * one item either into its last element (an itemset extension, items after the element's largest
 * code) or as a new element in a later basket (a sequence extension); one pass over the supporting
 * customers' baskets counts every candidate extension at once (as PrefixSpan counts a projected
 * database), a second pass builds the id-lists of the frequent ones.
 *
 * Constraints (cSPADE semantics): consecutive elements lie in baskets b1 < b2 (in basket order) with
 * minGap <= t(b2) - t(b1) <= maxGap; t(last) - t(first) <= window. Every constraint survives dropping
 * the last element or an item, so prefix extension finds every pattern that satisfies them; with
 * maxGap a pattern may be frequent while a subsequence that skips a middle element is not (that
 * subsequence is then simply not reported, as in cSPADE).
 *
 * Per customer, a sequence extension keeps, for each basket it ends at, the latest start and the
 * shortest last gap over the valid predecessor entries (two pointers over the time-sorted entries and
 * a monotone queue for the latest start): O(entries + baskets) per supporting customer.
 */
export function mineSequences(db: SequenceDatabase, options: SequenceMinerOptions): MinedSequences {
  const { minCount, minGap, maxGap, window, maxLength, maxElements, maxElementSize } = options;
  const { customerCount, customerStart, eventTime, eventStart, items } = db;
  const itemCount = db.itemLabels.length;
  const eventCustomer = new Int32Array(db.eventCount);
  for (let c = 0; c < customerCount; c++) {
    eventCustomer.fill(c, customerStart[c] as number, customerStart[c + 1] as number);
  }
  const useWindow = window !== Infinity;
  const output = new Output();
  let liveEntries = 0;
  let visits = 0;
  // stamps mark "already counted for this customer visit"; a visit number is unique over the search
  let tick = 0;
  const stampI = new Int32Array(itemCount);
  const stampS = new Int32Array(itemCount);
  const nextTick = (): number => {
    if (tick === 0x3fffffff) {
      tick = 0;
      stampI.fill(0);
      stampS.fill(0);
    }
    return ++tick;
  };
  // per-basket validity of a sequence extension within one customer (scratch, reused)
  const validFirst = new Int32Array(db.maxEvents);
  const validGap = new Float64Array(db.maxEvents);
  const validOk = new Uint8Array(db.maxEvents);
  const queue = new Int32Array(db.maxEvents + 1);
  const gapScratch = new Float64Array(customerCount);
  const pattern = new Int32Array(Math.min(maxLength, 1 << 16) * 2 + 2);

  /**
   * Marks, for the customer whose entries are list[from..to), which of its baskets after the first
   * entry can end a sequence extension, with the latest start and shortest gap (validOk/First/Gap,
   * indexed from the customer's first basket).
   */
  const sequenceTargets = (list: IdList, from: number, to: number, customer: number): void => {
    const base = customerStart[customer] as number;
    const end = customerStart[customer + 1] as number;
    let low = from; // first entry not too old (maxGap)
    let high = from; // first entry not yet a predecessor
    let head = 0;
    let tail = 0; // queue[head..tail): entries in [low, high) with decreasing first
    const firstEvent = (list.last[from] as number) + 1;
    for (let f = firstEvent; f < end; f++) {
      const t = eventTime[f] as number;
      while (
        high < to &&
        (list.last[high] as number) < f &&
        t - (eventTime[list.last[high] as number] as number) >= minGap
      ) {
        if (useWindow) {
          const first = list.first[high] as number;
          while (tail > head && (list.first[queue[tail - 1] as number] as number) <= first) tail--;
          queue[tail++] = high;
        }
        high++;
      }
      while (low < high && t - (eventTime[list.last[low] as number] as number) > maxGap) low++;
      const slot = f - base;
      if (low === high) {
        validOk[slot] = 0;
        continue;
      }
      let first = 0;
      if (useWindow) {
        while (head < tail && (queue[head] as number) < low) head++;
        first = list.first[queue[head] as number] as number;
        if (t - (eventTime[first] as number) > window) {
          validOk[slot] = 0;
          continue;
        }
      }
      // shortest gap: the latest predecessor (that also meets the window)
      let latest = high - 1;
      if (useWindow) {
        while (t - (eventTime[list.first[latest] as number] as number) > window) latest--;
      }
      validOk[slot] = 1;
      validFirst[slot] = first;
      validGap[slot] = t - (eventTime[list.last[latest] as number] as number);
    }
  };

  const countI = new Int32Array(itemCount);
  const countS = new Int32Array(itemCount);

  /** Median over customers of the shortest gap of each (entries sorted by customer). */
  const medianGap = (list: IdList): number => {
    let n = 0;
    let k = 0;
    while (k < list.size) {
      const c = eventCustomer[list.last[k] as number] as number;
      let best = list.gap[k] as number;
      k++;
      while (k < list.size && eventCustomer[list.last[k] as number] === c) {
        const g = list.gap[k] as number;
        if (g < best) best = g;
        k++;
      }
      gapScratch[n++] = best;
    }
    const sorted = gapScratch.subarray(0, n).sort();
    const middle = n >> 1;
    return n % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  };

  const emit = (length: number, count: number, list: IdList, elements: number): void => {
    if (output.size >= options.maxPatterns) throw new Stop("maxPatterns");
    output.add(pattern, length, count, elements > 1 ? medianGap(list) : Number.NaN);
    if ((output.size & 1023) === 0 && pastDeadline(options.deadline)) {
      throw new Stop("timeLimitMs");
    }
  };

  /**
   * Extends the pattern `pattern[0..length)` (with `items` items, `elements` elements, its last
   * element holding `lastSize` items of which the largest code is `lastMax`) whose id-list is `list`.
   */
  const extend = (
    list: IdList,
    length: number,
    itemsInPattern: number,
    elements: number,
    lastSize: number,
    lastMax: number,
  ): void => {
    if (itemsInPattern >= maxLength) return;
    const canI = lastSize < maxElementSize;
    const canS = elements < maxElements;
    if (!canI && !canS) return;
    countI.fill(0);
    countS.fill(0);
    // pass 1: count customers per candidate extension
    let k = 0;
    while (k < list.size) {
      const c = eventCustomer[list.last[k] as number] as number;
      const from = k;
      while (k < list.size && eventCustomer[list.last[k] as number] === c) k++;
      const stamp = nextTick();
      if (canI) {
        for (let e = from; e < k; e++) {
          const event = list.last[e] as number;
          const stop = eventStart[event + 1] as number;
          for (let p = eventStart[event] as number; p < stop; p++) {
            const x = items[p] as number;
            if (x > lastMax && stampI[x] !== stamp) {
              stampI[x] = stamp;
              countI[x] = (countI[x] as number) + 1;
            }
          }
        }
      }
      if (canS) {
        sequenceTargets(list, from, k, c);
        const base = customerStart[c] as number;
        const end = customerStart[c + 1] as number;
        for (let f = (list.last[from] as number) + 1; f < end; f++) {
          if (validOk[f - base] === 0) continue;
          const stop = eventStart[f + 1] as number;
          for (let p = eventStart[f] as number; p < stop; p++) {
            const x = items[p] as number;
            if (stampS[x] !== stamp) {
              stampS[x] = stamp;
              countS[x] = (countS[x] as number) + 1;
            }
          }
        }
      }
      visits++;
      if ((visits & 65535) === 0 && pastDeadline(options.deadline)) {
        throw new Stop("timeLimitMs");
      }
    }
    // pass 2: id-lists of the frequent extensions
    const childI: (IdListBuilder | undefined)[] = [];
    const childS: (IdListBuilder | undefined)[] = [];
    let any = false;
    for (let x = 0; x < itemCount; x++) {
      if ((countI[x] as number) >= minCount) {
        childI[x] = new IdListBuilder(Math.max(16, countI[x] as number), countI[x] as number);
        any = true;
      }
      if ((countS[x] as number) >= minCount) {
        childS[x] = new IdListBuilder(Math.max(16, countS[x] as number), countS[x] as number);
        any = true;
      }
    }
    if (!any) return;
    k = 0;
    while (k < list.size) {
      const c = eventCustomer[list.last[k] as number] as number;
      const from = k;
      while (k < list.size && eventCustomer[list.last[k] as number] === c) k++;
      if (canI) {
        for (let e = from; e < k; e++) {
          const event = list.last[e] as number;
          const stop = eventStart[event + 1] as number;
          for (let p = eventStart[event] as number; p < stop; p++) {
            const child = childI[items[p] as number];
            if (child !== undefined) child.push(event, list.first[e] as number, list.gap[e] as number);
          }
        }
      }
      if (canS) {
        sequenceTargets(list, from, k, c);
        const base = customerStart[c] as number;
        const end = customerStart[c + 1] as number;
        for (let f = (list.last[from] as number) + 1; f < end; f++) {
          const slot = f - base;
          if (validOk[slot] === 0) continue;
          const stop = eventStart[f + 1] as number;
          for (let p = eventStart[f] as number; p < stop; p++) {
            const child = childS[items[p] as number];
            if (child !== undefined) child.push(f, validFirst[slot] as number, validGap[slot] as number);
          }
        }
      }
    }
    let built = 0;
    for (let x = 0; x < itemCount; x++) {
      built += (childI[x]?.size ?? 0) + (childS[x]?.size ?? 0);
    }
    liveEntries += built;
    if (liveEntries > options.maxEntries) throw new Stop("maxEntries");
    // itemset extensions first (same elements), then sequence extensions
    for (let x = 0; x < itemCount; x++) {
      const child = childI[x];
      if (child === undefined) continue;
      pattern[length] = x;
      emit(length + 1, child.count, child, elements);
      extend(child, length + 1, itemsInPattern + 1, elements, lastSize + 1, x);
      liveEntries -= child.size;
      childI[x] = undefined;
    }
    for (let x = 0; x < itemCount; x++) {
      const child = childS[x];
      if (child === undefined) continue;
      pattern[length] = -1;
      pattern[length + 1] = x;
      emit(length + 2, child.count, child, elements + 1);
      extend(child, length + 2, itemsInPattern + 1, elements + 1, 1, x);
      liveEntries -= child.size;
      childS[x] = undefined;
    }
  };

  let truncatedReason: MinedSequences["truncatedReason"];
  try {
    // atoms: one id-list per frequent item, every occurrence
    const support = new Int32Array(itemCount);
    const seen = new Int32Array(itemCount).fill(-1);
    for (let c = 0; c < customerCount; c++) {
      for (let e = customerStart[c] as number; e < (customerStart[c + 1] as number); e++) {
        for (let p = eventStart[e] as number; p < (eventStart[e + 1] as number); p++) {
          const x = items[p] as number;
          if (seen[x] !== c) {
            seen[x] = c;
            support[x] = (support[x] as number) + 1;
          }
        }
      }
    }
    const atoms: (IdListBuilder | undefined)[] = [];
    for (let x = 0; x < itemCount; x++) {
      if ((support[x] as number) >= minCount)
        atoms[x] = new IdListBuilder(Math.max(16, support[x] as number), support[x] as number);
    }
    for (let e = 0; e < db.eventCount; e++) {
      for (let p = eventStart[e] as number; p < (eventStart[e + 1] as number); p++) {
        atoms[items[p] as number]?.push(e, e, Number.NaN);
      }
    }
    for (let x = 0; x < itemCount; x++) liveEntries += atoms[x]?.size ?? 0;
    if (liveEntries > options.maxEntries) throw new Stop("maxEntries");
    for (let x = 0; x < itemCount; x++) {
      const atom = atoms[x];
      if (atom === undefined) continue;
      pattern[0] = x;
      emit(1, support[x] as number, atom, 1);
      extend(atom, 1, 1, 1, 1, x);
      liveEntries -= atom.size;
      atoms[x] = undefined;
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    truncatedReason = error.reason;
  }
  return {
    size: output.size,
    codes: output.codes.slice(0, output.codeLength),
    offsets: output.offsets.slice(0, output.size + 1),
    counts: output.counts.slice(0, output.size),
    gaps: output.gaps.slice(0, output.size),
    truncated: truncatedReason !== undefined,
    truncatedReason,
  };
}
