/**
 * Scaffolding shared by the lifetime-value fitters (fitBgNbd, fitParetoNbd,
 * fitGammaGamma) and customerLifetimeValue: option rules, reading and
 * counting the customer histories, the BFGS-with-Nelder-Mead-fallback run,
 * and turning the optimiser's log-parameters into parameters and a
 * convergence report.
 */
import { withDisplay } from "../../core/display.js";
import { InsufficientDataError } from "../../core/index.js";
import { field, nested, numeric, type OptionRule } from "../../core/internal/optionRules.js";
import type { LifetimeFitConvergence } from "../lifetimeFitConvergence.js";
import type { LifetimeFitUncertainty } from "../lifetimeFitUncertainty.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "../repeatPurchaseInput.js";
import { GRADIENT_HESSIAN, hessianFromGradient, uncertaintyFromHessian } from "./observedInformation.js";
import { type MinimizeOutcome, minimizeBfgs, nelderMead, type ObjectiveWithGradient } from "./optimize.js";
import { type RepeatColumns, readRepeatColumns } from "./repeatColumns.js";

/** A model's named parameters (an interface such as `BgNbdParams`: every property a number). */
type ModelParameters<P> = { readonly [K in keyof P]: number };

/** Option rules of {@link RepeatPurchaseFields}, to spread into an option shape. */
export const repeatPurchaseFieldsShape = {
  frequency: /* @__PURE__ */ field(),
  recency: /* @__PURE__ */ field(),
  T: /* @__PURE__ */ field(),
  monetaryValue: /* @__PURE__ */ field(),
};

/**
 * Option rules of a fitter: the repeat-purchase fields, `start` (an object of optional positive numbers,
 * one per parameter), `maxIterations` and `tolerance` (whose defaults each fitter fills in).
 */
export function lifetimeFitShape<K extends string>(parameterNames: readonly K[]) {
  return { ...repeatPurchaseFieldsShape, ...fitControlShape(parameterNames) };
}

/**
 * The optimiser part of a fitter's option rules: `start` (an object of optional positive numbers, one
 * per parameter), `maxIterations` and `tolerance` (whose defaults each fitter fills in).
 */
export function fitControlShape<K extends string>(parameterNames: readonly K[]) {
  const positive = numeric({ gt: 0 });
  const startShape = Object.fromEntries(parameterNames.map((name) => [name, positive])) as {
    [P in K]: OptionRule<number, true>;
  };
  return {
    start: nested(startShape),
    maxIterations: numeric({ whole: true, gte: 1 }),
    tolerance: positive,
  };
}

/** Starting parameters: the user's `start` where given, the model's default otherwise (in `defaults`' key order). */
export function startParameters<P extends ModelParameters<P>>(
  defaults: P,
  given: { readonly [K in keyof P]?: number | undefined } | undefined,
): P {
  const start: Record<string, number> = {};
  for (const name of Object.keys(defaults) as (keyof P & string)[])
    start[name] = given?.[name] ?? defaults[name];
  return start as unknown as P;
}

/** Validated histories of a transaction model's input, with the counts its start and checks need. */
export interface RepeatHistories {
  readonly columns: RepeatColumns;
  readonly customerCount: number;
  readonly repeatCustomerCount: number;
  readonly sumFrequency: number;
  readonly sumT: number;
}

/**
 * Reads and checks the histories of a purchase-count model (BG/NBD, Pareto/NBD) and refuses
 * input it cannot identify: no customers, nobody with a repeat purchase, or every age T = 0.
 */
export function readTransactionHistories<T>(
  functionName: string,
  modelName: string,
  summary: RepeatPurchaseInput<T>,
  fields: RepeatPurchaseFields<T>,
): RepeatHistories {
  return countHistories(functionName, modelName, readRepeatColumns(functionName, summary, fields, false));
}

/**
 * The counts of checked histories (frequency a whole number, 0 <= recency <= T) that a purchase-count
 * model's start needs, refusing what it cannot identify: no customers, nobody with a repeat purchase,
 * or every age T = 0.
 */
