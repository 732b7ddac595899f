import {
  compensatedSum,
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  withDisplay,
} from "../core/index.js";
import { argumentError, checkFinite } from "../core/internal/arguments.js";
import { withDefaults } from "../core/internal/defaults.js";
import { nested, numeric, oneOf, required } from "../core/internal/optionRules.js";
import { normalCdf, normalQuantile } from "../satisfaction/internal/normal.js";
import { chiSquareUpperTail } from "./internal/chiSquare.js";
import { cholesky, choleskySolve } from "./internal/coxAlgebra.js";
import {
  type CoxDesign,
  type CoxTies,
  concordanceCounts,
  fitCox,
  linearPredictor,
  timeBlocks,
} from "./internal/coxFit.js";
import {
  type CoxHazardTerms,
  coxHazardTerms,
  cumulativeHazardStandardErrors,
} from "./internal/coxSurvivalVariance.js";
import { resolveFeature } from "./internal/featureSpec.js";
import { checkFieldsOptions, featureListRule, stringRecordRule } from "./internal/fieldsOptions.js";
import { freeze } from "./internal/freeze.js";
import { requiredField } from "./internal/optionRules.js";
import { isRecord, notARecordError } from "./internal/records.js";
import { notAnArray } from "./internal/survivalChecks.js";
import {
  featureName,
  levelOf,
  numericValue,
  readSurvivalData,
  type SurvivalFeature,
  sortedIndex,
} from "./internal/survivalData.js";

/** Handling of tied event times in {@link coxModel}: Efron's approximation or Breslow's. */
export type { CoxTies } from "./internal/coxFit.js";

const FUNCTION_NAME = "coxModel";

/** A feature of {@link coxModel}: a property name, or a named accessor `{ name, value: (record, index) => value }`. */
export type CoxModelFeature<T> = SurvivalFeature<T>;

/** Options of {@link coxModel}. */
export interface CoxModelOptions<T> {
  /** Follow-up time (non-negative number). */
  readonly time: Field<T>;
  /** 1 or true when the customer churned at `time`, 0 or false when censored. */
  readonly event: Field<T>;
  /** Covariates; at least one overall. */
  readonly fields: {
    /** Numeric features (numbers, decimal strings, booleans as 1/0), used as given. @defaultValue [] */
    readonly numeric?: readonly CoxModelFeature<T>[];
    /**
     * Categorical features, reference-coded: one 0/1 term per level except the reference level, which is
     * the alphabetically first level (UTF-16 code unit order, as R's default factor levels of strings)
     * unless `referenceLevels` names another. @defaultValue []
     */
    readonly categorical?: readonly CoxModelFeature<T>[];
  };
  /** Reference level per categorical feature name, e.g. `{ plan: "basic" }`. @defaultValue {} */
  readonly referenceLevels?: Readonly<Record<string, string>>;
  /** Handling of tied event times: Efron's approximation (R's default) or Breslow's. @defaultValue "efron" */
  readonly ties?: CoxTies;
  /** Level of the hazard ratios' intervals. @defaultValue 0.95 */
  readonly confidenceLevel?: number;
  /** Newton-Raphson iterations at most (R's `iter.max`). @defaultValue 20 */
  readonly maxIterations?: number;
  /** Converged when the log partial likelihood changes by at most this fraction (R's `eps`). @defaultValue 1e-9 */
  readonly tolerance?: number;
}

/** One term (coefficient) of a {@link CoxModel}. */
export interface CoxModelCoefficient {
  /** The feature name, or `"feature=level"` for a level of a categorical feature. */
  readonly term: string;
  readonly feature: string;
  /** The level of a categorical term (versus the feature's reference level), else `null`. */
  readonly level: string | null;
  /** Log hazard ratio per unit (numeric) or versus the reference level. */
  readonly estimate: number;
  /** From the inverse observed information. */
  readonly standardError: number;
  readonly z: number;
  /** Two-sided Wald p-value. */
  readonly pValue: number;
  /** exp(estimate): the factor on the churn hazard. */
  readonly hazardRatio: number;
  /** exp(estimate ∓ z·standardError). */
  readonly lower: number;
  readonly upper: number;
}

