import {
  type Field,
  InsufficientDataError,
  isoDate,
  MS_PER_DAY,
  median,
  type RecordInput,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, numeric } from "../core/internal/optionRules.js";
import { nothingBeforeAsOf, readCustomerDays } from "./internal/customerDays.js";
import { freeze } from "./internal/freeze.js";
import { bandLimits, positive, requiredDate, requiredField } from "./internal/optionRules.js";

const FUNCTION_NAME = "inactivityRisk";

/** Risk band of {@link inactivityRisk}, from the overdue ratio. */
export type InactivityRiskBand = "active" | "watch" | "at risk" | "lapsed";

/** Options of {@link inactivityRisk}. */
export interface InactivityRiskOptions<T> {
  /** Customer identifier field. */
  readonly customer: Field<T>;
  /** Purchase date field (Date, ISO string or epoch ms; UTC calendar days are used). */
  readonly date: Field<T>;
  /** The day the risk is judged on; records after it are ignored (and counted). */
  readonly asOf: Date | string | number;
  /**
   * Weight of the population's typical gap, in pseudo-gaps, when estimating a customer's expected gap:
   * expectedGap = (k · ownMeanGap + priorWeight · populationGap) / (k + priorWeight), k = the customer's
   * number of gaps. 0 trusts each customer's own rhythm fully (one-purchase customers then use the
   * population gap alone).
   * @defaultValue 2
   */
  readonly priorWeight?: number;
  /**
   * The population's typical gap in days. Default: the median, over customers with at least two
   * purchase days, of their mean gap between consecutive purchase days.
   * @defaultValue undefined (estimated)
   */
  readonly populationGapDays?: number;
  /**
   * Upper limits of the overdue ratio for the bands "active", "watch" and "at risk"; at or above the
   * last limit a customer is "lapsed".
   * @defaultValue [1, 2, 4]
   */
  readonly bandLimits?: readonly [number, number, number];
}

/** One customer of {@link inactivityRisk}. */
export interface InactivityRiskRow {
  readonly customer: string;
  /** Distinct purchase days up to `asOf`. */
  readonly purchaseDays: number;
  readonly firstPurchase: string;
  readonly lastPurchase: string;
  /** Whole days from the last purchase day to `asOf`. */
  readonly daysSinceLastPurchase: number;
  /** Mean days between consecutive purchase days; `null` with a single purchase day. */
  readonly ownMeanGapDays: number | null;
  /** The shrunken expected gap (see `priorWeight`). */
  readonly expectedGapDays: number;
  /** daysSinceLastPurchase / expectedGapDays: 1 means "due now", 3 means three gaps overdue. */
  readonly overdueRatio: number;
  /**
   * 1 − exp(−overdueRatio): the chance that a still-active customer buying at this rhythm (exponential
   * gaps) would already have bought again. A score in [0, 1) for ranking and `evaluateScores`; not a
   * calibrated churn probability.
   */
  readonly riskScore: number;
  readonly band: InactivityRiskBand;
  /** Plain-words reason. */
  readonly reason: string;
}

/** Result of {@link inactivityRisk}. */
export interface InactivityRiskResult {
  /** One row per customer with a purchase on or before `asOf`, highest overdue ratio first. */
  readonly customers: readonly InactivityRiskRow[];
  readonly asOf: string;
  /** The population's typical gap used as the prior, in days. */
  readonly populationGapDays: number;
  readonly bandCounts: Readonly<Record<InactivityRiskBand, number>>;
  /** Records dated after `asOf`, ignored. */
  readonly ignoredRecords: number;
  readonly options: {
    readonly priorWeight: number;
    readonly bandLimits: readonly [number, number, number];
    readonly populationGapDays: number | null;
  };
}

/** The option rules of inactivityRisk (core's checkOptions: no zod in the bundle; numbers are finite). */
export const inactivityRiskShape = {
  customer: requiredField,
  date: requiredField,
  asOf: requiredDate,
  priorWeight: /* @__PURE__ */ numeric({ gte: 0 }),
  populationGapDays: positive,
  bandLimits,
};

