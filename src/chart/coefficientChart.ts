import type { ChurnModel } from "../churn/index.js";
import { intervalChannels } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
  dataValues,
  filledPoint,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  referenceLine,
  refuseInput,
  shortLabel,
  tidy,
  type VegaLiteSpec,
  within,
} from "./internal/spec.js";

/** True when `value` looks like a model from `trainChurnModel`. */
export function isChurnModel(value: unknown): value is ChurnModel<never> {
  return hasShape(value, "coefficients[] score() explain()");
}

/**
 * One row of the coefficient plot.
 *
 * @example
 * ```ts
 * const rows = [
 *   { gap: 10, churned: 0 }, { gap: 20, churned: 0 }, { gap: 35, churned: 1 }, { gap: 40, churned: 0 },
 *   { gap: 60, churned: 1 }, { gap: 90, churned: 1 }, { gap: 15, churned: 0 }, { gap: 70, churned: 0 },
 * ];
 * const model = trainChurnModel(rows, { label: "churned", fields: { numeric: ["gap"] }, regularization: { l2: 0 } });
 * coefficientRows(model)[0];
 * // => { term: "gap", estimate: 1.38, lower: -0.57, upper: 3.33, oddsRatio: 3.98, effect: "raises churn" }
 * ```
 */
export interface CoefficientRow {
  readonly term: string;
  /** Change in log-odds of churn per standard deviation (numeric) or versus the reference level (categorical). */
  readonly estimate: number;
  /** 95% Wald interval (estimate ± 1.96 standard errors); null when the model has no standard errors. */
  readonly lower: number | null;
  readonly upper: number | null;
  readonly oddsRatio: number;
  readonly effect: "raises churn" | "lowers churn";
}

/**
 * The rows of a {@link coefficientChart}: every coefficient but the intercept, largest |estimate| first.
 *
 * @example
 * ```ts
 * const rows = [
 *   { gap: 10, churned: 0 }, { gap: 20, churned: 0 }, { gap: 35, churned: 1 }, { gap: 40, churned: 0 },
 *   { gap: 60, churned: 1 }, { gap: 90, churned: 1 }, { gap: 15, churned: 0 }, { gap: 70, churned: 0 },
 * ];
 * coefficientRows(trainChurnModel(rows, { label: "churned", fields: { numeric: ["gap"] }, regularization: { l2: 0 } }));
 * // => [{ term: "gap", estimate: 1.38, lower: -0.57, upper: 3.33, oddsRatio: 3.98, effect: "raises churn" }]
 * ```
 */
export function coefficientRows<T>(model: ChurnModel<T>): CoefficientRow[] {
  if (!isChurnModel(model))
    return refuseInput("coefficientChart", "model", "expected a model returned by trainChurnModel", model);
  return model.coefficients
    .filter((c) => c.kind !== "intercept")
    .map(({ term, standardizedEstimate: estimate, standardizedStandardError: se }) => ({
      term: shortLabel(term, 60),
      estimate: tidy(estimate),
      lower: se === null ? null : tidy(estimate - 1.96 * se),
      upper: se === null ? null : tidy(estimate + 1.96 * se),
      oddsRatio: tidy(Math.exp(estimate)),
      effect: estimate >= 0 ? ("raises churn" as const) : ("lowers churn" as const),
    }))
    .sort((a, b) => Math.abs(b.estimate) - Math.abs(a.estimate));
}

/**
 * The churn model's coefficients as a dot plot: each feature's effect on the log-odds of churning, on the
 * standardized scale (per standard deviation of a numeric feature; a categorical level against its
 * reference level), with 95% intervals (± 1.96 standard errors) where the model has standard errors,
 * coloured by direction and sorted by size. The intercept is left out.
 *
 * @param model - result of `trainChurnModel`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `model` is not a churn model or an option is invalid
 * @example
 * ```ts
 * const rows = [
 *   { gap: 10, churned: 0 }, { gap: 20, churned: 0 }, { gap: 35, churned: 1 }, { gap: 40, churned: 0 },
 *   { gap: 60, churned: 1 }, { gap: 90, churned: 1 }, { gap: 15, churned: 0 }, { gap: 70, churned: 0 },
 * ];
 * const spec = coefficientChart(trainChurnModel(rows, { label: "churned", fields: { numeric: ["gap"] } }));
 * spec.title; // => { text: "What drives churn: model coefficients", ... }
 * ```
 */
export function coefficientChart<T>(model: ChurnModel<T>, options: ChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("coefficientChart", options);
  const rows = coefficientRows(model);
  const withIntervals = rows.filter((r) => r.lower !== null);
  const y = nominal("term", null, { sort: rows.map((r) => r.term), axis: { labelLimit: 240 } });
  const x = quantitative("estimate", "Effect on log-odds of churn (per SD; level vs reference)");
  const color = categoryChannel("effect", null, ["raises churn", "lowers churn"], [PALETTE[3], PALETTE[0]]);
  return frame(
    parsed,
    {
      title: "What drives churn: model coefficients",
      subtitle:
        withIntervals.length > 0
          ? "dots: standardized coefficients; bars: 95% intervals"
          : "standardized coefficients (no standard errors available)",
      width: 420,
      height: within(rows.length * 24, 120, 640),
    },
    {
      layer: [
        referenceLine("x", "estimate", 0, { type: "rule", color: "#777" }),
        ...(withIntervals.length > 0
          ? [
              {
                data: dataValues(withIntervals),
                mark: { type: "rule", strokeWidth: 2, opacity: 0.6 },
                encoding: { y, ...intervalChannels(x), color },
              },
            ]
          : []),
        {
          data: dataValues(rows),
          mark: filledPoint({ size: 70 }),
          encoding: {
            y,
            x,
            color,
            tooltip: [
              nominal("term", "Term"),
              quantitative("estimate", "Coefficient", "+.3f"),
              quantitative("oddsRatio", "Odds ratio", ".2f"),
              quantitative("lower", "95% lower", "+.3f"),
              quantitative("upper", "95% upper", "+.3f"),
            ],
          },
        },
      ],
    },
  );
}
