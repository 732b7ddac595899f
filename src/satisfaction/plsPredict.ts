import { createRandom, InsufficientDataError, withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, seed as seedRule } from "../core/internal/optionRules.js";
import { type PlsModelInput, resolveModelInput } from "./internal/groupModel.js";
import { count } from "./internal/optionRules.js";
import { preparePlsData } from "./internal/plsPrepare.js";
import { crossValidate } from "./internal/predictKernel.js";

/**
 * Options of {@link plsPredict}.
 *
 * @example
 * ```ts
 * plsPredict(mobi, ECSI_MODEL, { folds: 5, repetitions: 2, seed: 3 }).options;
 * // => { folds: 5, repetitions: 2, seed: 3 }
 * ```
 */
export interface PlsPredictOptions {
  /** Number of cross-validation folds k (2 to the number of rows). @defaultValue 10 */
  readonly folds?: number;
  /** Independent random fold assignments; the metrics are averaged over them. @defaultValue 10 */
  readonly repetitions?: number;
  /** Seed of the fold assignments ({@link createRandom}). @defaultValue 1 */
  readonly seed?: number;
}

/**
 * Out-of-sample accuracy for one indicator of an endogenous construct.
 *
 * @example
 * ```ts
 * plsPredict(mobi, ECSI_MODEL, { seed: 1 }).indicators.find((i) => i.indicator === "CUSA1");
 * // => { indicator: "CUSA1", construct: "Satisfaction", plsRmse: 1.068, plsMae: 0.8054, lmRmse: 1.028,
 * //      lmMae: 0.7838, q2predict: 0.2536, plsBeatsLm: false }
 * ```
 */
export interface PlsPredictIndicator {
  readonly indicator: string;
  readonly construct: string;
  /** Root mean squared prediction error of the PLS model, on the answer scale. */
  readonly plsRmse: number;
  /** Mean absolute prediction error of the PLS model. */
  readonly plsMae: number;
  /** RMSE of the linear-model benchmark (the item regressed on every item of the exogenous constructs). */
  readonly lmRmse: number;
  /** MAE of the linear-model benchmark. */
  readonly lmMae: number;
  /**
   * Q²predict = 1 − Σ(y − ŷ_PLS)² / Σ(y − ȳ_training)²: above 0 when the model predicts better than the
   * training mean. `null` when every held-out answer equals its training mean (the ratio is 0/0).
   */
  readonly q2predict: number | null;
  /** Whether the PLS RMSE is below the LM RMSE (Shmueli et al. 2019 compare RMSE, or MAE for skewed errors). */
  readonly plsBeatsLm: boolean;
}

/**
 * Result of {@link plsPredict}.
 *
 * @example
 * ```ts
 * const prediction = plsPredict(mobi, ECSI_MODEL, { folds: 10, repetitions: 10, seed: 1 });
 * [prediction.indicators.length, prediction.observations, prediction.plsBeatsLmCount]; // => [19, 250, 5]
 * ```
 */
export interface PlsPredictResult {
  /** Every indicator of an endogenous construct, block by block. */
  readonly indicators: readonly PlsPredictIndicator[];
  /** Indicators where the PLS RMSE beats the LM benchmark (Shmueli et al. 2019: all = high, majority = medium, minority = low, none = no predictive power over LM). */
  readonly plsBeatsLmCount: number;
  /** Out-of-sample PLS predictions per indicator, averaged over the repetitions (row i = `rowsUsed[i]`). */
  readonly predictions: Readonly<Record<string, Float64Array>>;
  /** Out-of-sample LM-benchmark predictions, the same way. */
  readonly lmPredictions: Readonly<Record<string, Float64Array>>;
  /** Rows used (after the model's missing-value policy). */
  readonly observations: number;
  /** Index into the input rows of each row used. */
  readonly rowsUsed: Int32Array;
  /** Training folds whose PLS iteration stopped at maxIterations (their estimates are used as they are). */
  readonly notConvergedFolds: number;
  /** The resolved options. */
  readonly options: Required<PlsPredictOptions>;
}

const NAME = "plsPredict";

/**
 * Rules of plsPredict's options. Exported for the equivalence test of satisfaction's option rules; not in
 * the module index.
 */
export const plsPredictShape = {
  folds: /* @__PURE__ */ count("folds", 2),
  repetitions: /* @__PURE__ */ count("repetitions", 1),
  seed: /* @__PURE__ */ seedRule(),
};

