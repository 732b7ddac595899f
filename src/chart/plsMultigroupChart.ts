import type { PlsMultigroupResult } from "../satisfaction/index.js";
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
  refuseResult,
  shortLabel,
  textMark,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/**
 * One path of {@link plsMultigroupChart}: its coefficient in each group and the permutation test.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" })); // first and last 125 rows
 * plsMultigroupRows(plsMultigroup(halves, ECSI_MODEL, { group: "half", seed: 1 }))[0];
 * // => { path: "Image → Expectation", group: "first", coefficient: 0.47, difference: -0.09, pValue: 0.48, significant: false }
 * ```
 */
export interface PlsMultigroupRow {
  /** "from → to". */
  readonly path: string;
  readonly group: string;
  readonly coefficient: number;
  /** First group's coefficient minus the second's. */
  readonly difference: number;
  /** Two-sided permutation p-value of the difference. */
  readonly pValue: number;
  /** p < 0.05. */
  readonly significant: boolean;
}

/** True when `value` looks like the result of `plsMultigroup`. */
export function isPlsMultigroupResult(value: unknown): value is PlsMultigroupResult {
  return hasShape(value, "paths[] groups[] validBootstrapSamples[]");
}

/**
 * The rows of {@link plsMultigroupChart}: two per path (one per group), in the model's order.
 *
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" }));
 * const result = plsMultigroup(halves, ECSI_MODEL, { group: "half", seed: 1 });
 * plsMultigroupRows(result).length === 2 * result.paths.length; // => true
 * ```
 */
export function plsMultigroupRows(result: PlsMultigroupResult): PlsMultigroupRow[] {
  if (!isPlsMultigroupResult(result)) return refuseResult("plsMultigroupChart", "plsMultigroup", result);
  const [first, second] = result.groups.map((g) => shortLabel(g));
  return result.paths.flatMap((p) => {
    const common = {
      path: `${shortLabel(p.from)} → ${shortLabel(p.to)}`,
      difference: tidy(p.difference),
      pValue: tidy(p.permutationPValue),
      significant: p.permutationPValue < 0.05,
    };
    return [
      { ...common, group: first as string, coefficient: tidy(p.first) },
      { ...common, group: second as string, coefficient: tidy(p.second) },
    ];
  });
}

/**
 * PLS multigroup analysis as a dumbbell chart: each path's coefficient in the two groups, joined by a
 * line that is dark where the permutation test finds the groups differ (p < 0.05; Chin & Dibbern 2010)
 * and light grey where the difference may be chance, with the p-value printed at the right.
 *
 * @param result - result of `plsMultigroup`
 * @param options - title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a plsMultigroup result or an option is invalid
 * @example
 * ```ts
 * const halves = mobi.map((row, i) => ({ ...row, half: i < 125 ? "first" : "second" }));
 * const spec = plsMultigroupChart(plsMultigroup(halves, ECSI_MODEL, { group: "half", seed: 1 }));
 * spec.title; // => { text: "Path coefficients: first vs second", ... }
 * ```
 */
export function plsMultigroupChart(result: PlsMultigroupResult, options: ChartOptions = {}): VegaLiteSpec {
  const parsed = parseChartOptions("plsMultigroupChart", options);
  const rows = plsMultigroupRows(result);
  const [first, second] = result.groups.map((g) => shortLabel(g)) as [string, string];
  const paths = [...new Set(rows.map((r) => r.path))];
  const differing = result.paths.filter((p) => p.permutationPValue < 0.05).length;
  const labels = rows
    .filter((r) => r.group === first)
    .map((r) => ({ path: r.path, text: `p = ${r.pValue.toFixed(3)}`, significant: r.significant }));
  const y = nominal("path", null, { sort: paths, axis: { labelLimit: 320 } });
  const x = quantitative("coefficient", "Path coefficient");
  return frame(
    parsed,
    {
      title: `Path coefficients: ${first} vs ${second}`,
      subtitle: `${differing} of ${result.paths.length} paths differ (permutation test, p < 0.05; ${result.validPermutations} permutations); groups of ${result.groupSizes[0]} and ${result.groupSizes[1]}`,
      width: 440,
      height: Math.max(120, 30 * paths.length),
    },
    {
      layer: [
        {
          data: dataValues(rows),
          mark: { type: "line", strokeWidth: 3 },
          encoding: {
            y,
            x,
            detail: nominal("path"),
            color: categoryChannel("significant", undefined, [true, false], ["#555", "#ccc"], null),
          },
        },
        {
          data: dataValues(rows),
          mark: filledPoint({ size: 90, opacity: 1 }),
          encoding: {
            y,
            x,
            fill: categoryChannel("group", "Group", [first, second], [PALETTE[0], PALETTE[1]]),
            stroke: { value: null },
            tooltip: [
              nominal("path", "Path"),
              nominal("group", "Group"),
              quantitative("coefficient", "Coefficient", ".3f"),
              quantitative("difference", "Difference", ".3f"),
              quantitative("pValue", "Permutation p", ".3f"),
            ],
          },
        },
        {
          data: dataValues(labels),
          mark: textMark({ align: "left", dx: 6, fontSize: 11 }),
          encoding: {
            y,
            x: { value: parsed.width ?? 440 },
            text: nominal("text"),
            color: {
              condition: { test: { field: "significant", equal: true }, value: "#111" },
              value: "#888",
            },
          },
        },
      ],
    },
  );
}
