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
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worseThan(key, first, second, parent)) break;
        this.move(parent, i);
        i = parent;
      }
      this.set(i, key, first, second);
      return;
    }
    if (!this.betterThanEntry(key, first, second, 0)) return;
    let i = 0;
    const size = this.size;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.entryWorse(right, left) ? right : left;
      if (!this.betterThanEntry(key, first, second, child)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, key, first, second);
  }

  /** Whether the candidate is worse than entry j (lower key, or equal key and later payload). */
  private worseThan(key: number, first: number, second: number, j: number): boolean {
    const other = this.keys[j] as number;
    if (key !== other) return key < other;
    const f = this.first[j] as number;
    return first !== f ? first > f : second > (this.second[j] as number);
  }

  private betterThanEntry(key: number, first: number, second: number, j: number): boolean {
    const other = this.keys[j] as number;
    if (key !== other) return key > other;
    const f = this.first[j] as number;
    return first !== f ? first < f : second < (this.second[j] as number);
  }

  private entryWorse(i: number, j: number): boolean {
    return this.worseThan(this.keys[i] as number, this.first[i] as number, this.second[i] as number, j);
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from] as number;
    this.first[to] = this.first[from] as number;
    this.second[to] = this.second[from] as number;
  }

  private set(i: number, key: number, first: number, second: number): void {
    this.keys[i] = key;
    this.first[i] = first;
    this.second[i] = second;
  }
}
