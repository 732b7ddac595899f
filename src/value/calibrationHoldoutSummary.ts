import {
  InvalidOptionsError,
  isoDate,
  MS_PER_DAY,
  type RecordInput,
  type TimeUnit,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, date, required } from "../core/internal/optionRules.js";
import {
  dayOption,
  OBSERVATION_PERIOD_DEFAULTS,
  observationPeriodShape,
  orderRefusalShape,
  transactionFieldsShape,
  withSummaryPurchases,
} from "./internal/summaryPeriod.js";
import type { RepeatPurchaseSummaryOptions, RepeatPurchaseSummaryRow } from "./repeatPurchaseSummary.js";

/**
 * Options of {@link calibrationHoldoutSummary}: those of {@link repeatPurchaseSummary} (fields, time unit,
 * later records) plus `calibrationEnd`.
 *
 * @example
 * ```ts
 * const transactions = [
 *   { id: "a", day: "1997-01-01", value: 29.33 }, { id: "a", day: "1997-01-18", value: 29.73 },
 *   { id: "a", day: "1997-08-02", value: 14.96 }, { id: "b", day: "1997-03-05", value: 10 },
 * ];
 * calibrationHoldoutSummary(transactions, {
 *   customer: "id", date: "day", amount: "value", calibrationEnd: "1997-03-31", asOf: "1997-09-30", timeUnit: "week",
 * }).holdoutDuration; // => 26.143 (weeks)
 * ```
 */
export interface CalibrationHoldoutSummaryOptions<T> extends RepeatPurchaseSummaryOptions<T> {
  /** Last day of the calibration period (inclusive). */
  readonly calibrationEnd: Date | string | number;
  /** Last day of the holdout period (inclusive), after `calibrationEnd`. */
  readonly asOf: Date | string | number;
}

/**
 * One customer: calibration statistics plus what happened in the holdout period.
 *
 * @example
 * ```ts
 * const transactions = [
 *   { id: "a", day: "1997-01-01", value: 29.33 }, { id: "a", day: "1997-01-18", value: 29.73 },
 *   { id: "a", day: "1997-08-02", value: 14.96 }, { id: "b", day: "1997-03-05", value: 10 },
 * ];
 * calibrationHoldoutSummary(transactions, {
 *   customer: "id", date: "day", amount: "value", calibrationEnd: "1997-03-31", asOf: "1997-09-30", timeUnit: "week",
 * }).customers[0];
 * // => { customer: "a", frequency: 1, recency: 2.429, T: 12.714, monetaryValue: 29.73, firstPurchase: "1997-01-01",
 * //      holdoutFrequency: 1, holdoutMonetaryValue: 14.96 }
 * ```
 */
export interface CalibrationHoldoutSummaryRow extends RepeatPurchaseSummaryRow {
  /** Purchase days in (calibrationEnd, asOf]. */
  readonly holdoutFrequency: number;
  /** Mean net value of the holdout purchase days; 0 without holdout purchases. */
  readonly holdoutMonetaryValue: number;
}

/**
 * Result of {@link calibrationHoldoutSummary}.
 *
 * @example
 * ```ts
 * const transactions = [
 *   { id: "a", day: "1997-01-01", value: 29.33 }, { id: "a", day: "1997-01-18", value: 29.73 },
 *   { id: "a", day: "1997-08-02", value: 14.96 }, { id: "b", day: "1997-03-05", value: 10 },
 * ];
 * const split = calibrationHoldoutSummary(transactions, {
 *   customer: "id", date: "day", calibrationEnd: "1997-03-31", asOf: "1997-09-30", timeUnit: "week",
 * });
 * split.holdoutFrequency; // => Float64Array [1, 0]
 * split.options; // => { calibrationEnd: "1997-03-31", asOf: "1997-09-30", timeUnit: "week", afterAsOf: "error" }
 * ```
 */
export interface CalibrationHoldoutSummaryResult {
  readonly customers: readonly CalibrationHoldoutSummaryRow[];
  /** Calibration columns (fit models on the result directly). */
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryValue: Float64Array;
  readonly holdoutFrequency: Float64Array;
  /** Length of the holdout period in `timeUnit`s. */
  readonly holdoutDuration: number;
  /** Customers whose first purchase falls in the holdout period (left out: they were not yet customers). */
  readonly customersFirstSeenInHoldout: number;
  readonly droppedRecords: number;
  readonly customersWithoutPurchases: number;
  readonly options: {
    readonly calibrationEnd: string;
    readonly asOf: string;
    readonly timeUnit: TimeUnit;
    readonly afterAsOf: "error" | "drop";
  };
}

/** Option rules of {@link calibrationHoldoutSummary} (exported for value's option-rule test; not in the module index). */
export const calibrationHoldoutSummaryShape = {
  ...transactionFieldsShape,
  calibrationEnd: required(date()),
  ...observationPeriodShape,
  ...orderRefusalShape("calibrationHoldoutSummary"),
};

