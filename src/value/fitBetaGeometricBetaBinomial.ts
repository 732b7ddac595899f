import {
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  readNumbers,
  resolveField,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field } from "../core/internal/optionRules.js";
import { checkDiscountRate, checkPeriod, discountedSurvivalSum } from "./internal/betaGeometric.js";
import {
  fitControlShape,
  lifetimeFitEstimate,
  logParameters,
  minimizeWithFallback,
  startParameters,
  withFitDisplay,
} from "./internal/lifetimeFit.js";
import { refuse } from "./internal/modelArguments.js";
import { hessianFromValues, VALUE_HESSIAN } from "./internal/observedInformation.js";
import { numericGradient, outsideBox } from "./internal/optimize.js";
import { mergeEqualRows } from "./internal/repeatColumns.js";
import { logAddExp } from "./internal/special.js";
import type { LifetimeFitConvergence } from "./lifetimeFitConvergence.js";
import type { LifetimeFitUncertainty } from "./lifetimeFitUncertainty.js";

/**
 * BG/BB parameters: while alive, a customer transacts at each opportunity with probability p ~ Beta(alpha, beta);
 * before each opportunity an alive customer becomes inactive for good with probability θ ~ Beta(gamma, delta).
 *
 * @example
 * ```ts
 * // the 1995 donor cohort of Fader, Hardie & Shang (2010): donors per (x, t_x) pattern over n = 6 appeals
 * const counts = [[6, 6, 1203], [5, 6, 728], [4, 6, 512], [3, 6, 357], [2, 6, 234], [1, 6, 129], [5, 5, 335],
 *   [4, 5, 284], [3, 5, 225], [2, 5, 173], [1, 5, 119], [4, 4, 240], [3, 4, 181], [2, 4, 155], [1, 4, 78],
 *   [3, 3, 322], [2, 3, 255], [1, 3, 129], [2, 2, 613], [1, 2, 277], [1, 1, 1091], [0, 0, 3464]];
 * const donations = counts.map(([frequency, recency, count]) => ({ frequency, recency, periods: 6, count }));
 * fitBetaGeometricBetaBinomial(donations, { weight: "count" }).params;
 * // => { alpha: 1.204, beta: 0.750, gamma: 0.657, delta: 2.783 }
 * ```
 */
export interface BetaGeometricBetaBinomialParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

/**
 * Options of {@link fitBetaGeometricBetaBinomial}: the fields of each record (one customer, or one
 * recency/frequency pattern with a `weight`), and the optimiser's settings.
 *
 * @example
 * ```ts
 * const patterns = [{ x: 3, tx: 5, n: 6, customers: 225 }, { x: 0, tx: 0, n: 6, customers: 3464 }];
 * const options: FitBetaGeometricBetaBinomialOptions<(typeof patterns)[number]> = {
 *   frequency: "x", recency: "tx", periods: "n", weight: "customers",
 * };
 * fitBetaGeometricBetaBinomial(patterns, options).customerCount; // => 3689
 * ```
 */
export interface FitBetaGeometricBetaBinomialOptions<T> {
  /** Transactions x: opportunities (after the first purchase) at which the customer transacted. @defaultValue "frequency" */
  readonly frequency?: Field<T>;
  /** Recency t_x: the opportunity of the last transaction (0 when x = 0; x ≤ t_x ≤ n). @defaultValue "recency" */
  readonly recency?: Field<T>;
  /** Opportunities n observed since the first purchase. @defaultValue "periods" */
  readonly periods?: Field<T>;
  /** Customers with this pattern (a non-negative number); every record counts 1 when absent. */
  readonly weight?: Field<T>;
  /** Starting parameters. @defaultValue all 1 */
  readonly start?: Partial<BetaGeometricBetaBinomialParams>;
  /** Maximum optimiser iterations. @defaultValue 500 */
  readonly maxIterations?: number;
  /** Tolerance on the max-norm of the (central-difference) gradient of the mean negative log-likelihood. @defaultValue 1e-8 */
  readonly tolerance?: number;
}

