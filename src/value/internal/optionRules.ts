/**
 * Option rules of clientele/value that core's option rules (src/core/internal/optionRules.ts) lack, for
 * `checkOptions`: a pair whose elements are checked by a rule, and the named forms of a union. Each gives
 * the issues `parseOptions` gave for the zod schema it stands for (`z.tuple`, `z.literal`s in a
 * `z.union`), word for word: optionRules.test.ts here compares them on random options.
 */
import { checkElement, type OptionRule, type ReportProblem } from "../../core/internal/optionRules.js";

/**
 * An array of two elements, each checked by `element` (`z.tuple([element, element])`): "expected an array
 * of 2 values, received ..."; fewer than two: "Too small: expected array to have >=2 items" (and nothing
 * else); more: "Too big: expected array to have <=2 items", then the first two checked. `problem`, when
 * given, checks a pair whose two elements passed (a refine on the tuple): its message, or undefined.
 */
export function pair<E>(
  element: OptionRule<E>,
  problem?: (pair: readonly [E, E]) => string | undefined,
): OptionRule<[E, E], true> {
  return {
    accepts: "an array of 2 values",
    optional: true,
    check: (value, report) => {
      if (!Array.isArray(value)) {
        report(undefined, value);
        return value as [E, E];
      }
      if (value.length < 2) {
        report("Too small: expected array to have >=2 items", value);
        return value as [E, E];
      }
      let failed = value.length > 2;
      if (failed) report("Too big: expected array to have <=2 items", value);
      const countFailures: ReportProblem = (...issue) => {
        failed = true;
        report(...issue);
      };
      const checked: [E, E] = [
        checkElement(element, value[0], 0, countFailures),
        checkElement(element, value[1], 1, countFailures),
      ];
      const message = failed ? undefined : problem?.(checked);
      if (message !== undefined) report(message, checked);
      return checked;
    },
  };
}

/**
 * One of a few strings, as forms of core's `union` (`z.literal`s in a `z.union`): it accepts
 * `"a" or "b"`, and any other value is reported as not of its kind, so that the union words a value of
 * none of its forms with all of them (`expected "a" or "b" or an object`), as zod's union did.
 */
export function literals<const V extends string>(values: readonly V[]): OptionRule<V, true> {
  return {
    accepts: values.map((value) => JSON.stringify(value)).join(" or "),
    optional: true,
    check: (value, report) => {
      if (!values.includes(value as V)) report(undefined, value);
      return value as V;
    },
  };
}
