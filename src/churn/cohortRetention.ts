import {
  type Field,
  isoDate,
  MS_PER_DAY,
  type RecordInput,
  readNumbers,
  withDisplay,
} from "../core/index.js";
import { checkOptions, field, oneOf, required } from "../core/internal/optionRules.js";
import { type CohortPeriod, periodIndex, periodLabel, periodStartDay } from "./internal/calendar.js";
import { nothingBeforeAsOf, readCustomerDays } from "./internal/customerDays.js";
import { freeze } from "./internal/freeze.js";
import { requiredDate, requiredField } from "./internal/optionRules.js";

/** Calendar period of {@link cohortRetention}: weeks start on Monday (UTC). */
export type { CohortPeriod } from "./internal/calendar.js";

const FUNCTION_NAME = "cohortRetention";

/** Options of {@link cohortRetention}. */
export interface CohortRetentionOptions<T> {
  /** Customer identifier field. */
  readonly customer: Field<T>;
  /** Purchase date field (Date, ISO string or epoch ms; UTC calendar days are used). */
  readonly date: Field<T>;
  /** Purchase amount field; when given, revenue per acquired customer is reported. @defaultValue undefined */
  readonly amount?: Field<T>;
  /** Calendar period of cohorts and activity: weeks start on Monday (UTC). */
  readonly period: CohortPeriod;
  /** The last day of data (inclusive); records after it are ignored and counted. */
  readonly asOf: Date | string | number;
}

/** One acquisition cohort of {@link cohortRetention}; arrays are indexed by periods since acquisition (0 = the cohort's own period). */
export interface CohortRetentionCohort {
  /** Label of the acquisition period: "2024-03" (month), "2024-Q1" (quarter), the Monday "2024-03-04" (week). */
  readonly cohort: string;
  /** First day of the acquisition period (ISO date). */
  readonly start: string;
  /** Customers whose first purchase (on or before asOf) falls in the period. */
  readonly customers: number;
  /** Customers of the cohort with at least one purchase in each period (index 0: all of them). */
  readonly active: readonly number[];
  /** active / customers. */
  readonly retention: readonly number[];
  /** Revenue of the cohort in each period divided by its acquired customers (`null` without `amount`). */
  readonly revenuePerCustomer: readonly number[] | null;
  /** Running total of `revenuePerCustomer` (`null` without `amount`). */
  readonly cumulativeRevenuePerCustomer: readonly number[] | null;
  /**
   * Whether each period had fully elapsed by asOf. Only the period containing asOf can be incomplete
   * (when asOf is not its last day): its counts are partial, not churn, and it is left out of `averageCurve`.
   */
  readonly complete: readonly boolean[];
}

/** One point of the average retention curve. */
export interface CohortRetentionCurvePoint {
  readonly periodsSinceAcquisition: number;
  /** Cohorts whose period at this age is complete (the ones averaged). */
  readonly cohorts: number;
  /** Their acquired customers. */
  readonly customers: number;
  /** Σ active / Σ customers over those cohorts: their retention shares weighted by cohort size. */
  readonly retention: number;
  readonly revenuePerCustomer: number | null;
  readonly cumulativeRevenuePerCustomer: number | null;
}

/** Result of {@link cohortRetention}. */
export interface CohortRetentionResult {
  /** Cohorts with at least one acquired customer, oldest first. */
  readonly cohorts: readonly CohortRetentionCohort[];
  /** Size-weighted average over cohorts, complete periods only; as long as the oldest cohort's complete periods. */
  readonly averageCurve: readonly CohortRetentionCurvePoint[];
  /** Customers with a purchase on or before asOf. */
  readonly customers: number;
  readonly asOf: string;
  /** Records dated after asOf, ignored. */
  readonly ignoredRecords: number;
  readonly options: {
    readonly period: CohortPeriod;
    readonly amount: boolean;
  };
}

/** The option rules of cohortRetention (core's checkOptions: no zod in the bundle). */
export const cohortRetentionShape = {
  customer: requiredField,
  date: requiredField,
  amount: /* @__PURE__ */ field<Field<unknown>>(),
  period: /* @__PURE__ */ required(/* @__PURE__ */ oneOf(["week", "month", "quarter"])),
  asOf: requiredDate,
};

/** Periods shown as columns when the result prints (the data holds them all). */
const DISPLAY_PERIODS = 13;

