/**
 * The logistic fit's work over rows, on typed arrays: the row-range kernels (scaled adds, dot
 * products, per-level sums, the loss and curvature of a chunk of rows), one row block of a pass
 * ({@link passBlock}: η, loss, gradient and Hessian sums), and the loop a worker thread runs
 * ({@link passWorker}). Each kernel is small and called once per column or chunk, so the engine
 * optimises it with complete type feedback.
 *
 * Every function here uses nothing but the others, its arguments and globals (no imports beyond
 * types, no module state, no module constants): logisticParallel.ts ships their text
 * ({@link PASS_ENGINE}) to worker threads, so a worker runs exactly this code.
 */
import type { Design, PassRequest, Scratch, SharedPassArrays } from "./logisticDesign.js";

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

/** y[i] += table[code[i]] for i in [from, to) (dummy effects). */
export function addLevels(
  y: Float64Array,
  table: Float64Array,
  code: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) y[i] = (y[i] as number) + (table[code[i] as number] as number);
}

/** sums[code[i]] += values[i] for i in [from, to) (per-level totals). */
export function addByLevel(
  sums: Float64Array,
  values: Float64Array,
  code: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++)
    sums[code[i] as number] = (sums[code[i] as number] as number) + (values[i] as number);
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

// One row block of a pass.

/** Per categorical feature, the coefficient of each level (level 0, the reference: 0). */
export function fillLevelTables(problem: Design, beta: Float64Array, scratch: Scratch): void {
  let offset = 1 + problem.denseColumns;
  for (const table of scratch.levelTables) {
    table[0] = 0;
    for (let k = 1; k < table.length; k++) table[k] = beta[offset + k - 1] as number;
    offset += table.length - 1;
  }
}

/** η = Xβ over rows [from, to): every dense column in turn, then the dummies by table lookup. */
export function linearPredictorRange(
  problem: Design,
  beta: Float64Array,
  eta: Float64Array,
  scratch: Scratch,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, codes, rows: n } = problem;
  eta.fill(beta[0] as number, from, to);
  let j = 0;
  // Four columns per pass over the chunk of η (same additions in the same order, half the loads).
  for (; j + 3 < p; j += 4) {
    const o = j * n;
    addScaled4(
      eta,
      beta[1 + j] as number,
      beta[2 + j] as number,
      beta[3 + j] as number,
      beta[4 + j] as number,
      dense,
      o,
      o + n,
      o + 2 * n,
      o + 3 * n,
      from,
      to,
    );
  }
  for (; j < p; j++) {
    const b = beta[1 + j] as number;
    if (b !== 0) addScaled(eta, b, dense, j * n, from, to);
  }
  for (let c = 0; c < codes.length; c++)
    addLevels(eta, scratch.levelTables[c] as Float64Array, codes[c] as Int32Array, from, to);
}

/**
 * Adds rows [from, to) of Xᵀr (r = `scratch.residual`) to `gradient` (intercept and dense columns)
 * and to `scratch.levelSums` (dummies; see {@link passBlock}).
 */
export function addGradientRange(
  problem: Design,
  gradient: Float64Array,
  scratch: Scratch,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, codes, rows: n } = problem;
  const residual = scratch.residual;
  gradient[0] = (gradient[0] as number) + sum(residual, from, to);
  const four = scratch.four;
  let j = 0;
  // Four columns per pass (one load of the residual for four products).
  for (; j + 3 < p; j += 4) {
    const o = j * n;
    dot4(residual, dense, o, o + n, o + 2 * n, o + 3 * n, from, to, four);
    for (let c = 0; c < 4; c++) gradient[1 + j + c] = (gradient[1 + j + c] as number) + (four[c] as number);
  }
  for (; j < p; j++) gradient[1 + j] = (gradient[1 + j] as number) + dot(residual, dense, j * n, from, to);
  for (let c = 0; c < codes.length; c++)
    addByLevel(scratch.levelSums[c] as Float64Array, residual, codes[c] as Int32Array, from, to);
}

