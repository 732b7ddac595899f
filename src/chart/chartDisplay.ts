import { TABLE_BUNDLE } from "../core/display.js";
import { escapeHtml } from "../core/index.js";
import { chart } from "./chart.js";
import { type ChartOptions, isObject, VEGA_LITE_V5_SCHEMA, type VegaLiteSpec } from "./internal/spec.js";

/**
 * The MIME type Jupyter front ends (JupyterLab, VS Code) render Vega-Lite with.
 *
 * @example
 * ```ts
 * VEGA_LITE_MIME_TYPE; // => "application/vnd.vegalite.v5+json"
 * ```
 */
export const VEGA_LITE_MIME_TYPE = "application/vnd.vegalite.v5+json";

const JUPYTER = Symbol.for("Jupyter.display");

/**
 * A Jupyter display bundle: MIME type to content.
 *
 * @example
 * ```ts
 * Object.keys(chartDisplay(lorenzCurve([1, 2, 3])));
 * // => ["application/vnd.vegalite.v5+json", "text/plain", "text/html"]
 * ```
 */
export interface ChartDisplayBundle {
  readonly [VEGA_LITE_MIME_TYPE]: VegaLiteSpec;
  readonly "text/html"?: string;
  readonly "text/plain": string;
}

function isSpec(value: unknown): value is VegaLiteSpec {
  return isObject(value) && typeof value.$schema === "string" && value.$schema.includes("vega-lite");
}

/**
 * A result's chart and table for a Deno Jupyter notebook. The returned object is the display bundle
 * (`application/vnd.vegalite.v5+json` with the spec, `text/html` with the result's own table when it has
 * one, `text/plain`) and also carries `Symbol.for("Jupyter.display")`, so ending a cell with
 * `chartDisplay(result)` shows the chart (front ends render the richest type of a bundle; the table rides
 * along as `text/html` for those without Vega-Lite). A result on its own needs none of this: ending a
 * cell with it in Deno's kernel shows its chart as one output and its table as the next (core's display
 * hook loads this module by its package name when the notebook has not imported it). The spec is the v6 spec of {@link chart} (or the
 * spec you pass) with its `$schema` set to v5, the version notebook front ends know; the specs clientele
 * writes use nothing v6-only. In the Node REPL nothing changes: results print as tables.
 *
 * In a notebook:
 * ```ts
 * import { chartDisplay, rulesScatterChart } from "npm:clientele/chart";
 * chartDisplay(lorenzCurve(spend));               // the Lorenz curve, then the deciles table
 * chartDisplay(rulesScatterChart(rules, { maxRules: 100 })); // any builder's spec
 * await Deno.jupyter.display(chartDisplay(result), { raw: true }); // mid-cell
 * ```
 *
 * @param result - a result `chart` can draw, or a Vega-Lite spec from any builder
 * @param options - passed to `chart` when `result` is a result
 * @returns the display bundle (plain data plus the non-enumerable Jupyter hook)
 * @throws InvalidOptionsError when `result` is neither a spec nor a result with a chart
 * @example
 * ```ts
 * const bundle = chartDisplay(lorenzCurve([1, 2, 3, 4, 10]));
 * bundle["application/vnd.vegalite.v5+json"].$schema; // => "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 */
export function chartDisplay(result: unknown, options: ChartOptions = {}): ChartDisplayBundle {
  const spec = isSpec(result) ? result : chart(result, options);
  const v5 = { ...spec, $schema: VEGA_LITE_V5_SCHEMA };
  // A clientele result's table bundle (its Jupyter hook would also draw the chart inside a Deno kernel).
  const own =
    isObject(result) && typeof (result as Record<symbol, unknown>)[TABLE_BUNDLE] === "function"
      ? ((result as Record<symbol, () => unknown>)[TABLE_BUNDLE] as () => unknown)()
      : undefined;
  const title = isObject(spec.title) && typeof spec.title.text === "string" ? spec.title.text : "Chart";
  // the text of the result's own bundle of this MIME type, when it has one
  const ownText = (type: string) =>
    isObject(own) && typeof own[type] === "string" ? (own[type] as string) : undefined;
  const html = ownText("text/html");
  const plain = ownText("text/plain") ?? title;
  const bundle: Record<string, unknown> = { [VEGA_LITE_MIME_TYPE]: v5, "text/plain": plain };
  if (html !== undefined) bundle["text/html"] = html;
  else bundle["text/html"] = `<div><strong>${escapeHtml(title)}</strong></div>`;
  Object.defineProperty(bundle, JUPYTER, { value: () => ({ ...bundle }), enumerable: false });
  return bundle as unknown as ChartDisplayBundle;
}
