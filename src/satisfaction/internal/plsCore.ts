/**
 * The PLS path-modelling kernel (Wold's algorithm in Lohmöller's form),
 * written on the p x p correlation matrix of the standardised indicators
 * rather than on the n x p data: every quantity the iteration needs is a
 * correlation, so one estimation costs O(iterations · p²) whatever n is,
 * and a bootstrap resample only has to rebuild the correlation matrix.
 *
 * With X the standardised data (sample SD, n − 1), Y_k = X_k w_k the score
 * of construct k scaled to unit variance and S = cor(X):
 *   T[a, k] = cov(x_a, Y_k) = Σ_{b ∈ k} S[a, b] w_b
 *   C[j, k] = cor(Y_j, Y_k) = Σ_{a ∈ j} w_a T[a, k]
 *   inner estimate Z_j = Σ_k e_jk Y_k, so cov(x_a, Z_j) = Σ_k e_jk T[a, k]
 *   mode A: w_j ∝ cov(X_j, Z_j); mode B: w_j ∝ S_jj⁻¹ cov(X_j, Z_j)
 *   scaling: w_j ← w_j / sqrt(w_j' S_jj w_j)
 */
import { invert, solveInPlace } from "./linearAlgebra.js";

/** Inner weighting scheme codes. */
export const SCHEME_PATH = 0;
export const SCHEME_FACTORIAL = 1;
export const SCHEME_CENTROID = 2;

