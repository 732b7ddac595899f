import {
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  type RecordInput,
  resolveField,
} from "../core/index.js";
import {
  custom,
  field,
  nested,
  numeric,
  type OptionRule,
  oneOf,
  required,
  seed,
} from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import { type ChurnTerm, coefficientTable } from "./internal/churnCoefficients.js";
import { sourceOrArray } from "./internal/churnColumns.js";
import { codeCategories } from "./internal/churnEncoding.js";
import { churnModelJsonFeature } from "./internal/churnJson.js";
import { createChurnModel, freezeJson } from "./internal/churnScorer.js";
import {
  learnCategorical,
  learnNumeric,
  readTrainingColumns,
  readTrainingValues,
  standardizeInPlace,
} from "./internal/design.js";
import { type FeatureSpec, type ResolvedFeature, resolveFeature } from "./internal/featureSpec.js";
import { checkFieldsOptions, featureListRule } from "./internal/fieldsOptions.js";
import { fitLogistic, SEPARATION_LIMIT } from "./internal/logistic.js";
import { positive } from "./internal/optionRules.js";
import type {
  ChurnModel,
  ChurnModelConvergence,
  ChurnModelJson,
  TrainChurnModelOptions,
} from "./trainChurnModelTypes.js";

export type * from "./trainChurnModelTypes.js";

const FUNCTION_NAME = "trainChurnModel";

// The options are checked by option rules (core/internal/optionRules.ts: parseOptions' words without
// zod, which would be about a quarter of this function's bundle).

/** The explicit class weights, an object of two positive weights. */
const classWeightObject = /* @__PURE__ */ nested({
  churned: /* @__PURE__ */ required(positive),
  retained: /* @__PURE__ */ required(positive),
});

type ClassWeight = "balanced" | { readonly churned: number; readonly retained: number };

