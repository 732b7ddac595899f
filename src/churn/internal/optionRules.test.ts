import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { type Outcome, outcome, randomOptions, wrongKindValues } from "../../../test/optionOutcome.js";
import {
  customSchema,
  expected,
  optionalSchema,
  optionsSchema,
} from "../../../test/zodOracle/optionChecks.js";
import {
  dateSchema,
  fieldSchema,
  lengthAtLeast,
  oneOf,
  parseOptions,
  seedSchema,
  wholeNumber,
} from "../../../test/zodOracle/options.js";
import { InvalidOptionsError } from "../../core/errors.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionShape } from "../../core/internal/optionRules.js";
import { calibrateChurnModelShape } from "../calibrateChurnModel.js";
import { churnScoresFromBgNbdShape } from "../churnScoresFromBgNbd.js";
import { cohortRetentionShape } from "../cohortRetention.js";
import { checkCoxModelOptions } from "../coxModel.js";
import { inactivityRiskShape } from "../inactivityRisk.js";
import { kaplanMeierShape } from "../kaplanMeier.js";
import { logRankTestShape } from "../logRankTest.js";
import { restoreChurnModelShape } from "../restoreChurnModel.js";
import { retentionEconomicsShape } from "../retentionEconomics.js";
import { trainTestSplitShape } from "../trainTestSplit.js";
import { checkChurnModelJson } from "./checkChurnModelJson.js";
import { checkEvaluateScoresOptions } from "./evaluateOptions.js";

/**
 * Churn's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schema as it was (copied from the
 * sources before the change) beside its check now: on random options, both must give the same options
 * (defaults filled in) or the same issues.
 */

/** One function's options: the names it takes, its check now (defaults filled in), its schema before. */
interface Case {
  readonly names: readonly string[];
  readonly now: (functionName: string, options: unknown) => unknown;
  readonly before: Parameters<typeof parseOptions>[1];
  /** Parsed before by parseFieldsOptions (the `features` hint). */
  readonly fieldsHint?: boolean;
}

const oldEvaluateScoresSchema = optionsSchema({
  threshold: z._default(z.number(), 0.5),
  calibrationBins: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1000)), 10),
  groups: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(1000)), 10),
});

// coxModel's feature lists and reference levels, as internal/survivalOptions.ts checked them before:
// single custom checks pushing the issues of zod's array, union and record schemas.

type Report = (path: PropertyKey[], wanted: string | undefined, value: unknown, message?: string) => void;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const TOO_SHORT = "Too small: expected string to have >=1 characters";

const checked = <T>(inspect: (value: unknown, report: Report) => void) =>
  customSchema<T>((value, report) =>
    inspect(value, (path, wanted, input, message) =>
      report(message ?? expected(wanted as string, input), input, path),
    ),
  );

const FEATURE_KEYS = ["name", "value"];

const oldFeatureListSchema = checked<readonly unknown[]>((list, report) => {
  if (!Array.isArray(list)) return report([], "an array", list);
  list.forEach((feature: unknown, i) => {
    if (feature === "") report([i], undefined, feature, TOO_SHORT);
    else if (isPlainObject(feature)) {
      const { name, value } = feature;
      if (name === "") report([i, "name"], undefined, name, TOO_SHORT);
      else if (typeof name !== "string") report([i, "name"], "a non-empty string", name);
      if (typeof value !== "function") report([i, "value"], "a function (record, index) => value", value);
      for (const key of Object.keys(feature)) {
        if (FEATURE_KEYS.includes(key)) continue;
        report([i, key], undefined, undefined, unknownOptionMessage(key, FEATURE_KEYS));
      }
    } else if (typeof feature !== "string") {
      report([i], "a property name or a named accessor { name, value: (record, index) => value }", feature);
    }
  });
});

