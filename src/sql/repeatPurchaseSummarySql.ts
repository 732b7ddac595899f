import { DAYS_PER_UNIT, type TimeUnit } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, date, type OptionShape, oneOf, required } from "../core/internal/optionRules.js";
import { dayOption } from "../value/internal/summaryPeriod.js";
import { checkColumnFields, checkedWriter, column, type WriterMaker } from "./internal/build.js";
import { keptDayAggregates, purchaseDayInputs, summarySelect } from "./internal/purchaseDaysCte.js";
import type { SqlOptions, SqlRelation } from "./SqlDialect.js";

/**
 * Options of {@link repeatPurchaseSummarySql}: those of `repeatPurchaseSummary` (clientele/value),
 * with every field a column name.
 *
 * @example
 * ```ts
 * const options: RepeatPurchaseSummarySqlOptions = { customer: "customer_id", date: "ordered_at", amount: "amount", asOf: "1997-09-30", timeUnit: "week" };
 * ```
 */
export interface RepeatPurchaseSummarySqlOptions {
  /** Customer id column. */
  readonly customer: string;
  /** Date column (see `SqlOptions.dateType`); purchases are grouped by UTC day. */
  readonly date: string;
  /** Value column; negative values are refunds. Without it `monetary_value` is 0. */
  readonly amount?: string;
  /** Last day of the observation period (inclusive). */
  readonly asOf: Date | string | number;
  /** Unit of `recency` and `T`. @defaultValue "day" */
  readonly timeUnit?: TimeUnit;
  /** Accepted for parity; later records are always left out of the SQL's aggregates. @defaultValue "error" */
  readonly afterAsOf?: "error" | "drop";
}

/** Shared option rules of the repeat-purchase writers (defaults: {@link parseSummaryOptions}). */
export const summaryShape = {
  customer: /* @__PURE__ */ required(column),
  date: /* @__PURE__ */ required(column),
  amount: column,
  asOf: /* @__PURE__ */ required(/* @__PURE__ */ date()),
  timeUnit: /* @__PURE__ */ oneOf(["day", "week", "month", "quarter", "year"]),
  afterAsOf: /* @__PURE__ */ oneOf(["error", "drop"]),
};

/**
 * Checks the options of a repeat-purchase writer against `shape` (summaryShape or one that extends it)
 * and fills in the defaults: timeUnit "day", afterAsOf "error".
 */
export function parseSummaryOptions<S extends typeof summaryShape & OptionShape>(
  functionName: string,
  shape: S,
  options: unknown,
) {
  return withDefaults(checkOptions(functionName, shape, options), {
    timeUnit: "day",
    afterAsOf: "error",
  } as const);
}

/** The SQL and parsed options of {@link repeatPurchaseSummarySql} (used by the DuckDB twin). */
export interface RepeatPurchaseSummaryPlan {
  readonly sql: string;
  readonly endDay: number;
  readonly unitDays: number;
  readonly options: ReturnType<typeof parseSummaryOptions<typeof summaryShape>>;
}

/** Builds the SQL of {@link repeatPurchaseSummarySql} with the parsed options. */
export function repeatPurchaseSummaryPlan(
  functionName: string,
  relation: SqlRelation,
  options: RepeatPurchaseSummarySqlOptions,
  writerFor: WriterMaker,
): RepeatPurchaseSummaryPlan {
  checkColumnFields(functionName, options, ["customer", "date"], ["amount"]);
  const parsed = parseSummaryOptions(functionName, summaryShape, options);
  const endDay = dayOption(functionName, "asOf", parsed.asOf);
  const writer = writerFor(functionName, relation);
  const unitDays = DAYS_PER_UNIT[parsed.timeUnit];
  const inputs = purchaseDayInputs(writer, parsed, endDay);
  const { firstRow, firstValue } = keptDayAggregates(writer);
  const summary =
    `summary AS (SELECT customer_id, ${firstRow}SUM(kept) AS purchase_days, ` +
    `MIN(CASE WHEN kept = 1 THEN day_number END) AS first_day, MAX(CASE WHEN kept = 1 THEN day_number END) AS last_day, ` +
    `SUM(CASE WHEN kept = 1 THEN day_value ELSE 0 END) AS kept_value, ${firstValue} FROM days GROUP BY customer_id)`;
  const select = summarySelect(writer, {
    purchaseDays: "purchase_days",
    value: "kept_value",
    endDay,
    unitDays,
    hasAmount: parsed.amount !== undefined,
    columns: "s.first_day, s.last_day, s.purchase_days",
    keepWhen: "s.purchase_days > 0",
  });
  return { sql: `WITH ${inputs}, ${summary} ${select}`, endDay, unitDays, options: parsed };
}

/**
 * The SQL of `repeatPurchaseSummary` (clientele/value): the lifetimes summary (`frequency` = repeat
 * purchase days, `recency`, `T` in `timeUnit`s, `monetary_value` = mean net value of the repeat
 * purchase days) computed inside the database; one row per customer, ready for `fitBgNbd`,
 * `fitParetoNbd` and `fitGammaGamma`. Columns: `customer`, `frequency`, `recency`, `T`,
 * `monetary_value`, `first_day`, `last_day` (UTC day numbers), `purchase_days`, `orphan_refunds`
 * (refunds dated before any purchase of the customer: `repeatPurchaseSummary` refuses them), and
 * `first_row` / `orphan_row` with `sqlOptions.rowNumber`.
 *
 * The refund rule is `repeatPurchaseSummary`'s: a refund is netted into the customer's latest
 * purchase day with a purchase at or before the refund's time, and a purchase day that refunds bring
 * to zero or below is dropped. SQL used: GROUP BY, SUM/MIN/MAX, a LEFT JOIN on `first_t <= t_ms`
 * (refunds only), an equi-join of the days with the refund totals, and the first purchase day's value
 * (DuckDB `arg_min`, PostgreSQL `(array_agg(... ORDER BY ...))[1]`, BigQuery and Snowflake `MIN_BY`,
 * Spark `min_by`); dates as in {@link rfmTableSql}. Unit lengths are `DAYS_PER_UNIT` (week 7, month 30.436875 days, ...).
 *
 * @param relation - the table, its qualified name, or `{ query }`
 * @param options - column names and `repeatPurchaseSummary`'s options
 * @param sqlOptions - dialect, date type, row-number column
 * @returns one SELECT statement
 * @throws InvalidOptionsError for an accessor instead of a column name, or malformed options
 * @example
 * ```ts
 * const sql = repeatPurchaseSummarySql("transactions", {
 *   customer: "customer_id", date: "date", amount: "amount", asOf: "1997-09-30", timeUnit: "week",
 * }, { dialect: "snowflake" });
 * sql.includes('CAST("customer_id" AS VARCHAR)'); // => true
 * ```
 */
export function repeatPurchaseSummarySql(
  relation: SqlRelation,
  options: RepeatPurchaseSummarySqlOptions,
  sqlOptions: SqlOptions,
): string {
  return repeatPurchaseSummaryPlan("repeatPurchaseSummarySql", relation, options, checkedWriter(sqlOptions))
    .sql;
}
