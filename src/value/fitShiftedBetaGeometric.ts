import {
  type Field,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
  resolveField,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field } from "../core/internal/optionRules.js";
import { checkDiscountRate, checkPeriod, discountedSurvivalSum } from "./internal/betaGeometric.js";
import {
  estimateWithAnalyticGradient,
  fitControlShape,
  startParameters,
  withFitDisplay,
} from "./internal/lifetimeFit.js";
import { checkFiniteNonNegative, refuse } from "./internal/modelArguments.js";
import { outsideBox } from "./internal/optimize.js";
import type { LifetimeFitConvergence } from "./lifetimeFitConvergence.js";
import type { LifetimeFitUncertainty } from "./lifetimeFitUncertainty.js";

/**
 * sBG parameters: each customer's per-period churn probability θ ~ Beta(gamma, delta).
 *
 * @example
 * ```ts
 * fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]).params; // => { gamma: 0.7041, delta: 1.1820 }
 * ```
 */
export interface ShiftedBetaGeometricParams {
  readonly gamma: number;
  readonly delta: number;
}

/**
 * What {@link fitShiftedBetaGeometric} accepts: one cohort's survivors (customers still active at the start
 * of each period, the first being the cohort size), several cohorts' survivors, or one record per customer
 * read through `periods` and `churned`.
 *
 * @example
 * ```ts
 * const one: ShiftedBetaGeometricInput<never> = [1000, 631, 468, 382];
 * const two: ShiftedBetaGeometricInput<never> = [[1000, 631, 468, 382], [800, 520]];
 * const customers: ShiftedBetaGeometricInput<{ periods: number; churned: boolean }> = [{ periods: 3, churned: true }];
 * fitShiftedBetaGeometric(two).cohortCount; // => 2
 * ```
 */
export type ShiftedBetaGeometricInput<T> = readonly number[] | readonly (readonly number[])[] | readonly T[];

/**
 * Options of {@link fitShiftedBetaGeometric}.
 *
 * @example
 * ```ts
 * const customers = [{ months: 1, left: 1 }, { months: 4, left: 0 }, { months: 2, left: 1 }, { months: 4, left: 0 }];
 * fitShiftedBetaGeometric(customers, { periods: "months", churned: "left" }).customerCount; // => 4
 * ```
 */
export interface FitShiftedBetaGeometricOptions<T> {
  /**
   * Per-customer records: periods the customer was observed. A churned customer left in that period (did not
   * renew at its end: 1 = left after the first period); a customer still active has renewed that many times.
   * @defaultValue "periods"
   */
  readonly periods?: Field<T>;
  /** Per-customer records: true or 1 when the customer churned, false or 0 when still active (censored). @defaultValue "churned" */
  readonly churned?: Field<T>;
  /** Starting parameters. @defaultValue `{ gamma: 1, delta: 1 }` */
  readonly start?: Partial<ShiftedBetaGeometricParams>;
  /** Maximum optimiser iterations. @defaultValue 500 */
  readonly maxIterations?: number;
  /** Convergence tolerance on the max-norm of the gradient of the mean negative log-likelihood (log-parameters). @defaultValue 1e-10 */
  readonly tolerance?: number;
}

/**
 * A fitted sBG model.
 *
 * @example
 * ```ts
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * model.survival(12);      // => 0.1700 (observed in year 12: 0.173)
 * model.retentionRate(2);  // => 0.7560
 * model.discountedExpectedResidualLifetime(0.1); // => 2.9644 (periods, for a customer who has not renewed yet)
 * ```
 */
export interface FitShiftedBetaGeometricResult {
  readonly params: ShiftedBetaGeometricParams;
  /** Maximised log-likelihood (natural log). */
  readonly logLikelihood: number;
  /** Customers in all cohorts (the sum of the first survivors, or the number of records). */
  readonly customerCount: number;
  /** Customers observed to churn. */
  readonly churnedCount: number;
  /** Cohorts fitted (1 for one survivor vector or for per-customer records). */
  readonly cohortCount: number;
  /** The longest observation, in periods. */
  readonly observedPeriods: number;
  readonly convergence: LifetimeFitConvergence;
  /** Standard errors and 95% log-scale intervals of gamma and delta from the observed information. */
  readonly uncertainty: LifetimeFitUncertainty<ShiftedBetaGeometricParams>;
  readonly options: { readonly maxIterations: number; readonly tolerance: number };
  /** S(t) = P(T > t) = B(γ, δ + t) / B(γ, δ): the share of a cohort still active after `t` periods (t a non-negative integer). */
  survival(t: number): number;
  /** r(t) = S(t) / S(t − 1) = (δ + t − 1) / (γ + δ + t − 1): the share of customers active in period t − 1 who renew at the end of it (t ≥ 1). */
  retentionRate(t: number): number;
  /**
   * Expected survivors at the start of periods 0..`periods` (0 = the cohort) for a cohort of `cohortSize`
   * customers (default: the first fitted cohort's size, or the number of per-customer records).
   */
  projectSurvivors(periods: number, cohortSize?: number): number[];
  /**
   * DERL (Fader & Hardie 2010): the discounted expected residual lifetime, in periods, of a customer who is
   * at the end of a period, has made `renewals` renewals so far and is about to decide on the next one,
   * counting the coming period as 1 and a period k periods later as (1 + discountRate)^−k. Multiply by
   * the per-period margin for the customer's residual value (the margin of the period just paid excluded):
   * DERL = (δ + n − 1) / (γ + δ + n − 1) · 2F1(1, δ + n; γ + δ + n; 1 / (1 + d)) with n − 1 = renewals.
   * `discountRate` 0 gives the undiscounted expectation (δ + n − 1) / (γ − 1), finite only for γ > 1.
   */
  discountedExpectedResidualLifetime(discountRate: number, renewals?: number): number;
}

