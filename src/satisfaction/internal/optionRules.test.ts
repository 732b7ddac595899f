import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { type Outcome, outcome, wrongKindValues } from "../../../test/optionOutcome.js";
import {
  above0,
  atLeast,
  booleanSchema,
  customSchema,
  expected,
  lengthAtLeast,
  numberSchema,
  type OptionReport,
  optionalSchema,
  optionsSchema,
  problemSchema,
  stringListSchema,
  stringSchema,
} from "../../../test/zodOracle/optionChecks.js";
import {
  fieldSchema,
  oneOf,
  parseOptions,
  progressSchema,
  seedSchema,
  wholeNumber,
} from "../../../test/zodOracle/options.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { bootstrapShape } from "../bootstrap.js";
import { higherOrderConstructShape } from "../higherOrderConstruct.js";
import { importancePerformanceGridShape } from "../importancePerformanceGrid.js";
import { interactionTermShape } from "../interactionTerm.js";
import { kanoShape } from "../kano.js";
import { loyaltyEvidenceShape, loyaltyLevelShape } from "../loyaltyLevel.js";
import { micomShape } from "../micom.js";
import { netPromoterScoreShape } from "../netPromoterScore.js";
import { plsImportancePerformanceShape } from "../plsImportancePerformance.js";
import { plsMultigroupShape } from "../plsMultigroup.js";
import { plsPredictShape } from "../plsPredict.js";
import { plsSummaryShape } from "../plsSummary.js";
import { satisfactionIndexShape } from "../satisfactionIndex.js";
import { satisfactionStateShape } from "../satisfactionState.js";
import { plsOptionsShape } from "./plsSpec.js";

/**
 * Satisfaction's options were checked by zod schemas run through parseOptions until session 8; they are
 * now checked by core's option rules (checkOptions). Below, each function's schema as it was (the same
 * code as before, on core's zod helpers) beside its rules now: on random options, both must give the same
 * options or the same issues (path, message, value received).
 */

// ---- the schemas as they were ----

/** A whole number of at least `least` (satisfaction's `count` before). */
const oldCount = (name: string, least: number) =>
  numberSchema(`a whole number >= ${least}`, [atLeast(least, `${name} must be at least ${least}`)], true);

/** A number strictly between `low` and `high` (satisfaction's `between` before). */
const oldBetween = (name: string, low: number, high: number) =>
  numberSchema(`a number > ${low} and < ${high}`, [
    [(value) => value > low, `${name} must be above ${low}`],
    [(value) => value < high, `${name} must be below ${high}`],
  ]);

const CONSTRUCT_NAME = "must be a non-empty construct name";
const oldConstructName = stringSchema(CONSTRUCT_NAME);

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const nameProblems = (
  value: unknown,
  report: OptionReport,
  path: PropertyKey[],
  empty = CONSTRUCT_NAME,
): void => {
  if (typeof value !== "string") report(expected("a string", value), value, path);
  else if (value === "") report(empty, value, path);
};

function unknownKeys(
  object: Record<string, unknown>,
  valid: readonly string[],
  report: OptionReport,
  path: PropertyKey[],
): void {
  for (const key of Object.keys(object)) {
    if (valid.includes(key)) continue;
    report(unknownOptionMessage(key, valid), object[key], [...path, key]);
  }
}

const WHOLE = "expected a whole number >= 1";

