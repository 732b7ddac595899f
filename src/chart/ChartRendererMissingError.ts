import { ClienteleError } from "../core/index.js";

/**
 * Thrown by `toSvg` when the optional peer dependencies `vega` and `vega-lite` cannot be loaded.
 * Building specifications never needs them; rendering does. `missing` names the package.
 *
 * @example
 * ```ts
 * try {
 *   await toSvg(spec);
 * } catch (error) {
 *   if (error instanceof ChartRendererMissingError) console.log(error.missing);
 *   // => "vega" (install it with `npm install vega vega-lite`)
 * }
 * ```
 */
export class ChartRendererMissingError extends ClienteleError {
  /** The package that failed to load: `"vega"` or `"vega-lite"`. */
  readonly missing: string;

  constructor(functionName: string, missing: string, cause: unknown) {
    super(
      functionName,
      `rendering a chart needs the optional packages vega and vega-lite, but "${missing}" could not be loaded (${
        cause instanceof Error ? cause.message : String(cause)
      }); install them with \`npm install vega vega-lite\``,
    );
    this.name = "ChartRendererMissingError";
    this.missing = missing;
  }
}
