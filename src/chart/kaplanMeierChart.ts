import type { KaplanMeierResult } from "../churn/index.js";
import {
  type ChartOptions,
  dataValues,
  evenlySpaced,
  frame,
  hasShape,
  nominal,
  PERCENT_PRECISE,
  parseChartOptions,
  quantitative,
  refuseResult,
  shareAxis,
  THOUSANDS,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** Most steps drawn per curve (evenly thinned beyond; the first and last step are kept). */
const MAX_STEPS = 400;

/**
 * One step of {@link kaplanMeierChart}: the survival from `time` on, with its pointwise interval.
 *
 * @example
 * ```ts
 * const customers = [{ t: 1, e: 1 }, { t: 2, e: 0 }, { t: 3, e: 1 }, { t: 4, e: 1 }, { t: 5, e: 0 }];
 * kaplanMeierSteps(kaplanMeier(customers, { time: "t", event: "e" }))[1];
 * // => { group: "all customers", time: 1, survival: 0.8, lower: 0.5161, upper: 1, atRisk: 5, censored: 0 }
 * ```
 */
export interface KaplanMeierStep {
  /** The curve's group, or "all customers" without a group field. */
  readonly group: string;
  readonly time: number;
  readonly survival: number;
  /** Pointwise interval (null once S(t) = 0). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Customers at risk just before `time`. */
  readonly atRisk: number;
  /** Customers censored at `time` (drawn as ticks on the curve). */
  readonly censored: number;
}

/** True when `value` looks like the result of `kaplanMeier`. */
export function isKaplanMeierResult(value: unknown): value is KaplanMeierResult {
  return (
    hasShape(value, "curves[] survivalAt()") &&
    (value.curves as unknown[]).every((c) => hasShape(c, "survival[#] time[#]"))
  );
}

/**
 * The steps of {@link kaplanMeierChart}: for each curve a step at time 0 with S = 1, then one at each
 * distinct follow-up time (at most 400 per curve, evenly thinned beyond).
 *
 * @example
 * ```ts
 * const customers = [
 *   { tenureDays: 30, churned: 1, channel: "web" }, { tenureDays: 90, churned: 1, channel: "web" },
 *   { tenureDays: 200, churned: 0, channel: "web" }, { tenureDays: 60, churned: 1, channel: "store" },
 *   { tenureDays: 300, churned: 1, channel: "store" }, { tenureDays: 400, churned: 0, channel: "store" },
 * ];
 * const result = kaplanMeier(customers, { time: "tenureDays", event: "churned", group: "channel" });
 * kaplanMeierSteps(result).filter((s) => s.group === "web").map((s) => s.survival); // => [1, 0.667, 0.333, 0.333]
 * ```
 */
export function kaplanMeierSteps(result: KaplanMeierResult): KaplanMeierStep[] {
  if (!isKaplanMeierResult(result)) return refuseResult("kaplanMeierChart", "kaplanMeier", result);
  const steps: KaplanMeierStep[] = [];
  for (const curve of result.curves) {
    const group = curve.group ?? "all customers";
    const m = curve.time.length;
    steps.push({ group, time: 0, survival: 1, lower: 1, upper: 1, atRisk: curve.n, censored: 0 });
    for (const i of evenlySpaced(m, MAX_STEPS)) {
      const time = curve.time[i] as number;
      if (time === 0 && steps.at(-1)?.time === 0) steps.pop();
      const lower = curve.lower[i] ?? null;
      const upper = curve.upper[i] ?? null;
      steps.push({
        group,
        time: tidy(time),
        survival: tidy(curve.survival[i] as number),
        lower: lower === null ? null : tidy(lower),
        upper: upper === null ? null : tidy(upper),
        atRisk: curve.nRisk[i] as number,
        censored: curve.nCensor[i] as number,
      });
    }
  }
  return steps;
}

/**
 * Kaplan-Meier survival curves: the share of customers not yet churned against time since they started,
 * one step curve per group with its pointwise confidence band (the result's confidence level, log scale
 * as R's survfit) and ticks where customers were censored (still active when observation ended). The
 * median survival time of each curve is in the subtitle.
 *
 * @param result - result of `kaplanMeier`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a Kaplan-Meier result or an option is invalid
 * @example
 * ```ts
 * const customers = [
 *   { tenureDays: 30, churned: 1, channel: "web" }, { tenureDays: 90, churned: 1, channel: "web" },
 *   { tenureDays: 200, churned: 0, channel: "web" }, { tenureDays: 60, churned: 1, channel: "store" },
 *   { tenureDays: 300, churned: 1, channel: "store" }, { tenureDays: 400, churned: 0, channel: "store" },
 * ];
 * const spec = kaplanMeierChart(kaplanMeier(customers, { time: "tenureDays", event: "churned", group: "channel" }));
 * spec.title; // => { text: "How long customers stay (Kaplan-Meier)", subtitle: "median survival: store 300, web 90; bands: 95% pointwise intervals; ticks: censored customers" }
 * ```
 */
export function kaplanMeierChart(result: KaplanMeierResult, options: ChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("kaplanMeierChart", options);
  const steps = kaplanMeierSteps(result);
  const level = Math.round(100 * result.options.confidenceLevel);
  const medians = result.curves.map((c) => {
    const median = c.median === null ? "not reached" : String(tidy(Number(c.median.toPrecision(4))));
    return result.curves.length === 1 ? median : `${c.group} ${median}`;
  });
  const x = quantitative("time", `Time since start (${result.options.time})`);
  const y = quantitative("survival", "Share not yet churned", shareAxis());
  const grouped = result.curves.length > 1;
  const color = grouped ? { color: nominal("group", "Group", { legend: { orient: "top" } }) } : {};
  return frame(
    parsed,
    {
      title: "How long customers stay (Kaplan-Meier)",
      subtitle: `median survival: ${medians.join(", ")}; bands: ${level}% pointwise intervals; ticks: censored customers`,
      width: 520,
      height: 320,
    },
    {
      data: dataValues(steps),
      layer: [
        {
          transform: [{ filter: { field: "lower", valid: true } }],
          mark: { type: "area", interpolate: "step-after", opacity: 0.18 },
          encoding: { x, y: { ...y, field: "lower" }, y2: { field: "upper" }, ...color },
        },
        {
          mark: { type: "line", interpolate: "step-after", strokeWidth: 2 },
          encoding: {
            x,
            y,
            ...color,
            tooltip: [
              ...(grouped ? [nominal("group", "Group")] : []),
              quantitative("time", "Time"),
              quantitative("survival", "Survival", PERCENT_PRECISE),
              quantitative("lower", `${level}% lower`, PERCENT_PRECISE),
              quantitative("upper", `${level}% upper`, PERCENT_PRECISE),
              quantitative("atRisk", "At risk", THOUSANDS),
            ],
          },
        },
        {
          transform: [{ filter: { field: "censored", gt: 0 } }],
          mark: { type: "tick", orient: "vertical", size: 8, thickness: 1 },
          encoding: { x, y, ...color },
        },
      ],
    },
  );
}
