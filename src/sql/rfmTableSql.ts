import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, date, oneOf, required } from "../core/internal/optionRules.js";

import { dayOption } from "../value/internal/summaryPeriod.js";
import {
  checkColumnFields,
  column,
  customerOrder,
  firstRowSelect,
  linesCte,
  numberLiteral,
  sqlWriter,
} from "./internal/build.js";
import type { SqlOptions, SqlRelation } from "./SqlDialect.js";

/**
 * Options of {@link rfmTableSql}: those of `rfmTable` (clientele/value), with every field a column name.
 *
 * @example
 * ```ts
 * const options: RfmTableSqlOptions = { customer: "customer_id", date: "ordered_at", amount: "amount", order: "order_id", asOf: "2025-12-31" };
 * ```
 */
export interface RfmTableSqlOptions {
  /** Customer id column. */
  readonly customer: string;
  /** Date column (see `SqlOptions.dateType`); recency is counted in whole UTC days. */
  readonly date: string;
  /** Line or order value column; negative values are refunds. */
  readonly amount: string;
  /** Order id column; without it every record is its own order. */
  readonly order?: string;
  /** Reference date; records after it are left out of every aggregate. */
  readonly asOf: Date | string | number;
  /** `"orders"` (purchase orders) or `"transactions"` (their non-negative lines). @defaultValue "orders" */
  readonly frequency?: "orders" | "transactions";
  /** `"total"` net spend or `"mean"` net spend per purchase order. @defaultValue "total" */
  readonly monetary?: "total" | "mean";
  /**
   * Accepted for parity with `rfmTable`. The SQL always leaves later records out; the DuckDB twin
   * checks for them first and throws with `"error"`.
   * @defaultValue "error"
   */
  readonly afterAsOf?: "error" | "drop";
}

/** Rules of rfmTableSql's options (exported for the equivalence test of sql's option rules). */
export const rfmTableShape = {
  customer: /* @__PURE__ */ required(column),
  date: /* @__PURE__ */ required(column),
  amount: /* @__PURE__ */ required(column),
  order: column,
  asOf: /* @__PURE__ */ required(/* @__PURE__ */ date()),
  frequency: /* @__PURE__ */ oneOf(["orders", "transactions"]),
  monetary: /* @__PURE__ */ oneOf(["total", "mean"]),
  afterAsOf: /* @__PURE__ */ oneOf(["error", "drop"]),
};

/** rfmTableSql's options checked, with the defaults: frequency "orders", monetary "total", afterAsOf "error". */
const parseRfmOptions = (functionName: string, options: unknown) =>
  withDefaults(checkOptions(functionName, rfmTableShape, options), {
    frequency: "orders",
    monetary: "total",
    afterAsOf: "error",
  } as const);

/** The parsed options and SQL of an RFM table (used by the DuckDB twin). */
export interface RfmTablePlan {
  readonly sql: string;
  readonly asOfDay: number;
  readonly options: ReturnType<typeof parseRfmOptions>;
}

/** Checks and parses the options of {@link rfmTableSql} (no SQL): also the DuckDB twin's first step. */
export function rfmTableOptions(
  functionName: string,
  options: RfmTableSqlOptions,
): { readonly options: ReturnType<typeof parseRfmOptions>; readonly asOfDay: number } {
  checkColumnFields(functionName, options, ["customer", "date", "amount"], ["order"]);
  const parsed = parseRfmOptions(functionName, options);
  return { options: parsed, asOfDay: dayOption(functionName, "asOf", parsed.asOf) };
}

