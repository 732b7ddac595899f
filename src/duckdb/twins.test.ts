import { join } from "node:path";
import { inspect } from "node:util";
import type { DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { transactionsFrom as transactionsFromMemory } from "../basket/transactionsFrom.js";
import { inactivityRisk as inactivityRiskMemory } from "../churn/inactivityRisk.js";
import type { StoreOrderLine } from "../store/types.js";
import { calibrationHoldoutSummary as calibrationMemory } from "../value/calibrationHoldoutSummary.js";
import { repeatPurchaseSummary as repeatMemory } from "../value/repeatPurchaseSummary.js";
import { rfmTable as rfmMemory } from "../value/rfmTable.js";
import { calibrationHoldoutSummary } from "./calibrationHoldoutSummary.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import { inactivityRisk } from "./inactivityRisk.js";
import {
  expectClose,
  type SourceKind,
  sourceKinds,
  storeSources,
  temporaryFolder,
} from "./internal/testData.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";
import { rfmTable } from "./rfmTable.js";
import { transactionsFrom } from "./transactionsFrom.js";

let lines: readonly StoreOrderLine[];
let sources: Record<SourceKind, DuckDBSource>;
let connection: DuckDBConnection;

beforeAll(async () => {
  ({ lines, sources, connection } = await storeSources());
}, 60_000);

describe("clientele/duckdb twins equal the in-memory functions on generateStore({ seed: 7 })", {
  timeout: 120_000,
}, () => {
  it.each(sourceKinds)("rfmTable, with and without orders, total and mean (%s)", async (kind) => {
    const variants = [
      { customer: "customerId", date: "date", amount: "amount", asOf: "2025-12-31" },
      { customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: "2025-12-31" },
      {
        customer: "customerId",
        date: "date",
        amount: "amount",
        order: "orderId",
        asOf: "2025-03-31",
        frequency: "transactions",
        monetary: "mean",
        afterAsOf: "drop",
      },
    ] as const;
    for (const options of variants) {
      const expected = rfmMemory(lines, options);
      const actual = await rfmTable(sources[kind], options);
      expect(actual.customers.length).toBeGreaterThan(500);
      expectClose(actual, expected);
      expect(inspect(actual)).toBe(inspect(expected));
    }
  });

  it.each(sourceKinds)(
    "repeatPurchaseSummary in weeks and days, with later records dropped (%s)",
    async (kind) => {
      const variants = [
        {
          customer: "customerId",
          date: "date",
          amount: "amount",
          asOf: "2025-12-31",
          timeUnit: "week",
        },
        {
          customer: "customerId",
          date: "date",
          asOf: "2025-02-28",
          afterAsOf: "drop",
        },
      ] as const;
      for (const options of variants) {
        const expected = repeatMemory(lines, options);
        const actual = await repeatPurchaseSummary(sources[kind], options);
        expectClose(actual, expected);
        expect(inspect(actual)).toBe(inspect(expected));
      }
    },
  );

  it.each(sourceKinds)("calibrationHoldoutSummary (%s)", async (kind) => {
    const options = {
      customer: "customerId",
      date: "date",
      amount: "amount",
      calibrationEnd: "2025-06-30",
      asOf: "2025-12-31",
      timeUnit: "month",
    } as const;
    const expected = calibrationMemory(lines, options);
    const actual = await calibrationHoldoutSummary(sources[kind], options);
    expect(expected.customersFirstSeenInHoldout).toBeGreaterThan(0);
    expectClose(actual, expected);
  });

  it.each(sourceKinds)("inactivityRisk (%s)", async (kind) => {
    const options = { customer: "customerId", date: "date", asOf: "2025-10-31", priorWeight: 3 } as const;
    const expected = inactivityRiskMemory(lines, options);
    const actual = await inactivityRisk(sources[kind], options);
    expect(expected.ignoredRecords).toBeGreaterThan(0);
    expectClose(actual, expected);
    expect(inspect(actual)).toBe(inspect(expected));
  });

  it.each(sourceKinds)("transactionsFrom (%s)", async (kind) => {
    const options = { transaction: "orderId", item: "product" } as const;
    const expected = transactionsFromMemory(lines, options);
    const actual = await transactionsFrom(sources[kind], options);
    expect(actual.kind).toBe("transactions");
    expect(actual.transactionCount).toBe(expected.transactionCount);
    expect(actual.itemLabels).toEqual(expected.itemLabels);
    expect(actual.transactionIds).toEqual(expected.transactionIds);
    expect(actual.offsets).toEqual(expected.offsets);
    expect(Array.from(actual.items)).toEqual(Array.from(expected.items));
    expect(Object.isFrozen(actual)).toBe(true);
  });
});

describe("refunds netted by time, as the in-memory purchase days net them", { timeout: 60_000 }, () => {
  // times matter: a refund before the day's first purchase nets into the previous purchase day
  const records = [
    { c: "a", t: "2024-01-01T10:00:00Z", v: 10 },
    { c: "a", t: "2024-01-03T08:00:00Z", v: -10 }, // before the 3rd's purchase: refunds the 1st fully
    { c: "a", t: "2024-01-03T12:00:00Z", v: 5 },
    { c: "a", t: "2024-01-05T00:00:00Z", v: 20 },
    { c: "a", t: "2024-01-05T00:00:00Z", v: -4 }, // same time as a purchase: nets into the 5th
    { c: "a", t: "2024-01-09T09:30:00+02:00", v: 7 }, // 07:30 UTC
    { c: "b", t: "2024-01-02T00:00:00Z", v: 3 },
    { c: "b", t: "2024-01-04T00:00:00Z", v: -3 }, // fully refunded: b has no purchase left
    { c: "d", t: "2024-02-10T00:00:00Z", v: 4 }, // after the end: dropped
    { c: "e", t: "2024-01-02T23:59:59Z", v: 2 },
    { c: "e", t: "2024-01-03T00:00:01Z", v: 2 },
    { c: "e", t: "2024-01-03T00:00:01Z", v: 0 },
  ];
  const options = {
    customer: "c",
    date: "t",
    amount: "v",
    asOf: "2024-01-31",
    afterAsOf: "drop",
  } as const;

  it("gives the in-memory summary from TIMESTAMPTZ and from text columns", async () => {
    await connection.run("CREATE TABLE timed (c VARCHAR, t VARCHAR, v DOUBLE)");
    const appender = await connection.createAppender("timed");
    for (const r of records) {
      appender.appendVarchar(r.c);
      appender.appendVarchar(r.t);
      appender.appendDouble(r.v);
      appender.endRow();
    }
    appender.closeSync();
    const expected = repeatMemory(records, options);
    // hand-worked: a keeps the 3rd (5), the 5th (16) and the 9th (7); e buys on the 2nd and the 3rd
    expect(expected.customers.map((row) => [row.customer, row.frequency, row.monetaryValue])).toEqual([
      ["a", 2, 11.5],
      ["e", 1, 2],
    ]);
    expect([expected.customersWithoutPurchases, expected.droppedRecords]).toEqual([2, 1]);
    const fromText = await repeatPurchaseSummary({ connection, table: "timed" }, options);
    expectClose(fromText, expected);
    const fromTimestamps = await repeatPurchaseSummary(
      { connection, query: "SELECT c, CAST(t AS TIMESTAMPTZ) AS t, v FROM timed" },
      options,
    );
    expectClose(fromTimestamps, expected);
    const split = { ...options, calibrationEnd: "2024-01-04" };
    expectClose(
      await calibrationHoldoutSummary({ connection, table: "timed" }, split),
      calibrationMemory(records, split),
    );
  });
});

describe("file kinds: a glob of CSV files and newline-delimited JSON", { timeout: 120_000 }, () => {
  it("read in file-name order, rows numbered across files, as one record array", async () => {
    const folder = temporaryFolder();
    const q = (path: string) => `'${path.replace(/'/g, "''")}'`;
    const half = Math.floor(lines.length / 2);
    await connection.run(
      `COPY (SELECT * FROM lines LIMIT ${half}) TO ${q(join(folder, "part-1.csv"))} (HEADER)`,
    );
    await connection.run(
      `COPY (SELECT * FROM lines OFFSET ${half}) TO ${q(join(folder, "part-2.csv"))} (HEADER)`,
    );
    await connection.run(`COPY lines TO ${q(join(folder, "lines.ndjson"))} (FORMAT json)`);
    const options = {
      customer: "customerId",
      date: "date",
      amount: "amount",
      order: "orderId",
      asOf: "2025-12-31",
    } as const;
    const expected = rfmMemory(lines, options);
    expectClose(await rfmTable(join(folder, "part-*.csv"), options), expected);
    expectClose(await rfmTable(join(folder, "lines.ndjson"), options), expected);
  });
});
