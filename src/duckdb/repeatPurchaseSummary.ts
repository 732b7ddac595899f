import { isoDate, MS_PER_DAY } from "../core/index.js";
import {
  type RepeatPurchaseSummarySqlOptions,
  repeatPurchaseSummaryPlan,
} from "../sql/repeatPurchaseSummarySql.js";
import type { SqlDateType } from "../sql/SqlDialect.js";
import { summaryRows } from "../value/internal/summaryRows.js";
import {
  displayRepeatPurchaseSummary,
  type RepeatPurchaseSummaryResult,
} from "../value/repeatPurchaseSummary.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import { firstSeenOrder, inOrder } from "./internal/firstSeen.js";
import { orphanRefundCheck, summaryChecks } from "./internal/purchaseChecks.js";
import {
  columnAs,
  numbers,
  type OpenSource,
  openSource,
  ROW_COLUMN,
  readColumns,
  tryDayExpression,
  twinWriter,
} from "./internal/source.js";

/**
 * `repeatPurchaseSummary` (clientele/value) on a file or DuckDB table: the lifetimes summary
 * (frequency = repeat purchase days, recency, T, monetary value of the repeat days, refunds netted
 * into their purchase day) computed in DuckDB by the SQL of `repeatPurchaseSummarySql`; one row per
 * customer comes back and the result equals `repeatPurchaseSummary`'s on the same records (same
 * customers and order, same numbers, same errors naming the record's row in the file), ready for
 * `fitBgNbd`, `fitParetoNbd` and `fitGammaGamma`.
 *
 * @param source - a CSV/Parquet/JSON path or glob, or `{ connection, table }` / `{ connection, query }`
 * @param options - `repeatPurchaseSummary`'s options with column names
 * @returns the `repeatPurchaseSummary` result
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @throws InvalidOptionsError for malformed options, an accessor, an unreadable source or a missing column
 * @throws InvalidRecordError as `repeatPurchaseSummary`
 * @example
 * ```ts
 * // a file or glob reads the same way: repeatPurchaseSummary("order-lines.parquet", options)
 * import { DuckDBInstance } from "@duckdb/node-api";
 * const connection = await (await DuckDBInstance.create(":memory:")).connect();
 * await connection.run(
 *   "CREATE TABLE order_lines AS SELECT * FROM (VALUES ('o1', 'a', DATE '2025-01-10', 'tea', 40.0), " +
 *     "('o1', 'a', DATE '2025-01-10', 'mug', 12.0), ('o2', 'b', DATE '2025-02-03', 'tea', 15.0), " +
 *     "('o3', 'a', DATE '2025-03-02', 'tea', 25.0), ('o3', 'a', DATE '2025-03-04', 'tea', -5.0), " +
 *     "('o4', 'c', DATE '2025-05-20', 'mug', 30.0), ('o5', 'a', DATE '2025-08-14', 'tea', 10.0), " +
 *     "('o5', 'a', DATE '2025-08-14', 'mug', 8.0), ('o6', 'b', DATE '2025-09-01', 'tea', 22.0)) " +
 *     "AS t(orderId, customerId, date, product, amount)",
 * );
 * const summary = await repeatPurchaseSummary({ connection, table: "order_lines" }, {
 *   customer: "customerId", date: "date", amount: "amount", asOf: "2025-12-31", timeUnit: "week",
 * });
 * summary.customers[0]; // the 2025-03-04 refund nets into 2025-03-02: repeat days worth 20 and 18
 * // => { customer: "a", frequency: 2, recency: 30.857, T: 50.714, monetaryValue: 19, firstPurchase: "2025-01-10" }
 * ```
 */
