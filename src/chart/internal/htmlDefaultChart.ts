/**
 * The chart a report section shows for a result when the section names none. Internal.
 */

/** The Vega-Lite spec `chart()` draws for `result`, or undefined when it has no chart. */
export function defaultChart(result: unknown): { readonly [key: string]: unknown } | undefined {
  void result;
  return undefined;
}
