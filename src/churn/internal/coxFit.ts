/**
 * The Cox partial likelihood kernel: log-likelihood, score and information in one O(n·p²) sweep over the
 * customers in descending time order (risk-set sums accumulated as the sweep goes, Efron's or Breslow's
 * handling of tied event times), Newton-Raphson with step halving and Harrell's concordance with a Fenwick
 * tree (the baseline hazard is in coxSurvivalVariance.ts, with its variance terms). Rows are held row-major
 * in a Float64Array (no per-row objects).
 */
import { choleskyInverse } from "./cholesky.js";
import { cholesky, choleskySolve } from "./coxAlgebra.js";
import { sortedIndex } from "./survivalData.js";

/** Customers sorted by ascending time, covariates centred (row-major n × p). */
export interface CoxDesign {
  readonly n: number;
  readonly p: number;
  readonly x: Float64Array;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** Start of each block of equal times (ascending), plus n at the end. */
  readonly blocks: Int32Array;
}

/** How tied event times are handled: Efron's approximation (as R's coxph) or Breslow's. */
export type CoxTies = "efron" | "breslow";

/** Log partial likelihood, score and information at β. */
export interface CoxPass {
  readonly logLikelihood: number;
  readonly gradient: Float64Array;
  /** Observed information (negative Hessian), p × p row-major. */
  readonly information: Float64Array;
}

/** Block starts of a sorted time column. */
export function timeBlocks(time: Float64Array): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < time.length; i++) if (i === 0 || time[i] !== time[i - 1]) starts.push(i);
  starts.push(time.length);
  return Int32Array.from(starts);
}

/** Linear predictor x·β of every (centred) row. */
export function linearPredictor(design: CoxDesign, beta: Float64Array): Float64Array {
  const { n, p, x } = design;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const base = i * p;
    for (let j = 0; j < p; j++) sum += (x[base + j] as number) * (beta[j] as number);
    eta[i] = sum;
  }
  return eta;
}

/** One sweep: the log partial likelihood, its gradient and the information at β. */
export function coxPass(design: CoxDesign, beta: Float64Array, ties: CoxTies): CoxPass {
  const { p, x, event, blocks } = design;
  const eta = linearPredictor(design, beta);
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p); // upper triangle used
  const d1 = new Float64Array(p);
  const d2 = new Float64Array(p * p);
  const a1 = new Float64Array(p);
  const gradient = new Float64Array(p);
  const information = new Float64Array(p * p);
  let s0 = 0;
  let logLikelihood = 0;
  for (let b = blocks.length - 2; b >= 0; b--) {
    const start = blocks[b] as number;
    const end = blocks[b + 1] as number;
    let deaths = 0;
    let d0 = 0;
    if (ties === "efron") {
      d1.fill(0);
      d2.fill(0);
    }
    for (let i = start; i < end; i++) {
      const w = Math.exp(eta[i] as number);
      const base = i * p;
      s0 += w;
      for (let j = 0; j < p; j++) {
        const wx = w * (x[base + j] as number);
        s1[j] = (s1[j] as number) + wx;
        for (let k = j; k < p; k++) s2[j * p + k] = (s2[j * p + k] as number) + wx * (x[base + k] as number);
      }
      if (event[i] === 1) {
        deaths++;
        logLikelihood += eta[i] as number;
        for (let j = 0; j < p; j++) gradient[j] = (gradient[j] as number) + (x[base + j] as number);
        if (ties === "efron") {
          d0 += w;
          for (let j = 0; j < p; j++) {
            const wx = w * (x[base + j] as number);
            d1[j] = (d1[j] as number) + wx;
            for (let k = j; k < p; k++)
              d2[j * p + k] = (d2[j * p + k] as number) + wx * (x[base + k] as number);
          }
        }
      }
    }
    if (deaths === 0) continue;
    if (ties === "breslow" || deaths === 1) {
      logLikelihood -= deaths * Math.log(s0);
      for (let j = 0; j < p; j++) {
        const mj = (s1[j] as number) / s0;
        gradient[j] = (gradient[j] as number) - deaths * mj;
        for (let k = j; k < p; k++) {
          information[j * p + k] =
            (information[j * p + k] as number) +
            deaths * ((s2[j * p + k] as number) / s0 - mj * ((s1[k] as number) / s0));
        }
      }
      continue;
    }
    for (let r = 0; r < deaths; r++) {
      const f = r / deaths;
      const t0 = s0 - f * d0;
      logLikelihood -= Math.log(t0);
      for (let j = 0; j < p; j++) a1[j] = ((s1[j] as number) - f * (d1[j] as number)) / t0;
      for (let j = 0; j < p; j++) {
        gradient[j] = (gradient[j] as number) - (a1[j] as number);
        for (let k = j; k < p; k++) {
          const t2 = ((s2[j * p + k] as number) - f * (d2[j * p + k] as number)) / t0;
          information[j * p + k] =
            (information[j * p + k] as number) + t2 - (a1[j] as number) * (a1[k] as number);
        }
      }
    }
  }
  for (let j = 0; j < p; j++)
    for (let k = 0; k < j; k++) information[j * p + k] = information[k * p + j] as number;
  return { logLikelihood, gradient, information };
}