/** Option rules of {@link fitShiftedBetaGeometric} (exported for value's option-rule test; not in the module index). */
export const fitShiftedBetaGeometricShape = {
  periods: field(),
  churned: field(),
  ...fitControlShape(["gamma", "delta"]),
};

/** Churn counts per period: lost[t] left in period t (t ≥ 1), censored[t] still active after t periods. */
interface ChurnCounts {
  readonly lost: Float64Array;
  readonly censored: Float64Array;
  readonly customerCount: number;
  readonly churnedCount: number;
  readonly cohortCount: number;
  readonly firstCohortSize: number;
}

/**
 * Fits the shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie 2007) by maximum
 * likelihood. Each customer renews at the end of every period with probability 1 − θ until they first
 * do not; θ varies over customers as Beta(gamma, delta). The model's retention rate rises with tenure
 * (the customers who stay are those with small θ), as observed retention curves do.
 *
 * Input: one cohort's survivors `[n0, n1, …, nm]` (customers active at the start of periods 0..m: n0
 * acquired, n1 who renewed once, …), several cohorts (one such vector each, of any lengths), or
 * per-customer records with `periods` and `churned`. The log-likelihood
 *   Σ_t lost_t · ln P(T = t) + Σ_t active_t · ln S(t),  P(T = t) = B(γ + 1, δ + t − 1) / B(γ, δ),
 * is evaluated with its Beta-function ratios as sums of logs and maximised over log-parameters by BFGS
 * with its analytic gradient (Nelder-Mead then BFGS if that fails).
 *
 * Complexity: O(m) per evaluation (m = longest observation in periods), after O(n) to count.
 *
 * @param input - survivors of one cohort, survivors of several cohorts, or per-customer records
 * @param options - `periods`/`churned` fields for records, start, maxIterations, tolerance
 * @returns the fitted model with `survival`, `retentionRate`, `projectSurvivors` and DERL
 * @throws InvalidRecordError when a survivor count is negative, not finite, or larger than the one before;
 *   or a record's periods is not a non-negative integer (positive when churned) or churned not a boolean/0/1
 * @throws InsufficientDataError when there is no customer, nobody churned, or no one was observed beyond the
 *   first period (gamma and delta are then not identifiable)
 * @see Fader, P. S. & Hardie, B. G. S. (2007). How to Project Customer Retention. Journal of Interactive
 *   Marketing 21(1), 76–90 (regular customers: γ = 0.704, δ = 1.182; high end: γ = 0.668, δ = 3.806);
 *   Fader & Hardie (2010). Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
 *   Heterogeneity. Marketing Science 29(1), 85–93 (DERL).
 * @example
 * ```ts
 * const regular = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * regular.params;  // => { gamma: 0.7041, delta: 1.1820 }
 * regular.logLikelihood; // => -1680.27
 * regular.projectSurvivors(12).map(Math.round).slice(8); // => [220, 204, 191, 180, 170] (observed: 223, 207, 194, 183, 173)
 * ```
 */
