import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type * as core from "zod/v4/core";
import { outcome, wrongKindValues } from "../../../test/optionOutcome.js";
import {
  above0,
  atLeast,
  atMost,
  booleanSchema,
  functionRecordSchema,
  numberSchema,
  oneOf,
  optionalSchema,
  optionsSchema,
  stringListSchema,
  stringSchema,
} from "../../../test/zodOracle/optionChecks.js";
import { fieldSchema, parseOptions } from "../../../test/zodOracle/options.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { aggregateItemsShape } from "../aggregateItems.js";
import { associationRulesShape } from "../associationRules.js";
import { frequentItemsetsShape } from "../frequentItemsets.js";
import { highUtilityItemsetsShape } from "../highUtilityItemsets.js";
import { hitsWeightsShape } from "../hitsWeights.js";
import { readBasketsStreamShape } from "../readBasketsStream.js";
import { recommendShape } from "../recommend.js";
import { recommendNextShape } from "../recommendNext.js";
import { redundantRulesShape } from "../redundantRules.js";
import { sequentialRulesShape } from "../sequentialRules.js";
import { significantRulesShape } from "../significantRules.js";
import { streamItemsetsShape } from "../streamItemsets.js";
import { streamRulesShape } from "../streamRules.js";
import { topRulesShape } from "../topRules.js";
import { transactionsFromShape } from "../transactionsFrom.js";
import { weightedItemsetsShape } from "../weightedItemsets.js";
import { categoriesShape } from "./categories.js";
import { basketTextShape } from "./lineChunks.js";
import { BUILT_IN_MEASURES } from "./measures.js";
import { MAX_RULE_ITEMS } from "./ruleSplits.js";
import { sequenceShape } from "./sequenceCommon.js";

/**
 * Basket's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schemas as they were (core's zod
 * stand-ins: optionsSchema, optionalSchema, numberSchema, stringListSchema, ...; zod's own int, number,
 * string, boolean, enum and custom schemas) beside its rules now: on random options, both must give the
 * same options or the same issues (path, message, value received).
 */

const oldBudget = (unbounded = "for no budget") =>
  optionalSchema(
    z.custom<number>(
      (value) => value === Infinity || (Number.isInteger(value) && (value as number) >= 1),
      `must be a whole number >= 1, or Infinity ${unbounded}`,
    ),
  );
const oldWholeCount = optionalSchema(numberSchema("a whole number >= 1", [atLeast(1)], true));
const oldConfidence = optionalSchema(numberSchema("a number >= 0 and <= 1", [atLeast(0), atMost(1)]));
const oldLift = optionalSchema(numberSchema("a number >= 0", [atLeast(0)]));
/** zod's whole number >= 1 and number > 0, with basket's messages for the bounds. */
const oldWholeAtLeastOne = () => optionalSchema(z.int().check(z.minimum(1, "must be at least 1")));
const oldPositive = () => optionalSchema(z.number().check(z.positive("must be greater than 0")));
const oldShare = (tooBig: string) =>
  optionalSchema(z.number().check(z.positive("must be greater than 0"), z.maximum(1, tooBig)));

const oldMining = {
  minSupport: optionalSchema(
    numberSchema("a number > 0 and <= 1", [
      above0,
      [(value) => value <= 1, "must be at most 1 (a fraction of transactions)"],
    ]),
  ),
  minCount: optionalSchema(numberSchema("", [atLeast(1)], "must be a whole number of transactions")),
  maxLength: optionalSchema(numberSchema("", [atLeast(1)], "must be a whole number of items")),
  algorithm: optionalSchema(oneOf(["fpgrowth", "eclat", "auto"])),
  maxItemsets: oldBudget(),
  timeLimitMs: optionalSchema(numberSchema("a number > 0", [above0])),
};

const oldRules = {
  minConfidence: oldConfidence,
  minLift: oldLift,
  minLength: oldWholeCount,
  consequent: optionalSchema(oneOf(["single", "all"])),
  antecedentItems: optionalSchema(stringListSchema()),
  consequentItems: optionalSchema(stringListSchema()),
};

const days = numberSchema("a number >= 0", [atLeast(0, "must be at least 0 days")]);

const oldSequence = {
  customer: fieldSchema,
  date: fieldSchema,
  item: fieldSchema,
  order: optionalSchema(fieldSchema),
  minSupport: optionalSchema(numberSchema("a number in (0, 1]", [above0, atMost(1)])),
  minCount: oldWholeCount,
  minGap: optionalSchema(days),
  maxGap: optionalSchema(days),
  window: optionalSchema(days),
  maxLength: oldWholeCount,
  maxElements: oldWholeCount,
  maxElementSize: oldWholeCount,
  maxPatterns: oldBudget(),
  timeLimitMs: oldMining.timeLimitMs,
};

const COLUMN = "must name a column of the hierarchy rows";

const oldCategories = {
  levels: stringListSchema("must name at least one level column", COLUMN),
  item: optionalSchema(stringSchema(COLUMN)),
  suffix: optionalSchema(stringSchema()),
  unknownItems: optionalSchema(oneOf(["error", "keep"])),
};

