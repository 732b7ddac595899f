import { checkOptions, date, required } from "../core/internal/optionRules.js";
import {
  asOfDayOption,
  checkColumnFields,
  checkedWriter,
  column,
  customerOrder,
  firstRowSelect,
  linesCte,
  numberLiteral,
  type WriterMaker,
} from "./internal/build.js";
import type { SqlOptions, SqlRelation } from "./SqlDialect.js";

/**
 * Options of {@link inactivityRiskSql}: the record fields (column names) and `asOf` of
 * `inactivityRisk` (clientele/churn). The prior and the bands are applied to the per-customer rows
 * afterwards (the DuckDB twin does it in JS).
 *
 * @example
 * ```ts
 * const options: InactivityRiskSqlOptions = { customer: "customer_id", date: "ordered_at", asOf: "2025-12-31" };
 * ```
 */
export interface InactivityRiskSqlOptions {
  /** Customer id column. */
  readonly customer: string;
  /** Purchase date column (see `SqlOptions.dateType`). */
  readonly date: string;
  /** The day the risk is judged on; later records are ignored (and counted in `ignored_records`). */
  readonly asOf: Date | string | number;
}

/** Rules of inactivityRiskSql's options (exported for the equivalence test of sql's option rules). */
export const inactivityRiskShape = {
  customer: /* @__PURE__ */ required(column),
  date: /* @__PURE__ */ required(column),
  asOf: /* @__PURE__ */ required(/* @__PURE__ */ date()),
};

/** SQL and the as-of day of {@link inactivityRiskSql} (used by the DuckDB twin). */
export interface InactivityRiskPlan {
  readonly sql: string;
  readonly asOfDay: number;
}

/** Builds the SQL of {@link inactivityRiskSql}; `fields` are the record fields of the options. */
export function inactivityRiskPlan(
  functionName: string,
  relation: SqlRelation,
  fields: InactivityRiskSqlOptions,
  writerFor: WriterMaker,
): InactivityRiskPlan {
  checkColumnFields(functionName, fields, ["customer", "date"], []);
  const parsed = checkOptions(functionName, inactivityRiskShape, fields);
  const asOfDay = asOfDayOption(functionName, parsed.asOf);
  const a = numberLiteral(asOfDay);
  const writer = writerFor(functionName, relation);
  const lines = linesCte(writer, { customer: parsed.customer, date: parsed.date });
  const days =
    `days AS (SELECT customer_id, day_number, ${firstRowSelect(writer)}COUNT(*) AS records ` +
    `FROM lines GROUP BY customer_id, day_number)`;
  const customers =
    `customers AS (SELECT customer_id, ${firstRowSelect(writer, "first_row")}` +
    `SUM(CASE WHEN day_number <= ${a} THEN 1 ELSE 0 END) AS purchase_days, ` +
    `MIN(CASE WHEN day_number <= ${a} THEN day_number END) AS first_day, ` +
    `MAX(CASE WHEN day_number <= ${a} THEN day_number END) AS last_day, ` +
    `SUM(CASE WHEN day_number > ${a} THEN records ELSE 0 END) AS ignored_records FROM days GROUP BY customer_id)`;
  const select =
    `SELECT customer_id AS customer, ${writer.rowNumber === undefined ? "" : "first_row, "}purchase_days, first_day, last_day, ` +
    `${a} - last_day AS days_since_last_purchase, ` +
    `CASE WHEN purchase_days > 1 THEN CAST(last_day - first_day AS ${writer.spec.double}) / (purchase_days - 1) END AS own_mean_gap_days, ` +
    `ignored_records FROM customers` +
    (writer.includeAll ? "" : " WHERE purchase_days > 0") +
    ` ${customerOrder(writer)}`;
  return { sql: `WITH ${lines}, ${days}, ${customers} ${select}`, asOfDay };
}

/**
 * The per-customer part of `inactivityRisk` (clientele/churn) as SQL: distinct UTC purchase days up
 * to `asOf` (`purchase_days`), `first_day` / `last_day` (UTC day numbers), `days_since_last_purchase`,
 * `own_mean_gap_days` (mean days between consecutive purchase days, null with one day) and
 * `ignored_records` (records after `asOf`). The population's typical gap is the median of
 * `own_mean_gap_days` over customers with two or more days (`PERCENTILE_CONT(0.5) WITHIN GROUP
 * (ORDER BY own_mean_gap_days)` in PostgreSQL and Snowflake, `PERCENTILE_CONT(own_mean_gap_days, 0.5)
 * OVER ()` in BigQuery, `percentile(own_mean_gap_days, 0.5)` in Spark, `median(...)` in DuckDB);
 * the shrinkage and bands are then arithmetic on these rows. Every record is a purchase occasion
 * (filter refunds first). SQL used: two GROUP BY levels, SUM/MIN/MAX and CASE.
 *
 * @param relation - the table, its qualified name, or `{ query }`
 * @param options - column names and `asOf`
 * @param sqlOptions - dialect, date type, row-number column
 * @returns one SELECT statement
 * @throws InvalidOptionsError for an accessor instead of a column name, or a malformed `asOf`
 * @example
 * ```ts
 * const sql = inactivityRiskSql("orders", { customer: "customer_id", date: "ordered_at", asOf: "2025-12-31" }, { dialect: "postgres" });
 * sql.includes("AS own_mean_gap_days"); // => true
 * ```
 */
export function inactivityRiskSql(
  relation: SqlRelation,
  options: InactivityRiskSqlOptions,
  sqlOptions: SqlOptions,
): string {
  return inactivityRiskPlan("inactivityRiskSql", relation, options, checkedWriter(sqlOptions)).sql;
}
