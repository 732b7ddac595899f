/**
 * The option rule of the adapters (clientele/table, clientele/danfo) for a list of column names, for core's
 * `checkOptions` (src/core/internal/optionRules.ts; its `nonEmptyText` and `textWhere` check the adapters'
 * single strings). Its issues are the ones core's `columnsSchema` gave, word for word: columnRules.test.ts
 * compares the two on random options. With it an adapter's bundle leaves zod and the schema walker out.
 */

import type { OptionRule } from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";

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