/** A chi-square test of all coefficients being 0. */
export interface CoxModelTest {
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
}

/** A survival curve: S(t) at every distinct follow-up time of the training data. */
export interface CoxSurvivalCurve {
  readonly time: Float64Array;
  readonly survival: Float64Array;
}

/**
 * A customer's predicted survival curve with its uncertainty, as R's `survfit(fit, newdata)` with its
 * defaults (`se.fit = TRUE`, `conf.type = "log"`, `stype = 2`, the hazard's `ctype` following `ties`).
 */
export interface CoxPredictedSurvival extends CoxSurvivalCurve {
  /** Λ(t | x) = Λ₀(t)·exp((x − means)·β); `survival` = exp(−Λ). */
  readonly cumulativeHazard: Float64Array;
  /**
   * Standard error of `cumulativeHazard` (R's `std.err` of a survfit.coxph curve, which is also the
   * standard error of log S), from the baseline hazard's own variance and the coefficients' covariance
   * (Tsiatis 1981). The standard error of S itself is `survival · standardError` (R's `summary()`).
   * `null` (with `lower` and `upper`) when the coefficients' covariance is undefined (a singular
   * information matrix: see `waldTest`).
   */
  readonly standardError: Float64Array | null;
  /** Log-type interval of S at the model's `confidenceLevel`: S·exp(−z·se). */
  readonly lower: Float64Array | null;
  /** S·exp(z·se), capped at 1. */
  readonly upper: Float64Array | null;
}

/** A fitted Cox proportional hazards model from {@link coxModel}. */
export interface CoxModel<T> {
  readonly coefficients: readonly CoxModelCoefficient[];
  /** Log partial likelihood at β = 0 and at the estimate (R's `fit$loglik`). */
  readonly logLikelihoodNull: number;
  readonly logLikelihood: number;
  readonly likelihoodRatioTest: CoxModelTest;
  /** `null` when the information at the estimate is singular (the covariance is undefined). */
  readonly waldTest: CoxModelTest | null;
  /** Score (log-rank) test at β = 0. */
  readonly scoreTest: CoxModelTest;
  /**
   * Harrell's C as R's `concordance` on the fit: over comparable pairs (the shorter time is an event; a
   * customer censored at an event's time counts as lasting longer), the share where the higher risk score
   * churned first, ties in the score counting half; with R's infinitesimal-jackknife standard error.
   */
  readonly concordance: {
    readonly concordance: number;
    readonly standardError: number;
    readonly concordant: number;
    readonly discordant: number;
    readonly tiedRisk: number;
    readonly tiedTime: number;
  };
  /**
   * The centring of each term (R's `fit$means`): a numeric feature's mean over the customers used, 0 for a
   * level term. Risk scores and the baseline are relative to this reference customer.
   */
  readonly means: Readonly<Record<string, number>>;
  /**
   * Survival curve of the reference customer (numeric features at their means, categorical features at
   * their reference levels; R's `survfit(fit)`), from the
   * Breslow cumulative baseline hazard (with Efron's correction for tied events when `ties` is "efron", as
   * R's default `ctype`), at every distinct training time.
   */
  readonly baseline: CoxSurvivalCurve & { readonly cumulativeHazard: Float64Array };
  readonly n: number;
  readonly events: number;
  /** Rows dropped because time, event or a feature was missing (R's `na.omit`). */
  readonly droppedRows: number;
  readonly droppedByField: Readonly<Record<string, number>>;
  readonly convergence: {
    readonly method: "newton-raphson";
    readonly converged: boolean;
    /**
     * Terms whose estimate was still moving when the likelihood stopped improving (R's "coefficient may be
     * infinite" warning): typically a feature or level that separates churners from the rest. Their
     * standard errors are huge and their tests meaningless; drop or merge them.
     */
    readonly divergingTerms: readonly string[];
    readonly iterations: number;
    readonly stepHalvings: number;
    readonly message: string;
  };
  readonly options: {
    readonly numeric: readonly string[];
    readonly categorical: readonly string[];
    readonly referenceLevels: Readonly<Record<string, string>>;
    readonly ties: CoxTies;
    readonly confidenceLevel: number;
    readonly maxIterations: number;
    readonly tolerance: number;
  };
  /**
   * Centred linear predictor (x − means)·β of each record (R's `predict(fit, type = "lp")`): the log of the
   * customer's hazard relative to the reference customer (see `means`).
   * @throws {@link InvalidRecordError} for a missing or invalid feature value or an unseen level (row named)
   */
  riskScores(records: readonly T[]): Float64Array;
  /**
   * The customer's predicted survival curve S(t | x) = S₀(t)^exp((x − means)·β) at the baseline's times,
   * with the standard error of its cumulative hazard and a log-type confidence interval at the model's
   * `confidenceLevel` (R's `survfit(fit, newdata)` defaults). O(times · terms²).
   */
  survivalCurve(record: T): CoxPredictedSurvival;
  /**
   * Predicted S(time | x) for each record: 1 before the first training time, the step function's value
   * after (the last training time's value beyond it).
   */
  survivalAt(records: readonly T[], time: number): Float64Array;
}

