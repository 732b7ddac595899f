import { checkOptions, date, type OptionValues, oneOf, required } from "../core/internal/optionRules.js";
import {
  asOfDayOption,
  checkColumnFields,
  column,
  linesCte,
  numberLiteral,
  sqlWriter,
} from "./internal/build.js";
import type { SqlOptions, SqlRelation } from "./SqlDialect.js";

/**
 * Options of {@link cohortRetentionSql}: those of `cohortRetention` (clientele/churn), with every
 * field a column name.
 *
 * @example
 * ```ts
 * const options: CohortRetentionSqlOptions = { customer: "customer_id", date: "ordered_at", amount: "amount", period: "month", asOf: "2025-12-31" };
 * ```
 */
export interface CohortRetentionSqlOptions {
  /** Customer id column. */
  readonly customer: string;
  /** Purchase date column (see `SqlOptions.dateType`); UTC calendar days are used. */
  readonly date: string;
  /** Purchase amount column; with it every cell also sums the cohort's revenue. @defaultValue undefined */
  readonly amount?: string;
  /** Calendar period of cohorts and activity: weeks start on Monday (UTC). */
  readonly period: "week" | "month" | "quarter";
  /** The last day of data (inclusive); later records are left out. */
  readonly asOf: Date | string | number;
}

/** Rules of cohortRetentionSql's options (exported for the equivalence test of sql's option rules). */
export const cohortRetentionShape = {
  customer: /* @__PURE__ */ required(column),
  date: /* @__PURE__ */ required(column),
  amount: column,
  period: /* @__PURE__ */ required(/* @__PURE__ */ oneOf(["week", "month", "quarter"])),
  asOf: /* @__PURE__ */ required(/* @__PURE__ */ date()),
};

/** The parsed options and SQL of a cohort table (used by the DuckDB twin). */
export interface CohortRetentionPlan {
  readonly sql: string;
  readonly asOfDay: number;
  readonly options: OptionValues<typeof cohortRetentionShape>;
}

/**
 * The period index of the UTC day number in column `day` of `from`, in three CTEs named
 * `${name}_1`..`${name}` (the last one has every column of `from` plus `period`): weeks by
 * `FLOOR((day + 3) / 7)` (Mondays); months and quarters by the proleptic Gregorian
 * civil-from-days arithmetic (Hinnant's algorithm, the one the in-memory function uses), written with
 * FLOOR, `+ - * /` and CASE only, so it reads the same in every dialect (divisions by `n.0` literals:
 * no integer division anywhere).
 */
function periodCtes(
  name: string,
  from: string,
  period: "week" | "month" | "quarter",
  bigint: string,
): string {
  if (period === "week") {
    return `${name} AS (SELECT f.*, CAST(FLOOR((f.day_number + 3) / 7.0) AS ${bigint}) AS period FROM ${from} f)`;
  }
  // z = day + 719468; era; day of era; year of era; day of year; month from March (0..11)
  const step1 =
    `${name}_1 AS (SELECT f.*, FLOOR((f.day_number + 719468) / 146097.0) AS era, ` +
    `f.day_number + 719468 - FLOOR((f.day_number + 719468) / 146097.0) * 146097 AS day_of_era FROM ${from} f)`;
  const step2 =
    `${name}_2 AS (SELECT s.*, FLOOR((s.day_of_era - FLOOR(s.day_of_era / 1460.0) + FLOOR(s.day_of_era / 36524.0) ` +
    `- FLOOR(s.day_of_era / 146096.0)) / 365.0) AS year_of_era FROM ${name}_1 s)`;
  const march = `FLOOR((5 * (s.day_of_era - (365 * s.year_of_era + FLOOR(s.year_of_era / 4.0) - FLOOR(s.year_of_era / 100.0))) + 2) / 153.0)`;
  // month (January = 0) and year of the civil date; index = year * 12 + month, or year * 4 + month / 3
  const month = `CASE WHEN ${march} < 10 THEN ${march} + 2 ELSE ${march} - 10 END`;
  const year = `s.year_of_era + s.era * 400 + CASE WHEN ${march} >= 10 THEN 1 ELSE 0 END`;
  const index = period === "month" ? `(${year}) * 12 + ${month}` : `(${year}) * 4 + FLOOR((${month}) / 3.0)`;
  const step3 = `${name} AS (SELECT s.*, CAST(${index} AS ${bigint}) AS period FROM ${name}_2 s)`;
  return `${step1}, ${step2}, ${step3}`;
}

