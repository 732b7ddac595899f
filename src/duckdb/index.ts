/**
 * clientele/duckdb — the record-aggregating functions of clientele on files (CSV, Parquet, JSON)
 * and DuckDB tables, through the optional peer dependency `@duckdb/node-api` (loaded on first use):
 * the same names, options (fields as column names) and results as the in-memory functions, with only
 * one row per customer (or per basket code pair) crossing into JavaScript.
 * @module
 */
export { calibrationHoldoutSummary } from "./calibrationHoldoutSummary.js";
export { cohortRetention } from "./cohortRetention.js";
export { configureDuckDB, type DuckDBSettings } from "./configureDuckDB.js";
export { DuckDBMissingError } from "./DuckDBMissingError.js";
export type { DuckDBConnectionLike, DuckDBSource } from "./DuckDBSource.js";
export { type InactivityRiskDuckDBOptions, inactivityRisk } from "./inactivityRisk.js";
export { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";
export { rfmTable } from "./rfmTable.js";
export { type TransactionsFromDuckDBOptions, transactionsFrom } from "./transactionsFrom.js";
