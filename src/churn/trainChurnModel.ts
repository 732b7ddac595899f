import { z } from "zod";
import {
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  withDisplay,
} from "../core/index.js";
import { fieldSchema, parseOptions, seedSchema } from "../core/options.js";
import {
  type CategoricalEncoding,
  categoryValue,
  learnCategorical,
  learnNumeric,
  type NumericEncoding,
  numericValue,
  RecentValues,
  readCategoricalFeature,
  readNumericFeature,
  readTrainingValues,
  standardizeInPlace,
} from "./internal/design.js";
import {
  type FeatureSpec,
  MISSING_LEVEL,
  type MissingPolicy,
  type ResolvedFeature,
  resolveFeature,
} from "./internal/featureSpec.js";
import { readLabels } from "./internal/labels.js";
import { fitLogistic, SEPARATION_LIMIT } from "./internal/logistic.js";
import { isRecord, notARecordError } from "./internal/records.js";
import { createLinearRowReader } from "./internal/rowReader.js";

const FUNCTION_NAME = "trainChurnModel";

/**
 * A model feature: a property name of the record, or a named accessor
 * `{ name, value: (record, index) => value }` (the name labels coefficients and reasons).
 */
export type ChurnModelFeature<T> = FeatureSpec<T>;

/** Options of {@link trainChurnModel}. */
export interface TrainChurnModelOptions<T> {
  /** The churn label: 1 / true = churned, 0 / false = retained (anything else is an error). */
  readonly label: Field<T>;
  /** Model inputs. At least one feature overall. */
  readonly features: {
    /** Numeric features, standardised with the training mean and population standard deviation. @defaultValue [] */
    readonly numeric?: readonly ChurnModelFeature<T>[];
    /** Categorical features, treatment-coded against their alphabetically first level. @defaultValue [] */
    readonly categorical?: readonly ChurnModelFeature<T>[];
  };
  /**
   * Ridge (L2) penalty λ ≥ 0 on the standardised coefficients, intercept excluded: the fit minimises
   * Σᵢ wᵢ·logloss(i) + (λ/2)·Σⱼ βⱼ². This is scikit-learn's `LogisticRegression(penalty="l2", C = 1/λ)`;
   * λ = 0 is plain maximum likelihood (R `glm(family = binomial)`, statsmodels `Logit`).
   * @defaultValue `{ l2: 1 }` (scikit-learn's default C = 1)
   */
  readonly regularization?: { readonly l2?: number };
  /**
   * Row weights by class. `"balanced"` weighs each class by n / (2 · class count), as scikit-learn's
   * `class_weight="balanced"`; or give the weights explicitly.
   * @defaultValue undefined (every row weight 1)
   */
  readonly classWeight?: "balanced" | { readonly churned: number; readonly retained: number };
  /**
   * Missing feature values (null, undefined, "", NaN). `"error"` throws an InvalidRecordError naming
   * row and field; `"impute"` uses the training mean for numeric features (a zero contribution) and a
   * `"(missing)"` level for categorical ones, in training and in scoring. Labels may never be missing.
   * @defaultValue "error"
   */
  readonly missing?: MissingPolicy;
  /**
   * A categorical level at scoring time that training never saw. `"reference"` scores it as the
   * reference level (all dummies zero: no contribution beyond the baseline); `"error"` throws.
   * @defaultValue "reference"
   */
  readonly unseenCategory?: "reference" | "error";
  /** Newton iterations at most. @defaultValue 100 */
  readonly maxIterations?: number;
  /**
   * Converged when the next Newton step has every |δⱼ| ≤ tolerance · (1 + |βⱼ|); that last step is still
   * applied, so with Newton's quadratic convergence the coefficients end far closer than `tolerance`.
   * @defaultValue 1e-8
   */
  readonly tolerance?: number;
  /**
   * Accepted (it is part of the issue's signature and of every clientele model's options) and echoed in
   * `model.options.seed`, but unused: the fit draws no random numbers. Newton starts from fixed
   * coefficients, the warm-start subsample on large inputs is systematic (every s-th row, not a random
   * draw), and nothing is shuffled, so the same rows in the same order with the same options always give
   * the same model whatever the seed. Split the data reproducibly with `trainTestSplit({ seed })`.
   * @defaultValue 1
   */
  readonly seed?: number;
}

