import { withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, nested, numeric, type OptionRule, required } from "../core/internal/optionRules.js";

/**
 * Input of {@link silentDissatisfied}: the complaint count and the (overridable) source figures.
 *
 * @example
 * ```ts
 * const options: SilentDissatisfiedOptions = { complaints: 10, neverComplainShare: { low: 0.5, high: 0.9 } };
 * silentDissatisfied(options).dissatisfied; // => { low: 20, high: 100 } (to floating-point rounding)
 * ```
 */
export interface SilentDissatisfiedOptions {
  /**
   * Dissatisfied customers who complained: a count, or an array of complaint records (each counts
   * one; pass one record per complaining customer, e.g. `complaintSummary(...).complainingCustomers`).
   */
  readonly complaints: number | readonly unknown[];
  /**
   * Share of dissatisfied customers who never complain, as a range.
   * Source material: 70-95% of dissatisfied customers never complain.
   * @defaultValue { low: 0.7, high: 0.95 }
   */
  readonly neverComplainShare?: { readonly low: number; readonly high: number };
  /**
   * Share of the silent dissatisfied who leave quietly. Source material: 96% of dissatisfied
   * customers leave without a word (applied here to those who did not complain).
   * @defaultValue 0.96
   */
  readonly leaveQuietlyShare?: number;
  /**
   * Share of quiet leavers who never come back. Source material: 91%.
   * @defaultValue 0.91
   */
  readonly neverReturnShare?: number;
  /**
   * People an unhappy customer tells, as a range. Source material: 8-10 people.
   * @defaultValue { low: 8, high: 10 }
   */
  readonly tells?: { readonly low: number; readonly high: number };
  /** Share of unhappy customers who tell many more. Source material: one in five. @defaultValue 0.2 */
  readonly heavyTellerShare?: number;
  /** People a heavy teller tells. Source material: 20. @defaultValue 20 */
  readonly heavyTellerReach?: number;
}

/**
 * A low-high estimate (low from the low assumptions, high from the high ones).
 *
 * @example
 * ```ts
 * const range: SilentDissatisfiedRange = silentDissatisfied({ complaints: 30 }).wordOfMouthReach;
 * range; // => { low: 1040, high: 7200 } (to floating-point rounding)
 * ```
 */
export interface SilentDissatisfiedRange {
  readonly low: number;
  readonly high: number;
}

/**
 * Result of {@link silentDissatisfied}. Counts are expected values, not rounded.
 *
 * @example
 * ```ts
 * const estimate: SilentDissatisfiedResult = silentDissatisfied({ complaints: 30 });
 * estimate.lostForGood; // => { low: 61.152, high: 497.952 } (to floating-point rounding)
 * estimate.assumptions.leaveQuietlyShare; // => 0.96
 * ```
 */
export interface SilentDissatisfiedResult {
  /** Complaining customers (the input count). */
  readonly complaints: number;
  /** All dissatisfied customers: complaints / (1 - neverComplainShare). */
  readonly dissatisfied: SilentDissatisfiedRange;
  /** Dissatisfied customers who did not complain: dissatisfied - complaints. */
  readonly silent: SilentDissatisfiedRange;
  /** Silent dissatisfied who leave quietly: silent x leaveQuietlyShare. */
  readonly quietLeavers: SilentDissatisfiedRange;
  /** Quiet leavers who never return: quietLeavers x neverReturnShare. */
  readonly lostForGood: SilentDissatisfiedRange;
  /**
   * People told of a bad experience: dissatisfied x ((1 - heavyTellerShare) x tells
   * + heavyTellerShare x heavyTellerReach). Mentions, not distinct people.
   */
  readonly wordOfMouthReach: SilentDissatisfiedRange;
  /** The figures used. */
  readonly assumptions: Required<Omit<SilentDissatisfiedOptions, "complaints">>;
}

const FN = "silentDissatisfied";
const SHARE = "must be in [0, 1]";
const share = numeric({ gte: 0, lte: 1, messages: { gte: SHARE, lte: SHARE } });
const nonNegative = numeric({ gte: 0, messages: { gte: "must be at least 0" } });

/** A share in [0, 1), the never-complain share: someone complains. */
const atLeast0 = numeric({ gte: 0, messages: { gte: "must be in [0, 1)" } });
const belowOne: OptionRule<number, true> = {
  ...atLeast0,
  accepts: `${atLeast0.accepts} and < 1`,
  check: (value, report) => {
    const number = atLeast0.check(value, report);
    if (Number.isFinite(number) && number >= 1) report("must be below 1 (someone complains)", number);
    return number;
  },
};

/**
 * A `{ low, high }` range of numbers of the rule `bound`, the low one not above the high one; the order is
 * checked once both are numbers (whatever their bounds), as the zod schema before checked it.
 */
function range(bound: OptionRule<number>): OptionRule<SilentDissatisfiedRange, true> {
  const pair = nested({ low: required(bound), high: required(bound) });
  return {
    ...pair,
    check: (value, report) => {
      const checked = pair.check(value, report);
      // a value of the wrong kind (not an object, an end that is not a number) leaves the order unchecked
      const numbers = checked !== undefined && Number.isFinite(checked.low) && Number.isFinite(checked.high);
      if (numbers && checked.low > checked.high) report("low must not exceed high", checked);
      return checked;
    },
  };
}

