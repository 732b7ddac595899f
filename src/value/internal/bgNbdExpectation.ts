import { logGamma } from "./special.js";

/**
 * The BG/NBD expectation of purchases in (0, t] for a customer alive at 0 with purchase rate
 * λ ~ Gamma(r, rate α) and dropout probability p ~ Beta(a, b):
 *
 *   E[X(t)] = (a + b − 1) / (a − 1) · [1 − (α / (α + t))^r · 2F1(r, b; a + b − 1; z)],  z = t / (α + t)
 *
 * (Fader, Hardie & Lee 2005, eq. 9; the conditional expectation, eq. 10, is the same function of
 * the posterior r + x, α + T, a, b + x). Summed as written, the Gauss series breaks down in
 * reachable parameter regions: with a + b < 1 its third parameter is negative, its terms change
 * sign and the sum can be negative (log → NaN); at a = 1 and a + b = 1 the prefactor is 0/0 or
 * ∞·0; for small t the bracket is 1 − (1 − ε).
 *
 * Reorganised series used here (every term positive, no prefactor, no subtraction). Let
 * N ~ NegBin(r, z) be the purchases an immortal customer makes in (0, t] (Poisson–Gamma mixture):
 * g_k = P(N = k) = (1 − z)^r (r)_k z^k / k!. Let D ≥ 1 be the purchase after which the customer
 * drops out; X(t) = min(N, D), and given p, P(D > j) = (1 − p)^j, so
 * E[min(k, D)] = C_k = Σ_{j<k} c_j with c_j = E[(1 − p)^j] = (b)_j / (a + b)_j. Hence
 *
 *   E[X(t)] = Σ_{k≥1} g_k · C_k.
 *
 * Equivalently, expanding the Pfaff transform 2F1(r, b; c; z) = (1 − z)^{−r} 2F1(r, c − b; c; z/(z − 1))
 * and summing it by parts gives the same terms; the reference values in
 * fixtures/value/bgnbd-regions.json come from mpmath's 2F1 and from the mixture integral.
 *
 * Convergence: the term ratio is ρ_k = (r + k) z / (k + 1) · C_{k+1} / C_k ≤ (r + k) z / k (c_j is
 * non-increasing, so C_{k+1} / C_k ≤ (k + 1) / k), a non-increasing bound; once it is below 1 the
 * remaining tail is at most term_k · ρ / (1 − ρ), and the loop stops when that is below 1e-16 of the
 * sum. About r·t/α + 40·(1 + t/α) terms; scaled so (1 − z)^r cannot underflow the partial sums.
 *
 * Long horizons (about r·t/α + 40·t/α terms above 4000) switch to {@link mixtureExpectedPurchases};
 * where the textbook form is accurate and cheaper (see {@link closedFormExpectedPurchases}) it is used.
 *
 * @returns E[X(t)]; 0 for t = 0; NaN only when the series needs more than `maxTerms` terms
 */
export function bgNbdExpectedPurchases(
  r: number,
  alpha: number,
  a: number,
  b: number,
  t: number,
  maxTerms = 50_000_000,
): number {
  if (t === 0) return 0;
  const ratio = t / alpha;
  if (r * ratio + 40 * ratio > 4000) return mixtureExpectedPurchases(r, a, b, ratio);
  const closed = closedFormExpectedPurchases(r, a, b, ratio);
  if (closed > 0) return closed;
  const z = ratio / (1 + ratio);
  const logHead = -r * Math.log1p(ratio); // log (1 − z)^r
  let weight = 1; // g_k / g_0, rescaled by `scale`
  let dropout = 1; // c_{k−1}
  let cumulative = 0; // C_k
  let sum = 0;
  let logScale = 0;
  const rz = r * z;
  for (let k = 1; k <= maxTerms; k++) {
    weight *= z + (rz - z) / k; // (r + k − 1) z / k
    cumulative += dropout;
    dropout *= (b + k - 1) / (a + b + k - 1);
    const term = weight * cumulative;
    sum += term;
    // the tail bound is only worth computing once the terms are small
    if (term <= 1e-16 * sum) {
      const bound = z + rz / k; // (r + k) z / k
      if (bound < 1 && term * bound <= 1e-16 * sum * (1 - bound)) return Math.exp(logHead + logScale) * sum;
    }
    if (sum > 1e250) {
      logScale += Math.log(sum);
      weight /= sum;
      sum = 1;
    }
  }
  return Number.NaN;
}

/**
 * The textbook form (a + b − 1) / (a − 1) · [1 − (1 − z)^r 2F1(r, b; a + b − 1; z)], evaluated only
 * where it is accurate to about 1e-11 and cheap (the fast path for scoring: one division per term
 * against two in the positive series): third parameter c = a + b − 1 ≥ 0.05 (positive terms),
 * |a − 1| ≥ 0.01 (no 0/0), z ≤ 0.75 (fewer than about 130 terms) and |log((1 − z)^r 2F1)| ≥ 1e-4
 * (the bracket 1 − e^L keeps its relative accuracy). Returns NaN outside that region.
 */
