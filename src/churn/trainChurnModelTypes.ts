/**
 * The public types of the churn model: options of {@link trainChurnModel}, the fitted {@link ChurnModel}
 * with its coefficients, convergence report and explanations, and its JSON form. Kept below the
 * training, scoring, restoring and calibrating files, which all share them.
 */
import type { ArrowTableLike, Field, RecordInput } from "../core/index.js";
import type { CategoricalEncoding, NumericEncoding } from "./internal/design.js";
import type { FeatureSpec, MissingPolicy } from "./internal/featureSpec.js";
/**
 * A model feature: a property name of the record, or a named accessor
 * `{ name, value: (record, index) => value }` (the name labels coefficients and reasons).
 */
export type ChurnModelFeature<T> = FeatureSpec<T>;

/** Options of {@link trainChurnModel}. */
export interface TrainChurnModelOptions<T> {
  /** The churn label: 1 / true = churned, 0 / false = retained (anything else is an error). */
  readonly label: Field<T>;
  /** The record fields the model reads (its features). At least one overall. */
  readonly fields: {
    /** Numeric features, standardised with the training mean and population standard deviation. @defaultValue [] */
    readonly numeric?: readonly ChurnModelFeature<T>[];
    /** Categorical features, coded as `encoding` says. @defaultValue [] */
    readonly categorical?: readonly ChurnModelFeature<T>[];
  };
  /**
   * Coding of categorical features. `"reference"`: levels sorted, the first is the reference and gets no
   * column (treatment coding, as R's `glm`, statsmodels/patsy); `"oneHot"`: one 0/1 column per level
   * (scikit-learn's `OneHotEncoder()` default, `drop=None`). Without a penalty both give the same
   * probabilities; with one they are different models (the penalty shrinks every level toward the
   * average in one-hot coding, toward the reference level in reference coding), so pick the coding of
   * the tool you compare with. One-hot coding needs `l2 > 0` (its columns sum to the intercept).
   * @defaultValue "reference"
   */
  readonly encoding?: ChurnModelEncoding;
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
   * Accepted (it is part of the signature and of every clientele model's options) and echoed in
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
  /**
   * Standard error of `estimate` (the original scale: per unit of a numeric feature; for the intercept
   * by the delta method from the full inverse Hessian), as statsmodels' `Logit` and R's `glm` print
   * them; `null` for penalised or weighted fits, whose inverse Hessian is not the sampling covariance of
   * a (shrunken) estimate: bootstrap the training rows for intervals there.
   */
  readonly standardError: number | null;
  /** Wald statistic `estimate / standardError` (equal on both scales); `null` with `standardError`. */
  readonly z: number | null;
  /** Two-sided p-value of the Wald test, P(|Z| > |z|) for a standard normal Z; `null` with `standardError`. */
  readonly pValue: number | null;
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
  /**
   * Steps reusing a Hessian factor near the optimum (a gradient pass each, no new Hessian): the last
   * Newton iteration's, or from 4 000 rows first the warm-start subsample's, scaled to the full data
   * (then `iterations` may be 0: no full Hessian was needed).
   */
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
  readonly encoding: ChurnModelEncoding;
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
  /** The recalibration applied to the scores (see `calibrateChurnModel`), or `null`. */
  readonly calibration: ChurnModelCalibration | null;
  /**
   * Churn probabilities of `records` (same order): an array of records, columns
   * (`{ tenure: Float64Array, plan: string[], ... }`) or an Apache Arrow table, scored bit-identically.
   * Each record is read once by a reader compiled for the feature names (a plain loop where run-time
   * code generation is not allowed); columns are read column by column, a key feature's column as it
   * is; any Arrow table is taken (its columns are checked by name when read). Categorical effects come
   * from a small cache of recently seen values. Unseen categories follow
   * `unseenCategory`; missing values follow `missing`. O(n · features).
   */
  score(records: RecordInput<T> | ArrowTableLike<unknown>): Float64Array;
  /**
   * The contributions behind one customer's score and the top reasons. A `record` that is not an
   * object is an InvalidRecordError; an unknown option an InvalidOptionsError.
   */
  explain(record: T, options?: ChurnExplainOptions): ChurnExplanation;
  /**
   * The model as plain JSON data (coefficients, encodings, options, calibration); `JSON.stringify(model)`
   * calls it. `restoreChurnModel(JSON.parse(text))` gives a model that scores and explains
   * bit-identically (numbers survive a JSON round trip exactly). Accessor features and an accessor label
   * are saved by name only: pass the functions again to `restoreChurnModel`.
   */
  toJSON(): ChurnModelJson;
}

/** Coding of categorical features in {@link TrainChurnModelOptions.encoding}. */
export type ChurnModelEncoding = "reference" | "oneHot";

/**
 * A recalibration of the model's scores, fitted on held-out rows by `calibrateChurnModel` on the model's
 * linear predictor η (the log-odds, scikit-learn's `decision_function`).
 * `"platt"`: p = 1 / (1 + exp(a·η + b)); `"isotonic"`: the non-decreasing step fit of the holdout
 * labels on η, linearly interpolated between its points `x` (ascending η) and `y`, and clipped to the
 * end values outside them.
 */
export type ChurnModelCalibration =
  | { readonly method: "platt"; readonly a: number; readonly b: number; readonly rows: number }
  | {
      readonly method: "isotonic";
      readonly x: readonly number[];
      readonly y: readonly number[];
      readonly rows: number;
    };

/** A feature as saved: its name, and whether it is read as a property of that name or by an accessor. */
export interface ChurnModelJsonFeature {
  readonly name: string;
  readonly accessor: boolean;
}

/** The JSON form of a {@link ChurnModel} (see `ChurnModel.toJSON` and `restoreChurnModel`). */
export interface ChurnModelJson {
  readonly format: "clientele.churnModel";
  readonly version: 1;
  /** The label's property name, or `null` for an accessor label. */
  readonly label: string | null;
  readonly features: {
    readonly numeric: readonly ChurnModelJsonFeature[];
    readonly categorical: readonly ChurnModelJsonFeature[];
  };
  readonly coefficients: readonly ChurnModelCoefficient[];
  readonly numericEncodings: readonly NumericEncoding[];
  readonly categoricalEncodings: readonly CategoricalEncoding[];
  /** Per categorical feature, each level's share of the training rows (the explanation baseline). */
  readonly levelShares: readonly (readonly number[])[];
  readonly convergence: ChurnModelConvergence;
  readonly training: ChurnModelTraining;
  readonly options: ChurnModelResolvedOptions;
  readonly calibration: ChurnModelCalibration | null;
}

export type {
  CategoricalEncoding as ChurnModelCategoricalEncoding,
  NumericEncoding as ChurnModelNumericEncoding,
};