/** Builds the SQL of {@link rfmTableSql} and returns it with the parsed options. */
export function rfmTablePlan(
  functionName: string,
  relation: SqlRelation,
  options: RfmTableSqlOptions,
  sqlOptions: SqlOptions,
): RfmTablePlan {
  const { options: parsed, asOfDay } = rfmTableOptions(functionName, options);
  const writer = sqlWriter(functionName, relation, sqlOptions);
  const a = numberLiteral(asOfDay);
  // Later records still name customers (and their first rows) for includeCustomersWithoutPurchases:
  // then every aggregate tests the day; when those customers are dropped anyway without row order
  // to keep, a WHERE filter is enough.
  const filtered = !writer.includeAll && writer.rowNumber === undefined;
  const kept = filtered ? "1 = 1" : `day_number <= ${a}`;
  const source = filtered ? `(SELECT * FROM lines WHERE day_number <= ${a}) l` : "lines";
  const lines = linesCte(writer, {
    customer: parsed.customer,
    date: parsed.date,
    amount: parsed.amount,
    order: parsed.order,
  });
  let customers: string;
  if (parsed.order === undefined) {
    // every record is its own order: a non-negative line is a purchase, a negative one a refund
    customers =
      `customers AS (SELECT customer_id, ${firstRowSelect(writer)}` +
      `SUM(${filtered ? "amount" : `CASE WHEN ${kept} THEN amount ELSE 0 END`}) AS net, ` +
      `SUM(CASE WHEN ${filtered ? "" : `${kept} AND `}amount >= 0 THEN 1 ELSE 0 END) AS purchase_orders, ` +
      `SUM(CASE WHEN ${filtered ? "" : `${kept} AND `}amount >= 0 THEN 1 ELSE 0 END) AS purchase_lines, ` +
      `MIN(CASE WHEN ${filtered ? "" : `${kept} AND `}amount >= 0 THEN day_number END) AS first_day, ` +
      `MAX(CASE WHEN ${filtered ? "" : `${kept} AND `}amount >= 0 THEN day_number END) AS last_day, ` +
      `0 AS shared_orders FROM ${source} GROUP BY customer_id)`;
  } else {
    const orders =
      `orders AS (SELECT order_id, ` +
      (filtered
        ? "MIN(customer_id) AS customer_id, CASE WHEN MIN(customer_id) < MAX(customer_id) THEN 1 ELSE 0 END AS shared, "
        : `COALESCE(MIN(CASE WHEN ${kept} THEN customer_id END), MIN(customer_id)) AS customer_id, ` +
          `CASE WHEN MIN(CASE WHEN ${kept} THEN customer_id END) < MAX(CASE WHEN ${kept} THEN customer_id END) THEN 1 ELSE 0 END AS shared, `) +
      firstRowSelect(writer) +
      `SUM(${filtered ? "amount" : `CASE WHEN ${kept} THEN amount ELSE 0 END`}) AS net, ` +
      `SUM(CASE WHEN ${filtered ? "" : `${kept} AND `}amount >= 0 THEN 1 ELSE 0 END) AS purchase_lines, ` +
      `MAX(CASE WHEN ${filtered ? "" : `${kept} AND `}amount < 0 THEN 1 ELSE 0 END) AS refunded, ` +
      `MIN(CASE WHEN ${filtered ? "" : `${kept} AND `}amount >= 0 THEN day_number END) AS order_day ` +
      `FROM ${source} GROUP BY order_id)`;
    // an order is a purchase unless it has no purchase line or refunds bring it to zero or below
    const flagged =
      `flagged AS (SELECT o.*, CASE WHEN purchase_lines > 0 AND NOT (refunded = 1 AND net <= 0.000000001) ` +
      `THEN 1 ELSE 0 END AS is_purchase FROM orders o)`;
    customers =
      `${orders}, ${flagged}, customers AS (SELECT customer_id, ${firstRowSelect(writer, "first_row")}` +
      `SUM(net) AS net, SUM(is_purchase) AS purchase_orders, ` +
      "SUM(CASE WHEN is_purchase = 1 THEN purchase_lines ELSE 0 END) AS purchase_lines, " +
      `MIN(CASE WHEN is_purchase = 1 THEN order_day END) AS first_day, ` +
      `MAX(CASE WHEN is_purchase = 1 THEN order_day END) AS last_day, ` +
      `SUM(shared) AS shared_orders FROM flagged GROUP BY customer_id)`;
  }
  const frequency = parsed.frequency === "orders" ? "purchase_orders" : "purchase_lines";
  const monetary =
    parsed.monetary === "total"
      ? "net"
      : "CASE WHEN purchase_orders > 0 THEN net / purchase_orders ELSE 0 END";
  const select =
    `SELECT customer_id AS customer, ${writer.rowNumber === undefined ? "" : "first_row, "}` +
    `${a} - last_day AS recency_days, ${frequency} AS frequency, ${monetary} AS monetary, ` +
    `first_day, last_day, purchase_orders, purchase_lines, net, shared_orders FROM customers` +
    (writer.includeAll ? "" : " WHERE purchase_orders > 0") +
    ` ${customerOrder(writer)}`;
  return { sql: `WITH ${lines}, ${customers} ${select}`, asOfDay, options: parsed };
}

/**
 * The SQL of `rfmTable` (clientele/value) for a table in a database or warehouse: one row per
 * customer with `customer`, `recency_days`, `frequency`, `monetary`, `first_day` and `last_day`
 * (UTC day numbers: days since 1970-01-01), plus `purchase_orders`, `purchase_lines`, `net`
 * (net spend) and `shared_orders` (orders whose lines name two customers: an input error that
 * `rfmTable` refuses), and `first_row` when `sqlOptions.rowNumber` is given.
 *
 * The rules are `rfmTable`'s: refunds (negative amounts) are netted into their order; an order
 * is a purchase unless its net value after refunds is zero or below (fully refunded) or it has no
 * non-negative line; its date is its earliest non-negative line's day; `monetary` nets every amount,
 * refunds included. Customers without a purchase are left out (or kept with
 * `includeCustomersWithoutPurchases`), a negative `net` is what `rfmTable` reports as an error.
 *
 * Safe SQL: columns and the relation are quoted as identifiers of the dialect; the as-of date is
 * validated and written as an integer day number. Per dialect functions: see {@link SqlDialect} and
 * `SqlOptions.dateType` — DuckDB `epoch_ms`, PostgreSQL `EXTRACT(EPOCH FROM ...)`, BigQuery
 * `UNIX_MILLIS(TIMESTAMP(...))`, Snowflake `DATE_PART(EPOCH_MILLISECOND, ...)`, Spark `unix_millis`;
 * days are `FLOOR(ms / 86400000)`; only GROUP BY, SUM/MIN/MAX and CASE otherwise.
 *
 * @param relation - the table, its qualified name, or `{ query }`
 * @param options - column names and `rfmTable`'s options
 * @param sqlOptions - the dialect, the date column's type, an optional row-number column
 * @returns one SQL statement (a single SELECT)
 * @throws InvalidOptionsError for an accessor instead of a column name, or malformed options
 * @example
 * ```ts
 * const sql = rfmTableSql(
 *   ["shop", "order_lines"],
 *   { customer: "customer_id", date: "ordered_at", amount: "amount", order: "order_id", asOf: "2025-12-31" },
 *   { dialect: "bigquery" },
 * );
 * sql.startsWith("WITH lines AS (SELECT CAST(`customer_id` AS STRING) AS customer_id"); // => true
 * ```
 */
export function rfmTableSql(
  relation: SqlRelation,
  options: RfmTableSqlOptions,
  sqlOptions: SqlOptions,
): string {
  return rfmTablePlan("rfmTableSql", relation, options, sqlOptions).sql;
}