/**
 * A fitted BG/BB model. The methods take a customer's pattern (frequency x, recency t_x, periods n:
 * non-negative integers with x ≤ t_x ≤ n, t_x = 0 when x = 0) and throw InvalidOptionsError otherwise.
 *
 * @example
 * ```ts
 * // the 1995 donor cohort of Fader, Hardie & Shang (2010): donors per (x, t_x) pattern over n = 6 appeals
 * const counts = [[6, 6, 1203], [5, 6, 728], [4, 6, 512], [3, 6, 357], [2, 6, 234], [1, 6, 129], [5, 5, 335],
 *   [4, 5, 284], [3, 5, 225], [2, 5, 173], [1, 5, 119], [4, 4, 240], [3, 4, 181], [2, 4, 155], [1, 4, 78],
 *   [3, 3, 322], [2, 3, 255], [1, 3, 129], [2, 2, 613], [1, 2, 277], [1, 1, 1091], [0, 0, 3464]];
 * const donations = counts.map(([frequency, recency, count]) => ({ frequency, recency, periods: 6, count }));
 * const model = fitBetaGeometricBetaBinomial(donations, { weight: "count" });
 * model.probabilityAlive(3, 4, 6); // => 0.4396
 * model.conditionalExpectedPurchases(5, 6, 6, 6); // => 3.7525 (donations in 2002-2006)
 * ```
 */
export interface FitBetaGeometricBetaBinomialResult {
  readonly params: BetaGeometricBetaBinomialParams;
  readonly logLikelihood: number;
  /** Customers (the sum of the weights). */
  readonly customerCount: number;
  /** Distinct (x, t_x, n) patterns the likelihood was evaluated on. */
  readonly distinctPatterns: number;
  readonly convergence: LifetimeFitConvergence;
  /** Standard errors and 95% log-scale intervals from the observed information. */
  readonly uncertainty: LifetimeFitUncertainty<BetaGeometricBetaBinomialParams>;
  readonly options: { readonly maxIterations: number; readonly tolerance: number };
  /** P(alive at opportunity n + 1 | x, t_x, n). */
  probabilityAlive(frequency: number, recency: number, periods: number): number;
  /** E[X(n)]: transactions a new customer is expected to make in the first `periods` opportunities. */
  expectedPurchases(periods: number): number;
  /** E[X(n, n + n*) | x, t_x, n]: transactions expected in the next `futurePeriods` opportunities. */
  conditionalExpectedPurchases(
    futurePeriods: number,
    frequency: number,
    recency: number,
    periods: number,
  ): number;
  /**
   * DERT: discounted expected residual transactions, a transaction k opportunities ahead
   * counting (1 + discountRate)^−k. Multiply by the value of a transaction for the customer's residual value.
   */
  discountedExpectedResidualTransactions(
    discountRate: number,
    frequency: number,
    recency: number,
    periods: number,
  ): number;
}

/** Option rules of {@link fitBetaGeometricBetaBinomial} (exported for value's option-rule test; not in the module index). */
export const fitBetaGeometricBetaBinomialShape = {
  frequency: field(),
  recency: field(),
  periods: field(),
  weight: field(),
  ...fitControlShape(["alpha", "beta", "gamma", "delta"]),
};

/** The pieces of one pattern's likelihood, all logs. */
interface PatternTerms {
  /** log L(α, β, γ, δ | x, t_x, n). */
  readonly logLikelihood: number;
  /** log of B(α + x, β + n − x) / B(α, β) · B(γ, δ + n) / B(γ, δ): alive through opportunity n. */
  readonly logAliveThroughN: number;
}

/**
 * One pattern's likelihood:
 *   L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) · B(γ+1, δ+t_x+i)/B(γ,δ),
 * with the Beta ratios as sums of logs of rising factorials, updated term by term (O(n)).
 */
