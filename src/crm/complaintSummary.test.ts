import { describe, expect, it } from "vitest";
import { optionsError } from "../../test/unknownOptions.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { complaintSummary } from "./complaintSummary.js";

const hours = (iso: string, h: number | null) =>
  h === null ? null : new Date(Date.parse(iso) + h * 3_600_000).toISOString();

const row = (
  customerId: string,
  category: string | null,
  severity: string,
  openedAt: string,
  responseHours: number | null,
  resolveHours: number | null,
  contacts: number | null,
  reopened: boolean,
) => ({
  customerId,
  category,
  severity,
  openedAt,
  firstResponseAt: hours(openedAt, responseHours),
  resolvedAt: hours(openedAt, resolveHours),
  contacts,
  reopened,
});

// Six complaints; every expected number below is worked out by hand in the comments.
const log = Object.freeze(
  [
    row("a", "service attitude", "low", "2024-01-01T00:00:00Z", 1, 2, 1, false),
    row("a", "product and accessories", "medium", "2024-01-05T00:00:00Z", 3, 10, 2, false),
    row("b", "incident", "critical", "2024-01-20T00:00:00Z", 0.5, 30, 1, true),
    row("c", "Billing", "high", "2024-02-03T00:00:00Z", 2, null, null, false),
    row("a", "service quality", "low", "2024-02-10T00:00:00Z", null, null, null, false),
    row("d", null, "medium", "2024-02-15T00:00:00Z", 5, 6, 1, false),
  ].map((r) => Object.freeze(r)),
);

