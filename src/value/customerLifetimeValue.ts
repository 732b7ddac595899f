import { InvalidOptionsError, InvalidRecordError, withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, numeric, required } from "../core/internal/optionRules.js";
import { repeatPurchaseFieldsShape } from "./internal/lifetimeFit.js";
import { readRepeatColumns } from "./internal/repeatColumns.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "./repeatPurchaseInput.js";
import type { RepeatPurchaseSummaryResult } from "./repeatPurchaseSummary.js";

/**
 * What {@link customerLifetimeValue} needs from a transaction model ({@link fitBgNbd} or `fitParetoNbd` results qualify).
 *
 * @example
 * ```ts
 * const steady = { probabilityAlive: () => 1, conditionalExpectedPurchases: (t: number) => 2 * t }; // 2 purchases per time unit
 * customerLifetimeValue([{ frequency: 3, recency: 5, T: 6, monetaryValue: 10 }], { transactionModel: steady, periods: 3, periodLength: 1, discountRate: 0.1 })
 *   .totalLifetimeValue; // => 49.737 (20 / 1.1 + 20 / 1.21 + 20 / 1.331)
 * ```
 */
export interface CustomerLifetimeValueTransactionModel {
  /** P(alive) of a customer with this history. */
  probabilityAlive(frequency: number, recency: number, T: number): number;
  /** Expected purchases in the next `t` time units of a customer with this history. */
  conditionalExpectedPurchases(t: number, frequency: number, recency: number, T: number): number;
}

/**
 * What {@link customerLifetimeValue} needs from a spend model (`fitGammaGamma` results qualify).
 *
 * @example
 * ```ts
 * const steady = { probabilityAlive: () => 1, conditionalExpectedPurchases: (t: number) => 2 * t }; // 2 purchases per time unit
 * const spendModel = { conditionalExpectedAverageProfit: (x: number, m: number) => m + 1 };
 * customerLifetimeValue([{ frequency: 3, recency: 5, T: 6, monetaryValue: 10 }], {
 *   transactionModel: steady, spendModel, periods: 2, periodLength: 0.5, discountRate: 0, margin: 0.3,
 * }).customers[0].lifetimeValue; // => 6.6 (2 purchases x 11 x 0.3)
 * ```
 */
export interface CustomerLifetimeValueSpendModel {
  /** Expected average value of a customer's future purchases. */
  conditionalExpectedAverageProfit(frequency: number, monetaryValue: number): number;
}

/**
 * Options of {@link customerLifetimeValue}.
 *
 * @example
 * ```ts
 * const steady = { probabilityAlive: () => 1, conditionalExpectedPurchases: (t: number) => 2 * t }; // 2 purchases per time unit
 * const options = { transactionModel: steady, periods: 3, periodLength: 1, discountRate: 0.1 };
 * customerLifetimeValue([{ frequency: 3, recency: 5, T: 6, monetaryValue: 10 }], options).options;
 * // => { periods: 3, periodLength: 1, discountRate: 0.1, margin: 1, spendModel: false }
 * ```
 */
export interface CustomerLifetimeValueOptions<T> extends RepeatPurchaseFields<T> {
  /** Fitted purchase-count model. */
  readonly transactionModel: CustomerLifetimeValueTransactionModel;
  /**
   * Fitted spend model. Without it each customer's observed `monetaryValue` is used as the
   * value per purchase (customers without repeat purchases then have value 0).
   */
  readonly spendModel?: CustomerLifetimeValueSpendModel;
  /** Number of discounting periods in the horizon. @defaultValue 12 */
  readonly periods?: number;
  /**
   * Length of one period in the summary's time unit, e.g. 30 for months of a daily summary
   * or 4.345 for months of a weekly one. Required.
   */
  readonly periodLength: number;
  /** Discount rate per period (0.01 = 1 % a month for monthly periods). @defaultValue 0.01 */
  readonly discountRate?: number;
  /** Margin applied to the spend (profit = spend × margin). @defaultValue 1 */
  readonly margin?: number;
}

/**
 * One customer's lifetime value.
 *
 * @example
 * ```ts
 * const steady = { probabilityAlive: () => 1, conditionalExpectedPurchases: (t: number) => 2 * t }; // 2 purchases per time unit
 * customerLifetimeValue([{ frequency: 3, recency: 5, T: 6, monetaryValue: 10 }], { transactionModel: steady, periods: 3, periodLength: 1, discountRate: 0.1 })
 *   .customers[0];
 * // => { customer: "0", lifetimeValue: 49.737, expectedPurchases: 6, expectedAverageValue: 10, probabilityAlive: 1 }
 * ```
 */
