import type { MicomResult } from "../satisfaction/index.js";
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
  refuseResult,
  shortLabel,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * One row of {@link micomChart}: a construct's observed group difference (of means, or the log ratio of
 * variances) and the permutation interval it is compared with.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * micomRows(micom(halves, ECSI_MODEL, { group: "half", seed: 1 }))[0];
 * // => { construct: "Image", measure: "Mean difference", value: 0.139, lower: -0.2606, upper: 0.2402, equal: true, verdict: "within the interval", invariance: "full" }
 * ```
 */
export interface MicomRow {
  readonly construct: string;
  readonly measure: "Mean difference" | "Log variance ratio";
  readonly value: number;
  /** The permutation interval: the alpha / 2 and 1 − alpha / 2 quantiles under equal groups. */
  readonly lower: number;
  readonly upper: number;
  /** Whether `value` lies inside the interval. */
  readonly equal: boolean;
  /** `equal` in words, for the legend. */
  readonly verdict: "within the interval" | "groups differ";
  readonly invariance: "full" | "partial" | "none";
}

/** True when `value` looks like the result of `micom`. */
export function isMicomResult(value: unknown): value is MicomResult {
  return hasShape(value, "constructs[]") && value.configuralInvariance === true;
}

/**
 * The rows of {@link micomChart}: for each construct its mean difference and log variance ratio.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" }));
 * const result = micom(halves, ECSI_MODEL, { group: "half", seed: 1 });
 * micomRows(result).length === 2 * result.constructs.length; // => true
 * ```
 */
export function micomRows(result: MicomResult): MicomRow[] {
  if (!isMicomResult(result)) return refuseResult("micomChart", "micom", result);
  return result.constructs.flatMap((c) => {
    const row = (
      measure: MicomRow["measure"],
      value: number,
      lower: number,
      upper: number,
      equal: boolean,
    ): MicomRow => ({
      construct: shortLabel(c.construct),
      measure,
      value: tidy(value),
      lower: tidy(lower),
      upper: tidy(upper),
      equal,
      verdict: equal ? "within the interval" : "groups differ",
      invariance: c.invariance,
    });
    return [
      row("Mean difference", c.meanDifference, c.meanLower, c.meanUpper, c.equalMeans),
      row("Log variance ratio", c.logVarianceRatio, c.varianceLower, c.varianceUpper, c.equalVariances),
    ];
  });
}

/**
 * MICOM steps 3a and 3b (Henseler, Ringle & Sarstedt 2016) as two panels: per construct, the difference
 * of the groups' composite means and the log ratio of their variances (dots), against the interval
 * that 95% of permutations of the group labels fall in (grey bars). A dot outside its bar is a real
 * difference (orange); the construct's verdict (full, partial or no invariance) is in the tooltip.
 *
 * @param result - result of `micom`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a micom result or an option is invalid
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" }));
 * const spec = micomChart(micom(halves, ECSI_MODEL, { group: "half", seed: 1 }));
 * spec.title; // => { text: "Measurement invariance: first vs second", ... }
 * ```
 */
export function micomChart(result: MicomResult, options: ChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("micomChart", options);
  const rows = micomRows(result);
  const constructs = [...new Set(rows.map((r) => r.construct))];
  const [first, second] = result.groups.map((g) => shortLabel(g)) as [string, string];
  const full = result.constructs.filter((c) => c.invariance === "full").length;
  const none = result.constructs.filter((c) => c.invariance === "none").length;
  const y = nominal("construct", null, { sort: constructs });
  const width = Math.round((parsed.width ?? 640) / 2 - 60);
  const panel = (measure: MicomRow["measure"]) => ({
    width,
    height: Math.max(100, 28 * constructs.length),
    transform: [{ filter: { field: "measure", equal: measure } }],
    layer: [
      {
        mark: { type: "bar", color: "#ddd", height: 14 },
        encoding: { y, ...intervalChannels(quantitative("value", measure)) },
      },
      referenceLine("x", "zero", 0, { type: "rule", color: "#999", strokeDash: [2, 2] }),
      {
        mark: filledPoint({ size: 80, opacity: 1 }),
        encoding: {
          y,
          x: quantitative("value"),
          color: categoryChannel(
            "verdict",
            null,
            ["within the interval", "groups differ"],
            [PALETTE[0], PALETTE[3]],
          ),
          tooltip: [
            nominal("construct", "Construct"),
            quantitative("value", measure, ".3f"),
            quantitative("lower", "Permutation lower", ".3f"),
            quantitative("upper", "Permutation upper", ".3f"),
            nominal("invariance", "Invariance"),
          ],
        },
      },
    ],
  });
  return frame(
    parsed,
    {
      title: `Measurement invariance: ${first} vs ${second}`,
      subtitle: `${full} of ${result.constructs.length} constructs fully invariant, ${none} without compositional invariance; dots outside the grey permutation interval differ (${result.validPermutations} permutations)`,
      width: parsed.width ?? 640,
    },
    {
      data: dataValues(rows),
      hconcat: [panel("Mean difference"), panel("Log variance ratio")],
    },
    false,
  );
}