export function countHistories(
  functionName: string,
  modelName: string,
  columns: RepeatColumns,
): RepeatHistories {
  const n = columns.frequency.length;
  if (n === 0)
    throw new InsufficientDataError(functionName, "no customers; pass at least one customer summary row");
  let repeatCustomers = 0;
  let sumFrequency = 0;
  let sumT = 0;
  for (let i = 0; i < n; i++) {
    const x = columns.frequency[i] as number;
    if (x > 0) repeatCustomers++;
    sumFrequency += x;
    sumT += columns.T[i] as number;
  }
  if (repeatCustomers === 0) {
    throw new InsufficientDataError(
      functionName,
      `none of the ${n} customers made a repeat purchase (every frequency is 0), so the ${modelName} model is not identifiable: ` +
        "the likelihood has no maximum (purchase rate and dropout cannot be told apart); use a longer observation period",
    );
  }
  if (!(sumT > 0)) {
    throw new InsufficientDataError(
      functionName,
      "every customer has age T = 0; the model is not identifiable",
    );
  }
  return { columns, customerCount: n, repeatCustomerCount: repeatCustomers, sumFrequency, sumT };
}

/** How an optimiser run went, before it is reported as a {@link LifetimeFitConvergence}. */
export interface LifetimeFitRun {
  readonly outcome: MinimizeOutcome;
  readonly method: string;
  readonly iterations: number;
  readonly evaluations: number;
}

/** A fitter's optimiser settings, as parsed from its options (`tolerance` bounds the gradient's largest entry). */
export interface LifetimeFitSettings {
  readonly maxIterations: number;
  readonly tolerance: number;
}

/**
 * BFGS with the analytic gradient from `x0`; if it fails, Nelder-Mead from `x0` and BFGS
 * polishing its result, keeping the better of the two BFGS outcomes.
 */
export function minimizeWithFallback(
  objective: ObjectiveWithGradient,
  x0: readonly number[],
  { maxIterations, tolerance }: LifetimeFitSettings,
): LifetimeFitRun {
  const settings = { maxIterations, gradientTolerance: tolerance };
  let outcome = minimizeBfgs(objective, x0, settings);
  let method = "BFGS (analytic gradient)";
  let iterations = outcome.iterations;
  let evaluations = outcome.evaluations;
  if (!outcome.converged) {
    const simplex = nelderMead((x) => objective(x, new Float64Array(x0.length)), x0, { maxIterations: 4000 });
    const polished = minimizeBfgs(objective, simplex.x, settings);
    iterations += simplex.iterations + polished.iterations;
    evaluations += simplex.evaluations + polished.evaluations;
    method = "BFGS failed; Nelder-Mead, then BFGS (analytic gradient)";
    if (polished.value <= outcome.value || !Number.isFinite(outcome.value)) outcome = polished;
  }
  return { outcome, method, iterations, evaluations };
}

/** Log-parameters of `start`, in its key order (the optimiser's x0). */
export function logParameters<P extends ModelParameters<P>>(start: P): number[] {
  return (Object.values(start) as number[]).map((value) => Math.log(value));
}

/**
 * Parameters (the exponentials of the optimiser's log-parameters, named as `start`) and the
 * convergence report. A log-parameter beyond ±15 means it ran off to the edge of the parameter
 * space: the fit is then reported as not converged, with `ranOff(params)` in the message.
 */
export function finishLifetimeFit<P extends ModelParameters<P>>(
  run: LifetimeFitRun,
  start: P,
  ranOff: (params: P) => string = () => "an extreme value",
): { readonly params: P; readonly convergence: LifetimeFitConvergence } {
  const { outcome } = run;
  const names = Object.keys(start);
  const params = Object.fromEntries(
    names.map((name, j) => [name, Math.exp(outcome.x[j] as number)]),
  ) as unknown as P;
  const extreme = Array.from(outcome.x).some((value) => Math.abs(value) > 15);
  const convergence: LifetimeFitConvergence = {
    converged: outcome.converged && !extreme,
    method: run.method,
    iterations: run.iterations,
    evaluations: run.evaluations,
    gradientNorm: outcome.gradientNorm,
    start: { ...start },
    message: extreme ? `${outcome.message}; a parameter ran off to ${ranOff(params)}` : outcome.message,
  };
  return { params, convergence };
}

