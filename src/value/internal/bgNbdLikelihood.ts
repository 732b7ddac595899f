// The BG/NBD likelihood and the fitted model built from an estimate: shared by fitBgNbd and by
// churnScoresFromBgNbd, which fits histories it has summarised itself (no second reading of them).
import type { BgNbdParams, FitBgNbdResult } from "../fitBgNbdTypes.js";
import {
  BG_NBD_FIT_DEFAULTS,
  estimateBgNbdFamily,
  type RepeatBuyingEstimate,
  repeatBuyingResult,
} from "./bgNbdFamilyFit.js";
import { bgNbdPredictions } from "./bgNbdPredictions.js";
import type { RepeatHistories } from "./lifetimeFit.js";
import { outsideBox } from "./optimize.js";
import type { aggregateHistories } from "./repeatColumns.js";
import { logAddExp } from "./special.js";

/** The fitted BG/NBD model of an estimate: its predictions and display attached. */
export function bgNbdModel(estimate: RepeatBuyingEstimate<BgNbdParams>): FitBgNbdResult {
  return repeatBuyingResult<BgNbdParams, FitBgNbdResult>(
    "BG/NBD model",
    estimate,
    bgNbdPredictions(estimate.params),
  );
}

/** `fitBgNbd` with its default options, on histories already checked and counted. */
export function fitBgNbdHistories(histories: RepeatHistories): FitBgNbdResult {
  return bgNbdModel(estimateBgNbdFamily(histories, BG_NBD_FIT_DEFAULTS, bgNbdObjective));
}

/** The mean negative log-likelihood of BG/NBD over log-parameters, with its analytic gradient. */
export function bgNbdObjective(data: ReturnType<typeof aggregateHistories>) {
  const { frequency, recency, T, weight, maxFrequency, total } = data;
  const u = frequency.length;
  const m = maxFrequency + 1;
  const counts = Int32Array.from(frequency);
  // per-frequency terms, filled by cumulative sums over k < x
  const lgR = new Float64Array(m); // lnΓ(r+x) − lnΓ(r)
  const dgR = new Float64Array(m); // ψ(r+x) − ψ(r)
  const lBeta = new Float64Array(m); // ln B(a, b+x) − ln B(a, b)
  const dBetaA = new Float64Array(m);
  const dBetaB = new Float64Array(m);
  return (theta: Float64Array, gradient: Float64Array): number => {
    const r = Math.exp(theta[0] as number);
    const alpha = Math.exp(theta[1] as number);
    const a = Math.exp(theta[2] as number);
    const b = Math.exp(theta[3] as number);
    // search box e^-30 .. e^30: beyond it the model is degenerate (reported as "ran off")
    if (outsideBox(theta)) return Number.NaN;
    lgR[0] = 0;
    dgR[0] = 0;
    lBeta[0] = 0;
    dBetaA[0] = 0;
    dBetaB[0] = 0;
    for (let k = 0; k + 1 < m; k++) {
      // lnB(a, b+x) − lnB(a, b) = Σ_{k<x} [ln(b+k) − ln(a+b+k)]
      lgR[k + 1] = (lgR[k] as number) + Math.log(r + k);
      dgR[k + 1] = (dgR[k] as number) + 1 / (r + k);
      lBeta[k + 1] = (lBeta[k] as number) + Math.log(b + k) - Math.log(a + b + k);
      dBetaA[k + 1] = (dBetaA[k] as number) - 1 / (a + b + k);
      dBetaB[k + 1] = (dBetaB[k] as number) + 1 / (b + k) - 1 / (a + b + k);
    }
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    let ll = 0;
    let gr = 0;
    let galpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < u; i++) {
      const x = counts[i] as number;
      const w = weight[i] as number;
      const lT = Math.log(alpha + (T[i] as number));
      const rx = r + x;
      const a3 = -rx * lT;
      let mix = a3;
      let w4 = 0;
      let ltx = 0;
      if (x > 0) {
        ltx = Math.log(alpha + (recency[i] as number));
        const a4 = logA - Math.log(b + x - 1) - rx * ltx;
        mix = logAddExp(a3, a4);
        w4 = Math.exp(a4 - mix);
      }
      const w3 = 1 - w4;
      ll += w * ((lgR[x] as number) + r * logAlpha + (lBeta[x] as number) + mix);
      gr += w * ((dgR[x] as number) + logAlpha - w3 * lT - w4 * ltx);
      galpha +=
        w *
        (r / alpha -
          rx * (w3 / (alpha + (T[i] as number)) + (x > 0 ? w4 / (alpha + (recency[i] as number)) : 0)));
      ga += w * ((dBetaA[x] as number) + w4 / a);
      gb += w * ((dBetaB[x] as number) - (x > 0 ? w4 / (b + x - 1) : 0));
    }
    // chain rule to log-parameters, mean negative log-likelihood
    gradient[0] = (-gr * r) / total;
    gradient[1] = (-galpha * alpha) / total;
    gradient[2] = (-ga * a) / total;
    gradient[3] = (-gb * b) / total;
    return -ll / total;
  };
}
