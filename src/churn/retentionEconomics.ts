import { type InvalidOptionsError, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, numeric, required } from "../core/internal/optionRules.js";
import { freeze } from "./internal/freeze.js";

const FUNCTION_NAME = "retentionEconomics";

/** Options of {@link retentionEconomics}. All rates are per period (e.g. per year). */
export interface RetentionEconomicsOptions {
  /** Active customers at the start of the period. */
  readonly customers: number;
  /** Share of customers lost per period, c in (0, 1). */
  readonly churnRate: number;
  /** Contribution margin per active customer per period, m (currency). */
  readonly margin: number;
  /** Cost of winning one new customer (currency). */
  readonly acquisitionCost: number;
  /** Cost of keeping one customer who would otherwise have left (currency), e.g. the cost of a successful save offer. */
  readonly retentionCost: number;
  /** Discount rate per period, d ≥ 0. @defaultValue 0.1 */
  readonly discountRate?: number;
  /** Lower the churn rate by this many points (0.05 = 5 points); must stay below `churnRate`. @defaultValue 0.05 */
  readonly churnReduction?: number;
}

/** Lifetime figures at one churn rate. */
export interface RetentionEconomicsScenario {
  readonly churnRate: number;
  /** r = 1 − c. */
  readonly retentionRate: number;
  /** Expected lifetime in periods, 1 / c. */
  readonly expectedLifetimePeriods: number;
  /** Undiscounted lifetime margin, m / c. */
  readonly lifetimeMargin: number;
  /** Discounted customer lifetime value, m · r / (1 + d − r). */
  readonly lifetimeValue: number;
  /** customers × lifetimeValue. */
  readonly customerBaseValue: number;
}

/** Result of {@link retentionEconomics}. */
export interface RetentionEconomicsResult {
  readonly current: RetentionEconomicsScenario;
  /** The same base with churn lowered by `churnReduction` points. */
  readonly improved: RetentionEconomicsScenario;
  /** improved.lifetimeValue − current.lifetimeValue. */
  readonly valueGainPerCustomer: number;
  /** customers × valueGainPerCustomer. */
  readonly valueGainTotal: number;
  /** improved.lifetimeValue / current.lifetimeValue − 1: the profit effect of the retention gain. */
  readonly lifetimeValueIncrease: number;
  /** acquisitionCost / retentionCost (the source material puts it at 5-10). */
  readonly acquisitionToRetentionCostRatio: number;
  /** Whether the ratio lies in the 5-10 range of the source material. */
  readonly ratioWithinTypicalRange: boolean;
  /** customers × churnReduction: customers kept per period by the improvement. */
  readonly customersRetainedPerPeriod: number;
  /** customersRetainedPerPeriod × retentionCost. */
  readonly retentionSpendPerPeriod: number;
  /** customersRetainedPerPeriod × acquisitionCost: what replacing them with new customers would cost. */
  readonly replacementCostAvoidedPerPeriod: number;
  /** replacementCostAvoidedPerPeriod − retentionSpendPerPeriod. */
  readonly savingPerPeriod: number;
  /** customers × churnRate × acquisitionCost: cost per period of replacing every churner to keep the base size. */
  readonly replacementCostOfChurnPerPeriod: number;
  readonly options: Required<RetentionEconomicsOptions>;
}

/** A finite number >= 0, in zod's words for one below 0. */
const nonNegative = /* @__PURE__ */ numeric({ gte: 0 });

/** A finite number > 0: "must be greater than 0". */
const ABOVE_0 = { gt: 0, messages: { gt: "must be greater than 0" } };

/** A finite number in (0, 1): "must be greater than 0"; at or above 1 "must be less than 1". */
const RATE = { gt: 0, lt: 1, messages: { gt: "must be greater than 0", lt: "must be less than 1" } };

/** The option rules of retentionEconomics (core's checkOptions: no zod in the bundle; numbers are finite). */
export const retentionEconomicsShape = {
  customers: /* @__PURE__ */ required(nonNegative),
  churnRate: /* @__PURE__ */ required(/* @__PURE__ */ numeric(RATE)),
  margin: /* @__PURE__ */ required(/* @__PURE__ */ numeric({})),
  acquisitionCost: /* @__PURE__ */ required(nonNegative),
  retentionCost: /* @__PURE__ */ required(/* @__PURE__ */ numeric(ABOVE_0)),
  discountRate: nonNegative,
  churnReduction: /* @__PURE__ */ numeric({ ...ABOVE_0, lt: 1 }),
};

