import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, periodIndex, periodLabel, periodStartDay } from "./calendar.js";

const DAY = 86_400_000;

describe("calendar", () => {
  it("civilFromDays and daysFromCivil agree with Date's UTC calendar (years 1600-2400)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -134_774, max: 157_499 }), (day) => {
        const date = new Date(day * DAY);
        expect(civilFromDays(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() });
        expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth())).toBe(
          Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("every day lies in its period, which starts on a Monday, the 1st, or a quarter's 1st", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40_000, max: 40_000 }),
        fc.constantFrom("week", "month", "quarter" as const),
        (day, period) => {
          const index = periodIndex(day, period);
          const start = periodStartDay(index, period);
          expect(start).toBeLessThanOrEqual(day);
          expect(periodStartDay(index + 1, period)).toBeGreaterThan(day);
          const date = new Date(start * DAY);
          if (period === "week") expect(date.getUTCDay()).toBe(1);
          else expect(date.getUTCDate()).toBe(1);
          if (period === "quarter") expect(date.getUTCMonth() % 3).toBe(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("labels periods", () => {
    const day = Date.UTC(2024, 4, 15) / DAY; // Wednesday 2024-05-15
    expect(periodLabel(periodIndex(day, "month"), "month")).toBe("2024-05");
    expect(periodLabel(periodIndex(day, "quarter"), "quarter")).toBe("2024-Q2");
    expect(periodLabel(periodIndex(day, "week"), "week")).toBe("2024-05-13");
  });
});