const oldBasketText = {
  separator: optionalSchema(
    z.string().check(z.minLength(1, 'separator must be a non-empty string such as "," or " "')),
  ),
  trim: optionalSchema(z.boolean()),
};

/** Each function's options (or shared option group): its rules now and its schema's shape before. */
const CASES: Record<string, { readonly shape: OptionShape; readonly before: core.$ZodShape }> = {
  associationRules: {
    shape: associationRulesShape,
    before: {
      ...oldMining,
      ...oldRules,
      maxRules: oldBudget("to keep every rule"),
      sortBy: optionalSchema(stringSchema()),
      measures: optionalSchema(functionRecordSchema("a function of the 2x2 counts")),
    },
  },
  frequentItemsets: {
    shape: frequentItemsetsShape,
    before: { ...oldMining, target: optionalSchema(oneOf(["all", "closed", "maximal", "generators"])) },
  },
  topRules: {
    shape: topRulesShape,
    before: {
      k: numberSchema("a whole number >= 1", [atLeast(1)], true),
      by: optionalSchema(oneOf(BUILT_IN_MEASURES)),
      minConfidence: oldConfidence,
      maxLength: optionalSchema(
        numberSchema(
          "a whole number >= 2",
          [atLeast(2, "must be at least 2 (an antecedent and a consequent)")],
          true,
        ),
      ),
      minCount: oldWholeCount,
      maxItemsets: oldMining.maxItemsets,
      timeLimitMs: oldMining.timeLimitMs,
    },
  },
  streamRules: {
    shape: streamRulesShape,
    before: {
      minSupport: oldMining.minSupport,
      minCount: oldWholeCount,
      minConfidence: oldRules.minConfidence,
      minLift: oldRules.minLift,
      minLength: oldRules.minLength,
      maxLength: optionalSchema(
        numberSchema(
          `a whole number >= 1 and <= ${MAX_RULE_ITEMS}`,
          [atLeast(1), atMost(MAX_RULE_ITEMS)],
          true,
        ),
      ),
      consequent: oldRules.consequent,
      antecedentItems: oldRules.antecedentItems,
      consequentItems: oldRules.consequentItems,
      algorithm: oldMining.algorithm,
      maxItemsets: oldMining.maxItemsets,
      timeLimitMs: oldMining.timeLimitMs,
      nonRedundant: optionalSchema(booleanSchema()),
    },
  },
  "sequentialPatterns (and sequentialRules' pattern options)": { shape: sequenceShape, before: oldSequence },
  "sequentialRules (its own options)": {
    shape: sequentialRulesShape,
    before: {
      minConfidence: oldConfidence,
      minLift: oldLift,
      sortBy: optionalSchema(oneOf(["confidence", "lift", "support", "count"])),
      maxRules: oldWholeCount,
    },
  },
  "addCategories (and the multi-level miners' hierarchy options)": {
    shape: categoriesShape,
    before: oldCategories,
  },
  aggregateItems: {
    shape: aggregateItemsShape,
    before: {
      level: z.string().check(z.minLength(1, COLUMN)),
      item: optionalSchema(z.string().check(z.minLength(1, COLUMN))),
      unknownItems: optionalSchema(z.enum(["error", "keep"])),
    },
  },
  readBaskets: { shape: basketTextShape, before: oldBasketText },
  readBasketsStream: {
    shape: readBasketsStreamShape,
    before: { ...oldBasketText, lines: optionalSchema(z.boolean()) },
  },
  recommend: {
    shape: recommendShape,
    before: {
      limit: oldWholeAtLeastOne(),
      by: optionalSchema(
        z.enum([
          "confidence",
          "lift",
          "support",
          "leverage",
          "conviction",
          "certainty",
          "laplace",
          "oddsRatio",
          "kulczynski",
          "cosine",
          "jaccard",
          "addedValue",
        ]),
      ),
    },
  },
  recommendNext: {
    shape: recommendNextShape,
    before: {
      limit: oldWholeAtLeastOne(),
      by: optionalSchema(z.enum(["confidence", "lift", "support"])),
      excludeBought: optionalSchema(z.boolean()),
    },
  },
  hitsWeights: {
    shape: hitsWeightsShape,
    before: { maxIterations: oldWholeAtLeastOne(), tolerance: oldPositive() },
  },
  redundantRules: {
    shape: redundantRulesShape,
    before: {
      measure: optionalSchema(
        z.enum(["confidence", "lift", "oddsRatio", "laplace", "certainty", "conviction"]),
      ),
    },
  },
  significantRules: {
    shape: significantRulesShape,
    before: {
      alpha: oldShare("must be at most 1"),
      correction: optionalSchema(z.enum(["bonferroni", "holm", "fdr", "none"])),
    },
  },
  weightedItemsets: {
    shape: weightedItemsetsShape,
    before: {
      weights: z.custom<ArrayLike<number>>(
        (value) =>
          Array.isArray(value) ||
          (ArrayBuffer.isView(value) &&
            !(value instanceof DataView) &&
            typeof (value as { length?: unknown }).length === "number"),
        "expected an array of numbers, one weight per transaction",
      ),
      minWeightedSupport: oldShare("must be at most 1 (a share of the total weight)"),
      maxLength: oldWholeAtLeastOne(),
      maxItemsets: oldBudget(),
      timeLimitMs: oldPositive(),
    },
  },
  highUtilityItemsets: {
    shape: highUtilityItemsetsShape,
    before: {
      transaction: fieldSchema,
      item: fieldSchema,
      quantity: optionalSchema(fieldSchema),
      unitProfit: optionalSchema(
        z.custom<unknown>(
          (value) =>
            typeof value === "string" ||
            typeof value === "function" ||
            (typeof value === "object" && value !== null),
          "expected a field (a key or an accessor) or a table of unit profits by item name",
        ),
      ),
      minUtility: z.number().check(z.positive("must be greater than 0")),
      maxLength: oldWholeAtLeastOne(),
      maxItemsets: oldBudget(),
      timeLimitMs: oldPositive(),
    },
  },
  streamItemsets: {
    shape: streamItemsetsShape,
    before: {
      minSupport: oldShare("must be at most 1 (a fraction of transactions)"),
      minCount: oldWholeAtLeastOne(),
      maxLength: oldWholeAtLeastOne(),
      algorithm: optionalSchema(z.enum(["fpgrowth", "eclat", "auto"])),
      maxItemsets: oldBudget(),
      timeLimitMs: oldPositive(),
    },
  },
  transactionsFrom: {
    shape: transactionsFromShape,
    before: { transaction: fieldSchema, item: fieldSchema },
  },
};

