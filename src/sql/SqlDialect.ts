import { InvalidOptionsError } from "../core/index.js";

/**
 * The SQL dialects clientele/sql writes: DuckDB, PostgreSQL, Google BigQuery (GoogleSQL),
 * Snowflake and Spark SQL (also Databricks).
 *
 * @example
 * ```ts
 * const dialect: SqlDialect = "bigquery";
 * const sql = rfmTableSql("orders", { customer: "customer_id", date: "ordered_at", amount: "amount", asOf: "2025-12-31" }, { dialect });
 * sql.startsWith("WITH lines AS (SELECT CAST(`customer_id` AS STRING) AS customer_id"); // => true
 * ```
 */
export type SqlDialect = "duckdb" | "postgres" | "bigquery" | "snowflake" | "spark";

/**
 * The relation the SQL reads: a table or view name (one identifier, quoted as a whole: `"orders"`),
 * a qualified name as its parts (`["sales", "public", "orders"]`, each part quoted), or
 * `{ query }`, a SELECT of your own placed in parentheses as it is (it is your SQL: it is not
 * quoted or checked).
 *
 * @example
 * ```ts
 * const byName: SqlRelation = "orders";
 * const qualified: SqlRelation = ["analytics", "orders"];
 * const subquery: SqlRelation = { query: "SELECT * FROM orders WHERE NOT test_order" };
 * ```
 */
export type SqlRelation = string | readonly string[] | { readonly query: string };

/**
 * How the date column is stored, which decides how a record's time is read:
 * `"timestamp"` (a DATE, TIMESTAMP or TIMESTAMP WITH TIME ZONE column), `"date"` (a DATE column:
 * cheaper, days by date subtraction), `"string"` (ISO 8601 text) or `"epochMilliseconds"` (a number of
 * milliseconds since 1970-01-01 UTC).
 *
 * @example
 * ```ts
 * const sqlOptions: SqlOptions = { dialect: "postgres", dateType: "string" };
 * ```
 */
export type SqlDateType = "timestamp" | "date" | "string" | "epochMilliseconds";

/**
 * The third argument of every clientele/sql function.
 *
 * @example
 * ```ts
 * const sqlOptions: SqlOptions = { dialect: "snowflake", rowNumber: "line_no" };
 * rfmTableSql("orders", { customer: "customer_id", date: "ordered_at", amount: "amount", asOf: "2025-12-31" }, sqlOptions);
 * ```
 */
export interface SqlOptions {
  /** The dialect to write. */
  readonly dialect: SqlDialect;
  /** How the date column is stored. @defaultValue "timestamp" */
  readonly dateType?: SqlDateType;
  /**
   * A column holding each record's position (0, 1, 2, ...). With it, customers (and codes) come out
   * in the order of their first record, as the in-memory functions return them, and the result has a
   * `first_row` column; without it they are sorted by id.
   * @defaultValue none
   */
  readonly rowNumber?: string;
  /**
   * Keep customers without any purchase (all orders refunded, or every record after the end date)
   * as rows, so their number can be counted: their purchase counts are 0 and their dates null.
   * @defaultValue false
   */
  readonly includeCustomersWithoutPurchases?: boolean;
}

const DIALECTS: readonly SqlDialect[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark"];

/**
 * Quotes a name as an identifier of `dialect`, so any column or table name (spaces, quotes,
 * semicolons) is read as a name and never as SQL: `"x"` with `"` doubled for DuckDB, PostgreSQL and
 * Snowflake; backticks for Spark (a backtick doubled) and BigQuery (backtick and backslash escaped
 * with a backslash, as BigQuery's quoted identifiers take string-literal escapes).
 *
 * @param name - the identifier; a NUL character is refused
 * @param dialect - the dialect to quote for
 * @throws InvalidOptionsError for an empty name, a name with a NUL character, or an unknown dialect
 * @example
 * ```ts
 * quoteSqlIdentifier('x"; DROP TABLE orders; --', "postgres"); // => '"x""; DROP TABLE orders; --"'
 * quoteSqlIdentifier("order`id", "spark"); // => "`order``id`"
 * ```
 */
export function quoteSqlIdentifier(name: string, dialect: SqlDialect): string {
  if (!DIALECTS.includes(dialect)) {
    throw new InvalidOptionsError("quoteSqlIdentifier", [
      { path: "dialect", message: `expected one of ${DIALECTS.join(", ")}`, received: dialect },
    ]);
  }
  if (typeof name !== "string" || name === "" || name.includes("\u0000")) {
    throw new InvalidOptionsError("quoteSqlIdentifier", [
      { path: "name", message: "expected a non-empty name without NUL characters", received: name },
    ]);
  }
  switch (dialect) {
    case "bigquery":
      return `\`${name.replace(/\\/g, "\\\\").replace(/`/g, "\\`")}\``;
    case "spark":
      return `\`${name.replace(/`/g, "``")}\``;
    default:
      return `"${name.replace(/"/g, '""')}"`;
  }
}
