import type { KanoResult } from "../satisfaction/index.js";
import {
  type ChartOptions,
  categoryChannel,
  dashed,
  dataValues,
  filledPoint,
  frame,
  hasShape,
  isObject,
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
    hasShape(value, "options.denominator$") &&
    Array.isArray(value.attributes) &&
    value.attributes.every((a) => isObject(a) && isObject(a.counts))
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
  const parsed = parseChartOptions(name, undefined, options);
  if (!isKanoResult(result)) return refuseResult(name, "result", "kano", result);
  const points = result.attributes
    .filter((a) => a.better !== null && a.worse !== null)
    .map((a) => ({
      attribute: a.attribute,
      better: tidy(a.better as number),
      worse: tidy(Math.abs(a.worse as number)),
      category: CATEGORY_NAMES[a.category] ?? a.category,
      answers: a.total,
    }));
  const x = quantitative("worse", "Dissatisfaction if absent (|worse|)", { scale: { domain: [0, 1] } });
  const y = quantitative("better", "Satisfaction if present (better)", { scale: { domain: [0, 1] } });
  const corners = [
    { worse: 0.02, better: 0.98, label: "attractive", align: "left", baseline: "top" },
    { worse: 0.98, better: 0.98, label: "one-dimensional", align: "right", baseline: "top" },
    { worse: 0.98, better: 0.02, label: "must-be", align: "right", baseline: "bottom" },
    { worse: 0.02, better: 0.02, label: "indifferent", align: "left", baseline: "bottom" },
  ];
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
        referenceLine("x", "v", 0.5, dashed("rule"), { scale: { domain: [0, 1] } }),
        referenceLine("y", "v", 0.5, dashed("rule"), { scale: { domain: [0, 1] } }),
        ...corners.map((corner) => ({
          data: dataValues([corner]),
          mark: {
            type: "text",
            color: "#999",
            fontStyle: "italic",
            align: corner.align,
            baseline: corner.baseline,
          },
          encoding: { x, y, text: nominal("label") },
        })),
        {
          data: dataValues(points),
          layer: [
            {
              mark: filledPoint({ size: 90 }),
              encoding: {
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
            },
            {
              mark: { type: "text", dy: -10, fontSize: 11, color: "#222" },
              encoding: { x, y, text: nominal("attribute") },
            },
          ],
        },
      ],
    },
  );
}