const oldPls = optionsSchema({
  blocks: customSchema<Record<string, string[]>>((blocks, report) => {
    if (!isMap(blocks)) return report(expected("an object", blocks), blocks);
    for (const [name, list] of Object.entries(blocks)) {
      if (name === "") report("construct names must be non-empty", blocks);
      if (!Array.isArray(list)) report("expected an array of indicator names", list, [name]);
      else if (list.length === 0) report("a block needs at least one indicator", list, [name]);
      else
        list.forEach((indicator: unknown, i) => {
          nameProblems(indicator, report, [name, i], "indicator names must be non-empty");
        });
    }
  }),
  paths: customSchema<{ from: string; to: string }[]>((paths, report) => {
    if (!Array.isArray(paths)) return report(expected("an array", paths), paths);
    if (paths.length === 0) report("a structural model needs at least one path", paths);
    paths.forEach((path: unknown, i) => {
      if (!isMap(path)) report(expected("an object { from, to }", path), path, [i]);
      else {
        nameProblems(path.from, report, [i, "from"]);
        nameProblems(path.to, report, [i, "to"]);
        unknownKeys(path, ["from", "to"], report, [i]);
      }
    });
  }),
  scheme: optionalSchema(oneOf(["path", "factorial", "centroid"])),
  mode: optionalSchema(
    customSchema<Record<string, "A" | "B">>((mode, report) => {
      if (!isMap(mode)) return report(expected("an object", mode), mode);
      for (const [name, value] of Object.entries(mode))
        if (value !== "A" && value !== "B") report('Invalid option: expected one of "A"|"B"', value, [name]);
    }),
  ),
  scale: optionalSchema(
    customSchema<{ min: number; max: number }>((scale, report) => {
      if (!isMap(scale)) return report(expected("an object { min, max }", scale), scale);
      unknownKeys(scale, ["min", "max"], report, []);
      const { min, max } = scale;
      if (!Number.isFinite(min)) report(expected("a finite number", min), min, ["min"]);
      if (!Number.isFinite(max)) report(expected("a finite number", max), max, ["max"]);
      else if ((max as number) <= (min as number)) report("scale.max must be greater than scale.min", scale);
    }),
  ),
  maxIterations: optionalSchema(numberSchema(WHOLE, [atLeast(1, WHOLE)], WHOLE)),
  tolerance: optionalSchema(numberSchema("a number > 0", [above0])),
  missing: optionalSchema(oneOf(["mean", "listwise"])),
  consistent: optionalSchema(booleanSchema()),
  reflective: optionalSchema(stringListSchema(undefined, CONSTRUCT_NAME)),
  fSquaredMethod: optionalSchema(oneOf(["scores", "reestimate"])),
});

/** The options micom and plsMultigroup shared (groupOptionsShape before). */
const oldGroup = {
  group: fieldSchema,
  groups: optionalSchema(
    problemSchema<readonly [string, string]>((value) => {
      if (!Array.isArray(value)) return expected("an array of the two group values to compare", value);
      if (value.length !== 2) return `expected exactly two group values, received ${value.length}`;
      const other = value.findIndex((name) => typeof name !== "string");
      return other < 0
        ? undefined
        : `entry ${other} is not a string; write group values as strings ("2" for 2)`;
    }),
  ),
  permutations: optionalSchema(oldCount("permutations", 1)),
  seed: optionalSchema(seedSchema),
  onProgress: optionalSchema(progressSchema),
};

/** satisfactionIndex's hierarchy schema before. */
const oldScale = optionsSchema({ min: z.number(), max: z.number() }).check(
  z.refine((s) => s.max > s.min, "max must be greater than min"),
);
const oldWeight = optionalSchema(z.number().check(z.gte(0, "weights must be non-negative")));
const oldHierarchy = optionsSchema({
  scale: oldScale,
  constructs: z
    .array(
      optionsSchema({
        name: z.string().check(lengthAtLeast(1)),
        weight: oldWeight,
        indicators: z
          .array(
            optionsSchema({
              name: z.string().check(lengthAtLeast(1)),
              weight: oldWeight,
              items: z
                .array(
                  z.union([
                    z.string().check(lengthAtLeast(1)),
                    optionsSchema({
                      field: z.string().check(lengthAtLeast(1)),
                      weight: oldWeight,
                      scale: optionalSchema(oldScale),
                      reverse: optionalSchema(z.boolean()),
                    }),
                  ]),
                )
                .check(lengthAtLeast(1, "an indicator needs at least one item")),
            }),
          )
          .check(lengthAtLeast(1, "a construct needs at least one indicator")),
      }),
    )
    .check(lengthAtLeast(1, "the hierarchy needs at least one construct")),
});

// ---- the cases: each function's rules now and its schema before ----

