import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { type Outcome, outcome, randomOptions } from "../../../test/optionOutcome.js";
import { optionalSchema, optionsSchema, problemSchema } from "../../../test/zodOracle/optionChecks.js";
import { fieldSchema, parseOptions, progressSchema, seedSchema } from "../../../test/zodOracle/options.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, type OptionRule, type OptionShape } from "../../core/internal/optionRules.js";
import { chooseKShape } from "../chooseK.js";
import { euclideanDistancesShape } from "../euclideanDistances.js";
import { gowerDistanceShape } from "../gowerDistance.js";
import { hierarchicalClusteringShape } from "../hierarchicalClustering.js";
import { kMedoidsShape } from "../kMedoids.js";
import { kPrototypesShape } from "../kPrototypes.js";
import { segmentProfilesShape } from "../segmentProfiles.js";
import { segmentStabilityShape } from "../segmentStability.js";
import { featureOptionsShape } from "./featureOptions.js";
import { kMeansShape, kMeansStepsShape, oneFeatureSource } from "./fit.js";
import { gowerFieldsRule, gowerWeightsRule } from "./gower.js";
import { fieldList } from "./optionChecks.js";

/**
 * Segment's options were checked by zod schemas run through parseOptions until session 8; they are now
 * checked by core's option rules (checkOptions). Below, each function's schema as it was (rebuilt from
 * the same segment checks, wrapped as before: problemSchema, optionalSchema, optionsSchema, z._default,
 * and zod's own seed, progress, boolean, int, enum, record and union schemas) beside its rules now: on
 * random options, both must give the same options (defaults filled in) or the same issues.
 */

/**
 * The zod schema of a segment check: a custom rule reports one message (its problem), so problemSchema
 * with that message is the schema it was written as before.
 */
function asSchema<T>(rule: OptionRule<T>) {
  return problemSchema<T>((value) => {
    let message: string | undefined;
    rule.check(value, (problem) => {
      message ??= problem;
    });
    return message;
  });
}

/** The old check that exactly one of fields and matrix is given, as a zod check on the options object. */
const oldOneFeatureSource = (payload: {
  readonly value: { readonly fields?: unknown; readonly matrix?: unknown };
  readonly issues: unknown[];
}): void => {
  const input = payload.value;
  if ((input.fields === undefined) === (input.matrix === undefined))
    payload.issues.push({
      code: "custom",
      message: "give exactly one of fields (to build the feature matrix) or matrix (a featureMatrix result)",
      input,
      path: ["fields"],
      continue: true,
    });
};

const oldFeatureSource = {
  fields: optionalSchema(asSchema(featureOptionsShape.fields)),
  transforms: optionalSchema(asSchema(featureOptionsShape.transforms)),
  missing: optionalSchema(asSchema(featureOptionsShape.missing)),
  matrix: optionalSchema(
    z.custom(
      (value) =>
        value !== null &&
        typeof value === "object" &&
        (value as { matrix?: unknown }).matrix instanceof Float64Array,
      { message: "expected the result of featureMatrix(records, ...)" },
    ),
  ),
};

const oldKMeansRun = {
  k: asSchema(kMeansShape.k),
  ...oldFeatureSource,
  seed: optionalSchema(seedSchema),
  maxIterations: optionalSchema(asSchema(kMeansShape.maxIterations)),
  tolerance: optionalSchema(asSchema(kMeansShape.tolerance)),
  init: optionalSchema(asSchema(kMeansShape.init)),
};

const oldGower = {
  fields: optionalSchema(asSchema(gowerFieldsRule)),
  weights: optionalSchema(asSchema(gowerWeightsRule)),
};

/** One function's options: its rules now (with the check across them and the defaults it fills in) and its schema before. */
interface Case {
  readonly shape: OptionShape;
  readonly before: Parameters<typeof parseOptions>[1];
  readonly across?: typeof oneFeatureSource;
  readonly defaults?: Record<string, unknown>;
}

