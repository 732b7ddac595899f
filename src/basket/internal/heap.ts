/**
 * Bounded min-heap keeping the `capacity` best entries seen (top-k without
 * materialising every candidate). Each entry carries two int payloads, which
 * also break ties: among equal keys the entry with the smaller (first, second)
 * is better, so offering candidates in increasing (first, second) order keeps
 * exactly the entries a stable sort by descending key would put first.
 */
export class TopK {
  readonly keys: Float64Array;
  readonly first: Int32Array;
  readonly second: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.keys = new Float64Array(capacity);
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** The worst key kept (meaningful once full). */
  get worstKey(): number {
    return this.keys[0] as number;
  }

  /** Whether a candidate offered after every entry kept (larger payload) would enter the heap. */
  accepts(key: number): boolean {
    return this.size < this.capacity || key > (this.keys[0] as number);
  }

  offer(key: number, first: number, second: number): void {
    const { keys, first: firsts, second: seconds, size } = this;
    let i: number;
    if (size < this.capacity) {
      i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (compare(this, key, first, second, parent) >= 0) break;
        move(this, parent, i);
        i = parent;
      }
    } else {
      if (compare(this, key, first, second, 0) <= 0) return;
      i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const right = left + 1;
        const child =
          right < size &&
          compare(this, keys[right] as number, firsts[right] as number, seconds[right] as number, left) < 0
            ? right
            : left;
        if (compare(this, key, first, second, child) <= 0) break;
        move(this, child, i);
        i = child;
      }
    }
    keys[i] = key;
    firsts[i] = first;
    seconds[i] = second;
  }
}

/**
 * Compares a candidate with entry j of the heap: > 0 when it is better (higher key, or equal key and
 * earlier payload), < 0 when worse, 0 only for an equal entry.
 */
function compare(heap: TopK, key: number, first: number, second: number, j: number): number {
  const other = heap.keys[j] as number;
  if (key !== other) return key > other ? 1 : -1;
  const f = heap.first[j] as number;
  if (first !== f) return f - first;
  return (heap.second[j] as number) - second;
}

function move(heap: TopK, from: number, to: number): void {
  heap.keys[to] = heap.keys[from] as number;
  heap.first[to] = heap.first[from] as number;
  heap.second[to] = heap.second[from] as number;
}