export interface CustomerLifetimeValueRow {
  /** Customer id from a repeat-purchase summary, or the row index as a string. */
  readonly customer: string;
  /** Discounted value over the horizon: Σ_k ΔE[purchases in period k] × value × margin / (1 + d)^k. */
  readonly lifetimeValue: number;
  /** Undiscounted expected purchases over the whole horizon. */
  readonly expectedPurchases: number;
  /** Expected value per purchase used. */
  readonly expectedAverageValue: number;
  readonly probabilityAlive: number;
}

/**
 * Result of {@link customerLifetimeValue}.
 *
 * @example
 * ```ts
 * const steady = { probabilityAlive: () => 1, conditionalExpectedPurchases: (t: number) => 2 * t }; // 2 purchases per time unit
 * const customers = [{ frequency: 3, recency: 5, T: 6, monetaryValue: 10 }, { frequency: 1, recency: 2, T: 6, monetaryValue: 5 }];
 * const clv = customerLifetimeValue(customers, { transactionModel: steady, periods: 2, periodLength: 1, discountRate: 0 });
 * clv.lifetimeValue; // => Float64Array [40, 20] (4 purchases of 10 and of 5)
 * clv.totalLifetimeValue; // => 60
 * ```
 */
export interface CustomerLifetimeValueResult {
  readonly customers: readonly CustomerLifetimeValueRow[];
  /** `lifetimeValue` as a column, in the order of `customers`. */
  readonly lifetimeValue: Float64Array;
  /** Sum of all customers' lifetime values. */
  readonly totalLifetimeValue: number;
  readonly options: {
    readonly periods: number;
    readonly periodLength: number;
    readonly discountRate: number;
    readonly margin: number;
    readonly spendModel: boolean;
  };
}

const positive = numeric({ gt: 0 });
/** Option rules of {@link customerLifetimeValue} (exported for value's option-rule test; not in the module index). */
export const customerLifetimeValueShape = {
  ...repeatPurchaseFieldsShape,
  transactionModel: required(
    custom<CustomerLifetimeValueTransactionModel>("a fitted transaction model", (m) =>
      typeof m === "object" &&
      m !== null &&
      typeof (m as CustomerLifetimeValueTransactionModel).conditionalExpectedPurchases === "function" &&
      typeof (m as CustomerLifetimeValueTransactionModel).probabilityAlive === "function"
        ? undefined
        : "expected a fitted transaction model such as the result of fitBgNbd or fitParetoNbd",
    ),
  ),
  spendModel: custom<CustomerLifetimeValueSpendModel>("a fitted spend model", (m) =>
    typeof m === "object" &&
    m !== null &&
    typeof (m as CustomerLifetimeValueSpendModel).conditionalExpectedAverageProfit === "function"
      ? undefined
      : "expected a fitted spend model such as the result of fitGammaGamma",
  ),
  periods: numeric({ whole: true, gte: 1 }),
  periodLength: required(positive),
  discountRate: numeric({ gte: 0 }),
  margin: positive,
};

/**
 * Discounted customer lifetime value in a non-contractual setting: the expected purchases
 * of each future period (from a BG/NBD or Pareto/NBD model, given the customer's history),
 * times the expected value per purchase (Gamma-Gamma, given the customer's repeat spend),
 * times the margin, discounted per period:
 *
 *   CLV = Σ_{k=1..K} [E[Y(k·L)] − E[Y((k−1)·L)]] × value × margin / (1 + d)^k
 *
 * This is the discrete approximation used by lifetimes' `customer_lifetime_value`
 * (periods of length L, discount at period ends); it converges to the continuous DERT as L → 0.
 *
 * Complexity: O(n · K) model evaluations.
 *
 * @param summary - the customers' repeat-purchase summary (or records with frequency, recency, T, monetaryValue)
 * @param options - models, horizon (`periods` × `periodLength`), discount rate, margin
 * @throws InvalidOptionsError for missing models, a non-positive periodLength, or a model that returns a
 *   non-finite expectation or a negative or non-finite value per purchase (the row is named)
 * @throws InvalidRecordError for malformed histories or a negative monetary value
 * @see Fader, Hardie & Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4).
 * @example
 * ```ts
 * // the generated store summarised in weeks; 12 monthly periods of 4.345 weeks, 1% a month
 * const summary = repeatPurchaseSummary(store.orderLines, {
 *   customer: "customerId", date: "date", amount: "amount", asOf: store.planted.end, timeUnit: "week",
 * });
 * const bgNbd = fitBgNbd(summary);
 * const spend = fitGammaGamma(summary);
 * const clv = customerLifetimeValue(summary, { transactionModel: bgNbd, spendModel: spend, periods: 12, periodLength: 4.345 });
 * clv.customers[0];
 * // => { customer: "C00108", lifetimeValue: 9.04, expectedPurchases: 0.891, expectedAverageValue: 10.81, probabilityAlive: 0.397 }
 * ```
 */
