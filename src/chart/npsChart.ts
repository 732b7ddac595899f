import type { NetPromoterScoreResult } from "../satisfaction/index.js";
import { textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
  countText,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  shareAxis,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** True when `value` looks like the result of `netPromoterScore`. */
export function isNetPromoterScoreResult(value: unknown): value is NetPromoterScoreResult {
  return hasShape(value, "promoters# detractors# passives# score#");
}

const GROUPS = ["Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)"] as const;

/**
 * The Net Promoter Score as one stacked bar: detractors, passives and promoters as shares of the
 * answers, with the score and its confidence interval in the title.
 *
 * @param result - result of `netPromoterScore(answers)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a netPromoterScore result or an option is invalid
 * @example
 * ```ts
 * const spec = npsChart(netPromoterScore([10, 9, 8, 3, 10]));
 * spec.title;
 * // => { text: "Net Promoter Score 40", subtitle: "5 answers; 95% interval -30 to 100; NPS = % promoters − % detractors" }
 * ```
 */
export function npsChart(result: NetPromoterScoreResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "npsChart";
  const parsed = parseChartOptions(name, options);
  if (!isNetPromoterScoreResult(result)) return refuseResult(name, "netPromoterScore", result);
  const shares = [result.detractorShare, result.passiveShare, result.promoterShare];
  const counts = [result.detractors, result.passives, result.promoters];
  const values = GROUPS.map((group, i) => ({
    group,
    order: i,
    share: tidy(shares[i] as number),
    answers: counts[i],
    label: `${(100 * (shares[i] as number)).toFixed(0)}%`,
  }));
  const score = result.score;
  return frame(
    parsed,
    {
      title: `Net Promoter Score ${score.toFixed(0)}`,
      subtitle: `${countText(result.count)} answers; ${Math.round(100 * result.level)}% interval ${result.lower.toFixed(0)} to ${result.upper.toFixed(0)}; NPS = % promoters − % detractors`,
      width: 480,
      height: 60,
    },
    {
      data: dataValues(values),
      encoding: {
        x: quantitative("share", "Share of answers", {
          stack: "zero",
          ...shareAxis(),
        }),
        order: quantitative("order"),
      },
      layer: [
        {
          mark: "bar",
          encoding: {
            color: {
              ...categoryChannel("group", null, [...GROUPS], [PALETTE[3], PALETTE[7], PALETTE[2]], "bottom"),
              sort: [...GROUPS],
            },
            tooltip: [
              nominal("group", "Group"),
              quantitative("answers", "Answers", THOUSANDS),
              quantitative("share", "Share", PERCENT_PRECISE),
            ],
          },
        },
        textLayer({ color: "#fff", fontWeight: "bold", xOffset: -18 }),
      ],
    },
  );
}
