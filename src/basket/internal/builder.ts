import { InsufficientDataError, InvalidRecordError } from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import { isTransactions, type Transactions, type TransactionsInput } from "../Transactions.js";
import { IntBuffer } from "./intBuffer.js";
import { sortRunAscending } from "./sortRun.js";

/**
 * Accumulates transactions item by item, recoding labels to integer codes in
 * first-seen order, and produces the CSR {@link Transactions} value.
 */
export class TransactionBuilder {
  /**
   * Label -> code. A prototype-less object rather than a Map: V8 internalises
   * property-key strings, so lookups of repeated label strings compare
   * pointers (measured ~35% faster than Map on 1M items with 1000 labels;
   * on the first sight of fresh strings both cost the hashing).
   */
  private readonly codes: Record<string, number> = Object.create(null) as Record<string, number>;
  readonly labels: string[] = [];
  private readonly items = new IntBuffer(4096);
  private readonly offsets = new IntBuffer(1024);
  private start = 0;
  /** Scratch mark per item code: the transaction number it was last added to (dedupe). */
  private mark = new Int32Array(256).fill(-1);
  private transaction = 0;

  constructor() {
    this.offsets.push(0);
  }

  /** Code of a label, created on first sight. */
  code(label: string): number {
    let code = this.codes[label];
    if (code === undefined) {
      code = this.labels.length;
      this.codes[label] = code;
      this.labels.push(label);
      if (code >= this.mark.length) {
        const next = new Int32Array(this.mark.length * 2).fill(-1);
        next.set(this.mark);
        this.mark = next;
      }
    }
    return code;
  }

  /** Adds an item to the open transaction (a repeat within the transaction is ignored). */
  add(label: string): void {
    this.addCode(this.code(label));
  }

  addCode(code: number): void {
    if (this.mark[code] === this.transaction) return;
    this.mark[code] = this.transaction;
    this.items.push(code);
  }

  /** Closes the open transaction (it may be empty). */
  end(): void {
    const to = this.items.length;
    sortRunAscending(this.items.data, this.start, to);
    this.offsets.push(to);
    this.start = to;
    this.transaction++;
  }

  get transactionCount(): number {
    return this.transaction;
  }

  build(transactionIds?: readonly string[]): Transactions {
    return frozenTransactions(
      this.transaction,
      this.labels.slice(),
      this.offsets.toArray(),
      this.items.toArray(),
      transactionIds?.slice(),
    );
  }
}

/**
 * Converts any accepted input to {@link Transactions}, checking plain baskets:
 * every basket an array, every item a non-empty string (error names row and position).
 */
export function toTransactions(input: TransactionsInput, functionName: string): Transactions {
  if (isTransactions(input)) {
    validateTransactions(input, functionName);
    return input;
  }
  if (!Array.isArray(input)) {
    throw argumentError(
      functionName,
      "transactions",
      "expected a Transactions value (readBaskets, transactionsFrom) or an array of baskets (string[][])",
      input,
    );
  }
  return recodeBaskets(input, functionName);
}

/**
 * Checks a {@link Transactions} value (it may be hand-built, or its typed arrays edited): a whole
 * `transactionCount`, `offsets` of length N + 1 from 0, non-decreasing, ending at `items.length`, every
 * item code an index into `itemLabels`, each transaction's run strictly ascending (sorted, no repeats),
 * string labels, and `transactionIds` undefined or one per transaction. One pass, O(items + labels).
 */
