import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { retentionEconomics } from "./retentionEconomics.js";

describe("retentionEconomics", () => {
  const base = { customers: 10_000, churnRate: 0.2, margin: 100, acquisitionCost: 300, retentionCost: 50 };

  it("computes lifetime, discounted lifetime value and the effect of 5 points less churn", () => {
    const result = retentionEconomics(base);
    expect(result.current.expectedLifetimePeriods).toBeCloseTo(5, 12);
    expect(result.current.lifetimeMargin).toBeCloseTo(500, 10);
    // m r / (1 + d - r) = 100 * 0.8 / 0.3 and 100 * 0.85 / 0.25
    expect(result.current.lifetimeValue).toBeCloseTo(80 / 0.3, 10);
    expect(result.improved.lifetimeValue).toBeCloseTo(340, 10);
    expect(result.improved.expectedLifetimePeriods).toBeCloseTo(1 / 0.15, 12);
    expect(result.lifetimeValueIncrease).toBeCloseTo(340 / (80 / 0.3) - 1, 12);
    expect(result.valueGainTotal).toBeCloseTo(10_000 * (340 - 80 / 0.3), 6);
    expect(result.acquisitionToRetentionCostRatio).toBe(6);
    expect(result.ratioWithinTypicalRange).toBe(true);
    expect(result.customersRetainedPerPeriod).toBeCloseTo(500, 10);
    expect(result.savingPerPeriod).toBeCloseTo(500 * (300 - 50), 8);
    expect(result.replacementCostOfChurnPerPeriod).toBeCloseTo(2000 * 300, 8);
  });

  it("matches the discounted sum of survival-weighted margins", () => {
    const result = retentionEconomics({ ...base, discountRate: 0.08, churnRate: 0.3, churnReduction: 0.1 });
    let sum = 0;
    for (let t = 1; t < 2000; t++) sum += (100 * 0.7 ** t) / 1.08 ** t;
    expect(result.current.lifetimeValue).toBeCloseTo(sum, 9);
  });

  it("doubles the undiscounted lifetime margin when churn halves (10% to 5%)", () => {
    const result = retentionEconomics({ ...base, churnRate: 0.1 });
    expect(result.improved.lifetimeMargin / result.current.lifetimeMargin).toBeCloseTo(2, 12);
  });

  it("refuses a churn reduction that reaches zero churn and bad rates", () => {
    expect(() => retentionEconomics({ ...base, churnRate: 0.05 })).toThrow(
      /churnReduction: must be below churnRate/,
    );
    expect(() => retentionEconomics({ ...base, churnRate: 1.2 })).toThrow(InvalidOptionsError);
    expect(() => retentionEconomics({ ...base, retentionCost: 0 })).toThrow(InvalidOptionsError);
  });
});