export async function repeatPurchaseSummary(
  source: DuckDBSource,
  options: RepeatPurchaseSummarySqlOptions,
): Promise<RepeatPurchaseSummaryResult> {
  const functionName = "repeatPurchaseSummary";
  const draft = repeatPurchaseSummaryPlan(functionName, "records", options, twinWriter());
  const parsed = draft.options;
  const { endDay, unitDays } = draft;
  const open = await openSource(functionName, source);
  try {
    let checks = await summaryChecks(functionName, open, parsed, endDay, true);
    const { dateType, laterCount } = checks;
    let { rows: count, columns } = await readColumns(open, repeatSql(open, parsed, dateType, endDay));
    const total = numbers(columns.total);
    // checks waiting on the sums (a NaN or infinite amount shows in them) run before any error
    const orphans = numbers(columns.orphan_refunds).some((v) => v > 0);
    if (checks.deferred && (orphans || total.some((v) => !Number.isFinite(v))))
      checks = await summaryChecks(functionName, open, parsed, endDay);
    if (orphans || numbers(columns.early_refunds).some((v) => v > 0)) {
      // the general SQL places a refund timed before the first purchase of its day, and gives the
      // row of a refund before any purchase (for the error)
      if (checks.deferred) await summaryChecks(functionName, open, parsed, endDay);
      const plan = repeatPurchaseSummaryPlan(
        functionName,
        { query: open.query },
        options,
        twinWriter(dateType),
      );
      ({ rows: count, columns } = await readColumns(open, plan.sql));
    }
    // first-seen order (the SQL leaves rows unordered)
    const order = firstSeenOrder(columns.first_row, count);
    if (numbers(columns.orphan_refunds).some((v) => v > 0))
      await orphanRefundCheck(functionName, open, parsed.amount, inOrder(columns, order));
    const labels = columns.customer as string[];
    const days = numbers(columns.purchase_days);
    const firstDay = numbers(columns.first_day);
    const lastDay = numbers(columns.last_day);
    const sqlMonetary = numbers(columns.monetary_value);
    let kept = 0;
    for (let i = 0; i < count; i++) if ((days[i] as number) > 0) kept++;
    const summary = summaryRows(kept, endDay, unitDays);
    for (let j = 0; j < count; j++) {
      const i = order[j] as number;
      const n = days[i] as number;
      // the same divisions as the in-memory function, on the same integers
      if (n > 0)
        summary.add(
          labels[i] as string,
          firstDay[i] as number,
          lastDay[i] as number,
          n,
          sqlMonetary[i] as number,
        );
    }
    const result: RepeatPurchaseSummaryResult = {
      ...summary.columns,
      droppedRecords: parsed.afterAsOf === "drop" ? laterCount : 0,
      customersWithoutPurchases: count - kept,
      options: {
        asOf: isoDate(endDay * MS_PER_DAY),
        timeUnit: parsed.timeUnit,
        afterAsOf: parsed.afterAsOf,
      },
    };
    return displayRepeatPurchaseSummary(result);
  } finally {
    open.close();
  }
}

/**
 * The twin's SQL (DuckDB; the rules of `repeatPurchaseSummarySql`, which it must equal) in one scan:
 * records grouped by customer and UTC day (purchase value, same-day refunds, first rows), refunds of
 * days without a purchase moved to the customer's latest earlier purchase day by a join of those
 * few days only, then per customer, unordered (`first_row` comes back: the caller puts rows in first-seen order). A refund on a day with a purchase stays in that day; with
 * times (not a DATE column) `early_refunds` counts days with a refund timed before the day's first
 * purchase, which the general SQL places instead; it also gives the row of a refund before any
 * purchase (`orphan_refunds` counts them here). Also `total` (every amount, by customer), whose
 * NaN or infinity shows a bad amount when the validation scan was skipped.
 */