const oldStringRecordSchema = checked<Readonly<Record<string, string>>>((record, report) => {
  if (!isPlainObject(record)) return report([], "an object", record);
  for (const [key, level] of Object.entries(record)) {
    if (typeof level !== "string") report([key], "a string", level);
  }
});

/** parseFieldsOptions as it was: parseOptions, with an unknown top-level `features` pointed to `fields`. */
function parseFieldsOptions(name: string, schema: Case["before"], options: unknown): unknown {
  try {
    return parseOptions(name, schema, options);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    throw new InvalidOptionsError(
      name,
      error.issues.map((issue) =>
        issue.path === "features" && issue.message.startsWith("unknown option")
          ? { ...issue, message: 'unknown option "features"; did you mean "fields"?' }
          : issue,
      ),
    );
  }
}

/** A case of a function checked by `checkOptions(name, shape, options)` with `defaults` filled in. */
const ruled = (shape: OptionShape, before: Case["before"], defaults: Record<string, unknown> = {}): Case => ({
  names: Object.keys(shape),
  now: (name, options) => withDefaults(checkOptions(name, shape, options), defaults),
  before,
});

const CASES: Record<string, Case> = {
  evaluateScores: {
    names: ["threshold", "calibrationBins", "groups"],
    now: checkEvaluateScoresOptions,
    before: oldEvaluateScoresSchema,
  },
  calibrateChurnModel: ruled(
    calibrateChurnModelShape,
    optionsSchema({ method: z._default(oneOf(["platt", "isotonic"]), "platt") }),
    { method: "platt" },
  ),
  trainTestSplit: ruled(
    trainTestSplitShape,
    optionsSchema({
      testFraction: z._default(
        z.number().check(z.gt(0, "must be greater than 0"), z.lt(1, "must be less than 1")),
        0.25,
      ),
      stratify: optionalSchema(fieldSchema),
      seed: z._default(seedSchema, 1),
    }),
    { testFraction: 0.25, seed: 1 },
  ),
  retentionEconomics: ruled(
    retentionEconomicsShape,
    optionsSchema({
      customers: z.number().check(z.minimum(0)),
      churnRate: z.number().check(z.gt(0, "must be greater than 0"), z.lt(1, "must be less than 1")),
      margin: z.number(),
      acquisitionCost: z.number().check(z.minimum(0)),
      retentionCost: z.number().check(z.positive("must be greater than 0")),
      discountRate: z._default(z.number().check(z.minimum(0)), 0.1),
      churnReduction: z._default(z.number().check(z.gt(0, "must be greater than 0"), z.lt(1)), 0.05),
    }),
    { discountRate: 0.1, churnReduction: 0.05 },
  ),
  kaplanMeier: ruled(
    kaplanMeierShape,
    optionsSchema({
      time: fieldSchema,
      event: fieldSchema,
      group: optionalSchema(fieldSchema),
      confidenceLevel: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
    }),
    { confidenceLevel: 0.95 },
  ),
  logRankTest: ruled(
    logRankTestShape,
    optionsSchema({ time: fieldSchema, event: fieldSchema, group: fieldSchema }),
  ),
  inactivityRisk: ruled(
    inactivityRiskShape,
    optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      asOf: dateSchema,
      priorWeight: z._default(z.number().check(z.minimum(0)), 2),
      populationGapDays: optionalSchema(z.number().check(z.positive())),
      bandLimits: z._default(
        z
          .tuple([
            z.number().check(z.positive()),
            z.number().check(z.positive()),
            z.number().check(z.positive()),
          ])
          .check(z.refine(([a, b, c]) => a < b && b < c, "band limits must increase")),
        [1, 2, 4],
      ),
    }),
    { priorWeight: 2, bandLimits: [1, 2, 4] },
  ),
  cohortRetention: ruled(
    cohortRetentionShape,
    optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      amount: optionalSchema(fieldSchema),
      period: oneOf(["week", "month", "quarter"]),
      asOf: dateSchema,
    }),
  ),
  churnScoresFromBgNbd: ruled(
    churnScoresFromBgNbdShape,
    optionsSchema({
      customer: fieldSchema,
      date: fieldSchema,
      amount: optionalSchema(fieldSchema),
      asOf: dateSchema,
      timeUnit: z._default(oneOf(["day", "week", "month", "quarter", "year"]), "week"),
      horizon: z._default(z.number().check(z.positive()), 13),
      model: optionalSchema(
        z.custom(
          (value) =>
            typeof value === "object" &&
            value !== null &&
            typeof (value as { probabilityAlive?: unknown }).probabilityAlive === "function",
          { message: "expected a model returned by fitBgNbd" },
        ),
      ),
    }),
    { timeUnit: "week", horizon: 13 },
  ),
  coxModel: {
    names: [
      "time",
      "event",
      "fields",
      "features",
      "referenceLevels",
      "ties",
      "confidenceLevel",
      "maxIterations",
      "tolerance",
    ],
    now: (_name, options) => checkCoxModelOptions(options),
    fieldsHint: true,
    before: optionsSchema({
      time: fieldSchema,
      event: fieldSchema,
      fields: optionsSchema({
        numeric: z._default(oldFeatureListSchema, []),
        categorical: z._default(oldFeatureListSchema, []),
      }),
      referenceLevels: z._default(oldStringRecordSchema, {}),
      ties: z._default(oneOf(["efron", "breslow"]), "efron"),
      confidenceLevel: z._default(z.number().check(z.gt(0), z.lt(1)), 0.95),
      maxIterations: z._default(z.number().check(wholeNumber(), z.minimum(1), z.maximum(10_000)), 20),
      tolerance: z._default(z.number().check(z.positive(), z.lt(1)), 1e-9),
    }),
  },
  restoreChurnModel: ruled(
    restoreChurnModelShape,
    optionsSchema({
      accessors: z._default(
        z.record(
          z.string(),
          z.custom((value) => typeof value === "function", { message: "expected an accessor function" }),
        ),
        {},
      ),
      label: optionalSchema(
        z.union([z.string().check(lengthAtLeast(1)), z.custom((value) => typeof value === "function")]),
      ),
    }),
    { accessors: {} },
  ),
};

