/** Distinct keys kept in a plain Map before the table moves to a typed array (2^16). */
export const SMALL_TABLE_LIMIT = 1 << 16;

/**
 * The slot array of the last table released (see {@link CodeTable.release}), for the next table to reuse.
 * Held through a `WeakRef`, as `scratch.ts` holds its buffer: it stays while the current task runs and
 * until a later collection frees it. A table that takes it clears this, so a table made while another is
 * in use (an accessor calling back into the library) gets an array of its own.
 */
let keptSlots: WeakRef<Int32Array> | undefined;

/**
 * A string -> dense integer code table (first-seen order) that stays linear at
 * millions of distinct keys.
 *
 * Why not only a `Map<string, number>`: at 1M-5M distinct keys the Map's
 * backing store lives in the garbage-collected heap and is reallocated and
 * rescanned as it grows, so the cost per key rises with the table size (issue
 * 19: `readCodes` took 232 ms at 1M order lines and 1,930 ms at 5M). Below
 * {@link SMALL_TABLE_LIMIT} distinct keys a Map is kept all the same: it is the
 * fastest table while small, since V8 caches each string's hash in the string
 * (customer ids and product names repeat the same string objects). When the
 * Map reaches the limit its keys move once into an open-addressing table held
 * in one `Int32Array` of (code + 1, hash) pairs, which the collector never
 * scans; the distinct labels stay in an array (the caller's own strings, not
 * copies).
 *
 * Sizing: typed-array memory is "external" to V8, and every 64 MB of it
 * allocated since the last full collection starts one; with millions of
 * records in the heap a full collection costs seconds, so the table avoids
 * allocating more than it needs. When it leaves the Map it is sized for the
 * number of distinct keys expected by the end of the input (the rate seen so
 * far, extrapolated over the remaining rows), so on order lines it never
 * grows again; it is kept at most 3/4 full and doubles when it gets there.
 *
 * Lookups: linear probing from the hash's low bits; a slot's stored hash is
 * compared first (same cache line as its code) and the string only on a hash
 * match. Keys are hashed over their UTF-16 code units (FNV-1a, then a 32-bit
 * finaliser so the low bits depend on every unit).
 *
 * Reuse: a finished table's slot array is kept for the next table ({@link CodeTable.release}), so calls
 * that read millions of order ids one after the other allocate it once (at 5M order lines it is 16-32 MB,
 * which alone made every second call start a full collection of the caller's records).
 *
 * Complexity: amortised O(1) table work per lookup plus O(key length) once the
 * table is large; memory 8 bytes per slot (1.33-2.67 slots per key) plus the labels.
 */
export class CodeTable {
  /** Distinct keys in first-seen order; `labels[code]` is the key of `code`. */
  readonly labels: string[] = [];
  /** The table while it is small; `undefined` once the keys have moved to the typed array. */
  private small: Map<string, number> | undefined = new Map();
  /** Slot s holds `pairs[2s]` = 1 + code (0: empty) and `pairs[2s + 1]` = the hash of that code's label. */
  private pairs: Int32Array = new Int32Array(0);
  /** The array `pairs` views (a reused array may be longer than this table needs). */
  private backing: Int32Array = this.pairs;
  private mask = 0;
  /** Number of codes at which the slot array doubles (3/4 of its slots). */
  private limit = 0;
  private readonly smallLimit: number;
  private readonly rows: number;

  /**
   * @param rows - number of rows the caller will look up (0 when unknown), to size the large table once
   * @param smallLimit - distinct keys kept in a Map before moving to the typed array (tests lower it)
   */
  constructor(rows = 0, smallLimit = SMALL_TABLE_LIMIT) {
    this.rows = rows;
    this.smallLimit = Math.max(1, smallLimit);
  }

  /** Number of distinct keys seen. */
  get size(): number {
    return this.labels.length;
  }

