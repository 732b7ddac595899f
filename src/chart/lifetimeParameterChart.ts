import { TABLE_BUNDLE } from "../core/display.js";
import type { LifetimeFitUncertainty } from "../value/index.js";
import { intervalChannels } from "./internal/layers.js";
import {
  type ChartOptions,
  dataValues,
  filledPoint,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  refuseInput,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** What {@link lifetimeParameterChart} reads of a lifetime fit: its parameters and their uncertainty. */
export interface LifetimeParameterFit<P extends object = object> {
  readonly params: P;
  readonly uncertainty: LifetimeFitUncertainty<P>;
}

/**
 * One row of {@link lifetimeParameterChart}: a parameter's estimate and its 95% interval.
 *
 * @example
 * ```ts
 * lifetimeParameterRows(fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]))[0];
 * // => { parameter: "gamma", estimate: 0.7041, standardError: 0.0656, lower: 0.5866, upper: 0.8451 }
 * ```
 */
export interface LifetimeParameterRow {
  readonly parameter: string;
  readonly estimate: number;
  /** Null when the fit has no standard errors (singular information). */
  readonly standardError: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** True for a lifetime fit with `params` and `uncertainty` (every fit of clientele/value). */
export function isLifetimeParameterFit(value: unknown): value is LifetimeParameterFit {
  return (
    hasShape(value, "uncertainty.confidenceLevel# uncertainty.message$ params{}") &&
    Object.values(value.params as object).every((v) => typeof v === "number") &&
    "standardErrors" in (value.uncertainty as object)
  );
}

/** The heading the result prints under (its display title), e.g. "MBG/NBD model"; "" when it has none. */
function displayTitle(model: object): string {
  const bundle = (model as { [TABLE_BUNDLE]?: () => Record<string, string> })[TABLE_BUNDLE];
  return typeof bundle === "function" ? (bundle()["text/plain"]?.split("\n")[0] ?? "") : "";
}

/** The model's name from its parameter names (BG/NBD and MBG/NBD share theirs: told apart by the heading). */
export function lifetimeModelName(model: LifetimeParameterFit): string {
  const keys = Object.keys(model.params).sort().join(",");
  if (keys === "a,alpha,b,r") return displayTitle(model).startsWith("MBG/NBD") ? "MBG/NBD" : "BG/NBD";
  const names: Record<string, string> = {
    "alpha,beta,r,s": "Pareto/NBD",
    "p,q,v": "gamma-gamma",
    "delta,gamma": "sBG",
    "alpha,beta,delta,gamma": "BG/BB",
  };
  return names[keys] ?? "lifetime model";
}

/**
 * The rows of {@link lifetimeParameterChart}: each parameter's estimate, standard error and 95% interval,
 * in the order of `params`.
 *
 * @example
 * ```ts
 * const summary = repeatPurchaseSummary(store.orders, {
 *   customer: "customerId", date: "date", asOf: store.planted.end, timeUnit: "week",
 * });
 * lifetimeParameterRows(fitBgNbd(summary)).map((row) => row.parameter); // => ["r", "alpha", "a", "b"]
 * ```
 */
export function lifetimeParameterRows<P extends object>(
  model: LifetimeParameterFit<P>,
): LifetimeParameterRow[] {
  if (!isLifetimeParameterFit(model)) {
    return refuseInput(
      "lifetimeParameterChart",
      "model",
      "expected a lifetime fit with params and uncertainty (fitBgNbd, fitParetoNbd, fitModifiedBgNbd, fitGammaGamma, fitShiftedBetaGeometric, fitBetaGeometricBetaBinomial)",
      model,
    );
  }
  const pick = (values: object | null, name: string): number | null =>
    values === null ? null : tidy((values as Record<string, number>)[name] as number);
  const { standardErrors, lower, upper } = model.uncertainty;
  return Object.entries(model.params as Record<string, number>).map(([parameter, estimate]) => ({
    parameter,
    estimate: tidy(estimate),
    standardError: pick(standardErrors, parameter),
    lower: pick(lower, parameter),
    upper: pick(upper, parameter),
  }));
}

/**
 * Parameter estimates of a lifetime fit with their 95% intervals, as a dot-and-whisker chart on a log
 * scale (the intervals are computed on the log scale, exp(log θ ± 1.96 · se / θ), so they are symmetric
 * there, and parameters of very different sizes share one axis). A wide whisker says the data pin the
 * parameter down poorly. When the fit has no standard errors, the dots are drawn alone and the subtitle
 * says why (the fit's `uncertainty.message`).
 *
 * @param model - any lifetime fit: `fitBgNbd`, `fitParetoNbd`, `fitModifiedBgNbd`, `fitGammaGamma`,
 *   `fitShiftedBetaGeometric`, `fitBetaGeometricBetaBinomial`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `model` has no params and uncertainty, or an option is invalid
 * @example
 * ```ts
 * const spec = lifetimeParameterChart(fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]));
 * spec.title; // => { text: "sBG parameters with 95% intervals", ... }
 * ```
 */
export function lifetimeParameterChart(
  model: LifetimeParameterFit,
  options: ChartOptions = {},
): VegaLiteSpec {
  const parsed = parseChartOptions("lifetimeParameterChart", options);
  const rows = lifetimeParameterRows(model);
  const name = lifetimeModelName(model);
  const hasIntervals = model.uncertainty.lower !== null;
  const y = nominal("parameter", "Parameter", { sort: null });
  const x = quantitative("estimate", "Estimate (log scale)", {
    scale: { type: "log" },
    axis: { format: "~g" },
  });
  const tooltip = [
    nominal("parameter", "Parameter"),
    quantitative("estimate", "Estimate", ".4~g"),
    quantitative("standardError", "Standard error", ".3~g"),
    quantitative("lower", "95% lower", ".4~g"),
    quantitative("upper", "95% upper", ".4~g"),
  ];
  const layer: Record<string, unknown>[] = [];
  if (hasIntervals) {
    layer.push({
      mark: { type: "rule", color: PALETTE[0], strokeWidth: 2 },
      encoding: { y, ...intervalChannels(x) },
    });
  }
  layer.push({
    mark: filledPoint({ size: 90, color: PALETTE[3], opacity: 1 }),
    encoding: { y, x, tooltip },
  });
  return frame(
    parsed,
    {
      title: `${name} parameters with 95% intervals`,
      subtitle: hasIntervals
        ? "dots: maximum-likelihood estimates; whiskers: 95% intervals from the observed information (log scale)"
        : `no intervals: ${model.uncertainty.message}`,
      width: 420,
      height: Math.max(100, 44 * rows.length),
    },
    { data: dataValues(rows), layer },
  );
}
