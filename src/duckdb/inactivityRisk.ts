import { z } from "zod";
import type { InactivityRiskBand, InactivityRiskResult, InactivityRiskRow } from "../churn/inactivityRisk.js";
import {
  InsufficientDataError,
  isoDate,
  MS_PER_DAY,
  median,
  parseDateValue,
  withDisplay,
} from "../core/index.js";
import { dateSchema, parseOptions } from "../core/options.js";
import { inactivityRiskPlan } from "../sql/inactivityRiskSql.js";
import { checkColumnFields } from "../sql/internal/build.js";
import type { DuckDBSource } from "./DuckDBSource.js";
import {
  isoDayFormatter,
  numbers,
  openSource,
  ROW_COLUMN,
  readColumns,
  validateFields,
} from "./internal/source.js";

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

const optionsSchema = z.strictObject({
  customer: z.string().min(1),
  date: z.string().min(1),
  asOf: dateSchema,
  priorWeight: z.number().min(0).refine(Number.isFinite, "must be finite").default(2),
  populationGapDays: z.number().positive().refine(Number.isFinite, "must be finite").optional(),
  bandLimits: z
    .tuple([z.number().positive(), z.number().positive(), z.number().positive()])
    .refine(([a, b, c]) => a < b && b < c, "band limits must increase")
    .default([1, 2, 4]),
});

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
 * // order-lines.parquet: generateStore({ seed: 7 }).orderLines, written by DuckDB
 * const risk = await inactivityRisk("order-lines.parquet", { customer: "customerId", date: "date", asOf: "2025-12-31" });
 * risk.bandCounts; // => { active: 397, watch: 161, "at risk": 137, lapsed: 305 }
 * ```
 */
export async function inactivityRisk(
  source: DuckDBSource,
  options: InactivityRiskDuckDBOptions,
): Promise<InactivityRiskResult> {
  const functionName = "inactivityRisk";
  checkColumnFields(functionName, options, ["customer", "date"], []);
  const parsed = parseOptions(functionName, optionsSchema, options);
  const fields = { customer: parsed.customer, date: parsed.date, asOf: parsed.asOf };
  const { asOfDay } = inactivityRiskPlan(functionName, "records", fields, { dialect: "duckdb" });
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
    const plan = inactivityRiskPlan(functionName, { query: open.query }, fields, {
      dialect: "duckdb",
      dateType,
      rowNumber: ROW_COLUMN,
      includeCustomersWithoutPurchases: true,
    });
    const { rows: count, columns } = await readColumns(open, plan.sql);
    const labels = columns.customer as string[];
    const purchaseDays = numbers(columns.purchase_days);
    const firstDays = numbers(columns.first_day);
    const lastDays = numbers(columns.last_day);
    const ignored = numbers(columns.ignored_records);
    let ignoredRecords = 0;
    for (let i = 0; i < count; i++) ignoredRecords += ignored[i] as number;
    interface Summary {
      code: number;
      purchaseDays: number;
      firstDay: number;
      lastDay: number;
      meanGap: number | null;
    }
    const summaries: Summary[] = [];
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
    let populationGapDays = parsed.populationGapDays;
    if (populationGapDays === undefined) {
      const gaps = summaries.filter((s) => s.meanGap !== null).map((s) => s.meanGap as number);
      if (gaps.length === 0) {
        throw new InsufficientDataError(
          functionName,
          "no customer has purchases on two different days before asOf, so there is no purchase rhythm to compare with; pass populationGapDays",
        );
      }
      populationGapDays = median(gaps);
    }
    const population = populationGapDays;
    const { priorWeight, bandLimits } = parsed;
    const [watchLimit, riskLimit, lapsedLimit] = bandLimits;
    const bandCounts: Record<InactivityRiskBand, number> = { active: 0, watch: 0, "at risk": 0, lapsed: 0 };
    const isoDay = isoDayFormatter(isoDate);
    const rows = summaries.map((s): InactivityRiskRow => {
      const gaps = s.purchaseDays - 1;
      const weight = gaps + priorWeight;
      const expectedGapDays =
        s.meanGap === null || weight === 0
          ? population
          : (gaps * s.meanGap + priorWeight * population) / weight;
      const daysSinceLastPurchase = asOfDay - s.lastDay;
      const overdueRatio = daysSinceLastPurchase / expectedGapDays;
      const band: InactivityRiskBand =
        overdueRatio < watchLimit
          ? "active"
          : overdueRatio < riskLimit
            ? "watch"
            : overdueRatio < lapsedLimit
              ? "at risk"
              : "lapsed";
      bandCounts[band]++;
      const ratioText = `${overdueRatio.toFixed(1)}x`;
      const reason =
        s.meanGap === null
          ? `one purchase day, ${daysSinceLastPurchase} days ago; no own rhythm yet, so the population's typical gap of ${round1(population)} days is used: ${ratioText} the expected gap (${band})`
          : `last purchase ${daysSinceLastPurchase} days ago, ${ratioText} the expected gap of ${round1(expectedGapDays)} days (own mean gap ${round1(s.meanGap)} days over ${gaps} gap${gaps === 1 ? "" : "s"}, population ${round1(population)}) (${band})`;
      return Object.freeze({
        customer: labels[s.code] as string,
        purchaseDays: s.purchaseDays,
        firstPurchase: isoDay(s.firstDay),
        lastPurchase: isoDay(s.lastDay),
        daysSinceLastPurchase,
        ownMeanGapDays: s.meanGap,
        expectedGapDays,
        overdueRatio,
        riskScore: 1 - Math.exp(-overdueRatio),
        band,
        reason,
      });
    });
    const order = rows.map((_, i) => i);
    order.sort(
      (a, b) =>
        (rows[b] as InactivityRiskRow).overdueRatio - (rows[a] as InactivityRiskRow).overdueRatio ||
        (summaries[a] as Summary).code - (summaries[b] as Summary).code,
    );
    const customers = order.map((i) => rows[i] as InactivityRiskRow);
    const result: InactivityRiskResult = {
      customers: Object.freeze(customers),
      asOf: isoDate(asOfDay * MS_PER_DAY),
      populationGapDays: population,
      bandCounts: Object.freeze(bandCounts),
      ignoredRecords,
      options: Object.freeze({
        priorWeight,
        bandLimits: Object.freeze([...bandLimits]) as unknown as readonly [number, number, number],
        populationGapDays: parsed.populationGapDays ?? null,
      }),
    };
    return withDisplay(result, {
      title: "Inactivity risk",
      summary: (r) => [
        `${r.customers.length} customers as of ${r.asOf}; population typical gap ${round1(r.populationGapDays)} days`,
        `bands: ${Object.entries(r.bandCounts)
          .map(([band, n]) => `${band} ${n}`)
          .join(", ")}${r.ignoredRecords > 0 ? `; ${r.ignoredRecords} records after asOf ignored` : ""}`,
      ],
      rows: (r) => r.customers,
      columns: [
        "customer",
        "purchaseDays",
        "daysSinceLastPurchase",
        "expectedGapDays",
        "overdueRatio",
        "band",
      ],
    });
  } finally {
    open.close();
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