const CASES: Record<string, Case> = {
  kMeans: {
    shape: kMeansShape,
    across: oneFeatureSource,
    before: optionsSchema({
      ...oldKMeansRun,
      restarts: optionalSchema(asSchema(kMeansShape.restarts)),
      workers: optionalSchema(asSchema(kMeansShape.workers)),
      onProgress: optionalSchema(progressSchema),
    }).check(oldOneFeatureSource),
  },
  kMeansSteps: {
    shape: kMeansStepsShape,
    across: oneFeatureSource,
    before: optionsSchema(oldKMeansRun).check(oldOneFeatureSource),
  },
  chooseK: {
    shape: chooseKShape,
    across: oneFeatureSource,
    before: optionsSchema({
      ...oldFeatureSource,
      kRange: optionalSchema(asSchema(chooseKShape.kRange)),
      criteria: optionalSchema(asSchema(chooseKShape.criteria)),
      seed: optionalSchema(seedSchema),
      restarts: optionalSchema(asSchema(chooseKShape.restarts)),
      maxIterations: optionalSchema(asSchema(chooseKShape.maxIterations)),
      tolerance: optionalSchema(asSchema(chooseKShape.tolerance)),
      silhouetteSampleSize: optionalSchema(asSchema(chooseKShape.silhouetteSampleSize)),
      onProgress: optionalSchema(progressSchema),
    }).check(oldOneFeatureSource),
  },
  featureMatrix: {
    shape: featureOptionsShape,
    before: optionsSchema({
      fields: asSchema(featureOptionsShape.fields),
      transforms: oldFeatureSource.transforms,
      missing: oldFeatureSource.missing,
    }),
  },
  applyFeatures: {
    shape: { missing: featureOptionsShape.missing },
    before: optionsSchema({ missing: oldFeatureSource.missing }),
  },
  gowerDistance: {
    shape: gowerDistanceShape,
    before: optionsSchema({ ...oldGower, fields: asSchema(gowerFieldsRule) }),
  },
  hierarchicalClustering: {
    shape: hierarchicalClusteringShape,
    before: optionsSchema({ linkage: z.enum(["ward.D2", "average", "complete", "single"]), ...oldGower }),
  },
  kMedoids: {
    shape: kMedoidsShape,
    defaults: { method: "pam", init: "build", seed: 1, silhouette: true },
    before: optionsSchema({
      k: asSchema(kMedoidsShape.k),
      method: z._default(asSchema(kMedoidsShape.method), "pam"),
      init: z._default(asSchema(kMedoidsShape.init), "build"),
      seed: z._default(seedSchema, 1),
      ...oldGower,
      silhouette: z._default(z.boolean(), true),
    }),
  },
  kPrototypes: {
    shape: kPrototypesShape,
    defaults: { restarts: 10, maxIterations: 100 },
    before: optionsSchema({
      k: asSchema(kPrototypesShape.k),
      fields: optionsSchema({ numeric: asSchema(fieldList(true)), categorical: asSchema(fieldList(true)) }),
      gamma: optionalSchema(asSchema(kPrototypesShape.gamma)),
      seed: seedSchema,
      restarts: z._default(asSchema(kPrototypesShape.restarts), 10),
      maxIterations: z._default(asSchema(kPrototypesShape.maxIterations), 100),
    }),
  },
  segmentProfiles: {
    shape: segmentProfilesShape,
    defaults: { topFeatures: 3, threshold: 0.5 },
    before: optionsSchema({
      valueField: optionalSchema(fieldSchema),
      topFeatures: z._default(asSchema(segmentProfilesShape.topFeatures), 3),
      threshold: z._default(asSchema(segmentProfilesShape.threshold), 0.5),
      labelWords: optionalSchema(z.record(z.string(), optionsSchema({ high: z.string(), low: z.string() }))),
      fields: optionalSchema(
        optionsSchema({
          numeric: optionalSchema(asSchema(fieldList(true))),
          categorical: optionalSchema(asSchema(fieldList(true))),
        }),
      ),
    }),
  },
  segmentStability: {
    shape: segmentStabilityShape,
    defaults: { resamples: 100, seed: 1, recoverAbove: 0.75, dissolvedAtOrBelow: 0.5 },
    before: optionsSchema({
      resamples: z._default(z.int().check(z.gte(1, "resamples must be at least 1")), 100),
      seed: z._default(seedSchema, 1),
      recoverAbove: z._default(z.number().check(z.gte(0), z.lte(1)), 0.75),
      dissolvedAtOrBelow: z._default(z.number().check(z.gte(0), z.lte(1)), 0.5),
    }),
  },
  euclideanDistances: {
    shape: euclideanDistancesShape,
    before: optionsSchema({
      fields: z.union([
        z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
        z.record(z.string(), fieldSchema),
      ]),
    }),
  },
};

function bothOutcomes(name: string, options: unknown): { now: Outcome; before: Outcome } {
  const { shape, before, across, defaults = {} } = CASES[name] as Case;
  return {
    now: outcome(() => withDefaults(checkOptions(name, shape, options, across), defaults)),
    before: outcome(() => parseOptions(name, before, options)),
  };
}

