import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { generateStore } from "../store/index.js";
import { cohortRetention } from "./cohortRetention.js";

const orders = Object.freeze(
  [
    { c: "a", d: "2024-01-05", v: 10 },
    { c: "a", d: "2024-01-20", v: 5 },
    { c: "a", d: "2024-02-03", v: 7 },
    { c: "b", d: "2024-01-31", v: 20 },
    { c: "b", d: "2024-03-15", v: 4 },
    { c: "c", d: "2024-02-10", v: 8 },
    { c: "c", d: "2024-03-01", v: 2 },
    { c: "d", d: "2024-03-09", v: 1 },
    { c: "e", d: "2024-04-02", v: 100 }, // after asOf
  ].map((row) => Object.freeze(row)),
);

describe("cohortRetention", () => {
  it("hand-worked monthly table: cohorts, active customers, revenue per acquired customer, incomplete month", () => {
    const table = cohortRetention(orders, {
      customer: "c",
      date: "d",
      amount: "v",
      period: "month",
      asOf: "2024-03-20",
    });
    expect(table.ignoredRecords).toBe(1);
    expect(table.customers).toBe(4);
    expect(table.cohorts.map((c) => [c.cohort, c.customers])).toEqual([
      ["2024-01", 2],
      ["2024-02", 1],
      ["2024-03", 1],
    ]);
    const january = table.cohorts[0];
    // a buys in Jan, Feb; b in Jan, Mar → active [2, 1, 1]
    expect(january?.active).toEqual([2, 1, 1]);
    expect(january?.retention).toEqual([1, 0.5, 0.5]);
    expect(january?.revenuePerCustomer).toEqual([35 / 2, 7 / 2, 4 / 2]);
    expect(january?.cumulativeRevenuePerCustomer).toEqual([17.5, 21, 23]);
    // March is not over on 2024-03-20
    expect(january?.complete).toEqual([true, true, false]);
    expect(table.cohorts[1]?.active).toEqual([1, 1]);
    expect(table.cohorts[1]?.complete).toEqual([true, false]);
    // average: offset 0 over complete cells (Jan, Feb cohorts: 3 customers, all active); offset 1: only Jan complete
    expect(
      table.averageCurve.map((p) => [p.periodsSinceAcquisition, p.cohorts, p.customers, p.retention]),
    ).toEqual([
      [0, 2, 3, 1],
      [1, 1, 2, 0.5],
    ]);
    expect(table.averageCurve[0]?.revenuePerCustomer).toBeCloseTo((35 + 8) / 3, 12);
  });

  it("a period ending on asOf is complete; quarters and Monday weeks are labelled", () => {
    const monthly = cohortRetention(orders, {
      customer: "c",
      date: "d",
      period: "month",
      asOf: "2024-03-31",
    });
    expect(monthly.cohorts[0]?.complete).toEqual([true, true, true]);
    expect(monthly.cohorts[0]?.revenuePerCustomer).toBeNull();
    expect(monthly.averageCurve.map((p) => p.retention)).toEqual([1, 2 / 3, 0.5]);
    const quarterly = cohortRetention(orders, {
      customer: "c",
      date: "d",
      period: "quarter",
      asOf: "2024-03-31",
    });
    expect(quarterly.cohorts.map((c) => [c.cohort, c.customers, c.complete[0]])).toEqual([
      ["2024-Q1", 4, true],
    ]);
    // 2024-01-05 is a Friday: its week starts Monday 2024-01-01
    const weekly = cohortRetention(orders, { customer: "c", date: "d", period: "week", asOf: "2024-03-20" });
    expect(weekly.cohorts[0]?.cohort).toBe("2024-01-01");
    expect(weekly.cohorts[0]?.active.slice(0, 3)).toEqual([1, 0, 1]); // a: Jan 5, then Jan 20 (week +2)
  });

  it("agrees with a brute-force count over customers on generated store data (Date-based periods)", () => {
    const store = generateStore({ seed: 3, customers: 300, months: 12 });
    const asOf = "2024-10-17";
    for (const period of ["month", "quarter", "week"] as const) {
      const table = cohortRetention(store.orders, {
        customer: "customerId",
        date: "date",
        amount: "total",
        period,
        asOf,
      });
      // independent: calendar keys from Date's UTC fields, sets of customers per key
      const key = (iso: string): number => {
        const date = new Date(`${iso}T00:00:00Z`);
        if (period === "month") return date.getUTCFullYear() * 12 + date.getUTCMonth();
        if (period === "quarter") return date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);
        const monday = new Date(date);
        monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
        return Math.round(monday.getTime() / (7 * 86_400_000));
      };
      const kept = store.orders.filter((o) => o.date <= asOf);
      const first = new Map<string, number>();
      for (const o of kept)
        first.set(o.customerId, Math.min(first.get(o.customerId) ?? Infinity, key(o.date)));
      const cohortKeys = [...new Set(first.values())].sort((a, b) => a - b);
      expect(table.cohorts.map((c) => c.customers)).toEqual(
        cohortKeys.map((k) => [...first.values()].filter((f) => f === k).length),
      );
      const last = key(asOf);
      // buyers and revenue per (cohort key, calendar key), straight from the orders
      const buyers = new Map<string, Set<string>>();
      const revenue = new Map<string, number>();
      for (const o of kept) {
        const cell = `${first.get(o.customerId)}|${key(o.date)}`;
        buyers.set(cell, (buyers.get(cell) ?? new Set()).add(o.customerId));
        revenue.set(cell, (revenue.get(cell) ?? 0) + o.total);
      }
      table.cohorts.forEach((cohort, index) => {
        const k = cohortKeys[index] as number;
        expect(cohort.active).toHaveLength(last - k + 1);
        for (let o = 0; o <= last - k; o++) {
          expect(cohort.active[o]).toBe(buyers.get(`${k}|${k + o}`)?.size ?? 0);
          expect(cohort.revenuePerCustomer?.[o]).toBeCloseTo(
            (revenue.get(`${k}|${k + o}`) ?? 0) / cohort.customers,
            9,
          );
        }
      });
      // average curve: asOf (a Thursday mid-month) ends no period, so only periods before asOf's count
      table.averageCurve.forEach((point) => {
        const o = point.periodsSinceAcquisition;
        const sizes = cohortKeys
          .filter((k) => k + o < last)
          .map((k) => [...first.values()].filter((f) => f === k).length);
        const activeSum = cohortKeys
          .filter((k) => k + o < last)
          .reduce((sum, k) => sum + (buyers.get(`${k}|${k + o}`)?.size ?? 0), 0);
        const total = sizes.reduce((a, b) => a + b, 0);
        expect(point.customers).toBe(total);
        expect(point.retention).toBeCloseTo(activeSum / total, 12);
      });
      expect(table.averageCurve).toHaveLength(last - (cohortKeys[0] as number));
      expect(table.ignoredRecords).toBe(store.orders.length - kept.length);
    }
  });

  it("refuses bad options, records and empty input with typed errors", () => {
    expect(() =>
      cohortRetention(orders, { customer: "c", date: "d", period: "day", asOf: "2024-03-20" } as never),
    ).toThrow(InvalidOptionsError);
    expect(() =>
      cohortRetention(orders, { customer: "c", date: "d", period: "month", asOf: "soon" }),
    ).toThrow(/asOf/);
    expect(() =>
      cohortRetention(orders, {
        customer: "c",
        date: "d",
        period: "month",
        asOf: "2024-03-20",
        amont: "v",
      } as never),
    ).toThrow(/amont: unknown option "\w+"; did you mean "amount"\?/);
    expect(() =>
      cohortRetention([{ c: "a", d: "2024-13-01" }], {
        customer: "c",
        date: "d",
        period: "month",
        asOf: "2024-03-20",
      }),
    ).toThrow(InvalidRecordError);
    expect(() =>
      cohortRetention([{ c: "a", d: "2024-05-01" }], {
        customer: "c",
        date: "d",
        period: "month",
        asOf: "2024-03-20",
      }),
    ).toThrow(InsufficientDataError);
  });

  it("prints cohorts as rows with retention percentages, incomplete periods starred", () => {
    const table = cohortRetention(orders, { customer: "c", date: "d", period: "month", asOf: "2024-03-20" });
    const text = String(
      (table as unknown as Record<symbol, () => string>)[Symbol.for("nodejs.util.inspect.custom")]?.(),
    );
    expect(text).toContain("Cohort retention by month");
    expect(text).toContain("50.0%*");
  });
});
