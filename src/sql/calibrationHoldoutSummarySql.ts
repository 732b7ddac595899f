import { DAYS_PER_UNIT, InvalidOptionsError, isoDate, MS_PER_DAY } from "../core/index.js";
import { date, required } from "../core/internal/optionRules.js";
import { dayOption } from "../value/internal/summaryPeriod.js";
import { checkColumnFields, checkedWriter, numberLiteral, type WriterMaker } from "./internal/build.js";
import { keptDayAggregates, purchaseDayInputs, summarySelect } from "./internal/purchaseDaysCte.js";
import {
  parseSummaryOptions,
  type RepeatPurchaseSummarySqlOptions,
  summaryShape,
} from "./repeatPurchaseSummarySql.js";
import type { SqlOptions, SqlRelation } from "./SqlDialect.js";

/**
 * Options of {@link calibrationHoldoutSummarySql}: those of {@link repeatPurchaseSummarySql} plus
 * `calibrationEnd`, as in `calibrationHoldoutSummary` (clientele/value).
 *
 * @example
 * ```ts
 * const options: CalibrationHoldoutSummarySqlOptions = {
 *   customer: "customer_id", date: "date", calibrationEnd: "1997-09-30", asOf: "1998-06-30", timeUnit: "week",
 * };
 * ```
 */
export interface CalibrationHoldoutSummarySqlOptions extends RepeatPurchaseSummarySqlOptions {
  /** Last day of the calibration period (inclusive). */
  readonly calibrationEnd: Date | string | number;
}

/** Rules of calibrationHoldoutSummarySql's options (exported for the equivalence test of sql's option rules). */
export const calibrationHoldoutShape = {
  ...summaryShape,
  calibrationEnd: /* @__PURE__ */ required(/* @__PURE__ */ date()),
};

/** SQL and parsed options of {@link calibrationHoldoutSummarySql} (used by the DuckDB twin). */
export interface CalibrationHoldoutSummaryPlan {
  readonly sql: string;
  readonly calibrationDay: number;
  readonly endDay: number;
  readonly unitDays: number;
  readonly options: ReturnType<typeof parseSummaryOptions<typeof calibrationHoldoutShape>>;
}

/** Builds the SQL of {@link calibrationHoldoutSummarySql} with the parsed options. */
export function calibrationHoldoutSummaryPlan(
  functionName: string,
  relation: SqlRelation,
  options: CalibrationHoldoutSummarySqlOptions,
  writerFor: WriterMaker,
): CalibrationHoldoutSummaryPlan {
  checkColumnFields(functionName, options, ["customer", "date"], ["amount"]);
  const parsed = parseSummaryOptions(functionName, calibrationHoldoutShape, options);
  const calibrationDay = dayOption(functionName, "calibrationEnd", parsed.calibrationEnd);
  const endDay = dayOption(functionName, "asOf", parsed.asOf);
  if (endDay <= calibrationDay) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "asOf",
        message: `must be after calibrationEnd (${isoDate(calibrationDay * MS_PER_DAY)})`,
        received: parsed.asOf,
      },
    ]);
  }
  const writer = writerFor(functionName, relation);
  const unitDays = DAYS_PER_UNIT[parsed.timeUnit];
  const c = numberLiteral(calibrationDay);
  const inputs = purchaseDayInputs(writer, parsed, endDay);
  const { firstRow, firstValue } = keptDayAggregates(writer);
  const calibration = `kept = 1 AND day_number <= ${c}`;
  const holdout = `kept = 1 AND day_number > ${c}`;
  const summary =
    `summary AS (SELECT customer_id, ${firstRow}MIN(CASE WHEN kept = 1 THEN day_number END) AS first_day, ` +
    `SUM(CASE WHEN ${calibration} THEN 1 ELSE 0 END) AS calibration_days, ` +
    `MAX(CASE WHEN ${calibration} THEN day_number END) AS last_day, ` +
    `SUM(CASE WHEN ${calibration} THEN day_value ELSE 0 END) AS calibration_value, ${firstValue}, ` +
    `SUM(CASE WHEN ${holdout} THEN 1 ELSE 0 END) AS holdout_days, ` +
    `SUM(CASE WHEN ${holdout} THEN day_value ELSE 0 END) AS holdout_value ` +
    `FROM days GROUP BY customer_id)`;
  const select = summarySelect(writer, {
    purchaseDays: "calibration_days",
    value: "calibration_value",
    endDay: calibrationDay,
    unitDays,
    hasAmount: parsed.amount !== undefined,
    columns:
      "s.holdout_days AS holdout_frequency, " +
      "CASE WHEN s.holdout_days > 0 THEN s.holdout_value / s.holdout_days ELSE 0 END AS holdout_monetary_value, " +
      "s.first_day, s.last_day",
    keepWhen: `s.first_day <= ${c}`,
  });
  return {
    sql: `WITH ${inputs}, ${summary} ${select}`,
    calibrationDay,
    endDay,
    unitDays,
    options: parsed,
  };
}

/**
 * The SQL of `calibrationHoldoutSummary` (clientele/value): calibration statistics as in
 * {@link repeatPurchaseSummarySql} (with `T` measured to `calibrationEnd`) plus `holdout_frequency`
 * (purchase days in (calibrationEnd, asOf]) and `holdout_monetary_value` (their mean net
 * value), one row per customer first seen by `calibrationEnd` (customers first seen in the holdout
 * are left out, as lifetimes' `calibration_and_holdout_data` does; with
 * `includeCustomersWithoutPurchases` they are kept, recognisable by `first_day` after the calibration
 * end or null). The holdout length is (asOf − calibrationEnd) / unit, known without SQL.
 * Same refund rule, same SQL constructs as {@link repeatPurchaseSummarySql}.
 *
 * @param relation - the table, its qualified name, or `{ query }`
 * @param options - column names and `calibrationHoldoutSummary`'s options
 * @param sqlOptions - dialect, date type, row-number column
 * @returns one SELECT statement
 * @throws InvalidOptionsError for an accessor instead of a column name, malformed options, or an
 *   `asOf` that is not after `calibrationEnd`
 * @example
 * ```ts
 * const sql = calibrationHoldoutSummarySql("cdnow", {
 *   customer: "customer_id", date: "date", calibrationEnd: "1997-09-30", asOf: "1998-06-30", timeUnit: "week",
 * }, { dialect: "spark" });
 * sql.includes("AS holdout_frequency"); // => true
 * ```
 */
export function calibrationHoldoutSummarySql(
  relation: SqlRelation,
  options: CalibrationHoldoutSummarySqlOptions,
  sqlOptions: SqlOptions,
): string {
  return calibrationHoldoutSummaryPlan(
    "calibrationHoldoutSummarySql",
    relation,
    options,
    checkedWriter(sqlOptions),
  ).sql;
}
