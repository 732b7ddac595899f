/**
 * Option rules of the adapters (clientele/table, clientele/danfo, clientele/duckdb) for core's
 * `checkOptions` (src/core/internal/optionRules.ts): a string (a column, a key, a size, a path) with a
 * check of its own, a non-empty one, and a list of column names. Their issues are the ones the zod
 * schemas they replace gave (a string of at least one character, core's `columnsSchema`), word for word:
 * columnRules.test.ts compares the two on random options. With them an adapter's bundle leaves zod and
 * the schema walker out. They are general: core's option rules may take them in.
 */
import { expected } from "../../core/internal/optionChecks.js";
import type { OptionRule } from "../../core/internal/optionRules.js";

/**
 * A string that `problem` finds nothing wrong with: "expected a string, received ...", "required: expected
 * a string", or the message `problem` gives.
 */
export const textWhere = (problem: (text: string) => string | undefined): OptionRule<string, true> => ({
  accepts: "a string",
  optional: true,
  check: (value, report) => {
    if (typeof value !== "string") report(undefined, value);
    else {
      const message = problem(value);
      if (message !== undefined) report(message, value);
    }
    return value as string;
  },
});

/** The problem of an empty string, in zod's words (`z.minLength(1)`); none for another string. */
export const emptyProblem = (text: string): string | undefined =>
  text === "" ? "Too small: expected string to have >=1 characters" : undefined;

/**
 * A string of at least one character (a column name, a key): "expected a string, received ...",
 * "required: expected a string", "Too small: expected string to have >=1 characters".
 */
export const nonEmptyText = (): OptionRule<string, true> => textWhere(emptyProblem);

/**
 * Distinct, non-empty column names: "expected an array, received ..."; an element that is not a string
 * ("expected a string, received a number") or is empty ("column names must be non-empty") is an issue at
 * its index; repeated names, when every element is a string, are "column names must be distinct".
 */
export const columnNames = (): OptionRule<readonly string[], true> => ({
  accepts: "an array",
  optional: true,
  check: (value, report) => {
    if (!Array.isArray(value)) {
      report(undefined, value);
      return value as readonly string[];
    }
    let allStrings = true;
    // an index loop, not forEach: a hole of a sparse array is a missing name too
    for (let index = 0; index < value.length; index++) {
      const name: unknown = value[index];
      if (typeof name !== "string") {
        allStrings = false;
        report(expected("a string", name), name, [String(index)]);
      } else if (name === "") report("column names must be non-empty", name, [String(index)]);
    }
    if (allStrings && new Set(value).size !== value.length) report("column names must be distinct", value);
    return value as readonly string[];
  },
});
