/**
 * A churn model from its parameters: the scoring, explaining and JSON functions of a {@link ChurnModel},
 * built from the same plain data ({@link ChurnModelJson}) whether the model was just trained, restored
 * from JSON or recalibrated, so the three score bit-identically.
 */
import type { ColumnarSource } from "../../core/columnar.js";
import {
  type ArrowTableLike,
  type Field,
  InvalidRecordError,
  type RecordInput,
  withDisplay,
} from "../../core/index.js";
import { checkOptions, type OptionRule } from "../../core/internal/optionRules.js";
import type {
  ChurnContribution,
  ChurnExplainOptions,
  ChurnExplanation,
  ChurnModel,
  ChurnModelJson,
} from "../trainChurnModelTypes.js";
import { featureColumn, inRowOrder, sourceOrArray } from "./churnColumns.js";
import {
  type CategoricalEncoding,
  categoryValue,
  type NumericEncoding,
  numericValue,
  RecentValues,
} from "./design.js";
import type { ResolvedFeature } from "./featureSpec.js";
import { freeze } from "./freeze.js";
import { isRecord, notARecordError } from "./records.js";
import {
  type Accessor,
  accessorsOf,
  createLinearRowReader,
  type LinearRowReader,
  type NumericFallback,
} from "./rowReader.js";

/** The message of a `top` that is not a whole number >= 0. */
const NOT_A_COUNT = "expected a non-negative integer";

/** A row's term of the linear predictor for feature j's value (a numeric term, or a level's effect). */
type RowTerm = (j: number, value: unknown, row: number) => number;

/** explain's options, checked by option rules (no zod in the bundles of training and scoring). */
const explainShape = {
  // default 3, filled in where read
  top: {
    accepts: "a number >= 0",
    optional: true,
    check: (value, report) => {
      if (!Number.isFinite(value)) report(undefined, value);
      else {
        if (!Number.isInteger(value)) report(NOT_A_COUNT, value);
        if ((value as number) < 0) report(NOT_A_COUNT, value);
      }
      return value as number;
    },
  } satisfies OptionRule<number, true>,
};

/** The logistic function, without overflow for large |η|. */
export const sigmoid = (eta: number): number =>
  eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));

/** What `calibrateChurnModel` needs of a model beyond its public face. */
export interface ChurnModelInternals {
  readonly json: ChurnModelJson;
  readonly numeric: readonly ResolvedFeature<unknown>[];
  readonly categorical: readonly ResolvedFeature<unknown>[];
  readonly label: Field<unknown>;
  /** The uncalibrated log-odds η of each record (`argumentName` names the records in errors). */
  linearPredictor(records: RecordInput<unknown>, functionName: string, argumentName?: string): Float64Array;
}

const internals = new WeakMap<object, ChurnModelInternals>();

/** The internals of a model built by {@link createChurnModel}, or undefined for any other value. */
export function churnModelInternals(model: unknown): ChurnModelInternals | undefined {
  return typeof model === "object" && model !== null ? internals.get(model) : undefined;
}

/**
 * Builds the model object. `numeric` and `categorical` are the features in the order of
 * `json.numericEncodings` / `json.categoricalEncodings`; `probability` maps the linear predictor to the
 * score: the logistic function, or with `json.calibration` its {@link calibratedProbability} (kept in
 * its own file, so training bundles without it). O(coefficients).
 */
