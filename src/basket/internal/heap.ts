/**
 * Bounded min-heap keeping the `capacity` largest keys seen (top-k without
 * materialising every candidate). Each entry carries two int payloads. Ties
 * keep the earlier entry (a later equal key does not replace it).
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

  /** Whether a key would enter the heap. */
  accepts(key: number): boolean {
    return this.size < this.capacity || key > (this.keys[0] as number);
  }

  offer(key: number, first: number, second: number): void {
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((this.keys[parent] as number) <= key) break;
        this.move(parent, i);
        i = parent;
      }
      this.set(i, key, first, second);
      return;
    }
    if (key <= (this.keys[0] as number)) return;
    let i = 0;
    const size = this.size;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && (this.keys[right] as number) < (this.keys[left] as number) ? right : left;
      if ((this.keys[child] as number) >= key) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, key, first, second);
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
