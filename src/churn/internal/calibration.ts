/**
 * Recalibration fits on a holdout: Platt scaling (a logistic fit of the labels on the model's log-odds,
 * with Platt's smoothed targets) and isotonic regression (pool-adjacent-violators), both as
 * scikit-learn's `CalibratedClassifierCV(method="sigmoid" | "isotonic", cv="prefit")` define them.
 */
import { sigmoid } from "./churnScorer.js";

/**
 * Platt scaling: minimises −Σ [tᵢ log pᵢ + (1 − tᵢ) log(1 − pᵢ)], pᵢ = 1 / (1 + exp(a fᵢ + b)), with the
 * smoothed targets t = (N₊ + 1) / (N₊ + 2) for positives and 1 / (N₋ + 2) for negatives (Platt 1999),
 * by Newton's method with a backtracking line search (Lin, Lin & Weng 2007): the objective is convex.
 * Starts at a = 0, b = log((N₋ + 1) / (N₊ + 1)), as Platt. O(iterations · n).
 */
export function fitPlatt(f: Float64Array, y: Uint8Array): { a: number; b: number; iterations: number } {
  const n = f.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i] as number;
  const negatives = n - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const target = (i: number): number => ((y[i] as number) === 1 ? hi : lo);
  // With t = a f + b: −[T log p + (1 − T) log(1 − p)] = log(1 + e^t) − (1 − T) t, evaluated without
  // overflow as T t + log(1 + e^{−t}) for t ≥ 0.
  const objective = (a: number, b: number): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const t = a * (f[i] as number) + b;
      const T = target(i);
      total += t >= 0 ? T * t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)) - (1 - T) * t;
    }
    return total;
  };
  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  let value = objective(a, b);
  let iterations = 0;
  for (; iterations < 100; iterations++) {
    // Per row, dℓ/dt = q − (1 − T) and d²ℓ/dt² = q (1 − q) with q = 1 − p = 1 / (1 + e^{−t}).
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const x = f[i] as number;
      const t = a * x + b;
      const q = sigmoid(t);
      const d1 = q - (1 - target(i));
      const d2 = q * (1 - q);
      ga += d1 * x;
      gb += d1;
      haa += d2 * x * x;
      hab += d2 * x;
      hbb += d2;
    }
    if (Math.abs(ga) < 1e-12 * n && Math.abs(gb) < 1e-12 * n) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    let moved = false;
    while (step >= 1e-10) {
      const trial = objective(a + step * da, b + step * db);
      if (trial < value + 1e-4 * step * (ga * da + gb * db)) {
        a += step * da;
        b += step * db;
        value = trial;
        moved = true;
        break;
      }
      step /= 2;
    }
    if (
      !moved ||
      (Math.abs(step * da) < 1e-15 * (1 + Math.abs(a)) && Math.abs(step * db) < 1e-15 * (1 + Math.abs(b)))
    )
      break;
  }
  return { a, b, iterations };
}

/**
 * Isotonic regression of `y` on `f`: equal f values are pooled first (their mean label, weighted by
 * count), then pool-adjacent-violators gives the non-decreasing least-squares fit. Returns the pooled
 * points (ascending x, fitted y), interpolated linearly between them (constant within a block, so the
 * block ends carry the fit). O(n log n).
 */
export function fitIsotonic(f: Float64Array, y: Uint8Array): { x: number[]; y: number[] } {
  const n = f.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (f[i] as number) - (f[j] as number));
  // Unique x with summed labels and counts.
  const xs: number[] = [];
  const sums: number[] = [];
  const weights: number[] = [];
  for (const i of order) {
    const x = f[i] as number;
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x) {
      sums[last] = (sums[last] as number) + (y[i] as number);
      weights[last] = (weights[last] as number) + 1;
    } else {
      xs.push(x);
      sums.push(y[i] as number);
      weights.push(1);
    }
  }
  // PAVA over the unique points: a stack of blocks (mean, weight, first point).
  const means: number[] = [];
  const blockWeights: number[] = [];
  const starts: number[] = [];
  for (let k = 0; k < xs.length; k++) {
    let mean = (sums[k] as number) / (weights[k] as number);
    let weight = weights[k] as number;
    let start = k;
    while (means.length > 0 && (means[means.length - 1] as number) >= mean) {
      const previousWeight = blockWeights.pop() as number;
      const previousMean = means.pop() as number;
      start = starts.pop() as number;
      mean = (previousMean * previousWeight + mean * weight) / (previousWeight + weight);
      weight += previousWeight;
    }
    means.push(mean);
    blockWeights.push(weight);
    starts.push(start);
  }
  const fitted: number[] = new Array(xs.length);
  for (let b = 0; b < means.length; b++) {
    const end = b + 1 < starts.length ? (starts[b + 1] as number) : xs.length;
    for (let k = starts[b] as number; k < end; k++) fitted[k] = means[b] as number;
  }
  return { x: xs, y: fitted };
}
