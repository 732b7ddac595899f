import type { DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type RepeatPurchaseSummaryOptions,
  repeatPurchaseSummary as repeatMemory,
} from "../value/repeatPurchaseSummary.js";
import { connect, expectClose } from "./internal/testData.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";

interface Line {
  readonly c: string;
  readonly d: string;
  readonly v: number;
}

let connection: DuckDBConnection;
let tables = 0;

beforeAll(async () => {
  connection = await connect();
});

/** A table with a DATE column (the twin's one-scan SQL) holding `lines` in their order. */
async function table(lines: readonly Line[]): Promise<{ connection: DuckDBConnection; table: string }> {
  const name = `refund_days_${++tables}`;
  await connection.run(`CREATE TABLE ${name} (c VARCHAR, d DATE, v DOUBLE)`);
  const appender = await connection.createAppender(name);
  for (const line of lines) {
    appender.appendVarchar(line.c);
    appender.appendVarchar(line.d);
    appender.appendDouble(line.v);
    appender.endRow();
  }
  appender.closeSync();
  return { connection, table: name };
}

/** The twin's result or error, and the in-memory function's, are the same. */
async function expectSame(lines: readonly Line[], options: RepeatPurchaseSummaryOptions<Line>) {
  let expected: unknown;
  try {
    expected = repeatMemory(lines, options);
  } catch (error) {
    const actual = await repeatPurchaseSummary(await table(lines), options as never).then(
      () => new Error("no error"),
      (e: unknown) => e as Error,
    );
    expect(actual.constructor).toBe((error as Error).constructor);
    expect(actual.message).toBe((error as Error).message);
    return;
  }
  expectClose(await repeatPurchaseSummary(await table(lines), options as never), expected);
}

const options = { customer: "c", date: "d", amount: "v", asOf: "2024-01-20", timeUnit: "week" } as const;

describe("repeatPurchaseSummary (DuckDB) nets refunds into purchase days as in memory", {
  timeout: 120_000,
}, () => {
  it("random refunds before, on, between and after purchase days: same summary or same error (fast-check)", async () => {
    const line = fc.record({
      c: fc.constantFrom("a", "b", "c"),
      d: fc.integer({ min: 1, max: 24 }).map((day) => `2024-01-${String(day).padStart(2, "0")}`),
      v: fc.constantFrom(-12, -5, -2.5, -1, 0, 1, 2.5, 5, 12),
    });
    // hand-worked: a's refund on the 3rd drops the 2nd (its first purchase day), the 11th's and
    // the 12th's both net into the 9th and drop it, the 8th's nets into the 7th; b keeps one day
    const moved: Line[] = [
      { c: "a", d: "2024-01-02", v: 10 },
      { c: "a", d: "2024-01-03", v: -10 },
      { c: "a", d: "2024-01-05", v: 8 },
      { c: "a", d: "2024-01-09", v: 6 },
      { c: "a", d: "2024-01-11", v: -2 },
      { c: "a", d: "2024-01-12", v: -4 },
      { c: "a", d: "2024-01-07", v: 3 },
      { c: "a", d: "2024-01-08", v: -1 },
      { c: "b", d: "2024-01-04", v: 5 },
      { c: "b", d: "2024-01-06", v: -1 },
    ];
    const summary = repeatMemory(moved, options);
    expect(summary.customers.map((row) => [row.customer, row.frequency, row.monetaryValue])).toEqual([
      ["a", 1, 2],
      ["b", 0, 0],
    ]);
    // two refunds of b before any purchase on one day: the in-memory error names the smaller one
    // (equal times: the larger amount first), not the first row
    const orphans: Line[] = [
      { c: "b", d: "2024-01-01", v: -12 },
      { c: "b", d: "2024-01-01", v: -5 },
      { c: "a", d: "2024-01-01", v: -12 },
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 14 }), async (lines) => {
        await expectSame(lines, { ...options, afterAsOf: "drop" });
      }),
      { numRuns: 200, seed: 23, examples: [[moved], [orphans]] },
    );
  });
});