function patternTerms(
  alpha: number,
  beta: number,
  gamma: number,
  delta: number,
  x: number,
  tx: number,
  n: number,
): PatternTerms {
  // lp = ln[(α)_x (β)_k / (α+β)_{x+k}] with k = t_x − x; lq = ln[(δ)_m / (γ+δ)_m] with m = t_x
  let lp = 0;
  for (let j = 0; j < x; j++) lp += Math.log((alpha + j) / (alpha + beta + j));
  const k0 = tx - x;
  for (let j = 0; j < k0; j++) lp += Math.log((beta + j) / (alpha + beta + x + j));
  let lq = 0;
  for (let j = 0; j < tx; j++) lq += Math.log((delta + j) / (gamma + delta + j));
  let logL = Number.NEGATIVE_INFINITY;
  const logGamma = Math.log(gamma);
  for (let i = 0; i < n - tx; i++) {
    // dropped out just before opportunity t_x + i + 1
    logL = logAddExp(logL, lp + logGamma - Math.log(gamma + delta + tx + i) + lq);
    lp += Math.log((beta + k0 + i) / (alpha + beta + tx + i));
    lq += Math.log((delta + tx + i) / (gamma + delta + tx + i));
  }
  const logAliveThroughN = lp + lq;
  return { logLikelihood: logAddExp(logL, logAliveThroughN), logAliveThroughN };
}

/**
 * Fits the beta-geometric/beta-binomial (BG/BB) model of discrete-time, non-contractual repeat buying
 * (Fader, Hardie & Shang 2010) by maximum likelihood: customers have discrete transaction opportunities
 * (an annual fundraising appeal, a weekly event); while alive a customer transacts at each with probability
 * p ~ Beta(α, β), and becomes inactive for good before each with probability θ ~ Beta(γ, δ).
 *
 * Input: records of the recency/frequency pattern (x, t_x, n) per customer, or one record per distinct
 * pattern with a `weight` (its number of customers). The likelihood is evaluated in log
 * space with its Beta-function ratios as sums of logs; log-parameters are optimised by BFGS with
 * central-difference gradients (Nelder-Mead then BFGS if that fails).
 *
 * Complexity: O(Σ (n − t_x + x + t_x)) per evaluation over the distinct patterns.
 *
 * @param records - one record per customer or per pattern (with `weight`)
 * @param options - fields, start, maxIterations, tolerance
 * @returns the model with P(alive), E[X(n)], conditional expectations and DERT
 * @throws InvalidRecordError when x, t_x or n is not a non-negative integer, x > t_x, t_x > n, t_x > 0 with
 *   x = 0, or a weight is negative or not finite
 * @throws InsufficientDataError when there are no customers, or nobody made a repeat transaction
 * @see Fader, P. S., Hardie, B. G. S. & Shang, J. (2010). Customer-Base Analysis in a Discrete-Time
 *   Noncontractual Setting. Marketing Science 29(6), 1086–1108 (1995 donor cohort, 11,104 donors, 6 opportunities:
 *   α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33,225.6).
 * @example
 * ```ts
 * // the 1995 donor cohort of Fader, Hardie & Shang (2010): donors per (x, t_x) pattern over n = 6 appeals
 * const counts = [[6, 6, 1203], [5, 6, 728], [4, 6, 512], [3, 6, 357], [2, 6, 234], [1, 6, 129], [5, 5, 335],
 *   [4, 5, 284], [3, 5, 225], [2, 5, 173], [1, 5, 119], [4, 4, 240], [3, 4, 181], [2, 4, 155], [1, 4, 78],
 *   [3, 3, 322], [2, 3, 255], [1, 3, 129], [2, 2, 613], [1, 2, 277], [1, 1, 1091], [0, 0, 3464]];
 * const donations = counts.map(([frequency, recency, count]) => ({ frequency, recency, periods: 6, count }));
 * const model = fitBetaGeometricBetaBinomial(donations, { weight: "count" });
 * model.params; // => { alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 }
 * model.logLikelihood; // => -33225.6
 * model.expectedPurchases(11); // => 3.3887 (donations by a new donor over 11 appeals)
 * ```
 */