interface Case {
  readonly shape: OptionShape;
  /** The schema before (parsed by parseOptions unless `formerly` says how). */
  readonly before?: Parameters<typeof parseOptions>[1];
  /** Values of this function's options, and near misses, beside the shared ones. */
  readonly values?: readonly unknown[];
  /** Random option objects to compare (400 unless given). */
  readonly runs?: number;
  /** The defaults the function fills in after the check. */
  readonly defaults?: Record<string, unknown>;
  /** The names to generate options of (the shape's unless given). */
  readonly names?: readonly string[];
  /** The check now and the parse before, when not checkOptions and parseOptions on the options as given. */
  readonly now?: (options: unknown) => unknown;
  readonly formerly?: (options: unknown) => unknown;
  /** The options that reach the check (all unless given: the function refuses the others before). */
  readonly reaches?: (options: unknown) => boolean;
}

const isObject = (value: unknown): boolean =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const oldAttitude = optionalSchema(z.boolean("expected true, false or undefined"));

const NAMES = ["Image", "Value", "", 3, null];

const CASES: Record<string, Case> = {
  satisfactionIndex: { shape: satisfactionIndexShape, before: oldHierarchy },
  netPromoterScore: {
    shape: netPromoterScoreShape,
    defaults: { level: 0.95 },
    before: optionsSchema({
      field: optionalSchema(fieldSchema),
      level: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
    }),
    values: ["score", 0.9, 0.95, 0.99],
  },
  kano: {
    shape: kanoShape,
    defaults: {
      attribute: "attribute",
      functional: "functional",
      dysfunctional: "dysfunctional",
      denominator: "AOMI",
    },
    before: optionsSchema({
      attribute: z._default(fieldSchema, "attribute"),
      functional: z._default(fieldSchema, "functional"),
      dysfunctional: z._default(fieldSchema, "dysfunctional"),
      denominator: z._default(oneOf(["AOMI", "all"]), "AOMI"),
    }),
    values: ["AOMI", "all", "aomi", "functional"],
  },
  satisfactionState: {
    shape: satisfactionStateShape,
    defaults: { tolerance: 0 },
    before: optionsSchema({ tolerance: z._default(z.number().check(z.gte(0)), 0) }),
  },
  importancePerformanceGrid: {
    shape: importancePerformanceGridShape,
    before: optionsSchema({
      importanceCut: optionalSchema(z.number()),
      performanceCut: optionalSchema(z.number()),
    }),
  },
  plsImportancePerformance: {
    shape: plsImportancePerformanceShape,
    before: optionsSchema({ target: stringSchema("target must be a construct name") }),
    values: ["Satisfaction"],
  },
  plsSummary: {
    shape: plsSummaryShape,
    before: optionsSchema({
      bootstrap: optionalSchema(
        z.custom(
          (value) => typeof value === "object" && value !== null && "paths" in value && "htmt" in value,
          { message: "expected a result of bootstrap" },
        ),
      ),
    }),
    values: [{ paths: [], htmt: [] }, { paths: [] }],
  },
  loyaltyLevel: {
    shape: loyaltyLevelShape,
    defaults: { minRepurchases: 3 },
    before: optionsSchema({ minRepurchases: z._default(z.number().check(wholeNumber(), z.gte(1)), 3) }),
  },
  "loyaltyLevel evidence": {
    shape: loyaltyEvidenceShape,
    names: ["cognitive", "affective", "conative", "repurchases"],
    now: (evidence) => checkOptions("loyaltyLevel", loyaltyEvidenceShape, { evidence }).evidence,
    formerly: (evidence) =>
      parseOptions(
        "loyaltyLevel",
        optionsSchema({
          cognitive: oldAttitude,
          affective: oldAttitude,
          conative: oldAttitude,
          repurchases: optionalSchema(
            z
              .number("expected a non-negative integer")
              .check(z.int("expected a non-negative integer"), z.gte(0, "expected a non-negative integer")),
          ),
        }),
        evidence,
        "evidence",
      ),
    reaches: isObject,
  },
  bootstrap: {
    shape: bootstrapShape,
    before: optionsSchema({
      samples: optionalSchema(oldCount("samples", 2)),
      seed: optionalSchema(seedSchema),
      ci: optionalSchema(oneOf(["percentile", "bca"])),
      level: optionalSchema(oldBetween("level", 0, 1)),
      signChange: optionalSchema(oneOf(["none", "construct"])),
      onProgress: optionalSchema(progressSchema),
    }),
    values: ["percentile", "bca", "none", "construct", 0.95, 1000],
  },
  plsPredict: {
    shape: plsPredictShape,
    before: optionsSchema({
      folds: optionalSchema(oldCount("folds", 2)),
      repetitions: optionalSchema(oldCount("repetitions", 1)),
      seed: optionalSchema(seedSchema),
    }),
    values: [10, 3],
  },
  micom: {
    shape: micomShape,
    before: optionsSchema({
      group: oldGroup.group,
      groups: oldGroup.groups,
      permutations: oldGroup.permutations,
      seed: oldGroup.seed,
      alpha: optionalSchema(oldBetween("alpha", 0, 0.5)),
      onProgress: oldGroup.onProgress,
    }),
    values: ["spend", ["1", "2"], ["1", 2], ["1"], 0.25, 0.5, 1000],
  },
  plsMultigroup: {
    shape: plsMultigroupShape,
    before: optionsSchema({
      group: oldGroup.group,
      groups: oldGroup.groups,
      permutations: oldGroup.permutations,
      bootstrapSamples: optionalSchema(oldCount("bootstrapSamples", 2)),
      seed: oldGroup.seed,
      onProgress: oldGroup.onProgress,
    }),
    values: ["spend", ["1", "2"], ["1", 2], ["1"], 1000],
  },
  plsPathModel: {
    shape: plsOptionsShape,
    before: oldPls,
    runs: 2000,
    values: [
      { Image: ["q1", "q2"], Value: ["q3"] },
      { Image: [], "": ["q1"] },
      { Image: ["q1", ""], Value: "q3" },
      { Image: ["q1", 2] },
      [{ from: "Image", to: "Value" }],
      [{ from: "Image", to: "" }, { from: 1 }, 5],
      [{ from: "Image", to: "Value", weight: 1 }],
      { Image: "A", Value: "B" },
      { Image: "C" },
      { min: 1, max: 10 },
      { min: 10, max: 1 },
      { min: Number.NaN, max: 5, mid: 2 },
      { min: 1 },
      "path",
      "factorial",
      "centroid",
      "listwise",
      "mean",
      "scores",
      "reestimate",
      ["Image", "Value"],
      ["Image", ""],
      [1],
      1e-7,
      300,
    ],
  },
  higherOrderConstruct: {
    shape: higherOrderConstructShape,
    before: optionsSchema({
      name: oldConstructName,
      dimensions: customSchema<string[]>((dimensions, report) => {
        if (!Array.isArray(dimensions)) return report(expected("an array", dimensions), dimensions);
        dimensions.forEach((name: unknown, i) => {
          if (typeof name !== "string") report(expected("a string", name), name, [i]);
          else if (name === "") report("must be a non-empty construct name", name, [i]);
        });
        if (dimensions.length < 2)
          report("a higher-order construct needs at least two dimensions", dimensions);
      }),
      approach: optionalSchema(oneOf(["repeatedIndicators", "twoStage"])),
      mode: optionalSchema(oneOf(["A", "B"])),
    }),
    values: [
      ["Image", "Value"],
      ["Image"],
      ["Image", "", 2],
      "repeatedIndicators",
      "twoStage",
      "A",
      "B",
      ...NAMES,
    ],
  },
  interactionTerm: {
    shape: interactionTermShape,
    before: optionsSchema({
      predictor: oldConstructName,
      moderator: oldConstructName,
      target: oldConstructName,
      approach: optionalSchema(oneOf(["twoStage", "productIndicator"])),
      name: optionalSchema(oldConstructName),
    }),
    values: ["twoStage", "productIndicator", ...NAMES],
  },
};