export function createChurnModel<T>(
  json: ChurnModelJson,
  numericFeatures: readonly ResolvedFeature<T>[],
  categoricalFeatures: readonly ResolvedFeature<T>[],
  label: Field<T>,
  probability: (eta: number) => number = sigmoid,
): ChurnModel<T> {
  const { coefficients, numericEncodings, categoricalEncodings, calibration } = json;
  const missing = json.options.missing;
  const unseenIsError = json.options.unseenCategory === "error";
  const beta0 = (coefficients[0] as { standardizedEstimate: number }).standardizedEstimate;
  const numericBeta = numericEncodings.map((_, j) => coefficients[1 + j]?.standardizedEstimate as number);
  // Per categorical feature: level -> effect (the reference level, if any: 0).
  const levelBeta = categoricalEncodings.map((encoding) => {
    const map = new Map<string, number>();
    if (encoding.reference !== null) map.set(encoding.reference, 0);
    return map;
  });
  const featureIndex = new Map(categoricalEncodings.map((encoding, j) => [encoding.name, j]));
  for (const coefficient of coefficients) {
    if (coefficient.kind !== "categorical") continue;
    const j = featureIndex.get(coefficient.feature as string) as number;
    (levelBeta[j] as Map<string, number>).set(coefficient.level as string, coefficient.standardizedEstimate);
  }
  const categoricalMeanEffect = categoricalEncodings.map((encoding, j) => {
    let meanEffect = 0;
    const shares = json.levelShares[j] as readonly number[];
    encoding.levels.forEach((level, k) => {
      if (level !== encoding.reference)
        meanEffect += ((levelBeta[j] as Map<string, number>).get(level) as number) * (shares[k] as number);
    });
    return meanEffect;
  });
  const baselineEta = beta0 + categoricalMeanEffect.reduce((sum, value) => sum + value, 0);
  // Scoring on the original scale: eta = intercept + sum perUnit_j * x_j; a missing x_j adds perUnit_j * mean_j.
  const perUnit = Float64Array.from(
    numericEncodings,
    (encoding, j) => (numericBeta[j] as number) / encoding.standardDeviation,
  );
  const imputedShift = Float64Array.from(
    numericEncodings,
    (encoding, j) => (perUnit[j] as number) * encoding.mean,
  );
  const intercept = beta0 - imputedShift.reduce((sum, value) => sum + value, 0);

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
  const numericRead = accessorsOf(numericFeatures);
  const categoricalRead = accessorsOf(categoricalFeatures);
  const linearPredictor = (
    scoreRecords: RecordInput<T> | ArrowTableLike<unknown>,
    functionName: string,
    argumentName = "records",
  ): Float64Array => {
    const source = sourceOrArray(scoreRecords, functionName, argumentName);
    // A numeric value off the fast path: a converted number (numeric string, boolean) times its
    // coefficient, or, when missing and imputed, the training mean's share.
    const scoreFallback = (j: number, value: unknown, row: number): number => {
      const name = (numericFeatures[j] as ResolvedFeature<T>).name;
      const converted = numericValue(value, row, name, missing, functionName);
      return Number.isNaN(converted) ? (imputedShift[j] as number) : (perUnit[j] as number) * converted;
    };
    const effectOf = (j: number, value: unknown, row: number): number => {
      const feature = categoricalFeatures[j] as ResolvedFeature<T>;
      return levelEffect(
        j,
        categoryValue(value, row, feature.name, missing, functionName),
        row,
        functionName,
      );
    };
    if (source !== undefined) {
      return columnsPredictor(source, functionName, argumentName, scoreFallback, effectOf);
    }
    const records = scoreRecords as readonly T[];
    const pass: ScorePass<T> = {
      records,
      readRow: readScoreRow,
      numericRead,
      categoricalRead,
      intercept,
      perUnit,
      fallback: scoreFallback,
      rawLevels: new Array(categoricalFeatures.length).fill(undefined),
      // Per categorical feature, the effects of recently seen raw values (no conversion, no map lookup).
      effects: categoricalFeatures.map((_, j) => new RecentValues((value, row) => effectOf(j, value, row))),
      functionName,
    };
    const out = new Float64Array(records.length);
    for (let from = 0; from < out.length; from += SCORE_CHUNK)
      scoreRange(pass, out, from, Math.min(out.length, from + SCORE_CHUNK));
    return out;
  };
  /**
   * The linear predictor of columns or an Arrow table, column by column: each row's terms are added in
   * the order of the record reader's (intercept, numeric features, categorical effects), so the sums
   * are bit-identical; a bad cell gives the record reader's error (see inRowOrder).
   */
  const columnsPredictor = (
    source: ColumnarSource,
    functionName: string,
    argumentName: string,
    scoreFallback: RowTerm,
    effectOf: RowTerm,
  ): Float64Array => {
    const column = (feature: ResolvedFeature<T>) =>
      featureColumn(source, feature, functionName, argumentName);
    const numericColumns = numericFeatures.map(column);
    const categoricalColumns = categoricalFeatures.map(column);
    const checks = [
      ...numericColumns.map((values, j) => (row: number) => scoreFallback(j, values[row], row)),
      ...categoricalColumns.map((values, j) => (row: number) => effectOf(j, values[row], row)),
    ];
    return inRowOrder(() => {
      const eta = new Float64Array(source.length).fill(intercept);
      numericColumns.forEach((values, j) => {
        addNumericColumn(values, perUnit[j] as number, eta, (row) => scoreFallback(j, values[row], row));
      });
      categoricalColumns.forEach((values, j) => {
        const recent = new RecentValues((value, row) => effectOf(j, value, row));
        for (let i = 0; i < eta.length; i++) eta[i] = (eta[i] as number) + recent.numberOf(values[i], i);
      });
      return eta;
    }, checks);
  };
  const score = (scoreRecords: RecordInput<T> | ArrowTableLike<unknown>): Float64Array => {
    const out = linearPredictor(scoreRecords, "ChurnModel.score");
    for (let i = 0; i < out.length; i++) out[i] = probability(out[i] as number);
    return out;
  };

  const explain = (record: T, explainOptions: ChurnExplainOptions = {}): ChurnExplanation => {
    const top = checkOptions("ChurnModel.explain", explainShape, explainOptions).top ?? 3;
    if (!isRecord(record)) throw notARecordError("ChurnModel.explain", 0, record);
    const contributions: ChurnContribution[] = [];
    numericFeatures.forEach((feature, j) => {
      const value = numericValue(feature.read(record, 0), 0, feature.name, missing, "ChurnModel.explain");
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
      const level = categoryValue(feature.read(record, 0), 0, feature.name, missing, "ChurnModel.explain");
      const known = (levelBeta[j] as Map<string, number>).has(level);
      const contribution =
        levelEffect(j, level, 0, "ChurnModel.explain") - (categoricalMeanEffect[j] as number);
      const encoding = categoricalEncodings[j] as CategoricalEncoding;
      const note = known
        ? ""
        : encoding.reference === null
          ? " (not seen in training; scored with every level indicator 0)"
          : ` (not seen in training; scored as the reference "${encoding.reference}")`;
      const reason = `${feature.name} = "${level}"${note} ${direction(contribution)} the churn odds x${formatNumber(Math.exp(contribution))} versus the average customer`;
      contributions.push(makeContribution(feature.name, level, contribution, reason));
    });
    contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
    const eta = baselineEta + contributions.reduce((sum, item) => sum + item.contribution, 0);
    return freeze({
      probability: probability(eta),
      baselineProbability: probability(baselineEta),
      contributions: freeze(contributions),
      reasons: freeze(
        contributions
          .filter((item) => item.contribution > 0)
          .slice(0, top)
          .map((item) => item.reason),
      ),
    });
  };

  const model: ChurnModel<T> = {
    coefficients: json.coefficients,
    numericEncodings: json.numericEncodings,
    categoricalEncodings: json.categoricalEncodings,
    convergence: json.convergence,
    training: json.training,
    options: json.options,
    label,
    calibration,
    score,
    explain,
    toJSON: () => json,
  };
  internals.set(model, {
    json,
    numeric: numericFeatures as readonly ResolvedFeature<unknown>[],
    categorical: categoricalFeatures as readonly ResolvedFeature<unknown>[],
    label: label as Field<unknown>,
    linearPredictor: linearPredictor as ChurnModelInternals["linearPredictor"],
  });
  const calibrationNote =
    calibration === null
      ? []
      : [`scores recalibrated (${calibration.method}, ${calibration.rows} holdout rows)`];
  return withDisplay(model, {
    title: "Churn model (logistic regression)",
    summary: (m) => [
      `${m.training.rows} training rows, ${m.training.churners} churners, ${m.training.columns} columns, l2 = ${m.options.l2}${m.options.encoding === "oneHot" ? ", one-hot coding" : ""}`,
      m.convergence.message,
      ...calibrationNote,
    ],
    // Standard errors, z and p only where the fit has them (unpenalised, unweighted).
    rows: (m) =>
      m.coefficients.map((c) => ({
        term: c.term,
        estimate: c.estimate,
        ...(c.standardError === null ? {} : { standardError: c.standardError, z: c.z, pValue: c.pValue }),
        oddsRatio: c.oddsRatio,
        standardizedEstimate: c.standardizedEstimate,
      })),
    maxRows: 30,
  }) as ChurnModel<T>;
}

