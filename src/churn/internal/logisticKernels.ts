/**
 * Row-range kernels of the logistic fit over typed arrays: scaled adds, dot products, per-level sums,
 * the loss and curvature of a chunk of rows. Each is small and called once per column or chunk, so the
 * engine optimises it with complete type feedback.
 */
/** y[i] += a · x[offset + i] for i in [from, to). */
export function addScaled(
  y: Float64Array,
  a: number,
  x: Float64Array,
  offset: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) y[i] = (y[i] as number) + a * (x[offset + i] as number);
}

/** Σ r[i] · x[offset + i] for i in [from, to), two accumulators. */
export function dot(r: Float64Array, x: Float64Array, offset: number, from: number, to: number): number {
  const even = from + ((to - from) & ~1);
  let s0 = 0;
  let s1 = 0;
  let i = from;
  for (; i < even; i += 2) {
    s0 += (r[i] as number) * (x[offset + i] as number);
    s1 += (r[i + 1] as number) * (x[offset + i + 1] as number);
  }
  if (i < to) s0 += (r[i] as number) * (x[offset + i] as number);
  return s0 + s1;
}

/** Σ values[i] for i in [from, to). */
export function sum(values: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] as number;
  return total;
}

/**
 * η[i] += Σ β[c] over row i's dummy columns c (`columns[start[i], start[i + 1])`, see Design), for i
 * in [from, to): the dummy effects, added in feature order.
 */
export function addDummyEffects(
  eta: Float64Array,
  beta: Float64Array,
  start: Int32Array,
  columns: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    let value = eta[i] as number;
    const end = start[i + 1] as number;
    for (let k = start[i] as number; k < end; k++) value += beta[columns[k] as number] as number;
    eta[i] = value;
  }
}

/** gradient[c] += residual[i] for each dummy column c of row i (see Design), for i in [from, to). */
export function addDummyResiduals(
  gradient: Float64Array,
  residual: Float64Array,
  start: Int32Array,
  columns: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const value = residual[i] as number;
    const end = start[i + 1] as number;
    for (let k = start[i] as number; k < end; k++) {
      const column = columns[k] as number;
      gradient[column] = (gradient[column] as number) + value;
    }
  }
}

/**
 * Σᵢ wᵢ [log(1 + e^{ηᵢ}) − yᵢ ηᵢ] over rows [from, to); with `residual`, also stores wᵢ (pᵢ − yᵢ).
 * One exponential per row serves both log(1 + e^η) and the probability.
 */
export function lossChunk(
  eta: Float64Array,
  y: Uint8Array,
  weights: Float64Array,
  residual: Float64Array | undefined,
  from: number,
  to: number,
): number {
  let total = 0;
  for (let i = from; i < to; i++) {
    const value = eta[i] as number;
    const w = weights[i] as number;
    const label = y[i] as number;
    const t = Math.exp(-Math.abs(value)); // e^{-|η|} ≤ 1: no overflow
    // max(η, 0) and label · η (label 0/1) instead of conditionals: the same values, without branches
    // on the label and the sign of η (mispredicted often, both being close to random by row).
    const softplus = Math.max(value, 0) + Math.log1p(t);
    total += w * (softplus - label * value);
    if (residual !== undefined) residual[i] = w * ((value >= 0 ? 1 / (1 + t) : t / (1 + t)) - label);
  }
  return total;
}

/** Residuals wᵢ (pᵢ − yᵢ) and curvatures wᵢ pᵢ (1 − pᵢ) over rows [from, to). */
export function curvatureChunk(
  eta: Float64Array,
  y: Uint8Array,
  weights: Float64Array,
  residual: Float64Array,
  curvature: Float64Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const e = eta[i] as number;
    const t = Math.exp(-Math.abs(e));
    const p = e >= 0 ? 1 / (1 + t) : t / (1 + t);
    const w = weights[i] as number;
    residual[i] = w * (p - (y[i] as number));
    curvature[i] = w * p * (1 - p);
  }
}

export function maxAbs(values: Float64Array): number {
  let max = 0;
  for (let j = 0; j < values.length; j++) max = Math.max(max, Math.abs(values[j] as number));
  return max;
}

/**
 * y[i] = (((y[i] + a0·x[o0 + i]) + a1·x[o1 + i]) + a2·x[o2 + i]) + a3·x[o3 + i] for i in [from, to):
 * four columns per pass over y (the same rounding as four {@link addScaled} passes, half the loads).
 */
export function addScaled4(
  y: Float64Array,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
  x: Float64Array,
  o0: number,
  o1: number,
  o2: number,
  o3: number,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    let v = y[i] as number;
    v += a0 * (x[o0 + i] as number);
    v += a1 * (x[o1 + i] as number);
    v += a2 * (x[o2 + i] as number);
    v += a3 * (x[o3 + i] as number);
    y[i] = v;
  }
}

/** out[c] += Σ r[i] · x[o_c + i] over [from, to) for four columns c (one load of r for four products). */
export function dot4(
  r: Float64Array,
  x: Float64Array,
  o0: number,
  o1: number,
  o2: number,
  o3: number,
  from: number,
  to: number,
  out: Float64Array,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = from; i < to; i++) {
    const value = r[i] as number;
    s0 += value * (x[o0 + i] as number);
    s1 += value * (x[o1 + i] as number);
    s2 += value * (x[o2 + i] as number);
    s3 += value * (x[o3 + i] as number);
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}