/** The option rules of coxModel (core's checkOptions: no zod in the bundle; numbers are finite). */
const coxModelShape = {
  time: requiredField,
  event: requiredField,
  fields: /* @__PURE__ */ required(
    /* @__PURE__ */ nested({ numeric: featureListRule, categorical: featureListRule }),
  ),
  referenceLevels: stringRecordRule,
  ties: /* @__PURE__ */ oneOf(["efron", "breslow"]),
  confidenceLevel: /* @__PURE__ */ numeric({ gt: 0, lt: 1 }),
  maxIterations: /* @__PURE__ */ numeric({ whole: true, gte: 1, lte: 10_000 }),
  tolerance: /* @__PURE__ */ numeric({ gt: 0, lt: 1 }),
};

/** coxModel's options checked (`features` pointed to `fields`), with their documented defaults filled in. */
export function checkCoxModelOptions(options: unknown) {
  const given = withDefaults(checkFieldsOptions(FUNCTION_NAME, coxModelShape, options), {
    referenceLevels: {},
    ties: "efron",
    confidenceLevel: 0.95,
    maxIterations: 20,
    tolerance: 1e-9,
  });
  return { ...given, fields: withDefaults(given.fields, { numeric: [], categorical: [] }) };
}

interface Term {
  readonly term: string;
  readonly feature: string;
  readonly level: string | null;
}

