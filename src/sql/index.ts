/**
 * clientele/sql — the per-customer aggregations of clientele/value, clientele/churn and
 * clientele/basket as SQL strings for DuckDB, PostgreSQL, BigQuery, Snowflake and Spark, so the heavy
 * step runs where the data lives and one row per customer comes back. clientele/duckdb runs the
 * DuckDB dialect of the same SQL.
 * @module
 */
export {
  type CalibrationHoldoutSummarySqlOptions,
  calibrationHoldoutSummarySql,
} from "./calibrationHoldoutSummarySql.js";
export { type InactivityRiskSqlOptions, inactivityRiskSql } from "./inactivityRiskSql.js";
export {
  type RepeatPurchaseSummarySqlOptions,
  repeatPurchaseSummarySql,
} from "./repeatPurchaseSummarySql.js";
export { type RfmTableSqlOptions, rfmTableSql } from "./rfmTableSql.js";
export {
  quoteSqlIdentifier,
  type SqlDateType,
  type SqlDialect,
  type SqlOptions,
  type SqlRelation,
} from "./SqlDialect.js";
export {
  type TransactionsSqlOptions,
  type TransactionsSqlResult,
  transactionsSql,
} from "./transactionsSql.js";
