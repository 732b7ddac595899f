/**
 * The cross-validation kernel of plsPredict: earliest-antecedent PLS predictions, the linear-model benchmark
 * and the naive (training mean) benchmark for every indicator of an endogenous construct, for given fold
 * assignments (one Int32Array of fold ids per repetition).
 */
import { InsufficientDataError } from "../../core/index.js";
import { describeSubsetFailure, subsetEstimator } from "./groupSubset.js";
import { invert } from "./linearAlgebra.js";
import type { PreparedPlsData } from "./plsPrepare.js";
import type { ResolvedPlsModel } from "./plsSpec.js";

/** Error sums per repetition and target, and mean predictions per row. */
export interface PredictSums {
  /** Indicator positions (into the model's indicators) of the targets: items of endogenous constructs. */
  readonly targets: Int32Array;
  /** Indicator positions of the LM predictors: items of exogenous constructs. */
  readonly predictors: Int32Array;
  /** Per target, mean over repetitions of RMSE, MAE (PLS and LM) and Q²predict. */
  readonly plsRmse: Float64Array;
  readonly plsMae: Float64Array;
  readonly lmRmse: Float64Array;
  readonly lmMae: Float64Array;
  readonly q2predict: Float64Array;
  /** n x targets, row-major: out-of-sample PLS predictions averaged over repetitions. */
  readonly plsPredictions: Float64Array;
  /** n x targets: out-of-sample LM predictions averaged over repetitions. */
  readonly lmPredictions: Float64Array;
  /** Folds whose PLS iteration stopped at maxIterations (their estimates are used as they are). */
  readonly notConvergedFolds: number;
}