function repeatSql(
  open: OpenSource,
  parsed: { readonly customer: string; readonly date: string; readonly amount?: string | undefined },
  dateType: SqlDateType,
  endDay: number,
): string {
  const date = dateType === "date";
  const end = date ? `DATE '${isoDate(endDay * MS_PER_DAY)}'` : String(endDay);
  const dayNumber = (x: string) => (date ? `${x} - DATE '1970-01-01'` : x);
  // t: the DATE itself, or epoch milliseconds
  const t = `, ${tryDayExpression(parsed.date, dateType, date ? "raw" : "ms")} AS t`;
  const day = date ? "t" : "floor(t / 86400000)";
  const records = `(SELECT ${columnAs(open, parsed.customer, "VARCHAR")} AS c, ${ROW_COLUMN} AS r${
    parsed.amount === undefined ? "" : `, ${columnAs(open, parsed.amount, "DOUBLE")} AS a`
  }${t} FROM (${open.query}) AS records)`;
  if (parsed.amount === undefined) {
    const days = `SELECT c, ${day} AS day, min(r) AS first_row FROM ${records} GROUP BY 1, 2`;
    return (
      `SELECT c AS customer, first_row, ${dayNumber("first_day")} AS first_day, ${dayNumber("last_day")} AS last_day, purchase_days, 0 AS monetary_value, 0 AS total ` +
      `FROM (SELECT c, min(first_row) AS first_row, count(*) FILTER (WHERE day <= ${end}) AS purchase_days, ` +
      `min(day) FILTER (WHERE day <= ${end}) AS first_day, max(day) FILTER (WHERE day <= ${end}) AS last_day FROM (${days}) GROUP BY 1)`
    );
  }
  const days =
    `days0 AS (SELECT c, ${day} AS day, min(r) AS first_row, sum(a) FILTER (WHERE a >= 0) AS purchase_value, ` +
    "sum(a) FILTER (WHERE a < 0) AS refund_value" +
    (date ? "" : ", min(t) FILTER (WHERE a >= 0) AS first_t, min(t) FILTER (WHERE a < 0) AS refund_t") +
    ` FROM ${records} GROUP BY 1, 2)`;
  // the purchase days joined are those of customers with such refunds (a semi-join first: DuckDB
  // otherwise builds its hash table on every purchase day)
  const moved =
    `refund_days AS (SELECT c, day, refund_value FROM days0 WHERE purchase_value IS NULL AND refund_value IS NOT NULL AND day <= ${end}), ` +
    "moved AS (SELECT q.c, max(p.day) AS day, q.refund_value FROM refund_days q LEFT JOIN " +
    "(SELECT c, day FROM days0 WHERE purchase_value IS NOT NULL AND c IN (SELECT c FROM refund_days)) p " +
    "ON p.c = q.c AND p.day < q.day GROUP BY q.c, q.day, q.refund_value)";
  const value = "d.purchase_value + coalesce(d.refund_value, 0) + coalesce(m.moved_value, 0)";
  const kept =
    `days AS (SELECT d.c, d.day, d.first_row, ${value} AS day_value, coalesce(d.purchase_value, 0) + coalesce(d.refund_value, 0) AS line_total, ` +
    `d.purchase_value IS NOT NULL AND d.day <= ${end} AND NOT ((d.refund_value IS NOT NULL OR m.moved_value IS NOT NULL) AND ${value} <= 0.000000001) AS kept` +
    (date ? "" : ", d.refund_t < d.first_t AS early") +
    ` FROM days0 d LEFT JOIN (SELECT c, day, sum(refund_value) AS moved_value FROM moved WHERE day IS NOT NULL GROUP BY 1, 2) m ON m.c = d.c AND m.day = d.day)`;
  const summary =
    `summary AS (SELECT c, min(first_row) AS first_row, count(*) FILTER (WHERE kept) AS purchase_days, ` +
    `min(day) FILTER (WHERE kept) AS first_day, max(day) FILTER (WHERE kept) AS last_day, ` +
    `sum(day_value) FILTER (WHERE kept) AS kept_value, arg_min(day_value, day) FILTER (WHERE kept) AS first_value, ` +
    `sum(line_total) AS total${date ? "" : ", count(*) FILTER (WHERE early) AS early_refunds"} FROM days GROUP BY 1)`;
  return (
    `WITH ${days}, ${moved}, ${kept}, ${summary} SELECT s.c AS customer, s.first_row, ${dayNumber("first_day")} AS first_day, ${dayNumber("last_day")} AS last_day, purchase_days, ` +
    `CASE WHEN purchase_days > 1 THEN (kept_value - first_value) / (purchase_days - 1) ELSE 0 END AS monetary_value, total, ` +
    `coalesce(o.orphan_refunds, 0) AS orphan_refunds${date ? "" : ", early_refunds"} FROM summary s ` +
    "LEFT JOIN (SELECT c, count(*) AS orphan_refunds FROM moved WHERE day IS NULL GROUP BY 1) o ON o.c = s.c"
  );
}