/** One coefficient of a {@link ChurnModel}. */
export interface ChurnModelCoefficient {
  /** `"(intercept)"`, the feature name, or `"feature=level"` for a dummy. */
  readonly term: string;
  readonly kind: "intercept" | "numeric" | "categorical";
  /** The feature the term belongs to (`null` for the intercept). */
  readonly feature: string | null;
  /** The level of a categorical dummy, else `null`. */
  readonly level: string | null;
  /** Coefficient on the fitted scale: per standard deviation (numeric), per dummy (categorical). */
  readonly standardizedEstimate: number;
  /**
   * Coefficient on the original scale: log-odds change per unit of a numeric feature, versus the
   * reference level for a dummy; for the intercept, the log-odds when every numeric feature is 0 and
   * every categorical feature is at its reference.
   */
  readonly estimate: number;
  /** `exp(estimate)`: the factor on the churn odds per unit (numeric) or versus the reference level. */
  readonly oddsRatio: number;
  /**
   * Standard error of `standardizedEstimate` from the inverse Hessian, only for unpenalised,
   * unweighted fits (`l2 = 0`, no class weights); otherwise `null`.
   */
  readonly standardizedStandardError: number | null;
}

/** How the Newton fit ended. */
export interface ChurnModelConvergence {
  /** Newton-Raphson (IRLS) with a Cholesky solve and step halving. */
  readonly method: "newton-cholesky";
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest absolute gradient component of the objective at the returned coefficients. */
  readonly gradientNorm: number;
  /** Objective value Σ wᵢ·logloss + (λ/2)‖β‖² at the returned coefficients. */
  readonly objective: number;
  readonly stepHalvings: number;
  /** Extra steps reusing the last Hessian factor near the optimum (a gradient pass each, no new Hessian). */
  readonly chordSteps: number;
  /** Plain-words outcome. */
  readonly message: string;
}

/** One feature's share of a customer's score in {@link ChurnModel.explain}. */
export interface ChurnContribution {
  readonly feature: string;
  /** The customer's value (the imputed mean is reported as `null` when missing). */
  readonly value: number | string | null;
  /** Log-odds contribution relative to the average training customer. */
  readonly contribution: number;
  /** `exp(contribution)`: factor on the churn odds versus the average customer. */
  readonly oddsMultiplier: number;
  readonly direction: "raises" | "lowers";
  /** A sentence for a retention team. */
  readonly reason: string;
}

/** Result of {@link ChurnModel.explain}. */
export interface ChurnExplanation {
  /** The customer's churn probability. */
  readonly probability: number;
  /** Probability of a customer at the training averages (every contribution zero). */
  readonly baselineProbability: number;
  /** Every feature's contribution, largest absolute first; they sum to logit(probability) − logit(baseline). */
  readonly contributions: readonly ChurnContribution[];
  /** Reasons of the `top` largest contributions that raise the risk (fewer if fewer raise it). */
  readonly reasons: readonly string[];
}

/** Options of {@link ChurnModel.explain}. */
export interface ChurnExplainOptions {
  /** Number of reasons. @defaultValue 3 */
  readonly top?: number;
}

/** Training facts of a {@link ChurnModel}. */
export interface ChurnModelTraining {
  readonly rows: number;
  readonly churners: number;
  /** Weight per row of each class. */
  readonly classWeights: { readonly churned: number; readonly retained: number };
  /** Design columns including the intercept. */
  readonly columns: number;
  /** Missing values imputed (policy "impute"). */
  readonly imputedValues: number;
}

/** Resolved options echoed by the model (features by name). */
export interface ChurnModelResolvedOptions {
  readonly numeric: readonly string[];
  readonly categorical: readonly string[];
  readonly l2: number;
  readonly classWeight: "balanced" | { readonly churned: number; readonly retained: number } | null;
  readonly missing: MissingPolicy;
  readonly unseenCategory: "reference" | "error";
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly seed: number;
}