function bothOutcomes(name: string, options: unknown): { now: Outcome; before: Outcome } {
  const {
    shape,
    before,
    defaults = {},
    now = (given) => withDefaults(checkOptions(name, shape, given), defaults),
    formerly = (given) => parseOptions(name, before as NonNullable<typeof before>, given),
  } = CASES[name] as Case;
  return { now: outcome(() => now(options)), before: outcome(() => formerly(options)) };
}

/**
 * `before` as the rules word it where they say more, each shown in a test below: without an issue that
 * repeats the one before it word for word (zod reported a negative whole number beyond 2^53 in
 * loyaltyLevel's `repurchases` twice, "expected a non-negative integer", once as not a safe integer and
 * once as negative); and a satisfactionIndex scale that is missing or not an object is "expected an
 * object" (the old scale schema, refined, lost its words: "expected a valid value"); an empty string or a
 * function in place of a list of constructs, indicators or items is not an array, and no longer also an
 * empty list (zod's minimum length check ran on anything with a length).
 */
function asNow(before: Outcome): Outcome {
  if (before.issues === undefined) return before;
  return {
    issues: before.issues
      .filter((issue, i) => i === 0 || JSON.stringify(issue) !== JSON.stringify(before.issues?.[i - 1]))
      .filter((issue) => Array.isArray(issue.received) || !/ needs at least one /.test(issue.message))
      .map((issue) =>
        /(^|\.)scale$/.test(issue.path)
          ? { ...issue, message: issue.message.replace("expected a valid value", "expected an object") }
          : issue,
      ),
  };
}

