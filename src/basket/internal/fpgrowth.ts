import type { ItemsetEmitter } from "./emitter.js";
import { withRoom } from "./intBuffer.js";
import type { RankedDatabase } from "./rankedDatabase.js";

/**
 * FP-growth (Han, Pei, Yin 2000) on typed arrays. Trees are a node arena of
 * parallel `Int32Array`s (item, count, parent, first child, next sibling,
 * next node of the same item); conditional trees are allocated on top of the
 * arena and released on return, so memory is bounded by the trees on the
 * current recursion path. Items inside a tree are local codes 0..k-1 by
 * descending count within that tree (each conditional tree is re-sorted, which
 * keeps trees small on dense data; paths are re-sorted by insertion).
 *
 * Departures from the textbook: the first level is projected straight from
 * the rank-coded transactions, a block of ranks per sequential pass, instead
 * of a global FP-tree, which on sparse data barely compresses and costs
 * cache misses; a tree's root finds its children through the tree header;
 * each conditional pattern base is read from the tree
 * once into a flat buffer; wide trees find children through a (parent, item)
 * hash rather than sibling lists; a base with one frequent item and a tree
 * that is a single path are enumerated without building further trees.
 *
 * Written as closures over the miner's state rather than a class: minifiers then shorten every field
 * name, which keeps a bundle of one mining function small.
 */
