import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { edgeValues, outcome, randomOptions, withoutStrayLength } from "../../../test/optionOutcome.js";
import { columnsSchema } from "../../../test/zodOracle/columnsSchema.js";
import { optionalSchema, optionsSchema } from "../../../test/zodOracle/optionChecks.js";
import { parseOptions } from "../../../test/zodOracle/options.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { fromDataFrameShape } from "../../danfo/fromDataFrame.js";
import { toDataFrameShape } from "../../danfo/internal/toDataFrameShape.js";
import { fromTableShape } from "../fromTable.js";
import { toTableShape } from "../toTable.js";

/**
 * The options of clientele/table and clientele/danfo were checked by zod schemas run through parseOptions
 * until session 8; they are now checked by core's option rules (checkOptions). Below, each function's
 * schema as it was beside its rules now: on random options, both must give the same options or the same
 * issues (path, message, value received).
 */
const CASES: Record<string, { shape: OptionShape; before: Parameters<typeof parseOptions>[1] }> = {
  toTable: {
    shape: toTableShape,
    before: optionsSchema({ columns: optionalSchema(columnsSchema) }),
  },
  fromTable: {
    shape: fromTableShape,
    before: optionsSchema({
      columns: optionalSchema(columnsSchema),
      offset: optionalSchema(z.int().check(z.gte(0))),
      limit: optionalSchema(z.int().check(z.gte(0))),
    }),
  },
  fromDataFrame: {
    shape: fromDataFrameShape,
    before: optionsSchema({ index: optionalSchema(z.string().check(z.minLength(1))) }),
  },
  toDataFrame: {
    shape: toDataFrameShape,
    before: optionsSchema({
      columns: optionalSchema(columnsSchema),
      index: optionalSchema(z.string().check(z.minLength(1))),
    }),
  },
};

/** Values of every kind these options take, and near misses. */
const anyValue = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      ...edgeValues,
      7,
      "😀",
      [],
      ["a"],
      ["a", "b"],
      ["a", "a"],
      ["", "a"],
      ["", ""],
      ["a", 1],
      [1, ""],
      [null, "a", "a"],
      [["a"]],
      // a hole: a missing name
      // biome-ignore lint/suspicious/noSparseArray: the hole is the point
      ["a", , "b"],
      { a: 1 },
      new Date(0),
      () => 1,
    ),
  },
  fc.string(),
  fc.array(fc.constantFrom("a", "b", "", 0)),
  fc.double(),
  fc.integer(),
);

describe("the adapters' option rules", () => {
  for (const [name, { shape, before }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      fc.assert(
        fc.property(fc.oneof(randomOptions(names, anyValue, 4), anyValue), (options) => {
          const now = outcome(() => checkOptions(name, shape, options));
          const old = outcome(() => parseOptions(name, before, options));
          expect(now).toEqual(withoutStrayLength(old, ["index"]));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("toDataFrame reports an empty array or a function as index once, as not a string, where zod also asked for a longer one", () => {
    const old = (index: unknown) =>
      outcome(() => parseOptions("toDataFrame", CASES.toDataFrame?.before as never, { index })).issues;
    const now = (index: unknown) =>
      outcome(() => checkOptions("toDataFrame", toDataFrameShape, { index })).issues;
    const notAString = {
      path: "index",
      message: "expected a string, received an array (received [])",
      received: [],
    };
    expect(old([])).toEqual([
      notAString,
      { ...notAString, message: "Too small: expected array to have >=1 items (received [])" },
    ]);
    expect(now([])).toEqual([notAString]);
    const accessor = () => 1;
    expect(old(accessor)?.map((issue) => issue.message)).toEqual([
      "expected a string, received a function",
      "Too small: expected unknown to be >=1",
    ]);
    expect(now(accessor)?.map((issue) => issue.message)).toEqual(["expected a string, received a function"]);
  });

  it("fromTable words a fractional offset and repeated columns as zod did", () => {
    const { issues } = outcome(() =>
      checkOptions("fromTable", fromTableShape, { offset: 1.5, columns: ["a", "a"], limit: 2 ** 53 }),
    );
    expect(issues).toEqual([
      {
        path: "columns",
        message: 'column names must be distinct (received ["a","a"])',
        received: ["a", "a"],
      },
      {
        path: "offset",
        message: "expected a whole number >= 0, received a number (received 1.5)",
        received: 1.5,
      },
      {
        path: "limit",
        message: "Too big: expected int to be <=9007199254740991 (received 9007199254740992)",
        received: 2 ** 53,
      },
    ]);
  });
});
