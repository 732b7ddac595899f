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
 * Map reaches the limit its keys move once into an open-addressing table of
 * typed arrays (slots and per-code hashes) that the collector never scans, plus
 * the array of distinct labels (the caller's own strings, not copies).
 *
 * The large table: linear probing over a power-of-two slot array kept at most
 * half full, doubling when it reaches that. Keys are hashed over their UTF-16
 * code units (FNV-1a, then a 32-bit finaliser so the low bits used as the slot
 * index depend on every unit). A lookup compares the stored hash first and the
 * string only on a hash match.
 *
 * Complexity: amortised O(1) table work per lookup plus O(key length) once the
 * table is large; memory 8 bytes per slot + 4 bytes per code + the labels.
 */
/** Distinct keys kept in a plain Map before the table moves to typed arrays (2^16). */
export const SMALL_TABLE_LIMIT = 1 << 16;

export class CodeTable {
  /** Distinct keys in first-seen order; `labels[code]` is the key of `code`. */
  readonly labels: string[] = [];
  /** The table while it is small; `undefined` once the keys have moved to the typed arrays. */
  private small: Map<string, number> | undefined = new Map();
  /** `slots[s]` is 1 + the code stored in slot s, or 0 when the slot is empty. */
  private slots: Int32Array = new Int32Array(0);
  /** `hashes[code]`: the hash of `labels[code]`, compared before the strings and used to regrow. */
  private hashes: Int32Array = new Int32Array(0);
  private mask = 0;
  /** Code count at which the slot array doubles (half its length). */
  private limit = 0;
  private readonly smallLimit: number;

  /** @param smallLimit - distinct keys kept in a Map before moving to the typed-array table (tests lower it) */
  constructor(smallLimit = SMALL_TABLE_LIMIT) {
    this.smallLimit = Math.max(1, smallLimit);
  }

  /** Number of distinct keys seen. */
  get size(): number {
    return this.labels.length;
  }

  /** The code of `key`, adding it (next code, first-seen order) when new. */
  code(key: string): number {
    const small = this.small;
    if (small !== undefined) {
      const hit = small.get(key);
      if (hit !== undefined) return hit;
      const code = this.labels.length;
      this.labels.push(key);
      small.set(key, code);
      if (code + 1 >= this.smallLimit) this.promote();
      return code;
    }
    const hash = hashString(key);
    const { slots, labels, mask } = this;
    let slot = hash & mask;
    for (;;) {
      const stored = slots[slot] as number;
      if (stored === 0) break;
      const code = stored - 1;
      if (this.hashes[code] === hash && labels[code] === key) return code;
      slot = (slot + 1) & mask;
    }
    const code = labels.length;
    labels.push(key);
    if (code === this.hashes.length) this.hashes = growInt32(this.hashes);
    this.hashes[code] = hash;
    slots[slot] = code + 1;
    if (code + 1 >= this.limit) this.rehash(slots.length * 2);
    return code;
  }

  /** Moves the keys of the small Map into the typed-array table (each key hashed once). */
  private promote(): void {
    const { labels } = this;
    const count = labels.length;
    const hashes = new Int32Array(Math.max(16, count * 2));
    for (let code = 0; code < count; code++) hashes[code] = hashString(labels[code] as string);
    this.hashes = hashes;
    this.small = undefined;
    let size = 16;
    while (size < 4 * count) size *= 2;
    this.rehash(size);
  }

  /** Lays every code out in a slot array of `size` (a power of two) by its stored hash; no string is read. */
  private rehash(size: number): void {
    const slots = new Int32Array(size);
    const mask = size - 1;
    const { hashes } = this;
    const count = this.labels.length;
    for (let code = 0; code < count; code++) {
      let slot = (hashes[code] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    }
    this.slots = slots;
    this.mask = mask;
    this.limit = size >>> 1;
  }
}

/** A copy of `array` with twice the length. */
function growInt32(array: Int32Array): Int32Array {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
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
