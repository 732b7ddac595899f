import {
  type Field,
  isoDate,
  MS_PER_DAY,
  type RecordInput,
  type TimeUnit,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions } from "../core/internal/optionRules.js";
import {
  dayOption,
  OBSERVATION_PERIOD_DEFAULTS,
  observationPeriodShape,
  orderRefusalShape,
  transactionFieldsShape,
  withSummaryPurchases,
} from "./internal/summaryPeriod.js";
import { summaryRows } from "./internal/summaryRows.js";

/**
 * Options of {@link repeatPurchaseSummary}.
 *
 * @example
 * ```ts
 * const transactions = [
 *   { id: "a", day: "1997-01-01", value: 29.33 }, { id: "a", day: "1997-01-18", value: 29.73 },
 *   { id: "a", day: "1997-08-02", value: 14.96 }, { id: "b", day: "1997-03-05", value: 10 },
 * ];
 * const options: RepeatPurchaseSummaryOptions<(typeof transactions)[number]> = {
 *   customer: "id", date: "day", amount: "value", asOf: "1997-09-30", timeUnit: "week",
 * };
 * repeatPurchaseSummary(transactions, options).customers[1].T; // => 29.857 (weeks from 1997-03-05)
 * ```
 */
export interface RepeatPurchaseSummaryOptions<T> {
  /** Customer identifier: a key or an accessor. */
  readonly customer: Field<T>;
  /** Purchase date (Date, ISO string or epoch ms); purchases are grouped by UTC calendar day. */
  readonly date: Field<T>;
  /**
   * Purchase value. Negative values are refunds (see the refund rule on {@link repeatPurchaseSummary}).
   * Without it `monetaryValue` is 0 for everyone.
   */
  readonly amount?: Field<T>;
  /** Last day of the observation (calibration) period, inclusive: Date, ISO date or epoch ms. */
  readonly asOf: Date | string | number;
  /**
   * Unit of `recency` and `T`. Day counts are divided by the unit's length in days
   * (week = 7; month and year use mean Gregorian lengths, see `DAYS_PER_UNIT`).
   * @defaultValue "day"
   */
  readonly timeUnit?: TimeUnit;
  /**
   * What to do with records dated after `asOf`: `"error"` throws
   * `InvalidRecordError` naming the row; `"drop"` leaves them out and counts them in `droppedRecords`.
   * @defaultValue "error"
   */
  readonly afterAsOf?: "error" | "drop";
  /**
   * Not an option: the summary counts purchase periods (distinct UTC days, as the BG/NBD literature
   * counts purchase occasions), so several orders of a customer on one day are one purchase and an order
   * id has no meaning here. Passing `order` throws `InvalidOptionsError` saying so; drop it (`rfmTable`
   * takes `order` to count orders).
   */
  readonly order?: never;
}

/**
 * One customer of a {@link RepeatPurchaseSummaryResult}.
 *
 * @example
 * ```ts
 * const transactions = [
 *   { id: "a", day: "1997-01-01", value: 29.33 }, { id: "a", day: "1997-01-18", value: 29.73 },
 *   { id: "a", day: "1997-08-02", value: 14.96 }, { id: "b", day: "1997-03-05", value: 10 },
 * ];
 * repeatPurchaseSummary(transactions, { customer: "id", date: "day", asOf: "1997-09-30", timeUnit: "week" }).customers[1];
 * // => { customer: "b", frequency: 0, recency: 0, T: 29.857, monetaryValue: 0, firstPurchase: "1997-03-05" }
 * ```
 */
export interface RepeatPurchaseSummaryRow {
  readonly customer: string;
  /** Number of repeat purchases: distinct purchase days minus one. */
  readonly frequency: number;
  /** Time from the first to the last purchase day, in `timeUnit`s. */
  readonly recency: number;
  /** Age: time from the first purchase day to `asOf`, in `timeUnit`s. */
  readonly T: number;
  /** Mean net value of the repeat purchase days (first purchase excluded); 0 when `frequency` is 0. */
  readonly monetaryValue: number;
  /** First purchase day (ISO date). */
  readonly firstPurchase: string;
}

/**
 * Result of {@link repeatPurchaseSummary}: rows plus the same data as typed columns for the model fitters.
 *
 * @example
 * ```ts
 * const transactions = [
 *   { id: "a", day: "1997-01-01", value: 29.33 }, { id: "a", day: "1997-01-18", value: 29.73 },
 *   { id: "a", day: "1997-08-02", value: 14.96 }, { id: "b", day: "1997-03-05", value: 10 },
 * ];
 * const summary = repeatPurchaseSummary(transactions, { customer: "id", date: "day", asOf: "1997-09-30" });
 * summary.frequency; // => Float64Array [2, 0]
 * summary.options; // => { asOf: "1997-09-30", timeUnit: "day", afterAsOf: "error" }
 * ```
 */
export interface RepeatPurchaseSummaryResult {
  readonly customers: readonly RepeatPurchaseSummaryRow[];
  /** Columns in the order of `customers`. */
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryValue: Float64Array;
  /** Records left out because they were dated after `asOf` (with `afterAsOf: "drop"`). */
  readonly droppedRecords: number;
  /** Customers whose every purchase was fully refunded (left out). */
  readonly customersWithoutPurchases: number;
  readonly options: {
    readonly asOf: string;
    readonly timeUnit: TimeUnit;
    readonly afterAsOf: "error" | "drop";
  };
}