/** The complaint count: a whole number >= 0, or the complaint records (counted). */
const COUNT_FORMS = "a whole number >= 0 or an array";
const complaintCount: OptionRule<number | readonly unknown[], true> = {
  accepts: COUNT_FORMS,
  optional: true,
  check: (value, report) => {
    if (Array.isArray(value) || (Number.isSafeInteger(value) && (value as number) >= 0))
      return value as number | readonly unknown[];
    // of neither form: the forms, as a union lists them (without the kind received)
    if (!Number.isInteger(value)) report(value === undefined ? undefined : `expected ${COUNT_FORMS}`, value);
    else {
      if (!Number.isSafeInteger(value)) report("must be a whole number", value);
      if ((value as number) < 0) report("must be at least 0", value);
    }
    return value as number;
  },
};

/** Rules of silentDissatisfied's options (exported for the equivalence test of crm's option rules; not in the module index). */
export const silentDissatisfiedShape = {
  complaints: required(complaintCount),
  neverComplainShare: range(belowOne),
  leaveQuietlyShare: share,
  neverReturnShare: share,
  tells: range(nonNegative),
  heavyTellerShare: share,
  heavyTellerReach: nonNegative,
};

/**
 * Estimates the dissatisfied customers a complaint log does not show, from the
 * source material's figures: 70-95% of dissatisfied customers never complain;
 * 96% of dissatisfied customers leave quietly and 91% of them never return; an
 * unhappy customer tells 8-10 people, and one in five tells 20. Each figure is a
 * documented, overridable default; ranges give a low and a high estimate.
 *
 * With C complaints and never-complain share s:
 * dissatisfied = C / (1 - s); silent = dissatisfied - C; quietLeavers = silent x 0.96;
 * lostForGood = quietLeavers x 0.91;
 * wordOfMouthReach = dissatisfied x (0.8 x tells + 0.2 x 20).
 *
 * These are the source's rules of thumb (the widely quoted TARP-style service
 * studies), not estimates from your data: use them to size the problem, not to forecast.
 *
 * @param options - the complaint count and optional overrides of the figures
 * @returns low and high estimates of each quantity, with the assumptions used
 * @throws {@link InvalidOptionsError} for a negative or fractional count, shares outside [0, 1],
 *   a never-complain share of 1, or a range whose low exceeds its high
 * @see The complaint-behaviour figures quoted in the CRM source material (SPEC.md section 6).
 * @example
 * ```ts
 * const estimate = silentDissatisfied({ complaints: 30 });
 * estimate.dissatisfied;     // => { low: 100, high: 600 } (to floating-point rounding)
 * estimate.silent;           // => { low: 70, high: 570 }
 * estimate.wordOfMouthReach; // => { low: 1040, high: 7200 }
 * ```
 */
export function silentDissatisfied(options: SilentDissatisfiedOptions): Readonly<SilentDissatisfiedResult> {
  const o = withDefaults(checkOptions(FN, silentDissatisfiedShape, options), {
    neverComplainShare: { low: 0.7, high: 0.95 },
    leaveQuietlyShare: 0.96,
    neverReturnShare: 0.91,
    tells: { low: 8, high: 10 },
    heavyTellerShare: 0.2,
    heavyTellerReach: 20,
  });
  const c = typeof o.complaints === "number" ? o.complaints : o.complaints.length;
  const estimate = (neverComplain: number, tells: number) => {
    const dissatisfied = c / (1 - neverComplain);
    const silent = dissatisfied - c;
    const quietLeavers = silent * o.leaveQuietlyShare;
    const perUnhappy = (1 - o.heavyTellerShare) * tells + o.heavyTellerShare * o.heavyTellerReach;
    return {
      dissatisfied,
      silent,
      quietLeavers,
      lostForGood: quietLeavers * o.neverReturnShare,
      wordOfMouthReach: dissatisfied * perUnhappy,
    };
  };
  const low = estimate(o.neverComplainShare.low, o.tells.low);
  const high = estimate(o.neverComplainShare.high, o.tells.high);
  const pair = (key: keyof typeof low) => ({ low: low[key], high: high[key] });
  const result: SilentDissatisfiedResult = {
    complaints: c,
    dissatisfied: pair("dissatisfied"),
    silent: pair("silent"),
    quietLeavers: pair("quietLeavers"),
    lostForGood: pair("lostForGood"),
    wordOfMouthReach: pair("wordOfMouthReach"),
    assumptions: {
      neverComplainShare: o.neverComplainShare,
      leaveQuietlyShare: o.leaveQuietlyShare,
      neverReturnShare: o.neverReturnShare,
      tells: o.tells,
      heavyTellerShare: o.heavyTellerShare,
      heavyTellerReach: o.heavyTellerReach,
    },
  };
  const names = ["dissatisfied", "silent", "quietLeavers", "lostForGood", "wordOfMouthReach"] as const;
  return withDisplay(result, {
    title: "Silent dissatisfied customers (source-material rules of thumb)",
    summary: (r) => [`${r.complaints} complaining customers`],
    rows: (r) => names.map((name) => ({ estimate: name, low: r[name].low, high: r[name].high })),
  });
}