/**
 * Cohort retention table: customers grouped by the calendar period of their first purchase (their
 * acquisition cohort), and for each later period the number of them who bought at least once in it, the
 * retention share, and revenue and cumulative revenue per acquired customer; plus the average retention
 * curve weighted by cohort size. The period containing `asOf` is marked incomplete when asOf is not its last
 * day: it is reported but not averaged, so a half-elapsed month does not look like churn.
 *
 * Policies: every record is a purchase occasion (filter out refunds and cancellations first; an `amount`
 * may be negative and is summed as given); records after `asOf` are ignored and counted in
 * `ignoredRecords`; a missing or invalid customer, date or amount is an InvalidRecordError naming the row.
 * Cohorts without acquired customers are not listed. Complexity O(n + customers + cohorts²).
 *
 * Reference: the cohort ("triangle") retention table of subscription and e-commerce analytics, e.g.
 * Fader & Hardie (2007), "How to project customer retention", Journal of Interactive Marketing 21(1).
 *
 * @param records - purchase records (orders or order lines), not mutated
 * @param options - see {@link CohortRetentionOptions}
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key included) or an invalid asOf
 * @throws {@link InvalidRecordError} for a non-record element or a missing or invalid customer, date or amount
 * @throws {@link InsufficientDataError} when no record is on or before asOf
 * @example
 * ```ts
 * const orders = [
 *   { customer: "a", date: "2024-01-05", total: 10 },
 *   { customer: "a", date: "2024-02-03", total: 7 },
 *   { customer: "b", date: "2024-01-31", total: 20 },
 *   { customer: "b", date: "2024-03-15", total: 4 },
 *   { customer: "c", date: "2024-02-10", total: 8 },
 * ];
 * const table = cohortRetention(orders, { customer: "customer", date: "date", amount: "total", period: "month", asOf: "2024-03-20" });
 * table.cohorts[0];
 * // => { cohort: "2024-01", start: "2024-01-01", customers: 2, active: [2, 1, 1], retention: [1, 0.5, 0.5],
 * //      revenuePerCustomer: [15, 3.5, 2], cumulativeRevenuePerCustomer: [15, 18.5, 20.5], complete: [true, true, false] }
 * table.averageCurve;
 * // => [{ periodsSinceAcquisition: 0, cohorts: 2, customers: 3, retention: 1, ... },
 * //     { periodsSinceAcquisition: 1, cohorts: 1, customers: 2, retention: 0.5, ... }]
 * ```
 */
