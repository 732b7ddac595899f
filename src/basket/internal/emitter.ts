import { IntBuffer } from "./intBuffer.js";

/** What stopped a search: the itemset count, the stored item occurrences (memory) or the clock. */
export type StopReason = "maxItemsets" | "itemOccurrences" | "timeLimitMs";

/**
 * Collects mined itemsets into flat typed buffers: the items of itemset `i`
 * are `items[offsets[i] .. offsets[i + 1])` (as ranks of the miner until
 * {@link finishItemsets} maps them back), its count `counts[i]`. Also enforces
 * the size and time budget: once exceeded, `stopped` turns true and the miners
 * unwind without emitting more.
 */
export class ItemsetEmitter {
  readonly items = new IntBuffer(1 << 14);
  readonly offsets = new IntBuffer(1 << 12);
  readonly counts = new IntBuffer(1 << 12);
  /** The current prefix (ranks), `depth` of them in use. */
  readonly prefix: Int32Array;
  stopped = false;
  reason: StopReason | undefined;
  private sinceClock = 0;

  constructor(
    maxDepth: number,
    private readonly maxItemsets: number,
    private readonly deadline: number,
    /** Budget of stored item occurrences (memory: 4 bytes each), `Infinity` for none. */
    private readonly maxItemOccurrences: number = Infinity,
  ) {
    this.prefix = new Int32Array(maxDepth + 1);
    this.offsets.push(0);
  }

  get size(): number {
    return this.counts.length;
  }

  /** Emits prefix[0..depth) with its count. */
  emit(depth: number, count: number): void {
    if (this.stopped) return;
    const items = this.items;
    items.reserve(depth);
    const data = items.data;
    let at = items.length;
    for (let i = 0; i < depth; i++) data[at++] = this.prefix[i] as number;
    items.length = at;
    this.offsets.push(at);
    this.counts.push(count);
    if (this.counts.length >= this.maxItemsets) {
      this.stopped = true;
      this.reason = "maxItemsets";
    } else if (at >= this.maxItemOccurrences) {
      this.stopped = true;
      this.reason = "itemOccurrences";
    }
    if (++this.sinceClock >= 2048) this.checkClock();
  }

  /** Checks the time budget (cheap enough to call once per conditional database). */
  checkClock(): void {
    this.sinceClock = 0;
    if (this.deadline !== Infinity && performance.now() > this.deadline) {
      this.stopped = true;
      this.reason ??= "timeLimitMs";
    }
  }
}

/**
 * An emitter that hands each itemset to a callback instead of storing it (streaming output: memory stays
 * that of the miner's own structures). The callback gets the prefix ranks, the depth and the count, and
 * returns false to stop the search.
 */
export class SinkEmitter extends ItemsetEmitter {
  emitted = 0;

  constructor(
    maxDepth: number,
    private readonly limit: number,
    deadline: number,
    private readonly sink: (prefix: Int32Array, depth: number, count: number) => boolean,
  ) {
    super(maxDepth, Infinity, deadline);
  }

  override emit(depth: number, count: number): void {
    if (this.stopped) return;
    this.emitted++;
    if (!this.sink(this.prefix, depth, count)) {
      this.stopped = true;
      this.reason ??= "maxItemsets";
      return;
    }
    if (this.emitted >= this.limit) {
      this.stopped = true;
      this.reason = "maxItemsets";
    }
    if ((this.emitted & 2047) === 0) this.checkClock();
  }
}