/**
 * One row block of a pass: rows [b · blockRows, (b + 1) · blockRows). Its sums go to `partials` at
 * b · {@link partialSize}: the loss (objective passes), the gradient without the penalty (dummy
 * entries from the per-level sums), and the lower triangle of the Hessian. Objective passes also write
 * the block's η = Xβ to `eta` (and its residuals, for the gradient); other passes read η there and
 * write the block's residuals and curvatures.
 */
export function passBlock(
  design: Design,
  scratch: Scratch,
  beta: Float64Array,
  eta: Float64Array,
  request: PassRequest,
  block: number,
  partials: Float64Array,
): void {
  const { y, weights, rows, columns: d, chunkRows, blockRows } = design;
  const { residual, curvature } = scratch;
  const from = block * blockRows;
  const to = Math.min(rows, from + blockRows);
  const at = block * (1 + d + d * d);
  const gradient = request.gradient ? partials.subarray(at + 1, at + 1 + d) : undefined;
  if (gradient !== undefined) {
    gradient.fill(0);
    for (const sums of scratch.levelSums) sums.fill(0);
  }
  if (request.objective) fillLevelTables(design, beta, scratch);
  let loss = 0;
  for (let start = from; start < to; start += chunkRows) {
    const end = Math.min(to, start + chunkRows);
    if (request.objective) {
      linearPredictorRange(design, beta, eta, scratch, start, end);
      loss += lossChunk(eta, y, weights, gradient === undefined ? undefined : residual, start, end);
    } else curvatureChunk(eta, y, weights, residual, curvature, start, end);
    if (gradient !== undefined) addGradientRange(design, gradient, scratch, start, end);
  }
  partials[at] = loss;
  if (gradient !== undefined) {
    let offset = 1 + design.denseColumns;
    for (const sums of scratch.levelSums) {
      for (let k = 1; k < sums.length; k++) gradient[offset + k - 1] = sums[k] as number;
      offset += sums.length - 1;
    }
  }
  if (request.hessian)
    hessianRange(design, partials.subarray(at + 1 + d, at + 1 + d + d * d), scratch, from, to);
}

// The Hessian XᵀCX of the logistic objective (C = diag of the per-row curvatures) without
// materialising dummies: dense-dense products by row tiles, dummy rows from per-level sums.

/**
 * Fills `weighted` (column-major p x tile) with curvature · x for one row tile and adds each column's
 * tile sum to the Hessian's first column (dense column × intercept).
 */
export function weighBlock(
  dense: Float64Array,
  n: number,
  p: number,
  start: number,
  size: number,
  curvature: Float64Array,
  weighted: Float64Array,
  hessian: Float64Array,
  d: number,
  tile: number,
): void {
  for (let a = 0; a < p; a++) {
    const base = a * n + start;
    const to = a * tile;
    let total = 0;
    for (let k = 0; k < size; k++) {
      const value = (curvature[start + k] as number) * (dense[base + k] as number);
      weighted[to + k] = value;
      total += value;
    }
    hessian[(1 + a) * d] = (hessian[(1 + a) * d] as number) + total;
  }
}

/**
 * table[code · p + a] += weighted[a][k] for one row tile (dummy × dense column sums): row by row, the
 * p independent sums of a row's level side by side (no chain of dependent updates when consecutive rows
 * share a level).
 */
export function sumBlockByLevel(
  table: Float64Array,
  p: number,
  code: Int32Array,
  start: number,
  size: number,
  weighted: Float64Array,
  tile: number,
): void {
  for (let k = 0; k < size; k++) {
    const to = (code[start + k] as number) * p;
    for (let a = 0, from = k; a < p; a++, from += tile)
      table[to + a] = (table[to + a] as number) + (weighted[from] as number);
  }
}

/**
 * Adds one row tile's dense-dense products to the lower triangle (rows and columns 1..p of the d x d
 * `hessian`), register-blocked 3 x 3: three Hessian rows (a, a + 1, a + 2) against three columns (b, b + 1,
 * b + 2) per pass, six loads for nine multiply-adds, one accumulator per entry (nine, plus the six loaded
 * values: they fit the 16 floating-point registers; 2 x 4 blocking needed 0.75 loads per product, 3 x 3
 * needs 0.67). Each entry's tile sum runs over the tile's rows in order, as before, so the Hessian is
 * the same to the bit. A function of its own, called once per tile, so the engine optimises it after a
 * few tiles with complete type feedback (one long-running function would be optimised mid-loop and
 * deoptimised repeatedly).
 */
