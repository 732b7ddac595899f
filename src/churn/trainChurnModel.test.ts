import { describe, expect, it } from "vitest";
import { type ChurnFixtureRow, readChurnReference, readChurnSplits } from "../../fixtures/churn/fixture.js";
import { readSubsampleReference, subsampleRows } from "../../fixtures/churn/subsample.js";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { expectClose } from "../../test/expectClose.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { evaluateScores } from "./evaluateScores.js";
import { forgetCompiledReaders, rowReaderSettings } from "./internal/rowReader.js";
import { trainChurnModel } from "./trainChurnModel.js";

// Reference: fixtures/churn/make-reference.py (statsmodels 0.13.5 Logit, scikit-learn 1.2.1
// LogisticRegression(solver="newton-cholesky", tol=1e-14)); tolerances below.
const { train, test, fields } = readChurnSplits();
const reference = readChurnReference();
const fixture = reference.fixture;

const COEFFICIENT_TOLERANCE = 1e-6;

describe("trainChurnModel against statsmodels and scikit-learn", () => {
  it("matches statsmodels Logit coefficients and standard errors when l2 = 0", () => {
    const model = trainChurnModel(train, { label: "churned", fields, regularization: { l2: 0 } });
    expect(model.coefficients.map((c) => c.term)).toEqual(fixture.terms);
    expectClose(
      model.coefficients.map((c) => c.standardizedEstimate),
      fixture.statsmodels.coefficients,
      COEFFICIENT_TOLERANCE,
    );
    expectClose(
      model.coefficients.map((c) => c.standardizedStandardError ?? Number.NaN),
      fixture.statsmodels.standardErrors,
      1e-6,
    );
    // The objective at l2 = 0 is minus the log-likelihood.
    expect(model.convergence.objective).toBeCloseTo(-fixture.statsmodels.logLikelihood, 8);
    expect(model.convergence.converged).toBe(true);
    expect(model.convergence.gradientNorm).toBeLessThan(1e-8);
    expectClose(Array.from(model.score(test.slice(0, 5))), fixture.statsmodels.testProbabilitiesFirst5, 1e-8);
  });

  it.each([
    ["sklearnL2_1", 1, undefined],
    ["sklearnL2_10", 10, undefined],
    ["sklearnL2_1_balanced", 1, "balanced"],
  ] as const)("matches %s (C = 1 / l2, intercept unpenalised)", (name, l2, classWeight) => {
    const model = trainChurnModel(train, {
      label: "churned",
      fields,
      regularization: { l2 },
      ...(classWeight === undefined ? {} : { classWeight }),
    });
    const expected = fixture[name];
    expectClose(
      model.coefficients.map((c) => c.standardizedEstimate),
      expected.coefficients,
      COEFFICIENT_TOLERANCE,
    );
    expectClose(Array.from(model.score(test.slice(0, 5))), expected.testProbabilitiesFirst5, 1e-8);
    // Penalised fits report no standard errors.
    expect(model.coefficients.every((c) => c.standardizedStandardError === null)).toBe(true);
    // AUC on the held-out rows, tie-aware Mann-Whitney vs sklearn roc_auc_score.
    const evaluation = evaluateScores(
      model.score(test),
      test.map((row) => row.churned),
    );
    expect(evaluation.auc).toBeCloseTo(expected.test.auc, 12);
  });

  it("reports original-scale coefficients and odds ratios consistent with the standardised fit", () => {
    const model = trainChurnModel(train, { label: "churned", fields, regularization: { l2: 0 } });
    const days = model.coefficients.find((c) => c.term === "daysSinceLastOrder");
    const sd = fixture.populationSds.daysSinceLastOrder as number;
    expect(days?.estimate).toBeCloseTo((fixture.statsmodels.coefficients[4] as number) / sd, 10);
    expect(days?.oddsRatio).toBeCloseTo(Math.exp((days?.estimate as number) ?? 0), 12);
    // Scoring a raw row with the original-scale coefficients gives the model's probability.
    const row = test[0] as ChurnFixtureRow;
    let eta = 0;
    for (const c of model.coefficients) {
      if (c.kind === "intercept") eta += c.estimate;
      else if (c.kind === "numeric") eta += c.estimate * (row[c.feature as keyof ChurnFixtureRow] as number);
      else if (row[c.feature as keyof ChurnFixtureRow] === c.level) eta += c.estimate;
    }
    expect(model.score([row])[0]).toBeCloseTo(1 / (1 + Math.exp(-eta)), 12);
  });

  it("explains a score: contributions sum to the log-odds gap from the average customer", () => {
    const model = trainChurnModel(train, { label: "churned", fields });
    const logit = (p: number) => Math.log(p / (1 - p));
    for (const row of test.slice(0, 10)) {
      const explanation = model.explain(row, { top: 2 });
      expect(explanation.probability).toBeCloseTo(model.score([row])[0] as number, 12);
      const total = explanation.contributions.reduce((sum, item) => sum + item.contribution, 0);
      expect(total).toBeCloseTo(logit(explanation.probability) - logit(explanation.baselineProbability), 10);
      expect(explanation.contributions).toHaveLength(7);
      expect(explanation.reasons.length).toBeLessThanOrEqual(2);
      const raising = explanation.contributions.filter((item) => item.contribution > 0);
      expect(explanation.reasons).toEqual(raising.slice(0, 2).map((item) => item.reason));
      const sizes = explanation.contributions.map((item) => Math.abs(item.contribution));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    }
    const risky = model.explain({ ...(test[0] as ChurnFixtureRow), daysSinceLastOrder: 400 });
    expect(risky.reasons[0]).toMatch(
      /^daysSinceLastOrder = 400 \(training average [\d.]+\) raises the churn odds x/,
    );
  });

  it("does not depend on the order of the training rows", () => {
    const a = trainChurnModel(train, { label: "churned", fields });
    const b = trainChurnModel([...train].reverse(), { label: "churned", fields });
    expectClose(
      a.coefficients.map((c) => c.standardizedEstimate),
      b.coefficients.map((c) => c.standardizedEstimate),
      1e-10,
    );
    // The fit draws no random numbers: the seed is echoed but changes nothing.
    const seeded = trainChurnModel(train, { label: "churned", fields, seed: 99 });
    expect(seeded.options.seed).toBe(99);
    expect(seeded.coefficients).toEqual(a.coefficients);
  });

  it("accepts booleans and named accessors", () => {
    const model = trainChurnModel(train, {
      label: (row) => row.churned === 1,
      fields: {
        numeric: [
          { name: "logValue", value: (row: ChurnFixtureRow) => Math.log(row.averageOrderValue) },
          "tenureMonths",
        ],
      },
    });
    expect(model.coefficients.map((c) => c.term)).toEqual(["(intercept)", "logValue", "tenureMonths"]);
    expect(model.convergence.converged).toBe(true);
    // The same fit as on a precomputed column with a 0/1 label.
    const withLog = (row: ChurnFixtureRow) => ({ ...row, logValue: Math.log(row.averageOrderValue) });
    const precomputed = train.map(withLog);
    const direct = trainChurnModel(precomputed, {
      label: "churned",
      fields: { numeric: ["logValue", "tenureMonths"] },
    });
    expect(model.coefficients).toEqual(direct.coefficients);
    expect(model.score(test)).toEqual(direct.score(test.map(withLog)));
  });
});