export function validateTransactions(data: Transactions, functionName: string): void {
  const { transactionCount: n, offsets, items, itemLabels, transactionIds } = data;
  const refuse = (path: string, message: string, received: unknown): never => {
    throw argumentError(functionName, `transactions.${path}`, message, received);
  };
  if (!Number.isInteger(n) || n < 0) refuse("transactionCount", "must be a whole number >= 0", n);
  if (!(items instanceof Int32Array)) refuse("items", "must be an Int32Array of item codes", items);
  if (!Array.isArray(itemLabels)) refuse("itemLabels", "must be an array of item names", itemLabels);
  if (offsets.length !== n + 1) {
    refuse("offsets", `must have transactionCount + 1 = ${n + 1} entries`, `length ${offsets.length}`);
  }
  if (offsets[0] !== 0) refuse("offsets", "must start at 0", offsets[0]);
  if (offsets[n] !== items.length) {
    refuse("offsets", `must end at items.length (${items.length})`, offsets[n]);
  }
  for (let code = 0; code < itemLabels.length; code++) {
    const label = itemLabels[code] as unknown;
    if (typeof label !== "string") refuse(`itemLabels.${code}`, "must be a string", label);
  }
  if (transactionIds !== undefined && (!Array.isArray(transactionIds) || transactionIds.length !== n)) {
    refuse("transactionIds", `must be undefined or an array of ${n} ids`, transactionIds);
  }
  const labelCount = itemLabels.length;
  for (let t = 0; t < n; t++) {
    const from = offsets[t] as number;
    const to = offsets[t + 1] as number;
    if (to < from || to > items.length) {
      throw new InvalidRecordError(
        functionName,
        t,
        `offsets[${t + 1}]`,
        to,
        `expected offsets to be non-decreasing and within items (length ${items.length}); build Transactions with readBaskets or transactionsFrom`,
      );
    }
    let previous = -1;
    for (let k = from; k < to; k++) {
      const code = items[k] as number;
      if (code <= previous || code >= labelCount) {
        throw new InvalidRecordError(
          functionName,
          t,
          `items[${k}]`,
          code,
          code >= labelCount || code < 0
            ? `expected an item code in [0, ${labelCount}) (an index into itemLabels)`
            : "expected each transaction's item codes strictly ascending (sorted, no repeats)",
        );
      }
      previous = code;
    }
  }
}

/**
 * Recodes plain baskets in one tight pass: capacity reserved from the basket
 * lengths, each code inserted at its sorted place in the open basket (a repeat
 * within the basket dropped by a per-code mark), no per-item calls. Labels taken from a checked
 * {@link Transactions} (`fromTransactions`) may be empty, as that value's own labels may be.
 */
export function recodeBaskets(
  input: readonly unknown[],
  functionName: string,
  fromTransactions?: boolean,
): Transactions {
  const n = input.length;
  // capacity from the lengths up to the first non-array basket (reported in order below)
  let total = 0;
  for (let row = 0; row < n; row++) {
    const basket = input[row] as unknown;
    if (!Array.isArray(basket)) break;
    total += basket.length;
  }
  const codes = Object.create(null) as Record<string, number>;
  const labels: string[] = [];
  let mark = new Int32Array(256).fill(-1);
  const items = new Int32Array(total);
  const offsets = new Int32Array(n + 1);
  let at = 0;
  for (let row = 0; row < n; row++) {
    const basket = input[row] as unknown;
    if (!Array.isArray(basket)) {
      throw new InvalidRecordError(
        functionName,
        row,
        "basket",
        basket,
        "expected an array of item names (string[])",
      );
    }
    const from = at;
    for (let j = 0; j < basket.length; j++) {
      const item = basket[j] as unknown;
      if (typeof item !== "string" || (item === "" && !fromTransactions)) {
        throw new InvalidRecordError(
          functionName,
          row,
          `basket[${j}]`,
          item,
          "expected a non-empty string item name; convert ids with String(id) first",
        );
      }
      let code = codes[item];
      if (code === undefined) {
        code = labels.length;
        codes[item] = code;
        labels.push(item);
        if (code >= mark.length) {
          const next = new Int32Array(mark.length * 2).fill(-1);
          next.set(mark);
          mark = next;
        }
      }
      if (mark[code] === row) continue;
      mark[code] = row;
      let k = at - 1;
      while (k >= from && (items[k] as number) > code) {
        items[k + 1] = items[k] as number;
        k--;
      }
      items[k + 1] = code;
      at++;
    }
    offsets[row + 1] = at;
  }
  return frozenTransactions(n, labels, offsets, at === total ? items : items.slice(0, at));
}

/** A frozen {@link Transactions} value of these parts (the arrays given are frozen, not copied). */
export function frozenTransactions(
  transactionCount: number,
  itemLabels: string[],
  offsets: Int32Array,
  items: Int32Array,
  transactionIds?: string[],
): Transactions {
  return Object.freeze({
    kind: "transactions" as const,
    transactionCount,
    itemLabels: Object.freeze(itemLabels),
    offsets,
    items,
    transactionIds: transactionIds === undefined ? undefined : Object.freeze(transactionIds),
  });
}

/** Refuses a data set with no transactions. */
export function assertNotEmpty(transactions: Transactions, functionName: string): void {
  if (transactions.transactionCount === 0) {
    throw new InsufficientDataError(
      functionName,
      "no transactions: the input is empty; pass at least one basket (empty baskets count as transactions)",
    );
  }
}