export function customerLifetimeValue<T>(
  summary: RepeatPurchaseInput<T>,
  options: CustomerLifetimeValueOptions<T>,
): CustomerLifetimeValueResult {
  const functionName = "customerLifetimeValue";
  const parsed = withDefaults(checkOptions(functionName, customerLifetimeValueShape, options), {
    periods: 12,
    discountRate: 0.01,
    margin: 1,
  });
  const columns = readRepeatColumns(functionName, summary, options, true);
  const ids = isSummaryResult(summary) ? summary.customers.map((c) => c.customer) : undefined;
  const { transactionModel, spendModel, periods, periodLength, discountRate, margin } = parsed;
  const n = columns.frequency.length;
  const monetary = columns.monetaryValue as Float64Array;
  const lifetimeValue = new Float64Array(n);
  const customers: CustomerLifetimeValueRow[] = new Array(n);
  const discount = new Float64Array(periods + 1);
  for (let k = 1; k <= periods; k++) discount[k] = (1 + discountRate) ** -k;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = columns.frequency[i] as number;
    const tx = columns.recency[i] as number;
    const age = columns.T[i] as number;
    const m = monetary[i] as number;
    if (!(m >= 0)) {
      throw new InvalidRecordError(
        functionName,
        i,
        "monetaryValue",
        m,
        "expected a non-negative mean purchase value",
      );
    }
    const value = spendModel === undefined ? m : spendModel.conditionalExpectedAverageProfit(x, m);
    if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
      throw new InvalidOptionsError(functionName, [
        {
          path: "spendModel",
          message: `the spend model returned ${value} for row ${i} (frequency ${x}, monetaryValue ${m}); expected a finite, non-negative value per purchase; check the fitted spend model`,
          received: value,
        },
      ]);
    }
    let previous = 0;
    let clv = 0;
    for (let k = 1; k <= periods; k++) {
      const cumulative = transactionModel.conditionalExpectedPurchases(k * periodLength, x, tx, age);
      clv += (cumulative - previous) * (discount[k] as number);
      previous = cumulative;
    }
    clv *= value * margin;
    if (!Number.isFinite(clv)) {
      throw new InvalidOptionsError(functionName, [
        {
          path: "transactionModel",
          message: `the model returned a non-finite expectation for row ${i} (frequency ${x}, recency ${tx}, T ${age}); check the fitted parameters`,
        },
      ]);
    }
    lifetimeValue[i] = clv;
    total += clv;
    customers[i] = {
      customer: ids?.[i] ?? String(i),
      lifetimeValue: clv,
      expectedPurchases: previous,
      expectedAverageValue: value,
      probabilityAlive: transactionModel.probabilityAlive(x, tx, age),
    };
  }
  const result: CustomerLifetimeValueResult = {
    customers,
    lifetimeValue,
    totalLifetimeValue: total,
    options: { periods, periodLength, discountRate, margin, spendModel: spendModel !== undefined },
  };
  return withDisplay(result, {
    title: "Customer lifetime value",
    summary: (r) => [
      `${r.customers.length} customers, horizon ${r.options.periods} periods of ${r.options.periodLength}, discount ${r.options.discountRate} per period; total ${r.totalLifetimeValue.toFixed(2)}`,
    ],
    rows: (r) => r.customers,
  });
}

function isSummaryResult(input: unknown): input is RepeatPurchaseSummaryResult {
  return typeof input === "object" && input !== null && !Array.isArray(input) && "customers" in input;
}
