import { expected } from "../../core/internal/optionChecks.js";
import { numeric, type OptionRule } from "../../core/internal/optionRules.js";

/** A limit of a band: a finite number above 0. */
const positive = /* @__PURE__ */ numeric({ gt: 0 });

/**
 * The `bandLimits` option of inactivityRisk: three increasing numbers above 0, checked as the zod tuple
 * `z.tuple([positive, positive, positive])` with an "increasing" refinement checked them, word for word:
 * "expected an array of 3 values, received ...", "Too small: expected array to have >=3 items" (and
 * nothing more), "Too big: expected array to have <=3 items", each limit's own problem at its index
 * ("expected a number > 0, received a string", "Too small: expected number to be >0"), and, when every
 * limit is a number and there are three, "band limits must increase".
 */
export const bandLimits = (): OptionRule<readonly [number, number, number], true> => ({
  accepts: "an array of 3 values",
  optional: true,
  check: (value, report) => {
    const limits = value as readonly [number, number, number];
    if (!Array.isArray(value)) {
      report(undefined, value);
      return limits;
    }
    if (value.length < 3) {
      report("Too small: expected array to have >=3 items", value);
      return limits;
    }
    if (value.length > 3) report("Too big: expected array to have <=3 items", value);
    let allNumbers = true;
    for (let index = 0; index < 3; index++)
      positive.check(value[index], (message, received) => {
        // no message: not a finite number
        if (message === undefined) allNumbers = false;
        report(message ?? expected(positive.accepts, received), received, [String(index)]);
      });
    const [watch, risk, lapsed] = limits;
    if (allNumbers && value.length === 3 && !(watch < risk && risk < lapsed))
      report("band limits must increase", value);
    return limits;
  },
});
