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
import { firstSeenOrder } from "./internal/firstSeen.js";
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
    let { rows: count, columns } = await readColumns(
      open,
      repeatSql(open, parsed, dateType, endDay, checks.deferred),
      ["orphan_refunds", "bad_amounts", "early_refunds"],
    );
    // the flags are one value repeated on every row (read from the first)
    const flagged = (name: string) => (numbers(columns[name])[0] ?? 0) > 0;
    // checks waiting on the sums (a NaN or infinite amount shows in them) run before any error
    const orphans = flagged("orphan_refunds");
    if (checks.deferred && (orphans || flagged("bad_amounts")))
      checks = await summaryChecks(functionName, open, parsed, endDay);
    if (orphans || flagged("early_refunds")) {
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
    await orphanRefundCheck(functionName, open, parsed, dateType, columns);
    // first-seen order (the SQL leaves rows unordered)
    const order = firstSeenOrder(columns.first_row, count);
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
 * records grouped by customer and UTC day (`days0`: purchase value, same-day refunds, first row),
 * which the per-customer grouping reads once more with the refunds of days without a purchase added
 * to their customer's latest earlier purchase day. Those refund-only days are few: they alone find
 * their day by a join (its hash table is theirs; every day probes it once) and are joined back by
 * the target day's first row, an integer. The per-customer aggregates take the kept days through
 * CASE, not FILTER (about 0.3 s less CPU at 3.4M days). Rows come back unordered (`first_row`: the
 * caller puts them in first-seen order). A refund on a day with a purchase stays in that day; with
 * times (not a DATE column) `early_refunds` counts days with a refund timed before the day's first
 * purchase, which the general SQL places instead; it also gives the row of a refund before any
 * purchase (`orphan_refunds` counts them here). With `checkAmounts`, `bad_amounts` counts days
 * whose amounts are not finite (every amount lands in one of the day's two sums: NaN >= 0 holds in
 * DuckDB), for the validation scan that was skipped. The counts are one value on every row.
 */
function repeatSql(
  open: OpenSource,
  parsed: { readonly customer: string; readonly date: string; readonly amount?: string | undefined },
  dateType: SqlDateType,
  endDay: number,
  checkAmounts: boolean,
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
      `SELECT c AS customer, first_row, ${dayNumber("first_day")} AS first_day, ${dayNumber("last_day")} AS last_day, purchase_days, 0 AS monetary_value ` +
      `FROM (SELECT c, min(first_row) AS first_row, count(*) FILTER (WHERE day <= ${end}) AS purchase_days, ` +
      `min(day) FILTER (WHERE day <= ${end}) AS first_day, max(day) FILTER (WHERE day <= ${end}) AS last_day FROM (${days}) GROUP BY 1)`
    );
  }
  const days0 =
    `days0 AS (SELECT c, ${day} AS day, min(r) AS first_row, sum(a) FILTER (WHERE a >= 0) AS pv, ` +
    "sum(a) FILTER (WHERE a < 0) AS rv" +
    (date ? "" : ", min(t) FILTER (WHERE a >= 0) AS first_t, min(t) FILTER (WHERE a < 0) AS refund_t") +
    ` FROM ${records} GROUP BY 1, 2)`;
  // each refund-only day up to the end, with the first row of the latest earlier purchase day (null:
  // none); the purchase filter sits in the aggregate so that DuckDB builds the join's hash table on
  // the refund-only days (filtered on both sides, it picked the 3.4M days)
  const moved =
    "moved AS (SELECT q.rv, arg_max(p.first_row, p.day) FILTER (WHERE p.pv IS NOT NULL) AS target " +
    `FROM (SELECT c, day, first_row, rv FROM days0 WHERE pv IS NULL AND rv IS NOT NULL AND day <= ${end}) q ` +
    "LEFT JOIN days0 p ON p.c = q.c AND p.day < q.day GROUP BY q.first_row, q.rv)";
  const targets =
    "targets AS (SELECT target, sum(rv) AS moved FROM moved WHERE target IS NOT NULL GROUP BY 1)";
  const value = "d.pv + coalesce(d.rv, 0) + coalesce(m.moved, 0)";
  const kept = `d.pv IS NOT NULL AND d.day <= ${end} AND NOT ((d.rv IS NOT NULL OR m.moved IS NOT NULL) AND ${value} <= 0.000000001)`;
  const days =
    `days AS (SELECT d.c, d.first_row, CASE WHEN ${kept} THEN d.day END AS k, CASE WHEN ${kept} THEN ${value} END AS v ` +
    "FROM days0 d LEFT JOIN targets m ON m.target = d.first_row)";
  const flags =
    "(SELECT count(*) FROM moved WHERE target IS NULL) AS orphan_refunds" +
    (checkAmounts
      ? ", (SELECT count(*) FROM days0 WHERE NOT isfinite(coalesce(pv, 0) + coalesce(rv, 0))) AS bad_amounts"
      : "") +
    (date ? "" : ", (SELECT count(*) FROM days0 WHERE refund_t < first_t) AS early_refunds");
  return (
    `WITH ${days0}, ${moved}, ${targets}, ${days} SELECT c AS customer, min(first_row) AS first_row, ` +
    `${dayNumber("min(k)")} AS first_day, ${dayNumber("max(k)")} AS last_day, count(k) AS purchase_days, ` +
    `CASE WHEN count(k) > 1 THEN (sum(v) - arg_min(v, k)) / (count(k) - 1) ELSE 0 END AS monetary_value, ${flags} ` +
    "FROM days GROUP BY c"
  );
}
