/**
 * Option rules of clientele/churn that core's option rules (src/core/internal/optionRules.ts) lack, for
 * core's `checkOptions`: each gives the issues, paths and words the zod schema it replaces gave through
 * `parseOptions` (optionRules.test.ts here compares the two on random options).
 */
import type { Field } from "../../core/index.js";
import { date, field, numeric, type OptionRule, required } from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";

/** A field (a property name or an accessor) that must be given. */
export const requiredField = /* @__PURE__ */ required(/* @__PURE__ */ field<Field<unknown>>());

/** A date (the `asOf` of the functions that read purchases) that must be given. */
export const requiredDate = /* @__PURE__ */ required(/* @__PURE__ */ date());

/** A finite number > 0, in zod's words for one out of range. */
export const positive = /* @__PURE__ */ numeric({ gt: 0 });

/**
 * inactivityRisk's `bandLimits` (in memory and in DuckDB): three increasing numbers > 0, with the issues of
 * the zod tuple of three positive numbers refined to increase, word for word: "expected an array of 3
 * values, received ..."; "Too small: expected array to have >=3 items" (and nothing more); "Too big:
 * expected array to have <=3 items"; each limit's own problem at its index ("expected a number > 0,
 * received a string", "Too small: expected number to be >0"; a hole of a sparse array is a missing limit:
 * "required: expected a number > 0"); and, when there are three limits and every one is a number, "band
 * limits must increase". Returns a new array of the three limits (never the caller's own).
 */
export const bandLimits: OptionRule<readonly [number, number, number], true> = {
  accepts: "an array of 3 values",
  optional: true,
  check: (value, report) => {
    if (!Array.isArray(value)) {
      report(undefined, value);
      return value as never;
    }
    if (value.length < 3) {
      report("Too small: expected array to have >=3 items", value);
      return value as never;
    }
    // past a wrong length or a limit that is not a number, zod's tuple stopped before the increase check
    let complete = value.length === 3;
    if (!complete) report("Too big: expected array to have <=3 items", value);
    const limits: number[] = [];
    // an index loop, not map: a hole of a sparse array is checked as a missing limit
    for (let index = 0; index < 3; index++)
      limits.push(
        positive.check(value[index], (problem, received) => {
          if (problem === undefined) complete = false;
          report(problem ?? expected(positive.accepts, received), received, [String(index)]);
        }),
      );
    const [watch, risk, lapsed] = limits as [number, number, number];
    if (complete && !(watch < risk && risk < lapsed)) report("band limits must increase", limits);
    return limits as unknown as readonly [number, number, number];
  },
};
