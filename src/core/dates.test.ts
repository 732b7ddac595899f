import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAYS_PER_UNIT, daysBetween, isoDate, parseDateValue, parseIsoPattern } from "./dates.js";

describe("parseDateValue", () => {
  it("reads ISO dates as UTC midnight and date-times with or without offsets", () => {
    expect(parseDateValue("2024-01-02")).toBe(Date.UTC(2024, 0, 2));
    expect(parseDateValue("2024-01-02T06:00:00Z")).toBe(Date.UTC(2024, 0, 2, 6));
    expect(parseDateValue("2024-01-02T06:00")).toBe(Date.UTC(2024, 0, 2, 6));
    expect(parseDateValue("2024-01-02T06:00:00+02:00")).toBe(Date.UTC(2024, 0, 2, 4));
    expect(parseDateValue("2024-01-02 06:00:00.250-0130")).toBe(Date.UTC(2024, 0, 2, 7, 30, 0, 250));
  });

  it("accepts Date objects and epoch milliseconds", () => {
    expect(parseDateValue(new Date(Date.UTC(2020, 5, 1)))).toBe(Date.UTC(2020, 5, 1));
    expect(parseDateValue(0)).toBe(0);
  });

  it("refuses non-dates and calendar-invalid dates", () => {
    for (const bad of [
      "02/01/2024",
      "2024-02-30",
      "2023-02-29",
      "2024-13-01",
      "yesterday",
      "",
      Number.NaN,
      null,
      {},
    ]) {
      expect(parseDateValue(bad)).toBeUndefined();
    }
    expect(parseDateValue(new Date("nope"))).toBeUndefined();
    expect(parseDateValue("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
  });

  it("round-trips every calendar day through isoDate", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const time = day * 86_400_000;
        expect(parseDateValue(isoDate(time))).toBe(time);
      }),
    );
  });
});

describe("durations", () => {
  it("measure days and unit lengths", () => {
    expect(daysBetween(Date.UTC(2024, 0, 1), Date.UTC(2024, 2, 1))).toBe(60);
    expect(DAYS_PER_UNIT.week).toBe(7);
    expect(DAYS_PER_UNIT.year).toBeCloseTo(365.2425, 10);
    expect(DAYS_PER_UNIT.month * 12).toBeCloseTo(DAYS_PER_UNIT.year, 10);
  });
});

describe("the char-code path for common ISO shapes", () => {
  it("agrees with the regular-expression path on valid and invalid dates and times", () => {
    const two = (n: number) => String(n).padStart(2, "0");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom("date", "seconds", "millis", "space", "offset", "padded"),
        (year, month, day, hour, minute, second, millis, shape) => {
          const date = `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}`;
          const time = `${two(hour)}:${two(minute)}:${two(second)}`;
          const text = {
            date,
            seconds: `${date}T${time}Z`,
            millis: `${date}T${time}.${String(millis).padStart(3, "0")}Z`,
            space: `${date} ${time}Z`,
            offset: `${date}T${time}+01:00`,
            padded: ` ${date} `,
          }[shape];
          expect(parseDateValue(text)).toBe(parseIsoPattern(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads toISOString output to the millisecond, and refuses a 31st of April and 25:00", () => {
    const time = Date.UTC(2025, 6, 14, 23, 59, 58, 570);
    expect(parseDateValue(new Date(time).toISOString())).toBe(time);
    expect(parseDateValue("2025-04-31")).toBeUndefined();
    expect(parseDateValue("2025-04-30T25:00:00Z")).toBeUndefined();
    expect(parseDateValue("2000-02-29T00:00:00.000Z")).toBe(Date.UTC(2000, 1, 29));
    expect(parseDateValue("1900-02-29")).toBeUndefined();
  });
});