/** A resolved, index-based model specification. */
export interface PlsSpec {
  /** Number of indicators p. */
  readonly indicatorCount: number;
  /** Number of constructs m. */
  readonly constructCount: number;
  /** Block k spans indicators blockStart[k] .. blockStart[k + 1] − 1. */
  readonly blockStart: Int32Array;
  /** 1 when block k is mode B. */
  readonly modeB: Uint8Array;
  /**
   * 1 when block k is a common factor corrected by consistent PLS (PLSc, Dijkstra & Henseler 2015):
   * its correlations with other constructs are divided by sqrt(rhoA) and its loadings are rescaled.
   * Absent or all 0 for plain PLS.
   */
  readonly reflective?: Uint8Array;
  /** predecessors[j]: constructs with a path into j. */
  readonly predecessors: readonly Int32Array[];
  /** successors[j]: constructs j has a path into. */
  readonly successors: readonly Int32Array[];
  readonly scheme: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

/** Why an estimation failed. */
export type PlsFailure = "singular" | "zeroVariance";

/** Buffers reused across estimations (one per bootstrap run). */
export interface PlsWorkspace {
  readonly weights: Float64Array;
  readonly next: Float64Array;
  readonly cov: Float64Array;
  readonly constructCorrelation: Float64Array;
  readonly inner: Float64Array;
  readonly paths: Float64Array;
  readonly rSquared: Float64Array;
  readonly loadings: Float64Array;
  /** rhoA of every block (1 for a single item or a mode B block), filled by {@link structuralModel}. */
  readonly rhoA: Float64Array;
  readonly blockInverse: (Float64Array | undefined)[];
  readonly systemMatrix: Float64Array;
  readonly systemRhs: Float64Array;
  readonly systemOut: Float64Array;
  iterations: number;
  converged: boolean;
  /**
   * Set with a "singular" failure when consistent PLS found a reflective block with rhoA ≤ 0 (no
   * consistent estimate exists); false otherwise. Kept apart so PlsFailure stays two-valued.
   */
  inadmissible: boolean;
}

/** Allocates the buffers of {@link estimatePls} for a specification. */
export function createWorkspace(spec: PlsSpec): PlsWorkspace {
  const { blockStart } = spec;
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  let largest = 1;
  for (let k = 0; k < m; k++) {
    largest = Math.max(largest, (spec.predecessors[k] as Int32Array).length);
    largest = Math.max(largest, (blockStart[k + 1] as number) - (blockStart[k] as number));
  }
  return {
    weights: new Float64Array(p),
    next: new Float64Array(p),
    cov: new Float64Array(p * m),
    constructCorrelation: new Float64Array(m * m),
    inner: new Float64Array(m * m),
    paths: new Float64Array(m * m),
    rSquared: new Float64Array(m),
    loadings: new Float64Array(p),
    rhoA: new Float64Array(m),
    blockInverse: new Array<Float64Array | undefined>(m).fill(undefined),
    systemMatrix: new Float64Array(largest * largest),
    systemRhs: new Float64Array(largest),
    systemOut: new Float64Array(largest),
    iterations: 0,
    converged: false,
    inadmissible: false,
  };
}

function scaleBlocks(spec: PlsSpec, correlation: Float64Array, weights: Float64Array): boolean {
  const { blockStart } = spec;
  const p = spec.indicatorCount;
  for (let k = 0; k < spec.constructCount; k++) {
    const start = blockStart[k] as number;
    const end = blockStart[k + 1] as number;
    let variance = 0;
    for (let a = start; a < end; a++) {
      const wa = weights[a] as number;
      let row = 0;
      for (let b = start; b < end; b++) row += (correlation[a * p + b] as number) * (weights[b] as number);
      variance += wa * row;
    }
    if (!(variance > 1e-300) || !Number.isFinite(variance)) return false;
    const factor = 1 / Math.sqrt(variance);
    for (let a = start; a < end; a++) weights[a] = (weights[a] as number) * factor;
  }
  return true;
}

function covariances(
  spec: PlsSpec,
  correlation: Float64Array,
  weights: Float64Array,
  work: PlsWorkspace,
): void {
  const { blockStart } = spec;
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const cov = work.cov;
  for (let a = 0; a < p; a++) {
    const rowOffset = a * p;
    for (let k = 0; k < m; k++) {
      const start = blockStart[k] as number;
      const end = blockStart[k + 1] as number;
      let sum = 0;
      for (let b = start; b < end; b++)
        sum += (correlation[rowOffset + b] as number) * (weights[b] as number);
      cov[a * m + k] = sum;
    }
  }
  const c = work.constructCorrelation;
  for (let j = 0; j < m; j++) {
    const start = blockStart[j] as number;
    const end = blockStart[j + 1] as number;
    for (let k = 0; k < m; k++) {
      let sum = 0;
      for (let a = start; a < end; a++) sum += (weights[a] as number) * (cov[a * m + k] as number);
      c[j * m + k] = sum;
    }
  }
}

/**
 * Standardised least squares of construct j on the constructs listed in `predictors`, from the m x m
 * construct correlations `c` (normal equations R_pp b = r_pj). `matrix` (q x q) and `rhs` (q) are scratch;
 * the coefficients go to `out`. False when the system is singular.
 */
function solveOnConstructs(
  c: Float64Array,
  m: number,
  predictors: ArrayLike<number>,
  j: number,
  matrix: Float64Array,
  rhs: Float64Array,
  out: Float64Array,
): boolean {
  const q = predictors.length;
  for (let r = 0; r < q; r++) {
    const pr = predictors[r] as number;
    for (let s = 0; s < q; s++) matrix[r * q + s] = c[pr * m + (predictors[s] as number)] as number;
    rhs[r] = c[pr * m + j] as number;
  }
  return solveInPlace(matrix, rhs, q, out);
}

/** R² of a standardised regression of construct j: Σ b_r · corr(predictor_r, j). */
function explainedVariance(
  c: Float64Array,
  m: number,
  predictors: ArrayLike<number>,
  j: number,
  coefficients: Float64Array,
): number {
  let r2 = 0;
  for (let r = 0; r < predictors.length; r++)
    r2 += (coefficients[r] as number) * (c[(predictors[r] as number) * m + j] as number);
  return r2;
}

/** Least squares of construct j on its predecessors into `work.systemOut`; false when singular. */
function regress(spec: PlsSpec, work: PlsWorkspace, j: number): boolean {
  return solveOnConstructs(
    work.constructCorrelation,
    spec.constructCount,
    spec.predecessors[j] as Int32Array,
    j,
    work.systemMatrix,
    work.systemRhs,
    work.systemOut,
  );
}

/**
 * Runs the PLS iteration from unit starting weights on a correlation matrix,
 * then the structural regressions. Results are left in `work`; returns
 * undefined on success or the failure kind.
 */
export function estimatePls(
  spec: PlsSpec,
  correlation: Float64Array,
  work: PlsWorkspace,
): PlsFailure | undefined {
  const { blockStart, predecessors, successors, scheme } = spec;
  const p = spec.indicatorCount;
  const m = spec.constructCount;
  const { weights, next, inner, cov, blockInverse, systemOut, constructCorrelation: c } = work;

  for (let k = 0; k < m; k++) {
    blockInverse[k] = undefined;
    if (spec.modeB[k] !== 1) continue;
    const start = blockStart[k] as number;
    const size = (blockStart[k + 1] as number) - start;
    const block = new Float64Array(size * size);
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < size; b++) block[a * size + b] = correlation[(start + a) * p + start + b] as number;
    }
    const inverse = invert(block, size);
    if (inverse === undefined) return "singular";
    blockInverse[k] = inverse;
  }

  weights.fill(1);
  if (!scaleBlocks(spec, correlation, weights)) return "zeroVariance";
  work.converged = false;
  work.iterations = 0;
  for (let iteration = 1; iteration <= spec.maxIterations; iteration++) {
    covariances(spec, correlation, weights, work);
    inner.fill(0);
    for (let j = 0; j < m; j++) {
      const succ = successors[j] as Int32Array;
      const pred = predecessors[j] as Int32Array;
      if (scheme === SCHEME_PATH) {
        for (let s = 0; s < succ.length; s++) {
          const k = succ[s] as number;
          inner[j * m + k] = c[j * m + k] as number;
        }
        if (pred.length > 0) {
          if (!regress(spec, work, j)) return "singular";
          for (let r = 0; r < pred.length; r++) inner[j * m + (pred[r] as number)] = systemOut[r] as number;
        }
      } else {
        for (const list of [succ, pred]) {
          for (let s = 0; s < list.length; s++) {
            const k = list[s] as number;
            const value = c[j * m + k] as number;
            inner[j * m + k] = scheme === SCHEME_CENTROID ? Math.sign(value) : value;
          }
        }
      }
    }
    for (let j = 0; j < m; j++) {
      const start = blockStart[j] as number;
      const end = blockStart[j + 1] as number;
      if ((successors[j] as Int32Array).length + (predecessors[j] as Int32Array).length === 0) {
        // A construct without neighbours (only in a model re-estimated without a path, for f²) has no
        // inner estimate: it keeps its unit starting weights and influences nothing.
        for (let a = start; a < end; a++) next[a] = weights[a] as number;
        continue;
      }
      for (let a = start; a < end; a++) {
        let sum = 0;
        for (let k = 0; k < m; k++) {
          const e = inner[j * m + k] as number;
          if (e !== 0) sum += e * (cov[a * m + k] as number);
        }
        next[a] = sum;
      }
      const inverse = blockInverse[j];
      if (inverse !== undefined) {
        const size = end - start;
        const held = work.systemRhs;
        for (let a = 0; a < size; a++) held[a] = next[start + a] as number;
        for (let a = 0; a < size; a++) {
          let sum = 0;
          for (let b = 0; b < size; b++) sum += (inverse[a * size + b] as number) * (held[b] as number);
          next[start + a] = sum;
        }
      }
    }
    if (!scaleBlocks(spec, correlation, next)) return "zeroVariance";
    let change = 0;
    for (let a = 0; a < p; a++) {
      const delta = Math.abs((next[a] as number) - (weights[a] as number));
      if (delta > change) change = delta;
    }
    weights.set(next);
    work.iterations = iteration;
    if (!(change >= spec.tolerance)) {
      work.converged = !Number.isNaN(change);
      break;
    }
  }
  return structuralModel(spec, correlation, work);
}

