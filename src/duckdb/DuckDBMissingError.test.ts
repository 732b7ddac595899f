import { describe, expect, it, vi } from "vitest";

// Simulates an install without the optional peer: importing it fails as a missing package does.
vi.mock("@duckdb/node-api", () => {
  throw new Error("Cannot find package '@duckdb/node-api'");
});

describe("DuckDBMissingError", () => {
  it("is what a query throws when @duckdb/node-api cannot be loaded; importing the module needs nothing", async () => {
    const { rfmTable, DuckDBMissingError } = await import("./index.js");
    const run = rfmTable("lines.parquet", { customer: "c", date: "d", amount: "a", asOf: "2024-01-31" });
    await expect(run).rejects.toBeInstanceOf(DuckDBMissingError);
    await expect(run).rejects.toThrow(
      "rfmTable: reading files and DuckDB tables needs the optional package @duckdb/node-api",
    );
    await expect(run).rejects.toThrow("npm install @duckdb/node-api");
  });
});