export function cohortRetention<T>(
  records: RecordInput<T>,
  options: CohortRetentionOptions<T>,
): CohortRetentionResult {
  const parsed = checkOptions(FUNCTION_NAME, cohortRetentionShape, options);
  const purchases = readCustomerDays(FUNCTION_NAME, records, parsed);
  const { n, asOfDay, codes, labels, days } = purchases;
  const period = parsed.period;
  const amounts =
    parsed.amount === undefined
      ? undefined
      : readNumbers(records, parsed.amount as Field<T>, {
          functionName: FUNCTION_NAME,
          optionName: "amount",
        });
  const customerCount = labels.length;
  const asOfPeriod = periodIndex(asOfDay, period);

  // Period of each record on or before asOf (−∞ marks ignored records); first period per customer.
  const recordPeriod = new Float64Array(n);
  const firstPeriod = new Float64Array(customerCount).fill(Infinity);
  let ignoredRecords = 0;
  let previousDay = NaN;
  let previousPeriod = 0;
  for (let i = 0; i < n; i++) {
    const day = days[i] as number;
    if (day > asOfDay) {
      ignoredRecords++;
      recordPeriod[i] = -Infinity;
      continue;
    }
    if (day !== previousDay) {
      previousDay = day;
      previousPeriod = periodIndex(day, period);
    }
    recordPeriod[i] = previousPeriod;
    const u = codes[i] as number;
    if (previousPeriod < (firstPeriod[u] as number)) firstPeriod[u] = previousPeriod;
  }
  if (ignoredRecords === n) throw nothingBeforeAsOf(FUNCTION_NAME, purchases);
  let minPeriod = Infinity;
  for (let u = 0; u < customerCount; u++) {
    const first = firstPeriod[u] as number;
    if (first < minPeriod) minPeriod = first;
  }
  const width = asOfPeriod - minPeriod + 1;
  const size = new Float64Array(width);
  for (let u = 0; u < customerCount; u++) {
    const first = firstPeriod[u] as number;
    if (first !== Infinity) size[first - minPeriod] = (size[first - minPeriod] as number) + 1;
  }

  // Records grouped by customer (counting sort), each (customer, period) counted once.
  const start = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) (start[(codes[i] as number) + 1] as number)++;
  for (let u = 0; u < customerCount; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const byCustomer = new Int32Array(n);
  const fill = start.slice(0, customerCount);
  for (let i = 0; i < n; i++) {
    const u = codes[i] as number;
    byCustomer[fill[u] as number] = i;
    fill[u] = (fill[u] as number) + 1;
  }
  const active = new Float64Array(width * width); // [cohort][offset]
  const revenue = new Float64Array(amounts === undefined ? 0 : width * width);
  const compensation = new Float64Array(revenue.length);
  const stamp = new Int32Array(width).fill(-1);
  for (let u = 0; u < customerCount; u++) {
    const first = firstPeriod[u] as number;
    if (first === Infinity) continue;
    const row = (first - minPeriod) * width;
    for (let k = start[u] as number; k < (start[u + 1] as number); k++) {
      const i = byCustomer[k] as number;
      const p = recordPeriod[i] as number;
      if (p === -Infinity) continue;
      const offset = p - first;
      if (stamp[offset] !== u) {
        stamp[offset] = u;
        active[row + offset] = (active[row + offset] as number) + 1;
      }
      if (amounts !== undefined) {
        // Neumaier's compensated sum per cell (money)
        const cell = row + offset;
        const value = amounts[i] as number;
        const sum = revenue[cell] as number;
        const total = sum + value;
        compensation[cell] =
          (compensation[cell] as number) +
          (Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum);
        revenue[cell] = total;
      }
    }
  }

  // the compensated total of each revenue cell
  for (let cell = 0; cell < revenue.length; cell++) {
    revenue[cell] = (revenue[cell] as number) + (compensation[cell] as number);
  }
  const cohorts: CohortCells[] = [];
  for (let c = 0; c < width; c++) {
    const customersInCohort = size[c] as number;
    if (customersInCohort === 0) continue;
    // the cohort's periods since acquisition run up to asOf's period
    const row = c * width;
    const end = row + width - c;
    cohorts.push({
      period: minPeriod + c,
      customers: customersInCohort,
      active: active.subarray(row, end),
      revenue: amounts === undefined ? undefined : revenue.subarray(row, end),
    });
  }
  return cohortRetentionResult(cohorts, {
    asOfDay,
    ignoredRecords,
    period,
    withAmount: amounts !== undefined,
  });
}

/** One acquisition cohort's counts, from which {@link cohortRetentionResult} builds its row. */
export interface CohortCells {
  /** Index of the acquisition period (internal/calendar's `periodIndex`). */
  readonly period: number;
  /** Customers acquired in it. */
  readonly customers: number;
  /** Per period since acquisition, up to asOf's period: the cohort's customers who bought in it. */
  readonly active: ArrayLike<number>;
  /** Per period since acquisition: the cohort's revenue in it; undefined without `amount`. */
  readonly revenue: ArrayLike<number> | undefined;
}

/**
 * The frozen, printable {@link cohortRetention} result from the counts of its cohorts (oldest first):
 * retention, revenue per acquired customer and completeness per cohort, and the size-weighted average
 * curve over complete periods. Shared with the DuckDB twin, so both build the same object.
 *
 * @example
 * ```ts
 * const cohorts = [{ period: 0, customers: 2, active: [2], revenue: undefined }];
 * cohortRetentionResult(cohorts, { asOfDay: 30, ignoredRecords: 0, period: "month", withAmount: false }).averageCurve[0]?.retention; // => 1
 * ```
 */