/** Values of every kind the options take, and near misses. */
const SHARED = [
  undefined,
  null,
  0,
  1,
  2,
  0.5,
  -1,
  1.5,
  0.05,
  1e20,
  -1e20,
  2 ** 60,
  -(2 ** 60),
  ...wrongKindValues,
  "bogus",
  [],
  [1, 2],
  ["a", "b"],
  ["a", "b", "c"],
  {},
  { a: 1 },
  new Date(0),
  new Map(),
  () => 1,
];

describe("satisfaction's option rules", () => {
  for (const [
    name,
    { shape, values = [], runs = 400, names = Object.keys(shape), reaches },
  ] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const anyValue = fc.oneof(fc.constantFrom(...SHARED, ...values), fc.double(), fc.integer());
      fc.assert(
        fc.property(
          fc.oneof(
            {
              weight: 9,
              arbitrary: fc.dictionary(
                fc.constantFrom(...names, `${names[0]}s`, "colour", "__proto__"),
                anyValue,
                { maxKeys: 6 },
              ),
            },
            { weight: 1, arbitrary: anyValue },
          ),
          (options) => {
            fc.pre(reaches?.(options) ?? true);
            const { now, before } = bothOutcomes(name, options);
            fc.pre(!formsOfAnObjectItem(before));
            expect(now).toEqual(asNow(before));
          },
        ),
        { numRuns: runs },
      );
    });
  }

  it("loyaltyLevel reports a negative whole number beyond 2^53 in repurchases once, where zod did twice", () => {
    const { now, before } = bothOutcomes("loyaltyLevel evidence", { repurchases: -(2 ** 60) });
    const issue = {
      path: "evidence.repurchases",
      message: `expected a non-negative integer (received ${-(2 ** 60)})`,
      received: -(2 ** 60),
    };
    expect(before.issues).toEqual([issue, issue]);
    expect(now.issues).toEqual([issue]);
  });

  it("satisfactionIndex: the same hierarchy and issues as its zod schema gave, on any hierarchy", () => {
    fc.assert(
      fc.property(hierarchies, (hierarchy) => {
        const { now, before } = bothOutcomes("satisfactionIndex", hierarchy);
        fc.pre(!formsOfAnObjectItem(before));
        expect(now).toEqual(asNow(before));
      }),
      { numRuns: 1000 },
    );
  });

  it("satisfactionIndex says a scale must be an object, where zod said a valid value", () => {
    const constructs = [{ name: "c", indicators: [{ name: "i", items: ["q1"] }] }];
    const missing = bothOutcomes("satisfactionIndex", { constructs });
    expect(missing.before.issues?.map((issue) => issue.message)).toEqual([
      "required: expected a valid value",
    ]);
    expect(missing.now.issues?.map((issue) => issue.message)).toEqual(["required: expected an object"]);
    const array = bothOutcomes("satisfactionIndex", { scale: [1, 5], constructs });
    expect(array.before.issues?.map((issue) => issue.message)).toEqual([
      "expected a valid value, received an array (received [1,5])",
    ]);
    expect(array.now.issues?.map((issue) => issue.message)).toEqual([
      "expected an object, received an array (received [1,5])",
    ]);
  });

  it("satisfactionIndex says only that an empty string is not an array, where zod also called it an empty list", () => {
    const { now, before } = bothOutcomes("satisfactionIndex", { scale: { min: 1, max: 5 }, constructs: "" });
    expect(before.issues?.map((issue) => issue.message)).toEqual([
      'expected an array, received a string (received "")',
      'the hierarchy needs at least one construct (received "")',
    ]);
    expect(now.issues?.map((issue) => issue.message)).toEqual([
      'expected an array, received a string (received "")',
    ]);
  });

  it("satisfactionIndex names what is wrong in an object item, where zod listed the forms of an item", () => {
    const hierarchy = {
      scale: { min: 1, max: 5 },
      constructs: [
        { name: "c", indicators: [{ name: "i", items: [{ field: "q1", reverse: "yes" }, { weight: 2 }] }] },
      ],
    };
    const { now, before } = bothOutcomes("satisfactionIndex", hierarchy);
    expect(before.issues?.map((issue) => issue.message)).toEqual([
      `${FORMS} (received {"field":"q1","reverse":"yes"})`,
      `${FORMS} (received {"weight":2})`,
    ]);
    expect(now.issues).toEqual([
      {
        path: "constructs.0.indicators.0.items.0.reverse",
        message: 'expected true or false, received a string (received "yes")',
        received: "yes",
      },
      {
        path: "constructs.0.indicators.0.items.1.field",
        message: "required: expected a string",
        received: undefined,
      },
    ]);
  });
});