function closedFormExpectedPurchases(r: number, a: number, b: number, ratio: number): number {
  const c = a + b - 1;
  const z = ratio / (1 + ratio);
  if (!(c >= 0.05 && Math.abs(a - 1) >= 0.01 && z <= 0.75)) return Number.NaN;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 400; n++) {
    term *= ((r + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (term <= sum * 1e-17) {
      const logTerm = Math.log(sum) - r * Math.log1p(ratio);
      if (!(Math.abs(logTerm) >= 1e-4)) return Number.NaN;
      return (c / (a - 1)) * -Math.expm1(logTerm);
    }
  }
  return Number.NaN;
}

/** 20-point Gauss-Legendre nodes and weights on [-1, 1] (Newton iteration on P_20). */
const [GL_NODES, GL_WEIGHTS] = ((): [Float64Array, Float64Array] => {
  const n = 20;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return [nodes, weights];
})();

/** ∫_lower^upper f by composite 20-point Gauss-Legendre on panels no wider than `width`. */
function integrate(f: (y: number) => number, lower: number, upper: number, width: number): number {
  const panels = Math.max(1, Math.ceil((upper - lower) / width));
  const h = (upper - lower) / panels;
  let total = 0;
  for (let j = 0; j < panels; j++) {
    const center = lower + (j + 0.5) * h;
    let panel = 0;
    for (let i = 0; i < 20; i++)
      panel += (GL_WEIGHTS[i] as number) * f(center + 0.5 * h * (GL_NODES[i] as number));
    total += 0.5 * h * panel;
  }
  return total;
}

/**
 * E[X(t)] for long horizons (u = t/α large) from the mixture it is defined by:
 * E[X(t)] = ∫_0^1 Beta(p; a, b) φ(p) dp, φ(p) = (1 − (1 + p u)^(−r)) / p (given p, the expected
 * purchases of a Gamma(r, α)-mixed Poisson buyer who drops out with probability p after each purchase).
 * p ∈ (0, 1/2] is integrated over y = ln p and 1 − p ∈ (0, 1/2] over w = ln(1 − p) (smooth, with the
 * Beta density's endpoint singularities absorbed), by composite Gauss-Legendre; the pieces below
 * p0 = 1e-4 / ((r + 1) u + b + 1) and 1 − p below 1e-6 by their Taylor expansions (second and first order).
 */
export function mixtureExpectedPurchases(r: number, a: number, b: number, u: number): number {
  const phi = (p: number): number => -Math.expm1(-r * Math.log1p(p * u)) / p;
  const width = 1 / Math.max(1, a, b, r);
  const p0 = 1e-4 / ((r + 1) * u + b + 1);
  const logP0 = Math.log(p0);
  // ∫_0^p0 p^(a−1) (1 − p)^(b−1) φ(p) dp, with φ(p) = r u [1 − (r+1) p u / 2 + (r+1)(r+2) (p u)² / 6 − ...]
  const c1 = ((r + 1) * u) / 2 + (b - 1);
  const c2 = ((r + 1) * (r + 2) * u * u) / 6 + (((r + 1) * u) / 2) * (b - 1) + ((b - 1) * (b - 2)) / 2;
  const lowTail = r * u * Math.exp(a * logP0) * (1 / a - (c1 * p0) / (a + 1) + (c2 * p0 * p0) / (a + 2));
  const lower = integrate(
    (y) => {
      const p = Math.exp(y);
      return Math.exp(a * y + (b - 1) * Math.log1p(-p)) * phi(p);
    },
    logP0,
    -Math.LN2,
    width,
  );
  // ∫_0^q0 q^(b−1) f(q) dq with f(q) = (1 − q)^(a−1) φ(1 − q) ≈ f(0) + f'(0) q
  const q0 = 1e-6;
  const phi1 = phi(1);
  const slope = -(a - 1) * phi1 - (r * u * Math.exp(-(r + 1) * Math.log1p(u)) - phi1);
  const highTail = Math.exp(b * Math.log(q0)) * (phi1 / b + (slope * q0) / (b + 1));
  const upper = integrate(
    (w) => {
      const q = Math.exp(w);
      return Math.exp(b * w + (a - 1) * Math.log1p(-q)) * phi(1 - q);
    },
    Math.log(q0),
    -Math.LN2,
    width,
  );
  const logBeta = logGamma(a) + logGamma(b) - logGamma(a + b);
  return (lowTail + lower + highTail + upper) * Math.exp(-logBeta);
}
