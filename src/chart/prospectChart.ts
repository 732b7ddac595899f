import type { QualifyProspectsResult } from "../crm/index.js";
import { textLayer } from "./internal/layers.js";
import {
  type ChartOptions,
  categoryChannel,
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
  shortLabel,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** Most prospects drawn (the best scores). */
const MAX_BARS = 40;

/** The verdicts in the order of the legend, with their colours (qualified in blue, drop in vermilion). */
const VERDICTS = ["qualified", "nurture", "defer", "drop", "mismatch"] as const;
const VERDICT_COLOURS = [PALETTE[0], PALETTE[4], PALETTE[1], PALETTE[3], PALETTE[7]];

/**
 * One bar of {@link prospectChart}.
 *
 * @example
 * ```ts
 * const prospects = [
 *   { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *   { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 * ];
 * prospectBars(qualifyProspects(prospects, { preset: "lifeInsurance" }))[0];
 * // => { id: "A", score: 0.875, verdict: "qualified", choice: "first choice", label: "first choice", ... }
 * ```
 */
export interface ProspectBar {
  /** The prospect's id as text. */
  readonly id: string;
  readonly score: number;
  readonly verdict: string;
  readonly choice: string | null;
  /** Printed after the bar: the choice of a qualified prospect, else the verdict. */
  readonly label: string;
  readonly reason: string;
}

/** True when `value` looks like the result of `qualifyProspects`. */
export function isQualifyProspectsResult(value: unknown): value is QualifyProspectsResult {
  return hasShape(value, "prospects[] ranking[] counts{} rules{}");
}

/**
 * The bars of {@link prospectChart}: the prospects with a score, best first, at most 40 (prospects
 * without a score, for lack of data, are counted in the subtitle instead).
 *
 * @example
 * ```ts
 * const prospects = [
 *   { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *   { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 * ];
 * const result = qualifyProspects(prospects, { preset: "lifeInsurance" });
 * prospectBars(result).map((bar) => bar.id); // => ["A", "B"] (scores 0.875 and 0.75)
 * ```
 */
export function prospectBars(result: QualifyProspectsResult): ProspectBar[] {
  if (!isQualifyProspectsResult(result)) return refuseResult("prospectChart", "qualifyProspects", result);
  return result.prospects
    .filter((p) => p.score !== null)
    .map((p) => ({
      id: shortLabel(String(p.id), 30),
      score: tidy(p.score as number),
      verdict: p.verdict,
      choice: p.choice,
      label: p.choice ?? p.verdict,
      reason: shortLabel(p.reason, 160),
    }))
    .sort(
      (a, b) =>
        b.score - a.score || VERDICTS.indexOf(a.verdict as never) - VERDICTS.indexOf(b.verdict as never),
    )
    .slice(0, MAX_BARS);
}

/**
 * Prospect qualification at a glance: each prospect's score (the weighted money, authority and need
 * sub-scores) as a bar, best first, coloured by its verdict (qualified, nurture, defer, drop, mismatch)
 * and labelled with its choice among the qualified (first choice, second choice, backup) or its verdict.
 * The reason for the verdict is in the tooltip. At most the 40 best-scored prospects are drawn.
 *
 * @param result - result of `qualifyProspects`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a qualifyProspects result or an option is invalid
 * @example
 * ```ts
 * const prospects = [
 *   { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *   { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 * ];
 * const spec = prospectChart(qualifyProspects(prospects, { preset: "lifeInsurance" }));
 * spec.title; // => { text: "Prospects by score and verdict", subtitle: "1 qualified, 1 nurture, 0 defer, 0 drop, 0 mismatch" }
 * ```
 */
export function prospectChart(result: QualifyProspectsResult, options: ChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("prospectChart", options);
  const bars = prospectBars(result);
  const unscored = result.prospects.filter((p) => p.score === null).length;
  const counts = VERDICTS.map((v) => `${result.counts[v] ?? 0} ${v}`).join(", ");
  const ids = bars.map((b) => b.id);
  const y = nominal("id", "Prospect", { sort: ids });
  const x = quantitative("score", "Qualification score", shareAxis());
  return frame(
    parsed,
    {
      title: "Prospects by score and verdict",
      subtitle: `${counts}${unscored > 0 ? `; ${unscored} without a score (missing data) not drawn` : ""}${result.prospects.length - unscored > MAX_BARS ? `; the ${MAX_BARS} best scores shown` : ""}`,
      width: 420,
      height: Math.max(100, 22 * bars.length),
    },
    {
      data: dataValues(bars),
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            y,
            x,
            color: categoryChannel("verdict", "Verdict", [...VERDICTS], VERDICT_COLOURS),
            tooltip: [
              nominal("id", "Prospect"),
              quantitative("score", "Score", PERCENT_PRECISE),
              nominal("verdict", "Verdict"),
              nominal("choice", "Choice"),
              nominal("reason", "Why"),
            ],
          },
        },
        textLayer({ align: "left", dx: 4, fontSize: 11, color: "#333" }, { y, x }),
      ],
    },
  );
}
