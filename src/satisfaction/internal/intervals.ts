/**
 * Bootstrap confidence intervals (Efron & Tibshirani 1993, ch. 13-14):
 * percentile and bias-corrected and accelerated (BCa), on sorted replicates
 * with R type-7 quantiles.
 */
import { quantileSorted } from "../../core/index.js";
import { normalCdf, normalQuantile } from "./normal.js";

/** A two-sided interval with the BCa constants (0 for the percentile interval). */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
  readonly biasCorrection: number;
  readonly acceleration: number;
}

/** Percentile interval: the α/2 and 1 − α/2 quantiles of the replicates. */
export function percentileInterval(sorted: Float64Array, level: number): Interval {
  const alpha = (1 - level) / 2;
  return {
    lower: quantileSorted(sorted, alpha),
    upper: quantileSorted(sorted, 1 - alpha),
    biasCorrection: 0,
    acceleration: 0,
  };
}

/**
 * BCa interval. Bias correction z0 = Φ⁻¹(share of replicates below the
 * estimate), clamped to [1/(2B), 1 − 1/(2B)] so a one-sided bootstrap
 * distribution stays finite; acceleration a = Σ d³ / (6 (Σ d²)^{3/2}) with
 * d = mean(jackknife) − jackknife_i (0 when the jackknife values are all equal).
 * Quantile levels Φ(z0 + (z0 + z) / (1 − a (z0 + z))) for z = Φ⁻¹(α/2), Φ⁻¹(1 − α/2).
 */
export function bcaInterval(
  sorted: Float64Array,
  estimate: number,
  jackknife: ArrayLike<number>,
  level: number,
): Interval {
  const count = sorted.length;
  let below = 0;
  while (below < count && (sorted[below] as number) < estimate) below++;
  const share = Math.min(Math.max(below / count, 1 / (2 * count)), 1 - 1 / (2 * count));
  const z0 = normalQuantile(share);
  let mean = 0;
  for (let i = 0; i < jackknife.length; i++) mean += jackknife[i] as number;
  mean /= jackknife.length;
  let cubes = 0;
  let squares = 0;
  for (let i = 0; i < jackknife.length; i++) {
    const d = mean - (jackknife[i] as number);
    cubes += d * d * d;
    squares += d * d;
  }
  const acceleration = squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
  const alpha = (1 - level) / 2;
  const adjust = (z: number) => normalCdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)));
  return {
    lower: quantileSorted(sorted, adjust(normalQuantile(alpha))),
    upper: quantileSorted(sorted, adjust(normalQuantile(1 - alpha))),
    biasCorrection: z0,
    acceleration,
  };
}
