import { list, numeric } from "../core/internal/optionRules.js";
import { nonNegativeProblem } from "../core/internal/optionWords.js";
import type { FitShiftedBetaGeometricResult } from "../value/index.js";
import {
  type ChartOptions,
  categoryChannel,
  chartOptionsShape,
  countText,
  dataValues,
  filledPoint,
  frame,
  hasShape,
  nominal,
  PALETTE,
  PERCENT,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseInput,
  refuseResult,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link retentionCurveChart}.
 *
 * @example
 * ```ts
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]); // Fader & Hardie (2007), regular customers
 * retentionCurveChart(model, { survivors: [1000, 631, 468, 382, 326, 289, 262, 241], periods: 12 }).title;
 * // => { text: "Cohort survival and retention: observed vs sBG", ... }
 * ```
 */
export interface RetentionCurveChartOptions extends ChartOptions {
  /**
   * The observed survivors of one cohort (customers active at the start of periods 0, 1, …; the first is
   * the cohort size), drawn as dots against the model. Without them only the model's curves are drawn.
   */
  readonly survivors?: readonly number[];
  /** Last period drawn (the projection runs beyond the data up to it). @defaultValue twice the longest observation, at least 4 more periods */
  readonly periods?: number;
}

const schema = {
  ...chartOptionsShape,
  survivors: list<number>(2, nonNegativeProblem),
  periods: numeric({ whole: true, gte: 1, lte: 500 }),
};

/**
 * One point of {@link retentionCurveChart}: survival S(t) and retention r(t) of the model or the data.
 *
 * @example
 * ```ts
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]); // Fader & Hardie (2007), regular customers
 * retentionCurvePoints(model, { survivors: [1000, 631, 468] })[0];
 * // => { period: 0, survival: 1, retention: null, series: "sBG fit" }
 * ```
 */
export interface RetentionCurvePoint {
  readonly period: number;
  readonly series: "Observed" | "sBG fit" | "sBG projection";
  /** Share of the cohort still active at the start of the period. */
  readonly survival: number;
  /** Share of the customers active in the period before who renewed (null at period 0). */
  readonly retention: number | null;
}

/** True when `value` looks like the result of `fitShiftedBetaGeometric`. */
export function isShiftedBetaGeometricResult(value: unknown): value is FitShiftedBetaGeometricResult {
  return hasShape(value, "params{} params.gamma# params.delta# survival() retentionRate() observedPeriods#");
}

/**
 * The points of {@link retentionCurveChart}: the model's S(t) and r(t) for t = 0..periods (labelled
 * "sBG fit" up to the longest observation and "sBG projection" beyond it; the last observed period is in
 * both so the lines join), and the observed S(t) = n_t / n_0 and r(t) = n_t / n_(t−1) when `survivors`
 * is given.
 *
 * @example
 * ```ts
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]); // Fader & Hardie (2007), regular customers
 * retentionCurvePoints(model, { survivors: [1000, 631] }).find((p) => p.series === "Observed" && p.period === 1);
 * // => { period: 1, series: "Observed", survival: 0.631, retention: 0.631 }
 * ```
 */
export function retentionCurvePoints(
  model: FitShiftedBetaGeometricResult,
  options: RetentionCurveChartOptions = {},
): RetentionCurvePoint[] {
  const name = "retentionCurveChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isShiftedBetaGeometricResult(model))
    return refuseResult(name, "fitShiftedBetaGeometric", model, "model");
  const survivors = parsed.survivors;
  if (survivors !== undefined && !((survivors[0] as number) > 0))
    refuseInput(name, "survivors", "expected the cohort size (a positive count) first", survivors);
  const observed = Math.max(model.observedPeriods, (survivors?.length ?? 1) - 1);
  const last = parsed.periods ?? Math.min(500, Math.max(2 * observed, observed + 4));
  const points: RetentionCurvePoint[] = [];
  for (let t = 0; t <= last; t++) {
    const point = {
      period: t,
      survival: tidy(model.survival(t)),
      retention: t === 0 ? null : tidy(model.retentionRate(t)),
    };
    if (t <= model.observedPeriods) points.push({ ...point, series: "sBG fit" });
    if (t >= model.observedPeriods) points.push({ ...point, series: "sBG projection" });
  }
  if (survivors !== undefined) {
    const size = survivors[0] as number;
    survivors.forEach((n, t) => {
      const before = survivors[t - 1];
      points.push({
        period: t,
        series: "Observed",
        survival: tidy(n / size),
        retention: t === 0 || before === undefined || before === 0 ? null : tidy(n / before),
      });
    });
  }
  return points;
}