export function fitShiftedBetaGeometric<T>(
  input: ShiftedBetaGeometricInput<T>,
  options: FitShiftedBetaGeometricOptions<T> = {},
): FitShiftedBetaGeometricResult {
  const functionName = "fitShiftedBetaGeometric";
  const parsed = withDefaults(checkOptions(functionName, fitShiftedBetaGeometricShape, options), {
    maxIterations: 500,
    tolerance: 1e-10,
  });
  const counts = readChurnCounts(functionName, input, options);
  const { lost, censored, customerCount } = counts;
  const m = lost.length - 1;
  if (customerCount === 0)
    throw new InsufficientDataError(
      functionName,
      "no customers; pass survivors starting with the cohort size",
    );
  if (counts.churnedCount === 0) {
    throw new InsufficientDataError(
      functionName,
      `none of the ${customerCount} customers churned, so the sBG model is not identifiable (the churn probability is 0 for all); observe the cohort for longer`,
    );
  }
  let beyondFirst = 0;
  for (let t = 2; t <= m; t++) beyondFirst += (lost[t] as number) + (censored[t] as number);
  if (beyondFirst === 0) {
    throw new InsufficientDataError(
      functionName,
      "no customer was observed beyond the first period, so only the first-period churn rate gamma / (gamma + delta) is identified, not gamma and delta; pass at least two periods of survivors",
    );
  }
  const start = startParameters<ShiftedBetaGeometricParams>({ gamma: 1, delta: 1 }, parsed.start);
  const estimate = estimateWithAnalyticGradient(
    sbgObjective(lost, censored, customerCount),
    start,
    {
      customerCount,
      churnedCount: counts.churnedCount,
      cohortCount: counts.cohortCount,
      observedPeriods: m,
    },
    parsed,
  );
  const { gamma, delta } = estimate.params;
  const logSurvival = (t: number): number => {
    let sum = 0;
    for (let j = 0; j < t; j++) sum += Math.log((delta + j) / (gamma + delta + j));
    return sum;
  };
  const result: FitShiftedBetaGeometricResult = {
    ...estimate,
    survival: (t) => {
      checkPeriod("survival (sBG)", "t", t);
      return Math.exp(logSurvival(t));
    },
    retentionRate: (t) => {
      if (!(typeof t === "number" && Number.isInteger(t) && t >= 1))
        refuse("retentionRate (sBG)", "t", t, "expected a period number t >= 1 (an integer)");
      return (delta + t - 1) / (gamma + delta + t - 1);
    },
    projectSurvivors: (periods, cohortSize = counts.firstCohortSize) => {
      const method = "projectSurvivors (sBG)";
      checkPeriod(method, "periods", periods);
      checkFiniteNonNegative(
        method,
        "cohortSize",
        cohortSize,
        "expected a finite, non-negative number of customers",
      );
      const out: number[] = [cohortSize];
      let survival = 1;
      for (let t = 1; t <= periods; t++) {
        survival *= (delta + t - 1) / (gamma + delta + t - 1);
        out.push(cohortSize * survival);
      }
      return out;
    },
    discountedExpectedResidualLifetime: (discountRate, renewals = 0) => {
      const method = "discountedExpectedResidualLifetime (sBG)";
      checkDiscountRate(method, discountRate);
      checkPeriod(method, "renewals", renewals);
      // Σ_{t≥n} S(t)/S(n−1) (1+d)^−(t−n), n − 1 = renewals: the posterior after `renewals` renewals is Beta(γ, δ + renewals)
      return (1 + discountRate) * discountedSurvivalSum(gamma, delta + renewals, discountRate, method);
    },
  };
  return withFitDisplay(
    result,
    "sBG contractual retention model",
    (s) =>
      `${s.customerCount} customers in ${s.cohortCount} cohort(s), ${s.churnedCount} churned, observed up to ${s.observedPeriods} periods; log-likelihood ${s.logLikelihood.toFixed(2)}`,
  );
}

/**
 * Mean negative sBG log-likelihood over (log γ, log δ) with its gradient. With L_k = ln S(k) =
 * Σ_{j<k} ln((δ + j) / (γ + δ + j)): ln P(T = t) = ln γ − ln(γ + δ + t − 1) + L_{t−1}.
 */
function sbgObjective(lost: Float64Array, censored: Float64Array, total: number) {
  const m = lost.length - 1;
  return (theta: Float64Array, gradient: Float64Array): number => {
    if (outsideBox(theta)) return Number.NaN;
    const gamma = Math.exp(theta[0] as number);
    const delta = Math.exp(theta[1] as number);
    let ll = 0;
    let gg = 0;
    let gd = 0;
    // running L_k and its derivatives, k = t − 1 before the update
    let L = 0;
    let dLg = 0;
    let dLd = 0;
    for (let t = 1; t <= m; t++) {
      const lostT = lost[t] as number;
      if (lostT > 0) {
        const s = gamma + delta + t - 1;
        ll += lostT * (Math.log(gamma / s) + L);
        gg += lostT * (1 / gamma - 1 / s + dLg);
        gd += lostT * (-1 / s + dLd);
      }
      const j = t - 1;
      L += Math.log((delta + j) / (gamma + delta + j));
      dLg -= 1 / (gamma + delta + j);
      dLd += 1 / (delta + j) - 1 / (gamma + delta + j);
      const censoredT = censored[t] as number;
      if (censoredT > 0) {
        ll += censoredT * L;
        gg += censoredT * dLg;
        gd += censoredT * dLd;
      }
    }
    gradient[0] = (-gg * gamma) / total;
    gradient[1] = (-gd * delta) / total;
    return -ll / total;
  };
}