export function cohortRetentionResult(
  cohortCells: readonly CohortCells[],
  context: {
    readonly asOfDay: number;
    readonly ignoredRecords: number;
    readonly period: CohortPeriod;
    readonly withAmount: boolean;
  },
): CohortRetentionResult {
  const { asOfDay, ignoredRecords, period, withAmount } = context;
  const asOfPeriod = periodIndex(asOfDay, period);
  const asOfComplete = periodStartDay(asOfPeriod + 1, period) === asOfDay + 1;
  const width = asOfPeriod - (cohortCells[0]?.period ?? asOfPeriod) + 1;
  // per period since acquisition, sums over the cohorts whose period is complete (the average curve's input)
  const curveActive = new Float64Array(width);
  const curveCustomers = new Float64Array(width);
  const curveCohorts = new Float64Array(width);
  const curveRevenue = new Float64Array(width);
  const curveCumulative = new Float64Array(width);
  let customers = 0;
  const cohorts: CohortRetentionCohort[] = [];
  for (const cells of cohortCells) {
    const customersInCohort = cells.customers;
    customers += customersInCohort;
    const length = asOfPeriod - cells.period + 1;
    const activeRow: number[] = [];
    const retentionRow: number[] = [];
    const completeRow: boolean[] = [];
    const revenueRow: number[] = [];
    const cumulativeRow: number[] = [];
    let cumulative = 0;
    for (let o = 0; o < length; o++) {
      const a = cells.active[o] as number;
      const complete = o < length - 1 || asOfComplete;
      activeRow.push(a);
      retentionRow.push(a / customersInCohort);
      completeRow.push(complete);
      let perCustomer = 0;
      if (cells.revenue !== undefined) {
        perCustomer = (cells.revenue[o] as number) / customersInCohort;
        cumulative += perCustomer;
        revenueRow.push(perCustomer);
        cumulativeRow.push(cumulative);
      }
      if (complete) {
        curveActive[o] = (curveActive[o] as number) + a;
        curveCustomers[o] = (curveCustomers[o] as number) + customersInCohort;
        curveCohorts[o] = (curveCohorts[o] as number) + 1;
        curveRevenue[o] = (curveRevenue[o] as number) + perCustomer * customersInCohort;
        curveCumulative[o] = (curveCumulative[o] as number) + cumulative * customersInCohort;
      }
    }
    cohorts.push(
      freeze({
        cohort: periodLabel(cells.period, period),
        start: isoDate(periodStartDay(cells.period, period) * MS_PER_DAY),
        customers: customersInCohort,
        active: freeze(activeRow),
        retention: freeze(retentionRow),
        revenuePerCustomer: withAmount ? freeze(revenueRow) : null,
        cumulativeRevenuePerCustomer: withAmount ? freeze(cumulativeRow) : null,
        complete: freeze(completeRow),
      }),
    );
  }

  const averageCurve: CohortRetentionCurvePoint[] = [];
  for (let o = 0; o < width && (curveCustomers[o] as number) > 0; o++) {
    const weight = curveCustomers[o] as number;
    averageCurve.push(
      freeze({
        periodsSinceAcquisition: o,
        cohorts: curveCohorts[o] as number,
        customers: weight,
        retention: (curveActive[o] as number) / weight,
        revenuePerCustomer: !withAmount ? null : (curveRevenue[o] as number) / weight,
        cumulativeRevenuePerCustomer: !withAmount ? null : (curveCumulative[o] as number) / weight,
      }),
    );
  }

  const result: CohortRetentionResult = {
    cohorts: freeze(cohorts),
    averageCurve: freeze(averageCurve),
    customers,
    asOf: isoDate(asOfDay * MS_PER_DAY),
    ignoredRecords,
    options: freeze({ period, amount: withAmount }),
  };
  return withDisplay(result, {
    title: `Cohort retention by ${period}`,
    summary: (r) => [
      `${r.customers} customers in ${r.cohorts.length} cohorts as of ${r.asOf}${r.ignoredRecords > 0 ? `; ${r.ignoredRecords} records after asOf ignored` : ""}`,
      `retention share per ${period} since acquisition (* incomplete ${period} at asOf; first ${DISPLAY_PERIODS} shown)`,
    ],
    rows: (r) => [
      ...r.cohorts.map((c) => {
        const row: Record<string, string | number> = { cohort: c.cohort, customers: c.customers };
        c.retention.slice(0, DISPLAY_PERIODS).forEach((share, o) => {
          row[`+${o}`] = `${(share * 100).toFixed(1)}%${c.complete[o] ? "" : "*"}`;
        });
        return row;
      }),
      (() => {
        const row: Record<string, string | number> = { cohort: "average", customers: r.customers };
        r.averageCurve.slice(0, DISPLAY_PERIODS).forEach((point) => {
          row[`+${point.periodsSinceAcquisition}`] = `${(point.retention * 100).toFixed(1)}%`;
        });
        return row;
      })(),
    ],
  });
}
