/**
 * Option rules of the basket functions, for core's `checkOptions` (src/core/internal/optionRules.ts), in
 * basket's words: `boundedNumber` (a number with each bound's own message: "must be at least 1"),
 * `wholeAtLeastOne`, `positiveNumber` and `share` (zod's int and number checks with basket's bound
 * messages, on core's `numeric`), `nameList` (item and column names),
 * `functionTable` (custom measures) and `recordField`. Core's rules cover the rest (`oneOf` for z.enum,
 * `flag`, `field`, `custom`, `required`, `text`, `nonEmptyText`, `listOf`); common.ts holds the budget and the shared option groups.
 *
 * Why not zod: a basket function's bundle then leaves out zod and the schema walker of `parseOptions`
 * (multiLevelRules: 49.9 -> 37.2 kB), while the issues, paths and words stay those its zod schemas gave
 * (optionChecks.test.ts here compares the two on random options). Every check runs once per call, at the
 * boundary.
 */

import {
  anyText,
  field,
  listOf,
  nonEmptyText,
  numeric,
  type OptionRule,
  type ReportProblem,
} from "../../core/internal/optionRules.js";
import { expected, type NumberBound } from "../../core/internal/optionWords.js";

export { above0, atLeast, atMost, type NumberBound } from "../../core/internal/optionWords.js";

/** An optional option of kind `accepts` (what a missing value is said to need), with the check of a present value. */
const rule = <T>(
  accepts: string,
  check: (value: unknown, report: ReportProblem) => void,
): OptionRule<T, true> => ({
  accepts,
  optional: true,
  check: (value, report) => {
    check(value, report);
    return value as T;
  },
});

/**
 * A finite number within `bounds`, in basket's words: a value that is not a finite number (or not a whole
 * number when `whole`) is "expected `wanted`, received ..." (or `whole`'s own message when it is a string);
 * a number out of bounds gets the message of each bound it fails ("must be at least 1").
 */
export const boundedNumber = (
  wanted: string,
  bounds: readonly NumberBound[],
  whole?: true | string,
): OptionRule<number, true> =>
  rule(wanted, (value, report) => {
    // Number.isFinite is false for anything but a finite number
    if (!Number.isFinite(value) || (whole !== undefined && !Number.isSafeInteger(value))) {
      report(typeof whole === "string" ? whole : expected(wanted, value), value);
      return;
    }
    for (const [test, message] of bounds) if (!test(value as number)) report(message, value);
  });

/** A field of the records: a property name or an accessor function, typed as core's `fieldSchema` types it. */
export const recordField = (): OptionRule<string | ((record: never, index: number) => unknown), true> =>
  field();

/** A whole number >= 1: "must be at least 1" (the checks of `z.int().check(z.minimum(1, ...))`, in its words). */
export const wholeAtLeastOne = (): OptionRule<number, true> =>
  numeric({ gte: 1, whole: true, messages: { gte: "must be at least 1" } });

/** A number > 0: "must be greater than 0" (`z.number().check(z.positive(...))`, in its words). */
export const positiveNumber = (): OptionRule<number, true> =>
  numeric({ gt: 0, messages: { gt: "must be greater than 0" } });

/**
 * A number in (0, 1]: "must be greater than 0", or `tooBig` above 1 ("must be at most 1 (a fraction of
 * transactions)"), as `z.number().check(z.positive(...), z.maximum(1, tooBig))` words them.
 */
export const share = (tooBig = "must be at most 1"): OptionRule<number, true> =>
  numeric({ gt: 0, lte: 1, messages: { gt: "must be greater than 0", lte: tooBig } });

/**
 * A list of item or column names (core's `listOf` of strings, typed as read-only): each element that is
 * not a string (or is empty, with `emptyString`: its message) is an issue of its own at its index; an
 * empty list is one too with `emptyList` (its message).
 */
export const nameList = (emptyList?: string, emptyString?: string): OptionRule<readonly string[], true> =>
  listOf(
    emptyString === undefined ? anyText() : nonEmptyText(emptyString),
    emptyList === undefined ? undefined : { min: 1, message: emptyList },
  );

/**
 * An object of functions by name (not an array; a Date or a Map passes as an object without entries);
 * each value that is not a function is an issue of its own under its name: "expected `wanted`".
 */
export const functionTable = <F>(wanted: string): OptionRule<Readonly<Record<string, F>>, true> =>
  rule("an object", (value, report) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      report(expected("an object", value), value);
      return;
    }
    for (const [name, entry] of Object.entries(value))
      if (typeof entry !== "function") report(`expected ${wanted}`, entry, [name]);
  });
