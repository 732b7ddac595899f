import { InvalidRecordError, isoDate, MS_PER_DAY } from "../../core/index.js";
import type { SqlDateType } from "../../sql/SqlDialect.js";
import {
  columnAs,
  type FieldColumn,
  laterRecordsChecks,
  numbers,
  type OpenSource,
  ROW_COLUMN,
  tryDayExpression,
  validateFields,
} from "./source.js";

/** Validated fields of the repeat-purchase twins: the date type and the count of later records. */
export interface SummaryChecks {
  readonly dateType: SqlDateType;
  readonly laterCount: number;
  /** Whether the checks wait for the summary (Parquet statistics proved all but null-free float amounts). */
  readonly deferred: boolean;
}

/**
 * The checks `purchaseDays` (clientele/value) makes, in its order: ids, dates and amounts, then
 * records after the observation end (an error unless dropped).
 */
export async function summaryChecks(
  functionName: string,
  open: OpenSource,
  parsed: {
    readonly customer: string;
    readonly date: string;
    readonly amount?: string | undefined;
    readonly afterAsOf: "error" | "drop";
  },
  endDay: number,
  defer = false,
): Promise<SummaryChecks> {
  const fields: FieldColumn[] = [
    { option: "customer", column: parsed.customer, kind: "id" },
    { option: "date", column: parsed.date, kind: "date" },
  ];
  if (parsed.amount !== undefined) fields.push({ option: "amount", column: parsed.amount, kind: "number" });
  const { dateType, extra, deferred } = await validateFields(
    functionName,
    open,
    fields,
    (type) => laterRecordsChecks(parsed.date, type, endDay),
    defer ? endDay : undefined,
  );
  const laterCount = Number(extra.later_count ?? 0);
  if (laterCount > 0 && parsed.afterAsOf === "error") {
    throw new InvalidRecordError(
      functionName,
      Number(extra.later_row),
      parsed.date,
      extra.later_value,
      `the date is after asOf (${isoDate(endDay * MS_PER_DAY)}); remove later records, move asOf, or pass afterAsOf: "drop"`,
    );
  }
  return { dateType, laterCount, deferred: deferred === true };
}

/**
 * Throws the in-memory error for the first customer (first-seen order: the smallest `first_row`,
 * or the first row of `columns` without that column) with a refund before any purchase. The record named is the one `purchaseDays` (clientele/value) stops at: the customer's
 * first in time order, on equal times the larger amount first, then the earlier row (a refund, as
 * the customer has one before any purchase); the SQL's first orphan row could be another refund of
 * the same time.
 */
export async function orphanRefundCheck(
  functionName: string,
  open: OpenSource,
  fields: { readonly customer: string; readonly date: string; readonly amount?: string | undefined },
  dateType: SqlDateType,
  columns: Record<string, Float64Array | readonly unknown[]>,
): Promise<void> {
  const { amount } = fields;
  if (amount === undefined) return;
  const orphans = numbers(columns.orphan_refunds);
  // the first customer in first-seen order: the smallest first row (rows in that order without one)
  const firstRow = columns.first_row === undefined ? undefined : numbers(columns.first_row);
  let index = -1;
  for (let i = 0; i < orphans.length; i++) {
    if (
      (orphans[i] as number) > 0 &&
      (index < 0 || (firstRow !== undefined && (firstRow[i] as number) < (firstRow[index] as number)))
    )
      index = i;
  }
  if (index < 0) return;
  const customer = String(columns.customer?.[index]);
  const a = columnAs(open, amount, "DOUBLE");
  const time = tryDayExpression(fields.date, dateType, dateType === "date" ? "raw" : "ms");
  const [row, value] =
    (
      await open.connection.runAndReadAll(
        `SELECT ${ROW_COLUMN}, ${a} FROM (${open.query}) AS records WHERE ${columnAs(open, fields.customer, "VARCHAR")} = $${open.params.length + 1} ` +
          `ORDER BY ${time}, ${a} DESC, ${ROW_COLUMN} LIMIT 1`,
        [...open.params, customer],
      )
    ).getRowsJS()[0] ?? [];
  // the in-memory message shows the amount as read (a number)
  throw new InvalidRecordError(
    functionName,
    Number(row),
    amount,
    Number(value),
    `a refund (negative amount) of customer "${customer}" comes before any purchase of that customer; drop it or date it after the purchase it refunds`,
  );
}
