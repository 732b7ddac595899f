import {
  type CohortCells,
  type CohortRetentionResult,
  cohortRetentionResult,
} from "../churn/cohortRetention.js";
import { type CohortPeriod, periodIndex } from "../churn/internal/calendar.js";
import { InsufficientDataError, isoDate, MS_PER_DAY } from "../core/index.js";
import { type CohortRetentionSqlOptions, cohortRetentionPlan } from "../sql/cohortRetentionSql.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import {
  type FieldColumn,
  laterRecordsChecks,
  numbers,
  openSource,
  readColumns,
  validateFields,
} from "./internal/source.js";

/**
 * `cohortRetention` (clientele/churn) on a file or DuckDB table: customers grouped by the calendar
 * period of their first purchase, and per later period how many of them bought, with revenue per
 * acquired customer and the size-weighted average curve. DuckDB counts the distinct customers of
 * every (cohort, period) cell with the SQL of `cohortRetentionSql`; only the cells (at most
 * cohorts × periods rows, whatever the number of records) cross into JS, where the triangle, the
 * incomplete last period and the average curve are built as `cohortRetention` builds them. The
 * result equals `cohortRetention`'s on the same records (same cohorts, numbers and errors: a missing
 * column names the available ones; a missing id, an unparsable date or amount is an
 * InvalidRecordError naming the record's row in the file, the column and the value).
 *
 * Fields are column names; an accessor function is an InvalidOptionsError. Dates may be DATE or
 * TIMESTAMP columns, ISO 8601 text or epoch milliseconds.
 *
 * @param source - a CSV/Parquet/JSON path or glob, or `{ connection, table }` / `{ connection, query }`
 * @param options - `cohortRetention`'s options with column names
 * @returns the `cohortRetention` result
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @throws InvalidOptionsError for malformed options, an accessor, an unreadable source or a missing column
 * @throws InvalidRecordError for a missing or invalid customer, date or amount
 * @throws InsufficientDataError when no record is on or before asOf
 * @example
 * ```ts
 * // a CSV file with these columns reads the same way: cohortRetention("orders.csv", options)
 * import { DuckDBInstance } from "@duckdb/node-api";
 * const connection = await (await DuckDBInstance.create(":memory:")).connect();
 * await connection.run(
 *   "CREATE TABLE orders AS SELECT * FROM (VALUES ('a', DATE '2024-01-05', 10), ('a', DATE '2024-02-03', 7), " +
 *     "('b', DATE '2024-01-31', 20), ('b', DATE '2024-03-15', 4), ('c', DATE '2024-02-10', 8)) AS t(customer, date, total)",
 * );
 * const table = await cohortRetention({ connection, table: "orders" }, {
 *   customer: "customer", date: "date", amount: "total", period: "month", asOf: "2024-03-20",
 * });
 * table.cohorts[0];
 * // => { cohort: "2024-01", start: "2024-01-01", customers: 2, active: [2, 1, 1], retention: [1, 0.5, 0.5],
 * //      revenuePerCustomer: [15, 3.5, 2], cumulativeRevenuePerCustomer: [15, 18.5, 20.5], complete: [true, true, false] }
 * ```
 */
export async function cohortRetention(
  source: DuckDBSource,
  options: CohortRetentionSqlOptions,
): Promise<CohortRetentionResult> {
  const functionName = "cohortRetention";
  // options first (no I/O on malformed options)
  const draft = cohortRetentionPlan(functionName, "records", options, { dialect: "duckdb" });
  const parsed = draft.options;
  const asOfDay = draft.asOfDay;
  const open = await openSource(functionName, source);
  try {
    const fields: FieldColumn[] = [
      { option: "customer", column: parsed.customer, kind: "id" },
      { option: "date", column: parsed.date, kind: "date" },
    ];
    if (parsed.amount !== undefined) fields.push({ option: "amount", column: parsed.amount, kind: "number" });
    const { dateType, extra } = await validateFields(functionName, open, fields, (type) => [
      { name: "record_count", sql: "count(*)" },
      ...laterRecordsChecks(parsed.date, type, asOfDay),
    ]);
    const recordCount = Number(extra.record_count ?? 0);
    const ignoredRecords = Number(extra.later_count ?? 0);
    if (ignoredRecords === recordCount) {
      throw new InsufficientDataError(
        functionName,
        recordCount === 0
          ? "no purchase records"
          : `all ${recordCount} records are after asOf ${isoDate(asOfDay * MS_PER_DAY)}; choose a later asOf`,
      );
    }
    const plan = cohortRetentionPlan(functionName, { query: open.query }, options, {
      dialect: "duckdb",
      dateType,
    });
    const { rows, columns } = await readColumns(open, plan.sql);
    return cohortResult(
      parsed.period,
      asOfDay,
      ignoredRecords,
      {
        cohort: numbers(columns.cohort),
        offset: numbers(columns.periods_since_acquisition),
        size: numbers(columns.cohort_customers),
        active: numbers(columns.active_customers),
        revenue: parsed.amount === undefined ? undefined : numbers(columns.revenue),
      },
      rows,
    );
  } finally {
    open.close();
  }
}

/** The cells of the SQL (sorted by cohort, then period) as `cohortRetention`'s result. */
function cohortResult(
  period: CohortPeriod,
  asOfDay: number,
  ignoredRecords: number,
  cells: {
    readonly cohort: Float64Array;
    readonly offset: Float64Array;
    readonly size: Float64Array;
    readonly active: Float64Array;
    readonly revenue: Float64Array | undefined;
  },
  count: number,
): CohortRetentionResult {
  const asOfPeriod = periodIndex(asOfDay, period);
  const cohorts: CohortCells[] = [];
  let i = 0;
  while (i < count) {
    const cohortPeriod = cells.cohort[i] as number;
    const customers = cells.size[i] as number;
    // the SQL lists only the periods with a purchase: the others stay 0
    const length = asOfPeriod - cohortPeriod + 1;
    const active = new Float64Array(length);
    const revenue = cells.revenue === undefined ? undefined : new Float64Array(length);
    for (; i < count && cells.cohort[i] === cohortPeriod; i++) {
      const o = cells.offset[i] as number;
      active[o] = cells.active[i] as number;
      if (cells.revenue !== undefined && revenue !== undefined) revenue[o] = cells.revenue[i] as number;
    }
    cohorts.push({ period: cohortPeriod, customers, active, revenue });
  }
  return cohortRetentionResult(cohorts, {
    asOfDay,
    ignoredRecords,
    period,
    withAmount: cells.revenue !== undefined,
  });
}