/**
 * A retention-economics calculator from your own churn, margin and cost figures.
 *
 * Formulas, per period, with churn c, retention r = 1 − c, margin m, discount rate d:
 * - expected customer lifetime = 1 / c periods (geometric survival);
 * - undiscounted lifetime margin = m / c;
 * - discounted lifetime value CLV = Σ_{t≥1} m rᵗ / (1 + d)ᵗ = m · r / (1 + d − r) (margin earned at the
 *   end of each period the customer survives; Gupta & Lehmann 2003);
 * - the same at c − Δ (`churnReduction`), the value gain per customer and over the base, and the profit
 *   effect CLV(c − Δ) / CLV(c) − 1;
 * - cost ratio acquisitionCost / retentionCost: the source material says winning a customer costs
 *   5-10x keeping one; customers kept per period = customers · Δ, what keeping them costs
 *   (× retentionCost) against replacing them (× acquisitionCost).
 *
 * Reichheld & Sasser (1990) reported that 5 points more retention raised profits by 25% to 85% across
 * industries; with c = 0.1, d = 0.1 the formula gives +41% (CLV 4.5m → 6.33m), undiscounted lifetime
 * margin doubles (10m → 20m).
 *
 * Reference: Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing 17(1);
 * Reichheld & Sasser (1990), "Zero defections: quality comes to services", Harvard Business Review 68(5).
 *
 * @param options - see {@link RetentionEconomicsOptions}
 * @throws {@link InvalidOptionsError} for an unknown option, rates outside their ranges, negative counts or costs, or a
 *   churnReduction not below churnRate
 * @example
 * ```ts
 * const economics = retentionEconomics({
 *   customers: 10_000, churnRate: 0.2, margin: 100, acquisitionCost: 300, retentionCost: 50,
 * });
 * economics.current.lifetimeValue;          // => 266.67 (100 · 0.8 / 0.3)
 * economics.improved.lifetimeValue;         // => 340 (100 · 0.85 / 0.25)
 * economics.lifetimeValueIncrease;          // => 0.275
 * economics.acquisitionToRetentionCostRatio; // => 6
 * ```
 */
export function retentionEconomics(options: RetentionEconomicsOptions): RetentionEconomicsResult {
  const parsed = withDefaults(checkOptions(FUNCTION_NAME, retentionEconomicsShape, options), {
    discountRate: 0.1,
    churnReduction: 0.05,
  });
  const { customers, churnRate, margin, acquisitionCost, retentionCost, discountRate, churnReduction } =
    parsed;
  if (churnReduction >= churnRate) {
    throw argumentError(
      FUNCTION_NAME,
      "churnReduction",
      `must be below churnRate (${churnRate}); a churn rate of 0 means an infinite lifetime`,
      churnReduction,
    );
  }
  const scenario = (c: number): RetentionEconomicsScenario => {
    const r = 1 - c;
    const lifetimeValue = (margin * r) / (1 + discountRate - r);
    return freeze({
      churnRate: c,
      retentionRate: r,
      expectedLifetimePeriods: 1 / c,
      lifetimeMargin: margin / c,
      lifetimeValue,
      customerBaseValue: customers * lifetimeValue,
    });
  };
  const current = scenario(churnRate);
  const improved = scenario(churnRate - churnReduction);
  const valueGainPerCustomer = improved.lifetimeValue - current.lifetimeValue;
  const ratio = acquisitionCost / retentionCost;
  const customersRetainedPerPeriod = customers * churnReduction;
  const retentionSpendPerPeriod = customersRetainedPerPeriod * retentionCost;
  const replacementCostAvoidedPerPeriod = customersRetainedPerPeriod * acquisitionCost;
  const result: RetentionEconomicsResult = {
    current,
    improved,
    valueGainPerCustomer,
    valueGainTotal: customers * valueGainPerCustomer,
    // With m = 0 both values are 0: report no change rather than NaN.
    lifetimeValueIncrease:
      current.lifetimeValue === 0 ? 0 : improved.lifetimeValue / current.lifetimeValue - 1,
    acquisitionToRetentionCostRatio: ratio,
    ratioWithinTypicalRange: ratio >= 5 && ratio <= 10,
    customersRetainedPerPeriod,
    retentionSpendPerPeriod,
    replacementCostAvoidedPerPeriod,
    savingPerPeriod: replacementCostAvoidedPerPeriod - retentionSpendPerPeriod,
    replacementCostOfChurnPerPeriod: customers * churnRate * acquisitionCost,
    options: freeze({
      customers,
      churnRate,
      margin,
      acquisitionCost,
      retentionCost,
      discountRate,
      churnReduction,
    }),
  };
  return withDisplay(result, {
    title: "Retention economics",
    summary: (r) => [
      `Acquiring a customer costs ${r.acquisitionToRetentionCostRatio.toFixed(1)}x keeping one (source material: 5-10x).`,
      `Lowering churn by ${(100 * r.options.churnReduction).toFixed(1)} points raises lifetime value by ${(100 * r.lifetimeValueIncrease).toFixed(1)}%.`,
    ],
    rows: (r) =>
      (
        [
          ["churn rate", "churnRate"],
          ["expected lifetime (periods)", "expectedLifetimePeriods"],
          ["lifetime margin (undiscounted)", "lifetimeMargin"],
          ["lifetime value (discounted)", "lifetimeValue"],
          ["customer base value", "customerBaseValue"],
        ] as const
      ).map(([measure, key]) => ({ measure, current: r.current[key], improved: r.improved[key] })),
  });
}
