import type { DuckDBConnection } from "@duckdb/node-api";
import type { Transactions } from "../basket/Transactions.js";
import { checkOptions, nonEmptyText, required } from "../core/internal/optionRules.js";
import { checkColumnFields } from "../sql/internal/build.js";
import { transactionsSql } from "../sql/transactionsSql.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import { allChunks, type OpenSource, openSource, ROW_COLUMN, validateFields } from "./internal/source.js";

/**
 * Options of the DuckDB {@link transactionsFrom}: the columns of `transactionsFrom` (clientele/basket).
 *
 * @example
 * ```ts
 * const options: TransactionsFromDuckDBOptions = { transaction: "orderId", item: "product" };
 * ```
 */
export interface TransactionsFromDuckDBOptions {
  /** Transaction (order, receipt) id column. */
  readonly transaction: string;
  /** Item (product, category) column. */
  readonly item: string;
}

/** Rules of transactionsFrom's options. Exported for the equivalence test of duckdb's option rules; not in the module index. */
export const transactionsFromShape = {
  transaction: required(nonEmptyText()),
  item: required(nonEmptyText()),
};

/**
 * `transactionsFrom` (clientele/basket) on a file or DuckDB table: DuckDB codes items and
 * transactions in first-seen order and returns the distinct (transaction, item) code pairs in CSR
 * order (the SQL of `transactionsSql`); they are read chunk by chunk straight into the `Int32Array`s
 * of the compact {@link Transactions} the miners take — no string array per order line is built,
 * only one label per distinct item and transaction. The result equals `transactionsFrom`'s.
 *
 * @param source - a CSV/Parquet/JSON path or glob, or `{ connection, table }` / `{ connection, query }`
 * @param options - the transaction and item columns
 * @returns frozen {@link Transactions}
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @throws InvalidOptionsError for malformed options, an accessor, an unreadable source or a missing column
 * @throws InvalidRecordError naming the row and column of a missing transaction id or item
 * @example
 * ```ts
 * import { DuckDBInstance } from "@duckdb/node-api";
 * const connection = await (await DuckDBInstance.create(":memory:")).connect();
 * await connection.run(
 *   "CREATE TABLE order_lines AS SELECT * FROM (VALUES ('o1', 'a', DATE '2025-01-10', 'tea', 40.0), " +
 *     "('o1', 'a', DATE '2025-01-10', 'mug', 12.0), ('o2', 'b', DATE '2025-02-03', 'tea', 15.0), " +
 *     "('o3', 'a', DATE '2025-03-02', 'tea', 25.0), ('o3', 'a', DATE '2025-03-04', 'tea', -5.0), " +
 *     "('o4', 'c', DATE '2025-05-20', 'mug', 30.0), ('o5', 'a', DATE '2025-08-14', 'tea', 10.0), " +
 *     "('o5', 'a', DATE '2025-08-14', 'mug', 8.0), ('o6', 'b', DATE '2025-09-01', 'tea', 22.0)) " +
 *     "AS t(orderId, customerId, date, product, amount)",
 * );
 * const transactions = await transactionsFrom({ connection, table: "order_lines" }, { transaction: "orderId", item: "product" });
 * [transactions.transactionCount, transactions.itemLabels.length]; // => [6, 2]
 * frequentItemsets(transactions, { minSupport: 0.3 }).itemsets.length; // => 3
 * ```
 */
export async function transactionsFrom(
  source: DuckDBSource,
  options: TransactionsFromDuckDBOptions,
): Promise<Transactions> {
  const functionName = "transactionsFrom";
  checkColumnFields(functionName, options, ["transaction", "item"], []);
  const parsed = checkOptions(functionName, transactionsFromShape, options);
  const open = await openSource(functionName, source);
  try {
    await validateFields(functionName, open, [
      { option: "transaction", column: parsed.transaction, kind: "id" },
      { option: "item", column: parsed.item, kind: "id" },
    ]);
    const sql = transactionsSql({ query: open.query }, parsed, { dialect: "duckdb", rowNumber: ROW_COLUMN });
    const itemLabels = await labels(open, sql.itemCodes);
    const transactionIds = await labels(open, sql.transactionCodes);
    const transactionCount = transactionIds.length;
    const result = await (open.connection as DuckDBConnection).run(sql.basketItems, [...open.params]);
    const offsets = new Int32Array(transactionCount + 1);
    const { chunks, rows: total } = await allChunks(result);
    const items = new Int32Array(total);
    let at = 0;
    for (const chunk of chunks) {
      const transactionVector = chunk.getColumnVector(0);
      const itemVector = chunk.getColumnVector(1);
      for (let r = 0; r < chunk.rowCount; r++) {
        const t = transactionVector.getItem(r) as number;
        offsets[t + 1] = (offsets[t + 1] as number) + 1;
        items[at++] = itemVector.getItem(r) as number;
      }
    }
    for (let t = 0; t < transactionCount; t++)
      offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
    return Object.freeze({
      kind: "transactions" as const,
      transactionCount,
      itemLabels: Object.freeze(itemLabels),
      offsets,
      items,
      transactionIds: Object.freeze(transactionIds),
    });
  } finally {
    open.close();
  }
}

/** The first column of a code query, as strings in code order. */
async function labels(open: OpenSource, sql: string): Promise<string[]> {
  const reader = await open.connection.runAndReadAll(sql, [...open.params]);
  return reader.getColumnsJS()[0]?.map((value) => String(value)) ?? [];
}