/** What {@link scoreRange} reads with: one per scoring call. */
interface ScorePass<T> {
  readonly records: readonly T[];
  readonly readRow: LinearRowReader<T>;
  readonly numericRead: readonly Accessor<T>[];
  readonly categoricalRead: readonly Accessor<T>[];
  readonly intercept: number;
  /** The coefficient of each numeric feature on its original scale. */
  readonly perUnit: Float64Array;
  readonly fallback: NumericFallback;
  /** The raw categorical values of the current row. */
  readonly rawLevels: unknown[];
  /** Per categorical feature, the effect of a raw value. */
  readonly effects: readonly RecentValues[];
  readonly functionName: string;
}

/** Records per call of {@link scoreRange}. */
const SCORE_CHUNK = 1024;

/**
 * The linear predictor of records [from, to) into `out`. A module-level function called chunk by chunk,
 * not a loop in a closure of the model: V8 keeps optimised code only while a function object running it
 * is alive, so a model made per call (trained, restored) lost its loop's optimised code at each full GC
 * (scoring 7,043 Telco-shaped records with a new model after a forced GC: CPU median 13-14 ms, 2.2-2.5
 * without the GC).
 */
function scoreRange<T>(pass: ScorePass<T>, out: Float64Array, from: number, to: number): void {
  const { records, readRow, numericRead, categoricalRead, intercept, perUnit, fallback } = pass;
  const { rawLevels, effects, functionName } = pass;
  const q = effects.length;
  for (let i = from; i < to; i++) {
    const record = records[i] as T;
    if (!isRecord(record)) throw notARecordError(functionName, i, record);
    let eta = readRow(record, i, intercept, perUnit, rawLevels, fallback, numericRead, categoricalRead);
    for (let j = 0; j < q; j++) eta += (effects[j] as RecentValues).numberOf(rawLevels[j], i);
    out[i] = eta;
  }
}

/** Deep-freezes the plain JSON data of a model (arrays and objects, not typed arrays). */
export function freezeJson<V>(value: V): V {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) freezeJson(item);
    freeze(value);
  }
  return value;
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
  return freeze({
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

/**
 * `eta[i] += coefficient · column[i]` for a finite number, else `+= fallback(i)` (a converted value's
 * term, or an imputed one).
 */
function addNumericColumn(
  column: ArrayLike<unknown>,
  coefficient: number,
  eta: Float64Array,
  fallback: (row: number) => number,
): void {
  for (let i = 0; i < eta.length; i++) {
    const value = column[i];
    eta[i] =
      (eta[i] as number) +
      (typeof value === "number" && value - value === 0 ? coefficient * value : fallback(i));
  }
}
