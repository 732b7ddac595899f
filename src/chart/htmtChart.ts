import { oneOf } from "../core/internal/optionRules.js";
import type { PlsPathModelResult } from "../satisfaction/index.js";
import { textLayer } from "./internal/layers.js";
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
  within,
} from "./internal/spec.js";

/**
 * Options of {@link htmtChart}.
 *
 * @example
 * ```ts
 * const model = plsPathModel(store.surveys, ECSI_MODEL);
 * htmtChart(model, { measure: "htmt2" }).title;
 * // => { text: "Discriminant validity (HTMT2)", ... }
 * ```
 */
export interface HtmtChartOptions extends ChartOptions {
  /** Which ratio: `"htmt"` (arithmetic means) or `"htmt2"` (geometric means). @defaultValue "htmt" */
  readonly measure?: "htmt" | "htmt2";
}

const schema = { ...chartOptionsShape, measure: oneOf(["htmt", "htmt2"]) };

/** The usual cut-offs of discriminant validity (Henseler, Ringle & Sarstedt 2015). */
const STRICT = 0.85;
const LENIENT = 0.9;

/**
 * One cell of {@link htmtChart}: the ratio of a pair of constructs.
 *
 * @example
 * ```ts
 * const model = plsPathModel(store.surveys, ECSI_MODEL);
 * htmtCells(model).find((c) => c.row === "Satisfaction" && c.column === "Quality");
 * // => { row: "Satisfaction", column: "Quality", value: 0.7087, band: "below 0.85", label: "0.71" }
 * ```
 */
export interface HtmtCell {
  readonly row: string;
  readonly column: string;
  /** The ratio, or null when undefined (a construct with one item, or a zero correlation). */
  readonly value: number | null;
  readonly band: "below 0.85" | "0.85 to 0.90" | "above 0.90" | "undefined";
  readonly label: string;
}

/** True when `value` looks like the result of `plsPathModel` with its HTMT matrices. */
export function isPlsHtmtResult(value: unknown): value is PlsPathModelResult {
  return hasShape(value, "htmt{} htmt2{} pathCoefficients[]");
}

/**
 * The cells of {@link htmtChart}: the lower triangle of the matrix (each pair of constructs once, in the
 * model's order).
 *
 * @example
 * ```ts
 * const model = plsPathModel(store.surveys, ECSI_MODEL);
 * htmtCells(model).length; // => 21 (the pairs of the seven ECSI constructs)
 * ```
 */
export function htmtCells(model: PlsPathModelResult, options: HtmtChartOptions = {}): HtmtCell[] {
  const name = "htmtChart";
  const parsed = parseChartOptions(name, options, schema);
  if (!isPlsHtmtResult(model))
    return refuseResult(name, "plsPathModel (with htmt and htmt2)", model, "model");
  const matrix = parsed.measure === "htmt2" ? model.htmt2 : model.htmt;
  const constructs = Object.keys(matrix);
  const cells: HtmtCell[] = [];
  constructs.forEach((row, j) => {
    for (const column of constructs.slice(0, j)) {
      const raw = matrix[row]?.[column] ?? null;
      const value = raw === null || !Number.isFinite(raw) ? null : tidy(raw);
      cells.push({
        row: shortLabel(row),
        column: shortLabel(column),
        value,
        band:
          value === null
            ? "undefined"
            : value < STRICT
              ? "below 0.85"
              : value <= LENIENT
                ? "0.85 to 0.90"
                : "above 0.90",
        label: value === null ? "–" : value.toFixed(2),
      });
    }
  });
  return cells;
}

/**
 * Discriminant validity of a PLS path model as a heatmap of its heterotrait-monotrait ratios (HTMT, or
 * HTMT2 with `measure: "htmt2"`): one cell per pair of constructs, printed with its ratio and coloured
 * by the usual cut-offs (Henseler, Ringle & Sarstedt 2015): below 0.85 the constructs are distinct,
 * 0.85-0.90 acceptable only for conceptually close constructs, above 0.90 they are not told apart.
 *
 * @param model - result of `plsPathModel`
 * @param options - measure ("htmt" or "htmt2"), title, width, height
 * @returns a Vega-Lite v6 specification
 * @throws InvalidOptionsError when `model` has no HTMT matrices or an option is invalid
 * @example
 * ```ts
 * const spec = htmtChart(plsPathModel(store.surveys, ECSI_MODEL));
 * spec.title; // => { text: "Discriminant validity (HTMT)", ... }
 * ```
 */
export function htmtChart(model: PlsPathModelResult, options: HtmtChartOptions = {}): VegaLiteSpec {
  const cells = htmtCells(model, options);
  const parsed = parseChartOptions("htmtChart", options, schema);
  const label = parsed.measure === "htmt2" ? "HTMT2" : "HTMT";
  const order = Object.keys(model.htmt).map((c) => shortLabel(c));
  const above = cells.filter((c) => c.band === "above 0.90").length;
  const between = cells.filter((c) => c.band === "0.85 to 0.90").length;
  const side = within(64 * (order.length - 1), 200, 640);
  const x = nominal("column", null, { sort: order.slice(0, -1), axis: { labelAngle: -30 } });
  const y = nominal("row", null, { sort: order.slice(1) });
  return frame(
    parsed,
    {
      title: `Discriminant validity (${label})`,
      subtitle: `${above} pair(s) above 0.90 and ${between} between 0.85 and 0.90 of ${cells.length}; above 0.85 the constructs may not be distinct`,
      width: side,
      height: side,
    },
    {
      data: dataValues(cells),
      layer: [
        {
          mark: { type: "rect", stroke: "#fff", strokeWidth: 1 },
          encoding: {
            x,
            y,
            color: categoryChannel(
              "band",
              label,
              ["below 0.85", "0.85 to 0.90", "above 0.90", "undefined"],
              [PALETTE[4], PALETTE[1], PALETTE[3], "#ddd"],
            ),
            tooltip: [
              nominal("row", "Construct"),
              nominal("column", "With"),
              quantitative("value", label, ".3f"),
            ],
          },
        },
        textLayer({ fontSize: 12, color: "#111" }, { x, y }),
      ],
    },
  );
}