export function addDenseBlock(
  dense: Float64Array,
  n: number,
  p: number,
  start: number,
  size: number,
  weighted: Float64Array,
  hessian: Float64Array,
  d: number,
  tile: number,
): void {
  let a = 0;
  for (; a + 2 < p; a += 3) {
    const a0 = a * tile;
    const a1 = a0 + tile;
    const a2 = a1 + tile;
    const h0 = (1 + a) * d + 1;
    const h1 = h0 + d;
    const h2 = h1 + d;
    for (let b = 0; b < a; b += 3) {
      const c0 = b * n + start;
      const c1 = c0 + n;
      const c2 = c1 + n;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      for (let k = 0; k < size; k++) {
        const w0 = weighted[a0 + k] as number;
        const w1 = weighted[a1 + k] as number;
        const w2 = weighted[a2 + k] as number;
        const x0 = dense[c0 + k] as number;
        const x1 = dense[c1 + k] as number;
        const x2 = dense[c2 + k] as number;
        s00 += w0 * x0;
        s01 += w0 * x1;
        s02 += w0 * x2;
        s10 += w1 * x0;
        s11 += w1 * x1;
        s12 += w1 * x2;
        s20 += w2 * x0;
        s21 += w2 * x1;
        s22 += w2 * x2;
      }
      hessian[h0 + b] = (hessian[h0 + b] as number) + s00;
      hessian[h0 + b + 1] = (hessian[h0 + b + 1] as number) + s01;
      hessian[h0 + b + 2] = (hessian[h0 + b + 2] as number) + s02;
      hessian[h1 + b] = (hessian[h1 + b] as number) + s10;
      hessian[h1 + b + 1] = (hessian[h1 + b + 1] as number) + s11;
      hessian[h1 + b + 2] = (hessian[h1 + b + 2] as number) + s12;
      hessian[h2 + b] = (hessian[h2 + b] as number) + s20;
      hessian[h2 + b + 1] = (hessian[h2 + b + 1] as number) + s21;
      hessian[h2 + b + 2] = (hessian[h2 + b + 2] as number) + s22;
    }
    // The diagonal block's lower triangle.
    const c0 = a * n + start;
    const c1 = c0 + n;
    const c2 = c1 + n;
    let s00 = 0;
    let s10 = 0;
    let s11 = 0;
    let s20 = 0;
    let s21 = 0;
    let s22 = 0;
    for (let k = 0; k < size; k++) {
      const w0 = weighted[a0 + k] as number;
      const w1 = weighted[a1 + k] as number;
      const w2 = weighted[a2 + k] as number;
      const x0 = dense[c0 + k] as number;
      const x1 = dense[c1 + k] as number;
      s00 += w0 * x0;
      s10 += w1 * x0;
      s11 += w1 * x1;
      s20 += w2 * x0;
      s21 += w2 * x1;
      s22 += w2 * (dense[c2 + k] as number);
    }
    hessian[h0 + a] = (hessian[h0 + a] as number) + s00;
    hessian[h1 + a] = (hessian[h1 + a] as number) + s10;
    hessian[h1 + a + 1] = (hessian[h1 + a + 1] as number) + s11;
    hessian[h2 + a] = (hessian[h2 + a] as number) + s20;
    hessian[h2 + a + 1] = (hessian[h2 + a + 1] as number) + s21;
    hessian[h2 + a + 2] = (hessian[h2 + a + 2] as number) + s22;
  }
  for (; a < p; a++) {
    const aOffset = a * tile;
    const hRow = (1 + a) * d + 1;
    for (let b = 0; b <= a; b++) {
      const column = b * n + start;
      let sum = 0;
      for (let k = 0; k < size; k++) sum += (weighted[aOffset + k] as number) * (dense[column + k] as number);
      hessian[hRow + b] = (hessian[hRow + b] as number) + sum;
    }
  }
}

