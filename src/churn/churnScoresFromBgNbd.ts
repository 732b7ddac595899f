import {
  DAYS_PER_UNIT,
  type Field,
  InvalidOptionsError,
  isoDate,
  MS_PER_DAY,
  type TimeUnit,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, field, oneOf } from "../core/internal/optionRules.js";
import { withScratch } from "../core/internal/scratch.js";
import { notAnArrayError } from "../core/records.js";
import type { FitBgNbdResult } from "../value/fitBgNbd.js";
import { fitBgNbdHistories } from "../value/internal/bgNbdLikelihood.js";
import { countHistories } from "../value/internal/lifetimeFit.js";
import { PURCHASE_DAYS_SCRATCH, purchaseDayArrays } from "../value/internal/purchaseDays.js";
import { purchaseHistories } from "../value/internal/purchaseHistories.js";
import { dayOption } from "../value/internal/summaryPeriod.js";
import { freeze } from "./internal/freeze.js";
import { positive, requiredDate, requiredField } from "./internal/optionRules.js";

const FUNCTION_NAME = "churnScoresFromBgNbd";

/** Options of {@link churnScoresFromBgNbd}. */
export interface ChurnScoresFromBgNbdOptions<T> {
  /** Customer identifier field. */
  readonly customer: Field<T>;
  /** Purchase date field; purchases are counted per UTC calendar day. */
  readonly date: Field<T>;
  /** Purchase value; negative values are refunds, netted as `repeatPurchaseSummary` does. @defaultValue undefined */
  readonly amount?: Field<T>;
  /** End of the observation period (inclusive); later records are left out and counted. */
  readonly asOf: Date | string | number;
  /** Time unit of recency, T and `horizon`. @defaultValue "week" */
  readonly timeUnit?: TimeUnit;
  /** Horizon, in `timeUnit`s, of the expected purchases reported per customer. @defaultValue 13 */
  readonly horizon?: number;
  /**
   * A BG/NBD model fitted beforehand (e.g. on a larger population, with the same `timeUnit`).
   * @defaultValue undefined (fit `fitBgNbd` on these customers)
   */
  readonly model?: FitBgNbdResult;
}

/** One customer of {@link churnScoresFromBgNbd}. */
export interface ChurnScoresFromBgNbdRow {
  readonly customer: string;
  /** Repeat purchases (distinct purchase days − 1). */
  readonly frequency: number;
  /** Time from first to last purchase, in `timeUnit`s. */
  readonly recency: number;
  /** Time from first purchase to `asOf`, in `timeUnit`s. */
  readonly T: number;
  /** P(alive | frequency, recency, T) under the BG/NBD model. */
  readonly probabilityAlive: number;
  /** 1 − probabilityAlive. */
  readonly churnScore: number;
  /** Purchases expected in the next `horizon` time units. */
  readonly expectedPurchases: number;
  readonly reason: string;
}

/** Result of {@link churnScoresFromBgNbd}. */
export interface ChurnScoresFromBgNbdResult {
  /** Customers, highest churn score first (ties in first-seen order). */
  readonly customers: readonly ChurnScoresFromBgNbdRow[];
  /** The BG/NBD model used (fitted here unless given). */
  readonly model: FitBgNbdResult;
  /** Records after `asOf`, left out. */
  readonly droppedRecords: number;
  readonly options: { readonly asOf: string; readonly timeUnit: TimeUnit; readonly horizon: number };
}

/** The option rules of churnScoresFromBgNbd (core's checkOptions: no zod in the bundle; numbers are finite). */
export const churnScoresFromBgNbdShape = {
  customer: requiredField,
  date: requiredField,
  amount: /* @__PURE__ */ field<Field<unknown>>(),
  asOf: requiredDate,
  timeUnit: /* @__PURE__ */ oneOf(["day", "week", "month", "quarter", "year"]),
  horizon: positive,
  model: /* @__PURE__ */ custom<FitBgNbdResult>("a model returned by fitBgNbd", (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as FitBgNbdResult).probabilityAlive === "function"
      ? undefined
      : "expected a model returned by fitBgNbd",
  ),
};

