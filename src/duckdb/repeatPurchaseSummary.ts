import { isoDate, MS_PER_DAY } from "../core/index.js";
import {
  type RepeatPurchaseSummarySqlOptions,
  repeatPurchaseSummaryPlan,
} from "../sql/repeatPurchaseSummarySql.js";
import {
  displayRepeatPurchaseSummary,
  type RepeatPurchaseSummaryResult,
  type RepeatPurchaseSummaryRow,
} from "../value/repeatPurchaseSummary.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import { orphanRefundCheck, summaryChecks } from "./internal/purchaseChecks.js";
import { isoDayFormatter, numbers, openSource, ROW_COLUMN, readColumns } from "./internal/source.js";

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
 * // order-lines.parquet: generateStore({ seed: 7 }).orderLines, written by DuckDB
 * const summary = await repeatPurchaseSummary("order-lines.parquet", {
 *   customer: "customerId", date: "date", amount: "amount", asOf: "2025-12-31", timeUnit: "week",
 * });
 * summary.customers[0];
 * // => { customer: "C00108", frequency: 4, recency: 39.714, T: 104.286, monetaryValue: 9.73, firstPurchase: "2024-01-01" }
 * fitBgNbd(summary).params;
 * // => { r: 0.884, alpha: 6.64, a: 0.136, b: 3.33 }
 * ```
 */
export async function repeatPurchaseSummary(
  source: DuckDBSource,
  options: RepeatPurchaseSummarySqlOptions,
): Promise<RepeatPurchaseSummaryResult> {
  const functionName = "repeatPurchaseSummary";
  const draft = repeatPurchaseSummaryPlan(functionName, "records", options, { dialect: "duckdb" });
  const parsed = draft.options;
  const { endDay, unitDays } = draft;
  const open = await openSource(functionName, source);
  try {
    const { dateType, laterCount } = await summaryChecks(functionName, open, parsed, endDay);
    const plan = repeatPurchaseSummaryPlan(functionName, { query: open.query }, options, {
      dialect: "duckdb",
      dateType,
      rowNumber: ROW_COLUMN,
      includeCustomersWithoutPurchases: true,
    });
    const { rows: count, columns } = await readColumns(open, plan.sql);
    await orphanRefundCheck(functionName, open, parsed.amount, columns);
    const labels = columns.customer as string[];
    const days = numbers(columns.purchase_days);
    const firstDay = numbers(columns.first_day);
    const lastDay = numbers(columns.last_day);
    const sqlMonetary = numbers(columns.monetary_value);
    let kept = 0;
    for (let i = 0; i < count; i++) if ((days[i] as number) > 0) kept++;
    const frequency = new Float64Array(kept);
    const recency = new Float64Array(kept);
    const age = new Float64Array(kept);
    const monetaryValue = new Float64Array(kept);
    const customers: RepeatPurchaseSummaryRow[] = new Array(kept);
    const isoDay = isoDayFormatter(isoDate);
    let k = 0;
    for (let i = 0; i < count; i++) {
      const n = days[i] as number;
      if (n === 0) continue;
      const first = firstDay[i] as number;
      // the same divisions as the in-memory function, on the same integers
      frequency[k] = n - 1;
      recency[k] = ((lastDay[i] as number) - first) / unitDays;
      age[k] = (endDay - first) / unitDays;
      monetaryValue[k] = n > 1 ? (sqlMonetary[i] as number) : 0;
      customers[k] = {
        customer: labels[i] as string,
        frequency: frequency[k] as number,
        recency: recency[k] as number,
        T: age[k] as number,
        monetaryValue: monetaryValue[k] as number,
        firstPurchase: isoDay(first),
      };
      k++;
    }
    const result: RepeatPurchaseSummaryResult = {
      customers,
      frequency,
      recency,
      T: age,
      monetaryValue,
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