/**
 * Cox proportional hazards regression of churn: how each feature multiplies the hazard of churning, from
 * follow-up times with censoring. Maximum partial likelihood by Newton-Raphson with step halving (R's
 * `coxph` algorithm), Efron's or Breslow's handling of tied times, Wald standard errors from the observed
 * information, likelihood-ratio, Wald and score tests, Harrell's concordance, and predicted survival curves
 * per customer from the Breslow baseline hazard. Agrees with R's
 * `coxph(Surv(time, event) ~ ..., ties = ...)`, `concordance` and `survfit(fit, newdata)` to 1e-6 on
 * `lung` and `veteran` (fixtures/churn/survival).
 *
 * Centring, as R's survival (≥ 3.0): numeric features are centred at their means before fitting, level
 * (dummy) columns are not. Coefficients and predictions S(t | x) = exp(−H₀(t)·exp((x − means)·β)) do not
 * depend on it, but risk scores and the `baseline` curve are relative to the reference customer: every
 * numeric feature at its mean, every categorical feature at its reference level (R's `survfit(fit)`).
 *
 * Missing values: rows with a missing time, event or feature value are dropped and counted (R's
 * `na.omit`). A categorical feature with one level, or collinear features, make the model not
 * identifiable (InsufficientDataError). Complexity: O(n) sort, then O(n·p²) per Newton iteration (no
 * per-row allocation), O(n log n) concordance.
 *
 * Reference: Cox (1972), "Regression models and life-tables", JRSS B 34; Efron (1977), JASA 72; Breslow
 * (1974), Biometrics 30; Harrell, Lee & Mark (1996), Stat Med 15; Therneau & Grambsch (2000).
 *
 * @param records - one record per customer, not mutated
 * @param options - see {@link CoxModelOptions}
 * @throws {@link InvalidOptionsError} for malformed options (an unknown key included; `features`, the former name of `fields`, pointed to it), no fields, or a
 *   reference level that is not a level of its feature
 * @throws {@link InvalidRecordError} for a non-record element, a bad time, event or feature value (row named)
 * @throws {@link InsufficientDataError} without events, with a one-level categorical feature, or with
 *   collinear or constant features
 * @example
 * ```ts
 * // R survival's `aml`: weeks to relapse (status 0 = censored) with or without maintenance chemotherapy
 * const maintained = [[9, 1], [13, 1], [13, 0], [18, 1], [23, 1], [28, 0], [31, 1], [34, 1], [45, 0], [48, 1], [161, 0]];
 * const nonmaintained = [[5, 1], [5, 1], [8, 1], [8, 1], [12, 1], [16, 0], [23, 1], [27, 1], [30, 1], [33, 1], [43, 1], [45, 1]];
 * const aml = [
 *   ...maintained.map(([time, status]) => ({ time, status, x: "Maintained" })),
 *   ...nonmaintained.map(([time, status]) => ({ time, status, x: "Nonmaintained" })),
 * ];
 * const model = coxModel(aml, { time: "time", event: "status", fields: { categorical: ["x"] } });
 * model.coefficients.map((c) => [c.term, c.hazardRatio, c.pValue]);
 * // => [["x=Nonmaintained", 2.498, 0.0737]]   (R: coxph(Surv(time, status) ~ x, aml))
 * model.concordance.concordance; // => 0.619
 * model.survivalAt([{ x: "Nonmaintained" }], 20); // => Float64Array [0.531]
 * ```
 */
