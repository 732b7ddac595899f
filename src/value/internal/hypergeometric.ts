/**
 * log 2F1(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1 by the power series
 * (all terms positive, so no cancellation), rescaled to avoid overflow.
 * Converges geometrically with ratio z. Returns NaN if not converged.
 */
export function logHypergeometric(a: number, b: number, c: number, z: number, maxTerms = 1_000_000): number {
  if (z === 0) return 0;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (term <= sum * 1e-16 && n > 2) return logScale + Math.log(sum);
    if (sum > 1e250) {
      logScale += Math.log(sum);
      term /= sum;
      sum = 1;
    }
  }
  return Number.NaN;
}
