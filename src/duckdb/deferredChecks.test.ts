import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import type { InvalidRecordError } from "../core/index.js";
import { repeatPurchaseSummary as repeatMemory } from "../value/repeatPurchaseSummary.js";
import { rfmTable as rfmMemory } from "../value/rfmTable.js";
import { type FieldColumn, openSource, validateFields } from "./internal/source.js";
import { connect, expectClose, temporaryFolder } from "./internal/testData.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";
import { rfmTable } from "./rfmTable.js";

let connection: DuckDBConnection;
let folder: string;

beforeAll(async () => {
  connection = await connect();
  folder = temporaryFolder();
});

/** Writes `(customer, order, day, amount)` rows (SQL VALUES) to a Parquet file. */
async function parquet(name: string, values: string, dayType = "DATE"): Promise<string> {
  const path = join(folder, name);
  await connection.run(
    `COPY (SELECT customer, "order", CAST(day AS ${dayType}) AS day, CAST(amount AS DOUBLE) AS amount ` +
      `FROM (VALUES ${values}) v(customer, "order", day, amount)) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`,
  );
  return path;
}

/** Whether the validation scan of `path` is skipped for records up to `lastDay` (a UTC day number). */
async function deferred(path: string, lastDay: number): Promise<boolean> {
  const open = await openSource("test", path);
  try {
    const fields: FieldColumn[] = [
      { option: "customer", column: "customer", kind: "id" },
      { option: "date", column: "day", kind: "date" },
      { option: "amount", column: "amount", kind: "number" },
    ];
    return (await validateFields("test", open, fields, () => [], lastDay)).deferred === true;
  } finally {
    open.close();
  }
}

async function thrown(fn: () => unknown): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

/** The twin throws the in-memory error: same class, message, row, field and value. */
async function expectSameError(twin: () => Promise<unknown>, memory: () => unknown): Promise<void> {
  const expected = await thrown(memory);
  const actual = await thrown(twin);
  expect(actual.constructor).toBe(expected.constructor);
  expect(actual.message).toBe(expected.message);
  const record = actual as InvalidRecordError;
  const reference = expected as InvalidRecordError;
  expect([record.row, record.field, record.value]).toEqual([reference.row, reference.field, reference.value]);
}

const JAN_31 = 19753; // 2024-01-31 as a UTC day number
const summaryOptions = { customer: "customer", date: "day", amount: "amount", asOf: "2024-01-31" } as const;

