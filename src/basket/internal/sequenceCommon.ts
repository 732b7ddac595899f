import { InvalidOptionsError } from "../../core/index.js";
import { required } from "../../core/internal/optionRules.js";
import { budget, miningShape, wholeCount, withThousands } from "./common.js";
import { above0, atLeast, atMost, boundedNumber, recordField } from "./optionChecks.js";

/** Days as an option: finite and >= 0. */
const days = /* @__PURE__ */ boundedNumber("a number >= 0", [atLeast(0, "must be at least 0 days")]);

/** Rules of the sequence miners' options, checked once per call. */
export const sequenceShape = {
  customer: /* @__PURE__ */ required(/* @__PURE__ */ recordField()),
  date: /* @__PURE__ */ required(/* @__PURE__ */ recordField()),
  item: /* @__PURE__ */ required(/* @__PURE__ */ recordField()),
  order: /* @__PURE__ */ recordField(),
  minSupport: /* @__PURE__ */ boundedNumber("a number in (0, 1]", [above0, atMost(1)]),
  minCount: wholeCount,
  minGap: days,
  maxGap: days,
  window: days,
  maxLength: wholeCount,
  maxElements: wholeCount,
  maxElementSize: wholeCount,
  maxPatterns: /* @__PURE__ */ budget(),
  timeLimitMs: miningShape.timeLimitMs,
};

/** Default budget: patterns found before the search stops with an error (about 300 B each as objects). */
export const DEFAULT_MAX_PATTERNS = 1_000_000;
/** Default budget: id-list entries alive on the search path (16 B each: 512 MB). */
export const DEFAULT_MAX_ENTRIES = 1 << 25;

/** The error thrown when a default budget stops the search; names what to change. */
export function sequenceBudgetError(
  functionName: string,
  reason: "maxPatterns" | "maxEntries",
  minCount: number,
  found: number,
): InvalidOptionsError {
  const what =
    reason === "maxPatterns"
      ? `the default budget of ${withThousands(DEFAULT_MAX_PATTERNS)} patterns`
      : `the default budget of ${withThousands(DEFAULT_MAX_ENTRIES)} stored occurrences (about 512 MB)`;
  return new InvalidOptionsError(functionName, [
    {
      path: "maxPatterns",
      message:
        `the search passed ${what} after ${withThousands(found)} patterns at min count ${minCount}: ` +
        "the data has too many frequent sequences (long histories make their number grow exponentially). " +
        "Raise minSupport (or minCount), set maxLength or maxElements (e.g. 3), set maxGap or window, or set " +
        "maxPatterns: a number returns a partial result flagged truncated, Infinity removes the budget",
    },
  ]);
}

/** `<{a}, {b, c}>`: the notation of arulesSequences, with a space after each comma. */
export function formatSequence(elements: readonly (readonly string[])[]): string {
  let text = "<";
  for (let i = 0; i < elements.length; i++) {
    if (i > 0) text += ", ";
    text += `{${(elements[i] as readonly string[]).join(", ")}}`;
  }
  return `${text}>`;
}
