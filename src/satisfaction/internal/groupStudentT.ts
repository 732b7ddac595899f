/**
 * Two-sided p-value of Student's t distribution with real degrees of freedom, for the Welch-Satterthwaite
 * test of plsMultigroup: P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²), the regularised incomplete beta
 * function evaluated by its continued fraction (modified Lentz method; Press et al., Numerical Recipes, §6.4),
 * with value's log-gamma (the Lanczos approximation, g = 7, 9 terms).
 */
import { logGamma } from "../../value/internal/special.js";

/** Continued fraction of the incomplete beta function (converges for x < (a + 1) / (a + b + 2)). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  /** One modified-Lentz step with the partial numerator `aa`: the factor h is multiplied by. */
  const step = (aa: number): number => {
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    return d * c;
  };
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    h *= step((m * (b - m) * x) / ((a + m2 - 1) * (a + m2)));
    const last = step((-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)));
    h *= last;
    if (Math.abs(last - 1) < 1e-16) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), 0 ≤ x ≤ 1, a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(|T| ≥ |t|) for Student's t with `df` > 0 degrees of freedom. */
export function studentTTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? NaN : 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The Welch-Satterthwaite test of a path difference (Sarstedt, Henseler & Ringle 2011, as SmartPLS reports it):
 * t = (b₁ − b₂) / sqrt(v) with v = (n₁−1)/n₁ · se₁² + (n₂−1)/n₂ · se₂², and
 * df = v² / ((n₁−1)/n₁² · se₁⁴ + (n₂−1)/n₂² · se₂⁴) − 2.
 */
export function welchTest(
  b1: number,
  b2: number,
  se1: number,
  se2: number,
  n1: number,
  n2: number,
): { tValue: number; degreesOfFreedom: number; welchPValue: number } {
  const v = ((n1 - 1) / n1) * se1 * se1 + ((n2 - 1) / n2) * se2 * se2;
  const tValue = (b1 - b2) / Math.sqrt(v);
  const degreesOfFreedom =
    (v * v) / (((n1 - 1) / (n1 * n1)) * se1 ** 4 + ((n2 - 1) / (n2 * n2)) * se2 ** 4) - 2;
  return { tValue, degreesOfFreedom, welchPValue: studentTTwoSided(tValue, degreesOfFreedom) };
}
