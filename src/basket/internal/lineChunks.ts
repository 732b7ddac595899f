import { flag, nonEmptyText, withStrayLength } from "../../core/internal/optionRules.js";
import type { Transactions } from "../Transactions.js";
import { TransactionBuilder } from "./builder.js";
import { withRoom } from "./intBuffer.js";

/** What a separator that is empty (or an empty array) is told. */
const SEPARATOR = 'separator must be a non-empty string such as "," or " "';

/** Rules of the basket-text parser's options, shared by readBaskets and readBasketsStream (defaults applied where read). */
export const basketTextShape = {
  separator: /* @__PURE__ */ withStrayLength(/* @__PURE__ */ nonEmptyText(SEPARATOR), {
    min: 1,
    message: SEPARATOR,
  }),
  trim: /* @__PURE__ */ flag(),
};

/**
 * The basket-text parser behind `readBaskets` and `readBasketsStream`: it reads
 * whole lines of text (one transaction per line, items between `separator`s)
 * into a {@link TransactionBuilder}. Text may arrive in pieces: {@link push}
 * parses every complete line of a chunk and keeps the unfinished last line (a
 * "carry", at most one line long) until the next chunk, so a line break, a
 * `"\r\n"` or an item split across chunks reads exactly as in one string, and
 * memory stays bounded by the longest line plus the chunk size.
 */
export class BasketLineParser {
  private readonly builder = new TransactionBuilder();
  private readonly table: LabelTable;
  private readonly fast: boolean;
  private readonly separatorCode: number;
  private carry = "";

  constructor(
    private readonly separator: string,
    private readonly trim: boolean,
  ) {
    this.table = new LabelTable(this.builder);
    this.fast = separator.length === 1 && separator !== "\n" && separator !== "\r";
    this.separatorCode = separator.charCodeAt(0);
  }

  /**
   * Parses the lines of `text[0..end)`, where `end` is `text.length` or just
   * after a line break: the end of the range ends a line.
   */
  parse(text: string, end: number): void {
    this.table.text = text;
    if (this.fast) readSingleSeparator(text, end, this.separatorCode, this.trim, this.builder, this.table);
    else readGeneral(text, end, this.separator, this.trim, this.builder, this.table);
    this.table.text = "";
  }

  /** Parses the complete lines of a chunk of text; the rest waits for the next chunk or {@link finish}. */
  push(chunk: string): void {
    const text = this.carry.length > 0 ? this.carry + chunk : chunk;
    const last = text.lastIndexOf("\n");
    if (last === -1) {
      this.carry = text;
      return;
    }
    this.parse(text, last + 1);
    // the tail may share the chunk's storage: one chunk at most, released at the next push
    this.carry = last + 1 < text.length ? text.slice(last + 1) : "";
  }

  /** Parses what is left (a last line without a line break) and returns the transactions. */
  finish(): Transactions {
    if (this.carry.length > 0) this.parse(this.carry, this.carry.length);
    this.carry = "";
    return this.builder.build();
  }
}

/** The general path (any separator): lines by `indexOf("\n")`, items by `indexOf(separator)`. */
function readGeneral(
  text: string,
  end: number,
  separator: string,
  trim: boolean,
  builder: TransactionBuilder,
  table: LabelTable,
): void {
  const length = end;
  let lineStart = 0;
  while (lineStart < length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1 || lineEnd > length) lineEnd = length;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    let added = 0;
    let itemStart = lineStart;
    while (itemStart <= contentEnd) {
      let itemEnd = text.indexOf(separator, itemStart);
      if (itemEnd === -1 || itemEnd > contentEnd) itemEnd = contentEnd;
      let from = itemStart;
      let to = itemEnd;
      if (trim) {
        while (from < to && isTrimmed(text.charCodeAt(from))) from++;
        while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
      }
      if (to > from) {
        builder.addCode(table.code(from, to, hashRange(text, from, to)));
        added++;
      }
      itemStart = itemEnd + separator.length;
    }
    if (added > 0) builder.end();
    lineStart = lineEnd + 1;
  }
}

const HASH_SEED = -2128831035;
const HASH_PRIME = 16777619;

/** FNV-1a over the UTF-16 code units of `text[from..to)`. */
function hashRange(text: string, from: number, to: number): number {
  let hash = HASH_SEED;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), HASH_PRIME);
  return hash;
}

