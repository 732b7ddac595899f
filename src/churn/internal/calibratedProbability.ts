/** Scores of a recalibrated churn model (see `calibrateChurnModel`, `restoreChurnModel`). */
import type { ChurnModelCalibration } from "../trainChurnModelTypes.js";
import { sigmoid } from "./churnScorer.js";

/** The probability of a linear predictor η under a calibration (see {@link ChurnModelCalibration}). */
export function calibratedProbability(calibration: ChurnModelCalibration, eta: number): number {
  if (calibration.method === "platt") return sigmoid(-(calibration.a * eta + calibration.b));
  const { x, y } = calibration;
  const last = x.length - 1;
  if (!(eta > (x[0] as number))) return y[0] as number;
  if (eta >= (x[last] as number)) return y[last] as number;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((x[mid] as number) <= eta) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo] as number;
  const y0 = y[lo] as number;
  return y0 + (((y[hi] as number) - y0) * (eta - x0)) / ((x[hi] as number) - x0);
}

/** The score function of a model's JSON form: the logistic function, or its calibration's. */
export function scoreFunction(calibration: ChurnModelCalibration | null): (eta: number) => number {
  return calibration === null ? sigmoid : (eta) => calibratedProbability(calibration, eta);
}
