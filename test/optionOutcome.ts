/**
 * Helpers of the equivalence tests of option rules (each module's internal/optionRules.test.ts or
 * optionChecks.test.ts, which run the old zod schemas through parseOptions and the rules through
 * checkOptions on the same options): what a check gives, the old schemas' outcome without the one
 * issue the rules no longer give, random options objects and edge values to fill them with. Imported by
 * those tests only.
 */
import fc from "fast-check";
import { InvalidOptionsError } from "../src/core/errors.js";

/** What a check of options gives: the options it returns, or the issues of the error it throws. */
export interface Outcome {
  readonly options?: unknown;
  readonly issues?: readonly {
    readonly path: string;
    readonly message: string;
    readonly received?: unknown;
  }[];
}

/** What `check` gives: the options it returns, or the issues of the InvalidOptionsError it throws. */
export function outcome(check: () => unknown): Outcome {
  try {
    return { options: check() };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return { issues: error.issues };
  }
}

/**
 * `before` without the issue the rules no longer give: zod ran a string option's length check
 * (`z.minLength(1)`, core's `lengthAtLeast(1)`) on any value with a length, so `index: []` was "expected a
 * string, received an array" and also "Too small: expected array to have >=1 items" (a function of no
 * parameters: "Too small: expected unknown to be >=1"), which asked for something longer where a string
 * is needed. `strings` names the options that take a string.
 */
export function withoutStrayLength(before: Outcome, strings: readonly string[]): Outcome {
  if (before.issues === undefined) return before;
  return {
    issues: before.issues.filter(
      (issue) =>
        !(
          strings.includes(issue.path) &&
          issue.message.startsWith("Too small: expected") &&
          typeof issue.received !== "string"
        ),
    ),
  };
}

/**
 * Random options objects over a function's option `names`: known names, each name misspelt (a trailing
 * "s", for the "did you mean" hint), an unknown name and "__proto__", each with a value from `values`.
 */
export const randomOptions = (
  names: readonly string[],
  values: fc.Arbitrary<unknown>,
  maxKeys: number,
): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(
    fc.constantFrom(...names, ...names.map((name) => `${name}s`), "colour", "__proto__"),
    values,
    {
      maxKeys,
    },
  );

/**
 * Values of the wrong kind for most options, which each module's own probe list includes in this order:
 * NaN and the infinities, both booleans, the empty string and a one-letter string.
 */
export const wrongKindValues = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  false,
  "",
  "x",
] as const;

/**
 * Values every option rule is probed with: missing (undefined, null), zero and -0, small whole and
 * fractional numbers, the largest safe integers and huge doubles, NaN and the infinities, a boolean,
 * the empty string and a field name. Each equivalence test adds the values its own options take.
 */
export const edgeValues = [
  undefined,
  null,
  0,
  1,
  -1,
  1.5,
  -0,
  2 ** 53,
  -(2 ** 53),
  1e300,
  -1e300,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  true,
  "",
  "customerId",
] as const;