export function fpGrowth(
  database: RankedDatabase,
  minCount: number,
  maxDepth: number,
  emitter: ItemsetEmitter,
  /** First-level pattern-base words filled per pass ({@link BLOCK_WORDS}; tests use tiny blocks). */
  blockWords = BLOCK_WORDS,
): void {
  const itemCount = database.rankCounts.length;
  let capacity = 1 << 16;
  let nodeItem = new Int32Array(capacity);
  let nodeCount = new Int32Array(capacity);
  let nodeParent = new Int32Array(capacity);
  let nodeChild = new Int32Array(capacity);
  let nodeSibling = new Int32Array(capacity);
  let nodeLink = new Int32Array(capacity);
  let top = 0;
  /** Header arena: per tree [head k][count k][rank of each local item k][tail k][root child k]; node lists in creation order. */
  let header = new Int32Array(Math.max(1024, itemCount * 8));
  let headerTop = 0;
  const conditionalCount = new Int32Array(itemCount);
  const localCode = new Int32Array(itemCount);
  const path = new Int32Array(itemCount);
  /** Items touched in pass 1 of the current conditional base (so setup is O(touched), not O(k)). */
  const touched = new Int32Array(itemCount);
  const prefix = emitter.prefix;
  /** Paths of the current conditional pattern base, read once from the tree: [length, count, items...]. */
  let paths = new Int32Array(1 << 16);
  /** Scratch hash of (parent, item) -> child for building wide trees; entries valid when stamp matches. */
  let hashParent = new Int32Array(0);
  let hashItem = new Int32Array(0);
  let hashNode = new Int32Array(0);
  let hashStamp = new Int32Array(0);
  let hashMask = 0;
  let stamp = 0;

  /** Readies the (parent, item) hash for a tree of at most `nodes` nodes. */
  const prepareHash = (nodes: number): void => {
    let size = 16;
    while (size < nodes * 2) size *= 2;
    if (size > hashStamp.length) {
      hashParent = new Int32Array(size);
      hashItem = new Int32Array(size);
      hashNode = new Int32Array(size);
      hashStamp = new Int32Array(size);
      stamp = 0;
    }
    hashMask = size - 1;
    stamp++;
  };

  /**
   * Initialises arena node `child` as a new child of `parent` holding `item`
   * with `count`, and appends it to the item's node list in the tree's header.
   */
  const attachChild = (
    child: number,
    parent: number,
    item: number,
    count: number,
    headerBase: number,
    k: number,
  ): void => {
    nodeItem[child] = item;
    nodeCount[child] = count;
    nodeParent[child] = parent;
    nodeChild[child] = -1;
    nodeSibling[child] = nodeChild[parent] as number;
    nodeChild[parent] = child;
    nodeLink[child] = -1;
    const tail = header[headerBase + 3 * k + item] as number;
    if (tail === -1) header[headerBase + item] = child;
    else nodeLink[tail] = child;
    header[headerBase + 3 * k + item] = child;
  };

  /**
   * Adds `count` to the root's child holding `item`, found in the tree's
   * header (the root has the most children), or creates it as arena node
   * `free`. Returns the child.
   */
  const rootChild = (
    root: number,
    headerBase: number,
    k: number,
    item: number,
    count: number,
    free: number,
  ): number => {
    let child = header[headerBase + 4 * k + item] as number;
    if (child === -1) {
      child = free;
      attachChild(child, root, item, count, headerBase, k);
      header[headerBase + 4 * k + item] = child;
    } else {
      nodeCount[child] = (nodeCount[child] as number) + count;
    }
    header[headerBase + k + item] = (header[headerBase + k + item] as number) + count;
    return child;
  };

  /**
   * Inserts path[length-1], ..., path[0] (ascending local codes) below root with count; children are
   * found through sibling lists, or through the (parent, item) hash when `hashed` (trees with many
   * items, where sibling lists get long).
   */
  const insert = (
    root: number,
    headerBase: number,
    k: number,
    length: number,
    count: number,
    hashed: boolean,
  ): void => {
    let next = top;
    let node = rootChild(root, headerBase, k, path[length - 1] as number, count, next);
    if (node === next) next++;
    for (let i = length - 2; i >= 0; i--) {
      const item = path[i] as number;
      let child = nodeChild[node] as number;
      if (hashed) {
        if (child === -1 || nodeItem[child] !== item) {
          let slot = ((Math.imul(node, 0x9e3779b1) ^ Math.imul(item + 1, 0x85ebca6b)) >>> 7) & hashMask;
          child = -1;
          while (hashStamp[slot] === stamp) {
            if (hashParent[slot] === node && hashItem[slot] === item) {
              child = hashNode[slot] as number;
              break;
            }
            slot = (slot + 1) & hashMask;
          }
          if (child === -1) {
            child = next++;
            attachChild(child, node, item, count, headerBase, k);
            hashStamp[slot] = stamp;
            hashParent[slot] = node;
            hashItem[slot] = item;
            hashNode[slot] = child;
            header[headerBase + k + item] = (header[headerBase + k + item] as number) + count;
            node = child;
            continue;
          }
        }
      } else {
        while (child !== -1 && nodeItem[child] !== item) child = nodeSibling[child] as number;
        if (child === -1) {
          child = next++;
          attachChild(child, node, item, count, headerBase, k);
          header[headerBase + k + item] = (header[headerBase + k + item] as number) + count;
          node = child;
          continue;
        }
      }
      nodeCount[child] = (nodeCount[child] as number) + count;
      header[headerBase + k + item] = (header[headerBase + k + item] as number) + count;
      node = child;
    }
    top = next;
  };

  const ensureNodes = (extra: number): void => {
    if (top + extra <= capacity) return;
    nodeItem = withRoom(nodeItem, top, extra);
    nodeCount = withRoom(nodeCount, top, extra);
    nodeParent = withRoom(nodeParent, top, extra);
    nodeChild = withRoom(nodeChild, top, extra);
    nodeSibling = withRoom(nodeSibling, top, extra);
    nodeLink = withRoom(nodeLink, top, extra);
    capacity = nodeItem.length;
  };

  const ensureHeader = (extra: number): void => {
    header = withRoom(header, headerTop, extra);
  };

  const newRoot = (): number => {
    const root = top++;
    nodeItem[root] = -1;
    nodeCount[root] = 0;
    nodeParent[root] = -1;
    nodeChild[root] = -1;
    nodeSibling[root] = -1;
    nodeLink[root] = -1;
    return root;
  };

  /** Enumerates every subset of a single-path tree (chain of nodes stored at header[chainBase..]). */
  const enumerateChain = (
    chainBase: number,
    length: number,
    mapBase: number,
    start: number,
    depth: number,
  ): void => {
    for (let i = start; i < length; i++) {
      if (emitter.stopped) return;
      const node = header[chainBase + i] as number;
      prefix[depth] = header[mapBase + (nodeItem[node] as number)] as number;
      emitter.emit(depth + 1, nodeCount[node] as number);
      if (depth + 1 < maxDepth) enumerateChain(chainBase, length, mapBase, i + 1, depth + 1);
    }
  };

  /** Mines a single-path tree, when it is one: returns false otherwise. */
  const mineChain = (root: number, k: number, headerBase: number, depth: number): boolean => {
    let length = 0;
    for (let node = nodeChild[root] as number; node !== -1; node = nodeChild[node] as number) {
      if (nodeSibling[node] !== -1) return false;
      length++;
    }
    ensureHeader(length);
    const chainBase = headerTop;
    headerTop += length;
    let at = chainBase;
    for (let node = nodeChild[root] as number; node !== -1; node = nodeChild[node] as number)
      header[at++] = node;
    enumerateChain(chainBase, length, headerBase + 2 * k, 0, depth);
    headerTop = chainBase;
    return true;
  };

  const mine = (root: number, k: number, headerBase: number, depth: number): void => {
    emitter.checkClock();
    if (emitter.stopped || mineChain(root, k, headerBase, depth)) return;
    for (let j = k - 1; j >= 0; j--) {
      if (emitter.stopped) return;
      prefix[depth] = header[headerBase + 2 * k + j] as number;
      emitter.emit(depth + 1, header[headerBase + k + j] as number);
      if (depth + 1 >= maxDepth || j === 0) continue;
      // pass 1: counts of the items in the conditional pattern base of j
      const items = nodeItem;
      const itemCounts = nodeCount;
      const parents = nodeParent;
      let total = 0;
      let touchedCount = 0;
      let base = paths;
      let pathsTop = 0;
      for (let n = header[headerBase + j] as number; n !== -1; n = nodeLink[n] as number) {
        const count = itemCounts[n] as number;
        if (pathsTop + k + 2 > base.length)
          base = paths = withRoom(base, base.length, pathsTop + k + 2 - base.length);
        const start = pathsTop;
        pathsTop += 2;
        for (let p = parents[n] as number; p !== root; p = parents[p] as number) {
          const item = items[p] as number;
          const before = conditionalCount[item] as number;
          if (before === 0) touched[touchedCount++] = item;
          conditionalCount[item] = before + count;
          base[pathsTop++] = item;
        }
        base[start] = pathsTop - start - 2;
        base[start + 1] = count;
        total += pathsTop - start - 2;
      }
      project(base, 0, pathsTop, headerBase + 2 * k, touchedCount, total, depth);
    }
  };

  /**
   * Builds the conditional tree of the pattern base held in
   * `base[from..to)` (items in `touched`, counts in
   * `conditionalCount`) above the arena top, mines it one level deeper and
   * releases it. `mapBase` locates the parent tree's local-to-rank map in the
   * header arena (-1: codes are ranks).
   */
  const project = (
    base: Int32Array,
    from: number,
    to: number,
    mapBase: number,
    touchedCount: number,
    total: number,
    depth: number,
  ): void => {
    // local codes by descending conditional count (ties: parent order): smaller conditional trees
    let k2 = 0;
    for (let t = 0; t < touchedCount; t++) {
      const x = touched[t] as number;
      if ((conditionalCount[x] as number) >= minCount) {
        // insertion into touched[0..k2) ordered by count desc, then x asc
        const count = conditionalCount[x] as number;
        let at = k2 - 1;
        while (at >= 0) {
          const other = touched[at] as number;
          const otherCount = conditionalCount[other] as number;
          if (otherCount > count || (otherCount === count && other < x)) break;
          touched[at + 1] = other;
          at--;
        }
        touched[at + 1] = x;
        k2++;
      } else {
        localCode[x] = -1;
        conditionalCount[x] = 0;
      }
    }
    for (let t = 0; t < k2; t++) {
      const x = touched[t] as number;
      localCode[x] = t;
      conditionalCount[x] = 0;
    }
    if (k2 === 0) return;
    if (k2 === 1) {
      // one frequent item (touched[0]): its count is the count of the extended prefix, no tree needed
      const only = touched[0] as number;
      let count = 0;
      for (let at = from; at < to; ) {
        const end = at + 2 + (base[at] as number);
        for (let i = at + 2; i < end; i++) {
          if (base[i] === only) {
            count += base[at + 1] as number;
            break;
          }
        }
        at = end;
      }
      if (depth + 1 < maxDepth) {
        prefix[depth + 1] = mapBase < 0 ? only : (header[mapBase + only] as number);
        emitter.emit(depth + 2, count);
      }
      return;
    }
    // pass 2: build the conditional tree above the arena top
    ensureNodes(total + 1);
    ensureHeader(5 * k2);
    const headerBase2 = headerTop;
    headerTop += 5 * k2;
    for (let i = 0; i < k2; i++) {
      header[headerBase2 + i] = -1;
      header[headerBase2 + k2 + i] = 0;
      header[headerBase2 + 3 * k2 + i] = -1;
      header[headerBase2 + 4 * k2 + i] = -1;
    }
    for (let t = 0; t < k2; t++) {
      const x = touched[t] as number;
      header[headerBase2 + 2 * k2 + t] = mapBase < 0 ? x : (header[mapBase + x] as number);
    }
    const root2 = newRoot();
    const hashed = k2 > HASH_ABOVE_ITEMS;
    if (hashed) prepareHash(total + 1);
    for (let at = from; at < to; ) {
      const end = at + 2 + (base[at] as number);
      const count = base[at + 1] as number;
      // keep the frequent items (branch-free: most items of a base are infrequent in it) ...
      let length2 = 0;
      for (let i = at + 2; i < end; i++) {
        const local = localCode[base[i] as number] as number;
        path[length2] = local;
        length2 += (local >>> 31) ^ 1;
      }
      at = end;
      if (length2 === 0) continue;
      // ... sorted descending (insert reads the path backwards: ascending from the root)
      for (let i = 1; i < length2; i++) {
        const local = path[i] as number;
        let slot = i - 1;
        while (slot >= 0 && (path[slot] as number) < local) {
          path[slot + 1] = path[slot] as number;
          slot--;
        }
        path[slot + 1] = local;
      }
      insert(root2, headerBase2, k2, length2, count, hashed);
    }
    mine(root2, k2, headerBase2, depth + 1);
    top = root2;
    headerTop = headerBase2;
  };

  const { offsets, items } = database;
  const transactionCount = offsets.length - 1;

  /** Writes the pattern bases of ranks low..high into `buffer`, rank r from `fill[r]` on (advanced as written). */
  const fillBases = (buffer: Int32Array, fill: Int32Array, low: number, high: number): void => {
    for (let t = 0; t < transactionCount; t++) {
      const from = offsets[t] as number;
      const to = offsets[t + 1] as number;
      for (let i = from + 1; i < to; i++) {
        const rank = items[i] as number;
        if (rank < low) continue;
        if (rank > high) break; // ranks ascend within a transaction
        let at = fill[rank] as number;
        buffer[at++] = i - from;
        buffer[at++] = 1;
        // ranks below j, written highest first (the order tree walks produce)
        for (let q = i - 1; q >= from; q--) buffer[at++] = items[q] as number;
        fill[rank] = at;
      }
    }
  };

  /** Counts the items of a first-level pattern base held in `buffer[from..to)` and projects it. */
  const mineBase = (buffer: Int32Array, from: number, to: number): void => {
    let touchedCount = 0;
    let total = 0;
    for (let at = from; at < to; ) {
      const end = at + 2 + (buffer[at] as number);
      const count = buffer[at + 1] as number;
      for (let i = at + 2; i < end; i++) {
        const item = buffer[i] as number;
        const before = conditionalCount[item] as number;
        if (before === 0) touched[touchedCount++] = item;
        conditionalCount[item] = before + count;
      }
      total += end - at - 2;
      at = end;
    }
    project(buffer, from, to, -1, touchedCount, total, 0);
  };

  // The first level reads the transactions directly instead of building a global FP-tree: the pattern
  // base of rank j is the prefix (ranks < j) of every transaction holding j. On sparse data the global
  // tree barely compresses and walking it costs cache misses; on dense data the conditional trees still
  // compress. The bases are filled for a block of ranks at a time by one sequential pass over the
  // transactions (reading each holder's prefix in place was a cache miss per holder), with the block's
  // buffer bounded by `blockWords` unless one rank needs more.
  // words of each rank's pattern base: [length, count, prefix...] per holder with a prefix
  const baseWords = new Float64Array(itemCount);
  for (let t = 0; t < transactionCount; t++) {
    const from = offsets[t] as number;
    const to = offsets[t + 1] as number;
    for (let i = from + 1; i < to; i++) {
      const rank = items[i] as number;
      baseWords[rank] = (baseWords[rank] as number) + (i - from) + 2;
    }
  }
  const fill = new Int32Array(itemCount);
  let buffer = new Int32Array(0);
  let high = itemCount - 1;
  while (high >= 0) {
    if (emitter.stopped) return;
    // block [low, high]: ranks mined next, descending, within the word budget
    let low = high;
    let words = baseWords[high] as number;
    while (low > 0 && words + (baseWords[low - 1] as number) <= blockWords) {
      low--;
      words += baseWords[low] as number;
    }
    if (words > 0x7fffffff) throw new RangeError("pattern base too large for one buffer");
    if (buffer.length < words) buffer = new Int32Array(Math.max(words, Math.min(blockWords, 2 * words)));
    let at = 0;
    for (let rank = high; rank >= low; rank--) {
      fill[rank] = at;
      at += baseWords[rank] as number;
    }
    if (maxDepth > 1 && words > 0) fillBases(buffer, fill, low, high);
    for (let j = high; j >= low; j--) {
      if (emitter.stopped) return;
      prefix[0] = j;
      emitter.emit(1, database.rankCounts[j] as number);
      if (maxDepth <= 1 || j === 0) continue;
      // after fillBases, fill[j] is the end of j's base
      const to = fill[j] as number;
      mineBase(buffer, to - (baseWords[j] as number), to);
    }
    high = low - 1;
  }
}

/** Words (Int32) of first-level pattern bases filled per pass over the transactions (4 MB). */
const BLOCK_WORDS = 1 << 20;

/** Trees over more items than this find children through a hash instead of sibling lists. */
const HASH_ABOVE_ITEMS = 24;