const FORMS = "expected a string or an object";

/** An object item of satisfactionIndex with a wrong-typed or missing key: zod's union gave only its forms (see the test). */
const formsOfAnObjectItem = (before: Outcome): boolean =>
  before.issues?.some((issue) => issue.message.startsWith(FORMS) && isObject(issue.received)) ?? false;

/** A few values of every kind, for the keys of a hierarchy. */
const odd = fc.constantFrom(undefined, null, 3, "x", "", [], {}, Number.NaN, true);
const bound = fc.constantFrom(1, 5, 10, -1, Number.NaN, Number.POSITIVE_INFINITY, "3", undefined, null);
const scales = fc.oneof(
  fc.record({ min: bound, max: bound, mid: bound }, { requiredKeys: ["min", "max"] }),
  fc.record({ min: bound, max: bound, mid: bound }, { requiredKeys: [] }),
  odd,
);
const weights = fc.constantFrom(undefined, 0, 1, 2, -1, 1e308, Number.NaN, "1", null);
const names = fc.constantFrom("quality", "", 3, undefined, null);
const lists = <T>(element: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: fc.array(element, { maxLength: 3 }) }, { weight: 1, arbitrary: odd });
/** Mostly well-formed object items (an ill-formed one got zod's forms: the test above). */
const items = fc.oneof(
  fc.constantFrom("q1", "q2", "", 3, null, undefined, [], new Date(0)),
  fc.record(
    {
      field: fc.constantFrom("q1", "q2", ""),
      weight: fc.constantFrom(undefined, 0, 1, 2, -1),
      scale: fc.oneof(
        fc.constant(undefined),
        fc.record({ min: fc.constantFrom(1, 5), max: fc.constantFrom(1, 5, 10) }),
      ),
      reverse: fc.constantFrom(undefined, true, false),
      feild: fc.constant("q1"),
    },
    { requiredKeys: ["field"] },
  ),
);
const record = <T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
  fc.oneof({ weight: 6, arbitrary: fc.record(shape, { requiredKeys: [] }) }, { weight: 1, arbitrary: odd });
const indicators = record({ name: names, weight: weights, items: lists(items), nmae: odd });
const constructs = record({ name: names, weight: weights, indicators: lists(indicators), wieght: odd });
const hierarchies = record({ scale: scales, constructs: lists(constructs), colour: odd });
