import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { valueTiers } from "./valueTiers.js";

const customers = Object.freeze(
  [
    { id: "p1", profit: 900, revenue: 5000, logins: 5, history: [850, 880, 900, 920] }, // premium
    { id: "p2", profit: 800, revenue: 4000, logins: 2, history: [790, 800, 810, 800] }, // premium
    { id: "k1", profit: 150, revenue: 9000, logins: 3, history: [150, 140, 160, 150] }, // key: high revenue, low margin
    { id: "r1", profit: -50, revenue: 2000, logins: 1, history: [-40, -50, -60, -50] }, // restricted: loss-making
    { id: "r2", profit: 200, revenue: 1500, logins: 4, history: [600, 450, 300, 200] }, // restricted: declining
    { id: "n1", profit: 10, revenue: 100, logins: 40, history: [5, 8, 9, 10] }, // potential
    { id: "o1", profit: 100, revenue: 900, logins: 2, history: [100, 100, 100, 100] },
    { id: "o2", profit: 90, revenue: 800, logins: 1, history: [90, 95, 85, 90] },
    { id: "o3", profit: 60, revenue: 700, logins: 2, history: [60, 60, 60, 60] },
    { id: "o4", profit: 40, revenue: 500, logins: 1, history: [40, 40, 40, 40] },
  ].map((record) => Object.freeze(record)),
);
const options = {
  customer: "id",
  contribution: "profit",
  revenue: "revenue",
  engagement: "logins",
  contributionHistory: "history",
} as const;

describe("valueTiers", () => {
  it("puts each customer in one of the five tiers with the rule that decided it", () => {
    const result = valueTiers(customers, options);
    expect(result.customers.map((row) => `${row.customer}:${row.tier}`)).toEqual([
      "p1:premium",
      "p2:premium",
      "k1:key",
      "r1:restricted",
      "r2:restricted",
      "n1:potential",
      "o1:ordinary",
      "o2:ordinary",
      "o3:ordinary",
      "o4:ordinary",
    ]);
    expect(result.customers[3]?.reason).toBe("loss-making: contribution -50 < 0");
    expect(result.customers[4]?.reason).toMatch(
      /^declining: contribution trend -35% per period \(limit -10%\)$/,
    );
    expect(result.customers[0]?.reason).toMatch(/^premium: contribution 900 ≥ 80th percentile/);
    expect(result.customers[5]?.reason).toMatch(
      /^potential: contribution 10 < 50th percentile .* but engagement 40/,
    );
  });

  it("documents its thresholds as type-7 quantiles and summarises the tiers", () => {
    const result = valueTiers(customers, options);
    // profits sorted: -50 10 40 60 90 100 150 200 800 900; h = 9 * 0.8 = 7.2 -> 200 + 0.2 * 600 = 320
    expect(result.thresholds.premiumContribution).toBeCloseTo(320, 12);
    expect(result.thresholds.meanContribution).toBe(230);
    const ordinary = result.tiers.find((t) => t.tier === "ordinary");
    expect(ordinary).toMatchObject({ customers: 4, share: 0.4 });
    expect(result.tiers.reduce((sum, t) => sum + t.customers, 0)).toBe(10);
  });

  it("sends a high but unstable contributor with high revenue to key, saying why", () => {
    const volatile = [
      ...customers,
      { id: "v", profit: 950, revenue: 9500, logins: 1, history: [100, 1800, 200, 950] },
    ];
    const row = valueTiers(volatile, options).customers.at(-1);
    expect(row?.tier).toBe("key");
    expect(row?.reason).toMatch(/high but unstable/);
  });

  it("works without revenue, history or engagement (no key or potential tier then)", () => {
    const result = valueTiers(customers, { contribution: "profit" });
    expect(result.customers.some((row) => row.tier === "key" || row.tier === "potential")).toBe(false);
    expect(result.customers[3]?.tier).toBe("restricted");
  });

  it("refuses a malformed history with the row, and empty input", () => {
    const bad = [{ profit: 1, history: [1, "x"] }];
    expect(() => valueTiers(bad, { contribution: "profit", contributionHistory: "history" })).toThrow(
      InvalidRecordError,
    );
    expect(() => valueTiers([], { contribution: "profit" })).toThrow(InsufficientDataError);
  });
});

describe("valueTiers input checks (issue 12)", () => {
  it("refuses a non-array with InvalidOptionsError and a null row with InvalidRecordError naming it", () => {
    expect(() => valueTiers(null as unknown as [], { contribution: "profit" })).toThrow(InvalidOptionsError);
    const withNull = [...customers, null] as unknown as typeof customers;
    expect(() => valueTiers(withNull, { contribution: "profit", contributionHistory: "history" })).toThrow(
      InvalidRecordError,
    );
    expect(() => valueTiers(withNull, { contribution: "profit" })).toThrow(
      new RegExp(`row ${customers.length}`),
    );
  });
});
