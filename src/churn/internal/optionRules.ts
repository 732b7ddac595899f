/**
 * Option rules of clientele/churn that core's option rules (src/core/internal/optionRules.ts) lack, for
 * core's `checkOptions`: each gives the issues, paths and words the zod schema it replaces gave through
 * `parseOptions` (optionRules.test.ts here compares the two on random options).
 */
import type { Field } from "../../core/index.js";
import { expected } from "../../core/internal/optionChecks.js";
import { date, field, numeric, type OptionRule, required } from "../../core/internal/optionRules.js";

/** A field (a property name or an accessor) that must be given. */
export const requiredField = /* @__PURE__ */ required(/* @__PURE__ */ field<Field<unknown>>());

/** A date (the `asOf` of the functions that read purchases) that must be given. */
export const requiredDate = /* @__PURE__ */ required(/* @__PURE__ */ date());

/** A finite number > 0, in zod's words for one out of range. */
export const positive = /* @__PURE__ */ numeric({ gt: 0 });

const BAND_COUNT = 3;

/**
 * inactivityRisk's `bandLimits`: three increasing numbers > 0, with the issues of the zod tuple of three
 * positive numbers refined to increase: a wrong length first (and alone when the array is too short), then
 * each limit's problems under its index, then "band limits must increase" when every limit is a number.
 */
export const bandLimitsRule: OptionRule<readonly [number, number, number], true> = {
  accepts: `an array of ${BAND_COUNT} values`,
  optional: true,
  check: (value, report) => {
    if (!Array.isArray(value)) {
      report(undefined, value);
      return value as never;
    }
    if (value.length < BAND_COUNT) {
      report(`Too small: expected array to have >=${BAND_COUNT} items`, value);
      return value as never;
    }
    // past a wrong length or a limit that is not a number, zod's tuple stopped before the increase check
    let complete = value.length === BAND_COUNT;
    if (!complete) report(`Too big: expected array to have <=${BAND_COUNT} items`, value);
    const limits = value.slice(0, BAND_COUNT).map((limit, index) =>
      positive.check(limit, (problem, received) => {
        if (problem === undefined) complete = false;
        report(problem ?? expected(positive.accepts, received), received, [String(index)]);
      }),
    ) as [number, number, number];
    const [low, middle, high] = limits;
    if (complete && !(low < middle && middle < high)) report("band limits must increase", limits);
    return limits;
  },
};
