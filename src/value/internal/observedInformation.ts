/**
 * Observed information of the lifetime-model fits: the Hessian of the mean negative log-likelihood
 * over log-parameters at the optimum, by finite differences with one Richardson extrapolation, turned
 * into natural-scale standard errors, a covariance matrix and 95% log-scale intervals.
 *
 * Accuracy. With an analytic gradient, H_ij = ∂g_i/∂θ_j by central differences of the gradient at
 * steps h = 1e-3 and h/2, combined as (4 D(h/2) − D(h)) / 3: the truncation error is O(h⁴) ≈ 1e-12 and
 * the rounding error about ε |g| / h ≈ 1e-13, both relative to entries of order 0.01–1. Without one,
 * second differences of the objective at h = 1e-2 and h/2 with the same extrapolation: truncation
 * O(h⁴) ≈ 1e-8, rounding ε |f| / h² ≈ 1e-11. Working on the log scale keeps the steps relative, and
 * at the optimum (gradient 0) the log-scale and natural-scale informations are the same up to the
 * Jacobian diag(θ), so nothing is lost by differentiating there.
 */
import type { LifetimeFitUncertainty } from "../lifetimeFitUncertainty.js";
import type { Objective, ObjectiveWithGradient } from "./optimize.js";

/** z of the two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

/** Hessian (row-major) of `f` at `x` from central differences of its analytic gradient; null if not finite. */
export function hessianFromGradient(f: ObjectiveWithGradient, x: ArrayLike<number>): Float64Array | null {
  const n = x.length;
  const probe = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const difference = (j: number, h: number): Float64Array | null => {
    probe[j] = (x[j] as number) + h;
    const a = f(probe, up);
    probe[j] = (x[j] as number) - h;
    const b = f(probe, down);
    probe[j] = x[j] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = ((up[i] as number) - (down[i] as number)) / (2 * h);
    return column;
  };
  const H = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const coarse = difference(j, 1e-3);
    const fine = difference(j, 5e-4);
    if (coarse === null || fine === null) return null;
    for (let i = 0; i < n; i++) H[i * n + j] = (4 * (fine[i] as number) - (coarse[i] as number)) / 3;
  }
  return symmetric(H, n);
}

/** Hessian (row-major) of `f` at `x` from second differences of its values; null if not finite. */
export function hessianFromValues(f: Objective, x: ArrayLike<number>): Float64Array | null {
  const n = x.length;
  const probe = Float64Array.from(x);
  const at = (i: number, si: number, j: number, sj: number): number => {
    probe.set(x as ArrayLike<number>);
    probe[i] = (probe[i] as number) + si;
    probe[j] = (probe[j] as number) + sj;
    return f(probe);
  };
  const f0 = f(Float64Array.from(x));
  const estimate = (h: number): Float64Array => {
    const H = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      H[i * n + i] = (at(i, h, i, 0) - 2 * f0 + at(i, -h, i, 0)) / (h * h);
      for (let j = i + 1; j < n; j++) {
        const value = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
        H[i * n + j] = value;
        H[j * n + i] = value;
      }
    }
    return H;
  };
  const coarse = estimate(1e-2);
  const fine = estimate(5e-3);
  const H = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) {
    H[k] = (4 * (fine[k] as number) - (coarse[k] as number)) / 3;
    if (!Number.isFinite(H[k] as number)) return null;
  }
  return H;
}

function symmetric(H: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const mean = 0.5 * ((H[i * n + j] as number) + (H[j * n + i] as number));
      H[i * n + j] = mean;
      H[j * n + i] = mean;
    }
  }
  return H;
}

/** Inverse of a symmetric positive definite matrix by Cholesky; null when it is not positive definite. */
export function inverseSpd(A: Float64Array, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (L[i * n + k] as number) * (L[j * n + k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / (L[j * n + j] as number);
    }
  }
  // inverse of L by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹
  const Li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    Li[i * n + i] = 1 / (L[i * n + i] as number);
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= (L[i * n + k] as number) * (Li[k * n + j] as number);
      Li[i * n + j] = sum / (L[i * n + i] as number);
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += (Li[k * n + i] as number) * (Li[k * n + j] as number);
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}

/**
 * Standard errors, covariance and 95% log-scale intervals from the Hessian of the MEAN negative
 * log-likelihood over log-parameters (`total` observations), or nulls with the reason.
 */
export function uncertaintyFromHessian<P extends { readonly [K in keyof P]: number }>(
  params: P,
  hessian: Float64Array | null,
  total: number,
  converged: boolean,
  method: string,
): LifetimeFitUncertainty<P> {
  const none = (message: string): LifetimeFitUncertainty<P> => ({
    standardErrors: null,
    lower: null,
    upper: null,
    covariance: null,
    confidenceLevel: 0.95,
    message,
  });
  if (!converged) return none("no standard errors: the fit did not converge (see convergence.message)");
  if (hessian === null)
    return none("no standard errors: the log-likelihood is not finite next to the optimum");
  const names = Object.keys(params) as (keyof P & string)[];
  const values = names.map((name) => params[name] as number);
  const n = names.length;
  const information = hessian.map((value) => value * total);
  const covarianceLog = inverseSpd(information, n);
  if (covarianceLog === null) {
    return none(
      "no standard errors: the observed information is not positive definite (the data do not identify every parameter)",
    );
  }
  const standardErrors: Record<string, number> = {};
  const lower: Record<string, number> = {};
  const upper: Record<string, number> = {};
  const covariance: number[][] = [];
  for (let i = 0; i < n; i++) {
    const name = names[i] as string;
    const value = values[i] as number;
    const seLog = Math.sqrt(covarianceLog[i * n + i] as number);
    standardErrors[name] = value * seLog;
    lower[name] = value * Math.exp(-Z95 * seLog);
    upper[name] = value * Math.exp(Z95 * seLog);
    covariance.push(values.map((other, j) => value * other * (covarianceLog[i * n + j] as number)));
  }
  return {
    standardErrors: standardErrors as { readonly [K in keyof P]: number },
    lower: lower as { readonly [K in keyof P]: number },
    upper: upper as { readonly [K in keyof P]: number },
    covariance,
    confidenceLevel: 0.95,
    message: method,
  };
}

/** How the Hessian of a fit with an analytic gradient is computed (for `uncertainty.message`). */
export const GRADIENT_HESSIAN =
  "observed information: central differences of the analytic gradient over log-parameters (steps 1e-3 and 5e-4, Richardson-extrapolated)";
/** How the Hessian of a fit without an analytic gradient is computed. */
export const VALUE_HESSIAN =
  "observed information: second differences of the log-likelihood over log-parameters (steps 1e-2 and 5e-3, Richardson-extrapolated)";