/**
 * restoreChurnModel's label, neither a string nor a function: zod's union named its forms "a string or a
 * valid value" (a custom schema's words); the rule names them as a label's forms.
 */
const LABEL_FORMS_BEFORE = "expected a string or a valid value";
const LABEL_FORMS_NOW = "expected a property name or an accessor function";

/** The issues before, with that message as the rule words it now. */
const reworded = (issues: NonNullable<Outcome["issues"]>): NonNullable<Outcome["issues"]> =>
  issues.map((issue) =>
    issue.path === "label"
      ? { ...issue, message: issue.message.replace(LABEL_FORMS_BEFORE, LABEL_FORMS_NOW) }
      : issue,
  );

function bothOutcomes(name: string, options: unknown): { now: Outcome; before: Outcome } {
  const { now, before, fieldsHint } = CASES[name] as Case;
  const old = outcome(() => (fieldsHint ? parseFieldsOptions : parseOptions)(name, before, options));
  return {
    now: outcome(() => now(name, options)),
    before: name === "restoreChurnModel" && old.issues ? { issues: reworded(old.issues) } : old,
  };
}

/** Values of every kind churn's options take, and near misses. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    2,
    0.5,
    0.95,
    1.5,
    -1,
    1000,
    1001,
    1e20,
    -1e20,
    2 ** 53,
    ...wrongKindValues,
    "spend",
    "platt",
    "isotonic",
    "week",
    "month",
    "day",
    "2024-03-20",
    [1, 2, 4],
    [4, 2, 1],
    [0, 2, 4],
    [-1, -2, 3],
    [1, Number.NaN, 3],
    [1, "2", 3],
    [1, undefined, 3],
    [1, 2, 3, 4],
    [5, 2, 1, "x"],
    new Date(Number.NaN),
    { probabilityAlive: () => 0.5 },
    "efron",
    "breslow",
    { numeric: ["x"], categorical: [] },
    { numeric: ["x", ""], categorical: [1] },
    { categorical: [{ name: "x", value: () => 1 }] },
    { numeric: [{ name: "", value: 1, extra: 2 }, { name: 3 }] },
    { numeric: "x", categorical: {} },
    { numeric: [], other: [] },
    { plan: "basic", region: 2 },
    [new Date(0)],
    [],
    [1, 2],
    {},
    { a: 1 },
    new Date(0),
    () => 1,
  ),
  fc.double(),
  fc.integer(),
);

describe("churn's option rules", () => {
  for (const [name, { names }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      fc.assert(
        fc.property(randomOptions(names, anyValue, 6), (options) => {
          const { now, before } = bothOutcomes(name, options);
          expect(now).toEqual(before);
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe("inactivityRisk's band limits", () => {
  it("a hole of a sparse array is a missing limit, as zod's tuple said (the in-memory rule let it through)", () => {
    // [1, , 4]: three limits, the second one missing
    const bandLimits = Object.assign(new Array(3), { 0: 1, 2: 4 });
    const options = { customer: "id", date: "day", asOf: "2025-12-31", bandLimits };
    const { now, before } = bothOutcomes("inactivityRisk", options);
    expect(now).toEqual(before);
    expect(now.issues).toEqual([
      { path: "bandLimits.1", message: "required: expected a number > 0", received: undefined },
    ]);
  });
});

// restoreChurnModel's check of the saved model, as the zod schema it replaces (safeParse, no locale:
// every message was "Invalid input"); now each message says what the part should be.

const oldFeatureJson = z.object({ name: z.string(), accessor: z.boolean() });
const oldJsonSchema = z.object({
  format: z.literal("clientele.churnModel"),
  version: z.literal(1),
  label: z.nullable(z.string()),
  features: z.object({ numeric: z.array(oldFeatureJson), categorical: z.array(oldFeatureJson) }),
  coefficients: z.array(
    z.object({
      term: z.string(),
      kind: oneOf(["intercept", "numeric", "categorical"]),
      standardizedEstimate: z.number(),
    }),
  ),
  numericEncodings: z.array(
    z.object({ name: z.string(), mean: z.number(), standardDeviation: z.number().check(z.positive()) }),
  ),
  categoricalEncodings: z.array(
    z.object({ name: z.string(), levels: z.array(z.string()), reference: z.nullable(z.string()) }),
  ),
  levelShares: z.array(z.array(z.number())),
  convergence: z.object({}),
  training: z.object({}),
  options: z.object({
    missing: oneOf(["error", "impute"]),
    unseenCategory: oneOf(["reference", "error"]),
  }),
  calibration: z.nullable(
    z.union([
      z.object({ method: z.literal("platt"), a: z.number(), b: z.number() }),
      z.object({
        method: z.literal("isotonic"),
        x: z.array(z.number()).check(lengthAtLeast(1)),
        y: z.array(z.number()).check(lengthAtLeast(1)),
      }),
    ]),
  ),
});

/** A saved model as toJSON writes one (the parts the check reads, and a few it does not). */
const SAVED = {
  format: "clientele.churnModel",
  version: 1,
  label: "churned",
  features: {
    numeric: [{ name: "tenure", accessor: false }],
    categorical: [{ name: "plan", accessor: true }],
  },
  coefficients: [
    { term: "(Intercept)", kind: "intercept", standardizedEstimate: -1.2, estimate: -2 },
    { term: "tenure", kind: "numeric", standardizedEstimate: 0.5 },
    { term: "plan=plus", kind: "categorical", standardizedEstimate: 0.25 },
  ],
  numericEncodings: [{ name: "tenure", mean: 10, standardDeviation: 3 }],
  categoricalEncodings: [{ name: "plan", levels: ["basic", "plus"], reference: "basic" }],
  levelShares: [[0.4, 0.6]],
  convergence: { converged: true, iterations: 5 },
  training: { rows: 100 },
  options: { missing: "error", unseenCategory: "reference", encoding: "reference" },
  calibration: { method: "isotonic", x: [0.1, 0.9], y: [0.2, 0.8] },
};