const EXACTLY_ONE = "give exactly one of fields";

/**
 * `now` as `before`, but for the one change: the check that exactly one of fields and matrix is given now
 * reports its issue beside the others, where zod's check on the options object ran only when no option had
 * failed (or only matrix or onProgress had).
 */
function expectSame(now: Outcome, before: Outcome): void {
  const added = (now.issues ?? []).filter(
    (issue) =>
      issue.message.startsWith(EXACTLY_ONE) &&
      !(before.issues ?? []).some((old) => old.message.startsWith(EXACTLY_ONE)),
  );
  if (added.length > 0) {
    expect(before.issues?.length).toBeGreaterThan(0);
    expect(now.issues?.at(-1)).toBe(added[0]);
    expect({ issues: now.issues?.slice(0, -1) }).toEqual(before);
  } else expect(now).toEqual(before);
}

/**
 * `fields` of euclideanDistances as an array with an element that is not a string, or an object with an
 * entry that is not a field: zod's union gave only its forms, the union rule now names the element or entry.
 */
function unionSaysMore(name: string, options: Record<string, unknown>): boolean {
  const fields = options.fields;
  if (name !== "euclideanDistances") return false;
  if (Array.isArray(fields)) return fields.some((element) => typeof element !== "string");
  return (
    Object.prototype.toString.call(fields) === "[object Object]" &&
    Object.values(fields as object).some(
      (entry) => !((typeof entry === "string" && entry !== "") || typeof entry === "function"),
    )
  );
}

const fakeMatrix = { matrix: new Float64Array(2) };

/** Values of every kind segment's options take, and near misses. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    0,
    1,
    2,
    3,
    1.5,
    -1,
    0.2,
    1e20,
    -1e20,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    "",
    "x",
    "spend",
    "auto",
    "pam",
    "fastpam",
    "build",
    "lab",
    "ward.D2",
    "average",
    "error",
    "drop",
    "standardize",
    "kmeans++",
    "bogus",
    [],
    [2, 5],
    [1, 3],
    [5, 2],
    [2.5, 4],
    ["spend"],
    ["spend", ""],
    ["spend", 1],
    ["inertia", "silhouette"],
    ["elbow"],
    [[0], [1]],
    [["x"]],
    ["log1p", "standardize"],
    { spend: "log1p" },
    { spend: ["bogus"] },
    { spend: "numeric", plan: "nominal" },
    { spend: "numeric", plan: "bogus" },
    { spend: { type: "ordinal", levels: [1, 2] } },
    { spend: 1, plan: 0 },
    { spend: -1 },
    { spend: (row: { spend: number }) => row.spend },
    { spend: "", plan: 2 },
    { numeric: ["spend"], categorical: [] },
    { numeric: ["spend"], categorical: ["plan"], other: 1 },
    { numeric: 5 },
    { spend: { high: "big", low: "small" } },
    { spend: { high: 1 }, plan: { high: "a", low: "b", hihg: "c" } },
    fakeMatrix,
    new Date(0),
    new Map(),
    () => 1,
  ),
  fc.double(),
  fc.integer(),
);

describe("segment's option rules", () => {
  for (const [name, { shape }] of Object.entries(CASES)) {
    it(`${name}: the same options and issues as its zod schema gave, on any options`, () => {
      const names = Object.keys(shape);
      fc.assert(
        fc.property(randomOptions(names, anyValue, 6), (options) => {
          fc.pre(!unionSaysMore(name, options));
          const { now, before } = bothOutcomes(name, options);
          expectSame(now, before);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("kMeans reports a missing feature source beside the other problems, as zod did not", () => {
    const { now, before } = bothOutcomes("kMeans", { k: 0 });
    expect(before.issues?.map((issue) => issue.path)).toEqual(["k"]);
    expect(now.issues).toEqual([
      ...(before.issues ?? []),
      {
        path: "fields",
        message:
          'give exactly one of fields (to build the feature matrix) or matrix (a featureMatrix result) (received {"k":0})',
        received: { k: 0 },
      },
    ]);
  });

  it("euclideanDistances names a field that is not a property name, where zod listed the forms", () => {
    const { now, before } = bothOutcomes("euclideanDistances", { fields: { spend: "spend", plan: 0 } });
    expect(before.issues?.[0]?.message).toBe(
      'expected an array or an object (received {"spend":"spend","plan":0})',
    );
    expect(now.issues).toEqual([
      {
        path: "fields.plan",
        message: "expected a property name or an accessor function (received 0)",
        received: 0,
      },
    ]);
  });
});
