import { type Field, type RecordInput, readCodes, recordCount } from "../core/index.js";
import { checkOptions, required } from "../core/internal/optionRules.js";
import { frozenTransactions } from "./internal/builder.js";
import { recordField } from "./internal/optionChecks.js";
import type { Transactions } from "./Transactions.js";

/**
 * Options of {@link transactionsFrom}: each field a key or an accessor `(record, index) => value`.
 *
 * @example
 * ```ts
 * const lines = [{ order: "o1", product: "beer" }, { order: "o1", product: "diapers" }];
 * const options: TransactionsFromOptions<(typeof lines)[number]> = {
 *   transaction: "order",
 *   item: (line) => line.product.toUpperCase(),
 * };
 * transactionsFrom(lines, options).itemLabels; // => ["BEER", "DIAPERS"]
 * ```
 */
export interface TransactionsFromOptions<T> {
  /** The field identifying the transaction (order id, receipt number): a key or an accessor. */
  readonly transaction: Field<T>;
  /** The field naming the item (product, category): a key or an accessor. */
  readonly item: Field<T>;
}

/**
 * Rules of transactionsFrom's options. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const transactionsFromShape = { transaction: required(recordField()), item: required(recordField()) };

/**
 * Builds {@link Transactions} from order-line records: lines with the same
 * transaction id form one basket (in first-seen order of the ids, lines need
 * not be grouped), items are recoded to integers once. An item bought twice in
 * one order counts once. Refund lines are not special: filter them out first if
 * they should not count as purchases (e.g. `lines.filter((l) => !l.refund)`).
 *
 * Complexity: O(lines) hash lookups (in the core code reader), then one pass (a counting sort first
 * when the lines of an order are not adjacent) and an insertion sort per basket.
 *
 * @param records - order lines: records, columns or an Arrow table (not mutated)
 * @param options - {@link TransactionsFromOptions}
 * @throws InvalidRecordError naming the row and field when an id or item is missing or not a string/number,
 *   or the row when a record is null, undefined or not an object
 * @throws InvalidOptionsError when a field option is missing
 * @example
 * ```ts
 * const lines = [
 *   { order: "o1", product: "beer" },
 *   { order: "o2", product: "milk" },
 *   { order: "o1", product: "diapers" },
 * ];
 * const transactions = transactionsFrom(lines, { transaction: "order", item: "product" });
 * transactions.transactionIds; // => ["o1", "o2"]
 * transactions.transactionCount; // => 2
 * ```
 */
export function transactionsFrom<T>(
  records: RecordInput<T>,
  options: TransactionsFromOptions<T>,
): Transactions {
  recordCount(records, "transactionsFrom");
  const parsed = checkOptions(
    "transactionsFrom",
    transactionsFromShape,
    options,
  ) as TransactionsFromOptions<T>;
  const context = { functionName: "transactionsFrom" };
  // the core readers refuse null, undefined and non-object rows with an InvalidRecordError naming the row
  const ids = readCodes(records, parsed.transaction, { ...context, optionName: "transaction" });
  const items = readCodes(records, parsed.item, { ...context, optionName: "item" });
  return groupLines(ids.codes, items.codes, ids.labels, items.labels);
}

/**
 * CSR transactions from per-line transaction and item codes (both dense, first-seen order). Lines of
 * one transaction are usually adjacent (an order's lines are listed together): then one sequential
 * pass builds the result, in place in `itemCodes`; otherwise a stable counting sort by transaction
 * first. Few large arrays are allocated: on millions of lines every 64 MB or so of new typed arrays
 * (external memory) makes V8 mark the whole heap, the records included, so each avoided allocation
 * keeps the time closer to linear (measured: 5M order lines, one full GC of 700 MB per call).
 */
function groupLines(
  transactionCodes: Int32Array,
  itemCodes: Int32Array,
  transactionLabels: readonly string[],
  itemLabels: readonly string[],
): Transactions {
  const lines = transactionCodes.length;
  const transactionCount = transactionLabels.length;
  // adjacent iff every line continues the open transaction or opens the next one
  let adjacent = true;
  for (let i = 1; i < lines; i++) {
    const code = transactionCodes[i] as number;
    const previous = transactionCodes[i - 1] as number;
    if (code !== previous && code !== previous + 1) {
      adjacent = false;
      break;
    }
  }
  let order: Int32Array | undefined;
  const offsets = new Int32Array(transactionCount + 1);
  if (!adjacent) {
    // counting sort of lines by transaction code (stable, keeps line order); offsets as the cursors
    for (let i = 0; i < lines; i++) {
      const slot = (transactionCodes[i] as number) + 1;
      offsets[slot] = (offsets[slot] as number) + 1;
    }
    for (let t = 0; t < transactionCount; t++)
      offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
    order = new Int32Array(lines);
    for (let i = 0; i < lines; i++) {
      const t = transactionCodes[i] as number;
      order[offsets[t] as number] = i;
      offsets[t] = (offsets[t] as number) + 1;
    }
    // (offsets is rewritten by the fill below, which also drops repeated items)
  }
  // fill: items of each transaction in code order, a repeat within a transaction dropped (per-code mark).
  // Adjacent lines are compacted in place in the item codes (fresh from readCodes, owned here): the write
  // position never passes the read position, so no second array of the lines' size is needed
  const out = order === undefined ? itemCodes : new Int32Array(lines);
  const mark = new Int32Array(itemLabels.length).fill(-1);
  let at = 0;
  let open = -1;
  let from = 0;
  for (let k = 0; k < lines; k++) {
    const line = order === undefined ? k : (order[k] as number);
    const t = transactionCodes[line] as number;
    if (t !== open) {
      // close the transactions up to t (in the adjacent case exactly one)
      for (let u = open + 1; u <= t; u++) offsets[u] = at;
      open = t;
      from = at;
    }
    const code = itemCodes[line] as number;
    if (mark[code] === t) continue;
    mark[code] = t;
    let j = at - 1;
    while (j >= from && (out[j] as number) > code) {
      out[j + 1] = out[j] as number;
      j--;
    }
    out[j + 1] = code;
    at++;
  }
  for (let u = open + 1; u <= transactionCount; u++) offsets[u] = at;
  return frozenTransactions(
    transactionCount,
    itemLabels.slice(),
    offsets,
    at === lines ? out : out.subarray(0, at),
    transactionLabels.slice(),
  );
}
