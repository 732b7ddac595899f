/**
 * Option rules of clientele/churn that core's option rules (src/core/internal/optionRules.ts) lack, for
 * core's `checkOptions`: each gives the issues, paths and words the zod schema it replaces gave through
 * `parseOptions` (optionRules.test.ts here compares the two on random options).
 */
import { type NumericBounds, numeric, type OptionRule } from "../../core/internal/optionRules.js";

/**
 * Core's {@link numeric} with an exclusive upper bound as well (`z.lt(lt)`, which `numeric` lacks): a
 * number at or above `lt` is "Too big: expected number to be <1", or `message`. A general rule: it could
 * be a `lt` bound of core's `numeric`.
 */
export function numericBelow(
  bounds: Omit<NumericBounds, "lte">,
  lt: number,
  message = `Too big: expected number to be <${lt}`,
): OptionRule<number, true> {
  const below = numeric(bounds);
  const lower = bounds.gte !== undefined || bounds.gt !== undefined;
  return {
    ...below,
    accepts: `${below.accepts}${lower ? " and" : ""} < ${lt}`,
    check: (value, report) => {
      // a value that is not a number of the kind wanted is reported once, without the bound
      let ofKind = true;
      const number = below.check(value, (problem, ...rest) => {
        if (problem === undefined) ofKind = false;
        report(problem, ...rest);
      });
      if (ofKind && number >= lt) report(message, number);
      return number;
    },
  };
}
