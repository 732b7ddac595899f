import type { ChooseKResult } from "../segment/index.js";
import {
  type ChartOptions,
  dataValues,
  filledPoint,
  frame,
  hasShape,
  nominal,
  PALETTE,
  parseChartOptions,
  quantitative,
  refuseResult,
  tidy,
  type VegaLiteSpec,
} from "./internal/spec.js";

/** True when `value` looks like the result of `chooseK`. */
export function isChooseKResult(value: unknown): value is ChooseKResult<never> {
  return hasShape(value, "table[] recommendedK#");
}

const CRITERIA = [
  { key: "inertia", name: "Inertia (elbow; lower is tighter)" },
  { key: "silhouette", name: "Silhouette (higher is better)" },
  { key: "calinskiHarabasz", name: "Calinski-Harabasz (higher is better)" },
  { key: "daviesBouldin", name: "Davies-Bouldin (lower is better)" },
] as const;

/**
 * One point of a criterion's panel.
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12 }, { recency: 7, frequency: 10 }, { recency: 6, frequency: 11 },
 *   { recency: 40, frequency: 3 }, { recency: 45, frequency: 2 }, { recency: 42, frequency: 4 },
 *   { recency: 90, frequency: 1 }, { recency: 95, frequency: 1 }, { recency: 88, frequency: 2 },
 * ];
 * chooseKPoints(chooseK(customers, { fields: ["recency", "frequency"], kRange: [2, 4] }))[0];
 * // => { k: 2, criterion: "Inertia (elbow; lower is tighter)", value: 3.053, recommended: false }
 * ```
 */
export interface ChooseKPoint {
  readonly k: number;
  readonly criterion: string;
  readonly value: number;
  readonly recommended: boolean;
}

/**
 * The points of a {@link chooseKChart}: one per k and computed criterion (criteria not computed are left out).
 *
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12 }, { recency: 7, frequency: 10 }, { recency: 6, frequency: 11 },
 *   { recency: 40, frequency: 3 }, { recency: 45, frequency: 2 }, { recency: 42, frequency: 4 },
 *   { recency: 90, frequency: 1 }, { recency: 95, frequency: 1 }, { recency: 88, frequency: 2 },
 * ];
 * chooseKPoints(chooseK(customers, { fields: ["recency", "frequency"], kRange: [2, 4] })).length;
 * // => 12 (3 k values x 4 criteria)
 * ```
 */
export function chooseKPoints<T>(result: ChooseKResult<T>): ChooseKPoint[] {
  const points: ChooseKPoint[] = [];
  for (const { key, name } of CRITERIA) {
    for (const row of result.table) {
      const value = row[key];
      if (typeof value === "number" && Number.isFinite(value)) {
        points.push({
          k: row.k,
          criterion: name,
          value: tidy(value),
          recommended: row.k === result.recommendedK,
        });
      }
    }
  }
  return points;
}

/**
 * The criteria of `chooseK` as small multiples, one panel per criterion against the number of segments k
 * (inertia's elbow, silhouette, Calinski-Harabasz, Davies-Bouldin), each with its own y scale and the
 * recommended k marked.
 *
 * @param result - result of `chooseK(records, options)`
 * @param options - title, width and height of each panel
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `result` is not a chooseK result or an option is invalid
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12 }, { recency: 7, frequency: 10 }, { recency: 6, frequency: 11 },
 *   { recency: 40, frequency: 3 }, { recency: 45, frequency: 2 }, { recency: 42, frequency: 4 },
 *   { recency: 90, frequency: 1 }, { recency: 95, frequency: 1 }, { recency: 88, frequency: 2 },
 * ];
 * const spec = chooseKChart(chooseK(customers, { fields: ["recency", "frequency"], kRange: [2, 4] }));
 * spec.title; // => { text: "How many segments? (recommended k = 3)", ... }
 * ```
 */
export function chooseKChart<T>(result: ChooseKResult<T>, options: ChartOptions = {}): VegaLiteSpec {
  const name = "chooseKChart";
  const parsed = parseChartOptions(name, options);
  if (!isChooseKResult(result)) return refuseResult(name, "chooseK", result);
  const points = chooseKPoints(result);
  const criteria = CRITERIA.map((c) => c.name).filter((c) => points.some((p) => p.criterion === c));
  const x = quantitative("k", "Number of segments (k)", {
    axis: { tickMinStep: 1, format: "d" },
    scale: { zero: false },
  });
  const y = quantitative("value", null, { scale: { zero: false }, axis: { format: ",.3~r" } });
  return frame(
    parsed,
    { title: `How many segments? (recommended k = ${result.recommendedK})`, subtitle: result.reason },
    {
      data: dataValues(points),
      columns: 2,
      facet: nominal("criterion", null, {
        sort: criteria,
        header: { labelFontSize: 12, labelFontWeight: "bold" },
      }),
      spec: {
        width: parsed.width ?? 240,
        height: parsed.height ?? 160,
        layer: [
          {
            mark: { type: "line", color: PALETTE[0], point: true },
            encoding: {
              x,
              y,
              tooltip: [quantitative("k", "k"), quantitative("value", "Value", ",.3~f")],
            },
          },
          {
            transform: [{ filter: { field: "recommended", equal: true } }],
            mark: filledPoint({ size: 120, color: PALETTE[3] }),
            encoding: { x, y },
          },
        ],
      },
      resolve: { scale: { y: "independent" } },
    },
    false,
  );
}
