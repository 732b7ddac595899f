import type { CohortRetentionResult } from "../churn/index.js";
import { shareHeatmapLayers } from "./internal/heatmap.js";
import {
  type ChartOptions,
  countText,
  dataValues,
  frame,
  hasShape,
  ordinal,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";
import { capitalized } from "./internal/words.js";

/** Most cohorts drawn (the most recent ones). */
const MAX_COHORTS = 40;
/** Most periods since acquisition drawn. */
const MAX_PERIODS = 40;

/**
 * One cell of {@link cohortRetentionChart}.
 *
 * @example
 * ```ts
 * const options = { customer: "customerId", date: "date", period: "month", asOf: store.planted.end } as const;
 * cohortRetentionCells(cohortRetention(store.orders, options))[1];
 * // => { cohort: "2024-01", period: 1, retention: 0.4835, active: 117, customers: 242, complete: true, label: "48%" }
 * ```
 */
export interface CohortRetentionCell {
  readonly cohort: string;
  /** Periods since acquisition (0 = the acquisition period). */
  readonly period: number;
  readonly retention: number;
  readonly active: number;
  readonly customers: number;
  /** False for the period still running at asOf (its count is partial, drawn faded). */
  readonly complete: boolean;
  /** The retention as a rounded percentage, printed in the cell. */
  readonly label: string;
}

/** True when `value` looks like the result of `cohortRetention`. */
export function isCohortRetentionResult(value: unknown): value is CohortRetentionResult {
  return hasShape(value, "cohorts[] averageCurve[] asOf$ options.period$");
}

/**
 * The cells of {@link cohortRetentionChart}: one per cohort and period since acquisition (the 40 most
 * recent cohorts, the first 40 periods).
 *
 * @example
 * ```ts
 * const options = { customer: "customerId", date: "date", period: "month", asOf: store.planted.end } as const;
 * const result = cohortRetention(store.orders, options);
 * cohortRetentionCells(result).filter((c) => c.period === 0).every((c) => c.retention === 1); // => true
 * ```
 */
export function cohortRetentionCells(result: CohortRetentionResult): CohortRetentionCell[] {
  if (!isCohortRetentionResult(result))
    return refuseResult("cohortRetentionChart", "cohortRetention", result);
  const cells: CohortRetentionCell[] = [];
  for (const cohort of result.cohorts.slice(-MAX_COHORTS)) {
    const periods = Math.min(MAX_PERIODS, cohort.retention.length);
    for (let p = 0; p < periods; p++) {
      const retention = cohort.retention[p] as number;
      cells.push({
        cohort: cohort.cohort,
        period: p,
        retention: tidy(retention),
        active: cohort.active[p] as number,
        customers: cohort.customers,
        complete: cohort.complete[p] === true,
        label: `${Math.round(100 * retention)}%`,
      });
    }
  }
  return cells;
}

/**
 * The cohort retention triangle: one row per acquisition cohort (oldest at the top), one column per
 * period since acquisition, each cell coloured and labelled with the share of the cohort active in that
 * period. Reading down a column compares cohorts at the same age (are newer cohorts retained better?);
 * the period still running at asOf is faded, its count being partial. At most the 40 most recent
 * cohorts and 40 periods are drawn.
 *
 * @param result - result of `cohortRetention`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a cohort retention result or an option is invalid
 * @example
 * ```ts
 * const options = { customer: "customerId", date: "date", period: "month", asOf: store.planted.end } as const;
 * const spec = cohortRetentionChart(cohortRetention(store.orders, options));
 * spec.title; // => { text: "Retention by monthly cohort", ... }
 * ```
 */
export function cohortRetentionChart(
  result: CohortRetentionResult,
  options: ChartOptions = {},
): VegaLiteSpec {
  const parsed = parseChartOptions("cohortRetentionChart", options);
  const cells = cohortRetentionCells(result);
  const cohorts = [...new Set(cells.map((c) => c.cohort))];
  const periods = Math.max(1, ...cells.map((c) => c.period + 1));
  const unit = result.options.period;
  const adjective: Record<string, string> = { week: "weekly", month: "monthly", quarter: "quarterly" };
  const x = ordinal("period", `${capitalized(unit)}s since acquisition`, {
    axis: { labelAngle: 0 },
  });
  const y = ordinal("cohort", "Cohort (first purchase)", { sort: cohorts });
  const labelled = periods <= 16 && cohorts.length <= 30;
  const dropped = result.cohorts.length - cohorts.length;
  return frame(
    parsed,
    {
      title: `Retention by ${adjective[unit] ?? unit} cohort`,
      subtitle: `share of each cohort active in each ${unit} after the first purchase; ${countText(result.customers)} customers to ${result.asOf}${dropped > 0 ? ` (the ${cohorts.length} latest of ${result.cohorts.length} cohorts)` : ""}; faded: ${unit} still running`,
      width: within(40 * periods, 240, 720),
      height: within(22 * cohorts.length, 120, 720),
    },
    {
      data: dataValues(cells),
      layer: shareHeatmapLayers({
        x,
        y,
        field: "retention",
        title: "Active",
        cellEncoding: {
          opacity: { condition: { test: { field: "complete", equal: false }, value: 0.45 }, value: 1 },
        },
        tooltip: [
          ordinal("cohort", "Cohort"),
          ordinal("period", `${unit}s since acquisition`),
          quantitative("retention", "Active", PERCENT_PRECISE),
          quantitative("active", "Active customers", THOUSANDS),
          quantitative("customers", "Cohort size", THOUSANDS),
        ],
        labelSize: labelled ? 10 : null,
      }),
    },
  );
}
