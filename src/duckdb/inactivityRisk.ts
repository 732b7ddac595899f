import {
  type InactivityRiskResult,
  type InactivitySummary,
  inactivityRiskResult,
} from "../churn/inactivityRisk.js";
import { bandLimits } from "../churn/internal/optionRules.js";
import { InsufficientDataError, isoDate, MS_PER_DAY, parseDateValue } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, date, nonEmptyText, numeric, required } from "../core/internal/optionRules.js";
import { inactivityRiskPlan } from "../sql/inactivityRiskSql.js";
import { checkColumnFields } from "../sql/internal/build.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import { numbers, openSource, readColumns, twinWriter, validateFields } from "./internal/source.js";

/**
 * Options of the DuckDB {@link inactivityRisk}: those of `inactivityRisk` (clientele/churn), with
 * the customer and date fields as column names.
 *
 * @example
 * ```ts
 * const options: InactivityRiskDuckDBOptions = { customer: "customerId", date: "date", asOf: "2025-12-31", priorWeight: 2 };
 * ```
 */
export interface InactivityRiskDuckDBOptions {
  /** Customer id column. */
  readonly customer: string;
  /** Purchase date column (DATE, TIMESTAMP, ISO text or epoch ms). */
  readonly date: string;
  /** The day the risk is judged on; later records are ignored and counted. */
  readonly asOf: Date | string | number;
  /** Weight of the population's typical gap, in pseudo-gaps. @defaultValue 2 */
  readonly priorWeight?: number;
  /** The population's typical gap in days. @defaultValue the median of the customers' mean gaps */
  readonly populationGapDays?: number;
  /** Upper limits of the overdue ratio for "active", "watch", "at risk". @defaultValue [1, 2, 4] */
  readonly bandLimits?: readonly [number, number, number];
}

/** Rules of the DuckDB inactivityRisk's options. Exported for the equivalence test of duckdb's option rules; not in the module index. */
export const inactivityRiskShape = {
  customer: required(nonEmptyText()),
  date: required(nonEmptyText()),
  asOf: required(date()),
  priorWeight: numeric({ gte: 0 }),
  populationGapDays: numeric({ gt: 0 }),
  bandLimits,
};

/** Defaults of the options of {@link inactivityRiskShape} (as the interface's `@defaultValue`s say). */
const DEFAULTS = {
  priorWeight: 2,
  bandLimits: [1, 2, 4] as readonly [number, number, number],
};

/**
 * `inactivityRisk` (clientele/churn) on a file or DuckDB table: purchase days, first and last day
 * per customer are aggregated in DuckDB (the SQL of `inactivityRiskSql`); the population gap, the
 * shrinkage, ratios, bands and reasons are computed as `inactivityRisk` computes them, so the result
 * is the same (customers ordered by overdue ratio, ties in first-seen order).
 *
 * @param source - a CSV/Parquet/JSON path or glob, or `{ connection, table }` / `{ connection, query }`
 * @param options - `inactivityRisk`'s options with column names
 * @returns the `inactivityRisk` result
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @throws InvalidOptionsError for malformed options, an accessor, an unreadable source or a missing column
 * @throws InvalidRecordError for a missing customer or an invalid date (row and column named)
 * @throws InsufficientDataError when no record is on or before `asOf`, or no customer has two purchase
 *   days and `populationGapDays` is not given
 * @example
 * ```ts
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
 * const risk = await inactivityRisk({ connection, table: "order_lines" }, { customer: "customerId", date: "date", asOf: "2025-12-31" });
 * const { active, watch, lapsed } = risk.bandCounts;
 * [active, watch, risk.bandCounts["at risk"], lapsed]; // => [1, 2, 0, 0]
 * ```
 */
export async function inactivityRisk(
  source: DuckDBSource,
  options: InactivityRiskDuckDBOptions,
): Promise<InactivityRiskResult> {
  const functionName = "inactivityRisk";
  checkColumnFields(functionName, options, ["customer", "date"], []);
  const parsed = withDefaults(checkOptions(functionName, inactivityRiskShape, options), DEFAULTS);
  const fields = { customer: parsed.customer, date: parsed.date, asOf: parsed.asOf };
  const { asOfDay } = inactivityRiskPlan(functionName, "records", fields, twinWriter());
  const open = await openSource(functionName, source);
  try {
    const { dateType, extra } = await validateFields(
      functionName,
      open,
      [
        { option: "customer", column: parsed.customer, kind: "id" },
        { option: "date", column: parsed.date, kind: "date" },
      ],
      () => [{ name: "record_count", sql: "count(*)" }],
    );
    const plan = inactivityRiskPlan(functionName, { query: open.query }, fields, twinWriter(dateType));
    const { rows: count, columns } = await readColumns(open, plan.sql);
    const labels = columns.customer as string[];
    const purchaseDays = numbers(columns.purchase_days);
    const firstDays = numbers(columns.first_day);
    const lastDays = numbers(columns.last_day);
    const ignored = numbers(columns.ignored_records);
    let ignoredRecords = 0;
    for (let i = 0; i < count; i++) ignoredRecords += ignored[i] as number;
    const summaries: InactivitySummary[] = [];
    for (let i = 0; i < count; i++) {
      const days = purchaseDays[i] as number;
      if (days === 0) continue;
      const firstDay = firstDays[i] as number;
      const lastDay = lastDays[i] as number;
      summaries.push({
        code: i,
        purchaseDays: days,
        firstDay,
        lastDay,
        meanGap: days > 1 ? (lastDay - firstDay) / (days - 1) : null,
      });
    }
    if (summaries.length === 0) {
      const n = Number(extra.record_count ?? 0);
      throw new InsufficientDataError(
        functionName,
        n === 0
          ? "no purchase records"
          : `all ${n} records are after asOf ${isoDate(parseDateValue(parsed.asOf) ?? asOfDay * MS_PER_DAY)}; choose a later asOf`,
      );
    }
    return inactivityRiskResult(functionName, summaries, labels, asOfDay, ignoredRecords, parsed);
  } finally {
    open.close();
  }
}
