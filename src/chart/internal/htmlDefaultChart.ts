import { chart, hasChart } from "../chart.js";
import type { VegaLiteSpec } from "./spec.js";

/**
 * The chart a report section shows for a result when the section names none: what `chart()` draws,
 * or undefined for results without a chart of their own. Internal.
 */
export function defaultChart(result: unknown): VegaLiteSpec | undefined {
  return hasChart(result) ? chart(result) : undefined;
}