/**
 * Probability-alive churn scores: summarises purchases into (frequency, recency, T) as
 * `repeatPurchaseSummary` does, fits the BG/NBD model (`fitBgNbd`, value module) unless one is given, and
 * returns churnScore = 1 − P(alive) per customer with the purchases expected over `horizon`.
 *
 * Caveat of the model, kept as is: BG/NBD lets a customer drop out only right after a purchase, so a
 * customer with a single purchase day (frequency 0) has P(alive) = 1 and churn score 0, however long
 * ago that purchase was. Rank such customers with `inactivityRisk` (population rhythm) instead.
 * Complexity: O(n log n) plus the BG/NBD fit.
 *
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
 * Pareto/NBD model", Marketing Science 24(2), and Hardie's note on P(alive) for BG/NBD.
 *
 * @param records - purchase records (orders or order lines), not mutated
 * @param options - see {@link ChurnScoresFromBgNbdOptions}
 * @throws {@link InvalidOptionsError} for malformed options
 * @throws {@link InvalidRecordError} for a missing or invalid customer, date or amount (row named)
 * @throws {@link InsufficientDataError} when no customer made a repeat purchase (BG/NBD not identifiable)
 * @example
 * ```ts
 * const store = generateStore({ seed: 7 });
 * const scores = churnScoresFromBgNbd(store.orders, { customer: "customerId", date: "date", asOf: "2025-12-31" });
 * scores.customers[0].reason;
 * // => "19 repeat purchases in 46.1 weeks, last 58.1 weeks ago: P(alive) 0.0000592"
 * ```
 */
export function churnScoresFromBgNbd<T>(
  records: readonly T[],
  options: ChurnScoresFromBgNbdOptions<T>,
): ChurnScoresFromBgNbdResult {
  const parsed = withDefaults(checkOptions(FUNCTION_NAME, churnScoresFromBgNbdShape, options), {
    timeUnit: "week",
    horizon: 13,
  });
  if (!Array.isArray(records)) throw notAnArrayError(FUNCTION_NAME, "records", records);
  const timeUnit = parsed.timeUnit as TimeUnit;
  const endDay = dayOption(FUNCTION_NAME, "asOf", parsed.asOf);
  // The histories as repeatPurchaseSummary makes them (records after asOf dropped), without its rows:
  // per-row columns in scratch memory reused by the next call (see withScratch).
  const { histories, droppedRecords } = withScratch(PURCHASE_DAYS_SCRATCH * records.length, (scratch) => {
    const purchases = purchaseDayArrays(
      records,
      {
        functionName: FUNCTION_NAME,
        customer: options.customer,
        date: options.date,
        amount: options.amount,
        endDay,
        afterEnd: "drop",
      },
      scratch,
    );
    return {
      histories: purchaseHistories(purchases, endDay, DAYS_PER_UNIT[timeUnit]),
      droppedRecords: purchases.droppedRecords,
    };
  });
  const model = options.model ?? fitBgNbdHistories(countHistories(FUNCTION_NAME, "BG/NBD", histories));
  const horizon = parsed.horizon;
  const unit = timeUnit;
  const rows = histories.customers.map((customer, i): ChurnScoresFromBgNbdRow => {
    const frequency = histories.frequency[i] as number;
    const recency = histories.recency[i] as number;
    const T = histories.T[i] as number;
    const probabilityAlive = model.probabilityAlive(frequency, recency, T);
    const expectedPurchases = model.conditionalExpectedPurchases(horizon, frequency, recency, T);
    const since = T - recency;
    const reason =
      frequency === 0
        ? `one purchase day, ${format(since)} ${unit}s ago: BG/NBD treats a customer as alive until a repeat purchase (use inactivityRisk for these)`
        : `${frequency} repeat purchase${frequency === 1 ? "" : "s"} in ${format(recency)} ${unit}s, last ${format(since)} ${unit}s ago: P(alive) ${format(probabilityAlive)}`;
    return freeze({
      customer,
      frequency,
      recency,
      T,
      probabilityAlive,
      churnScore: 1 - probabilityAlive,
      expectedPurchases,
      reason,
    });
  });
  const order = rows.map((_, i) => i);
  order.sort(
    (a, b) =>
      (rows[b] as ChurnScoresFromBgNbdRow).churnScore - (rows[a] as ChurnScoresFromBgNbdRow).churnScore ||
      a - b,
  );
  const result: ChurnScoresFromBgNbdResult = {
    customers: freeze(order.map((i) => rows[i] as ChurnScoresFromBgNbdRow)),
    model,
    droppedRecords,
    options: freeze({ asOf: isoDate(endDay * MS_PER_DAY), timeUnit, horizon }),
  };
  return withDisplay(result, {
    title: "Churn scores from BG/NBD (1 − P(alive))",
    summary: (r) => [
      `${r.customers.length} customers as of ${r.options.asOf}; r ${format(r.model.params.r)}, alpha ${format(r.model.params.alpha)}, a ${format(r.model.params.a)}, b ${format(r.model.params.b)}`,
    ],
    rows: (r) => r.customers,
    columns: ["customer", "frequency", "recency", "T", "probabilityAlive", "churnScore", "expectedPurchases"],
  });
}

function format(value: number): string {
  return String(Number(value.toPrecision(3)));
}