/** How the Newton fit ended. */
export interface CoxConvergence {
  readonly converged: boolean;
  /**
   * Indices of coefficients still moving at the end (the next Newton step is larger than √tolerance
   * relative to the coefficient, as R's coxph checks): estimates that may be infinite.
   */
  readonly diverging: readonly number[];
  readonly iterations: number;
  readonly stepHalvings: number;
  readonly message: string;
}

/** A fitted β with its covariance and the log-likelihoods. */
export interface CoxFitResult {
  readonly beta: Float64Array;
  /** Inverse information at β (p × p). */
  readonly covariance: Float64Array;
  readonly logLikelihoodNull: number;
  readonly logLikelihood: number;
  /** Score test statistic at β = 0: U(0)ᵀ I(0)⁻¹ U(0). */
  readonly scoreStatistic: number;
  readonly convergence: CoxConvergence;
}

/**
 * Newton-Raphson from β = 0 as R's `coxph` (coxfit6): a full Newton step, halved toward the previous β
 * while the log partial likelihood does not improve; converged when the relative change of the log
 * likelihood is at most `tolerance` (R's `eps`, 1e-9). Returns `undefined` when the information is not
 * positive definite at β = 0 (collinear or constant features).
 */
export function fitCox(
  design: CoxDesign,
  ties: CoxTies,
  maxIterations: number,
  tolerance: number,
): CoxFitResult | undefined {
  const { p } = design;
  let beta = new Float64Array(p);
  let pass = coxPass(design, beta, ties);
  const logLikelihoodNull = pass.logLikelihood;
  let factor = cholesky(pass.information, p);
  if (factor === undefined) return undefined;
  const u0 = choleskySolve(factor, pass.gradient, p);
  let scoreStatistic = 0;
  for (let j = 0; j < p; j++) scoreStatistic += (pass.gradient[j] as number) * (u0[j] as number);
  let stepHalvings = 0;
  let converged = false;
  let iterations = 0;
  let message = "";
  while (iterations < maxIterations) {
    iterations++;
    const step = choleskySolve(factor as Float64Array, pass.gradient, p);
    let candidate = new Float64Array(p);
    for (let j = 0; j < p; j++) candidate[j] = (beta[j] as number) + (step[j] as number);
    let next = coxPass(design, candidate, ties);
    let halvings = 0;
    while (!(next.logLikelihood >= pass.logLikelihood) && halvings < 30) {
      halvings++;
      const halfway = new Float64Array(p);
      for (let j = 0; j < p; j++) halfway[j] = ((beta[j] as number) + (candidate[j] as number)) / 2;
      candidate = halfway;
      next = coxPass(design, candidate, ties);
    }
    stepHalvings += halvings;
    if (!(next.logLikelihood >= pass.logLikelihood)) {
      // no improvement even after halving: β is at the optimum to machine precision
      converged = true;
      message = `converged after ${iterations} iterations (no further improvement)`;
      break;
    }
    const change = Math.abs(1 - pass.logLikelihood / next.logLikelihood);
    beta = candidate;
    pass = next;
    factor = cholesky(pass.information, p);
    if (factor === undefined) {
      message = `the information matrix became singular after ${iterations} iterations: a coefficient is diverging (a feature separates events from non-events, e.g. a level with no events)`;
      break;
    }
    if (change <= tolerance) {
      converged = true;
      message = `converged after ${iterations} iterations (relative change in log partial likelihood ${change.toExponential(2)} ≤ ${tolerance})`;
      break;
    }
  }
  if (!converged && message === "") {
    message = `did not converge in ${maxIterations} iterations; raise maxIterations or check for a feature that separates events from non-events`;
  }
  const covariance =
    factor === undefined ? new Float64Array(p * p).fill(Infinity) : choleskyInverse(factor, p);
  const diverging: number[] = [];
  if (factor !== undefined) {
    const next = choleskySolve(factor, pass.gradient, p);
    for (let j = 0; j < p; j++) {
      const move = Math.abs(next[j] as number);
      if (move > tolerance && move > Math.sqrt(tolerance) * Math.abs(beta[j] as number)) diverging.push(j);
    }
  } else for (let j = 0; j < p; j++) diverging.push(j);
  return {
    beta,
    covariance,
    logLikelihoodNull,
    logLikelihood: pass.logLikelihood,
    scoreStatistic,
    convergence: { converged, diverging, iterations, stepHalvings, message },
  };
}