/**
 * Behavioural churn risk without labels: how overdue each customer is relative to their own purchase
 * rhythm. For each customer, purchases are collapsed to distinct UTC purchase days up to `asOf`; the
 * gaps between consecutive days give the customer's mean gap, which is shrunk toward the population's
 * typical gap with weight `priorWeight` (a precision-weighted, empirical-Bayes style average: a
 * customer with one gap leans on the population, one with twenty gaps on their own rhythm). The
 * overdue ratio is days since the last purchase over that expected gap, banded as active (< 1),
 * watch (< 2), at risk (< 4) and lapsed.
 *
 * Policies: every record is a purchase occasion (filter refunds or cancelled orders out first); several
 * records on the same day count once; records after `asOf` are ignored and counted in
 * `ignoredRecords`; a missing or invalid customer or date is an InvalidRecordError naming the row.
 * Complexity O(n log n).
 *
 * Reference: judging inactivity against each customer's own purchase rate is the idea behind
 * Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will they do
 * next?", Management Science 33(1); the full probabilistic version is the BG/NBD P(alive)
 * (Fader, Hardie & Lee 2005). This is its transparent, rule-of-thumb counterpart.
 *
 * @param records - purchase records (orders or order lines), not mutated
 * @param options - see {@link InactivityRiskOptions}
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key included) or an invalid `asOf`
 * @throws {@link InvalidRecordError} for an element that is not a record, or a missing or invalid customer
 *   or date (row named)
 * @throws {@link InsufficientDataError} when no record is on or before `asOf`, or no customer has two
 *   purchase days and `populationGapDays` is not given
 * @example
 * ```ts
 * const store = generateStore({ seed: 7 });
 * const risk = inactivityRisk(store.orders, { customer: "customerId", date: "date", asOf: "2025-12-31" });
 * [risk.bandCounts.active, risk.bandCounts.lapsed]; // => [416, 291]
 * risk.customers[0].reason;
 * // => "last purchase 709 days ago, 30.8x the expected gap of 23 days (own mean gap 5 days over 2 gaps, population 41) (lapsed)"
 * ```
 */
export function inactivityRisk<T>(
  records: RecordInput<T>,
  options: InactivityRiskOptions<T>,
): InactivityRiskResult {
  const parsed = withDefaults(checkOptions(FUNCTION_NAME, inactivityRiskShape, options), {
    priorWeight: 2,
    bandLimits: [1, 2, 4] as const,
  });
  const purchases = readCustomerDays(FUNCTION_NAME, records, parsed);
  const { n, asOfDay, codes, labels, days } = purchases;

  // Keep records on or before asOf, as (customer, day) pairs sorted by customer then day.
  const kept: number[] = [];
  let ignoredRecords = 0;
  for (let i = 0; i < n; i++) {
    if ((days[i] as number) > asOfDay) ignoredRecords++;
    else kept.push(i);
  }
  if (kept.length === 0) throw nothingBeforeAsOf(FUNCTION_NAME, purchases);
  kept.sort(
    (a, b) => (codes[a] as number) - (codes[b] as number) || (days[a] as number) - (days[b] as number),
  );

  const summaries: InactivitySummary[] = [];
  let k = 0;
  while (k < kept.length) {
    const code = codes[kept[k] as number] as number;
    const firstDay = days[kept[k] as number] as number;
    let lastDay = firstDay;
    let purchaseDays = 1;
    k++;
    while (k < kept.length && codes[kept[k] as number] === code) {
      const day = days[kept[k] as number] as number;
      if (day !== lastDay) {
        purchaseDays++;
        lastDay = day;
      }
      k++;
    }
    const meanGap = purchaseDays > 1 ? (lastDay - firstDay) / (purchaseDays - 1) : null;
    summaries.push({ code, purchaseDays, firstDay, lastDay, meanGap });
  }

  return inactivityRiskResult(FUNCTION_NAME, summaries, labels, asOfDay, ignoredRecords, parsed);
}

/** One customer's purchase days before asOf, as {@link inactivityRiskResult} scores them. */
export interface InactivitySummary {
  /** Index of the customer's label. */
  readonly code: number;
  readonly purchaseDays: number;
  /** First and last purchase day, in days since the epoch. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Mean gap between purchase days, or null for one purchase day. */
  readonly meanGap: number | null;
}