const isWeights = (value: unknown): value is { churned: unknown; retained: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `"balanced"` or `{ churned, retained }`: as the union of the two, a value that is neither (or an object
 * with a weight missing or not a finite number) gets one message, an object with weights out of range or
 * an unknown key gets the object's own issues.
 */
const classWeightRule: OptionRule<ClassWeight, true> = {
  accepts: 'one of "balanced" or an object',
  optional: true,
  check: (value, report) => {
    if (value === "balanced") return value;
    if (!isWeights(value) || !Number.isFinite(value.churned) || !Number.isFinite(value.retained)) {
      report('expected one of "balanced" or an object', value);
      return value as ClassWeight;
    }
    return classWeightObject.check(value, report);
  },
};

const optionsShape = {
  label: /* @__PURE__ */ required(/* @__PURE__ */ field<Field<unknown>>()),
  fields: /* @__PURE__ */ required(
    /* @__PURE__ */ nested({ numeric: featureListRule, categorical: featureListRule }),
  ),
  encoding: /* @__PURE__ */ oneOf(["reference", "oneHot"]),
  regularization: /* @__PURE__ */ nested({
    l2: /* @__PURE__ */ numeric({ gte: 0, messages: { gte: "l2 must be >= 0" } }),
  }),
  classWeight: classWeightRule,
  missing: /* @__PURE__ */ oneOf(["error", "impute"]),
  unseenCategory: /* @__PURE__ */ oneOf(["reference", "error"]),
  // a whole number beyond 2^53 gets the words of any other value that is not a count of iterations
  maxIterations: /* @__PURE__ */ custom<number>("a whole number >= 1", (value) =>
    !Number.isSafeInteger(value)
      ? expected("a whole number >= 1", value)
      : (value as number) < 1
        ? "Too small: expected number to be >=1"
        : undefined,
  ),
  tolerance: positive,
  seed: /* @__PURE__ */ seed(),
};

/**
 * Trains a churn model: logistic regression on standardised numeric features and treatment-coded (or
 * one-hot coded) categorical features, with an L2 penalty and optional class weights, fitted by Newton's method
 * (IRLS) with a Cholesky solve and step halving to convergence.
 *
 * Encoding, learned from the training rows only: numeric features are centred on their mean and divided
 * by their population standard deviation (as scikit-learn's StandardScaler); each categorical feature's
 * levels are sorted and the first is the reference (as R's glm), every other level gets a 0/1 dummy; with
 * `encoding: "oneHot"` every level gets one (as scikit-learn's OneHotEncoder; needs l2 > 0). A level
 * unseen in training scores with all its dummies zero unless `unseenCategory: "error"`.
 *
 * Inference: for unpenalised, unweighted fits each coefficient carries its Wald standard error (on the
 * printed, original scale and on the standardised one), z and two-sided p-value, from the inverse
 * Hessian at the optimum, as statsmodels' Logit and R's summary.glm; penalised or weighted fits report
 * `null` there (the inverse of a penalised Hessian is not the sampling covariance of a shrunken estimate).
 * The model saves as JSON (`toJSON`, `restoreChurnModel`) and recalibrates on a holdout
 * (`calibrateChurnModel`).
 *
 * Objective: Σᵢ wᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] + (λ/2) Σ_{j≥1} βⱼ² on the standardised coefficients, the
 * intercept unpenalised — scikit-learn's LogisticRegression with C = 1/λ; λ = 0 is the maximum-likelihood
 * fit of R glm / statsmodels Logit. Complexity O(iterations · n · d²) plus O(d³) per solve; typically
 * 3-6 iterations. From 4 000 rows Newton starts from a fit on every 4th row (at most ~10 000 rows; λ
 * scaled by the sampling share; that fit starts in turn from one on every 4th of its rows when it has
 * 1 600 or more), which usually leaves one full Newton iteration. Records are read once, record by record, by a reader compiled
 * for the field names (a plain loop where run-time code generation is not allowed, as under a strict
 * Content-Security-Policy: same results). Columns (`{ tenure: Float64Array, plan: string[], ... }`) or an
 * Apache Arrow table train the same model bit for bit and are read column by column, a key field's
 * column as it is (a Float64Array copied in one go), an accessor field on a transient row object: no
 * object per row, which is what dictionary-mode records (as many CSV parsers build them) cost most.
 * Numeric columns are kept column-major in one Float64Array and standardised in place;
 * dummies are never materialised (each row's level code is, and their gradient and Hessian blocks are
 * per-level sums), so the Hessian costs O(n · numeric²) whatever the number of levels. Scoring reads
 * each record once with a compiled linear predictor and looks categorical effects up in a small cache
 * of recently seen values.
 *
 * Huge values: a feature's mean and standard deviation are computed on values scaled by a power of two
 * (exact), so a feature around 1e200 trains exactly like the same feature in ordinary units (the fit is
 * on standardised columns); "constant" means a spread below 1e-12 of max(1, |mean|).
 *
 * Bad input policy: labels must be 0/1 or booleans; a single class, a constant feature, or more
 * design columns than rows without a penalty are {@link InsufficientDataError}s. With λ = 0, perfectly or
 * quasi-perfectly separated classes make the likelihood maximum infinite: once a standardised
 * coefficient passes 30 the fit stops with an InsufficientDataError naming the term (use λ > 0,
 * which always converges). A fit that does not converge within `maxIterations` is returned with
 * `convergence.converged = false` and a message.
 *
 * Reference: Hastie, Tibshirani & Friedman, *The Elements of Statistical Learning* (2nd ed.), §4.4.1
 * (IRLS); McCullagh & Nelder, *Generalized Linear Models* (1989). Checked against statsmodels Logit and
 * scikit-learn 1.2 LogisticRegression (fixtures/churn/make-reference.py).
 * Design: the solver in internal/logistic.ts, coding in internal/churnEncoding.ts, the coefficient table
 * in internal/churnCoefficients.ts, scoring and explaining in internal/churnScorer.ts.
 *
 * @param records - training rows, one per customer (not mutated): an array of records, columns
 *   (`ColumnarRecords`: one array or typed array per field, all of one length) or an Apache Arrow table
 * @param options - see {@link TrainChurnModelOptions}
 * @returns a {@link ChurnModel} with `score`, `explain`, coefficients with odds ratios, and the convergence report
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key at any level included, e.g.
 *   `regularisation`: named with the closest valid name; `features`, the former name of `fields`, pointed to it), no fields or duplicate field names
 * @throws {@link InvalidOptionsError} for `records` that are none of the three, columns of different
 *   lengths, or no column of a field's name
 * @throws {@link InvalidRecordError} for an element that is not a record, or a bad label or feature value
 *   (row, field and value named; numeric strings must be decimal: `"12.5"`, not `"0x10"`)
 * @throws {@link InsufficientDataError} for empty input, one class, a constant feature, d > n with λ = 0,
 *   collinear features with λ = 0, or separation with λ = 0
 * @throws {@link InvalidOptionsError} also for `encoding: "oneHot"` with l2 = 0 (not identifiable)
 * @example
 * ```ts
 * const customers = Array.from({ length: 400 }, (_, i) => ({
 *   daysSinceLastOrder: (i * 37) % 101,
 *   plan: i % 3 === 0 ? "basic" : "plus",
 *   churned: (i * 37) % 101 > 40 + (i % 7) * 8 ? 1 : 0,
 * }));
 * const model = trainChurnModel(customers, {
 *   label: "churned",
 *   fields: { numeric: ["daysSinceLastOrder"], categorical: ["plan"] },
 *   regularization: { l2: 1 },
 * });
 * model.convergence.converged; // => true
 * model.score([{ daysSinceLastOrder: 90, plan: "basic" }]); // => Float64Array [0.928]
 * model.explain({ daysSinceLastOrder: 90, plan: "basic" }).reasons[0];
 * // => "daysSinceLastOrder = 90 (training average 49.9) raises the churn odds x56.6"
 *
 * // the same customers as columns: the same model, bit for bit
 * const columns = {
 *   daysSinceLastOrder: Float64Array.from(customers, (c) => c.daysSinceLastOrder),
 *   plan: customers.map((c) => c.plan),
 *   churned: customers.map((c) => c.churned),
 * };
 * const fromColumns = trainChurnModel(columns, {
 *   label: "churned",
 *   fields: { numeric: ["daysSinceLastOrder"], categorical: ["plan"] },
 *   regularization: { l2: 1 },
 * });
 * fromColumns.coefficients[1].estimate === model.coefficients[1].estimate; // => true
 * fromColumns.score({ daysSinceLastOrder: new Float64Array([90]), plan: ["basic"] }); // => Float64Array [0.928]
 * ```
 */
export function trainChurnModel<T>(
  records: RecordInput<T>,
  options: TrainChurnModelOptions<T>,
): ChurnModel<T> {
  const given = checkFieldsOptions(FUNCTION_NAME, optionsShape, options);
  // the documented defaults, filled in once here (zod's default wrapper would cost ~1 kB of bundle)
  const parsed = {
    ...given,
    encoding: given.encoding ?? "reference",
    missing: given.missing ?? "error",
    unseenCategory: given.unseenCategory ?? "reference",
    maxIterations: given.maxIterations ?? 100,
    tolerance: given.tolerance ?? 1e-8,
    seed: given.seed ?? 1,
  };
  const source = sourceOrArray(records, FUNCTION_NAME);
  const numericFeatures = ((parsed.fields.numeric ?? []) as unknown as readonly FeatureSpec<T>[]).map(
    resolveFeature,
  );
  const categoricalFeatures = ((parsed.fields.categorical ?? []) as unknown as readonly FeatureSpec<T>[]).map(
    resolveFeature,
  );
  checkFeatureNames(numericFeatures, categoricalFeatures);
  const l2 = parsed.regularization?.l2 ?? 1;
  if (parsed.encoding === "oneHot" && l2 === 0 && categoricalFeatures.length > 0) {
    throw new InvalidOptionsError(FUNCTION_NAME, [
      {
        path: "encoding",
        message:
          'one-hot coding without a penalty is not identifiable (the level columns of a feature sum to the intercept column); use encoding: "reference" with l2 = 0, or l2 > 0',
        received: "oneHot",
      },
    ]);
  }
  const missing = parsed.missing;
  const n = source === undefined ? (records as readonly T[]).length : source.length;
  if (n === 0)
    throw new InsufficientDataError(
      FUNCTION_NAME,
      "no training records; pass at least a few customers of each class",
    );

  // One pass over the records (labels and features together), then learn the encodings.
  const p = numericFeatures.length;
  const labelField = resolveField(parsed.label as Field<T>, "label");
  const label = {
    read: labelField.read,
    name: labelField.label,
    key: typeof parsed.label === "string" ? parsed.label : undefined,
  };
  const values =
    source === undefined
      ? readTrainingValues(
          records as readonly T[],
          numericFeatures,
          categoricalFeatures,
          missing,
          FUNCTION_NAME,
          label,
        )
      : readTrainingColumns(source, numericFeatures, categoricalFeatures, missing, FUNCTION_NAME, label);
  const y = values.labels;
  const churners = countOnes(y);
  if (churners === 0 || churners === n) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `every training label is ${churners === 0 ? "0 (retained)" : "1 (churned)"}; a churn model needs both classes`,
    );
  }

  const numericEncodings = numericFeatures.map((feature, j) =>
    learnNumeric(feature.name, values.numeric.subarray(j * n, (j + 1) * n), FUNCTION_NAME),
  );
  const oneHot = parsed.encoding === "oneHot";
  const categoricalEncodings = categoricalFeatures.map((feature, j) =>
    learnCategorical(feature.name, values.levels[j] as string[], FUNCTION_NAME, oneHot),
  );

  const terms: ChurnTerm[] = [{ term: "(intercept)", kind: "intercept", feature: null, level: null }];
  for (const encoding of numericEncodings)
    terms.push({ term: encoding.name, kind: "numeric", feature: encoding.name, level: null });
  for (const encoding of categoricalEncodings) {
    for (const level of encoding.levels) {
      if (level === encoding.reference) continue;
      terms.push({ term: `${encoding.name}=${level}`, kind: "categorical", feature: encoding.name, level });
    }
  }
  const d = terms.length;
  if (l2 === 0 && d > n) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `${d} model columns (intercept, ${numericEncodings.length} numeric, ${d - 1 - numericEncodings.length} dummies) but only ${n} training rows; without a penalty the model is not identifiable. Pass regularization: { l2: 1 } (any l2 > 0) or use fewer features`,
    );
  }

  // Design: standardised numeric columns, column-major (the intercept is implicit), standardised in
  // place (the raw buffer is ours and no longer needed: one 8·n·p allocation less), and per
  // categorical feature each row's position among the sorted levels (see churnEncoding.ts).
  const dense = values.numeric;
  let imputedValues = 0;
  numericEncodings.forEach((encoding, j) => {
    imputedValues += encoding.imputed;
    standardizeInPlace(dense.subarray(j * n, (j + 1) * n), encoding.mean, encoding.standardDeviation);
  });
  const categories = codeCategories(values.codes, values.levels, categoricalEncodings, n, oneHot);
  imputedValues += categories.imputed;

  // Class weights.
  let classWeights = { churned: 1, retained: 1 };
  if (parsed.classWeight === "balanced") {
    classWeights = { churned: n / (2 * churners), retained: n / (2 * (n - churners)) };
  } else if (parsed.classWeight !== undefined) {
    classWeights = { churned: parsed.classWeight.churned, retained: parsed.classWeight.retained };
  }
  const unweighted = classWeights.churned === 1 && classWeights.retained === 1;
  const weights = rowWeights(y, classWeights.churned, classWeights.retained);

  const fit = fitLogistic(
    {
      dense,
      denseColumns: p,
      codes: categories.codes,
      levels: categories.positions,
      y,
      weights,
      rows: n,
      l2,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
    },
    l2 === 0 && unweighted,
  );
  if (fit.stop === "separation") {
    const term = terms[fit.column]?.term ?? "?";
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `the classes are (quasi-)perfectly separated by "${term}": without a penalty its coefficient grows without bound (|standardised coefficient| > ${SEPARATION_LIMIT} after ${fit.iterations} Newton iterations), so no finite maximum-likelihood fit exists. Pass regularization: { l2: 1 } (any l2 > 0 converges) or remove the feature`,
    );
  }
  if (fit.stop === "singular") {
    const term = terms[fit.column]?.term ?? "?";
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `the model is not identifiable: column "${term}" is a linear combination of earlier columns (collinear features, or a level that always co-occurs with another). Remove the redundant feature or pass regularization: { l2: 1 }`,
    );
  }
  const converged = fit.stop === "converged";
  const convergence: ChurnModelConvergence = {
    method: "newton-cholesky",
    converged,
    iterations: fit.iterations,
    gradientNorm: fit.gradientNorm,
    objective: fit.objective,
    stepHalvings: fit.stepHalvings,
    chordSteps: fit.chordSteps,
    message: converged
      ? `converged in ${fit.iterations === 0 ? `${fit.chordSteps} chord steps with a subsample's Hessian` : `${fit.iterations} Newton iterations${fit.chordSteps > 0 ? ` and ${fit.chordSteps} chord steps` : ""}`} (max |gradient| ${fit.gradientNorm.toExponential(2)})`
      : fit.stop === "max-iterations"
        ? `did not converge in ${parsed.maxIterations} iterations (max |gradient| ${fit.gradientNorm.toExponential(2)}); raise maxIterations or l2`
        : `stopped after ${fit.iterations} iterations: no step lowered the objective (max |gradient| ${fit.gradientNorm.toExponential(2)}); the returned coefficients are the best found`,
  };

  const labelKey = typeof parsed.label === "string" ? parsed.label : null;
  const json: ChurnModelJson = freezeJson({
    format: "clientele.churnModel",
    version: 1,
    label: labelKey,
    features: {
      numeric: numericFeatures.map(churnModelJsonFeature),
      categorical: categoricalFeatures.map(churnModelJsonFeature),
    },
    coefficients: coefficientTable(terms, fit.beta, numericEncodings, fit.inverseHessian),
    numericEncodings,
    categoricalEncodings,
    levelShares: categories.shares,
    convergence,
    training: { rows: n, churners, classWeights, columns: d, imputedValues },
    options: {
      numeric: numericEncodings.map((encoding) => encoding.name),
      categorical: categoricalEncodings.map((encoding) => encoding.name),
      encoding: parsed.encoding,
      l2,
      classWeight: parsed.classWeight ?? null,
      missing,
      unseenCategory: parsed.unseenCategory,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
      seed: parsed.seed,
    },
    calibration: null,
  });
  return createChurnModel(json, numericFeatures, categoricalFeatures, parsed.label as Field<T>);
}

// The per-row loops of training are small functions of their own: inside trainChurnModel (called
// once per fit) they were optimised mid-loop and deoptimised again at code after the loop not yet run,
// several times per call, and much of the call then ran in the interpreter.

/** Number of 1 labels. */
function countOnes(y: Uint8Array): number {
  let ones = 0;
  for (let i = 0; i < y.length; i++) ones += y[i] as number;
  return ones;
}

/** Each row's class weight. */
function rowWeights(y: Uint8Array, churned: number, retained: number): Float64Array {
  const weights = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) weights[i] = y[i] === 1 ? churned : retained;
  return weights;
}

function checkFeatureNames<T>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
): void {
  const names = [...numeric, ...categorical].map((feature) => feature.name);
  if (names.length === 0) {
    throw new InvalidOptionsError(FUNCTION_NAME, [
      {
        path: "fields",
        message: "no fields: give at least one in fields.numeric or fields.categorical",
      },
    ]);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new InvalidOptionsError(FUNCTION_NAME, [
        {
          path: "fields",
          message: `field "${name}" is listed twice; each field may appear once`,
          received: name,
        },
      ]);
    }
    seen.add(name);
  }
}
