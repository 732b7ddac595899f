import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
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
} from "../../../test/zodOracle/optionChecks.js";
import {
  dateSchema,
  fieldSchema,
  fractionSchema,
  parseOptions,
  progressSchema,
  seedSchema,
} from "../../../test/zodOracle/options.js";
import { InvalidOptionsError } from "../errors.js";
import {
  anyText,
  checkOptions,
  custom,
  date,
  field,
  flag,
  fraction,
  list,
  listOf,
  nested,
  nonEmptyText,
  nullable,
  numeric,
  type OptionShape,
  oneOf,
  progressCallback,
  record,
  required,
  seed,
  text,
  textWhere,
  union,
  withStrayLength,
} from "./optionRules.js";

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** What is wrong with one property name of an array of them (zod's words for `z.string().check(z.minLength(1))`). */
const propertyNameProblem = (value: unknown): string | undefined =>
  typeof value !== "string"
    ? expected("a string", value)
    : value === ""
      ? "Too small: expected string to have >=1 characters"
      : undefined;

/** The issues of a string of at least one character, without zod's stray length issue (see nonEmptyText). */
function nonEmptyTextProblems(
  value: unknown,
  report: (message: string, input: unknown) => void,
  emptyMessage = "Too small: expected string to have >=1 characters",
): void {
  if (typeof value !== "string") report(expected("a string", value), value);
  else if (value === "") report(emptyMessage, value);
}

/** A least length of one, and its message. */
const AT_LEAST_ONE = { min: 1, message: "give at least one measure" };

/**
 * Each option as the chart builders and clientele/segment check it now, beside the zod schema (core's
 * option checks or zod's own, run by parseOptions) that checked it before: the two must give the same
 * options and the same issues.
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
  items: [required(list<unknown>()), arraySchema<unknown>()],
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
  // the rules clientele/segment uses beside those above
  randomSeed: [seed(), optionalSchema(seedSchema)],
  runSeed: [required(seed()), seedSchema],
  onProgress: [progressCallback(), optionalSchema(progressSchema)],
  silhouette: [flag(), optionalSchema(z.boolean())],
  resamples: [
    numeric({ whole: true, gte: 1, messages: { gte: "resamples must be at least 1" } }),
    optionalSchema(z.int().check(z.gte(1, "resamples must be at least 1"))),
  ],
  recoverAbove: [numeric({ gte: 0, lte: 1 }), optionalSchema(z.number().check(z.gte(0), z.lte(1)))],
  labelWords: [
    record(nested({ high: required(text(8)), low: required(text(8)) })),
    optionalSchema(
      z.record(z.string(), optionsSchema({ high: zodStringSchema(8), low: zodStringSchema(8) })),
    ),
  ],
  weights: [record(numeric({ gte: 0 })), optionalSchema(z.record(z.string(), z.number().check(z.gte(0))))],
  // a strict upper bound (zod's z.lt), as churn's and satisfaction's rates and levels take one
  level: [numeric({ gt: 0, lt: 1 }), optionalSchema(z.number().check(z.gt(0), z.lt(1)))],
  below: [numeric({ lt: 60 }), optionalSchema(z.number().check(z.lt(60)))],
  rate: [
    numeric({ gte: 0, lt: 1, messages: { lt: "must be less than 1" } }),
    optionalSchema(z.number().check(z.gte(0), z.lt(1, "must be less than 1"))),
  ],
  wholeBelow: [numeric({ whole: true, lt: 100 }), optionalSchema(z.int().check(z.lt(100)))],
  // a whole number with its own message for a fraction or an unsafe integer (crm, store)
  repeatThreshold: [
    numeric({
      gte: 2,
      whole: true,
      messages: { gte: "must be at least 2", whole: "must be a whole number" },
    }),
    optionalSchema(z.number().check(z.int("must be a whole number"), z.gte(2, "must be at least 2"))),
  ],
  months: [
    numeric({ gte: 1, lte: 240, whole: true, messages: { whole: "expected a whole number of months" } }),
    optionalSchema(z.number().check(z.int("expected a whole number of months"), z.gte(1), z.lte(240))),
  ],
  // non-empty strings (value, satisfaction, the adapters, basket) and strings with a check of their own
  name: [nonEmptyText(), optionalSchema(customSchema<string>(nonEmptyTextProblems))],
  target: [
    required(nonEmptyText("target must be a construct name")),
    customSchema<string>((value, report) =>
      nonEmptyTextProblems(value, report, "target must be a construct name"),
    ),
  ],
  column: [
    withStrayLength(nonEmptyText("must name a column"), { min: 1, message: "must name a column" }),
    optionalSchema(z.string().check(z.minLength(1, "must name a column"))),
  ],
  size: [
    textWhere((value) => (value.endsWith("B") ? undefined : 'expected a size such as "1GB"')),
    optionalSchema(
      z.string().check(z.refine((value) => value.endsWith("B"), 'expected a size such as "1GB"')),
    ),
  ],
  // lists of rule-checked elements (value, satisfaction, basket)
  shares: [listOf(fraction()), optionalSchema(z.array(fractionSchema))],
  names: [listOf(anyText()), optionalSchema(z.array(z.string()))],
  measures: [
    withStrayLength(
      listOf(nested({ weight: required(numeric({ gte: 0 })), label: nonEmptyText() }), AT_LEAST_ONE),
      AT_LEAST_ONE,
    ),
    optionalSchema(
      z
        .array(
          optionsSchema({
            weight: zodNumberSchema({ gte: 0 }),
            label: optionalSchema(customSchema<string>(nonEmptyTextProblems)),
          }),
        )
        .check(z.minLength(1, "give at least one measure")),
    ),
  ],
  // the rules clientele/value uses beside those above
  minShare: [fraction(), optionalSchema(fractionSchema)],
  share: [required(fraction()), fractionSchema],
  asOf: [date(), optionalSchema(dateSchema)],
  calibrationEnd: [required(date()), dateSchema],
  columns: [
    required(union<unknown>(list(1, propertyNameProblem), record(field()))),
    z.union([
      z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      z.record(z.string(), fieldSchema),
    ]),
  ],
} as const;

/** A key of the records or an accessor function. */
const isField = (value: unknown): boolean =>
  (typeof value === "string" && value !== "") || typeof value === "function";

/**
 * Options whose `columns` is an array with an element that is not a string, or an object with an entry that
 * is not a field: zod's union then gives only the forms ("expected an array or an object"), as the element's
 * or entry's issue aborts its form; `union` reports that element or entry (see its test below).
 */
function unionDiffers(options: Record<string, unknown>): boolean {
  const columns = options.columns;
  if (Array.isArray(columns)) return columns.some((element) => typeof element !== "string");
  return (
    Object.prototype.toString.call(columns) === "[object Object]" &&
    Object.values(columns as object).some((entry) => !isField(entry))
  );
}

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
    "2024-03-01",
    "not a date",
    1.0000001,
    Number.NEGATIVE_INFINITY,
    Number.MIN_VALUE,
    -0,
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
    false,
    0.5,
    1e20,
    -1e20,
    ["a"],
    ["a", ""],
    [""],
    { a: "x" },
    { a: "x", b: "" },
    { a: 1, b: -1, c: Number.NaN },
    { a: { high: "up", low: "down" } },
    { a: { high: "up", low: 2 }, b: { hihg: "x", low: "y" }, c: 5 },
    { a: { high: "a very long word" } },
    new Map(),
    Object.create(null),
    [{ weight: 1 }, { weight: -1, label: "" }],
    [{ weight: 2, label: "spend" }, 5, { wieght: 1 }],
    [0.5, 1, 2],
    // a sparse array: its hole is a missing element
    Object.assign(new Array(3), { 0: 0.5, 2: 1 }),
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
          fc.constantFrom(...NAMES, "titel", "widht", "asof", "colour", "zzzzzzzzzz", "__proto__"),
          anyValue,
        ),
        (names, options) => {
          fc.pre(!(names.includes("columns") && unionDiffers(options)));
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

  it("union reports an array element or object entry of the wrong kind, where zod gives only the forms", () => {
    const { now, before } = bothOutcomes(["columns"], { columns: ["spend", 5] });
    expect((before as { message: string }).message).toContain(
      'columns: expected an array or an object (received ["spend",5])',
    );
    expect((now as { message: string }).message).toMatchInlineSnapshot(`
      "someChart: invalid options
        - columns.1: expected a string, received a number (received 5)"
    `);
    const entry = bothOutcomes(["columns"], { columns: { spend: "monetary", plan: 5 } });
    expect((entry.before as { message: string }).message).toContain(
      "columns: expected an array or an object",
    );
    expect((entry.now as { issues: unknown }).issues).toEqual([
      {
        path: "columns.plan",
        message: "expected a property name or an accessor function (received 5)",
        received: 5,
      },
    ]);
    expect(bothOutcomes(["columns"], { columns: 5 }).now).toMatchObject({
      issues: [{ path: "columns", message: "expected an array or an object (received 5)" }],
    });
  });

  it("checks options across names after the others, with the options checked as the value received", () => {
    const shape = {
      fields: list(),
      matrix: custom<object>("an object", () => undefined),
      k: numeric({ gte: 1 }),
    };
    const exactlyOne = (
      options: { readonly fields?: unknown; readonly matrix?: unknown },
      report: (option: string, message: string) => void,
    ) => {
      if ((options.fields === undefined) === (options.matrix === undefined))
        report("fields", "give exactly one of fields or matrix");
    };
    expect(checkOptions("f", shape, { fields: ["a"], k: 2 }, exactlyOne)).toEqual({ fields: ["a"], k: 2 });
    const issues = (options: unknown) =>
      (outcome(() => checkOptions("f", shape, options, exactlyOne)) as { issues: unknown }).issues;
    // reported beside the other problems (zod's .check on the object ran only when no other option failed)
    expect(issues({ k: 0, kk: 1 })).toEqual([
      { path: "k", message: "Too small: expected number to be >=1 (received 0)", received: 0 },
      { path: "kk", message: 'unknown option "kk"; did you mean "k"?', received: 1 },
      {
        path: "fields",
        message: 'give exactly one of fields or matrix (received {"k":0})',
        received: { k: 0 },
      },
    ]);
    // not for options that are not an object
    expect(issues(5)).toEqual([
      {
        path: "options",
        message: "expected an options object ({ name: value, ... }), received a number (received 5)",
        received: 5,
      },
    ]);
  });
});