/** Builds the SQL of {@link cohortRetentionSql} and returns it with the parsed options. */
export function cohortRetentionPlan(
  functionName: string,
  relation: SqlRelation,
  options: CohortRetentionSqlOptions,
  sqlOptions: SqlOptions,
): CohortRetentionPlan {
  checkColumnFields(functionName, options, ["customer", "date"], ["amount"]);
  const parsed = checkOptions(functionName, cohortRetentionShape, options);
  const asOfDay = asOfDayOption(functionName, parsed.asOf);
  // record positions are not needed: cohorts come out sorted by period
  const { rowNumber: _rowNumber, ...withoutRowNumber } = (sqlOptions ?? {}) as SqlOptions;
  const writer = sqlWriter(functionName, relation, withoutRowNumber);
  const { spec } = writer;
  const withAmount = parsed.amount !== undefined;
  const lines = linesCte(writer, { customer: parsed.customer, date: parsed.date, amount: parsed.amount });
  // one row per customer and purchase day first (fewer rows for the calendar arithmetic)
  const customerDays =
    `customer_days AS (SELECT customer_id, day_number${withAmount ? ", SUM(amount) AS revenue" : ""} ` +
    `FROM lines WHERE day_number <= ${numberLiteral(asOfDay)} GROUP BY customer_id, day_number)`;
  const periods = periodCtes("day_periods", "customer_days", parsed.period, spec.bigint);
  const customerPeriods =
    `customer_periods AS (SELECT customer_id, period${withAmount ? ", SUM(revenue) AS revenue" : ""} ` +
    `FROM day_periods GROUP BY customer_id, period)`;
  const acquired =
    `acquired AS (SELECT customer_id, period, ${withAmount ? "revenue, " : ""}` +
    `MIN(period) OVER (PARTITION BY customer_id) AS cohort FROM customer_periods)`;
  const cells =
    `cells AS (SELECT cohort, period - cohort AS periods_since_acquisition, COUNT(*) AS active_customers` +
    `${withAmount ? ", SUM(revenue) AS revenue" : ""} FROM acquired GROUP BY cohort, period - cohort)`;
  const select =
    `SELECT cohort, periods_since_acquisition, ` +
    `SUM(CASE WHEN periods_since_acquisition = 0 THEN active_customers ELSE 0 END) OVER (PARTITION BY cohort) AS cohort_customers, ` +
    `active_customers${withAmount ? ", revenue" : ""} FROM cells ORDER BY cohort, periods_since_acquisition`;
  return {
    sql: `WITH ${lines}, ${customerDays}, ${periods}, ${customerPeriods}, ${acquired}, ${cells} ${select}`,
    asOfDay,
    options: parsed,
  };
}

/**
 * The SQL of `cohortRetention` (clientele/churn) for a table in a database or warehouse: the cohort
 * triangle in long form, one row per acquisition cohort and period since acquisition in which at
 * least one of its customers bought, sorted by cohort then period: `cohort` (the period index: for
 * `"month"` year × 12 + month − 1, for `"quarter"` year × 4 + quarter − 1, for `"week"` the number
 * of Mondays since 1970-01-05, so the week starts on day `cohort × 7 − 3` since 1970-01-01),
 * `periods_since_acquisition`, `cohort_customers` (customers whose first purchase on or before asOf
 * falls in the cohort's period), `active_customers` (those with a purchase in the period) and, with
 * `amount`, `revenue` (their amounts summed as given, refunds included).
 *
 * The rules are `cohortRetention`'s: every record is a purchase occasion; a customer is active in a
 * period with at least one record in it; records after asOf are left out. Retention is
 * `active_customers / cohort_customers`; periods without activity have no row (0 active); the period
 * containing asOf is partial unless asOf is its last day (`cohortRetention` and the DuckDB twin mark
 * it incomplete and leave it out of the average curve).
 *
 * Safe SQL: columns and the relation are quoted as identifiers of the dialect; asOf is validated
 * and written as an integer day number. The calendar is plain arithmetic on UTC day numbers (`FLOOR`,
 * `+ - * /`, `CASE`), the same in every dialect; the day of a record is read as in {@link SqlDialect}
 * (`epoch_ms`, `EXTRACT(EPOCH FROM ...)`, `UNIX_MILLIS(TIMESTAMP(...))`,
 * `DATE_PART(EPOCH_MILLISECOND, ...)`, `unix_millis`); distinct customers per cell come from a
 * GROUP BY on (customer, period) first, acquisition from `MIN(period) OVER (PARTITION BY customer)`.
 *
 * @param relation - the table, its qualified name, or `{ query }`
 * @param options - column names and `cohortRetention`'s options
 * @param sqlOptions - the dialect and the date column's type (`rowNumber` is not needed: cohorts are sorted by period)
 * @returns one SQL statement (a single SELECT)
 * @throws InvalidOptionsError for an accessor instead of a column name, or malformed options
 * @example
 * ```ts
 * const sql = cohortRetentionSql(
 *   ["shop", "order_lines"],
 *   { customer: "customer_id", date: "ordered_at", amount: "amount", period: "month", asOf: "2025-12-31" },
 *   { dialect: "snowflake", dateType: "date" },
 * );
 * sql.includes('DATEDIFF(day, DATE \'1970-01-01\', "ordered_at")'); // => true
 * ```
 */
export function cohortRetentionSql(
  relation: SqlRelation,
  options: CohortRetentionSqlOptions,
  sqlOptions: SqlOptions,
): string {
  return cohortRetentionPlan("cohortRetentionSql", relation, options, sqlOptions).sql;
}
