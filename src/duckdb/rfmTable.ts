import { InvalidRecordError, isoDate, MS_PER_DAY } from "../core/index.js";
import { type RfmTableSqlOptions, rfmTableOptions } from "../sql/rfmTableSql.js";
import { quoteSqlIdentifier, type SqlDateType } from "../sql/SqlDialect.js";
import { isoDayFormatter } from "../value/internal/isoDays.js";
import { type RfmTableResult, type RfmTableRow, rfmTableResult } from "../value/rfmTable.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import {
  columnAs,
  type FieldColumn,
  laterRecordsChecks,
  numbers,
  type OpenSource,
  openSource,
  ROW_COLUMN,
  readColumns,
  stringLiteral,
  tryDayExpression,
  validateFields,
  valueAt,
} from "./internal/source.js";

/**
 * `rfmTable` (clientele/value) on a file or DuckDB table: the aggregation runs in DuckDB (the SQL of
 * `rfmTableSql` for the duckdb dialect), one row per customer comes back, and the result is the one
 * `rfmTable` returns for the same records — same customers in the same (first-seen) order, same
 * numbers, same errors (a missing column names the available ones; a missing id, an unparsable date
 * or amount, a later record, an order shared by two customers or a negative net spend is an
 * InvalidRecordError naming the row — the record's position in the file — the column and the value).
 *
 * Fields are column names; an accessor function is an InvalidOptionsError. Dates may be DATE or
 * TIMESTAMP columns, ISO 8601 text or epoch milliseconds. Memory: the customers' rows only.
 *
 * @param source - a CSV/Parquet/JSON path or glob, or `{ connection, table }` / `{ connection, query }`
 * @param options - `rfmTable`'s options with column names
 * @returns the `rfmTable` result
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @throws InvalidOptionsError for malformed options, an accessor, an unreadable source or a missing column
 * @throws InvalidRecordError as `rfmTable`
 * @example
 * ```ts
 * // a file or glob reads the same way: rfmTable("order-lines.parquet", options)
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
 * const table = await rfmTable({ connection, table: "order_lines" }, {
 *   customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: "2025-12-31",
 * });
 * table.customers[0];
 * // => { customer: "a", recencyDays: 139, frequency: 3, monetary: 90, firstPurchase: "2025-01-10", lastPurchase: "2025-08-14" }
 * ```
 */
