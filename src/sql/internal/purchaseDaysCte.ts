import { numberLiteral, type SqlWriter } from "./build.js";

/**
 * CTEs that collapse records to net purchase days per customer, by the rules of the in-memory
 * `purchaseDays` (clientele/value): records of a customer on one UTC day are one purchase day whose
 * value is the sum of its non-negative amounts; a refund (negative amount) is netted into the
 * customer's latest purchase day whose first purchase is at or before the refund's time (on equal
 * times purchases come first); a purchase day that refunds bring to zero or below is dropped.
 *
 * Defines `purchase_days` (every customer-day, later days and refund-only days included, for the
 * customer list and first rows), `refund_days` (each refund time's target day, null when no purchase
 * precedes it), `kept_days` (net purchase days up to `endDay`, with `first_day` per customer) and
 * `everyone` (every customer, with `orphan_refunds`). Portable: GROUP BY, a LEFT JOIN on an
 * inequality, UNION ALL and `MIN(...) OVER (PARTITION BY ...)`.
 */
export function purchaseDaysCtes(writer: SqlWriter, hasAmount: boolean, endDay: number): string {
  const e = numberLiteral(endDay);
  const firstRow = writer.rowNumber === undefined ? "" : ", MIN(row_pos) AS first_row";
  const purchase = hasAmount ? "amount >= 0" : "1 = 1";
  const purchaseDays =
    `purchase_days AS (SELECT customer_id, day_number${firstRow}, ` +
    `SUM(CASE WHEN ${purchase} THEN ${hasAmount ? "amount" : "0"} ELSE 0 END) AS day_value, ` +
    `SUM(CASE WHEN ${purchase} THEN 1 ELSE 0 END) AS purchases, ` +
    `MIN(CASE WHEN ${purchase} THEN t_ms END) AS first_t ` +
    `FROM lines GROUP BY customer_id, day_number)`;
  const purchaseValues = `SELECT customer_id, day_number, day_value, 0 AS refunded FROM purchase_days WHERE purchases > 0 AND day_number <= ${e}`;
  let refunds = "";
  let union = purchaseValues;
  let orphans = "0 AS orphan_refunds";
  let orphanJoin = "";
  if (hasAmount) {
    refunds =
      `, refunds AS (SELECT customer_id, t_ms, SUM(amount) AS refund_value${firstRow} ` +
      `FROM lines WHERE amount < 0 AND day_number <= ${e} GROUP BY customer_id, t_ms), ` +
      `refund_days AS (SELECT r.customer_id, r.t_ms, r.refund_value${writer.rowNumber === undefined ? "" : ", r.first_row"}, ` +
      `MAX(p.day_number) AS day_number FROM refunds r LEFT JOIN purchase_days p ` +
      `ON p.customer_id = r.customer_id AND p.purchases > 0 AND p.day_number <= ${e} AND p.first_t <= r.t_ms ` +
      `GROUP BY r.customer_id, r.t_ms, r.refund_value${writer.rowNumber === undefined ? "" : ", r.first_row"}), ` +
      `orphans AS (SELECT customer_id, COUNT(*) AS orphan_refunds${writer.rowNumber === undefined ? "" : ", MIN(first_row) AS orphan_row"} ` +
      `FROM refund_days WHERE day_number IS NULL GROUP BY customer_id)`;
    union += ` UNION ALL SELECT customer_id, day_number, refund_value, 1 FROM refund_days WHERE day_number IS NOT NULL`;
    orphans = `COALESCE(o.orphan_refunds, 0) AS orphan_refunds${writer.rowNumber === undefined ? "" : ", o.orphan_row"}`;
    orphanJoin = " LEFT JOIN orphans o ON o.customer_id = c.customer_id";
  }
  const netDays =
    `net_days AS (SELECT customer_id, day_number, SUM(day_value) AS day_value, MAX(refunded) AS refunded ` +
    `FROM (${union}) u GROUP BY customer_id, day_number)`;
  const keptDays =
    `kept_days AS (SELECT customer_id, day_number, day_value, MIN(day_number) OVER (PARTITION BY customer_id) AS first_day ` +
    `FROM net_days WHERE NOT (refunded = 1 AND day_value <= 0.000000001))`;
  const everyone =
    `everyone AS (SELECT c.customer_id${writer.rowNumber === undefined ? "" : ", c.first_row"}, ${orphans} ` +
    `FROM (SELECT customer_id${writer.rowNumber === undefined ? "" : ", MIN(first_row) AS first_row"} FROM purchase_days GROUP BY customer_id) c${orphanJoin})`;
  return `${purchaseDays}${refunds}, ${netDays}, ${keptDays}, ${everyone}`;
}