/** A fitted churn model from {@link trainChurnModel}. */
export interface ChurnModel<T> {
  readonly coefficients: readonly ChurnModelCoefficient[];
  readonly numericEncodings: readonly NumericEncoding[];
  readonly categoricalEncodings: readonly CategoricalEncoding[];
  readonly convergence: ChurnModelConvergence;
  readonly training: ChurnModelTraining;
  readonly options: ChurnModelResolvedOptions;
  /** The label field, reused by `evaluateChurnModel`. */
  readonly label: Field<T>;
  /**
   * Churn probabilities of `records` (same order). Each record is read once by a reader compiled for
   * the feature names (a plain loop where run-time code generation is not allowed); categorical
   * effects come from a small cache of recently seen values. Unseen categories follow
   * `unseenCategory`; missing values follow `missing`. O(n · features).
   */
  score(records: readonly T[]): Float64Array;
  /**
   * The contributions behind one customer's score and the top reasons. A `record` that is not an
   * object is an InvalidRecordError; an unknown option an InvalidOptionsError.
   */
  explain(record: T, options?: ChurnExplainOptions): ChurnExplanation;
}

export type {
  CategoricalEncoding as ChurnModelCategoricalEncoding,
  NumericEncoding as ChurnModelNumericEncoding,
};

const featureSchema = z.union([
  z.string().min(1, "expected a property name or { name, value }"),
  z.strictObject({
    name: z.string().min(1),
    value: z.custom<(record: never, index: number) => unknown>((value) => typeof value === "function", {
      message: "value must be an accessor function",
    }),
  }),
]);

const positiveWeight = z.number().positive().refine(Number.isFinite, "must be finite");

const optionsSchema = z.strictObject({
  label: fieldSchema,
  features: z.strictObject({
    numeric: z.array(featureSchema).default([]),
    categorical: z.array(featureSchema).default([]),
  }),
  regularization: z
    .strictObject({
      l2: z.number().min(0, "l2 must be >= 0").refine(Number.isFinite, "must be finite").default(1),
    })
    .default({ l2: 1 }),
  classWeight: z
    .union([z.literal("balanced"), z.strictObject({ churned: positiveWeight, retained: positiveWeight })])
    .optional(),
  missing: z.enum(["error", "impute"]).default("error"),
  unseenCategory: z.enum(["reference", "error"]).default("reference"),
  maxIterations: z.number().int().min(1).default(100),
  tolerance: z.number().positive().default(1e-8),
  seed: z._default(seedSchema, 1),
});

const explainSchema = z.strictObject({
  top: z.number().int("expected a non-negative integer").min(0, "expected a non-negative integer").default(3),
});

const sigmoid = (eta: number): number =>
  eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));

/**
 * Trains a churn model: logistic regression on standardised numeric features and treatment-coded
 * categorical features, with an L2 penalty and optional class weights, fitted by Newton's method
 * (IRLS) with a Cholesky solve and step halving to convergence.
 *
 * Encoding, learned from the training rows only: numeric features are centred on their mean and divided
 * by their population standard deviation (as scikit-learn's StandardScaler); each categorical feature's
 * levels are sorted and the first is the reference (as R's glm), every other level gets a 0/1 dummy.
 * A level unseen in training scores as the reference (all dummies zero) unless `unseenCategory: "error"`.
 *
 * Objective: Σᵢ wᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] + (λ/2) Σ_{j≥1} βⱼ² on the standardised coefficients, the
 * intercept unpenalised — scikit-learn's LogisticRegression with C = 1/λ; λ = 0 is the maximum-likelihood
 * fit of R glm / statsmodels Logit. Complexity O(iterations · n · d²) plus O(d³) per solve; typically
 * 3-6 iterations. Above 40 000 rows Newton starts from a fit on a systematic ~10 000-row subsample (λ
 * scaled by the sampling share), which usually saves one or two full passes. Records are read once,
 * record by record, by a reader compiled for the feature names (a loop where code generation is not
 * allowed); numeric columns are kept column-major in one Float64Array and standardised in place;
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
 *
 * @param records - training rows, one per customer (not mutated)
 * @param options - see {@link TrainChurnModelOptions}
 * @returns a {@link ChurnModel} with `score`, `explain`, coefficients with odds ratios, and the convergence report
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key at any level included, e.g.
 *   `regularisation`: named with the closest valid name), no features or duplicate feature names
 * @throws {@link InvalidRecordError} for an element that is not a record, or a bad label or feature value
 *   (row, field and value named; numeric strings must be decimal: `"12.5"`, not `"0x10"`)
 * @throws {@link InsufficientDataError} for empty input, one class, a constant feature, d > n with λ = 0,
 *   collinear features with λ = 0, or separation with λ = 0
 * @example
 * ```ts
 * const model = trainChurnModel(customers, {
 *   label: "churned",
 *   features: { numeric: ["daysSinceLastOrder", "ordersLast90Days"], categorical: ["plan"] },
 *   regularization: { l2: 1 },
 * });
 * model.convergence.converged;          // => true
 * model.score([customers[0]]);          // => Float64Array [0.23...]
 * model.explain(customers[0]).reasons;  // => ["daysSinceLastOrder = 84 (training average 40.1) raises the churn odds x2.6", ...]
 * ```
 */