export async function rfmTable(source: DuckDBSource, options: RfmTableSqlOptions): Promise<RfmTableResult> {
  const functionName = "rfmTable";
  // options first (no I/O on malformed options)
  const { options: parsed, asOfDay } = rfmTableOptions(functionName, options);
  const open = await openSource(functionName, source);
  try {
    const fields: FieldColumn[] = [
      { option: "customer", column: parsed.customer, kind: "id" },
      { option: "date", column: parsed.date, kind: "date" },
      { option: "amount", column: parsed.amount, kind: "number" },
    ];
    if (parsed.order !== undefined) fields.push({ option: "order", column: parsed.order, kind: "id" });
    const validate = (lastDay?: number) =>
      validateFields(
        functionName,
        open,
        fields,
        (type) => laterRecordsChecks(parsed.date, type, asOfDay),
        lastDay,
      );
    // Parquet statistics may prove the records clean (no scan): a NaN or infinite amount then shows
    // in a net spend, and any error found below is checked against the full validation first
    let { dateType, extra, deferred } = await validate(asOfDay);
    const laterCount = Number(extra.later_count ?? 0);
    let firstError: { row: number; error: InvalidRecordError } | undefined;
    if (laterCount > 0 && parsed.afterAsOf === "error") {
      const row = Number(extra.later_row);
      firstError = {
        row,
        error: new InvalidRecordError(
          functionName,
          row,
          parsed.date,
          extra.later_value,
          `the date is after asOf (${isoDate(asOfDay * MS_PER_DAY)}); remove later records, move asOf, or pass afterAsOf: "drop"`,
        ),
      };
    }
    const { rows: count, columns } = await readColumns(
      open,
      rfmSql(open, parsed, dateType, asOfDay, laterCount > 0),
    );
    const orders = numbers(columns.purchase_orders);
    const net = numbers(columns.net);
    const shared = numbers(columns.shared_orders);
    if (
      deferred &&
      (net.some((v) => !Number.isFinite(v)) || shared.some((v) => v > 0) || net.some((v) => v < -1e-9))
    ) {
      await validate();
      deferred = false;
    }
    if (parsed.order !== undefined && shared.some((v) => v > 0)) {
      const conflict = await sharedOrderError(functionName, open, parsed, dateType, asOfDay);
      if (conflict !== undefined && (firstError === undefined || conflict.row < firstError.row))
        firstError = conflict;
    }
    if (firstError !== undefined) throw firstError.error;
    const customer = columns.customer as string[];
    const lines = numbers(columns.purchase_lines);
    const firstDay = numbers(columns.first_day);
    const lastDay = numbers(columns.last_day);
    const isoDay = isoDayFormatter();
    const rows: RfmTableRow[] = [];
    let withoutPurchases = 0;
    for (let i = 0; i < count; i++) {
      const purchaseOrders = orders[i] as number;
      if (purchaseOrders === 0) {
        withoutPurchases++;
        continue;
      }
      const total = net[i] as number;
      if (total < -1e-9) {
        const label = customer[i] as string;
        const c = (name: string) => quoteSqlIdentifier(name, "duckdb");
        const refunds = await open.connection.runAndReadAll(
          `SELECT max(${ROW_COLUMN}) FROM (${open.query}) AS records WHERE CAST(${c(parsed.customer)} AS VARCHAR) = ${stringLiteral(label)} ` +
            `AND try_cast(${c(parsed.amount)} AS DOUBLE) < 0 AND ${tryDayExpression(parsed.date, dateType)} <= ${asOfDay}`,
          [...open.params],
        );
        const row = Number(refunds.getRowsJS()[0]?.[0] ?? 0);
        throw new InvalidRecordError(
          functionName,
          row,
          parsed.amount,
          await valueAt(open, parsed.amount, row),
          `customer "${label}" has a negative net spend (${total.toFixed(2)}) after this refund; check for refunds without their purchases`,
        );
      }
      rows.push({
        customer: customer[i] as string,
        recencyDays: asOfDay - (lastDay[i] as number),
        frequency: parsed.frequency === "orders" ? purchaseOrders : (lines[i] as number),
        monetary: parsed.monetary === "total" ? total : total / purchaseOrders,
        firstPurchase: isoDay(firstDay[i] as number),
        lastPurchase: isoDay(lastDay[i] as number),
      });
    }
    return rfmTableResult(rows, {
      customersWithoutPurchases: withoutPurchases,
      droppedRecords: parsed.afterAsOf === "drop" ? laterCount : 0,
      options: {
        asOf: isoDate(asOfDay * MS_PER_DAY),
        frequency: parsed.frequency,
        monetary: parsed.monetary,
        afterAsOf: parsed.afterAsOf,
        orderField: parsed.order !== undefined,
      },
    });
  } finally {
    open.close();
  }
}

/**
 * The twin's SQL (DuckDB only; the rules of `rfmTableSql`, which it must equal): one scan of the
 * columns it needs, cast only when not of the type already, DATE columns aggregated as dates and
 * turned into day numbers per customer, FILTER clauses, and no day test at all when validation
 * found no record after asOf. One row per customer, every customer (later records included), in
 * first-seen order, with `customer`, `first_day`, `last_day`, `purchase_orders`, `purchase_lines`
 * (transactions frequency only), `net` and `shared_orders`.
 */
