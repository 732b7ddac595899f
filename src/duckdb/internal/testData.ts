/** Test helpers: generated store lines written to DuckDB tables and files, and a tolerant deep comparison. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { expect } from "vitest";
import { generateStore } from "../../store/index.js";
import type { StoreOrderLine } from "../../store/types.js";
import type { DuckDBSource } from "../DuckDBSource.js";

/** A fresh in-memory DuckDB connection. */
export async function connect(): Promise<DuckDBConnection> {
  return (await DuckDBInstance.create(":memory:")).connect();
}

/** A new temporary folder. */
export function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), "clientele-duckdb-"));
}

/** Writes order lines into a table (date as DATE, or as text with `dateAsText`). */
export async function writeLines(
  connection: DuckDBConnection,
  table: string,
  lines: readonly StoreOrderLine[],
  dateAsText = false,
): Promise<void> {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await connection.run(
    `CREATE TABLE ${q(table)} (orderId VARCHAR, customerId VARCHAR, date ${dateAsText ? "VARCHAR" : "DATE"}, product VARCHAR, amount DOUBLE)`,
  );
  const appender = await connection.createAppender(table);
  for (const line of lines) {
    appender.appendVarchar(line.orderId);
    appender.appendVarchar(line.customerId);
    appender.appendVarchar(line.date);
    appender.appendVarchar(line.product);
    appender.appendDouble(line.amount);
    appender.endRow();
  }
  appender.closeSync();
}

/** The kinds of source the twins are tested on, the keys of {@link storeSources}' `sources`. */
export const sourceKinds = ["csv", "parquet", "table", "query (dates as text)"] as const;

/** One of {@link sourceKinds}. */
export type SourceKind = (typeof sourceKinds)[number];

/**
 * The seed-7 store's order lines, as records and as one DuckDB source of each of {@link sourceKinds}:
 * a CSV and a Parquet file (written by DuckDB), the table `lines`, and a query on the table
 * `lines_text_dates`, whose dates are text.
 */
export async function storeSources(): Promise<{
  lines: readonly StoreOrderLine[];
  sources: Record<SourceKind, DuckDBSource>;
  connection: DuckDBConnection;
}> {
  const lines = generateStore({ seed: 7 }).orderLines;
  const connection = await connect();
  await writeLines(connection, "lines", lines);
  await writeLines(connection, "lines_text_dates", lines, true);
  const folder = temporaryFolder();
  const csv = join(folder, "lines.csv");
  const parquet = join(folder, "lines.parquet");
  await connection.run(`COPY lines TO '${csv.replace(/'/g, "''")}' (HEADER)`);
  await connection.run(`COPY lines TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
  const sources = {
    csv,
    parquet,
    table: { connection, table: "lines" },
    "query (dates as text)": { connection, query: "SELECT * FROM lines_text_dates" },
  };
  return { lines, sources, connection };
}

/**
 * Expects `actual` to equal `expected` with numbers equal to 1e-9 (relative to their size, at
 * least absolute 1e-9), typed arrays element by element, the same keys and the same order.
 */
export function expectClose(actual: unknown, expected: unknown, path = "result"): void {
  if (typeof expected === "number") {
    expect(typeof actual, path).toBe("number");
    if (Number.isNaN(expected)) expect(Number.isNaN(actual), path).toBe(true);
    else
      expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(expected)),
      );
    return;
  }
  if (ArrayBuffer.isView(expected)) {
    expect(Object.prototype.toString.call(actual), path).toBe(Object.prototype.toString.call(expected));
    const a = Array.from(actual as Float64Array);
    const e = Array.from(expected as Float64Array);
    expect(a.length, `${path}.length`).toBe(e.length);
    e.forEach((value, i) => {
      expectClose(a[i], value, `${path}[${i}]`);
    });
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((value, i) => {
      expectClose((actual as unknown[])[i], value, `${path}[${i}]`);
    });
    return;
  }
  if (typeof expected === "object" && expected !== null) {
    expect(typeof actual, path).toBe("object");
    expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}