/**
 * Scores per-customer purchase-day summaries into the result of {@link inactivityRisk}: the population
 * gap (median of the customers' own mean gaps unless given), shrunk expected gaps, overdue ratios,
 * bands, reasons, the order and the REPL display. Shared with the DuckDB twin (`clientele/duckdb`), which
 * builds the summaries in SQL, so both score and print the same.
 *
 * @example
 * ```ts
 * // Purchase days as day numbers since 1970-01-01 (day 20 000 is 2024-10-04)
 * const summaries = [
 *   { code: 0, purchaseDays: 6, firstDay: 19_800, lastDay: 19_950, meanGap: 30 },
 *   { code: 1, purchaseDays: 2, firstDay: 19_700, lastDay: 19_760, meanGap: 60 },
 *   { code: 2, purchaseDays: 1, firstDay: 19_900, lastDay: 19_900, meanGap: null },
 * ];
 * const options = { priorWeight: 2, bandLimits: [1.5, 2.5, 4] as [number, number, number] };
 * const result = inactivityRiskResult("inactivityRisk", summaries, ["A", "B", "C"], 20_000, 0, options);
 * result.customers.map((c) => [c.customer, c.band]); // => [["B", "lapsed"], ["C", "watch"], ["A", "active"]]
 * ```
 */
export function inactivityRiskResult(
  functionName: string,
  summaries: readonly InactivitySummary[],
  labels: readonly string[],
  asOfDay: number,
  ignoredRecords: number,
  parsed: {
    readonly priorWeight: number;
    readonly bandLimits: readonly [number, number, number];
    readonly populationGapDays?: number | undefined;
  },
): InactivityRiskResult {
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

  const rows = summaries.map((s): InactivityRiskRow => {
    const gaps = s.purchaseDays - 1;
    const weight = gaps + priorWeight;
    const expectedGapDays =
      s.meanGap === null || weight === 0
        ? population
        : (gaps * s.meanGap + priorWeight * population) / weight;
    const daysSinceLastPurchase = asOfDay - s.lastDay;
    // A customer whose own gaps are all zero cannot happen (days are distinct), so expectedGap > 0.
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
    return freeze({
      customer: labels[s.code] as string,
      purchaseDays: s.purchaseDays,
      firstPurchase: isoDate(s.firstDay * MS_PER_DAY),
      lastPurchase: isoDate(s.lastDay * MS_PER_DAY),
      daysSinceLastPurchase,
      ownMeanGapDays: s.meanGap,
      expectedGapDays,
      overdueRatio,
      riskScore: 1 - Math.exp(-overdueRatio),
      band,
      reason,
    });
  });
  // Highest overdue ratio first; ties keep the customers' first-seen order (codes are first-seen).
  const order = rows.map((_, i) => i);
  const codeOf = summaries.map((s) => s.code);
  order.sort(
    (a, b) =>
      (rows[b] as InactivityRiskRow).overdueRatio - (rows[a] as InactivityRiskRow).overdueRatio ||
      (codeOf[a] as number) - (codeOf[b] as number),
  );
  const customers = order.map((i) => rows[i] as InactivityRiskRow);

  const result: InactivityRiskResult = {
    customers: freeze(customers),
    asOf: isoDate(asOfDay * MS_PER_DAY),
    populationGapDays: population,
    bandCounts: freeze(bandCounts),
    ignoredRecords,
    options: freeze({
      priorWeight,
      bandLimits: freeze([...bandLimits]) as unknown as readonly [number, number, number],
      populationGapDays: parsed.populationGapDays ?? null,
    }),
  };
  return withDisplay(result, {
    title: "Inactivity risk",
    summary: (r) => [
      `${r.customers.length} customers as of ${r.asOf}; population typical gap ${round1(r.populationGapDays)} days`,
      `bands: ${Object.entries(r.bandCounts)
        .map(([band, count]) => `${band} ${count}`)
        .join(", ")}${r.ignoredRecords > 0 ? `; ${r.ignoredRecords} records after asOf ignored` : ""}`,
    ],
    rows: (r) => r.customers,
    columns: ["customer", "purchaseDays", "daysSinceLastPurchase", "expectedGapDays", "overdueRatio", "band"],
  });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
