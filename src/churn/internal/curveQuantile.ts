/**
 * Quantiles of a survival step function as R's `quantile.survfit` (and so `print.survfit`'s median and
 * its interval) computes them.
 */

const TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The time at which the curve first falls to 1 − p or below, for a curve given at `times` (every
 * distinct follow-up time, ascending; the curve is 1 before the first). As R does: the curve's values
 * within √ε of 1 − p count as reaching it; when the curve stays exactly at 1 − p over an interval, the
 * quantile is the midpoint of that interval (to the last follow-up time when the curve ends there);
 * `null` when the curve never gets that low. `values` may hold `null` (undefined points, skipped).
 */
export function curveQuantile(
  times: ArrayLike<number>,
  values: ArrayLike<number | null>,
  p: number,
): number | null {
  // F = 1 − S as (x, y) points with x = 0 first; keep the first point of each distinct y (nulls too).
  const xs: number[] = [0];
  const ys: (number | null)[] = [0];
  let maxY = 0;
  const seen = new Set<number | null>([0]);
  for (let i = 0; i < times.length; i++) {
    const value = values[i];
    const y = value === null || value === undefined ? null : 1 - value;
    if (y !== null && y > maxY) maxY = y;
    if (seen.has(y)) continue;
    seen.add(y);
    xs.push(times[i] as number);
    ys.push(y);
  }
  if (maxY < p) return null;
  const lastTime = times.length > 0 ? (times[times.length - 1] as number) : 0;
  // First position whose y + shift ≥ p (y ascending), skipping nulls: R's approx(y + shift, 1:n, p,
  // "constant", f = 1).
  const firstAtLeast = (shift: number): number | null => {
    for (let k = 0; k < ys.length; k++) {
      const y = ys[k];
      if (y !== null && y !== undefined && y + shift >= p) return k;
    }
    return null;
  };
  const index1 = firstAtLeast(TOLERANCE);
  const index2 = firstAtLeast(-TOLERANCE);
  if (p === 0) return 0;
  const lastY = ys[ys.length - 1];
  if (lastY !== null && lastY !== undefined && Math.abs(p - lastY) < TOLERANCE && index1 !== null) {
    return ((xs[index1] as number) + lastTime) / 2;
  }
  if (index1 === null || index2 === null) return null;
  return ((xs[index1] as number) + (xs[index2] as number)) / 2;
}
