import { checkOptions, required } from "../core/internal/optionRules.js";

import { checkColumnFields, column, linesCte, sqlWriter } from "./internal/build.js";
import type { SqlOptions, SqlRelation } from "./SqlDialect.js";

/**
 * Options of {@link transactionsSql}: the columns of `transactionsFrom` (clientele/basket).
 *
 * @example
 * ```ts
 * const options: TransactionsSqlOptions = { transaction: "order_id", item: "product" };
 * ```
 */
export interface TransactionsSqlOptions {
  /** Transaction (order, receipt) id column. */
  readonly transaction: string;
  /** Item (product, category) column. */
  readonly item: string;
}

/**
 * The statements of {@link transactionsSql}. Codes are 0-based, in first-seen order with a
 * row-number column, else in sorted order of the labels.
 *
 * @example
 * ```ts
 * const sql = transactionsSql("order_lines", { transaction: "order_id", item: "product" }, { dialect: "duckdb" });
 * Object.keys(sql); // => ["itemCodes", "transactionCodes", "basketItems", "baskets"]
 * ```
 */
export interface TransactionsSqlResult {
  /** `item`, `item_code` ordered by code: the item labels. */
  readonly itemCodes: string;
  /** `transaction_id`, `transaction_code` ordered by code. */
  readonly transactionCodes: string;
  /** `transaction_code`, `item_code`: each item once per transaction, ordered by both (the CSR layout). */
  readonly basketItems: string;
  /** `transaction_id`, `items` (a sorted array of the distinct items): one row per transaction. */
  readonly baskets: string;
}

/** Rules of transactionsSql's options (exported for the equivalence test of sql's option rules). */
export const transactionsShape = {
  transaction: /* @__PURE__ */ required(column),
  item: /* @__PURE__ */ required(column),
};

/**
 * The SQL behind `transactionsFrom` (clientele/basket): integer codes for items and transactions
 * (`ROW_NUMBER() OVER (ORDER BY MIN(row_pos))`, i.e. first-seen order, with `sqlOptions.rowNumber`;
 * sorted labels without), the distinct (transaction, item) code pairs in CSR order — which is all
 * a miner needs: `offsets` come from counting the pairs per transaction — and, for reading baskets
 * in a warehouse, one row per transaction with its sorted distinct items (the
 * distinct pairs, then DuckDB, PostgreSQL and BigQuery `array_agg(item ORDER BY item)`, Snowflake
 * `ARRAY_SORT(ARRAY_AGG(item))`, Spark `array_sort(collect_list(item))`).
 * Columns are quoted identifiers; refund lines are not special (filter them in `{ query }` first).
 *
 * @param relation - the table, its qualified name, or `{ query }`
 * @param options - the transaction and item columns
 * @param sqlOptions - dialect and row-number column (`dateType` is not used)
 * @returns four SELECT statements
 * @throws InvalidOptionsError for an accessor instead of a column name, or malformed options
 * @example
 * ```ts
 * const { basketItems } = transactionsSql("order_lines", { transaction: "order_id", item: "product" }, { dialect: "postgres" });
 * basketItems.endsWith("ORDER BY transaction_code, item_code"); // => true
 * ```
 */
export function transactionsSql(
  relation: SqlRelation,
  options: TransactionsSqlOptions,
  sqlOptions: SqlOptions,
): TransactionsSqlResult {
  const functionName = "transactionsSql";
  checkColumnFields(functionName, options, ["transaction", "item"], []);
  const parsed = checkOptions(functionName, transactionsShape, options);
  const writer = sqlWriter(functionName, relation, sqlOptions);
  const lines = linesCte(writer, { transaction: parsed.transaction, item: parsed.item });
  const integer = writer.spec.integer;
  const codes = (column: string, code: string) => {
    const order = writer.rowNumber === undefined ? column : "MIN(row_pos)";
    return `${code}s AS (SELECT ${column}, CAST(ROW_NUMBER() OVER (ORDER BY ${order}) - 1 AS ${integer}) AS ${code} FROM lines GROUP BY ${column})`;
  };
  const itemCodes = codes("item", "item_code");
  const transactionCodes = codes("transaction_id", "transaction_code");
  return {
    itemCodes: `WITH ${lines}, ${itemCodes} SELECT item, item_code FROM item_codes ORDER BY item_code`,
    transactionCodes: `WITH ${lines}, ${transactionCodes} SELECT transaction_id, transaction_code FROM transaction_codes ORDER BY transaction_code`,
    basketItems:
      `WITH ${lines}, ${itemCodes}, ${transactionCodes} SELECT DISTINCT t.transaction_code, i.item_code FROM lines l ` +
      `JOIN transaction_codes t ON t.transaction_id = l.transaction_id JOIN item_codes i ON i.item = l.item ` +
      `ORDER BY transaction_code, item_code`,
    baskets:
      `WITH ${lines} SELECT transaction_id, ${writer.spec.sortedSet("item")} AS items ` +
      `FROM (SELECT DISTINCT transaction_id, item FROM lines) d GROUP BY transaction_id ORDER BY transaction_id`,
  };
}