function isNumberArray(input: readonly unknown[]): input is readonly number[] {
  return input.every((value) => typeof value === "number");
}

function isNestedNumberArray(input: readonly unknown[]): input is readonly (readonly number[])[] {
  return input.length > 0 && input.every((value) => Array.isArray(value));
}

function readChurnCounts<T>(
  functionName: string,
  input: ShiftedBetaGeometricInput<T>,
  options: FitShiftedBetaGeometricOptions<T>,
): ChurnCounts {
  if (!Array.isArray(input)) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "input",
        message:
          "expected an array: survivors per period, one such array per cohort, or per-customer records",
        received: input,
      },
    ]);
  }
  if (input.length === 0 || isNumberArray(input))
    return survivorCounts(functionName, [input as readonly number[]]);
  if (isNestedNumberArray(input)) return survivorCounts(functionName, input);
  return recordCounts(functionName, input as readonly T[], options);
}

function survivorCounts(functionName: string, cohorts: readonly (readonly number[])[]): ChurnCounts {
  const m = Math.max(0, ...cohorts.map((cohort) => cohort.length - 1));
  const lost = new Float64Array(m + 1);
  const censored = new Float64Array(m + 1);
  let customerCount = 0;
  let churnedCount = 0;
  cohorts.forEach((cohort, c) => {
    const field = cohorts.length === 1 ? "survivors" : `survivors[${c}]`;
    for (let t = 0; t < cohort.length; t++) {
      const value = cohort[t];
      if (typeof value !== "number" || !(value >= 0 && value < Number.POSITIVE_INFINITY)) {
        throw new InvalidRecordError(
          functionName,
          t,
          field,
          value,
          "expected a finite, non-negative count of customers",
        );
      }
      if (t > 0 && value > (cohort[t - 1] as number)) {
        throw new InvalidRecordError(
          functionName,
          t,
          field,
          value,
          `survivors cannot grow: period ${t - 1} had ${cohort[t - 1]}; pass customers still active at the start of each period (new customers belong to a new cohort)`,
        );
      }
      if (t > 0) lost[t] = (lost[t] as number) + (cohort[t - 1] as number) - value;
    }
    if (cohort.length > 0) {
      const last = cohort.length - 1;
      censored[last] = (censored[last] as number) + (cohort[last] as number);
      customerCount += cohort[0] as number;
      churnedCount += (cohort[0] as number) - (cohort[last] as number);
    }
  });
  return {
    lost,
    censored,
    customerCount,
    churnedCount,
    cohortCount: cohorts.length,
    firstCohortSize: cohorts[0]?.[0] ?? 0,
  };
}

function recordCounts<T>(
  functionName: string,
  records: readonly T[],
  options: FitShiftedBetaGeometricOptions<T>,
): ChurnCounts {
  const periodsField = resolveField<T>((options.periods ?? "periods") as Field<T>, "periods");
  const churnedField = resolveField<T>((options.churned ?? "churned") as Field<T>, "churned");
  const periods = new Int32Array(records.length);
  const churned = new Uint8Array(records.length);
  let m = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as T;
    if (record === null || typeof record !== "object")
      throw new InvalidRecordError(
        functionName,
        i,
        "record",
        record,
        "expected an object with periods and churned",
      );
    const p = periodsField.read(record, i);
    const c = churnedField.read(record, i);
    const event = c === true || c === 1 ? 1 : c === false || c === 0 ? 0 : -1;
    if (event < 0) {
      throw new InvalidRecordError(
        functionName,
        i,
        churnedField.label,
        c,
        "expected true/1 (churned) or false/0 (still active)",
      );
    }
    if (typeof p !== "number" || !Number.isInteger(p) || p < event || p > 1e7) {
      throw new InvalidRecordError(
        functionName,
        i,
        periodsField.label,
        p,
        event === 1
          ? "expected the period in which the customer churned: an integer >= 1"
          : "expected the number of periods the customer has renewed: a non-negative integer",
      );
    }
    periods[i] = p;
    churned[i] = event;
    if (p > m) m = p;
  }
  const lost = new Float64Array(m + 1);
  const censored = new Float64Array(m + 1);
  let churnedCount = 0;
  for (let i = 0; i < records.length; i++) {
    const p = periods[i] as number;
    if (churned[i] === 1) {
      lost[p] = (lost[p] as number) + 1;
      churnedCount++;
    } else censored[p] = (censored[p] as number) + 1;
  }
  return {
    lost,
    censored,
    customerCount: records.length,
    churnedCount,
    cohortCount: 1,
    firstCohortSize: records.length,
  };
}
