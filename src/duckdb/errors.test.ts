import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { inactivityRisk as inactivityRiskMemory } from "../churn/inactivityRisk.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { repeatPurchaseSummary as repeatMemory } from "../value/repeatPurchaseSummary.js";
import { rfmTable as rfmMemory } from "../value/rfmTable.js";
import { inactivityRisk } from "./inactivityRisk.js";
import { connect } from "./internal/testData.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";
import { rfmTable } from "./rfmTable.js";
import { transactionsFrom } from "./transactionsFrom.js";

interface Line {
  readonly customerId: string | null;
  readonly orderId: string;
  readonly date: string;
  readonly amount: string;
}

let connection: DuckDBConnection;
let tables = 0;

/** A table of text columns holding `records` (so values reach the errors exactly as the records hold them). */
async function table(records: readonly Line[]): Promise<{ connection: DuckDBConnection; table: string }> {
  const name = `lines_${++tables}`;
  await connection.run(
    `CREATE TABLE ${name} (customerId VARCHAR, orderId VARCHAR, date VARCHAR, amount VARCHAR)`,
  );
  for (const r of records) {
    await connection.run(`INSERT INTO ${name} VALUES ($1, $2, $3, $4)`, [
      r.customerId,
      r.orderId,
      r.date,
      r.amount,
    ]);
  }
  return { connection, table: name };
}

const good: readonly Line[] = [
  { customerId: "a", orderId: "o1", date: "2024-01-02", amount: "20" },
  { customerId: "a", orderId: "o2", date: "2024-01-09", amount: "12.5" },
  { customerId: "b", orderId: "o3", date: "2024-01-05", amount: "7" },
];
const rfmOptions = {
  customer: "customerId",
  date: "date",
  amount: "amount",
  order: "orderId",
  asOf: "2024-01-31",
} as const;

/** The error `run` throws (fails the test when it does not throw). */
async function thrown(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

/** Expects the DuckDB twin's error to be the in-memory function's: same class, row, field, value, message. */
async function expectSameError(twin: () => Promise<unknown>, memory: () => unknown): Promise<Error> {
  const expected = await thrown(memory);
  const actual = await thrown(twin);
  expect(actual.constructor).toBe(expected.constructor);
  expect(actual.message).toBe(expected.message);
  if (expected instanceof InvalidRecordError) {
    const record = actual as InvalidRecordError;
    expect([record.row, record.field, record.value]).toEqual([expected.row, expected.field, expected.value]);
  }
  return actual;
}

beforeAll(async () => {
  connection = await connect();
});

describe("clientele/duckdb refuses bad input as the in-memory functions do", () => {
  it("names the missing column and the columns the source has", async () => {
    const source = await table(good);
    const error = await thrown(() => rfmTable(source, { ...rfmOptions, customer: "client" }));
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).issues[0]?.path).toBe("customer");
    expect(error.message).toContain(
      'the source has no column "client"; its columns are "customerId", "orderId"',
    );
  });

  it("refuses an accessor with a hint to name a column, before reading anything", async () => {
    const error = await thrown(() =>
      rfmTable("no-such-file.parquet", {
        ...rfmOptions,
        amount: ((r: { amount: number }) => r.amount) as never,
      }),
    );
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect(error.message).toContain("amount: an accessor function cannot run inside SQL; name a column");
  });

  it("a null customer id: the row, column and value of the first one", async () => {
    const records = [
      ...good,
      { customerId: null, orderId: "o4", date: "2024-01-06", amount: "1" },
      good[0] as Line,
    ];
    const source = await table(records);
    const error = await expectSameError(
      () => rfmTable(source, rfmOptions),
      () => rfmMemory(records, rfmOptions),
    );
    expect((error as InvalidRecordError).row).toBe(3);
  });

  it("a date that is not a date, and an amount that is not a number", async () => {
    const badDate = [good[0] as Line, { customerId: "b", orderId: "o3", date: "31/12/2024", amount: "1" }];
    const dateSource = await table(badDate);
    await expectSameError(
      () =>
        repeatPurchaseSummary(dateSource, {
          customer: "customerId",
          date: "date",
          asOf: "2024-12-31",
        }),
      () => repeatMemory(badDate, { customer: "customerId", date: "date", asOf: "2024-12-31" }),
    );
    const badAmount = [...good, { customerId: "b", orderId: "o5", date: "2024-01-07", amount: "12,50" }];
    const amountSource = await table(badAmount);
    await expectSameError(
      () => rfmTable(amountSource, rfmOptions),
      () => rfmMemory(badAmount, rfmOptions),
    );
  });

  it("a record after asOf, an order id shared by two customers, a negative net spend", async () => {
    const later = [...good, { customerId: "b", orderId: "o6", date: "2024-02-01", amount: "3" }];
    await expectSameError(
      async () => rfmTable(await table(later), rfmOptions),
      () => rfmMemory(later, rfmOptions),
    );
    const shared = [...good, { customerId: "b", orderId: "o1", date: "2024-01-10", amount: "3" }];
    const sharedError = await expectSameError(
      async () => rfmTable(await table(shared), rfmOptions),
      () => rfmMemory(shared, rfmOptions),
    );
    expect(sharedError.message).toContain('belongs to customer "a" and to customer "b"');
    const negative = [...good, { customerId: "b", orderId: "o7", date: "2024-01-11", amount: "-30" }];
    const negativeError = await expectSameError(
      async () => rfmTable(await table(negative), rfmOptions),
      () => rfmMemory(negative, rfmOptions),
    );
    expect(negativeError.message).toContain("negative net spend (-23.00)");
  });

  it("a refund before any purchase of its customer", async () => {
    const orphan = [...good, { customerId: "b", orderId: "o8", date: "2024-01-01", amount: "-2" }];
    const options = {
      customer: "customerId",
      date: "date",
      amount: "amount",
      asOf: "2024-01-31",
    } as const;
    const error = await expectSameError(
      async () => repeatPurchaseSummary(await table(orphan), options),
      () => repeatMemory(orphan, options),
    );
    expect((error as InvalidRecordError).row).toBe(3);
  });

  it("inactivityRisk with every record after asOf is InsufficientDataError", async () => {
    const options = { customer: "customerId", date: "date", asOf: "2023-12-31" } as const;
    await expectSameError(
      async () => inactivityRisk(await table(good), options),
      () => inactivityRiskMemory(good, options),
    );
    expect(await thrown(async () => inactivityRisk(await table(good), options))).toBeInstanceOf(
      InsufficientDataError,
    );
  });

  it("an unknown file type and an unreadable file are InvalidOptionsErrors naming the source", async () => {
    const unknown = await thrown(() =>
      transactionsFrom("lines.xlsx", { transaction: "orderId", item: "product" }),
    );
    expect(unknown).toBeInstanceOf(InvalidOptionsError);
    expect(unknown.message).toContain("source: expected a .csv, .tsv, .parquet");
    const missing = await thrown(() =>
      transactionsFrom("/nonexistent/lines.parquet", { transaction: "orderId", item: "product" }),
    );
    expect(missing).toBeInstanceOf(InvalidOptionsError);
    expect(missing.message).toContain("DuckDB could not read it");
  });
});