export function coxModel<T>(records: readonly T[], options: CoxModelOptions<T>): CoxModel<T> {
  const parsed = checkCoxModelOptions(options);
  if (!Array.isArray(records)) throw notAnArray(FUNCTION_NAME, records);
  const numericSpecs = parsed.fields.numeric as unknown as CoxModelFeature<T>[];
  const categoricalSpecs = parsed.fields.categorical as unknown as CoxModelFeature<T>[];
  const numericNames = numericSpecs.map(featureName);
  const categoricalNames = categoricalSpecs.map(featureName);
  const issues = [];
  if (numericNames.length + categoricalNames.length === 0) {
    issues.push({
      path: "fields",
      message: "expected at least one numeric or categorical field",
      received: parsed.fields,
    });
  }
  const allNames = [...numericNames, ...categoricalNames];
  const duplicate = allNames.find((name, i) => allNames.indexOf(name) !== i);
  if (duplicate !== undefined) {
    issues.push({ path: "fields", message: `field "${duplicate}" is given twice`, received: duplicate });
  }
  for (const name of Object.keys(parsed.referenceLevels)) {
    if (!categoricalNames.includes(name)) {
      issues.push({
        path: `referenceLevels.${name}`,
        message: `not a categorical feature (categorical: ${categoricalNames.join(", ") || "none"})`,
        received: parsed.referenceLevels[name],
      });
    }
  }
  if (issues.length > 0) throw new InvalidOptionsError(FUNCTION_NAME, issues);

  const data = readSurvivalData(
    records,
    {
      time: parsed.time as Field<T>,
      event: parsed.event as Field<T>,
      numeric: numericSpecs,
      categorical: categoricalSpecs,
    },
    FUNCTION_NAME,
  );
  const n = data.n;
  let events = 0;
  for (let i = 0; i < n; i++) events += data.event[i] as number;
  if (events === 0) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      n === 0 ? "no rows without missing values" : `no events among the ${n} customers: nothing to model`,
    );
  }

  // Terms and the reference level of each categorical feature.
  const terms: Term[] = numericNames.map((name) => ({ term: name, feature: name, level: null }));
  const references: Record<string, string> = {};
  const levelColumn: Int32Array[] = []; // per categorical feature: column offset of each level (−1 = reference)
  categoricalNames.forEach((name, j) => {
    const levels = data.categoricalLevels[j] as readonly string[];
    const wanted = parsed.referenceLevels[name];
    if (wanted !== undefined && !levels.includes(wanted)) {
      throw argumentError(
        FUNCTION_NAME,
        `referenceLevels.${name}`,
        `not a level of "${name}" (levels: ${levels.map((l) => JSON.stringify(l)).join(", ")})`,
        wanted,
      );
    }
    if (levels.length < 2) {
      throw new InsufficientDataError(
        FUNCTION_NAME,
        `categorical feature "${name}" has a single level (${JSON.stringify(levels[0])}) among the customers used: it cannot be estimated; drop it`,
      );
    }
    const reference = wanted ?? (levels[0] as string);
    references[name] = reference;
    const columns = new Int32Array(levels.length);
    levels.forEach((level, code) => {
      if (level === reference) columns[code] = -1;
      else {
        columns[code] = terms.length;
        terms.push({ term: `${name}=${level}`, feature: name, level });
      }
    });
    levelColumn.push(columns);
  });
  const p = terms.length;

  // Design rows in input order (sequential reads of the columns), then gathered in ascending time order.
  const order = sortedIndex(data.time);
  const q = numericNames.length;
  const input = new Float64Array(n * p);
  for (let j = 0; j < q; j++) {
    const column = data.numeric[j] as Float64Array;
    for (let row = 0; row < n; row++) input[row * p + j] = column[row] as number;
  }
  for (let j = 0; j < categoricalNames.length; j++) {
    const codes = data.categorical[j] as Int32Array;
    const columns = levelColumn[j] as Int32Array;
    for (let row = 0; row < n; row++) {
      const column = columns[codes[row] as number] as number;
      if (column >= 0) input[row * p + column] = 1;
    }
  }
  const x = new Float64Array(n * p);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const row = order[k] as number;
    time[k] = data.time[row] as number;
    event[k] = data.event[row] as number;
    const from = row * p;
    const to = k * p;
    for (let j = 0; j < p; j++) x[to + j] = input[from + j] as number;
  }
  const means = new Float64Array(p);
  for (let j = 0; j < q; j++) means[j] = compensatedSum(data.numeric[j] as Float64Array) / n;
  for (let k = 0; k < n; k++)
    for (let j = 0; j < q; j++) x[k * p + j] = (x[k * p + j] as number) - (means[j] as number);
  const design: CoxDesign = { n, p, x, time, event, blocks: timeBlocks(time) };

  const fit = fitCox(design, parsed.ties, parsed.maxIterations, parsed.tolerance);
  if (fit === undefined) {
    throw new InsufficientDataError(
      FUNCTION_NAME,
      `the model is not identifiable: the information matrix is singular at β = 0 (a constant feature, or features that are linear combinations of others, among ${terms.map((t) => t.term).join(", ")})`,
    );
  }
  const { beta, covariance } = fit;
  const z = normalQuantile(1 - (1 - parsed.confidenceLevel) / 2);
  const coefficients = terms.map((term, j): CoxModelCoefficient => {
    const estimate = beta[j] as number;
    const standardError = Math.sqrt(covariance[j * p + j] as number);
    const zValue = estimate / standardError;
    return freeze({
      ...term,
      estimate,
      standardError,
      z: zValue,
      pValue: 2 * normalCdf(-Math.abs(zValue)),
      hazardRatio: Math.exp(estimate),
      lower: Math.exp(estimate - z * standardError),
      upper: Math.exp(estimate + z * standardError),
    });
  });
  const chiTest = (statistic: number): CoxModelTest =>
    freeze({ statistic, degreesOfFreedom: p, pValue: chiSquareUpperTail(statistic, p) });
  const covarianceFactor = covariance.every(Number.isFinite) ? cholesky(covariance, p) : undefined;
  let wald: number | undefined;
  if (covarianceFactor !== undefined) {
    const solved = choleskySolve(covarianceFactor, beta, p);
    wald = 0;
    for (let j = 0; j < p; j++) wald += (beta[j] as number) * (solved[j] as number);
  }

  const eta = linearPredictor(design, beta);
  const counts = concordanceCounts(design, eta);
  const { cumulativeHazard } = coxHazardTerms(design, beta, parsed.ties, false);
  const blockCount = design.blocks.length - 1;
  const baselineTime = new Float64Array(blockCount);
  for (let b = 0; b < blockCount; b++) baselineTime[b] = time[design.blocks[b] as number] as number;
  const baselineSurvival = cumulativeHazard.map((h) => Math.exp(-h));

  // Prediction: read features of new records with the training levels.
  const numericRead = numericSpecs.map((spec) => resolveFeature(spec).read);
  const categoricalRead = categoricalSpecs.map((spec) => resolveFeature(spec).read);
  const levelIndex = categoricalNames.map(
    (_, j) => new Map((data.categoricalLevels[j] as readonly string[]).map((level, code) => [level, code])),
  );
  // With `x2`, also the record's centred design row (numeric features minus their means, 0/1 levels).
  const scoreOne = (record: T, row: number, functionName: string, x2?: Float64Array): number => {
    if (!isRecord(record)) throw notARecordError(functionName, row, record);
    let lp = 0;
    for (let j = 0; j < q; j++) {
      const value = numericValue(
        numericRead[j]?.(record, row),
        row,
        numericNames[j] as string,
        functionName,
        "expected a finite number to predict with (missing values cannot be scored)",
      );
      lp += (value - (means[j] as number)) * (beta[j] as number);
      if (x2 !== undefined) x2[j] = value - (means[j] as number);
    }
    for (let j = 0; j < categoricalNames.length; j++) {
      const raw = categoricalRead[j]?.(record, row);
      const name = categoricalNames[j] as string;
      const level = levelOf(raw);
      const code = level === undefined ? undefined : levelIndex[j]?.get(level);
      if (code === undefined) {
        throw new InvalidRecordError(
          functionName,
          row,
          name,
          raw,
          `expected one of the training levels: ${(data.categoricalLevels[j] as readonly string[]).map((l) => JSON.stringify(l)).join(", ")}`,
        );
      }
      const column = (levelColumn[j] as Int32Array)[code] as number;
      if (column >= 0) {
        lp += beta[column] as number; // level columns are not centred
        if (x2 !== undefined) x2[column] = 1;
      }
    }
    return lp;
  };
  const riskScores = (input: readonly T[]): Float64Array => {
    const name = `${FUNCTION_NAME}.riskScores`;
    if (!Array.isArray(input)) throw notAnArray(name, input);
    const out = new Float64Array(input.length);
    for (let i = 0; i < input.length; i++) out[i] = scoreOne(input[i] as T, i, name);
    return out;
  };
  let varianceTerms: CoxHazardTerms | undefined;
  const survivalCurve = (record: T): CoxPredictedSurvival => {
    const x2 = new Float64Array(p);
    const factor = Math.exp(scoreOne(record, 0, `${FUNCTION_NAME}.survivalCurve`, x2));
    const hazard = cumulativeHazard.map((h) => h * factor);
    const survival = hazard.map((h) => Math.exp(-h));
    const standardError =
      covarianceFactor === undefined
        ? null
        : cumulativeHazardStandardErrors(
            (varianceTerms ??= coxHazardTerms(design, beta, parsed.ties, true)),
            cumulativeHazard,
            covariance,
            x2,
            factor,
          );
    // log-type interval S·exp(∓z·se), the upper end capped at 1 (the lower end is at most S)
    const bound = (sign: number) =>
      standardError &&
      survival.map((value, b) => Math.min(1, value * Math.exp(sign * z * (standardError[b] as number))));
    return freeze({
      time: baselineTime.slice(),
      survival,
      cumulativeHazard: hazard,
      standardError,
      lower: bound(-1),
      upper: bound(1),
    });
  };
  const survivalAt = (input: readonly T[], at: number): Float64Array => {
    const name = `${FUNCTION_NAME}.survivalAt`;
    checkFinite(name, "time", at);
    if (!Array.isArray(input)) throw notAnArray(name, input);
    let lo = 0;
    let hi = blockCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((baselineTime[mid] as number) <= at) lo = mid + 1;
      else hi = mid;
    }
    const hazard = lo === 0 ? 0 : (cumulativeHazard[lo - 1] as number);
    const out = new Float64Array(input.length);
    for (let i = 0; i < input.length; i++)
      out[i] = Math.exp(-hazard * Math.exp(scoreOne(input[i] as T, i, name)));
    return out;
  };

  const divergingTerms = fit.convergence.diverging.map((j) => (terms[j] as Term).term);
  const meansRecord: Record<string, number> = {};
  terms.forEach((term, j) => {
    meansRecord[term.term] = means[j] as number;
  });
  const model: CoxModel<T> = {
    coefficients: freeze(coefficients),
    logLikelihoodNull: fit.logLikelihoodNull,
    logLikelihood: fit.logLikelihood,
    likelihoodRatioTest: chiTest(2 * (fit.logLikelihood - fit.logLikelihoodNull)),
    waldTest: wald === undefined ? null : chiTest(wald),
    scoreTest: chiTest(fit.scoreStatistic),
    concordance: freeze(counts),
    means: freeze(meansRecord),
    baseline: freeze({ time: baselineTime, survival: baselineSurvival, cumulativeHazard }),
    n,
    events,
    droppedRows: data.droppedRows,
    droppedByField: freeze(data.droppedByField),
    convergence: freeze({
      method: "newton-raphson" as const,
      converged: fit.convergence.converged,
      divergingTerms: freeze(divergingTerms),
      iterations: fit.convergence.iterations,
      stepHalvings: fit.convergence.stepHalvings,
      message:
        fit.convergence.diverging.length > 0 && fit.convergence.converged
          ? `${fit.convergence.message}; the estimate of ${divergingTerms.join(", ")} may be infinite (a feature that separates churners from the rest)`
          : fit.convergence.message,
    }),
    options: freeze({
      numeric: freeze(numericNames),
      categorical: freeze(categoricalNames),
      referenceLevels: freeze(references),
      ties: parsed.ties,
      confidenceLevel: parsed.confidenceLevel,
      maxIterations: parsed.maxIterations,
      tolerance: parsed.tolerance,
    }),
    riskScores,
    survivalCurve,
    survivalAt,
  };
  for (const method of ["riskScores", "survivalCurve", "survivalAt"]) {
    Object.defineProperty(model, method, { enumerable: false });
  }
  return withDisplay(model, {
    title: `Cox proportional hazards model (${parsed.ties} ties)`,
    summary: (m) => [
      `${m.n} customers, ${m.events} events${m.droppedRows > 0 ? `; ${m.droppedRows} rows with missing values dropped` : ""}`,
      `log partial likelihood ${m.logLikelihood.toFixed(3)} (null ${m.logLikelihoodNull.toFixed(3)}); likelihood ratio ${m.likelihoodRatioTest.statistic.toFixed(2)} on ${m.likelihoodRatioTest.degreesOfFreedom} df, p = ${m.likelihoodRatioTest.pValue.toPrecision(3)}`,
      `concordance ${m.concordance.concordance.toFixed(3)}; ${m.convergence.message}`,
    ],
    rows: (m) => m.coefficients,
    columns: ["term", "estimate", "hazardRatio", "standardError", "z", "pValue", "lower", "upper"],
  });
}
