import { isoDate, MS_PER_DAY } from "../core/index.js";
import {
  type CalibrationHoldoutSummarySqlOptions,
  calibrationHoldoutSummaryPlan,
} from "../sql/calibrationHoldoutSummarySql.js";
import {
  type CalibrationHoldoutSummaryResult,
  type CalibrationHoldoutSummaryRow,
  calibrationHoldoutSummaryResult,
} from "../value/calibrationHoldoutSummary.js";
import { isoDayFormatter } from "../value/internal/isoDays.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import { orphanRefundCheck, summaryChecks } from "./internal/purchaseChecks.js";
import { numbers, openSource, readColumns, twinWriter } from "./internal/source.js";

/**
 * `calibrationHoldoutSummary` (clientele/value) on a file or DuckDB table: calibration statistics
 * and holdout purchase days per customer computed in DuckDB by the SQL of
 * `calibrationHoldoutSummarySql`; the result equals the in-memory function's on the same records.
 *
 * @param source - a CSV/Parquet/JSON path or glob, or `{ connection, table }` / `{ connection, query }`
 * @param options - `calibrationHoldoutSummary`'s options with column names
 * @returns the `calibrationHoldoutSummary` result
 * @throws DuckDBMissingError when `@duckdb/node-api` is not installed
 * @throws InvalidOptionsError for malformed options (asOf not after calibrationEnd included),
 *   an accessor, an unreadable source or a missing column
 * @throws InvalidRecordError as `calibrationHoldoutSummary`
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
 * const split = await calibrationHoldoutSummary({ connection, table: "order_lines" }, {
 *   customer: "customerId", date: "date", calibrationEnd: "2025-06-30", asOf: "2025-12-31", timeUnit: "week",
 * });
 * [split.holdoutDuration, split.customers.length]; // => [26.286, 3]
 * [split.customers[0]?.frequency, split.customers[0]?.holdoutFrequency]; // => [2, 1]
 * ```
 */
export async function calibrationHoldoutSummary(
  source: DuckDBSource,
  options: CalibrationHoldoutSummarySqlOptions,
): Promise<CalibrationHoldoutSummaryResult> {
  const functionName = "calibrationHoldoutSummary";
  const draft = calibrationHoldoutSummaryPlan(functionName, "records", options, twinWriter());
  const parsed = draft.options;
  const { calibrationDay, endDay, unitDays } = draft;
  const open = await openSource(functionName, source);
  try {
    const { dateType, laterCount } = await summaryChecks(functionName, open, parsed, endDay);
    const plan = calibrationHoldoutSummaryPlan(
      functionName,
      { query: open.query },
      options,
      twinWriter(dateType),
    );
    const { rows: count, columns } = await readColumns(open, plan.sql);
    await orphanRefundCheck(functionName, open, parsed, dateType, columns);
    const labels = columns.customer as string[];
    const firstDay = numbers(columns.first_day);
    const lastDay = numbers(columns.last_day);
    const frequency = numbers(columns.frequency);
    const monetary = numbers(columns.monetary_value);
    const holdoutFrequency = numbers(columns.holdout_frequency);
    const holdoutMonetary = numbers(columns.holdout_monetary_value);
    const isoDay = isoDayFormatter();
    const rows: CalibrationHoldoutSummaryRow[] = [];
    let firstSeenInHoldout = 0;
    let withoutPurchases = 0;
    for (let i = 0; i < count; i++) {
      const first = firstDay[i] as number;
      if (Number.isNaN(first)) {
        withoutPurchases++;
        continue;
      }
      if (first > calibrationDay) {
        firstSeenInHoldout++;
        continue;
      }
      rows.push({
        customer: labels[i] as string,
        frequency: frequency[i] as number,
        recency: ((lastDay[i] as number) - first) / unitDays,
        T: (calibrationDay - first) / unitDays,
        monetaryValue: monetary[i] as number,
        firstPurchase: isoDay(first),
        holdoutFrequency: holdoutFrequency[i] as number,
        holdoutMonetaryValue: holdoutMonetary[i] as number,
      });
    }
    return calibrationHoldoutSummaryResult(rows, {
      holdoutDuration: (endDay - calibrationDay) / unitDays,
      customersFirstSeenInHoldout: firstSeenInHoldout,
      droppedRecords: parsed.afterAsOf === "drop" ? laterCount : 0,
      customersWithoutPurchases: withoutPurchases,
      options: {
        calibrationEnd: isoDate(calibrationDay * MS_PER_DAY),
        asOf: isoDate(endDay * MS_PER_DAY),
        timeUnit: parsed.timeUnit,
        afterAsOf: parsed.afterAsOf,
      },
    });
  } finally {
    open.close();
  }
}