/** Pair counts of Harrell's concordance (R's `concordance`, comparing risk scores with survival times). */
export interface ConcordanceCounts {
  readonly concordant: number;
  readonly discordant: number;
  /** Comparable pairs with equal risk scores (counted as half concordant). */
  readonly tiedRisk: number;
  /** Pairs of events at the same time (not comparable). */
  readonly tiedTime: number;
  /** (concordant + tiedRisk/2) / comparable pairs; 0.5 without comparable pairs. */
  readonly concordance: number;
  /**
   * Infinitesimal-jackknife standard error of the concordance (R's `concordance(...)$std` with its default
   * `timewt = "n"`): √Σᵢ ((Nᵢ − C·Pᵢ)/P)², with Pᵢ the comparable pairs customer i belongs to, Nᵢ their
   * concordant count (ties half) and P all comparable pairs; 0 without comparable pairs.
   */
  readonly standardError: number;
}

/**
 * Counts, over pairs where the customer with the shorter time had the event (a customer censored at the
 * same time as an event counts as lasting longer), whether the higher risk score went with the shorter
 * time, and each customer's share of those pairs for the standard error. O(n log n): two sweeps (by
 * descending and ascending time) over a Fenwick tree of the scores' ranks.
 */
export function concordanceCounts(design: CoxDesign, eta: Float64Array): ConcordanceCounts {
  const { n, event, blocks } = design;
  // dense ranks of the scores (1-based for the tree) from one radix sort
  const byScore = sortedIndex(eta);
  const rank = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const i = byScore[k] as number;
    if (k === 0 || eta[i] !== eta[byScore[k - 1] as number]) m++;
    rank[i] = m;
  }
  const tree = new Int32Array(m + 1);
  const add = (r: number) => {
    for (let k = r; k <= m; k += k & -k) tree[k] = (tree[k] as number) + 1;
  };
  const atMost = (r: number) => {
    let sum = 0;
    for (let k = r; k > 0; k -= k & -k) sum += tree[k] as number;
    return sum;
  };
  // per customer: concordant score (ties ½) and comparable pairs it belongs to
  const score = new Float64Array(n);
  const pairs = new Float64Array(n);
  let inserted = 0;
  let concordant = 0;
  let discordant = 0;
  let tiedRisk = 0;
  let tiedTime = 0;
  // 1. each event against the customers lasting longer (later times, or censored at its time)
  for (let b = blocks.length - 2; b >= 0; b--) {
    const start = blocks[b] as number;
    const end = blocks[b + 1] as number;
    let deaths = 0;
    for (let i = start; i < end; i++) {
      if (event[i] === 1) deaths++;
      else {
        add(rank[i] as number);
        inserted++;
      }
    }
    if (deaths === 0) continue;
    for (let i = start; i < end; i++) {
      if (event[i] !== 1) continue;
      const r = rank[i] as number;
      const lower = atMost(r - 1);
      const upToEqual = atMost(r);
      concordant += lower;
      tiedRisk += upToEqual - lower;
      discordant += inserted - upToEqual;
      score[i] = lower + (upToEqual - lower) / 2;
      pairs[i] = inserted;
    }
    tiedTime += (deaths * (deaths - 1)) / 2;
    for (let i = start; i < end; i++) {
      if (event[i] === 1) {
        add(rank[i] as number);
        inserted++;
      }
    }
  }
  // 2. each customer against the earlier events it outlasted (the pair is concordant when the event's
  //    score is higher)
  tree.fill(0);
  let events = 0;
  for (let b = 0; b < blocks.length - 1; b++) {
    const start = blocks[b] as number;
    const end = blocks[b + 1] as number;
    for (let pass = 0; pass < 2; pass++) {
      // pass 0: events of the block against strictly earlier events; then the block's events join;
      // pass 1: censored customers of the block against earlier and same-time events
      if (pass === 1) {
        for (let i = start; i < end; i++) {
          if (event[i] === 1) {
            add(rank[i] as number);
            events++;
          }
        }
      }
      for (let i = start; i < end; i++) {
        if ((event[i] === 1) !== (pass === 0)) continue;
        const r = rank[i] as number;
        const upToEqual = atMost(r);
        const lower = atMost(r - 1);
        score[i] = (score[i] as number) + (events - upToEqual) + (upToEqual - lower) / 2;
        pairs[i] = (pairs[i] as number) + events;
      }
    }
  }
  const comparable = concordant + discordant + tiedRisk;
  const concordance = comparable > 0 ? (concordant + tiedRisk / 2) / comparable : 0.5;
  let variance = 0;
  if (comparable > 0) {
    for (let i = 0; i < n; i++) {
      const influence = ((score[i] as number) - concordance * (pairs[i] as number)) / comparable;
      variance += influence * influence;
    }
  }
  return { concordant, discordant, tiedRisk, tiedTime, concordance, standardError: Math.sqrt(variance) };
}