  /**
   * The code of `key`, adding it (next code, first-seen order) when new.
   * @param row - index of the row being read (0 when unknown), used only to size the large table
   */
  code(key: string, row = 0): number {
    const small = this.small;
    if (small !== undefined) {
      const hit = small.get(key);
      if (hit !== undefined) return hit;
      const code = this.labels.length;
      this.labels.push(key);
      small.set(key, code);
      if (code + 1 >= this.smallLimit) this.promote(row);
      return code;
    }
    const hash = hashString(key);
    const { pairs, labels, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const at = slot << 1;
      const stored = pairs[at] as number;
      if (stored === 0) break;
      if (pairs[at + 1] === hash && labels[stored - 1] === key) return stored - 1;
      slot = (slot + 1) & mask;
    }
    const code = labels.length;
    labels.push(key);
    pairs[slot << 1] = code + 1;
    pairs[(slot << 1) + 1] = hash;
    if (code + 1 >= this.limit) this.resize((mask + 1) * 2);
    return code;
  }

  /** Moves the keys of the small Map into the typed array (each key hashed once), sized for the whole input. */
  private promote(row: number): void {
    const count = this.labels.length;
    let expected = count;
    if (this.rows > row + 1) {
      // new keys per row so far, over the remaining rows; never more keys than rows
      expected = Math.min(this.rows, Math.ceil((count * this.rows) / (row + 1)));
    }
    let size = 16;
    while (size * 3 < expected * 4 + 4) size *= 2;
    this.small = undefined;
    this.allocate(size);
    const { pairs, labels, mask } = this;
    for (let code = 0; code < count; code++) {
      const hash = hashString(labels[code] as string);
      let slot = hash & mask;
      while (pairs[slot << 1] !== 0) slot = (slot + 1) & mask;
      pairs[slot << 1] = code + 1;
      pairs[(slot << 1) + 1] = hash;
    }
  }

  /** Lays the stored (code, hash) pairs out in a slot array of `size` (a power of two); no string is read. */
  private resize(size: number): void {
    const old = this.pairs;
    this.allocate(size);
    const { pairs, mask } = this;
    for (let at = 0; at < old.length; at += 2) {
      const stored = old[at] as number;
      if (stored === 0) continue;
      const hash = old[at + 1] as number;
      let slot = hash & mask;
      while (pairs[slot << 1] !== 0) slot = (slot + 1) & mask;
      pairs[slot << 1] = stored;
      pairs[(slot << 1) + 1] = hash;
    }
  }

  /** Points `pairs` at 2 * `size` zeroed slots: the kept array of the last released table when large enough. */
  private allocate(size: number): void {
    const kept = keptSlots?.deref();
    if (kept !== undefined && kept.length >= 2 * size) {
      keptSlots = undefined;
      this.backing = kept;
      this.pairs = kept.subarray(0, 2 * size).fill(0);
    } else {
      this.backing = new Int32Array(2 * size);
      this.pairs = this.backing;
    }
    this.mask = size - 1;
    this.limit = Math.floor((size * 3) / 4);
  }

  /**
   * Ends the table's use and returns its labels: its slot array is kept for the next table (unless a
   * larger one is kept already). A table that has left its Map must not be asked for codes afterwards
   * (it throws a TypeError: its slots are gone).
   */
  release(): string[] {
    const backing = this.backing;
    if (backing.length > (keptSlots?.deref()?.length ?? 0)) keptSlots = new WeakRef(backing);
    if (this.small === undefined) {
      // the next table may write into `backing`: make any later lookup here fail loudly
      this.pairs = this.backing = null as unknown as Int32Array;
    }
    return this.labels;
  }
}

/**
 * 32-bit hash of a string's UTF-16 code units: FNV-1a over the units, then
 * the murmur3 finaliser (so that neighbouring keys such as "O0000001" and
 * "O0000002" spread over the low bits used as slot indices).
 */
export function hashString(key: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash;
}
