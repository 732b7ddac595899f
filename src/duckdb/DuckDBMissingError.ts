import { ClienteleError } from "../core/index.js";

/**
 * Thrown by the clientele/duckdb functions when the optional peer dependency `@duckdb/node-api`
 * cannot be loaded. Importing `clientele/duckdb` never needs it; running a query does.
 *
 * @example
 * ```ts
 * try {
 *   await rfmTable("orders.parquet", options);
 * } catch (error) {
 *   if (error instanceof DuckDBMissingError) console.log(error.message);
 *   // => "rfmTable: reading files and DuckDB tables needs the optional package @duckdb/node-api ... npm install @duckdb/node-api"
 * }
 * ```
 */
export class DuckDBMissingError extends ClienteleError {
  constructor(functionName: string, cause: unknown) {
    super(
      functionName,
      `reading files and DuckDB tables needs the optional package @duckdb/node-api, which could not be loaded (${
        cause instanceof Error ? cause.message : String(cause)
      }); install it with \`npm install @duckdb/node-api\``,
    );
    this.name = "DuckDBMissingError";
  }
}
