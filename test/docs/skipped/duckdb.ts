/** TSDoc examples of src/duckdb/ that do not run yet, by key, with the reason (see test/docs/examples.test.ts). */
export const skipped: Readonly<Record<string, string>> = {
  "src/duckdb/DuckDBSource.ts#DuckDBSource": "module being edited this session",
  "src/duckdb/calibrationHoldoutSummary.ts#calibrationHoldoutSummary": "module being edited this session",
  "src/duckdb/cohortRetention.ts#cohortRetention": "module being edited this session",
  "src/duckdb/configureDuckDB.ts#configureDuckDB": "module being edited this session",
  "src/duckdb/inactivityRisk.ts#inactivityRisk": "module being edited this session",
  "src/duckdb/repeatPurchaseSummary.ts#repeatPurchaseSummary": "module being edited this session",
  "src/duckdb/rfmTable.ts#rfmTable": "module being edited this session",
  "src/duckdb/transactionsFrom.ts#transactionsFrom": "module being edited this session",
};