function rfmSql(
  open: OpenSource,
  parsed: ReturnType<typeof rfmTableOptions>["options"],
  dateType: SqlDateType,
  asOfDay: number,
  later: boolean,
): string {
  const customer = columnAs(open, parsed.customer, "VARCHAR");
  const amount = columnAs(open, parsed.amount, "DOUBLE");
  const day = tryDayExpression(parsed.date, dateType, "raw");
  // with later records every aggregate tests the day (their customers still count, without purchases)
  const kept = later
    ? `${day} <= ${dateType === "date" ? `DATE '${isoDate(asOfDay * MS_PER_DAY)}'` : asOfDay}`
    : "";
  const where = (test: string) => (kept === "" ? test : `${kept} AND ${test}`);
  const only = (test: string) => (test === "" ? "" : ` FILTER (WHERE ${test})`);
  const lines = parsed.frequency === "transactions";
  const dayNumber = (x: string) => (dateType === "date" ? `${x} - DATE '1970-01-01'` : x);
  const from = `FROM (${open.query}) AS records`;
  let customers: string;
  if (parsed.order === undefined) {
    customers =
      `SELECT ${customer} AS customer_id, min(${ROW_COLUMN}) AS first_row, coalesce(sum(${amount})${only(kept)}, 0) AS net, ` +
      `count(*)${only(where(`${amount} >= 0`))} AS purchase_orders, count(*)${only(where(`${amount} >= 0`))} AS purchase_lines, ` +
      `min(${day})${only(where(`${amount} >= 0`))} AS first_day, max(${day})${only(where(`${amount} >= 0`))} AS last_day, ` +
      `0 AS shared_orders ${from} GROUP BY 1`;
  } else {
    const owner =
      kept === ""
        ? `min(${customer})`
        : `coalesce(min(${customer}) FILTER (WHERE ${kept}), min(${customer}))`;
    const orders =
      `SELECT ${owner} AS customer_id, min(${customer})${only(kept)} < max(${customer})${only(kept)} AS shared, ` +
      `min(${ROW_COLUMN}) AS first_row, sum(${amount})${only(kept)} AS net, ` +
      (lines ? `count(*)${only(where(`${amount} >= 0`))} AS purchase_lines, ` : "") +
      `bool_or(${amount} < 0)${only(kept)} AS refunded, min(${day})${only(where(`${amount} >= 0`))} AS order_day ` +
      `${from} GROUP BY ${columnAs(open, parsed.order, "VARCHAR")}`;
    // an order is a purchase unless it has no purchase line or refunds bring it to zero or below
    const purchase = "order_day IS NOT NULL AND NOT (refunded AND net <= 0.000000001)";
    customers =
      `SELECT customer_id, min(first_row) AS first_row, coalesce(sum(net), 0) AS net, ` +
      `count(*) FILTER (WHERE is_purchase) AS purchase_orders, ` +
      (lines ? "sum(purchase_lines) FILTER (WHERE is_purchase) AS purchase_lines, " : "") +
      `min(order_day) FILTER (WHERE is_purchase) AS first_day, max(order_day) FILTER (WHERE is_purchase) AS last_day, ` +
      `count(*) FILTER (WHERE shared) AS shared_orders FROM (SELECT *, ${purchase} AS is_purchase FROM (${orders})) GROUP BY 1`;
  }
  return (
    `SELECT customer_id AS customer, ${dayNumber("first_day")} AS first_day, ${dayNumber("last_day")} AS last_day, ` +
    `purchase_orders, ${lines ? "purchase_lines, " : ""}net, shared_orders FROM (${customers}) ORDER BY first_row`
  );
}

/** The first record whose order id already belongs to another customer (kept records only). */
async function sharedOrderError(
  functionName: string,
  open: Awaited<ReturnType<typeof openSource>>,
  parsed: { readonly customer: string; readonly date: string; readonly order?: string | undefined },
  dateType: Parameters<typeof tryDayExpression>[1],
  asOfDay: number,
): Promise<{ row: number; error: InvalidRecordError } | undefined> {
  const c = (name: string) => quoteSqlIdentifier(name, "duckdb");
  const order = c(parsed.order as string);
  const sql =
    `WITH l AS (SELECT CAST(${order} AS VARCHAR) AS order_id, CAST(${c(parsed.customer)} AS VARCHAR) AS customer_id, ${ROW_COLUMN} AS row_pos, ${order} AS raw_order ` +
    `FROM (${open.query}) AS records WHERE ${tryDayExpression(parsed.date, dateType)} <= ${asOfDay}), ` +
    `owners AS (SELECT order_id, arg_min(customer_id, row_pos) AS owner FROM l GROUP BY order_id) ` +
    `SELECT l.row_pos, l.raw_order, owners.owner, l.customer_id FROM l JOIN owners ON owners.order_id = l.order_id ` +
    `WHERE l.customer_id <> owners.owner ORDER BY l.row_pos LIMIT 1`;
  const found = (await open.connection.runAndReadAll(sql, [...open.params])).getRowsJS()[0];
  if (found === undefined) return undefined;
  const row = Number(found[0]);
  const raw = typeof found[1] === "bigint" ? Number(found[1]) : found[1];
  return {
    row,
    error: new InvalidRecordError(
      functionName,
      row,
      parsed.order as string,
      raw,
      `the order id belongs to customer "${String(found[2])}" and to customer "${String(found[3])}"; order ids must identify one customer's order`,
    ),
  };
}