export function fitBetaGeometricBetaBinomial<T>(
  records: readonly T[],
  options: FitBetaGeometricBetaBinomialOptions<T> = {},
): FitBetaGeometricBetaBinomialResult {
  const functionName = "fitBetaGeometricBetaBinomial";
  const parsed = withDefaults(checkOptions(functionName, fitBetaGeometricBetaBinomialShape, options), {
    maxIterations: 500,
    tolerance: 1e-8,
  });
  const read = (field: Field<T> | undefined, fallback: string) =>
    readNumbers(records, (field ?? fallback) as Field<T>, { functionName, optionName: fallback });
  const x = read(options.frequency, "frequency");
  const tx = read(options.recency, "recency");
  const n = read(options.periods, "periods");
  const w =
    options.weight === undefined ? new Float64Array(records.length).fill(1) : read(options.weight, "weight");
  type Column = "frequency" | "recency" | "periods" | "weight";
  const bad = (row: number, column: Column, value: number, expectation: string): never => {
    const { label } = resolveField((options[column] ?? column) as Field<T>, column);
    throw new InvalidRecordError(functionName, row, label, value, expectation);
  };
  let customers = 0;
  let repeaters = 0;
  for (let i = 0; i < records.length; i++) {
    const xi = x[i] as number;
    const ti = tx[i] as number;
    const ni = n[i] as number;
    const wi = w[i] as number;
    if (!(Number.isInteger(ni) && ni >= 0 && ni <= 1e6))
      bad(i, "periods", ni, "expected a non-negative integer number of transaction opportunities");
    if (!(Number.isInteger(xi) && xi >= 0 && xi <= ni))
      bad(i, "frequency", xi, `expected an integer count of transactions between 0 and periods (${ni})`);
    if (!(Number.isInteger(ti) && ti >= xi && ti <= ni)) {
      bad(
        i,
        "recency",
        ti,
        `expected the integer opportunity of the last transaction, between frequency (${xi}) and periods (${ni})`,
      );
    }
    if (xi === 0 && ti !== 0)
      bad(i, "recency", ti, "a customer without transactions (frequency 0) has recency 0");
    if (!(wi >= 0 && wi < Number.POSITIVE_INFINITY))
      bad(i, "weight", wi, "expected a finite, non-negative number of customers");
    customers += wi;
    if (xi > 0) repeaters += wi;
  }
  if (customers === 0) {
    throw new InsufficientDataError(
      functionName,
      "no customers; pass at least one (frequency, recency, periods) record",
    );
  }
  if (repeaters === 0) {
    throw new InsufficientDataError(
      functionName,
      "nobody made a repeat transaction (every frequency is 0), so the BG/BB model is not identifiable",
    );
  }
  // identical (x, t_x, n) patterns merged, their weights summed
  const [pn, ptx, px, pw] = mergeEqualRows(n, tx, x, w);
  const u = px.length;
  const objective = (theta: Float64Array): number => {
    if (outsideBox(theta)) return Number.NaN;
    const [alpha, beta, gamma, delta] = Array.from(theta, Math.exp) as [number, number, number, number];
    let ll = 0;
    for (let k = 0; k < u; k++) {
      const terms = patternTerms(
        alpha,
        beta,
        gamma,
        delta,
        px[k] as number,
        ptx[k] as number,
        pn[k] as number,
      );
      ll += (pw[k] as number) * terms.logLikelihood;
    }
    return -ll / customers;
  };
  const start = startParameters<BetaGeometricBetaBinomialParams>(
    { alpha: 1, beta: 1, gamma: 1, delta: 1 },
    parsed.start,
  );
  const run = minimizeWithFallback(numericGradient(objective, 1e-6), logParameters(start), parsed);
  const estimate = lifetimeFitEstimate(
    { ...run, method: run.method.replace("analytic gradient", "central-difference gradient") },
    start,
    { customerCount: customers, distinctPatterns: u },
    hessianFromValues(objective, run.outcome.x),
    VALUE_HESSIAN,
    parsed,
  );
  const result: FitBetaGeometricBetaBinomialResult = { ...estimate, ...bgbbPredictions(estimate.params) };
  return withFitDisplay(
    result,
    "BG/BB model",
    (m) =>
      `${m.customerCount} customers in ${m.distinctPatterns} (x, t_x, n) patterns, log-likelihood ${m.logLikelihood.toFixed(2)}`,
  );
}