/**
 * Splits transactions into a calibration period (summarised like {@link repeatPurchaseSummary})
 * and a holdout period (purchase days counted per customer), to check a fitted model's
 * predictions `conditionalExpectedPurchases(holdoutDuration, frequency, recency, T)` against
 * `holdoutFrequency` — the lifetimes `calibration_and_holdout_data` convention. Customers first
 * seen in the holdout period are left out. The same purchase-day and refund rules apply.
 *
 * Complexity: O(n log n).
 *
 * @throws InvalidOptionsError when `asOf` is not after `calibrationEnd`, or when `order` is given (purchase
 *   days are counted, not orders: see {@link repeatPurchaseSummary})
 * @throws InvalidRecordError as {@link repeatPurchaseSummary}
 * @see Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way" (CDNOW: 39 + 39 weeks).
 * @example
 * ```ts
 * const transactions = [
 *   { customer_id: "a", date: "1997-01-01" }, { customer_id: "a", date: "1997-02-10" }, { customer_id: "a", date: "1997-11-02" },
 * ];
 * const split = calibrationHoldoutSummary(transactions, {
 *   customer: "customer_id", date: "date", calibrationEnd: "1997-09-30", asOf: "1998-06-30", timeUnit: "week",
 * });
 * split.holdoutDuration; // => 39
 * ```
 */
export function calibrationHoldoutSummary<T>(
  records: RecordInput<T>,
  options: CalibrationHoldoutSummaryOptions<T>,
): CalibrationHoldoutSummaryResult {
  const functionName = "calibrationHoldoutSummary";
  const parsed = withDefaults(
    checkOptions(functionName, calibrationHoldoutSummaryShape, options),
    OBSERVATION_PERIOD_DEFAULTS,
  );
  const calibrationDay = dayOption(functionName, "calibrationEnd", parsed.calibrationEnd);
  const endDay = dayOption(functionName, "asOf", parsed.asOf);
  if (endDay <= calibrationDay) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "asOf",
        message: `must be after calibrationEnd (${isoDate(calibrationDay * MS_PER_DAY)})`,
        received: parsed.asOf,
      },
    ]);
  }
  return withSummaryPurchases(functionName, records, options, parsed, endDay, (purchases) => {
    const { labels, offsets, days, values, timeUnit, unitDays } = purchases;
    const rows: CalibrationHoldoutSummaryRow[] = [];
    let firstSeenInHoldout = 0;
    let withoutPurchases = 0;
    for (let c = 0; c < labels.length; c++) {
      const from = offsets[c] as number;
      const to = offsets[c + 1] as number;
      if (to === from) {
        withoutPurchases++;
        continue;
      }
      const first = days[from] as number;
      if (first > calibrationDay) {
        firstSeenInHoldout++;
        continue;
      }
      let last = first;
      let calibrationDays = 1;
      let repeatValue = 0;
      let holdoutDays = 0;
      let holdoutValue = 0;
      for (let j = from + 1; j < to; j++) {
        const day = days[j] as number;
        if (day <= calibrationDay) {
          calibrationDays++;
          repeatValue += values[j] as number;
          last = day;
        } else {
          holdoutDays++;
          holdoutValue += values[j] as number;
        }
      }
      rows.push({
        customer: labels[c] as string,
        frequency: calibrationDays - 1,
        recency: (last - first) / unitDays,
        T: (calibrationDay - first) / unitDays,
        monetaryValue: calibrationDays > 1 ? repeatValue / (calibrationDays - 1) : 0,
        firstPurchase: isoDate(first * MS_PER_DAY),
        holdoutFrequency: holdoutDays,
        holdoutMonetaryValue: holdoutDays > 0 ? holdoutValue / holdoutDays : 0,
      });
    }
    return calibrationHoldoutSummaryResult(rows, {
      holdoutDuration: (endDay - calibrationDay) / unitDays,
      customersFirstSeenInHoldout: firstSeenInHoldout,
      droppedRecords: purchases.droppedRecords,
      customersWithoutPurchases: withoutPurchases,
      options: {
        calibrationEnd: isoDate(calibrationDay * MS_PER_DAY),
        asOf: isoDate(endDay * MS_PER_DAY),
        timeUnit,
        afterAsOf: parsed.afterAsOf,
      },
    });
  });
}

/**
 * The result of {@link calibrationHoldoutSummary} from its customer rows and counts: the column views and
 * the REPL display. Shared with the DuckDB twin (`clientele/duckdb`), so both build and print the same.
 *
 * @example
 * ```ts
 * const options = { calibrationEnd: "1997-09-30", asOf: "1998-06-30", timeUnit: "week", afterAsOf: "error" } as const;
 * const counts = { holdoutDuration: 39, customersFirstSeenInHoldout: 0, droppedRecords: 0, customersWithoutPurchases: 0, options };
 * calibrationHoldoutSummaryResult([], counts).customers; // => []
 * ```
 */
export function calibrationHoldoutSummaryResult(
  rows: CalibrationHoldoutSummaryRow[],
  counts: Pick<
    CalibrationHoldoutSummaryResult,
    | "holdoutDuration"
    | "customersFirstSeenInHoldout"
    | "droppedRecords"
    | "customersWithoutPurchases"
    | "options"
  >,
): CalibrationHoldoutSummaryResult {
  const column = (key: "frequency" | "recency" | "T" | "monetaryValue" | "holdoutFrequency") => {
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = (rows[i] as CalibrationHoldoutSummaryRow)[key];
    return values;
  };
  const result: CalibrationHoldoutSummaryResult = {
    customers: rows,
    frequency: column("frequency"),
    recency: column("recency"),
    T: column("T"),
    monetaryValue: column("monetaryValue"),
    holdoutFrequency: column("holdoutFrequency"),
    ...counts,
  };
  return withDisplay(result, {
    title: "Calibration / holdout summary",
    summary: (r) => [
      `${r.customers.length} customers; calibration to ${r.options.calibrationEnd}, holdout of ${r.holdoutDuration.toFixed(2)} ${r.options.timeUnit}s to ${r.options.asOf}`,
    ],
    rows: (r) => r.customers,
  });
}
