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
import type { DuckDBSource } from "./DuckDBSource.js";
import { orphanRefundCheck, summaryChecks } from "./internal/purchaseChecks.js";
import { isoDayFormatter, numbers, openSource, ROW_COLUMN, readColumns } from "./internal/source.js";

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
 * // order-lines.parquet: generateStore({ seed: 7 }).orderLines, written by DuckDB
 * const split = await calibrationHoldoutSummary("order-lines.parquet", {
 *   customer: "customerId", date: "date", calibrationEnd: "2025-06-30", asOf: "2025-12-31", timeUnit: "week",
 * });
 * [split.holdoutDuration, split.customers.length]; // => [26.286, 833]
 * ```
 */
export async function calibrationHoldoutSummary(
  source: DuckDBSource,
  options: CalibrationHoldoutSummarySqlOptions,
): Promise<CalibrationHoldoutSummaryResult> {
  const functionName = "calibrationHoldoutSummary";
  const draft = calibrationHoldoutSummaryPlan(functionName, "records", options, { dialect: "duckdb" });
  const parsed = draft.options;
  const { calibrationDay, endDay, unitDays } = draft;
  const open = await openSource(functionName, source);
  try {
    const { dateType, laterCount } = await summaryChecks(functionName, open, parsed, endDay);
    const plan = calibrationHoldoutSummaryPlan(functionName, { query: open.query }, options, {
      dialect: "duckdb",
      dateType,
      rowNumber: ROW_COLUMN,
      includeCustomersWithoutPurchases: true,
    });
    const { rows: count, columns } = await readColumns(open, plan.sql);
    await orphanRefundCheck(functionName, open, parsed.amount, columns);
    const labels = columns.customer as string[];
    const firstDay = numbers(columns.first_day);
    const lastDay = numbers(columns.last_day);
    const frequency = numbers(columns.frequency);
    const monetary = numbers(columns.monetary_value);
    const holdoutFrequency = numbers(columns.holdout_frequency);
    const holdoutMonetary = numbers(columns.holdout_monetary_value);
    const isoDay = isoDayFormatter(isoDate);
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
