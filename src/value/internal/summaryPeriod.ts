/**
 * Option handling shared by repeatPurchaseSummary and calibrationHoldoutSummary
 * (and the date options of rfmTable): the transaction-field and observation-period
 * option rules, date options as UTC day numbers, and reading the purchase days.
 */
import {
  DAYS_PER_UNIT,
  type Field,
  InvalidOptionsError,
  MS_PER_DAY,
  parseDateValue,
  type RecordInput,
  recordCount,
  type TimeUnit,
} from "../../core/index.js";
import { custom, date, field, oneOf, required } from "../../core/internal/optionRules.js";
import { withScratch } from "../../core/internal/scratch.js";
import { PURCHASE_DAYS_SCRATCH, type PurchaseDays, purchaseDays } from "./purchaseDays.js";

/** Parses a date option to a UTC day number, or throws InvalidOptionsError naming the option. */
export function dayOption(functionName: string, path: string, value: unknown): number {
  const time = parseDateValue(value);
  if (time === undefined) {
    throw new InvalidOptionsError(functionName, [
      {
        path,
        message: 'expected a Date, an ISO date such as "1997-09-30", or epoch milliseconds',
        received: value,
      },
    ]);
  }
  return Math.floor(time / MS_PER_DAY);
}

/** Option rules of the customer / date / amount fields. */
export const transactionFieldsShape = {
  customer: /* @__PURE__ */ required(/* @__PURE__ */ field()),
  date: /* @__PURE__ */ required(/* @__PURE__ */ field()),
  amount: /* @__PURE__ */ field(),
};

/**
 * Option rule of the `order` option that the purchase-day summaries refuse: they count purchase days (the
 * BG/NBD literature's purchase occasions), so an order id has no meaning there and is an error that says
 * why and what to do, rather than an unknown option.
 */
export function orderRefusalShape(functionName: string) {
  return {
    order: custom<never>(
      "no order field",
      () =>
        `${functionName} counts purchase periods (distinct UTC days: several orders of a customer on one day are one purchase), not orders, so it takes no order field: drop \`order\` (use rfmTable for order counts)`,
    ),
  };
}

/** Option rules of asOf / timeUnit / afterAsOf (with their defaults in {@link OBSERVATION_PERIOD_DEFAULTS}). */
export const observationPeriodShape = {
  asOf: /* @__PURE__ */ required(/* @__PURE__ */ date()),
  timeUnit: /* @__PURE__ */ oneOf(["day", "week", "month", "quarter", "year"]),
  afterAsOf: /* @__PURE__ */ oneOf(["error", "drop"]),
};

/** The defaults of {@link observationPeriodShape}'s options, for `withDefaults`. */
export const OBSERVATION_PERIOD_DEFAULTS = { timeUnit: "day", afterAsOf: "error" } as const;

/** Purchase days up to `endDay` plus the length of the summary's time unit in days. */
export interface SummaryPurchases extends PurchaseDays {
  readonly timeUnit: TimeUnit;
  readonly unitDays: number;
}

/**
 * Reads the records' purchase days up to `endDay` (inclusive), with the parsed time-unit options, into
 * per-row columns in scratch memory that the next call reuses (see withScratch), and returns what
 * `summarise` makes of them: nothing it returns may view them.
 */
export function withSummaryPurchases<T, R>(
  functionName: string,
  records: RecordInput<T>,
  fields: { readonly customer: Field<T>; readonly date: Field<T>; readonly amount?: Field<T> | undefined },
  parsed: { readonly timeUnit: TimeUnit; readonly afterAsOf: "error" | "drop" },
  endDay: number,
  summarise: (purchases: SummaryPurchases) => R,
): R {
  const rows = recordCount(records, functionName);
  return withScratch(PURCHASE_DAYS_SCRATCH * rows, (scratch) => {
    const purchases = purchaseDays(
      records,
      {
        functionName,
        customer: fields.customer,
        date: fields.date,
        amount: fields.amount,
        endDay,
        afterEnd: parsed.afterAsOf,
      },
      scratch,
    );
    return summarise({ ...purchases, timeUnit: parsed.timeUnit, unitDays: DAYS_PER_UNIT[parsed.timeUnit] });
  });
}
