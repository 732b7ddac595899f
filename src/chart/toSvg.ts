import { InvalidOptionsError } from "../core/index.js";
import { ChartRendererMissingError } from "./ChartRendererMissingError.js";
import type { VegaLiteSpec } from "./internal/spec.js";

/** What toSvg needs from the `vega` package. */
interface VegaModule {
  parse(spec: unknown, config?: unknown): unknown;
  View: new (
    runtime: unknown,
    options: { renderer: string },
  ) => { toSVG(): Promise<string>; finalize(): void };
}

/** What toSvg needs from the `vega-lite` package. */
interface VegaLiteModule {
  compile(spec: unknown): { spec: unknown };
}

/** Loads a module, unwrapping a CommonJS default export. */
async function load<M>(name: string, loader: () => Promise<unknown>): Promise<M> {
  try {
    const module = (await loader()) as Record<string, unknown>;
    return (
      ((module as { parse?: unknown; compile?: unknown }).parse ?? (module as { compile?: unknown }).compile)
        ? module
        : (module.default ?? module)
    ) as M;
  } catch (error) {
    throw new ChartRendererMissingError("toSvg", name, error);
  }
}

/**
 * Renders a Vega-Lite specification (from `chart` or any builder) to a standalone SVG string, without a
 * browser or canvas: the spec is compiled by `vega-lite` and rendered by `vega` with the headless
 * renderer (`renderer: "none"`, `view.toSVG()`). Works in Node, Deno and browsers. `vega` and `vega-lite`
 * are optional peer dependencies loaded on first use, so importing `clientele/chart` needs neither.
 * Compiling also validates the spec: an invalid spec rejects with vega-lite's error.
 *
 * @param spec - a Vega-Lite specification (plain JSON object)
 * @returns the SVG document as a string (`<svg ...>...</svg>`), with its width and height set
 * @throws ChartRendererMissingError when `vega` or `vega-lite` is not installed
 * @throws InvalidOptionsError when `spec` is not an object or vega-lite cannot compile it (the message says why)
 * @example
 * ```ts
 * const svg = await toSvg(lorenzChart(lorenzCurve([1, 2, 3, 4, 10])));
 * svg.startsWith("<svg"); // => true
 * ```
 */
export async function toSvg(spec: VegaLiteSpec): Promise<string> {
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new InvalidOptionsError("toSvg", [
      { path: "spec", message: "expected a Vega-Lite specification object", received: spec },
    ]);
  }
  const vegaLite = await load<VegaLiteModule>("vega-lite", () => import("vega-lite"));
  const vega = await load<VegaModule>("vega", () => import("vega"));
  // Vega adds bookkeeping symbols to data objects: render a copy so the caller's spec stays untouched.
  const copy = JSON.parse(JSON.stringify(spec)) as unknown;
  let runtime: unknown;
  try {
    runtime = vega.parse(vegaLite.compile(copy).spec);
  } catch (error) {
    throw new InvalidOptionsError("toSvg", [
      {
        path: "spec",
        message: `vega-lite could not compile the specification: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  const view = new vega.View(runtime, { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
