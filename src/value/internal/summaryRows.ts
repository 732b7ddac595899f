import { isoDayFormatter } from "./isoDays.js";

/** One customer's row (the shape of `SummaryRow`, written out to keep this file below it). */
interface SummaryRow {
  readonly customer: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetaryValue: number;
  readonly firstPurchase: string;
}

/** The per-customer columns and rows of a repeat-purchase summary, as {@link summaryRows} fills them. */
export interface SummaryColumns {
  readonly customers: SummaryRow[];
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryValue: Float64Array;
}

/**
 * Columns and rows for `count` customers, and `add`, which writes the next one from its purchase days:
 * frequency = purchase days - 1, recency and T in `unitDays` from the first purchase day, and the mean
 * repeat value (0 without a repeat day). Shared by `repeatPurchaseSummary` and its DuckDB twin, so both
 * make the same divisions on the same integers.
 */
export function summaryRows(
  count: number,
  endDay: number,
  unitDays: number,
): {
  readonly columns: SummaryColumns;
  add(
    customer: string,
    firstDay: number,
    lastDay: number,
    purchaseDays: number,
    meanRepeatValue: number,
  ): void;
} {
  const columns: SummaryColumns = {
    customers: new Array(count),
    frequency: new Float64Array(count),
    recency: new Float64Array(count),
    T: new Float64Array(count),
    monetaryValue: new Float64Array(count),
  };
  const isoDay = isoDayFormatter();
  let k = 0;
  return {
    columns,
    add(customer, firstDay, lastDay, purchaseDays, meanRepeatValue) {
      const row: SummaryRow = {
        customer,
        frequency: purchaseDays - 1,
        recency: (lastDay - firstDay) / unitDays,
        T: (endDay - firstDay) / unitDays,
        monetaryValue: purchaseDays > 1 ? meanRepeatValue : 0,
        firstPurchase: isoDay(firstDay),
      };
      columns.frequency[k] = row.frequency;
      columns.recency[k] = row.recency;
      columns.T[k] = row.T;
      columns.monetaryValue[k] = row.monetaryValue;
      columns.customers[k++] = row;
    },
  };
}
