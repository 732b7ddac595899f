import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { cohortRetention as cohortMemory } from "../churn/cohortRetention.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import type { StoreOrderLine } from "../store/types.js";
import { cohortRetention } from "./cohortRetention.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import {
  expectClose,
  type SourceKind,
  sourceKinds,
  storeSources,
  temporaryFolder,
} from "./internal/testData.js";

let lines: readonly StoreOrderLine[];
let sources: Record<SourceKind, DuckDBSource>;

beforeAll(async () => {
  ({ lines, sources } = await storeSources());
}, 60_000);

/** asOf inside a period (records after it ignored, last period incomplete) and at a period's last day. */
const variants = [
  { customer: "customerId", date: "date", amount: "amount", period: "month", asOf: "2025-06-17" },
  { customer: "customerId", date: "date", period: "month", asOf: "2025-12-31" },
  { customer: "customerId", date: "date", amount: "amount", period: "quarter", asOf: "2025-09-30" },
  { customer: "customerId", date: "date", period: "quarter", asOf: "2025-02-11" },
  // 2025-03-16 is a Sunday: the week of asOf is complete
  { customer: "customerId", date: "date", amount: "amount", period: "week", asOf: "2025-03-16" },
  { customer: "customerId", date: "date", period: "week", asOf: "2025-03-12" },
] as const;

describe("cohortRetention through DuckDB equals the in-memory function on generateStore({ seed: 7 })", {
  timeout: 120_000,
}, () => {
  it.each(sourceKinds)("week, month and quarter, with and without amount (%s)", async (kind) => {
    for (const options of variants) {
      const expected = cohortMemory(lines, options);
      const actual = await cohortRetention(sources[kind], options);
      expect(expected.cohorts.length).toBeGreaterThan(3);
      expectClose(actual, expected, `${options.period} ${options.asOf}`);
      expect(inspect(actual)).toBe(inspect(expected));
    }
  });

  it("the variants cover ignored records and both complete and incomplete last periods", () => {
    const results = variants.map((options) => cohortMemory(lines, options));
    expect(results.some((r) => r.ignoredRecords > 0)).toBe(true);
    const lastComplete = results.map((r) => r.cohorts[0]?.complete.at(-1));
    expect(lastComplete).toContain(true);
    expect(lastComplete).toContain(false);
  });
});

describe("cohortRetention through DuckDB: hand-worked table and errors", () => {
  it("the documented five orders: cohorts, revenue per customer and the average curve", async () => {
    // worked by hand: January cohort = a (Jan 5) and b (Jan 31); a buys in February, b in March;
    // revenue per acquired customer (10 + 20) / 2, 7 / 2, 4 / 2; February cohort = c alone.
    // March is incomplete at 2024-03-20, so the curve averages offsets 0 and 1 over complete cells only:
    // offset 0 over both cohorts (3 customers, all active), offset 1 over January only (1 of 2).
    const path = join(temporaryFolder(), "orders.csv");
    writeFileSync(
      path,
      "customer,date,total\na,2024-01-05,10\na,2024-02-03,7\nb,2024-01-31,20\nb,2024-03-15,4\nc,2024-02-10,8\n",
    );
    const table = await cohortRetention(path, {
      customer: "customer",
      date: "date",
      amount: "total",
      period: "month",
      asOf: "2024-03-20",
    });
    expect(table.cohorts[0]).toEqual({
      cohort: "2024-01",
      start: "2024-01-01",
      customers: 2,
      active: [2, 1, 1],
      retention: [1, 0.5, 0.5],
      revenuePerCustomer: [15, 3.5, 2],
      cumulativeRevenuePerCustomer: [15, 18.5, 20.5],
      complete: [true, true, false],
    });
    expect(table.cohorts[1]).toMatchObject({ cohort: "2024-02", customers: 1, active: [1, 0] });
    expect(table.averageCurve.map((p) => [p.periodsSinceAcquisition, p.customers, p.retention])).toEqual([
      [0, 3, 1],
      [1, 2, 0.5],
    ]);
    expect(table.averageCurve[0]?.revenuePerCustomer).toBeCloseTo((30 + 8) / 3, 12);
    expect([table.customers, table.ignoredRecords]).toEqual([3, 0]);
  });

  it("weeks start on Monday: Sunday 2024-03-10 and Monday 2024-03-11 fall in different weeks", async () => {
    const path = join(temporaryFolder(), "weeks.csv");
    writeFileSync(path, "c,d\nx,2024-03-10\ny,2024-03-11\nx,2024-03-17\ny,2024-04-02\n");
    const table = await cohortRetention(path, {
      customer: "c",
      date: "d",
      period: "week",
      asOf: "2024-03-17",
    });
    // x: week of Monday 2024-03-04, active again in the week of 2024-03-11; y: week of 2024-03-11;
    // y's April record is after asOf
    expect(table.cohorts.map((c) => [c.cohort, c.customers, c.active])).toEqual([
      ["2024-03-04", 1, [1, 1]],
      ["2024-03-11", 1, [1]],
    ]);
    expect(table.ignoredRecords).toBe(1);
    expect(table.cohorts[1]?.complete).toEqual([true]); // Sunday 2024-03-17 ends its week
  });

  it("gives the in-memory errors: missing column, bad date row, accessor, nothing before asOf", async () => {
    const path = join(temporaryFolder(), "bad.csv");
    writeFileSync(path, "c,d,a\nx,2024-03-10,1\ny,not a date,2\n");
    const error = await cohortRetention(path, {
      customer: "c",
      date: "d",
      period: "month",
      asOf: "2024-03-31",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).message).toContain("row 1");
    expect((error as Error).message).toContain("not a date");
    await expect(
      cohortRetention(path, { customer: "customer", date: "d", period: "month", asOf: "2024-03-31" }),
    ).rejects.toThrow(InvalidOptionsError);
    await expect(
      cohortRetention(path, {
        customer: ((r: { c: string }) => r.c) as never,
        date: "d",
        period: "month",
        asOf: "2024-03-31",
      }),
    ).rejects.toThrow("an accessor function cannot run inside SQL");
    const early = join(temporaryFolder(), "early.csv");
    writeFileSync(early, "c,d\nx,2024-03-10\ny,2024-03-11\n");
    const insufficient = await cohortRetention(early, {
      customer: "c",
      date: "d",
      period: "month",
      asOf: "2024-01-31",
    }).catch((e: unknown) => e);
    expect(insufficient).toBeInstanceOf(InsufficientDataError);
    expect((insufficient as Error).message).toBe(
      (() => {
        try {
          cohortMemory(
            [
              { c: "x", d: "2024-03-10" },
              { c: "y", d: "2024-03-11" },
            ],
            { customer: "c", date: "d", period: "month", asOf: "2024-01-31" },
          );
        } catch (e) {
          return (e as Error).message;
        }
        return "";
      })(),
    );
  });
});