/**
 * PLSpredict (Shmueli et al. 2016, 2019): k-fold cross-validated, out-of-sample predictions of every indicator
 * of every endogenous construct, their RMSE and MAE against a linear-model (LM) benchmark, and Q²predict.
 *
 * In each fold the model is estimated on the training rows (standardised with the training means and SDs)
 * and the held-out rows are predicted from their exogenous items only: the **earliest-antecedents** convention
 * (seminr's `predict_EA`, the SmartPLS default): exogenous scores are the held-out items (standardised with the
 * training moments) times the training weights, endogenous scores follow through the path coefficients in
 * causal order, an item is its loading times its construct's predicted score, put back on the answer scale
 * with the training mean and SD. No endogenous item is used to predict, so nothing leaks from the targets
 * (seminr's alternative, direct antecedents, uses the observed scores of the predecessors). The same rule is
 * used for mode B blocks (loading times score). The LM benchmark regresses each target item on every item of
 * the exogenous constructs (with an intercept) in the training rows; Q²predict compares the PLS errors with
 * predicting the training mean.
 *
 * Folds: each repetition shuffles the rows (seeded) and cuts them into `folds` parts whose sizes differ by at
 * most one. RMSE, MAE and Q²predict are computed over all rows of a repetition, then averaged over repetitions
 * (SmartPLS reports the same averages; seminr averages the predictions first, which gives slightly lower errors).
 * With `missing: "mean"` the imputation is done once on all rows before folding. With `consistent: true`
 * (PLSc) the corrected loadings and path coefficients of each training fold are used.
 *
 * Complexity: folds × repetitions estimations, each O(n p²) for the training correlations plus the kernel.
 *
 * References: Shmueli, Ray, Velasquez Estrada & Chatla (2016), The elephant in the room: predictive
 * performance of PLS models, J. Business Research 69(10); Shmueli, Sarstedt, Hair, Cheah, Ting, Vaithilingam &
 * Ringle (2019), Predictive model assessment in PLS-SEM: guidelines for using PLSpredict, European J. Marketing
 * 53(11).
 *
 * @param rows - survey answers, one record per respondent
 * @param model - a model specification (the options of {@link plsPathModel}) or a plsPathModel result
 * @param options - see {@link PlsPredictOptions}
 * @throws InvalidOptionsError for a bad model or options, or more folds than rows
 * @throws InvalidRecordError for bad answers (as plsPathModel)
 * @throws InsufficientDataError when a training fold cannot be estimated (a constant indicator, a singular
 *   regression) or leaves too few rows for the LM benchmark
 * @example
 * ```ts
 * const prediction = plsPredict(mobi, ECSI_MODEL, { folds: 10, repetitions: 10, seed: 1 });
 * prediction.indicators[0];
 * // => { indicator: "CUEX1", construct: "Expectation", plsRmse: 1.534, plsMae: 1.155, lmRmse: 1.576, lmMae: 1.201,
 * //      q2predict: 0.1099, plsBeatsLm: true }
 * ```
 */
export function plsPredict<T extends object>(
  rows: readonly T[],
  model: PlsModelInput,
  options: PlsPredictOptions = {},
): PlsPredictResult {
  const { folds, repetitions, seed } = withDefaults(checkOptions(NAME, plsPredictShape, options), {
    folds: 10,
    repetitions: 10,
    seed: 1,
  });
  const parsed = { folds, repetitions, seed };
  const resolved = resolveModelInput(NAME, model);
  const data = preparePlsData(NAME, rows, resolved);
  const n = data.matrix.rowCount;
  if (parsed.folds > n) {
    throw new InsufficientDataError(NAME, `${parsed.folds} folds need at least as many rows; there are ${n}`);
  }
  const random = createRandom(parsed.seed);
  const foldSets: Int32Array[] = [];
  const order = Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < parsed.repetitions; r++) {
    const shuffled = random.shuffle(order);
    const folds = new Int32Array(n);
    shuffled.forEach((row, position) => {
      folds[row] = Math.floor((position * parsed.folds) / n);
    });
    foldSets.push(folds);
  }
  const sums = crossValidate(NAME, resolved, data, foldSets);
  return plsPredictResult(resolved.indicators, resolved.constructs, resolved.indicatorConstruct, sums, {
    observations: n,
    rowsUsed: data.matrix.rowsUsed,
    options: parsed,
  });
}

/** Builds the public result from the kernel sums. */
function plsPredictResult(
  indicatorNames: readonly string[],
  constructs: readonly string[],
  indicatorConstruct: Int32Array,
  sums: ReturnType<typeof crossValidate>,
  rest: { observations: number; rowsUsed: Int32Array; options: Required<PlsPredictOptions> },
): PlsPredictResult {
  const t = sums.targets.length;
  const n = rest.observations;
  const indicators: PlsPredictIndicator[] = [];
  const predictions: Record<string, Float64Array> = {};
  const lmPredictions: Record<string, Float64Array> = {};
  for (let s = 0; s < t; s++) {
    const a = sums.targets[s] as number;
    const name = indicatorNames[a] as string;
    const q2 = sums.q2predict[s] as number;
    indicators.push({
      indicator: name,
      construct: constructs[indicatorConstruct[a] as number] as string,
      plsRmse: sums.plsRmse[s] as number,
      plsMae: sums.plsMae[s] as number,
      lmRmse: sums.lmRmse[s] as number,
      lmMae: sums.lmMae[s] as number,
      q2predict: Number.isFinite(q2) ? q2 : null,
      plsBeatsLm: (sums.plsRmse[s] as number) < (sums.lmRmse[s] as number),
    });
    const pls = new Float64Array(n);
    const lm = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      pls[i] = sums.plsPredictions[i * t + s] as number;
      lm[i] = sums.lmPredictions[i * t + s] as number;
    }
    predictions[name] = pls;
    lmPredictions[name] = lm;
  }
  const result: PlsPredictResult = {
    indicators,
    plsBeatsLmCount: indicators.filter((i) => i.plsBeatsLm).length,
    predictions,
    lmPredictions,
    observations: n,
    rowsUsed: rest.rowsUsed,
    notConvergedFolds: sums.notConvergedFolds,
    options: rest.options,
  };
  return withDisplay(result, {
    title: "PLSpredict (earliest antecedents)",
    summary: (r) => [
      `${r.observations} rows, ${r.options.folds} folds x ${r.options.repetitions} repetitions (seed ${r.options.seed}); PLS beats the LM benchmark on ${r.plsBeatsLmCount} of ${r.indicators.length} indicators (RMSE)`,
    ],
    rows: (r) => r.indicators,
    maxRows: 40,
  });
}