export function trainChurnModel<T>(records: readonly T[], options: TrainChurnModelOptions<T>): ChurnModel<T> {
  const parsed = parseOptions(FUNCTION_NAME, optionsSchema, options);
  if (!Array.isArray(records)) {
    throw new InvalidOptionsError(FUNCTION_NAME, [
      { path: "records", message: "expected an array of records", received: records },
    ]);
  }
  const numericFeatures = (parsed.features.numeric as unknown as readonly FeatureSpec<T>[]).map(
    resolveFeature,
  );
  const categoricalFeatures = (parsed.features.categorical as unknown as readonly FeatureSpec<T>[]).map(
    resolveFeature,
  );
  checkFeatureNames(numericFeatures, categoricalFeatures);
  const l2 = parsed.regularization.l2;
  const missing = parsed.missing;
  const n = records.length;
  if (n === 0)
    throw new InsufficientDataError(
      FUNCTION_NAME,
      "no training records; pass at least a few customers of each class",
    );

  const y = readLabels(records, parsed.label as Field<T>, FUNCTION_NAME);
  let churners = 0;
  for (let i = 0; i < n; i++) churners += y[i] as number;
  if (churners === 0 || churners === n) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `every training label is ${churners === 0 ? "0 (retained)" : "1 (churned)"}; a churn model needs both classes`,
    );
  }

  // One pass over the records, then learn the encodings.
  const p = numericFeatures.length;
  const values = readTrainingValues(records, numericFeatures, categoricalFeatures, missing, FUNCTION_NAME);
  const numericEncodings = numericFeatures.map((feature, j) =>
    learnNumeric(feature.name, values.numeric.subarray(j * n, (j + 1) * n), FUNCTION_NAME),
  );
  const categoricalEncodings = categoricalFeatures.map((feature, j) =>
    learnCategorical(feature.name, values.levels[j] as string[], FUNCTION_NAME),
  );

  const terms: {
    term: string;
    kind: ChurnModelCoefficient["kind"];
    feature: string | null;
    level: string | null;
  }[] = [{ term: "(intercept)", kind: "intercept", feature: null, level: null }];
  for (const encoding of numericEncodings)
    terms.push({ term: encoding.name, kind: "numeric", feature: encoding.name, level: null });
  for (const encoding of categoricalEncodings) {
    for (const level of encoding.levels.slice(1)) {
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

  // Design: standardised numeric columns, column-major (the intercept is implicit), and per
  // categorical feature each row's position among the sorted levels (0 = reference, no column).
  // Standardised in place: the raw buffer is ours and no longer needed (one 8·n·p allocation less).
  let imputedValues = 0;
  const dense = values.numeric;
  numericEncodings.forEach((encoding, j) => {
    imputedValues += encoding.imputed;
    standardizeInPlace(dense.subarray(j * n, (j + 1) * n), encoding.mean, encoding.standardDeviation);
  });
  const dummyShares = new Float64Array(d);
  let offset = 1 + p;
  const levelCodes = categoricalEncodings.map((encoding, j) => {
    const codes = values.codes[j] as Int32Array;
    const firstSeen = values.levels[j] as string[];
    // first-seen code -> position among the sorted levels (0 = reference, no column)
    const position = new Map(encoding.levels.map((level, k) => [level, k]));
    const sortedPosition = Int32Array.from(firstSeen, (level) => position.get(level) as number);
    const counts = new Float64Array(firstSeen.length);
    const sorted = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const code = codes[i] as number;
      counts[code] = (counts[code] as number) + 1;
      sorted[i] = sortedPosition[code] as number;
    }
    firstSeen.forEach((level, code) => {
      const k = sortedPosition[code] as number;
      if (level === MISSING_LEVEL) imputedValues += counts[code] as number;
      if (k > 0) dummyShares[offset + k - 1] = (counts[code] as number) / n;
    });
    offset += encoding.levels.length - 1;
    return sorted;
  });

  // Class weights.
  let classWeights = { churned: 1, retained: 1 };
  if (parsed.classWeight === "balanced") {
    classWeights = { churned: n / (2 * churners), retained: n / (2 * (n - churners)) };
  } else if (parsed.classWeight !== undefined) {
    classWeights = { churned: parsed.classWeight.churned, retained: parsed.classWeight.retained };
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = y[i] === 1 ? classWeights.churned : classWeights.retained;

  const fit = fitLogistic(
    {
      dense,
      denseColumns: p,
      codes: levelCodes,
      levels: categoricalEncodings.map((encoding) => encoding.levels.length),
      y,
      weights,
      rows: n,
      l2,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
    },
    l2 === 0 &&
      (parsed.classWeight === undefined ||
        (parsed.classWeight !== "balanced" &&
          parsed.classWeight.churned === 1 &&
          parsed.classWeight.retained === 1)),
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
      ? `converged in ${fit.iterations} Newton iterations${fit.chordSteps > 0 ? ` and ${fit.chordSteps} chord steps` : ""} (max |gradient| ${fit.gradientNorm.toExponential(2)})`
      : fit.stop === "max-iterations"
        ? `did not converge in ${parsed.maxIterations} iterations (max |gradient| ${fit.gradientNorm.toExponential(2)}); raise maxIterations or l2`
        : `stopped after ${fit.iterations} iterations: no step lowered the objective (max |gradient| ${fit.gradientNorm.toExponential(2)}); the returned coefficients are the best found`,
  };

  // Coefficients on both scales.
  const beta = fit.beta;
  const unweighted = classWeights.churned === 1 && classWeights.retained === 1;
  let interceptOriginal = beta[0] as number;
  numericEncodings.forEach((encoding, j) => {
    interceptOriginal -= ((beta[1 + j] as number) * encoding.mean) / encoding.standardDeviation;
  });
  const coefficients: ChurnModelCoefficient[] = terms.map((term, j) => {
    const standardized = beta[j] as number;
    let estimate = standardized;
    if (term.kind === "intercept") estimate = interceptOriginal;
    else if (term.kind === "numeric")
      estimate = standardized / (numericEncodings[j - 1] as NumericEncoding).standardDeviation;
    const variance = fit.inverseHessianDiagonal?.[j];
    return Object.freeze({
      ...term,
      standardizedEstimate: standardized,
      estimate,
      oddsRatio: Math.exp(estimate),
      standardizedStandardError:
        l2 === 0 && unweighted && variance !== undefined && variance > 0 ? Math.sqrt(variance) : null,
    });
  });

  // Scoring tables.
  const numericBeta = numericEncodings.map((_, j) => beta[1 + j] as number);
  const levelBeta: Map<string, number>[] = [];
  const categoricalMeanEffect: number[] = [];
  offset = 1 + numericEncodings.length;
  for (const encoding of categoricalEncodings) {
    const map = new Map<string, number>();
    let meanEffect = 0;
    encoding.levels.forEach((level, k) => {
      const value = k === 0 ? 0 : (beta[offset + k - 1] as number);
      map.set(level, value);
      if (k > 0) meanEffect += value * (dummyShares[offset + k - 1] as number);
    });
    offset += encoding.levels.length - 1;
    levelBeta.push(map);
    categoricalMeanEffect.push(meanEffect);
  }
  const baselineEta = (beta[0] as number) + categoricalMeanEffect.reduce((sum, value) => sum + value, 0);
  const unseenIsError = parsed.unseenCategory === "error";
  // Scoring on the original scale: eta = intercept + sum perUnit_j * x_j; a missing x_j adds perUnit_j * mean_j.
  const perUnit = Float64Array.from(
    numericEncodings,
    (encoding, j) => (numericBeta[j] as number) / encoding.standardDeviation,
  );
  const imputedShift = Float64Array.from(
    numericEncodings,
    (encoding, j) => (perUnit[j] as number) * encoding.mean,
  );
  const intercept = (beta[0] as number) - imputedShift.reduce((sum, value) => sum + value, 0);

  const levelEffect = (j: number, level: string, row: number, scoringFunction: string): number => {
    const value = (levelBeta[j] as Map<string, number>).get(level);
    if (value !== undefined) return value;
    if (unseenIsError) {
      const encoding = categoricalEncodings[j] as CategoricalEncoding;
      throw new InvalidRecordError(
        scoringFunction,
        row,
        encoding.name,
        level,
        `level not seen in training (known: ${encoding.levels.join(", ")}); retrain or use unseenCategory: "reference"`,
      );
    }
    return 0;
  };

  const readScoreRow = createLinearRowReader(numericFeatures, categoricalFeatures);
  // A numeric value off the fast path: a converted number (numeric string, boolean) times its
  // coefficient, or, when missing and imputed, the training mean's share.
  const scoreFallback = (j: number, value: unknown, row: number): number => {
    const converted = numericValue(
      value,
      row,
      (numericFeatures[j] as ResolvedFeature<T>).name,
      missing,
      "ChurnModel.score",
    );
    return Number.isNaN(converted) ? (imputedShift[j] as number) : (perUnit[j] as number) * converted;
  };
  const score = (scoreRecords: readonly T[]): Float64Array => {
    if (!Array.isArray(scoreRecords)) {
      throw new InvalidOptionsError("ChurnModel.score", [
        { path: "records", message: "expected an array of records", received: scoreRecords },
      ]);
    }
    const m = scoreRecords.length;
    const out = new Float64Array(m);
    const q = categoricalFeatures.length;
    const rawLevels: unknown[] = new Array(q).fill(undefined);
    // Per categorical feature, the effects of recently seen raw values (no conversion, no map lookup).
    const recent = categoricalFeatures.map(() => new RecentValues());
    for (let i = 0; i < m; i++) {
      const record = scoreRecords[i] as T;
      if (!isRecord(record)) throw notARecordError("ChurnModel.score", i, record);
      let eta = readScoreRow(record, i, intercept, perUnit, rawLevels, scoreFallback);
      for (let j = 0; j < q; j++) {
        const value = rawLevels[j];
        let effect = (recent[j] as RecentValues).get(value);
        if (Number.isNaN(effect)) {
          const feature = categoricalFeatures[j] as ResolvedFeature<T>;
          const level = categoryValue(value, i, feature.name, missing, "ChurnModel.score");
          effect = levelEffect(j, level, i, "ChurnModel.score");
          (recent[j] as RecentValues).set(value, effect);
        }
        eta += effect;
      }
      out[i] = sigmoid(eta);
    }
    return out;
  };

  const explain = (record: T, explainOptions: ChurnExplainOptions = {}): ChurnExplanation => {
    const { top } = parseOptions("ChurnModel.explain", explainSchema, explainOptions);
    if (!isRecord(record)) throw notARecordError("ChurnModel.explain", 0, record);
    const single = [record];
    const contributions: ChurnContribution[] = [];
    numericFeatures.forEach((feature, j) => {
      const value = readNumericFeature(single, feature, missing, "ChurnModel.explain")[0] as number;
      const encoding = numericEncodings[j] as NumericEncoding;
      const contribution = Number.isNaN(value)
        ? 0
        : ((numericBeta[j] as number) * (value - encoding.mean)) / encoding.standardDeviation;
      const shown = Number.isNaN(value) ? null : value;
      const reason =
        shown === null
          ? `${feature.name} is missing (imputed with the training average ${formatNumber(encoding.mean)})`
          : `${feature.name} = ${formatNumber(shown)} (training average ${formatNumber(encoding.mean)}) ${direction(contribution)} the churn odds x${formatNumber(Math.exp(contribution))}`;
      contributions.push(makeContribution(feature.name, shown, contribution, reason));
    });
    categoricalFeatures.forEach((feature, j) => {
      const level = readCategoricalFeature(single, feature, missing, "ChurnModel.explain")[0] as string;
      const known = (levelBeta[j] as Map<string, number>).has(level);
      const contribution =
        levelEffect(j, level, 0, "ChurnModel.explain") - (categoricalMeanEffect[j] as number);
      const encoding = categoricalEncodings[j] as CategoricalEncoding;
      const note = known ? "" : ` (not seen in training; scored as the reference "${encoding.reference}")`;
      const reason = `${feature.name} = "${level}"${note} ${direction(contribution)} the churn odds x${formatNumber(Math.exp(contribution))} versus the average customer`;
      contributions.push(makeContribution(feature.name, level, contribution, reason));
    });
    contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
    const eta = baselineEta + contributions.reduce((sum, item) => sum + item.contribution, 0);
    return Object.freeze({
      probability: sigmoid(eta),
      baselineProbability: sigmoid(baselineEta),
      contributions: Object.freeze(contributions),
      reasons: Object.freeze(
        contributions
          .filter((item) => item.contribution > 0)
          .slice(0, top)
          .map((item) => item.reason),
      ),
    });
  };

  const model: ChurnModel<T> = {
    coefficients: Object.freeze(coefficients),
    numericEncodings: Object.freeze(numericEncodings.map((encoding) => Object.freeze(encoding))),
    categoricalEncodings: Object.freeze(categoricalEncodings.map((encoding) => Object.freeze(encoding))),
    convergence: Object.freeze(convergence),
    training: Object.freeze({
      rows: n,
      churners,
      classWeights: Object.freeze(classWeights),
      columns: d,
      imputedValues,
    }),
    options: Object.freeze({
      numeric: numericEncodings.map((encoding) => encoding.name),
      categorical: categoricalEncodings.map((encoding) => encoding.name),
      l2,
      classWeight: parsed.classWeight ?? null,
      missing,
      unseenCategory: parsed.unseenCategory,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
      seed: parsed.seed,
    }),
    label: parsed.label as Field<T>,
    score,
    explain,
  };
  return withDisplay(model, {
    title: "Churn model (logistic regression)",
    summary: (m) => [
      `${m.training.rows} training rows, ${m.training.churners} churners, ${m.training.columns} columns, l2 = ${m.options.l2}`,
      m.convergence.message,
    ],
    rows: (m) =>
      m.coefficients.map((c) => ({
        term: c.term,
        estimate: c.estimate,
        oddsRatio: c.oddsRatio,
        standardizedEstimate: c.standardizedEstimate,
        standardError: c.standardizedStandardError,
      })),
    maxRows: 30,
  }) as ChurnModel<T>;
}

function direction(contribution: number): "raises" | "lowers" {
  return contribution > 0 ? "raises" : "lowers";
}

function makeContribution(
  feature: string,
  value: number | string | null,
  contribution: number,
  reason: string,
): ChurnContribution {
  return Object.freeze({
    feature,
    value,
    contribution,
    oddsMultiplier: Math.exp(contribution),
    direction: direction(contribution),
    reason,
  });
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

function checkFeatureNames<T>(
  numeric: readonly ResolvedFeature<T>[],
  categorical: readonly ResolvedFeature<T>[],
): void {
  const names = [...numeric, ...categorical].map((feature) => feature.name);
  if (names.length === 0) {
    throw new InvalidOptionsError(FUNCTION_NAME, [
      {
        path: "features",
        message: "no features: give at least one in features.numeric or features.categorical",
      },
    ]);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw new InvalidOptionsError(FUNCTION_NAME, [
        {
          path: "features",
          message: `feature "${name}" is listed twice; each feature may appear once`,
          received: name,
        },
      ]);
    }
    seen.add(name);
  }
}
