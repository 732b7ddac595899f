import { customerOrder, linesCte, numberLiteral, type SqlWriter } from "./build.js";

/**
 * CTEs that collapse records to net purchase days per customer, by the rules of the in-memory
 * `purchaseDays` (clientele/value): records of a customer on one UTC day are one purchase day whose
 * value is the sum of its non-negative amounts; a refund (negative amount) is netted into the
 * customer's latest purchase day whose first purchase is at or before the refund's time (on equal
 * times purchases come first); a purchase day that refunds bring to zero or below is dropped.
 *
 * Defines `days`: one row per customer and UTC day with any record (later days and refund-only days
 * included, so every customer and its first row is there), with `day_value` (net value) and `kept`
 * (1 for a purchase day up to `endDay` that is not fully refunded); with an amount also
 * `refund_days` (each refund time's target day, null when no purchase precedes it) and `orphans`
 * (per customer: refunds before any purchase, and the first one's row). Portable: GROUP BY, a LEFT
 * JOIN on an inequality for the (few) refunds, an equi-join of the days with the refund totals.
 */
export function purchaseDaysCtes(writer: SqlWriter, hasAmount: boolean, endDay: number): string {
  const e = numberLiteral(endDay);
  const rows = writer.rowNumber !== undefined;
  const firstRow = rows ? ", MIN(row_pos) AS first_row" : "";
  const purchase = hasAmount ? "amount >= 0" : "1 = 1";
  const purchaseDays =
    `purchase_days AS (SELECT customer_id, day_number${firstRow}, ` +
    `SUM(CASE WHEN ${purchase} THEN ${hasAmount ? "amount" : "0"} ELSE 0 END) AS day_value, ` +
    `SUM(CASE WHEN ${purchase} THEN 1 ELSE 0 END) AS purchases` +
    `${hasAmount ? ", MIN(CASE WHEN amount >= 0 THEN t_ms END) AS first_t" : ""} ` +
    `FROM lines GROUP BY customer_id, day_number)`;
  const isPurchaseDay = `p.purchases > 0 AND p.day_number <= ${e}`;
  if (!hasAmount) {
    const days =
      `days AS (SELECT p.customer_id, p.day_number${rows ? ", p.first_row" : ""}, p.day_value, ` +
      `CASE WHEN ${isPurchaseDay} THEN 1 ELSE 0 END AS kept FROM purchase_days p)`;
    return `${purchaseDays}, ${days}`;
  }
  const refundRow = rows ? ", r.first_row" : "";
  const refunds =
    `refunds AS (SELECT customer_id, t_ms, SUM(amount) AS refund_value${firstRow} ` +
    `FROM lines WHERE amount < 0 AND day_number <= ${e} GROUP BY customer_id, t_ms), ` +
    `refund_days AS (SELECT r.customer_id, r.t_ms, r.refund_value${refundRow}, MAX(p.day_number) AS day_number ` +
    `FROM refunds r LEFT JOIN purchase_days p ON p.customer_id = r.customer_id AND ${isPurchaseDay} AND p.first_t <= r.t_ms ` +
    `GROUP BY r.customer_id, r.t_ms, r.refund_value${refundRow}), ` +
    `refund_totals AS (SELECT customer_id, day_number, SUM(refund_value) AS refund_value ` +
    `FROM refund_days WHERE day_number IS NOT NULL GROUP BY customer_id, day_number), ` +
    `orphans AS (SELECT customer_id, COUNT(*) AS orphan_refunds${rows ? ", MIN(first_row) AS orphan_row" : ""} ` +
    `FROM refund_days WHERE day_number IS NULL GROUP BY customer_id)`;
  const days =
    `days AS (SELECT p.customer_id, p.day_number${rows ? ", p.first_row" : ""}, ` +
    `p.day_value + COALESCE(t.refund_value, 0) AS day_value, ` +
    `CASE WHEN ${isPurchaseDay} AND NOT (t.refund_value IS NOT NULL AND p.day_value + t.refund_value <= 0.000000001) ` +
    `THEN 1 ELSE 0 END AS kept FROM purchase_days p ` +
    `LEFT JOIN refund_totals t ON t.customer_id = p.customer_id AND t.day_number = p.day_number)`;
  return `${purchaseDays}, ${refunds}, ${days}`;
}

