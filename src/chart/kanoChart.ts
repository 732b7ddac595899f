import type { KanoResult } from "../satisfaction/index.js";
import { labelledPoints, textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
  dashed,
  dataValues,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  referenceLine,
  refuseResult,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** True when `value` looks like the result of `kano`. */
export function isKanoResult(value: unknown): value is KanoResult {
  return (
    hasShape(value, "options.denominator$ attributes[]") &&
    (value.attributes as unknown[]).every((a) => hasShape(a, "counts{}"))
  );
}

const CATEGORY_NAMES: Record<string, string> = {
  A: "attractive",
  O: "one-dimensional",
  M: "must-be",
  I: "indifferent",
  R: "reverse",
  Q: "questionable",
};

/**
 * The Kano plot of customer-satisfaction coefficients (Berger et al. 1993): each attribute by how much
 * its absence dissatisfies (|worse|, x) and how much its presence satisfies (better, y), split at 0.5
 * into must-be (bottom right), one-dimensional (top right), attractive (top left) and indifferent
 * (bottom left); points coloured by the attribute's most frequent category. Attributes without
 * coefficients (no A/O/M/I answers) are left out.
 *
 * @param result - result of `kano(answers)`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a kano result or an option is invalid
 * @example
 * ```ts
 * const answers = [
 *   { attribute: "free delivery", functional: "like", dysfunctional: "dislike" },
 *   { attribute: "gift wrap", functional: "like", dysfunctional: "neutral" },
 *   { attribute: "returns", functional: "must-be", dysfunctional: "dislike" },
 * ];
 * const spec = kanoChart(kano(answers));
 * spec.title; // => { text: "Kano: which features delight, which are expected", subtitle: "3 attributes; better/worse coefficients (Berger et al. 1993)" }
 * ```
 */
export function kanoChart(result: KanoResult, options: ChartOptions = {}): VegaLiteSpec {
  const name = "kanoChart";
  const parsed = parseChartOptions(name, options);
  if (!isKanoResult(result)) return refuseResult(name, "kano", result);
  const points = result.attributes
    .filter((a) => a.better !== null && a.worse !== null)
    .map((a) => ({
      attribute: a.attribute,
      better: tidy(a.better as number),
      worse: tidy(Math.abs(a.worse as number)),
      category: CATEGORY_NAMES[a.category] ?? a.category,
      answers: a.total,
    }));
  // both coefficients on [0, 1]
  const unit = () => ({ scale: { domain: [0, 1] } });
  const x = quantitative("worse", "Dissatisfaction if absent (|worse|)", unit());
  const y = quantitative("better", "Satisfaction if present (better)", unit());
  // each quadrant's name in its outer corner, aligned towards the middle
  const corners = (
    [
      ["attractive", 0.02, 0.98],
      ["one-dimensional", 0.98, 0.98],
      ["must-be", 0.98, 0.02],
      ["indifferent", 0.02, 0.02],
    ] as const
  ).map(([label, worse, better]) => ({
    worse,
    better,
    label,
    align: worse < 0.5 ? "left" : "right",
    baseline: better > 0.5 ? "top" : "bottom",
  }));
  const categories = Object.values(CATEGORY_NAMES);
  return frame(
    parsed,
    {
      title: "Kano: which features delight, which are expected",
      subtitle: `${points.length} attributes; better/worse coefficients (Berger et al. 1993)`,
      width: 380,
      height: 380,
    },
    {
      layer: [
        referenceLine("x", "v", 0.5, dashed("rule"), unit()),
        referenceLine("y", "v", 0.5, dashed("rule"), unit()),
        ...corners.map((corner) => ({
          data: dataValues([corner]),
          ...textLayer(
            { color: "#999", fontStyle: "italic", align: corner.align, baseline: corner.baseline },
            { x, y },
          ),
        })),
        labelledPoints(
          points,
          {
            x,
            y,
            color: categoryChannel(
              "category",
              "Category",
              categories,
              [PALETTE[2], PALETTE[0], PALETTE[3], PALETTE[7], PALETTE[5], PALETTE[6]],
              "bottom",
            ),
            tooltip: [
              nominal("attribute", "Attribute"),
              nominal("category", "Category"),
              quantitative("better", "Better", ".2f"),
              quantitative("worse", "|Worse|", ".2f"),
              quantitative("answers", "Answers"),
            ],
          },
          "attribute",
        ),
      ],
    },
  );
}