/**
 * Lower triangle of XᵀCX (C = diag(curvature)) over rows [from, to) into the row-major d x d `hessian`
 * (overwritten). Dense-dense entries: rows in tiles, the tile's curvature-weighted columns in scratch,
 * 3 x 3 tiles of the triangle per pass over a row tile (see addDenseBlock). Dummy entries: per-level
 * sums (a dummy times the intercept or itself is the level's curvature sum; dummies of one feature
 * never co-occur; dummies of two features: a two-way table). O(rows · denseColumns²) plus
 * O(rows · (denseColumns + features²)).
 */
export function hessianRange(
  problem: Design,
  hessian: Float64Array,
  scratch: Scratch,
  from: number,
  to: number,
): void {
  const { dense, denseColumns: p, codes, rows: n, columns: d, tileRows: tile } = problem;
  const { curvature, weighted } = scratch;
  hessian.fill(0);
  for (const table of scratch.levelDense) table.fill(0);
  for (let start = from; start < to; start += tile) {
    const size = Math.min(tile, to - start);
    weighBlock(dense, n, p, start, size, curvature, weighted, hessian, d, tile);
    for (let c = 0; c < codes.length; c++)
      sumBlockByLevel(
        scratch.levelDense[c] as Float64Array,
        p,
        codes[c] as Int32Array,
        start,
        size,
        weighted,
        tile,
      );
    addDenseBlock(dense, n, p, start, size, weighted, hessian, d, tile);
  }
  hessian[0] = sum(curvature, from, to);
  // Dummy rows.
  const offsets: number[] = [];
  let offset = 1 + p;
  for (let c = 0; c < codes.length; c++) {
    const code = codes[c] as Int32Array;
    offsets.push(offset);
    const count = problem.levels[c] as number;
    const sums = scratch.levelSums[c] as Float64Array;
    sums.fill(0);
    addByLevel(sums, curvature, code, from, to);
    const table = scratch.levelDense[c] as Float64Array;
    for (let k = 1; k < count; k++) {
      const row = (offset + k - 1) * d;
      hessian[row] = sums[k] as number;
      hessian[row + offset + k - 1] = sums[k] as number;
      for (let a = 0; a < p; a++) hessian[row + 1 + a] = table[k * p + a] as number;
    }
    // Two-way tables with every earlier categorical feature.
    for (let e = 0; e < c; e++) {
      const other = codes[e] as Int32Array;
      const otherCount = problem.levels[e] as number;
      const joint = new Float64Array(count * otherCount);
      for (let i = from; i < to; i++) {
        const slot = (code[i] as number) * otherCount + (other[i] as number);
        joint[slot] = (joint[slot] as number) + (curvature[i] as number);
      }
      for (let k = 1; k < count; k++) {
        for (let l = 1; l < otherCount; l++) {
          hessian[(offset + k - 1) * d + (offsets[e] as number) + l - 1] = joint[
            k * otherCount + l
          ] as number;
        }
      }
    }
    offset += count - 1;
  }
}

/**
 * The scratch of one thread's passes; `residual` and `curvature` (one entry per row) are the given
 * shared arrays, or new ones.
 */
export function createScratch(
  problem: Design,
  residual: Float64Array = new Float64Array(problem.rows),
  curvature: Float64Array = new Float64Array(problem.rows),
): Scratch {
  const p = problem.denseColumns;
  const levels = Array.from(problem.levels);
  return {
    residual,
    curvature,
    weighted: new Float64Array(p * problem.tileRows),
    levelTables: levels.map((count) => new Float64Array(count)),
    levelSums: levels.map((count) => new Float64Array(count)),
    levelDense: levels.map((count) => new Float64Array(count * p)),
    four: new Float64Array(4),
  };
}

// The worker side of the passes.

/**
 * Index of each word of the control array shared with the workers. A function, so that the workers'
 * source carries the layout with the code that reads it.
 */
export function controlSlots() {
  return {
    /** Odd while a pass is open (workers may claim its blocks), even between passes; -1: stop. */
    generation: 0,
    /** Next row block to claim. */
    claimed: 1,
    /** Row blocks done. */
    done: 2,
    /** Workers inside the open pass. */
    active: 3,
    /** Set by a worker that failed (it computes no further block). */
    failed: 4,
    blocks: 5,
    /** The pass request (see {@link decodeRequest}). */
    request: 6,
    length: 7,
  };
}