/** Option rules of {@link repeatPurchaseSummary} (exported for value's option-rule test; not in the module index). */
export const repeatPurchaseSummaryShape = {
  ...transactionFieldsShape,
  ...observationPeriodShape,
  ...orderRefusalShape("repeatPurchaseSummary"),
};

/**
 * Summarises transactions into the repeat-buying statistics of the
 * non-contractual lifetime-value models (BG/NBD, Pareto/NBD, Gamma-Gamma), with
 * the conventions of Python's lifetimes (`summary_data_from_transaction_data`):
 *
 * - purchases are counted per UTC calendar day: `frequency` = distinct purchase days − 1;
 * - `recency` = last − first purchase day, `T` = `asOf` − first purchase day, in `timeUnit`s
 *   (CDNOW convention: `timeUnit: "week"`, i.e. days / 7);
 * - `monetaryValue` = mean value of the repeat purchase days (the first purchase is excluded), 0 without repeats.
 *
 * Refunds: a record with a negative amount is netted into the customer's latest
 * purchase day on or before it; a purchase day whose net value a refund brings to
 * zero or below is dropped as fully refunded (a zero-amount purchase without refunds
 * still counts). A refund dated before any purchase of its customer is an error.
 * Customers left with no purchase day are omitted and counted in `customersWithoutPurchases`.
 *
 * Orders: the models count purchase occasions per period, so the summary counts purchase days and takes no
 * `order` field (two orders of a customer on one day are one purchase); passing `order` is an error that
 * says so. Use `rfmTable` with `order` to count orders.
 *
 * Complexity: O(n log n) in the worst case (records sorted per customer).
 *
 * @param records - transaction records (order lines or orders); not modified
 * @param options - fields, observation end, time unit
 * @returns per-customer rows and typed columns, ready for {@link fitBgNbd}, `fitParetoNbd`, `fitGammaGamma`
 * @throws InvalidOptionsError when an option is malformed or `order` is given
 * @throws InvalidRecordError for a missing or unparsable customer/date/amount, a date after `asOf`
 *   (unless dropped) or a refund before any purchase
 * @see Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), 275–284.
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(
 *   [
 *     { id: "a", day: "1997-01-01", value: 29.33 },
 *     { id: "a", day: "1997-01-18", value: 29.73 },
 *     { id: "a", day: "1997-08-02", value: 14.96 },
 *   ],
 *   { customer: "id", date: "day", amount: "value", asOf: "1997-09-30", timeUnit: "week" },
 * );
 * summary.customers[0];
 * // => { customer: "a", frequency: 2, recency: 30.428..., T: 38.857..., monetaryValue: 22.345, firstPurchase: "1997-01-01" }
 * ```
 */
export function repeatPurchaseSummary<T>(
  records: RecordInput<T>,
  options: RepeatPurchaseSummaryOptions<T>,
): RepeatPurchaseSummaryResult {
  const functionName = "repeatPurchaseSummary";
  const parsed = withDefaults(
    checkOptions(functionName, repeatPurchaseSummaryShape, options),
    OBSERVATION_PERIOD_DEFAULTS,
  );
  const endDay = dayOption(functionName, "asOf", parsed.asOf);
  return withSummaryPurchases(functionName, records, options, parsed, endDay, (purchases) => {
    const { labels, offsets, days, values, timeUnit, unitDays } = purchases;
    let kept = 0;
    for (let c = 0; c < labels.length; c++) if ((offsets[c + 1] as number) > (offsets[c] as number)) kept++;
    const summary = summaryRows(kept, endDay, unitDays);
    for (let c = 0; c < labels.length; c++) {
      const from = offsets[c] as number;
      const to = offsets[c + 1] as number;
      if (to === from) continue;
      let repeatValue = 0;
      for (let j = from + 1; j < to; j++) repeatValue += values[j] as number;
      summary.add(
        labels[c] as string,
        days[from] as number,
        days[to - 1] as number,
        to - from,
        repeatValue / (to - from - 1),
      );
    }
    const result: RepeatPurchaseSummaryResult = {
      ...summary.columns,
      droppedRecords: purchases.droppedRecords,
      customersWithoutPurchases: labels.length - kept,
      options: {
        asOf: isoDate(endDay * MS_PER_DAY),
        timeUnit,
        afterAsOf: parsed.afterAsOf,
      },
    };
    return displayRepeatPurchaseSummary(result);
  });
}

/**
 * Attaches the REPL display of {@link repeatPurchaseSummary} to a result (and freezes it). Shared with the
 * DuckDB twin (`clientele/duckdb`), so both print the same.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary([{ id: "a", day: "2024-01-01" }], { customer: "id", date: "day", asOf: "2024-01-31" });
 * const shown = displayRepeatPurchaseSummary({ ...summary }); // prints "Repeat-purchase summary" and one row per customer in a REPL
 * Object.isFrozen(shown); // => true
 * shown.customers[0].T; // => 30
 * ```
 */
export function displayRepeatPurchaseSummary(
  result: RepeatPurchaseSummaryResult,
): Readonly<RepeatPurchaseSummaryResult> {
  return withDisplay(result, {
    title: "Repeat-purchase summary",
    summary: (r) => [
      `${r.customers.length} customers as of ${r.options.asOf}, times in ${r.options.timeUnit}s` +
        (r.droppedRecords > 0 ? `, ${r.droppedRecords} later records dropped` : ""),
    ],
    rows: (r) => r.customers,
  });
}
