import { z } from "zod";
import {
  type Field,
  InvalidOptionsError,
  InvalidRecordError,
  parseOptions,
  readCodes,
} from "../core/index.js";
import { fieldSchema } from "../core/options.js";
import { TransactionBuilder } from "./internal/builder.js";
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

const schema = z.object({ transaction: fieldSchema, item: fieldSchema }).strict();

/**
 * Builds {@link Transactions} from order-line records: lines with the same
 * transaction id form one basket (in first-seen order of the ids, lines need
 * not be grouped), items are recoded to integers once. An item bought twice in
 * one order counts once. Refund lines are not special: filter them out first if
 * they should not count as purchases (e.g. `lines.filter((l) => !l.refund)`).
 *
 * Complexity: O(lines) hash lookups, then one sort per basket.
 *
 * @param records - order lines (not mutated)
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
  records: readonly T[],
  options: TransactionsFromOptions<T>,
): Transactions {
  if (!Array.isArray(records)) {
    throw new InvalidOptionsError("transactionsFrom", [
      { path: "records", message: "expected an array of order-line records", received: records },
    ]);
  }
  const parsed = parseOptions("transactionsFrom", schema, options) as TransactionsFromOptions<T>;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as unknown;
    if (record === null || typeof record !== "object") {
      throw new InvalidRecordError(
        "transactionsFrom",
        i,
        "record",
        record,
        "expected an order-line object; drop null or malformed rows before calling",
      );
    }
  }
  const context = { functionName: "transactionsFrom" };
  const ids = readCodes(records, parsed.transaction, { ...context, optionName: "transaction" });
  const items = readCodes(records, parsed.item, { ...context, optionName: "item" });
  const transactionCount = ids.labels.length;
  // counting sort of lines by transaction code (stable, keeps line order)
  const starts = new Int32Array(transactionCount + 1);
  for (let i = 0; i < records.length; i++) {
    const slot = (ids.codes[i] as number) + 1;
    starts[slot] = (starts[slot] as number) + 1;
  }
  for (let t = 0; t < transactionCount; t++)
    starts[t + 1] = (starts[t + 1] as number) + (starts[t] as number);
  const cursor = starts.slice(0, transactionCount);
  const order = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const t = ids.codes[i] as number;
    order[cursor[t] as number] = i;
    cursor[t] = (cursor[t] as number) + 1;
  }
  const builder = new TransactionBuilder();
  for (const label of items.labels) builder.code(label);
  for (let t = 0; t < transactionCount; t++) {
    for (let k = starts[t] as number; k < (starts[t + 1] as number); k++) {
      builder.addCode(items.codes[order[k] as number] as number);
    }
    builder.end();
  }
  return builder.build(ids.labels);
}
