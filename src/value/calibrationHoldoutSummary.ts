import { z } from "zod";
import {
  DAYS_PER_UNIT,
  type Field,
  InvalidOptionsError,
  isoDate,
  MS_PER_DAY,
  parseOptions,
  type TimeUnit,
  withDisplay,
} from "../core/index.js";
import { dateSchema, fieldSchema } from "../core/options.js";
import { purchaseDays } from "./internal/purchaseDays.js";
import { dayOption, type RepeatPurchaseSummaryRow } from "./repeatPurchaseSummary.js";

/** Options of {@link calibrationHoldoutSummary}. */
export interface CalibrationHoldoutSummaryOptions<T> {
  readonly customer: Field<T>;
  readonly date: Field<T>;
  readonly amount?: Field<T>;
  /** Last day of the calibration period (inclusive). */
  readonly calibrationEnd: Date | string | number;
  /** Last day of the holdout period (inclusive), after `calibrationEnd`. */
  readonly observationEnd: Date | string | number;
  /** @defaultValue "day" */
  readonly timeUnit?: TimeUnit;
  /** Records after `observationEnd`: `"error"` or `"drop"`. @defaultValue "error" */
  readonly afterObservationEnd?: "error" | "drop";
}

/** One customer: calibration statistics plus what happened in the holdout period. */
export interface CalibrationHoldoutSummaryRow extends RepeatPurchaseSummaryRow {
  /** Purchase days in (calibrationEnd, observationEnd]. */
  readonly holdoutFrequency: number;
  /** Mean net value of the holdout purchase days; 0 without holdout purchases. */
  readonly holdoutMonetaryValue: number;
}

/** Result of {@link calibrationHoldoutSummary}. */
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
    readonly observationEnd: string;
    readonly timeUnit: TimeUnit;
    readonly afterObservationEnd: "error" | "drop";
  };
}

const schema = z
  .object({
    customer: fieldSchema,
    date: fieldSchema,
    amount: fieldSchema.optional(),
    calibrationEnd: dateSchema,
    observationEnd: dateSchema,
    timeUnit: z.enum(["day", "week", "month", "quarter", "year"]).default("day"),
    afterObservationEnd: z.enum(["error", "drop"]).default("error"),
  })
  .strict();

/**
 * Splits transactions into a calibration period (summarised like {@link repeatPurchaseSummary})
 * and a holdout period (purchase days counted per customer), to check a fitted model's
 * predictions `conditionalExpectedPurchases(holdoutDuration, frequency, recency, T)` against
 * `holdoutFrequency` — the lifetimes `calibration_and_holdout_data` convention. Customers first
 * seen in the holdout period are left out. The same purchase-day and refund rules apply.
 *
 * Complexity: O(n log n).
 *
 * @throws InvalidOptionsError when `observationEnd` is not after `calibrationEnd`
 * @throws InvalidRecordError as {@link repeatPurchaseSummary}
 * @see Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way" (CDNOW: 39 + 39 weeks).
 * @example
 * ```ts
 * const split = calibrationHoldoutSummary(transactions, {
 *   customer: "customer_id", date: "date", calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week",
 * });
 * split.holdoutDuration; // => 39
 * ```
 */
export function calibrationHoldoutSummary<T>(
  records: readonly T[],
  options: CalibrationHoldoutSummaryOptions<T>,
): CalibrationHoldoutSummaryResult {
  const functionName = "calibrationHoldoutSummary";
  const parsed = parseOptions(functionName, schema, options);
  const calibrationDay = dayOption(functionName, "calibrationEnd", parsed.calibrationEnd);
  const endDay = dayOption(functionName, "observationEnd", parsed.observationEnd);
  if (endDay <= calibrationDay) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "observationEnd",
        message: `must be after calibrationEnd (${isoDate(calibrationDay * MS_PER_DAY)})`,
        received: parsed.observationEnd,
      },
    ]);
  }
  const timeUnit = parsed.timeUnit as TimeUnit;
  const unitDays = DAYS_PER_UNIT[timeUnit];
  const purchases = purchaseDays(records, {
    functionName,
    customer: options.customer,
    date: options.date,
    amount: options.amount,
    endDay,
    afterEnd: parsed.afterObservationEnd,
  });
  const { labels, offsets, days, values } = purchases;
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
  const column = (key: "frequency" | "recency" | "T" | "monetaryValue" | "holdoutFrequency") =>
    Float64Array.from(rows, (row) => row[key]);
  const result: CalibrationHoldoutSummaryResult = {
    customers: rows,
    frequency: column("frequency"),
    recency: column("recency"),
    T: column("T"),
    monetaryValue: column("monetaryValue"),
    holdoutFrequency: column("holdoutFrequency"),
    holdoutDuration: (endDay - calibrationDay) / unitDays,
    customersFirstSeenInHoldout: firstSeenInHoldout,
    droppedRecords: purchases.droppedRecords,
    customersWithoutPurchases: withoutPurchases,
    options: {
      calibrationEnd: isoDate(calibrationDay * MS_PER_DAY),
      observationEnd: isoDate(endDay * MS_PER_DAY),
      timeUnit,
      afterObservationEnd: parsed.afterObservationEnd,
    },
  };
  return withDisplay(result, {
    title: "Calibration / holdout summary",
    summary: (r) => [
      `${r.customers.length} customers; calibration to ${r.options.calibrationEnd}, holdout of ${r.holdoutDuration.toFixed(2)} ${r.options.timeUnit}s to ${r.options.observationEnd}`,
    ],
    rows: (r) => r.customers,
  });
}