function checkPattern(method: string, x: unknown, tx: unknown, n: unknown): void {
  checkPeriod(method, "frequency", x);
  checkPeriod(method, "recency", tx);
  checkPeriod(method, "periods", n);
  if (x > tx || tx > n || (x === 0 && tx !== 0)) {
    refuse(
      method,
      "recency",
      tx,
      `expected frequency <= recency <= periods (received frequency ${x}, periods ${n}) and recency 0 when frequency is 0`,
    );
  }
}

function bgbbPredictions(
  params: BetaGeometricBetaBinomialParams,
): Pick<
  FitBetaGeometricBetaBinomialResult,
  | "probabilityAlive"
  | "expectedPurchases"
  | "conditionalExpectedPurchases"
  | "discountedExpectedResidualTransactions"
> {
  const { alpha, beta, gamma, delta } = params;
  /** log of (1/L) B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ): alive through n, times the posterior mean of p. */
  const logActiveWeight = (x: number, tx: number, n: number): number => {
    const terms = patternTerms(alpha, beta, gamma, delta, x, tx, n);
    return terms.logAliveThroughN + Math.log((alpha + x) / (alpha + beta + n)) - terms.logLikelihood;
  };
  /** Σ_{k=1}^{m} (δ+n)_k / (γ+δ+n)_k: expected opportunities alive among the next m, for someone alive at n. */
  const aliveOpportunities = (n: number, m: number): number => {
    let survival = 1;
    let sum = 0;
    for (let k = 0; k < m; k++) {
      survival *= (delta + n + k) / (gamma + delta + n + k);
      sum += survival;
    }
    return sum;
  };
  return {
    probabilityAlive: (frequency, recency, periods) => {
      checkPattern("probabilityAlive (BG/BB)", frequency, recency, periods);
      const terms = patternTerms(alpha, beta, gamma, delta, frequency, recency, periods);
      return Math.exp(
        terms.logAliveThroughN +
          Math.log((delta + periods) / (gamma + delta + periods)) -
          terms.logLikelihood,
      );
    },
    expectedPurchases: (periods) => {
      checkPeriod("expectedPurchases (BG/BB)", "periods", periods);
      return (alpha / (alpha + beta)) * aliveOpportunities(0, periods);
    },
    conditionalExpectedPurchases: (futurePeriods, frequency, recency, periods) => {
      const method = "conditionalExpectedPurchases (BG/BB)";
      checkPeriod(method, "futurePeriods", futurePeriods);
      checkPattern(method, frequency, recency, periods);
      if (futurePeriods === 0) return 0;
      return (
        Math.exp(logActiveWeight(frequency, recency, periods)) * aliveOpportunities(periods, futurePeriods)
      );
    },
    discountedExpectedResidualTransactions: (discountRate, frequency, recency, periods) => {
      const method = "discountedExpectedResidualTransactions (BG/BB)";
      checkDiscountRate(method, discountRate);
      checkPattern(method, frequency, recency, periods);
      return (
        Math.exp(logActiveWeight(frequency, recency, periods)) *
        discountedSurvivalSum(gamma, delta + periods, discountRate, method)
      );
    },
  };
}
