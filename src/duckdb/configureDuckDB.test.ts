import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { rfmTable as rfmMemory } from "../value/rfmTable.js";
import { configureDuckDB } from "./configureDuckDB.js";
import { instanceSetting } from "./internal/source.js";
import { connect, temporaryFolder } from "./internal/testData.js";
import { rfmTable } from "./rfmTable.js";

describe("configureDuckDB", () => {
  it("sets threads before the instance exists and the memory limit after, as DuckDB reports them", async () => {
    const spill = temporaryFolder();
    expect(await configureDuckDB({ threads: 1, tempDirectory: spill })).toEqual({
      threads: 1,
      tempDirectory: spill,
    });
    expect(await instanceSetting("threads")).toBe(1n);
    expect(await instanceSetting("temp_directory")).toBe(spill);
    expect(await configureDuckDB({ memoryLimit: "256MiB" })).toEqual({
      threads: 1,
      tempDirectory: spill,
      memoryLimit: "256MiB",
    });
    // 256 MiB = 268,435,456 bytes; DuckDB prints it in its own units
    expect(String(await instanceSetting("memory_limit"))).toMatch(/^(256\.0 MiB|268\.4 MB)$/);
    await configureDuckDB({ memoryLimit: 512 * 1_048_576 });
    expect(String(await instanceSetting("memory_limit"))).toMatch(/^(512\.0 MiB|536\.8 MB)$/);
    expect(String(await instanceSetting("threads"))).toBe("1");
  });

  it("refuses malformed settings before touching DuckDB", async () => {
    await expect(configureDuckDB({ memoryLimit: "1GB'; DROP TABLE x; --" })).rejects.toThrow(
      InvalidOptionsError,
    );
    await expect(configureDuckDB({ memoryLimit: "lots" })).rejects.toThrow('expected a size such as "1GB"');
    await expect(configureDuckDB({ threads: 1.5 })).rejects.toThrow(InvalidOptionsError);
    await expect(configureDuckDB({ threads: 0 })).rejects.toThrow(InvalidOptionsError);
    await expect(configureDuckDB({ memory: "1GB" } as never)).rejects.toThrow(InvalidOptionsError);
  });
});

describe("Parquet statistics skip only the checks they prove", () => {
  it("a clean Parquet file gives the in-memory result; an empty id or a null date is still found by row", async () => {
    const connection = await connect();
    const folder = temporaryFolder();
    const write = async (name: string, values: string) => {
      const path = join(folder, name);
      await connection.run(
        `COPY (SELECT * FROM (VALUES ${values}) v(customer, day, amount)) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`,
      );
      return path;
    };
    const options = { customer: "customer", date: "day", amount: "amount", asOf: "2024-01-31" } as const;
    const clean = await write(
      "clean.parquet",
      "('c1', DATE '2024-01-02', 10.0), ('c2', DATE '2024-01-05', 7.0), ('c1', DATE '2024-01-09', 5.0)",
    );
    expect((await rfmTable(clean, options)).customers).toEqual(
      rfmMemory(
        [
          { customer: "c1", day: "2024-01-02", amount: 10 },
          { customer: "c2", day: "2024-01-05", amount: 7 },
          { customer: "c1", day: "2024-01-09", amount: 5 },
        ],
        options,
      ).customers,
    );
    const emptyId = await write(
      "empty-id.parquet",
      "('c1', DATE '2024-01-02', 10.0), ('', DATE '2024-01-05', 7.0)",
    );
    const idError = await rfmTable(emptyId, options).catch((e: unknown) => e);
    expect(idError).toBeInstanceOf(InvalidRecordError);
    expect((idError as Error).message).toContain("row 1");
    const nullDate = await write(
      "null-date.parquet",
      "('c1', DATE '2024-01-02', 10.0), ('c2', DATE '2024-01-05', 7.0), ('c3', NULL, 1.0)",
    );
    const dateError = await rfmTable(nullDate, options).catch((e: unknown) => e);
    expect(dateError).toBeInstanceOf(InvalidRecordError);
    expect((dateError as Error).message).toContain("row 2");
    expect((dateError as Error).message).toContain("day");
    const nan = await write(
      "nan.parquet",
      "('c1', DATE '2024-01-02', 10.0), ('c2', DATE '2024-01-05', 'NaN'::DOUBLE)",
    );
    const nanError = await rfmTable(nan, options).catch((e: unknown) => e);
    expect(nanError).toBeInstanceOf(InvalidRecordError);
    expect((nanError as Error).message).toContain("amount");
  });
});