export function crossValidate(
  functionName: string,
  model: ResolvedPlsModel,
  data: PreparedPlsData,
  foldSets: readonly Int32Array[],
): PredictSums {
  const { spec } = model;
  const n = data.matrix.rowCount;
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const values = data.matrix.values;
  const targetList: number[] = [];
  const predictorList: number[] = [];
  for (let a = 0; a < p; a++) {
    const k = model.indicatorConstruct[a] as number;
    if ((spec.predecessors[k] as Int32Array).length > 0) targetList.push(a);
    else predictorList.push(a);
  }
  const targets = Int32Array.from(targetList);
  const predictors = Int32Array.from(predictorList);
  const t = targets.length;
  const q = predictors.length;
  const estimator = subsetEstimator(model, data);
  const buffer = (length: number) => new Float64Array(length);
  const counts = buffer(n);
  const sd = buffer(p);
  const scores = buffer(m);
  const xMean = buffer(q);
  const sxx = buffer(q * q);
  const sxy = buffer(q * t);
  const beta = buffer(q * t);
  const plsRmse = buffer(t);
  const plsMae = buffer(t);
  const lmRmse = buffer(t);
  const lmMae = buffer(t);
  const q2predict = buffer(t);
  const plsPredictions = buffer(n * t);
  const lmPredictions = buffer(n * t);
  const squaredPls = buffer(t);
  const absolutePls = buffer(t);
  const squaredLm = buffer(t);
  const absoluteLm = buffer(t);
  const squaredNaive = buffer(t);
  let notConvergedFolds = 0;

  for (const folds of foldSets) {
    squaredPls.fill(0);
    absolutePls.fill(0);
    squaredLm.fill(0);
    absoluteLm.fill(0);
    squaredNaive.fill(0);
    let foldCount = 0;
    for (let i = 0; i < n; i++) foldCount = Math.max(foldCount, (folds[i] as number) + 1);
    for (let f = 0; f < foldCount; f++) {
      let training = 0;
      for (let i = 0; i < n; i++) {
        const inTraining = folds[i] !== f;
        counts[i] = inTraining ? 1 : 0;
        if (inTraining) training++;
      }
      if (training === n) continue;
      const failure = estimator.fit(counts);
      if (failure === "notConverged") notConvergedFolds++;
      else if (failure !== undefined) {
        throw new InsufficientDataError(
          functionName,
          `the model cannot be estimated on the training rows of fold ${f + 1} (${describeSubsetFailure(failure)}); use fewer folds or more rows`,
        );
      }
      const { work, mean } = estimator;
      // Training SDs (n − 1), as the kernel standardises with.
      sd.fill(0);
      for (let i = 0; i < n; i++) {
        if (counts[i] === 0) continue;
        for (let a = 0; a < p; a++) {
          const d = (values[i * p + a] as number) - (mean[a] as number);
          sd[a] = (sd[a] as number) + d * d;
        }
      }
      for (let a = 0; a < p; a++) sd[a] = Math.sqrt((sd[a] as number) / (training - 1));
      // LM benchmark on the training rows (least squares with an intercept), one inverse for every target.
      if (q > 0) {
        if (training <= q + 1) {
          throw new InsufficientDataError(
            functionName,
            `fold ${f + 1} leaves ${training} training rows for a linear benchmark with ${q} predictors; use fewer folds or more rows`,
          );
        }
        // From the training correlations: standardised coefficients R_xx⁻¹ r_xy, rescaled by the SDs.
        const correlation = estimator.correlation;
        for (let r = 0; r < q; r++) {
          const pr = predictors[r] as number;
          xMean[r] = mean[pr] as number;
          for (let s = 0; s < q; s++)
            sxx[r * q + s] = correlation[pr * p + (predictors[s] as number)] as number;
          for (let s = 0; s < t; s++) sxy[r * t + s] = correlation[pr * p + (targets[s] as number)] as number;
        }
        const inverse = invert(sxx, q);
        if (inverse === undefined) {
          throw new InsufficientDataError(
            functionName,
            `the linear benchmark is singular on the training rows of fold ${f + 1} (collinear exogenous indicators)`,
          );
        }
        for (let r = 0; r < q; r++)
          for (let s = 0; s < t; s++) {
            let sum = 0;
            for (let c = 0; c < q; c++) sum += (inverse[r * q + c] as number) * (sxy[c * t + s] as number);
            beta[r * t + s] =
              (sum * (sd[targets[s] as number] as number)) / (sd[predictors[r] as number] as number);
          }
      }
      // Held-out rows.
      for (let i = 0; i < n; i++) {
        if (counts[i] !== 0) continue;
        const row = i * p;
        for (const j of model.order) {
          const pred = spec.predecessors[j] as Int32Array;
          let score = 0;
          if (pred.length === 0) {
            for (let a = spec.blockStart[j] as number; a < (spec.blockStart[j + 1] as number); a++)
              score +=
                (((values[row + a] as number) - (mean[a] as number)) / (sd[a] as number)) *
                (work.weights[a] as number);
          } else {
            for (let r = 0; r < pred.length; r++) {
              const k = pred[r] as number;
              score += (work.paths[k * m + j] as number) * (scores[k] as number);
            }
          }
          scores[j] = score;
        }
        for (let s = 0; s < t; s++) {
          const a = targets[s] as number;
          const actual = values[row + a] as number;
          const k = model.indicatorConstruct[a] as number;
          const plsValue =
            (work.loadings[a] as number) * (scores[k] as number) * (sd[a] as number) + (mean[a] as number);
          let lmValue = mean[a] as number;
          for (let r = 0; r < q; r++)
            lmValue +=
              (beta[r * t + s] as number) *
              ((values[row + (predictors[r] as number)] as number) - (xMean[r] as number));
          plsPredictions[i * t + s] = (plsPredictions[i * t + s] as number) + plsValue;
          lmPredictions[i * t + s] = (lmPredictions[i * t + s] as number) + lmValue;
          const ePls = actual - plsValue;
          const eLm = actual - lmValue;
          const eNaive = actual - (mean[a] as number);
          squaredPls[s] = (squaredPls[s] as number) + ePls * ePls;
          absolutePls[s] = (absolutePls[s] as number) + Math.abs(ePls);
          squaredLm[s] = (squaredLm[s] as number) + eLm * eLm;
          absoluteLm[s] = (absoluteLm[s] as number) + Math.abs(eLm);
          squaredNaive[s] = (squaredNaive[s] as number) + eNaive * eNaive;
        }
      }
    }
    for (let s = 0; s < t; s++) {
      plsRmse[s] = (plsRmse[s] as number) + Math.sqrt((squaredPls[s] as number) / n);
      plsMae[s] = (plsMae[s] as number) + (absolutePls[s] as number) / n;
      lmRmse[s] = (lmRmse[s] as number) + Math.sqrt((squaredLm[s] as number) / n);
      lmMae[s] = (lmMae[s] as number) + (absoluteLm[s] as number) / n;
      q2predict[s] = (q2predict[s] as number) + 1 - (squaredPls[s] as number) / (squaredNaive[s] as number);
    }
  }
  const reps = foldSets.length;
  for (const array of [plsRmse, plsMae, lmRmse, lmMae, q2predict, plsPredictions, lmPredictions])
    for (let s = 0; s < array.length; s++) array[s] = (array[s] as number) / reps;
  return {
    targets,
    predictors,
    plsRmse,
    plsMae,
    lmRmse,
    lmMae,
    q2predict,
    plsPredictions,
    lmPredictions,
    notConvergedFolds,
  };
}
