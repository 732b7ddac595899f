/**
 * Satisfaction's option rules, for core's `checkOptions` (src/core/internal/optionRules.ts): the PLS
 * number options in satisfaction's words, a construct name, and {@link checked}, the base of the
 * structured options (blocks, paths, dimensions) that report each problem at its own path.
 *
 * Why not zod: with plain checks, a satisfaction function's bundle leaves out zod and the schema walker of
 * `parseOptions`, while the issues, paths and words stay those the zod schemas gave (optionRules.test.ts
 * here compares the two on random options). Every check runs once per call, at the boundary.
 */
import { nonEmptyText, type OptionRule, type ReportProblem } from "../../core/internal/optionRules.js";

/**
 * Reports one problem at `path` below the option (indices as numbers or strings); without a message, the
 * value is not of a kind the option accepts ("expected <accepts>, received ...").
 */
export type ReportAt = (
  message: string | undefined,
  received: unknown,
  path?: readonly PropertyKey[],
) => void;

/**
 * An optional option whose `check` reports every problem of a present value (none: it passes, unchanged).
 * `accepts` words what it takes, for "required: expected ..." and type messages.
 */
export function checked<T>(
  accepts: string,
  check: (value: unknown, report: ReportAt) => void,
): OptionRule<T, true> {
  return {
    accepts,
    optional: true,
    check: (value: unknown, report: ReportProblem): T => {
      check(value, (message, received, path = []) => report(message, received, path.map(String)));
      return value as T;
    },
  };
}

/** A whole number of at least `least`: "`name` must be at least 2"; otherwise "expected a whole number >= 2, received ...". */
export const count = (name: string, least: number): OptionRule<number, true> =>
  checked(`a whole number >= ${least}`, (value, report) => {
    // Number.isSafeInteger is false for anything but a whole number
    if (!Number.isSafeInteger(value)) report(undefined, value);
    else if ((value as number) < least) report(`${name} must be at least ${least}`, value);
  });

/** A number strictly between `low` and `high`: "`name` must be above 0" / "... below 1"; otherwise "expected a number > 0 and < 1, received ...". */
export const between = (name: string, low: number, high: number): OptionRule<number, true> =>
  checked(`a number > ${low} and < ${high}`, (value, report) => {
    if (!Number.isFinite(value)) return report(undefined, value);
    if (!((value as number) > low)) report(`${name} must be above ${low}`, value);
    if (!((value as number) < high)) report(`${name} must be below ${high}`, value);
  });

/** What a construct name that is empty is told. */
export const CONSTRUCT_NAME = "must be a non-empty construct name";

/** A construct name: a non-empty string. */
export const constructName = (): OptionRule<string, true> => nonEmptyText(CONSTRUCT_NAME);
