// The likelihood of BG/NBD and MBG/NBD (one function: the models differ in one term), and the fitted
// BG/NBD model built from an estimate: shared by fitBgNbd and by churnScoresFromBgNbd, which fits
// histories it has summarised itself (no second reading of them).
import type { BgNbdParams, FitBgNbdResult } from "../fitBgNbdTypes.js";
import {
  BG_NBD_FIT_DEFAULTS,
  estimateBgNbdFamily,
  type RepeatBuyingEstimate,
  repeatBuyingResult,
} from "./bgNbdFamilyFit.js";
import { bgNbdPredictions } from "./bgNbdPredictions.js";
import type { RepeatHistories } from "./lifetimeFit.js";
import { type ObjectiveWithGradient, outsideBox } from "./optimize.js";
import type { AggregatedHistories } from "./repeatColumns.js";
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
export function bgNbdObjective(data: AggregatedHistories): ObjectiveWithGradient {
  return betaGeometricNbdObjective(data, false);
}

/**
 * The mean negative log-likelihood over log-parameters, with its analytic gradient, of BG/NBD or, with
 * `dropoutAtFirstPurchase`, of MBG/NBD (Batislam, Denizel & Filiztekin 2007), whose customers may also
 * drop out right after their first purchase. Per history (x, t_x, T), with A = Γ(r + x) α^r / Γ(r):
 *
 *   BG/NBD:  L = A · B(a, b + x) / B(a, b) · [(α + T)^−(r+x) + (x > 0 ? a / (b + x − 1) · (α + t_x)^−(r+x) : 0)]
 *   MBG/NBD: L = A · B(a, b + x + 1) / B(a, b) · [(α + T)^−(r+x) + a / (b + x) · (α + t_x)^−(r+x)]
 *
 * the second term in brackets being the customer who dropped out after the last purchase. The terms that
 * depend on x alone are tabled once per evaluation (cumulative sums over k < x); each model keeps the
 * arithmetic of its own Beta ratio, so its fits stay the same to the last bit. O(u + max frequency) per
 * evaluation over u distinct histories.
 */
export function betaGeometricNbdObjective(
  data: AggregatedHistories,
  dropoutAtFirstPurchase: boolean,
): ObjectiveWithGradient {
  const { frequency, recency, T, weight, maxFrequency, total } = data;
  const u = frequency.length;
  const m = maxFrequency + 1;
  const counts = Int32Array.from(frequency);
  const lgR = new Float64Array(m); // lnΓ(r+x) − lnΓ(r)
  const dgR = new Float64Array(m); // ψ(r+x) − ψ(r)
  const lBeta = new Float64Array(m); // ln B(a, b+x) − ln B(a, b); MBG/NBD: ln B(a, b+x+1) − ln B(a, b)
  const dBetaA = new Float64Array(m);
  const dBetaB = new Float64Array(m);
  // the dropped-out term: from x = 1 on with a / (b + x − 1) in BG/NBD, from x = 0 on with a / (b + x) in MBG/NBD
  const firstDropFrequency = dropoutAtFirstPurchase ? 0 : 1;
  const dropShift = dropoutAtFirstPurchase ? 0 : 1;
  return (theta: Float64Array, gradient: Float64Array): number => {
    // search box e^-30 .. e^30: beyond it the model is degenerate (reported as "ran off")
    if (outsideBox(theta)) return Number.NaN;
    const r = Math.exp(theta[0] as number);
    const alpha = Math.exp(theta[1] as number);
    const a = Math.exp(theta[2] as number);
    const b = Math.exp(theta[3] as number);
    lgR[0] = 0;
    dgR[0] = 0;
    // ln B(a, b+x) − ln B(a, b) = Σ_{k<x} [ln(b+k) − ln(a+b+k)];
    // MBG/NBD's ln B(a, b+x+1) − ln B(a, b) = ln(b / (a+b)) + Σ_{k<x} ln((b+k+1) / (a+b+k+1))
    if (dropoutAtFirstPurchase) {
      lBeta[0] = Math.log(b / (a + b));
      dBetaA[0] = -1 / (a + b);
      dBetaB[0] = 1 / b - 1 / (a + b);
    } else {
      lBeta[0] = 0;
      dBetaA[0] = 0;
      dBetaB[0] = 0;
    }
    for (let k = 0; k + 1 < m; k++) {
      lgR[k + 1] = (lgR[k] as number) + Math.log(r + k);
      dgR[k + 1] = (dgR[k] as number) + 1 / (r + k);
      if (dropoutAtFirstPurchase) {
        lBeta[k + 1] = (lBeta[k] as number) + Math.log((b + k + 1) / (a + b + k + 1));
        dBetaA[k + 1] = (dBetaA[k] as number) - 1 / (a + b + k + 1);
        dBetaB[k + 1] = (dBetaB[k] as number) + 1 / (b + k + 1) - 1 / (a + b + k + 1);
      } else {
        lBeta[k + 1] = (lBeta[k] as number) + Math.log(b + k) - Math.log(a + b + k);
        dBetaA[k + 1] = (dBetaA[k] as number) - 1 / (a + b + k);
        dBetaB[k + 1] = (dBetaB[k] as number) + 1 / (b + k) - 1 / (a + b + k);
      }
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
      const ageT = alpha + (T[i] as number);
      const lT = Math.log(ageT);
      const rx = r + x;
      const alive = -rx * lT;
      // the dropped-out term (none in BG/NBD without a repeat purchase) and its share w4 of the bracket
      let mix = alive;
      let w4 = 0;
      let ltx = 0;
      let dropAlpha = 0;
      let dropB = 0;
      if (x >= firstDropFrequency) {
        const ageTx = alpha + (recency[i] as number);
        const bx = b + x - dropShift;
        ltx = Math.log(ageTx);
        const dropped = logA - Math.log(bx) - rx * ltx;
        mix = logAddExp(alive, dropped);
        w4 = Math.exp(dropped - mix);
        dropAlpha = w4 / ageTx;
        dropB = w4 / bx;
      }
      const w3 = 1 - w4;
      ll += w * ((lgR[x] as number) + r * logAlpha + (lBeta[x] as number) + mix);
      gr += w * ((dgR[x] as number) + logAlpha - w3 * lT - w4 * ltx);
      galpha += w * (r / alpha - rx * (w3 / ageT + dropAlpha));
      ga += w * ((dBetaA[x] as number) + w4 / a);
      gb += w * ((dBetaB[x] as number) - dropB);
    }
    // chain rule to log-parameters, mean negative log-likelihood
    gradient[0] = (-gr * r) / total;
    gradient[1] = (-galpha * alpha) / total;
    gradient[2] = (-ga * a) / total;
    gradient[3] = (-gb * b) / total;
    return -ll / total;
  };
}
