import { oneOf } from "../core/internal/optionRules.js";
import type { PlsPredictResult } from "../satisfaction/index.js";
import {
  type ChartOptions,
  categoryChannel,
  chartOptionsShape,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  refuseResult,
  shortLabel,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * Options of {@link plsPredictChart}.
 *
 * @example
 * ```ts
 * const prediction = plsPredict(mobi, ECSI_MODEL, { seed: 1 }); // the ECSI mobile-phone survey
 * plsPredictChart(prediction, { metric: "mae" }).encoding;
 * // => { x: { field: "error", title: "MAE (answer scale)", ... }, ... }
 * ```
 */
export interface PlsPredictChartOptions extends ChartOptions {
  /** Prediction error compared: root mean squared error, or mean absolute error for skewed errors. @defaultValue "rmse" */
  readonly metric?: "rmse" | "mae";
}

const schema = { ...chartOptionsShape, metric: oneOf(["rmse", "mae"]) };

/**
 * One bar of {@link plsPredictChart}: an indicator's out-of-sample error under one model.
 *
 * @example
 * ```ts
 * plsPredictBars(plsPredict(mobi, ECSI_MODEL, { seed: 1 }))[0]; // the ECSI mobile-phone survey
 * // => { indicator: "CUEX1", construct: "Expectation", model: "PLS", error: 1.53, plsBeatsLm: true }
 * ```
 */
export interface PlsPredictBar {
  readonly indicator: string;
  readonly construct: string;
  readonly model: "PLS" | "LM benchmark";
  readonly error: number;
  /** Whether PLS has the smaller error of the two on this indicator. */
  readonly plsBeatsLm: boolean;
}

/** True when `value` looks like the result of `plsPredict`. */
export function isPlsPredictResult(value: unknown): value is PlsPredictResult {
  return hasShape(value, "indicators[] plsBeatsLmCount# lmPredictions{}");
}

/**
 * The bars of {@link plsPredictChart}: two per indicator (PLS and the LM benchmark), in the result's
 * order (block by block).
 *
 * @example
 * ```ts
 * const prediction = plsPredict(mobi, ECSI_MODEL, { seed: 1 });
 * plsPredictBars(prediction, { metric: "mae" }).length === 2 * prediction.indicators.length; // => true
 * ```
 */
export function plsPredictBars(
  result: PlsPredictResult,
  options: PlsPredictChartOptions = {},
): PlsPredictBar[] {
  const name = "plsPredictChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isPlsPredictResult(result)) return refuseResult(name, "plsPredict", result);
  const mae = parsed.metric === "mae";
  return result.indicators.flatMap((row) => {
    const pls = mae ? row.plsMae : row.plsRmse;
    const lm = mae ? row.lmMae : row.lmRmse;
    const indicator = shortLabel(row.indicator);
    const construct = shortLabel(row.construct);
    return [
      { indicator, construct, model: "PLS" as const, error: tidy(pls), plsBeatsLm: pls < lm },
      { indicator, construct, model: "LM benchmark" as const, error: tidy(lm), plsBeatsLm: pls < lm },
    ];
  });
}

/**
 * PLSpredict (Shmueli et al. 2016, 2019): each indicator's out-of-sample prediction error (RMSE, or MAE)
 * under the PLS path model and under the linear-model benchmark, side by side. PLS has predictive power
 * on an indicator when its bar is the shorter; the subtitle gives Shmueli et al.'s verdict (all
 * indicators: high, a majority: medium, a minority: low, none: no predictive power beyond LM).
 *
 * @param result - result of `plsPredict`
 * @param options - metric ("rmse" or "mae"), title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a plsPredict result or an option is invalid
 * @example
 * ```ts
 * const spec = plsPredictChart(plsPredict(mobi, ECSI_MODEL, { seed: 1 })); // the ECSI mobile-phone survey
 * spec.title; // => { text: "Out-of-sample prediction error: PLS vs linear benchmark", ... }
 * ```
 */
export function plsPredictChart(
  result: PlsPredictResult,
  options: PlsPredictChartOptions = {},
): VegaLiteSpec {
  const bars = plsPredictBars(result, options);
  const parsed = parseChartOptions("plsPredictChart", options, schema);
  const metric = parsed.metric === "mae" ? "MAE" : "RMSE";
  const wins = bars.filter((b) => b.model === "PLS" && b.plsBeatsLm).length;
  const total = bars.length / 2;
  const power =
    wins === total
      ? "high"
      : wins > total / 2
        ? "medium"
        : wins > 0
          ? "low"
          : "none beyond the linear benchmark";
  const indicators = [...new Set(bars.map((b) => b.indicator))];
  return frame(
    parsed,
    {
      title: "Out-of-sample prediction error: PLS vs linear benchmark",
      subtitle: `${metric} per indicator (shorter is better); PLS is better on ${wins} of ${total}: predictive power ${power}`,
      width: 440,
      height: Math.max(120, 26 * indicators.length),
    },
    {
      data: dataValues(bars),
      mark: { type: "bar" },
      encoding: {
        y: nominal("indicator", "Indicator", { sort: indicators }),
        yOffset: nominal("model", undefined, { sort: ["PLS", "LM benchmark"] }),
        x: quantitative("error", `${metric} (answer scale)`),
        color: categoryChannel("model", null, ["PLS", "LM benchmark"], [PALETTE[0], PALETTE[7]]),
        tooltip: [
          nominal("indicator", "Indicator"),
          nominal("construct", "Construct"),
          nominal("model", "Model"),
          quantitative("error", metric, ".3f"),
        ],
      },
    },
  );
}