describe("complaintSummary on a hand-checked log", () => {
  const summary = complaintSummary(log);

  it("counts categories and keeps unknown ones as 'other' with their raw values", () => {
    expect(summary.byCategory.map((r) => [r.category, r.complaints])).toEqual([
      ["product and accessories", 1],
      ["service attitude", 1],
      ["service quality", 1],
      ["incident", 1],
      ["other", 2],
    ]);
    expect(summary.otherCategories).toEqual([
      { category: "Billing", complaints: 1 },
      { category: "(missing)", complaints: 1 },
    ]);
    // other: only row 5 resolved, after 6 h, at the first contact
    expect(summary.byCategory[4]).toMatchObject({
      share: 2 / 6,
      medianResolution: 6,
      firstContactResolutionRate: 1,
    });
  });

  it("gives median and p90 (R type 7) of response and resolution times", () => {
    // responses [0.5, 1, 2, 3, 5] h, one pending: median 2; p90 h = 4 x 0.9 = 3.6 -> 3 + 0.6 x 2 = 4.2
    // (R: quantile(c(0.5, 1, 2, 3, 5), 0.9) = 4.2); mean 11.5 / 5 = 2.3
    expect(summary.firstResponse).toEqual({
      median: 2,
      p90: expect.closeTo(4.2, 12),
      mean: 2.3,
      count: 5,
      pending: 1,
    });
    // resolutions [2, 6, 10, 30] h, two open: median (6 + 10) / 2 = 8; p90 h = 2.7 -> 10 + 0.7 x 20 = 24
    expect(summary.resolution.median).toBe(8);
    expect(summary.resolution.p90).toBeCloseTo(24, 12);
    expect(summary.resolution.pending).toBe(2);
  });

  it("computes first-contact resolution and reopen rates", () => {
    // resolved with known contacts: rows 0 (1 contact), 1 (2), 2 (1 but reopened), 5 (1) -> 2 / 4
    expect(summary.firstContactResolution).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    // resolved at least once: rows 0, 1, 2, 5; reopened: row 2 -> 1 / 4
    expect(summary.reopen).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it("finds repeat complainers", () => {
    // a: 3 complaints; b, c, d: 1 each -> 1 of 4 customers, 3 of 6 complaints
    expect(summary.complainingCustomers).toBe(4);
    expect(summary.repeatComplainers).toEqual({
      customers: 1,
      share: 0.25,
      complaintShare: 0.5,
      top: [{ customerId: "a", complaints: 3 }],
    });
  });

  it("splits severities and the monthly trend", () => {
    expect(summary.bySeverity.map((r) => [r.severity, r.complaints, r.medianResolution])).toEqual([
      ["low", 2, 2],
      ["medium", 2, 8],
      ["high", 1, null],
      ["critical", 1, 30],
    ]);
    // January: rows 0-2 all resolved [2, 10, 30] -> median 10; FCR 1/3; reopen 1/3
    // February: rows 3-5, only row 5 resolved (6 h, 1 contact) -> FCR 1, reopen 0
    expect(summary.trend).toEqual([
      {
        period: "2024-01",
        complaints: 3,
        resolved: 3,
        medianResolution: 10,
        firstContactResolutionRate: 1 / 3,
        reopenRate: 1 / 3,
      },
      {
        period: "2024-02",
        complaints: 3,
        resolved: 1,
        medianResolution: 6,
        firstContactResolutionRate: 1,
        reopenRate: 0,
      },
    ]);
  });

  it("reports times in days and quarters on request, and extends categories", () => {
    const other = complaintSummary(log, {
      timeUnit: "day",
      period: "quarter",
      categories: ["billing", "incident"],
    });
    expect(other.resolution.median).toBeCloseTo(8 / 24, 12);
    expect(other.trend.map((t) => [t.period, t.complaints])).toEqual([["2024-Q1", 6]]);
    expect(other.byCategory.map((r) => [r.category, r.complaints])).toEqual([
      ["billing", 1],
      ["incident", 1],
      ["other", 4],
    ]);
  });

  it("labels ISO weeks by their Monday", () => {
    const weekly = complaintSummary(log.slice(0, 2), { period: "week" });
    // 2024-01-01 is a Monday; 2024-01-05 (Friday) is in the same week
    expect(weekly.trend.map((t) => [t.period, t.complaints])).toEqual([["2024-01-01", 2]]);
  });
});

describe("complaintSummary edge cases and bad input", () => {
  it("gives null rates and durations, never NaN, on an empty log", () => {
    const empty = complaintSummary([]);
    expect(empty.complaints).toBe(0);
    expect(empty.firstContactResolution.value).toBeNull();
    expect(empty.reopen.value).toBeNull();
    expect(empty.resolution.median).toBeNull();
    expect(empty.repeatComplainers?.share).toBeNull();
    expect(empty.trend).toEqual([]);
  });

  it("skips measures whose field is null", () => {
    const s = complaintSummary(log, { contacts: null, customer: null, severity: null });
    expect(s.firstContactResolution.value).toBeNull();
    expect(s.repeatComplainers).toBeNull();
    expect(s.bySeverity).toEqual([]);
  });

  it("names row and field for bad records", () => {
    const broken = (change: Record<string, unknown>) => [log[0], { ...log[1], ...change }];
    expect(() => complaintSummary(broken({ openedAt: "yesterday" }))).toThrowError(/row 1, field "openedAt"/);
    expect(() => complaintSummary(broken({ severity: "urgent" }))).toThrowError(InvalidRecordError);
    expect(() => complaintSummary(broken({ contacts: 0 }))).toThrowError(/row 1, field "contacts"/);
    expect(() => complaintSummary(broken({ reopened: "no" }))).toThrowError(/field "reopened"/);
    expect(() => complaintSummary(broken({ resolvedAt: "2023-12-31T00:00:00Z" }))).toThrowError(
      /resolution is before the complaint was opened/,
    );
  });

  it("refuses invalid options", () => {
    expect(() => complaintSummary(log, { repeatThreshold: 1 })).toThrowError(InvalidOptionsError);
    expect(() => complaintSummary(log, { period: "fortnight" as never })).toThrowError(/period/);
  });
});

describe("complaintSummary input checks", () => {
  const issuesOf = (call: () => unknown) => optionsError(call).issues;

  it("refuses a duplicate severity tier instead of reporting two rows of one tier", () => {
    const issues = issuesOf(() =>
      complaintSummary(log, { severityTiers: ["low", "medium", "high", "Low "] }),
    );
    expect(issues[0]?.path).toBe("severityTiers.3");
    expect(issues[0]?.message).toMatch(/duplicate severity tier "Low "/);
    expect(issuesOf(() => complaintSummary(log, { severityTiers: ["low", "(missing)"] }))[0]?.path).toBe(
      "severityTiers.1",
    );
  });

  it("refuses a duplicate category and one named like the catch-all row", () => {
    expect(issuesOf(() => complaintSummary(log, { categories: ["billing", "Billing"] }))[0]?.message).toMatch(
      /duplicate category "Billing"/,
    );
    expect(issuesOf(() => complaintSummary(log, { categories: ["billing", "other"] }))[0]?.path).toBe(
      "categories.1",
    );
  });

  it("names a misspelt option with the nearest valid name", () => {
    const issues = issuesOf(() => complaintSummary(log, { severityTeirs: ["low"] } as never));
    expect(issues[0]?.path).toBe("severityTeirs");
    expect(issues[0]?.message).toMatch(/did you mean "severityTiers"\?/);
  });

  it("refuses null, undefined and number elements with an InvalidRecordError naming the row", () => {
    for (const bad of [null, undefined, 42]) {
      try {
        complaintSummary([...log, bad] as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(log.length);
        expect((error as InvalidRecordError).field).toBe("(record)");
      }
    }
  });
});