/**
 * What every fitted model reports of its fit, in this order: the parameters (named as `start`), the
 * maximised log-likelihood over `counts.customerCount` customers, the model's `counts`, the convergence
 * report (see {@link finishLifetimeFit} for `ranOff`), the standard errors from `hessian` (of the mean
 * negative log-likelihood at the optimum, computed as `hessianMethod` says) and the optimiser settings.
 */
export function lifetimeFitEstimate<
  P extends ModelParameters<P>,
  C extends { readonly customerCount: number },
>(
  run: LifetimeFitRun,
  start: P,
  counts: C,
  hessian: Float64Array | null,
  hessianMethod: string,
  settings: LifetimeFitSettings,
  ranOff?: (params: P) => string,
) {
  const { params, convergence } = finishLifetimeFit(run, start, ranOff);
  const n = counts.customerCount;
  return {
    params,
    logLikelihood: -run.outcome.value * n,
    ...counts,
    convergence,
    uncertainty: uncertaintyFromHessian(params, hessian, n, convergence.converged, hessianMethod),
    options: { maxIterations: settings.maxIterations, tolerance: settings.tolerance },
  };
}

/**
 * The fit of a model whose objective has an analytic gradient: {@link minimizeWithFallback} from the
 * log-parameters of `start`, then {@link lifetimeFitEstimate} with the Hessian from central differences
 * of that gradient at the optimum.
 */
export function estimateWithAnalyticGradient<
  P extends ModelParameters<P>,
  C extends { readonly customerCount: number },
>(
  objective: ObjectiveWithGradient,
  start: P,
  counts: C,
  settings: LifetimeFitSettings,
  ranOff?: (params: P) => string,
) {
  const run = minimizeWithFallback(objective, logParameters(start), settings);
  return lifetimeFitEstimate(
    run,
    start,
    counts,
    hessianFromGradient(objective, run.outcome.x),
    GRADIENT_HESSIAN,
    settings,
    ranOff,
  );
}

/**
 * Attaches the display of a fitted model: a first summary line of counts and log-likelihood
 * (`describe`), a line on convergence, and the parameter rows.
 */
export function withFitDisplay<
  P extends ModelParameters<P>,
  R extends {
    readonly params: P;
    readonly convergence: LifetimeFitConvergence;
    readonly uncertainty: LifetimeFitUncertainty<P>;
  },
>(result: R, title: string, describe: (fit: R) => string): Readonly<R> {
  return withDisplay(result, {
    title,
    summary: (fit) => [
      describe(fit),
      `${fit.convergence.converged ? "converged" : "NOT converged"}: ${fit.convergence.method}, ${fit.convergence.iterations} iterations (${fit.convergence.message})`,
    ],
    rows: (fit) => parameterRows(fit.params, fit.uncertainty),
  });
}

/**
 * The rows a fitted model prints: `{ parameter, value }`, with `standardError`, `lower` and `upper`
 * (the 95% log-scale interval) when the fit has standard errors.
 */
export function parameterRows<P extends ModelParameters<P>>(
  params: P,
  uncertainty?: LifetimeFitUncertainty<P>,
): { parameter: string; value: number; standardError?: number; lower?: number; upper?: number }[] {
  return (Object.entries(params) as [keyof P & string, number][]).map(([parameter, value]) => {
    const se = uncertainty?.standardErrors?.[parameter];
    const lower = uncertainty?.lower?.[parameter];
    const upper = uncertainty?.upper?.[parameter];
    return se === undefined || lower === undefined || upper === undefined
      ? { parameter, value }
      : { parameter, value, standardError: se, lower, upper };
  });
}