/**
 * Survival and retention curves of a fitted sBG model (Fader & Hardie 2007, figures 1-3): the share of a
 * cohort still active after each period (left) and the share of the period's active customers who renew
 * (right), the model's curves solid over the observed periods and dashed where they project beyond the
 * data, with the observed cohort's dots when its `survivors` are passed. The rising retention curve is
 * the model's point: the customers who stay are the loyal ones, so a cohort's churn slows as it ages.
 *
 * @param model - result of `fitShiftedBetaGeometric`
 * @param options - survivors (one cohort's observed counts), periods, title, width, height
 * @returns a Vega-Lite v6 specification (two panels side by side)
 * @throws InvalidOptionsError when `model` is not an sBG fit or an option is invalid
 * @example
 * ```ts
 * const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
 * const spec = retentionCurveChart(fitShiftedBetaGeometric(survivors), { survivors, periods: 12 });
 * spec.title;
 * // => { text: "Cohort survival and retention: observed vs sBG", subtitle: "γ = 0.704, δ = 1.182; fitted on 7 periods of 1,000 customers, dashed beyond" }
 * ```
 */
export function retentionCurveChart(
  model: FitShiftedBetaGeometricResult,
  options: RetentionCurveChartOptions = {},
): VegaLiteSpec {
  const points = retentionCurvePoints(model, options);
  const parsed = parseChartOptions("retentionCurveChart", options, schema);
  const width = Math.round((parsed.width ?? 640) / 2 - 30);
  const height = parsed.height ?? 280;
  const domain = ["Observed", "sBG fit", "sBG projection"];
  const color = categoryChannel("series", null, domain, [PALETTE[3], PALETTE[0], PALETTE[0]]);
  const strokeDash = categoryChannel("series", null, domain, [
    [1, 0],
    [1, 0],
    [6, 3],
  ]);
  const x = quantitative("period", "Period since acquisition", { axis: { tickMinStep: 1 } });
  const panel = (field: "survival" | "retention", title: string) => {
    const y = quantitative(field, title, {
      axis: { format: PERCENT },
      scale: { zero: field === "survival" },
    });
    const tooltip = [
      nominal("series", "Series"),
      quantitative("period", "Period"),
      quantitative(field, title, PERCENT_PRECISE),
    ];
    // the points with a value of this panel's measure (retention has none at period 0)
    const valid = { filter: { field, valid: true } };
    return {
      width,
      height,
      layer: [
        {
          transform: [{ filter: { field: "series", oneOf: ["sBG fit", "sBG projection"] } }, valid],
          mark: { type: "line", strokeWidth: 2 },
          encoding: { x, y, color, strokeDash, tooltip },
        },
        {
          transform: [{ filter: { field: "series", equal: "Observed" } }, valid],
          mark: filledPoint({ size: 60 }),
          encoding: { x, y, color, tooltip },
        },
      ],
    };
  };
  const { gamma, delta } = model.params;
  return frame(
    parsed,
    {
      title: "Cohort survival and retention: observed vs sBG",
      subtitle: `γ = ${gamma.toFixed(3)}, δ = ${delta.toFixed(3)}; fitted on ${model.observedPeriods} periods of ${countText(model.customerCount)} customers, dashed beyond`,
      width: parsed.width ?? 640,
    },
    {
      data: dataValues(points),
      hconcat: [
        panel("survival", "Share of cohort still active"),
        panel("retention", "Retention rate (renewed / active)"),
      ],
      resolve: { scale: { color: "shared", strokeDash: "shared" } },
    },
    false,
  );
}
