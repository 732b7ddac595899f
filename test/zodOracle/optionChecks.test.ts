import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import type { InvalidOptionsError } from "../../src/core/errors.js";
import {
  above0,
  arraySchema,
  atLeast,
  atMost,
  booleanSchema,
  functionRecordSchema,
  nonNegativeProblem,
  numberSchema,
  optionalSchema,
  optionsSchema,
  problemSchema,
  stringListSchema,
  stringSchema,
  wholeNumber,
  zodNumberSchema,
  zodStringSchema,
} from "./optionChecks.js";
import { parseOptions } from "./options.js";

/** What parseOptions makes of `{ x: value }` under `schema`: the parsed value, or the issues' words. */
const outcome = (schema: z.ZodMiniType, value: unknown) => {
  try {
    return { parsed: parseOptions("demo", z.strictObject({ x: schema }), { x: value }) };
  } catch (error) {
    return {
      messages: (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`),
    };
  }
};
const messages = (schema: z.ZodMiniType, value: unknown): string[] => outcome(schema, value).messages ?? [];

/** Each check against the zod schema it stands for: the same values pass, with the same words otherwise. */
const sameAsZod = (pairs: [string, z.ZodMiniType, z.ZodMiniType][], values: unknown[]) =>
  it.each(pairs)("%s", (_, reference, cheap) => {
    for (const value of values) {
      // wrapped as options are: required, optional and with a default
      expect(outcome(cheap, value)).toEqual(outcome(reference, value));
      expect(outcome(z.optional(cheap), value)).toEqual(outcome(z.optional(reference), value));
      expect(outcome(z._default(cheap, 5), value)).toEqual(outcome(z._default(reference, 5), value));
    }
  });

describe("zodNumberSchema gives the issues of z.number() with zod's bound checks", () => {
  const values: unknown[] = [
    1,
    0,
    -1,
    5,
    60,
    61,
    100,
    99.5,
    2000,
    2000.5,
    1.5,
    -0.5,
    1e6,
    1e6 + 1,
    2 ** 60,
    -(2 ** 60),
    Number.MAX_SAFE_INTEGER,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    "3",
    "",
    null,
    undefined,
    true,
    [1],
    { a: 1 },
    () => 1,
  ];
  sameAsZod(
    [
      [
        "{ whole, gte, lte }",
        z.number().check(wholeNumber(), z.gte(1), z.lte(60)),
        zodNumberSchema({ whole: true, gte: 1, lte: 60 }),
      ],
      [
        "z.int() with bounds",
        z.int().check(z.gte(1), z.lte(60)),
        zodNumberSchema({ whole: true, gte: 1, lte: 60 }),
      ],
      ["{ whole, gte }", z.int().check(z.gte(0)), zodNumberSchema({ whole: true, gte: 0 })],
      ["{ whole }", z.int(), zodNumberSchema({ whole: true })],
      ["{ gte, lte }", z.number().check(z.gte(100), z.lte(2000)), zodNumberSchema({ gte: 100, lte: 2000 })],
      ["{ gt, lte }", z.number().check(z.positive(), z.lte(1e6)), zodNumberSchema({ gt: 0, lte: 1e6 })],
      ["no bounds", z.number(), zodNumberSchema()],
      ["nullable", z.nullable(z.int().check(z.gte(1))), z.nullable(zodNumberSchema({ whole: true, gte: 1 }))],
    ],
    values,
  );

  it("says what a missing option accepts", () => {
    expect(messages(zodNumberSchema({ whole: true, gte: 1, lte: 60 }), undefined)).toEqual([
      "x: required: expected a whole number >= 1 and <= 60",
    ]);
  });
});

describe("stringSchema, zodStringSchema", () => {
  const values: unknown[] = [
    "",
    "abc",
    "abcde",
    "abcdef",
    "😀😀😀😀😀",
    "😀😀😀😀😀😀",
    3,
    null,
    undefined,
    ["a"],
  ];
  sameAsZod(
    [
      [
        "zodStringSchema: z.string().check(z.maxLength(n))",
        z.string().check(z.maxLength(5)),
        zodStringSchema(5),
      ],
      [
        "zodStringSchema, nullable: the wrapper's forms in the words",
        z.nullable(z.string().check(z.maxLength(5))),
        z.nullable(zodStringSchema(5)),
      ],
      ["stringSchema: z.string()", z.string(), stringSchema()],
    ],
    values,
  );

  it("words an empty string with its own message when given", () => {
    expect(messages(stringSchema("name an item"), "")).toEqual(['x: name an item (received "")']);
  });
});

describe("booleanSchema, arraySchema", () => {
  sameAsZod(
    [["booleanSchema: z.boolean()", z.boolean(), booleanSchema()]],
    [true, false, 0, "true", null, undefined],
  );
  sameAsZod(
    [
      [
        "arraySchema(2, nonNegativeProblem): z.array(z.number().check(z.gte(0))).check(z.minLength(2))",
        z.array(z.number().check(z.gte(0))).check(z.minLength(2)),
        arraySchema(2, nonNegativeProblem),
      ],
      ["arraySchema(): z.array(z.unknown())", z.array(z.unknown()), arraySchema()],
    ],
    // not a string: z.minLength would measure it too ("... to have >=2 characters"), arraySchema does not
    [[], [1], [1, 2], [-1], [1, "a", Number.NaN, -2], 3, null, undefined, { 0: 1 }],
  );
  it("arraySchema: a string is one issue (not an array), with no length issue", () => {
    expect(messages(arraySchema(2), "a")).toEqual(['x: expected an array, received a string (received "a")']);
  });
});

describe("checks in our own words", () => {
  it("numberSchema: the kind received, then every bound failed", () => {
    const share = numberSchema("a number > 0 and <= 1", [above0, atMost(1, "must be at most 1 (a share)")]);
    expect(messages(share, "a")).toEqual([
      'x: expected a number > 0 and <= 1, received a string (received "a")',
    ]);
    expect(messages(share, undefined)).toEqual(["x: required: expected a number > 0 and <= 1"]);
    expect(messages(share, Number.POSITIVE_INFINITY)[0]).toMatch(
      /^x: expected a number > 0 and <= 1, received a number/,
    );
    expect(messages(share, 0)).toEqual(["x: must be greater than 0 (received 0)"]);
    expect(messages(share, 2)).toEqual(["x: must be at most 1 (a share) (received 2)"]);
    expect(outcome(share, 0.5)).toEqual({ parsed: { x: 0.5 } });
  });

  it("numberSchema of whole numbers: a fraction is the kind's message or the schema's own", () => {
    expect(messages(numberSchema("a whole number >= 1", [atLeast(1)], true), 1.5)).toEqual([
      "x: expected a whole number >= 1, received a number (received 1.5)",
    ]);
    expect(messages(numberSchema("a whole number >= 1", [atLeast(1)], "k must be whole"), 1.5)).toEqual([
      "x: k must be whole (received 1.5)",
    ]);
    expect(messages(numberSchema("a whole number >= 1", [atLeast(1)], true), 0)).toEqual([
      "x: must be at least 1 (received 0)",
    ]);
  });

  it("stringListSchema and functionRecordSchema: one issue per bad entry, at its path", () => {
    expect(messages(stringListSchema("name an item", "an item is empty"), ["a", "", 3])).toEqual([
      'x.1: an item is empty (received "")',
      "x.2: expected a string, received a number (received 3)",
    ]);
    expect(messages(stringListSchema("name an item"), [])).toEqual(["x: name an item (received [])"]);
    expect(messages(stringListSchema(), "a")).toEqual([
      'x: expected an array, received a string (received "a")',
    ]);
    const record = functionRecordSchema("a function (rule) => number");
    expect(messages(record, { a: () => 1, b: 2 })).toEqual([
      "x.b: expected a function (rule) => number (received 2)",
    ]);
    expect(messages(record, [])).toEqual(["x: expected an object, received an array (received [])"]);
  });

  it("problemSchema reports its problem's message under the option, and passes the value unchanged", () => {
    const even = problemSchema<number>((value) =>
      value === 2 || value === 4 ? undefined : "expected 2 or 4",
    );
    expect(messages(even, 3)).toEqual(["x: expected 2 or 4 (received 3)"]);
    const input = { x: 4 };
    expect(parseOptions("demo", z.strictObject({ x: even }), input)).toEqual({ x: 4 });
  });
});

describe("optionsSchema", () => {
  const shape = {
    k: z._default(z.int().check(z.minimum(1)), 3),
    label: z.optional(z.string()),
    any: z.custom<unknown>(),
    unset: z._default(z.custom<unknown>(), undefined),
    inner: z.optional(optionsSchema({ seed: z.number() })),
  };
  const schema = optionsSchema(shape);
  const errorOf = (options: unknown): string[] => {
    try {
      parseOptions("demo", schema, options);
    } catch (error) {
      return (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
    return [];
  };

  it("keeps the known keys, applies defaults, keeps a key whose default is undefined, leaves absent optional keys out", () => {
    const input = Object.freeze({ any: undefined, label: undefined, inner: { seed: 1 } });
    const parsed = parseOptions("demo", schema, input);
    expect(parsed).toEqual({ k: 3, label: undefined, any: undefined, unset: undefined, inner: { seed: 1 } });
    expect(Object.keys(parsed)).toEqual(["k", "label", "any", "unset", "inner"]);
    expect(Object.keys(parseOptions("demo", schema, { any: 1 }))).toEqual(["k", "any", "unset"]);
  });

  it("words its issues as parseOptions words z.strictObject's", () => {
    expect(errorOf([1])).toEqual([
      "options: expected an options object ({ name: value, ... }), received an array (received [1])",
    ]);
    expect(errorOf({ any: 1, k: 0, lable: "a", inner: { sed: 2 } })).toEqual([
      "k: Too small: expected number to be >=1 (received 0)",
      "inner.seed: required: expected a number",
      'inner.sed: unknown option "sed"; did you mean "seed"?',
      'lable: unknown option "lable"; did you mean "label"?',
    ]);
    expect(errorOf({ inner: null })).toEqual([
      "any: required: expected a valid value",
      "inner: expected an object, received null (received null)",
    ]);
  });

  it("types its output as z.strictObject does", () => {
    const parsed = parseOptions("demo", schema, { any: 1 });
    const same: z.output<z.ZodMiniObject<typeof shape, core.$strict>> = parsed;
    const back: typeof parsed = same;
    expect(back).toBe(parsed);
  });
});

describe("optionalSchema", () => {
  it("passes undefined, parses anything else with its schema, and is worded as z.optional", () => {
    const schema = optionsSchema({
      n: optionalSchema(
        z.pipe(
          z.number(),
          z.transform((x: number) => x + 1),
        ),
      ),
    });
    expect(Object.keys(parseOptions("demo", schema, {}))).toEqual([]);
    expect(parseOptions("demo", schema, { n: undefined })).toEqual({ n: undefined });
    expect(parseOptions("demo", schema, { n: 1 })).toEqual({ n: 2 });
    expect(messages(optionalSchema(z.string()), 3)).toEqual([
      "x: expected a string, received a number (received 3)",
    ]);
    expect(messages(optionalSchema(z.nullable(z.string())), 3)).toEqual([
      "x: expected a string or null, received a number (received 3)",
    ]);
  });
});