/** Per-customer SELECT list items on `days`: first row, first day's value, kept-day helpers. */
export function keptDayAggregates(writer: SqlWriter): { firstRow: string; firstValue: string } {
  return {
    firstRow: writer.rowNumber === undefined ? "" : "MIN(first_row) AS first_row, ",
    firstValue: `${writer.spec.firstValue("CASE WHEN kept = 1 THEN day_value END", "CASE WHEN kept = 1 THEN day_number END")} AS first_value`,
  };
}

/** Column names of the repeat-purchase writers' records (checked column names). */
export interface PurchaseColumns {
  readonly customer: string;
  readonly date: string;
  readonly amount?: string | undefined;
}

/**
 * The CTEs the repeat-purchase writers start from: `lines` (customer, time, day and amount of each
 * record), then the net purchase days of {@link purchaseDaysCtes} up to `endDay`.
 */
export function purchaseDayInputs(writer: SqlWriter, columns: PurchaseColumns, endDay: number): string {
  const { customer, date, amount } = columns;
  const lines = linesCte(writer, { customer, date, time: true, amount });
  return `${lines}, ${purchaseDaysCtes(writer, amount !== undefined, endDay)}`;
}

/** What a repeat-purchase writer's final SELECT on its `summary` CTE (alias `s`) reads and adds. */
export interface SummarySelect {
  /** Column of `summary` counting the customer's kept purchase days (calibration days only, for the calibration summary). */
  readonly purchaseDays: string;
  /** Column of `summary` with the net value of those days. */
  readonly value: string;
  /** The day `T` is measured to: the end of the observation (or calibration) period. */
  readonly endDay: number;
  /** Days per time unit of `recency` and `T`. */
  readonly unitDays: number;
  /** Whether the records have an amount (refunds, hence orphan refunds, exist only then). */
  readonly hasAmount: boolean;
  /** The writer's own columns, listed after `monetary_value`. */
  readonly columns: string;
  /** The condition a customer's row is kept on, unless customers without purchases are included. */
  readonly keepWhen: string;
}

/**
 * The final SELECT of a repeat-purchase writer: the lifetimes columns (`customer`, `first_row` with
 * row numbers, `frequency`, `recency`, `T`, `monetary_value`), the writer's own columns, then
 * `orphan_refunds` (and `orphan_row`), one row per customer in {@link customerOrder}.
 */
export function summarySelect(writer: SqlWriter, summary: SummarySelect): string {
  const { purchaseDays, value } = summary;
  const double = writer.spec.double;
  const u = numberLiteral(summary.unitDays);
  const orphans = orphanColumns(writer, summary.hasAmount);
  return (
    `SELECT s.customer_id AS customer, ${writer.rowNumber === undefined ? "" : "s.first_row, "}s.${purchaseDays} - 1 AS frequency, ` +
    `CAST(s.last_day - s.first_day AS ${double}) / ${u} AS recency, ` +
    `CAST(${numberLiteral(summary.endDay)} - s.first_day AS ${double}) / ${u} AS ${writer.quote("T")}, ` +
    `CASE WHEN s.${purchaseDays} > 1 THEN (s.${value} - s.first_value) / (s.${purchaseDays} - 1) ELSE 0 END AS monetary_value, ` +
    `${summary.columns}, ${orphans.select} FROM summary s${orphans.join}` +
    (writer.includeAll ? "" : ` WHERE ${summary.keepWhen}`) +
    ` ${customerOrder(writer, "s.")}`
  );
}

/** `LEFT JOIN orphans` and its columns, when there is an amount. */
function orphanColumns(writer: SqlWriter, hasAmount: boolean): { select: string; join: string } {
  if (!hasAmount) return { select: "0 AS orphan_refunds", join: "" };
  return {
    select: `COALESCE(o.orphan_refunds, 0) AS orphan_refunds${writer.rowNumber === undefined ? "" : ", o.orphan_row"}`,
    join: " LEFT JOIN orphans o ON o.customer_id = s.customer_id",
  };
}
