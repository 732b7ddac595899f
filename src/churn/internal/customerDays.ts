/**
 * The purchase records as cohortRetention and inactivityRisk read them: the `asOf` option as a UTC day,
 * and each record's customer code and UTC purchase day.
 */
import {
  type Field,
  InsufficientDataError,
  isoDate,
  MS_PER_DAY,
  parseDateValue,
  type RecordInput,
  readCodes,
  readDays,
  recordCount,
} from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";

/** The records read by {@link readCustomerDays}. */
export interface CustomerDays {
  /** Number of records. */
  readonly n: number;
  /** `asOf` in epoch ms, as given. */
  readonly asOfTime: number;
  /** The UTC day of `asOf` (days since 1970-01-01). */
  readonly asOfDay: number;
  /** Customer code of each record, into `labels`. */
  readonly codes: Int32Array;
  readonly labels: readonly string[];
  /** UTC purchase day of each record. */
  readonly days: Int32Array;
}

/**
 * Parses `asOf` (an InvalidOptionsError when it is not a valid date) and reads the customer and date
 * fields of every record (an InvalidRecordError naming the row for a missing or invalid value).
 */
export function readCustomerDays<T>(
  functionName: string,
  records: RecordInput<T>,
  options: { readonly customer: unknown; readonly date: unknown; readonly asOf: unknown },
): CustomerDays {
  const asOfTime = parseDateValue(options.asOf);
  if (asOfTime === undefined) {
    throw argumentError(functionName, "asOf", 'expected a valid date such as "2025-12-31"', options.asOf);
  }
  const n = recordCount(records, functionName);
  const { codes, labels } = readCodes(records, options.customer as Field<T>, {
    functionName,
    optionName: "customer",
  });
  const days = readDays(records, options.date as Field<T>, { functionName, optionName: "date" });
  return { n, asOfTime, asOfDay: Math.floor(asOfTime / MS_PER_DAY), codes, labels, days };
}

/** The error when no record of `purchases` is on or before `asOf`. */
export function nothingBeforeAsOf(functionName: string, purchases: CustomerDays): InsufficientDataError {
  const { n, asOfTime } = purchases;
  return new InsufficientDataError(
    functionName,
    n === 0
      ? "no purchase records"
      : `all ${n} records are after asOf ${isoDate(asOfTime)}; choose a later asOf`,
  );
}