/**
 * From the outer weights in `work.weights`: construct correlations, loadings, path coefficients and R².
 * Called by {@link estimatePls}, and again after a bootstrap sign change.
 */
export function structuralModel(
  spec: PlsSpec,
  correlation: Float64Array,
  work: PlsWorkspace,
): PlsFailure | undefined {
  const { blockStart } = spec;
  const m = spec.constructCount;
  const cov = work.cov;
  const c = work.constructCorrelation;
  covariances(spec, correlation, work.weights, work);
  for (let j = 0; j < m; j++) {
    const start = blockStart[j] as number;
    const end = blockStart[j + 1] as number;
    for (let a = start; a < end; a++) work.loadings[a] = cov[a * m + j] as number;
  }
  blockRhoA(spec, correlation, work.weights, work.rhoA);
  work.inadmissible = false;
  if (spec.reflective !== undefined && !applyConsistency(spec, work)) {
    work.inadmissible = true;
    return "singular";
  }
  const paths = work.paths;
  paths.fill(0);
  work.rSquared.fill(0);
  for (let j = 0; j < m; j++) {
    const pred = spec.predecessors[j] as Int32Array;
    if (pred.length === 0) continue;
    if (!regress(spec, work, j)) return "singular";
    for (let r = 0; r < pred.length; r++) paths[(pred[r] as number) * m + j] = work.systemOut[r] as number;
    work.rSquared[j] = explainedVariance(c, m, pred, j, work.systemOut);
  }
  return undefined;
}

