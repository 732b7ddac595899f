/**
 * Option rules of qualifyProspects and offeringPayments, for core's `checkOptions`: numbers that name
 * what they expect, maps of word -> value checked value by value, and an {@link Offering} with its checks
 * across options. Each gives the issues the zod schemas before gave through `parseOptions` (compared on
 * random options in optionRules.test.ts).
 */

import { list, nested, type OptionRule, text } from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";
import type { Offering } from "../offering.js";

/** A bound of {@link numberRule}: its test and the message of a number that fails it. */
type Bound = readonly [test: (value: number) => boolean, message: string];

/**
 * A finite number passing `bounds` (each failing bound its message). A value that is not a finite number
 * is `typeMessage` when given (as `z.number("expected a share in [0, 1]")` words it), otherwise
 * "expected `accepts`, received ..."; missing, it is "required: expected `accepts`".
 */
export function numberRule(
  accepts: string,
  bounds: readonly Bound[],
  typeMessage?: string,
): OptionRule<number, true> {
  return {
    accepts,
    optional: true,
    check: (value, report) => {
      if (!Number.isFinite(value)) report(value === undefined ? undefined : typeMessage, value);
      else for (const [test, message] of bounds) if (!test(value as number)) report(message, value);
      return value as number;
    },
  };
}

const atLeast0: Bound = [(value) => value >= 0, "must be at least 0"];
const above0: Bound = [(value) => value > 0, "must be greater than 0"];
/** In [0, 1]: a share or a score. */
export const inUnit: Bound = [(value) => value >= 0 && value <= 1, "must be in [0, 1]"];

/** A finite amount >= 0 (a deposit, an interest rate, a weight, an income line). */
export const amount = /* @__PURE__ */ numberRule("a number >= 0", [atLeast0]);
/** A finite amount > 0 (a price, an instalment, a loan's years, a cover). */
export const positiveAmount = /* @__PURE__ */ numberRule("a number > 0", [above0]);
/** The largest share of monthly income an instalment may take: a number in (0, 1]. */
export const instalmentShare = /* @__PURE__ */ numberRule(
  "a number",
  [[(value) => value > 0 && value <= 1, "must be in (0, 1]"]],
  "expected a share in (0, 1]",
);

/** A plain object: not null, not an array. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * A map of word -> value, each value checked by `entry` (an issue under its key); a value that is not an
 * object (null, an array, a number) is "expected an object, received ..." or `notAnObject`. The output
 * holds each key with the value `entry` keeps.
 */
export function valueMap<V>(entry: OptionRule<V>, notAnObject?: string): OptionRule<Record<string, V>, true> {
  return {
    accepts: "an object",
    optional: true,
    check: (value, report) => {
      if (!isObject(value)) {
        report(value === undefined ? undefined : notAnObject, value);
        return value as Record<string, V>;
      }
      const output: Record<string, V> = {};
      for (const key of Object.keys(value))
        output[key] = entry.check(value[key], (message, received, path = [], named) =>
          report(message ?? expected(entry.accepts, received), received, [key, ...path], named),
        );
      return output;
    },
  };
}

/** A map of scores in [0, 1] (income levels, life events, underwriting factors). */
export const scoreMap = /* @__PURE__ */ valueMap(
  /* @__PURE__ */ numberRule("a number", [inUnit], "expected a score in [0, 1]"),
);

const finite = /* @__PURE__ */ numberRule("a number", [], "expected a finite number");
/**
 * A fit limit `{ min?, max? }` of finite numbers; its other keys are kept (resolveRules names them with
 * the nearest of min and max).
 */
const limit: OptionRule<{ min?: number; max?: number } & Record<string, unknown>, true> = {
  accepts: "an object",
  optional: true,
  check: (value, report) => {
    if (!isObject(value)) {
      report(value === undefined ? undefined : "expected { min?, max? } (finite numbers)", value);
      return value as never;
    }
    // in the order given, as the issues list them
    for (const key of Object.keys(value))
      if ((key === "min" || key === "max") && value[key] !== undefined)
        finite.check(value[key], (message, received) =>
          report(message ?? expected(finite.accepts, received), received, [key]),
        );
    return { ...value };
  },
};
/** Fit limits by requirement. */
export const limitMap = /* @__PURE__ */ valueMap(limit);

const isProvision = (value: unknown): boolean =>
  typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
/** True or false, or a finite number: what an offering provides of a feature. */
const provision: OptionRule<boolean | number, true> = {
  accepts: "true or false or a finite number",
  optional: true,
  check: (value, report) => {
    if (!isProvision(value)) report("expected true or false or a finite number", value);
    return value as boolean | number;
  },
};

const offeringOptions = /* @__PURE__ */ nested({
  name: text(Number.POSITIVE_INFINITY),
  price: { ...positiveAmount, optional: false },
  deposit: amount,
  depositShare: numberRule("a number", [inUnit], "expected a share in [0, 1]"),
  monthlyInstalment: positiveAmount,
  loan: nested({ annualRate: { ...amount, optional: false }, years: { ...positiveAmount, optional: false } }),
  maxInstalmentShare: instalmentShare,
  provides: valueMap(provision),
  lacks: list<string>(0, (feature) =>
    typeof feature === "string" ? undefined : expected("a string", feature),
  ),
});

/** A number option that is absent or a finite number (a bound it fails does not stop the checks across). */
const numberOrAbsent = (value: unknown): boolean => value === undefined || Number.isFinite(value);

/**
 * True when every option of the offering has the right kind, so the checks across options run (as zod ran
 * its refinements only when no option had failed its type, whatever its bounds).
 */
function ofRightKinds(offering: Record<string, unknown>): boolean {
  const { name, price, loan, provides, lacks } = offering;
  return (
    (name === undefined || typeof name === "string") &&
    Number.isFinite(price) &&
    ["deposit", "depositShare", "monthlyInstalment", "maxInstalmentShare"].every((key) =>
      numberOrAbsent(offering[key]),
    ) &&
    (loan === undefined ||
      (isObject(loan) && Number.isFinite(loan.annualRate) && Number.isFinite(loan.years))) &&
    (provides === undefined || (isObject(provides) && Object.values(provides).every(isProvision))) &&
    (lacks === undefined || (Array.isArray(lacks) && lacks.every((feature) => typeof feature === "string")))
  );
}

/**
 * An {@link Offering}: its options, then the checks across them (deposit or depositShare, loan or
 * monthlyInstalment, a deposit not above the price), each reported under the offering with the offering
 * checked as the value received.
 */
export const offeringRule: OptionRule<Offering, false> = {
  accepts: "an options object ({ name: value, ... })",
  optional: false,
  check: (value, report) => {
    const checked = offeringOptions.check(value, report) as Offering | undefined;
    if (checked === undefined || !ofRightKinds(value as Record<string, unknown>)) return checked as Offering;
    if (checked.deposit !== undefined && checked.depositShare !== undefined)
      report("give deposit or depositShare, not both", checked);
    if (checked.loan !== undefined && checked.monthlyInstalment !== undefined)
      report("give loan or monthlyInstalment, not both", checked);
    if (!((checked.deposit ?? 0) <= checked.price)) report("deposit must not exceed the price", checked);
    return checked;
  },
};