describe("trainChurnModel bad input", () => {
  const small = [
    { x: 1, y: 0, c: "a" },
    { x: 2, y: 0, c: "b" },
    { x: 3, y: 1, c: "a" },
    { x: 4, y: 0, c: "b" },
    { x: 5, y: 1, c: "a" },
    { x: 6, y: 1, c: "b" },
  ].map((row) => Object.freeze(row));

  it("refuses labels that are not 0/1 or booleans, naming the row", () => {
    const bad = [...small, { x: 7, y: "1" as unknown as number, c: "a" }];
    expect(() => trainChurnModel(bad, { label: "y", fields: { numeric: ["x"] } })).toThrow(
      InvalidRecordError,
    );
    expect(() =>
      trainChurnModel(bad, { label: "y", fields: { numeric: ["x"] } }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: trainChurnModel: row 6, field "y": received "1" (string); expected a churn label 0/1 or false/true (1 / true = churned)]`,
    );
    // A row with a bad label and a bad feature value names the label (read and checked first), with a
    // key or an accessor for the label.
    const both = [...small, { x: "abc" as unknown as number, y: 2, c: "a" }];
    for (const label of ["y", (row: { y: number }) => row.y] as const) {
      expect(() => trainChurnModel(both, { label, fields: { numeric: ["x"] } })).toThrow(
        /row 6, field "(y|label \(accessor\))": received 2 \(number\); expected a churn label/,
      );
    }
  });

  it("refuses a single class, empty input, no features and duplicate features", () => {
    const allZero = small.map((row) => ({ ...row, y: 0 }));
    expect(() => trainChurnModel(allZero, { label: "y", fields: { numeric: ["x"] } })).toThrow(
      /needs both classes/,
    );
    expect(() => trainChurnModel([], { label: "y", fields: { numeric: ["x"] } })).toThrow(
      InsufficientDataError,
    );
    expect(() => trainChurnModel(small, { label: "y", fields: {} })).toThrow(InvalidOptionsError);
    expect(() => trainChurnModel(small, { label: "y", fields: { numeric: ["x", "x"] } })).toThrow(
      /listed twice/,
    );
    expect(() =>
      trainChurnModel(small, { label: "y", fields: { numeric: ["x"] }, regularization: { l2: -1 } }),
    ).toThrow(InvalidOptionsError);
  });

  it("names each bad option at its element or key, in the option's own words", () => {
    const issuesOf = (options: unknown): { path: string; message: string }[] =>
      optionsError(() => trainChurnModel(small, options as never)).issues.map(({ path, message }) => ({
        path,
        message: message.replace(/ \(received .*$/, ""),
      }));
    const x = (row: { x: number }) => row.x;
    // a field accessor's bad key is named (formerly the whole element: "expected a string or an object")
    expect(issuesOf({ label: "y", fields: { numeric: [{ name: "q", value: 3 }] } })).toEqual([
      {
        path: "fields.numeric.0.value",
        message: "expected a function (record, index) => value, received a number",
      },
    ]);
    expect(issuesOf({ label: "y", fields: { numeric: ["x"], categorical: [{ value: x }] } })).toEqual([
      { path: "fields.categorical.0.name", message: "required: expected a non-empty string" },
    ]);
    expect(issuesOf({ label: "y", fields: { numeric: [{ name: "q", valu: x }] } })).toEqual([
      { path: "fields.numeric.0.value", message: "required: expected a function (record, index) => value" },
      { path: "fields.numeric.0.valu", message: 'unknown option "valu"; did you mean "value"?' },
    ]);
    expect(issuesOf({ label: "y", fields: { numeric: [5] } })).toEqual([
      {
        path: "fields.numeric.0",
        message:
          "expected a property name or a named accessor { name, value: (record, index) => value }, received a number",
      },
    ]);
    expect(issuesOf({ label: "y", fields: { numeric: "x" } })).toEqual([
      { path: "fields.numeric", message: "expected an array, received a string" },
    ]);
    // the other options keep their words
    const base = { label: "y", fields: { numeric: ["x"] } };
    const cases: [object, { path: string; message: string }[]][] = [
      [{ regularization: { l2: -1 } }, [{ path: "regularization.l2", message: "l2 must be >= 0" }]],
      [
        { regularization: { l2: Infinity } },
        [{ path: "regularization.l2", message: "expected a number >= 0, received a number" }],
      ],
      [
        { regularization: { l1: 1 } },
        [{ path: "regularization.l1", message: 'unknown option "l1"; did you mean "l2"?' }],
      ],
      [{ classWeight: "bal" }, [{ path: "classWeight", message: 'expected one of "balanced" or an object' }]],
      [
        { classWeight: { churned: 2, retained: Infinity } },
        [{ path: "classWeight", message: 'expected one of "balanced" or an object' }],
      ],
      [
        { classWeight: { churned: 0, retained: 1 } },
        [{ path: "classWeight.churned", message: "Too small: expected number to be >0" }],
      ],
      [
        { classWeight: { churned: 2, retained: 1, x: 1 } },
        [{ path: "classWeight.x", message: 'unknown option "x" (valid: churned, retained)' }],
      ],
      [
        { encoding: null },
        [{ path: "encoding", message: 'Invalid option: expected one of "reference"|"oneHot"' }],
      ],
      [{ maxIterations: 0 }, [{ path: "maxIterations", message: "Too small: expected number to be >=1" }]],
      [
        { maxIterations: 1.5 },
        [{ path: "maxIterations", message: "expected a whole number >= 1, received a number" }],
      ],
      [{ tolerance: 0 }, [{ path: "tolerance", message: "Too small: expected number to be >0" }]],
      [{ tolerance: "a" }, [{ path: "tolerance", message: "expected a number > 0, received a string" }]],
      [{ seed: null }, [{ path: "seed", message: "expected a finite number, received null" }]],
    ];
    for (const [extra, expected] of cases)
      expect(issuesOf({ ...base, ...extra }), JSON.stringify(extra)).toEqual(expected);
    // absent options take their documented defaults, echoed in the model's options
    const model = trainChurnModel(small, { label: "y", fields: { numeric: ["x"] }, regularization: {} });
    expect(model.toJSON().options).toEqual({
      numeric: ["x"],
      categorical: [],
      encoding: "reference",
      l2: 1,
      classWeight: null,
      missing: "error",
      unseenCategory: "reference",
      maxIterations: 100,
      tolerance: 1e-8,
      seed: 1,
    });
  });

  it("refuses constant features", () => {
    const constant = small.map((row) => ({ ...row, k: 3 }));
    expect(() => trainChurnModel(constant, { label: "y", fields: { numeric: ["x", "k"] } })).toThrow(
      /feature "k" is constant in the training data \(every value is 3\)/,
    );
    expect(() => trainChurnModel(constant, { label: "y", fields: { categorical: ["k"] } })).toThrow(
      /single level/,
    );
  });

  it("detects perfect separation without a penalty and converges with one", () => {
    const separable = [1, 2, 3, 4, 5, 6, 7, 8].map((x) => Object.freeze({ x, y: x > 4 ? 1 : 0 }));
    expect(() =>
      trainChurnModel(separable, { label: "y", fields: { numeric: ["x"] }, regularization: { l2: 0 } }),
    ).toThrow(/separated by "x"/);
    const model = trainChurnModel(separable, {
      label: "y",
      fields: { numeric: ["x"] },
      regularization: { l2: 1 },
    });
    expect(model.convergence.converged).toBe(true);
    expect(Number.isFinite(model.coefficients[1]?.estimate)).toBe(true);
    const scores = model.score(separable);
    expect(scores[7]).toBeGreaterThan(0.5);
    expect(scores[0]).toBeLessThan(0.5);
  });

  it("detects quasi-separation by a categorical level", () => {
    // Every "vip" customer stays: the vip dummy diverges to minus infinity.
    const quasi = small.flatMap((row, i) => [
      { ...row, segment: "normal" },
      { ...row, y: 0, segment: i % 2 === 0 ? "vip" : "normal" },
    ]);
    expect(() =>
      trainChurnModel(quasi, {
        label: "y",
        fields: { numeric: ["x"], categorical: ["segment"] },
        regularization: { l2: 0 },
      }),
    ).toThrow(/separated by "segment=vip"/);
  });

  it("needs a penalty when there are more columns than rows", () => {
    const wide = small
      .slice(0, 4)
      .map((row, i) => ({ ...row, a: i * i, b: Math.sqrt(i + 1), d: (i * 7) % 5, e: i % 2 }));
    const options = { label: "y" as const, fields: { numeric: ["x", "a", "b", "d", "e"] as const } };
    expect(() =>
      trainChurnModel(wide, {
        ...options,
        fields: { numeric: [...options.fields.numeric] },
        regularization: { l2: 0 },
      }),
    ).toThrow(/6 model columns .* only 4 training rows/);
    const model = trainChurnModel(wide, {
      ...options,
      fields: { numeric: [...options.fields.numeric] },
      regularization: { l2: 1 },
    });
    expect(model.convergence.converged).toBe(true);
  });

  it("refuses collinear features without a penalty", () => {
    const collinear = small.map((row) => ({ ...row, twice: 2 * row.x + 1 }));
    expect(() =>
      trainChurnModel(collinear, {
        label: "y",
        fields: { numeric: ["x", "twice"] },
        regularization: { l2: 0 },
      }),
    ).toThrow(/not identifiable: column "twice"/);
  });

  it("applies the missing-value policy: error by default, training mean or a (missing) level with impute", () => {
    const withGap = [...small, { x: Number.NaN, y: 1, c: "" }];
    expect(() => trainChurnModel(withGap, { label: "y", fields: { numeric: ["x"] } })).toThrow(
      /row 6, field "x"/,
    );
    const model = trainChurnModel(withGap, {
      label: "y",
      fields: { numeric: ["x"], categorical: ["c"] },
      missing: "impute",
    });
    expect(model.training.imputedValues).toBe(2);
    expect(model.numericEncodings[0]?.mean).toBeCloseTo(3.5, 12);
    expect(model.categoricalEncodings[0]?.levels).toEqual(["(missing)", "a", "b"]);
    const imputed = model.score([{ x: null as unknown as number, y: 0, c: "a" }])[0];
    const atMean = model.score([{ x: 3.5, y: 0, c: "a" }])[0];
    expect(imputed).toBeCloseTo(atMean as number, 14);
  });

  it("scores unseen categories as the reference level, or refuses them on request", () => {
    const model = trainChurnModel(small, { label: "y", fields: { numeric: ["x"], categorical: ["c"] } });
    const unseen = model.score([{ x: 3, y: 0, c: "zzz" }])[0];
    const reference = model.score([{ x: 3, y: 0, c: "a" }])[0];
    expect(unseen).toBe(reference);
    expect(
      model.explain({ x: 3, y: 0, c: "zzz" }).contributions.find((c) => c.feature === "c")?.reason,
    ).toMatch(/not seen in training; scored as the reference "a"/);
    const strict = trainChurnModel(small, {
      label: "y",
      fields: { numeric: ["x"], categorical: ["c"] },
      unseenCategory: "error",
    });
    expect(() => strict.score([{ x: 3, y: 0, c: "zzz" }])).toThrow(/row 0, field "c": received "zzz"/);
  });

  it("scores a batch exactly as row by row, across more levels than the scoring cache holds", () => {
    // 20 levels (the per-feature cache of recent values holds 16), numbers given as strings and
    // booleans, levels given as numbers: a batch must score every row as a one-row call does.
    const random = (i: number) => ((i * 7919) % 101) / 101;
    const levels = Array.from({ length: 20 }, (_, k) => `L${String(k).padStart(2, "0")}`);
    const many = Array.from({ length: 400 }, (_, i) =>
      Object.freeze({
        x: i % 5 === 0 ? String(random(i) * 10) : random(i) * 10,
        flag: i % 3 === 0,
        level: i % 7 === 0 ? i % 20 : (levels[(i * 3) % 20] as string),
        y: random(i + 1) < 0.3 + 0.02 * ((i * 3) % 20) ? 1 : 0,
      }),
    );
    const model = trainChurnModel(many, {
      label: "y",
      fields: { numeric: ["x", "flag"], categorical: ["level"] },
    });
    const batch = model.score(many);
    many.forEach((row, i) => {
      expect(batch[i]).toBe(model.score([row])[0]);
    });
    const strict = trainChurnModel(many, {
      label: "y",
      fields: { numeric: ["x", "flag"], categorical: ["level"] },
      unseenCategory: "error",
    });
    expect(() =>
      strict.score([...many.slice(0, 30), { ...(many[1] as (typeof many)[number]), level: "new" }]),
    ).toThrow(/row 30, field "level": received "new"/);
  });

  it("trains and scores the same without run-time code generation (strict Content-Security-Policy)", () => {
    const options = { label: "churned" as const, fields, missing: "impute" as const };
    const withGap = [...train.slice(0, 50), { ...(train[50] as ChurnFixtureRow), tenureMonths: Number.NaN }];
    const compiled = trainChurnModel(withGap, options);
    rowReaderSettings.compile = false;
    try {
      const loop = trainChurnModel(withGap, options);
      expect(loop.coefficients).toEqual(compiled.coefficients);
      expect(loop.score(test)).toEqual(compiled.score(test));
      expect(() => loop.score([{ ...(test[0] as ChurnFixtureRow), complaints: "many" as never }])).toThrow(
        /row 0, field "complaints": received "many"/,
      );
    } finally {
      rowReaderSettings.compile = true;
    }
    expect(() => compiled.score([{ ...(test[0] as ChurnFixtureRow), complaints: "many" as never }])).toThrow(
      /row 0, field "complaints": received "many"/,
    );
  });

  it("falls back to the loop readers when building a function from source text throws (CSP without 'unsafe-eval')", () => {
    const options = { label: "churned" as const, fields };
    const compiled = trainChurnModel(train.slice(0, 200), options);
    const original = globalThis.Function;
    let attempts = 0;
    const refuse = () => {
      attempts++;
      throw new EvalError("code generation from strings disallowed for this context");
    };
    forgetCompiledReaders(); // compiled readers are cached: the next one must be compiled (and refused)
    globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
    try {
      const model = trainChurnModel(train.slice(0, 200), options);
      expect(model.coefficients).toEqual(compiled.coefficients);
      expect(model.score(test)).toEqual(compiled.score(test));
    } finally {
      globalThis.Function = original;
    }
    expect(attempts).toBeGreaterThan(0);
  });

  it("trains on features around 1e200 (their variance used to overflow and call them constant)", () => {
    // Logistic regression on standardised features is invariant to rescaling a feature: the fit on
    // x * 1e200 (and on (x - 9) * 1e307, whose values span about ±1e308) must equal the fit on x.
    const base = Array.from({ length: 50 }, (_, i) =>
      Object.freeze({ y: (i * 7) % 5 < 2 ? 1 : 0, x: ((i * 13) % 17) + ((i * 7) % 5 < 2 ? 3 : 0) }),
    );
    const options = { label: "y", fields: { numeric: ["x"] } } as const;
    const reference = trainChurnModel(base, options);
    for (const [factor, shift] of [
      [1e200, 0],
      [1e307, 9],
    ] as const) {
      const scaled = base.map((row) => Object.freeze({ y: row.y, x: (row.x - shift) * factor }));
      const model = trainChurnModel(scaled, options);
      const [intercept, slope] = model.coefficients;
      expect(intercept?.standardizedEstimate).toBeCloseTo(
        reference.coefficients[0]?.standardizedEstimate as number,
        10,
      );
      expect(slope?.standardizedEstimate).toBeCloseTo(
        reference.coefficients[1]?.standardizedEstimate as number,
        10,
      );
      expect((slope?.estimate as number) * factor).toBeCloseTo(
        reference.coefficients[1]?.estimate as number,
        10,
      );
      expect((model.numericEncodings[0]?.standardDeviation as number) / factor).toBeCloseTo(
        reference.numericEncodings[0]?.standardDeviation as number,
        10,
      );
      const scores = model.score(scaled);
      reference.score(base).forEach((score, i) => {
        expect(scores[i]).toBeCloseTo(score, 10);
      });
      expect(model.explain(scaled[3] as never).probability).toBeCloseTo(scores[3] as number, 12);
    }
  });

  it("calls a feature constant only when it is, and says so when it is constant up to rounding", () => {
    const huge = small.map((row) => ({ ...row, k: 1e250 }));
    expect(() => trainChurnModel(huge, { label: "y", fields: { numeric: ["x", "k"] } })).toThrow(
      /feature "k" is constant in the training data \(every value is 1e\+250\)/,
    );
    const jitter = small.map((row, i) => ({ ...row, k: 1 + i * 1e-15 }));
    expect(() => trainChurnModel(jitter, { label: "y", fields: { numeric: ["x", "k"] } })).toThrow(
      /feature "k" is constant up to rounding .*values from 1 to 1.000000000000005/,
    );
  });

  it("an element that is not a record is an InvalidRecordError naming its row, in training and scoring", () => {
    const options = { label: "y", fields: { numeric: ["x"], categorical: ["c"] } } as const;
    for (const bad of [null, undefined, 7, "row"]) {
      const rows = [...small.slice(0, 3), bad, ...small.slice(3)] as typeof small;
      let caught: unknown;
      try {
        trainChurnModel(rows, options);
      } catch (error) {
        caught = error;
      }
      expect(caught, String(bad)).toBeInstanceOf(InvalidRecordError);
      expect((caught as InvalidRecordError).row).toBe(3);
    }
    const model = trainChurnModel(small, options);
    for (const compile of [true, false]) {
      rowReaderSettings.compile = compile;
      try {
        const scoring = trainChurnModel(small, options);
        expect(() => scoring.score([small[0], null] as never)).toThrow(
          /ChurnModel.score: row 1, field "\(record\)": received null/,
        );
        expect(() => scoring.score([5] as never)).toThrow(InvalidRecordError);
      } finally {
        rowReaderSettings.compile = true;
      }
    }
    for (const bad of [null, undefined, 3, "x"]) {
      expect(() => model.explain(bad as never)).toThrow(InvalidRecordError);
    }
    expect(() => model.explain(null as never)).toThrow(
      /ChurnModel.explain: row 0, field "\(record\)": received null/,
    );
    expect(() => model.explain(small[0] as never, 5 as never)).toThrow(InvalidOptionsError);
  });

  it("reads numeric strings in decimal notation only (hex, binary and blank strings used to become numbers)", () => {
    const options = { label: "y", fields: { numeric: ["x"] } } as const;
    const decimal = small.map((row) => ({ ...row, x: ` ${row.x}.0 ` as unknown as number }));
    expect(trainChurnModel(decimal, options).coefficients).toEqual(
      trainChurnModel(small, options).coefficients,
    );
    for (const text of ["0x10", "0b11", "0o7", "Infinity", "   "]) {
      const rows = small.map((row, i) => (i === 2 ? { ...row, x: text as unknown as number } : row));
      expect(() => trainChurnModel(rows, options), text).toThrow(
        /row 2, field "x": .*decimal numeric string/,
      );
    }
    const model = trainChurnModel(small, options);
    expect(() => model.score([{ x: "0x10" as unknown as number, y: 0, c: "a" }])).toThrow(InvalidRecordError);
  });

  it("flags a fit stopped by maxIterations instead of throwing", () => {
    const model = trainChurnModel(train, { label: "churned", fields, maxIterations: 1 });
    expect(model.convergence.converged).toBe(false);
    expect(model.convergence.message).toMatch(/did not converge in 1 iterations/);
  });
});

describeWithDataset("cdnow_sample.csv", "trainChurnModel on the CDNOW sample (real data)", () => {
  it("matches statsmodels and scikit-learn fits of holdout-period churn", () => {
    const cdnow = reference.cdnow;
    expect(cdnow).not.toBeNull();
    if (cdnow === null) return;
    const lines = readSharedDataset("cdnow_sample.csv").trim().split(/\r?\n/).slice(1);
    const end = Date.UTC(1997, 8, 30);
    const day = 86_400_000;
    interface Customer {
      days: Set<number>;
      first: number;
      last: number;
      spend: number;
      holdout: boolean;
    }
    const customers = new Map<number, Customer>();
    for (const line of lines) {
      const [id, date, , amount] = line.split(",");
      const time = Date.parse(`${date}T00:00:00Z`);
      const key = Number(id);
      let customer = customers.get(key);
      if (customer === undefined) {
        customer = { days: new Set(), first: Infinity, last: -Infinity, spend: 0, holdout: false };
        customers.set(key, customer);
      }
      if (time > end) customer.holdout = true;
      else {
        customer.days.add(time);
        customer.first = Math.min(customer.first, time);
        customer.last = Math.max(customer.last, time);
        customer.spend += Number(amount);
      }
    }
    const table = [...customers.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, c]) => ({
        frequency: c.days.size - 1,
        daysSinceLastPurchase: (end - c.last) / day,
        tenureDays: (end - c.first) / day,
        calibrationSpend: c.spend,
        churned: c.holdout ? 0 : 1,
      }));
    expect(table).toHaveLength(cdnow.customers);
    expect(table.filter((row) => row.churned === 1)).toHaveLength(cdnow.churners);
    const numeric = cdnow.numeric as (
      | "frequency"
      | "daysSinceLastPurchase"
      | "tenureDays"
      | "calibrationSpend"
    )[];
    const mle = trainChurnModel(table, {
      label: "churned",
      fields: { numeric },
      regularization: { l2: 0 },
    });
    expectClose(
      mle.coefficients.map((c) => c.standardizedEstimate),
      cdnow.statsmodels.coefficients,
      COEFFICIENT_TOLERANCE,
    );
    expectClose(
      mle.coefficients.map((c) => c.standardizedStandardError ?? Number.NaN),
      cdnow.statsmodels.standardErrors,
      1e-6,
    );
    const scores = mle.score(table);
    expectClose(Array.from(scores.slice(0, 5)), cdnow.statsmodels.probabilitiesFirst5, 1e-8);
    const labels = table.map((row) => row.churned);
    expect(evaluateScores(scores, labels).auc).toBeCloseTo(cdnow.statsmodels.auc, 12);
    const ridge = trainChurnModel(table, {
      label: "churned",
      fields: { numeric },
      regularization: { l2: 1 },
    });
    expectClose(
      ridge.coefficients.map((c) => c.standardizedEstimate),
      cdnow.sklearnL2_1.coefficients,
      COEFFICIENT_TOLERANCE,
    );
    expect(evaluateScores(ridge.score(table), labels).auc).toBeCloseTo(cdnow.sklearnL2_1.auc, 12);
  });
});

describe("trainChurnModel inference and coding (issue 21)", () => {
  it("reports standard errors, z and p-values on the printed scale as statsmodels' summary()", () => {
    // fixture.originalScale: statsmodels Logit on the raw numeric columns and the same dummies.
    const model = trainChurnModel(train, { label: "churned", fields, regularization: { l2: 0 } });
    const ref = fixture.originalScale;
    expectClose(
      model.coefficients.map((c) => c.estimate),
      ref.estimates,
      1e-7,
    );
    model.coefficients.forEach((c, j) => {
      const expected = ref.standardErrors[j] as number;
      expect(Math.abs((c.standardError as number) / expected - 1), c.term).toBeLessThan(1e-6);
      expect(Math.abs((c.z as number) - (ref.z[j] as number)), c.term).toBeLessThan(1e-6);
      const p = ref.pValues[j] as number;
      expect(Math.abs((c.pValue as number) / p - 1), c.term).toBeLessThan(1e-5);
    });
  });

  it("reports null standard errors, z and p-values for penalised or weighted fits", () => {
    for (const options of [
      { regularization: { l2: 1 } },
      { regularization: { l2: 0 }, classWeight: "balanced" as const },
    ]) {
      const model = trainChurnModel(train, { label: "churned", fields, ...options });
      for (const c of model.coefficients) {
        expect(c.standardError).toBeNull();
        expect(c.z).toBeNull();
        expect(c.pValue).toBeNull();
      }
    }
  });

  it('encoding: "oneHot" matches scikit-learn on a full one-hot coding (l2 = 1)', () => {
    const ref = fixture.sklearnOneHotL2_1;
    const model = trainChurnModel(train, { label: "churned", fields, encoding: "oneHot" });
    expect(model.coefficients.map((c) => c.term)).toEqual(ref.terms);
    expect(model.categoricalEncodings.map((e) => e.reference)).toEqual([null, null]);
    expectClose(
      model.coefficients.map((c) => c.standardizedEstimate),
      ref.coefficients,
      COEFFICIENT_TOLERANCE,
    );
    expectClose(Array.from(model.score(test)), ref.testProbabilities, 1e-8);
    // A different model from reference coding under the same penalty.
    const referenceCoded = trainChurnModel(train, { label: "churned", fields });
    expect(
      Math.abs((model.score(test)[0] as number) - (referenceCoded.score(test)[0] as number)),
    ).toBeGreaterThan(1e-4);
    // An unseen level scores with every indicator of that feature at 0.
    const unseen = { ...(test[0] as ChurnFixtureRow), region: "mars" };
    const explanation = model.explain(unseen);
    expect(explanation.reasons.concat(explanation.contributions.map((c) => c.reason)).join(" ")).toContain(
      "every level indicator 0",
    );
  });

  it('refuses encoding: "oneHot" without a penalty', () => {
    expect(() =>
      trainChurnModel(train, { label: "churned", fields, encoding: "oneHot", regularization: { l2: 0 } }),
    ).toThrow(InvalidOptionsError);
  });
});

describe("trainChurnModel above the warm-start size", () => {
  // fixtures/churn/make-subsample-reference.R (R 4.2.2 glm, and a penalised Newton fit with base R's
  // solve): 48 000 rows built by exact integer arithmetic, so the warm start fits every 4th row first,
  // and those rows follow a different model (x1 and x2 effects reversed). Only a finish on all rows to
  // the full convergence test gives R's fits.
  const reference = readSubsampleReference();
  const data = subsampleRows(reference.rows);
  const options = { label: "churned", fields: { numeric: ["x1", "x2"], categorical: ["segment"] } } as const;

  it("rebuilds R's data exactly", () => {
    expect(data.reduce((total, row) => total + row.churned, 0)).toBe(reference.churners);
    expect(data.reduce((total, row, i) => total + (i % 4 === 0 ? row.churned : 0), 0)).toBe(
      reference.subsampleChurners,
    );
  });

  it("matches R's glm (l2 = 0) and a penalised Newton fit (l2 = 1) although the subsample's optimum differs", () => {
    const unpenalised = trainChurnModel(data, { ...options, regularization: { l2: 0 } });
    expect(unpenalised.convergence.converged).toBe(true);
    unpenalised.coefficients.forEach((coefficient, j) => {
      const estimate = reference.glm.estimate[j] as number;
      expect(Math.abs(coefficient.estimate - estimate), coefficient.term).toBeLessThan(1e-9);
      expect(
        Math.abs((coefficient.standardError as number) - (reference.glm.standardError[j] as number)),
        coefficient.term,
      ).toBeLessThan(1e-9);
    });
    // The subsample alone points the other way: x1's effect there is negative.
    const subsample = trainChurnModel(
      data.filter((_, i) => i % 4 === 0),
      { ...options, regularization: { l2: 0 } },
    );
    expect(subsample.coefficients[1]?.estimate).toBeLessThan(-0.5);
    const penalised = trainChurnModel(data, { ...options, regularization: { l2: 1 } });
    expect(penalised.convergence.converged).toBe(true);
    penalised.coefficients.forEach((coefficient, j) => {
      const estimate = reference.penalisedL2_1.standardizedEstimate[j] as number;
      expect(Math.abs(coefficient.standardizedEstimate - estimate), coefficient.term).toBeLessThan(1e-9);
    });
  });
});