/**
 * The fast path for a one-character separator (other than a line break): one
 * scan of the text that finds item ends and hashes each item on the way.
 * Same results as the general path.
 */
function readSingleSeparator(
  text: string,
  end: number,
  separatorCode: number,
  trim: boolean,
  builder: TransactionBuilder,
  table: LabelTable,
): void {
  const length = end;
  let added = 0;
  let itemStart = 0;
  while (itemStart < length) {
    let hash = HASH_SEED;
    let itemEnd = itemStart;
    let c = -1;
    while (itemEnd < length) {
      c = text.charCodeAt(itemEnd);
      if (c === separatorCode || c === 10) break;
      hash = Math.imul(hash ^ c, HASH_PRIME);
      itemEnd++;
    }
    const lineEnds = itemEnd >= length || c === 10;
    let from = itemStart;
    let to = itemEnd;
    let rehash = false;
    // a "\r" before the line end belongs to the line break, not to the item
    if (lineEnds && to > from && text.charCodeAt(to - 1) === 13) {
      to--;
      rehash = true;
    }
    if (trim && to > from && (isTrimmed(text.charCodeAt(from)) || isTrimmed(text.charCodeAt(to - 1)))) {
      while (from < to && isTrimmed(text.charCodeAt(from))) from++;
      while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
      rehash = true;
    }
    if (to > from) {
      builder.addCode(table.code(from, to, rehash ? hashRange(text, from, to) : hash));
      added++;
    }
    if (lineEnds) {
      if (added > 0) builder.end();
      added = 0;
    }
    itemStart = itemEnd + 1;
  }
  // a last line without a line break that ends with a separator
  if (added > 0) builder.end();
}

/** Whether `String.prototype.trim` removes this UTF-16 code unit (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Label lookup straight from the text: an open-addressing table keyed by an
 * FNV-1a hash of the item's code units, verified against a copy of each
 * label's code units kept in one `Uint16Array` (a typed-array compare is
 * several times cheaper than reading the label string back), so a label
 * already seen costs no substring allocation; only new labels are sliced
 * (and coded by the builder).
 */
class LabelTable {
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private used = 0;
  /** Code units of every label, label `code` at `starts[code]..starts[code + 1]`. */
  private units = new Uint16Array(4096);
  private starts = new Int32Array(1025);

  /** The text being parsed (set per chunk; labels are copied out, never kept by reference). */
  text = "";

  constructor(private readonly builder: TransactionBuilder) {}

  /** Code of the label `text[from..to)` whose {@link hashRange} is `hash`. */
  code(from: number, to: number, hash: number): number {
    const { text, units, starts, slots, hashes } = this;
    const mask = slots.length - 1;
    const length = to - from;
    let slot = hash & mask;
    for (;;) {
      const code = slots[slot] as number;
      if (code < 0) break;
      if (hashes[slot] === hash) {
        const start = starts[code] as number;
        if ((starts[code + 1] as number) - start === length) {
          let i = 0;
          while (i < length && units[start + i] === text.charCodeAt(from + i)) i++;
          if (i === length) return code;
        }
      }
      slot = (slot + 1) & mask;
    }
    const code = this.builder.code(text.slice(from, to));
    this.remember(code, from, to);
    this.slots[slot] = code;
    this.hashes[slot] = hash;
    if (++this.used * 2 > this.slots.length) this.grow();
    return code;
  }

  /** Copies the code units of new label `code` (= the number of labels so far) into the pool. */
  private remember(code: number, from: number, to: number): void {
    // starts holds code + 1 entries, units the code units of the labels before this one
    this.starts = withRoom(this.starts, code + 1, 1);
    const start = this.starts[code] as number;
    this.units = withRoom(this.units, start, to - from);
    const { text, units } = this;
    for (let i = from; i < to; i++) units[start + i - from] = text.charCodeAt(i);
    this.starts[code + 1] = start + to - from;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let s = 0; s < this.slots.length; s++) {
      const code = this.slots[s] as number;
      if (code < 0) continue;
      const hash = this.hashes[s] as number;
      let slot = hash & mask;
      while ((slots[slot] as number) >= 0) slot = (slot + 1) & mask;
      slots[slot] = code;
      hashes[slot] = hash;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}
