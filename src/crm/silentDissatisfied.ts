import * as z from "zod/mini";
import { withDisplay } from "../core/index.js";
import { optionsSchema } from "../core/internal/optionChecks.js";
import { parseOptions } from "../core/options.js";

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
const share = z.number().check(z.gte(0, "must be in [0, 1]"), z.lte(1, "must be in [0, 1]"));
const nonNegative = z.number().check(z.gte(0, "must be at least 0"));
const range = (schema: z.ZodMiniNumber) =>
  optionsSchema({ low: schema, high: schema }).check(
    z.refine((r) => r.low <= r.high, { message: "low must not exceed high" }),
  );
const schema = optionsSchema({
  complaints: z.union([
    z.number().check(z.int("must be a whole number"), z.gte(0, "must be at least 0")),
    z.array(z.custom()),
  ]),
  neverComplainShare: z._default(
    range(z.number().check(z.gte(0, "must be in [0, 1)"), z.lt(1, "must be below 1 (someone complains)"))),
    { low: 0.7, high: 0.95 },
  ),
  leaveQuietlyShare: z._default(share, 0.96),
  neverReturnShare: z._default(share, 0.91),
  tells: z._default(range(nonNegative), { low: 8, high: 10 }),
  heavyTellerShare: z._default(share, 0.2),
  heavyTellerReach: z._default(nonNegative, 20),
});

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
  const o = parseOptions(FN, schema, options);
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
