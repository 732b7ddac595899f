/**
 * clientele/sql — the per-customer aggregations of clientele/value, clientele/churn and
 * clientele/basket as SQL strings for DuckDB, PostgreSQL, BigQuery, Snowflake and Spark, so the heavy
 * step runs where the data lives and one row per customer comes back (feed it to `fitBgNbd`,
 * `rfmScores`, the miners). clientele/duckdb runs the DuckDB dialect of the same SQL and checks its
 * results against the in-memory functions.
 *
 * Every statement is one SELECT of CTEs with GROUP BY, SUM/MIN/MAX/COUNT, CASE, joins and
 * `ROW_NUMBER()`; names from options are quoted identifiers (never pasted raw), dates from options are
 * written as integer UTC day numbers. What differs per dialect:
 *
 * | | DuckDB | PostgreSQL | BigQuery | Snowflake | Spark |
 * |---|---|---|---|---|---|
 * | identifier | `"x"` (`""`) | `"x"` (`""`) | `` `x` `` (`` \` ``) | `"x"` (`""`) | `` `x` `` (` `` `) |
 * | time (ms) | `epoch_ms(x)` | `EXTRACT(EPOCH FROM x) * 1000` | `UNIX_MILLIS(TIMESTAMP(x))` | `DATE_PART(EPOCH_MILLISECOND, x)` | `unix_millis(CAST(x AS TIMESTAMP))` |
 * | DATE column (days) | `x - DATE '1970-01-01'` | `x - DATE '1970-01-01'` | `UNIX_DATE(x)` | `DATEDIFF(day, DATE '1970-01-01', x)` | `datediff(x, DATE '1970-01-01')` |
 * | ISO text | `CAST(x AS TIMESTAMPTZ)` with an offset, else `TIMESTAMP` (UTC) | `CAST(x AS timestamptz)` | `TIMESTAMP(x)` (UTC) | `TO_TIMESTAMP_TZ(x)` | `CAST(x AS TIMESTAMP)` |
 * | first day's value | `arg_min(v, d)` | `(array_agg(v ORDER BY d))[1]` | `MIN_BY(v, d)` | `MIN_BY(v, d)` | `min_by(v, d)` |
 * | basket items | `array_agg(i ORDER BY i)` | `array_agg(i ORDER BY i)` | `ARRAY_AGG(i ORDER BY i)` | `ARRAY_SORT(ARRAY_AGG(i))` | `array_sort(collect_list(i))` |
 *
 * Days are `FLOOR(ms / 86400000)` (UTC calendar days). Text dates without an offset follow the session
 * time zone in PostgreSQL, Snowflake and Spark: set it to UTC for the in-memory functions' results.
 * The median of `inactivityRiskSql`'s gaps is left to the caller (`PERCENTILE_CONT(0.5) WITHIN GROUP
 * (ORDER BY ...)` in PostgreSQL and Snowflake, `PERCENTILE_CONT(x, 0.5) OVER ()` in BigQuery,
 * `percentile(x, 0.5)` in Spark, `median(x)` in DuckDB).
 * @module
 */
export {
  type CalibrationHoldoutSummarySqlOptions,
  calibrationHoldoutSummarySql,
} from "./calibrationHoldoutSummarySql.js";
export { type CohortRetentionSqlOptions, cohortRetentionSql } from "./cohortRetentionSql.js";
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