/** Inverse of {@link encodeRequest}. */
export function decodeRequest(word: number): PassRequest {
  return {
    objective: (word & 1) !== 0,
    trial: (word & 2) !== 0,
    gradient: (word & 4) !== 0,
    hessian: (word & 8) !== 0,
  };
}

/** What a worker needs for the passes of one fit. */
export interface PassJob {
  readonly design: Design;
  readonly shared: SharedPassArrays;
  readonly control: Int32Array;
}

/**
 * Claims row blocks of the open pass until none is left, computing each (the calling thread and the
 * workers alike). The last block done wakes the calling thread.
 */
export function claimBlocks(job: PassJob, scratch: Scratch, request: PassRequest, blocks: number): void {
  const { design, shared, control } = job;
  const slots = controlSlots();
  const eta = request.trial ? shared.trialEta : shared.eta;
  for (;;) {
    const block = Atomics.add(control, slots.claimed, 1);
    if (block >= blocks) return;
    passBlock(design, scratch, shared.beta, eta, request, block, shared.partials);
    if (Atomics.add(control, slots.done, 1) + 1 === blocks) Atomics.notify(control, slots.done);
  }
}

/**
 * Runs the passes' kernels on the design's first row block into arrays of its own (nothing shared is
 * written), so that the engine has optimised them before the worker's first pass: the calling thread
 * has run them already (in the warm-start fit), a new worker has not, and its first blocks, the
 * Hessian's above all, took twice as long (measured on 100k x 30). Runs while the calling thread fits
 * the warm start.
 */
export function warmUp(design: Design): void {
  const rows = Math.min(design.rows, design.blockRows);
  const d = design.columns;
  const scratch = createScratch(design, new Float64Array(rows), new Float64Array(rows));
  const beta = new Float64Array(d);
  const eta = new Float64Array(rows);
  const partials = new Float64Array(1 + d + d * d);
  const requests = [
    { objective: true, trial: false, gradient: true, hessian: false },
    { objective: false, trial: false, gradient: true, hessian: true },
  ];
  for (let round = 0; round < 4; round++)
    for (const request of requests) passBlock(design, scratch, beta, eta, request, 0, partials);
}

/**
 * A worker's loop: waits for a pass to open, joins it (counted in `active`, re-checking that the pass
 * is still open, so a pass the calling thread has closed is never joined late), claims blocks, and
 * leaves; until the calling thread asks it to stop.
 */
export function passWorker(job: PassJob): void {
  const { design, shared, control } = job;
  const slots = controlSlots();
  try {
    warmUp(design);
  } catch {
    return; // a worker that cannot run the kernels joins no pass: the calling thread computes them all
  }
  const scratch = createScratch(design, shared.residual, shared.curvature);
  let seen = 0;
  for (;;) {
    const generation = Atomics.load(control, slots.generation);
    if (generation === -1) return;
    if (generation % 2 === 0 || generation === seen) {
      Atomics.wait(control, slots.generation, generation);
      continue;
    }
    Atomics.add(control, slots.active, 1);
    try {
      if (Atomics.load(control, slots.generation) === generation) {
        seen = generation;
        const request = decodeRequest(Atomics.load(control, slots.request));
        claimBlocks(job, scratch, request, Atomics.load(control, slots.blocks));
      }
    } catch {
      // The calling thread computes the passes alone from here (and this block again).
      Atomics.store(control, slots.failed, 1);
      Atomics.notify(control, slots.done);
      return;
    } finally {
      Atomics.sub(control, slots.active, 1);
      Atomics.notify(control, slots.active);
    }
  }
}

/** The functions whose text the workers run (every function above but {@link maxAbs}). */
export const PASS_ENGINE = [
  addScaled,
  dot,
  sum,
  addLevels,
  addByLevel,
  lossChunk,
  curvatureChunk,
  addScaled4,
  dot4,
  fillLevelTables,
  linearPredictorRange,
  addGradientRange,
  weighBlock,
  sumBlockByLevel,
  addDenseBlock,
  hessianRange,
  passBlock,
  createScratch,
  controlSlots,
  decodeRequest,
  claimBlocks,
  warmUp,
  passWorker,
] as const;