describe("Parquet statistics that prove the records clean skip the validation scan", () => {
  it("skips it only when no record is after asOf, and the twins still give the in-memory results", async () => {
    const values =
      "('c1', 'o1', DATE '2024-01-02', 10.0), ('c2', 'o2', DATE '2024-01-05', 7.0), ('c1', 'o3', DATE '2024-01-09', 5.0), " +
      "('c1', 'o3', DATE '2024-01-11', -2.0), ('c2', 'o4', DATE '2024-01-20', 4.0), ('c2', 'o4', DATE '2024-01-20', -4.0)";
    const path = await parquet("clean.parquet", values);
    expect(await deferred(path, JAN_31)).toBe(true);
    // 2024-01-11 is after this last day: the scan runs (it counts or refuses those records)
    expect(await deferred(path, JAN_31 - 21)).toBe(false);
    const records = [
      { customer: "c1", order: "o1", day: "2024-01-02", amount: 10 },
      { customer: "c2", order: "o2", day: "2024-01-05", amount: 7 },
      { customer: "c1", order: "o3", day: "2024-01-09", amount: 5 },
      { customer: "c1", order: "o3", day: "2024-01-11", amount: -2 },
      { customer: "c2", order: "o4", day: "2024-01-20", amount: 4 },
      { customer: "c2", order: "o4", day: "2024-01-20", amount: -4 },
    ];
    const rfmOptions = { ...summaryOptions, order: "order" } as const;
    expectClose(await rfmTable(path, rfmOptions), rfmMemory(records, rfmOptions));
    expectClose(await repeatPurchaseSummary(path, summaryOptions), repeatMemory(records, summaryOptions));
  });

  it("a NaN or infinite amount, a shared order after it, an orphan refund: the in-memory error, by row", async () => {
    const nan = await parquet(
      "nan.parquet",
      "('c1', 'o1', DATE '2024-01-02', 10.0), ('c2', 'o2', DATE '2024-01-05', CAST('NaN' AS DOUBLE)), ('c3', 'o1', DATE '2024-01-06', 1.0)",
    );
    expect(await deferred(nan, JAN_31)).toBe(true);
    const nanRecords = [
      { customer: "c1", order: "o1", day: "2024-01-02", amount: 10 },
      { customer: "c2", order: "o2", day: "2024-01-05", amount: Number.NaN },
      { customer: "c3", order: "o1", day: "2024-01-06", amount: 1 },
    ];
    const rfmOptions = { ...summaryOptions, order: "order" } as const;
    await expectSameError(
      () => rfmTable(nan, rfmOptions),
      () => rfmMemory(nanRecords, rfmOptions),
    );
    await expectSameError(
      () => repeatPurchaseSummary(nan, summaryOptions),
      () => repeatMemory(nanRecords, summaryOptions),
    );
    // a -Infinity refund would drop its purchase day from every sum the summary keeps
    const infinite = await parquet(
      "infinite.parquet",
      "('c1', 'o1', DATE '2024-01-02', 10.0), ('c1', 'o2', DATE '2024-01-03', CAST('-Infinity' AS DOUBLE)), ('c1', 'o3', DATE '2024-01-09', 5.0)",
    );
    expect(await deferred(infinite, JAN_31)).toBe(true);
    await expectSameError(
      () => repeatPurchaseSummary(infinite, summaryOptions),
      () =>
        repeatMemory(
          [
            { customer: "c1", day: "2024-01-02", amount: 10 },
            { customer: "c1", day: "2024-01-03", amount: Number.NEGATIVE_INFINITY },
            { customer: "c1", day: "2024-01-09", amount: 5 },
          ],
          summaryOptions,
        ),
    );
    const orphan = await parquet(
      "orphan.parquet",
      "('c1', 'o1', DATE '2024-01-02', 10.0), ('c2', 'o2', DATE '2024-01-03', 3.0), ('c2', 'o3', DATE '2024-01-01', -1.0)",
    );
    expect(await deferred(orphan, JAN_31)).toBe(true);
    await expectSameError(
      () => repeatPurchaseSummary(orphan, summaryOptions),
      () =>
        repeatMemory(
          [
            { customer: "c1", day: "2024-01-02", amount: 10 },
            { customer: "c2", day: "2024-01-03", amount: 3 },
            { customer: "c2", day: "2024-01-01", amount: -1 },
          ],
          summaryOptions,
        ),
    );
  });

  it("timestamps: a refund timed before its day's first purchase goes to the purchase day before, as in memory", async () => {
    const values =
      "('c1', 'o1', '2024-01-02 10:00:00', 10.0), ('c1', 'o2', '2024-01-05 12:00:00', 6.0), ('c1', 'o3', '2024-01-05 09:00:00', -4.0), " +
      "('c1', 'o4', '2024-01-07 08:00:00', -1.0), ('c1', 'o5', '2024-01-09 08:00:00', 3.0), ('c2', 'o6', '2024-01-04 08:00:00', 2.0)";
    const path = await parquet("times.parquet", values, "TIMESTAMP");
    expect(await deferred(path, JAN_31)).toBe(true);
    const at = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    const records = [
      { customer: "c1", day: at("2024-01-02 10:00:00"), amount: 10 },
      { customer: "c1", day: at("2024-01-05 12:00:00"), amount: 6 },
      { customer: "c1", day: at("2024-01-05 09:00:00"), amount: -4 },
      { customer: "c1", day: at("2024-01-07 08:00:00"), amount: -1 },
      { customer: "c1", day: at("2024-01-09 08:00:00"), amount: 3 },
      { customer: "c2", day: at("2024-01-04 08:00:00"), amount: 2 },
    ];
    const expected = repeatMemory(records, summaryOptions);
    // the early refund nets into 2024-01-02 (10 - 4), the 2024-01-07 one into 2024-01-05 (6 - 1)
    expect(expected.customers[0]?.monetaryValue).toBeCloseTo((5 + 3) / 2, 12);
    expectClose(await repeatPurchaseSummary(path, summaryOptions), expected);
  });
});
