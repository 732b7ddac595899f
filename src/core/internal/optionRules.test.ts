import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidOptionsError } from "../errors.js";
import { fieldSchema, parseOptions } from "../options.js";
import {
  arraySchema,
  customSchema,
  expected,
  nonNegativeProblem,
  oneOf as oneOfSchema,
  optionalSchema,
  optionsSchema,
  zodNumberSchema,
  zodStringSchema,
} from "./optionChecks.js";
import {
  checkOptions,
  custom,
  field,
  list,
  nested,
  nullable,
  numeric,
  type OptionShape,
  oneOf,
  required,
  text,
} from "./optionRules.js";

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/**
 * Each option as the chart builders check it now, beside the zod schema (core's option checks, run by
 * parseOptions) that checked it before: the two must give the same options and the same issues.
 */
const OPTIONS = {
  title: [text(500), optionalSchema(zodStringSchema(500))],
  currency: [text(10), optionalSchema(zodStringSchema(10))],
  width: [numeric({ gte: 100, lte: 2000 }), optionalSchema(zodNumberSchema({ gte: 100, lte: 2000 }))],
  horizon: [numeric({ gt: 0, lte: 1e6 }), optionalSchema(zodNumberSchema({ gt: 0, lte: 1e6 }))],
  seed: [numeric({ whole: true }), optionalSchema(zodNumberSchema({ whole: true }))],
  maxRules: [
    numeric({ whole: true, gte: 1, lte: 200 }),
    optionalSchema(zodNumberSchema({ whole: true, gte: 1, lte: 200 })),
  ],
  periods: [
    required(numeric({ whole: true, gte: 1, lte: 60 })),
    zodNumberSchema({ whole: true, gte: 1, lte: 60 }),
  ],
  metric: [oneOf(["rmse", "mae"]), optionalSchema(oneOfSchema(["rmse", "mae"]))],
  only: [oneOf(["htmt"]), optionalSchema(oneOfSchema(["htmt"]))],
  survivors: [
    list<number>(2, nonNegativeProblem),
    optionalSchema(arraySchema<number>(2, nonNegativeProblem)),
  ],
  transactions: [list<unknown>(), optionalSchema(arraySchema<unknown>())],
  customer: [field(), optionalSchema(fieldSchema)],
  targets: [
    nested({ onTime: numeric({ gte: 0, lte: 1 }), stockout: numeric({ gte: 0, lte: 1 }) }),
    optionalSchema(
      optionsSchema({
        onTime: optionalSchema(zodNumberSchema({ gte: 0, lte: 1 })),
        stockout: optionalSchema(zodNumberSchema({ gte: 0, lte: 1 })),
      }),
    ),
  ],
  footer: [nullable(text(20)), optionalSchema(z.nullable(zodStringSchema(20)))],
  lang: [
    custom<string>("a language tag", (value) =>
      typeof value !== "string"
        ? expected("a string", value)
        : LANGUAGE_TAG.test(value)
          ? undefined
          : "expected a language tag such as en or en-GB",
    ),
    optionalSchema(
      customSchema<string>((value, report) => {
        if (typeof value !== "string") report(expected("a string", value), value);
        else if (!LANGUAGE_TAG.test(value)) report("expected a language tag such as en or en-GB", value);
      }),
    ),
  ],
} as const;

type Name = keyof typeof OPTIONS;
const NAMES = Object.keys(OPTIONS) as Name[];

/** What a check gives: the options it returns, or the issues of the error it throws. */
function outcome(check: () => unknown): unknown {
  try {
    return { options: check() };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    return { message: error.message, issues: error.issues };
  }
}

function bothOutcomes(names: readonly Name[], options: unknown) {
  const shape: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (const name of names) [shape[name], schemas[name]] = OPTIONS[name];
  return {
    now: outcome(() => checkOptions("someChart", shape as OptionShape, options)),
    before: outcome(() =>
      parseOptions("someChart", optionsSchema(schemas as Parameters<typeof optionsSchema>[0]), options),
    ),
  };
}

/** Values of every kind an option may be given, near and at the bounds above. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    -1,
    1,
    1.5,
    60,
    61,
    99,
    100,
    2000,
    2001,
    1e7,
    1e300,
    -1e300,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    new Date(0),
    new Date(Number.NaN),
    10n,
    "",
    "rmse",
    "mae",
    "htmt",
    "en-GB",
    "not a tag!",
    "€",
    "x".repeat(600),
    "😀".repeat(15),
    true,
    [],
    [100],
    [100, 60, 30],
    [100, -1, "x"],
    { onTime: 0.9 },
    { onTime: 2, stockout: "x", onTme: 1 },
    { other: 1 },
    () => 1,
  ),
  fc.string(),
  fc.double(),
  fc.integer(),
);

describe("checkOptions", () => {
  it("gives the options and the issues parseOptions gives for core's schemas, on any options", () => {
    fc.assert(
      fc.property(
        fc.subarray(NAMES, { minLength: 1 }),
        fc.dictionary(
          fc.constantFrom(...NAMES, "titel", "widht", "colour", "zzzzzzzzzz", "__proto__"),
          anyValue,
        ),
        (names, options) => {
          const { now, before } = bothOutcomes(names, options);
          expect(now).toEqual(before);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("words a missing required option, an options argument that is not an object, and misspelt names as parseOptions does", () => {
    for (const options of [undefined, null, {}, 5, "x", [], true, () => 1, { periods: 3, titel: "a" }]) {
      const { now, before } = bothOutcomes(["periods", "title", "targets"], options);
      expect(now).toEqual(before);
    }
    const { now } = bothOutcomes(["periods", "title", "targets"], { titel: 1, targets: { onTme: 1 } });
    expect((now as { message: string }).message).toMatchInlineSnapshot(`
      "someChart: invalid options
        - periods: required: expected a whole number >= 1 and <= 60
        - targets.onTme: unknown option "onTme"; did you mean "onTime"?
        - titel: unknown option "titel"; did you mean "title"?"
    `);
  });
});