const measure = (_a: number, _b: number, _c: number, _d: number): number => 0;

/** Values of every kind basket's options take, near misses and wrong types. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    2,
    3,
    0.5,
    1.5,
    2.5,
    -1,
    -0,
    1e20,
    -1e20,
    2 ** 60,
    Number.MAX_SAFE_INTEGER,
    ...wrongKindValues,
    ",",
    "single",
    "all",
    "closed",
    "fpgrowth",
    "eclat",
    "auto",
    "error",
    "keep",
    "lift",
    "confidence",
    "holm",
    "level2",
    "*",
    "bogus",
    [],
    ["a"],
    ["a", ""],
    [1, ""],
    ["level1", "level2"],
    [0.5, 2],
    new Float64Array([0.5, 1]),
    new Int32Array(2),
    new DataView(new ArrayBuffer(2)),
    { lift: measure },
    { bad: 3 },
    { lift: measure, bad: "x" },
    {},
    { a: 2.5 },
    [[1], [2]],
    measure,
    (row: { x: number }) => row.x,
    new Date(0),
    new Map(),
  ),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 3 }),
  fc.anything({ maxDepth: 1 }),
);

/** Option objects over a shape's names, misspellings of them, prototype names and other names. */
const optionsOf = (names: readonly string[]) =>
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.dictionary(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...names) },
          fc.constantFrom(
            ...names.map((name) => `${name}s`),
            "colour",
            "constructor",
            "toString",
            "__proto__",
          ),
          fc.string({ maxLength: 4 }),
        ),
        anyValue,
        { maxKeys: 6 },
      ),
    },
    anyValue,
  );

describe("basket's option rules", () => {
  for (const [name, { shape, before }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const schema = optionsSchema(before);
      expect(Object.keys(shape)).toEqual(Object.keys(before));
      fc.assert(
        fc.property(optionsOf(Object.keys(shape)), (options) => {
          const now = outcome(() => checkOptions(name, shape, options));
          const then = outcome(() => parseOptions(name, schema, options));
          expect(now).toEqual(then);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("words the issues of one options object as parseOptions did, every kind at once", () => {
    const options = {
      minSupport: 2,
      minCount: 1.5,
      maxItemsets: 0,
      algorithm: "fast",
      antecedentItems: ["a", 3],
      measures: { lift: measure, bad: "x" },
      sortBy: 5,
      minLenght: 2,
    };
    const now = outcome(() => checkOptions("associationRules", associationRulesShape, options));
    expect(now.issues?.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      "minSupport: must be at most 1 (a fraction of transactions) (received 2)",
      "minCount: must be a whole number of transactions (received 1.5)",
      'algorithm: Invalid option: expected one of "fpgrowth"|"eclat"|"auto" (received "fast")',
      "maxItemsets: must be a whole number >= 1, or Infinity for no budget (received 0)",
      "antecedentItems.1: expected a string, received a number (received 3)",
      "sortBy: expected a string, received a number (received 5)",
      'measures.bad: expected a function of the 2x2 counts (received "x")',
      'minLenght: unknown option "minLenght"; did you mean "minLength"?',
    ]);
    expect(now).toEqual(
      outcome(() =>
        parseOptions("associationRules", optionsSchema(CASES.associationRules?.before ?? {}), options),
      ),
    );
  });
});