/** Every path into SAVED (objects' keys and arrays' indices, and one past each array's end). */
function pathsOf(value: unknown, path: readonly string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [[...path]];
  const keys = Array.isArray(value) ? [...value.keys(), value.length].map(String) : Object.keys(value);
  return [
    [...path],
    ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...path, key])),
  ];
}

/** SAVED with the value at each path replaced (undefined: deleted). */
function damaged(changes: readonly (readonly [readonly string[], unknown])[]): unknown {
  let json: unknown = structuredClone(SAVED);
  for (const [path, value] of changes) {
    if (path.length === 0) {
      json = value;
      continue;
    }
    let parent = json as Record<string, unknown> | null;
    for (const key of path.slice(0, -1)) {
      parent =
        parent !== null && typeof parent === "object" ? (parent[key] as Record<string, unknown>) : null;
    }
    if (parent === null || typeof parent !== "object") continue;
    const last = path.at(-1) as string;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return json;
}

const partValue = fc.oneof(
  anyValue,
  fc.constantFrom(
    "clientele.churnModel",
    "intercept",
    "categorical",
    "impute",
    "reference",
    [0.5, "x"],
    [[1], [2, null]],
    [{ name: "x", accessor: "yes" }],
    { method: "platt", a: 1, b: 2 },
    { method: "platt", a: 1 },
    { method: "isotonic", x: [], y: [] },
    { method: "isotonic", x: [0.5], y: [] },
    { method: "isotonic", x: [], y: ["a"] },
    { method: "isotonic", x: [Number.NaN], y: [1] },
  ),
);

describe("restoreChurnModel's check of the saved model", () => {
  const paths = pathsOf(SAVED);

  it("refuses the damaged models the zod schema refused, with the same paths, saying what each part should be", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), partValue), { maxLength: 3 }), (changes) => {
        const json = damaged(changes);
        const before = oldJsonSchema.safeParse(json);
        const now = outcome(() => checkChurnModelJson("restoreChurnModel", json));
        if (before.success) {
          expect(now.issues).toBeUndefined();
          return;
        }
        const oldPaths = before.error.issues.map((issue) => ["json", ...issue.path.map(String)].join("."));
        expect(now.issues?.map((issue) => issue.path)).toEqual(oldPaths);
        for (const issue of now.issues ?? [])
          expect(issue.message).toMatch(
            /^(required: )?expected .+(, received .+)?; expected the object model\.toJSON\(\) returned$/,
          );
      }),
      { numRuns: 1000 },
    );
  });

  it("words each problem with the part wanted and the kind found", () => {
    const json = damaged([
      [["label"], 3],
      [["coefficients", "1", "kind"], "slope"],
      [["levelShares", "0", "1"], "x"],
      [["calibration", "x"], []],
    ]);
    expect(outcome(() => checkChurnModelJson("restoreChurnModel", json)).issues).toEqual([
      {
        path: "json.label",
        message: "expected a string or null, received a number; expected the object model.toJSON() returned",
      },
      {
        path: "json.coefficients.1.kind",
        message:
          'expected "intercept" or "numeric" or "categorical", received a string; expected the object model.toJSON() returned',
      },
      {
        path: "json.levelShares.0.1",
        message: "expected a finite number, received a string; expected the object model.toJSON() returned",
      },
      {
        path: "json.calibration.x",
        message:
          "expected a non-empty array of numbers, received an array; expected the object model.toJSON() returned",
      },
    ]);
  });
});
