/**
 * The part of `@duckdb/node-api`'s `DuckDBConnection` the clientele/duckdb functions call (a
 * structural type, so this module's types do not depend on the package).
 *
 * @example
 * ```ts
 * import { DuckDBInstance } from "@duckdb/node-api";
 * const connection: DuckDBConnectionLike = await (await DuckDBInstance.create(":memory:")).connect();
 * ```
 */
export interface DuckDBConnectionLike {
  /** Runs a statement. */
  run(sql: string, values?: never): Promise<unknown>;
  /** Runs a query and reads all its rows. */
  runAndReadAll(sql: string, values?: never): Promise<unknown>;
}

/**
 * Where the records come from: a file path or glob (`.csv`, `.tsv`, `.parquet`, `.json`, `.jsonl`,
 * `.ndjson`, optionally `.gz`; read with DuckDB's `read_csv_auto`, `read_parquet`, `read_json_auto`,
 * the path bound as a parameter), or a table or query on your own DuckDB connection. A table is one
 * name (quoted as a whole) or its qualified parts; a query is your SQL, placed in parentheses.
 *
 * Record positions (the row numbers in errors, and the first-seen order of customers) are the file's
 * row order (0 = first data row), a single Parquet file's `file_row_number`, or the order in which
 * DuckDB returns the table or query.
 *
 * @example
 * ```ts
 * import { DuckDBInstance } from "@duckdb/node-api";
 * const connection = await (await DuckDBInstance.create(":memory:")).connect();
 * const fromFile: DuckDBSource = "exports/order-lines-*.parquet";
 * const fromTable: DuckDBSource = { connection, table: "order_lines" };
 * const fromQuery: DuckDBSource = { connection, query: "SELECT * FROM order_lines WHERE NOT refund" };
 * ```
 */
export type DuckDBSource =
  | string
  | { readonly connection: DuckDBConnectionLike; readonly table: string | readonly string[] }
  | { readonly connection: DuckDBConnectionLike; readonly query: string };