/**
 * Dijkstra-Henseler rhoA of every block from its outer weights w and the indicator correlations S:
 * (w'w)² · w'(S − diag S)w / w'(ww' − diag(ww'))w; 1 for a single item. Computed for mode B blocks too
 * (as reported), but consistent PLS never corrects them.
 */
export function blockRhoA(
  spec: PlsSpec,
  correlation: Float64Array,
  weights: Float64Array,
  out: Float64Array,
): void {
  const { blockStart } = spec;
  const p = spec.indicatorCount;
  for (let k = 0; k < spec.constructCount; k++) {
    const start = blockStart[k] as number;
    const end = blockStart[k + 1] as number;
    if (end - start === 1) {
      out[k] = 1;
      continue;
    }
    let ww = 0;
    let numerator = 0;
    let denominator = 0;
    for (let a = start; a < end; a++) {
      const wa = weights[a] as number;
      ww += wa * wa;
      for (let b = start; b < end; b++) {
        if (a === b) continue;
        const wb = weights[b] as number;
        numerator += wa * wb * (correlation[a * p + b] as number);
        denominator += wa * wa * wb * wb;
      }
    }
    out[k] = (ww * ww * numerator) / denominator;
  }
}

/**
 * Consistent PLS (Dijkstra & Henseler 2015): for every reflective block k, the construct correlations are
 * divided by sqrt(rhoA_k) (a composite or a single item counts 1) and the loadings become
 * w · sqrt(rhoA_k) / (w'w). False when a corrected block has rhoA ≤ 0 (no consistent estimate exists).
 */
function applyConsistency(spec: PlsSpec, work: PlsWorkspace): boolean {
  const { blockStart } = spec;
  const reflective = spec.reflective as Uint8Array;
  const m = spec.constructCount;
  const factor = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const size = (blockStart[k + 1] as number) - (blockStart[k] as number);
    if (reflective[k] !== 1 || spec.modeB[k] === 1 || size === 1) {
      factor[k] = 1;
      continue;
    }
    const rho = work.rhoA[k] as number;
    if (!(rho > 0) || !Number.isFinite(rho)) return false;
    const root = Math.sqrt(rho);
    factor[k] = root;
    const start = blockStart[k] as number;
    const end = blockStart[k + 1] as number;
    let ww = 0;
    for (let a = start; a < end; a++) ww += (work.weights[a] as number) ** 2;
    for (let a = start; a < end; a++) work.loadings[a] = ((work.weights[a] as number) * root) / ww;
  }
  const c = work.constructCorrelation;
  for (let j = 0; j < m; j++)
    for (let k = 0; k < m; k++)
      if (j !== k) c[j * m + k] = (c[j * m + k] as number) / ((factor[j] as number) * (factor[k] as number));
  return true;
}

/**
 * R² of construct j regressed on its predecessors except `skip`, from the
 * construct correlations (for f²). Returns NaN when singular.
 */
export function rSquaredWithout(spec: PlsSpec, work: PlsWorkspace, j: number, skip: number): number {
  const m = spec.constructCount;
  const pred = Array.from(spec.predecessors[j] as Int32Array).filter((i) => i !== skip);
  if (pred.length === 0) return 0;
  const q = pred.length;
  const c = work.constructCorrelation;
  const out = new Float64Array(q);
  if (!solveOnConstructs(c, m, pred, j, new Float64Array(q * q), new Float64Array(q), out)) return NaN;
  return explainedVariance(c, m, pred, j, out);
}

/** Total effects Σ_{k ≥ 1} B^k of an acyclic path matrix (m x m, B[i, j] = effect of i on j). */
export function totalEffects(paths: Float64Array, m: number): Float64Array {
  const total = new Float64Array(m * m);
  let power = paths.slice();
  for (let step = 0; step < m; step++) {
    let any = false;
    for (let i = 0; i < m * m; i++) {
      const value = power[i] as number;
      if (value !== 0) any = true;
      total[i] = (total[i] as number) + value;
    }
    if (!any) break;
    const product = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      for (let k = 0; k < m; k++) {
        const left = power[i * m + k] as number;
        if (left === 0) continue;
        for (let j = 0; j < m; j++)
          product[i * m + j] = (product[i * m + j] as number) + left * (paths[k * m + j] as number);
      }
    }
    power = product;
  }
  return total;
}
