/**
 * How a result's notebook display finds its chart without core importing the chart module (which would
 * put every chart builder into every function's bundle). `clientele/chart` registers its `chart` and
 * `hasChart` under a global symbol when it loads; in a Deno Jupyter notebook where it is not loaded yet,
 * the display hook loads it by its package name, a specifier bundlers do not follow.
 */

/** What the chart module registers. */
export interface NotebookChartProvider {
  readonly hasChart: (result: unknown) => boolean;
  /** The result's Vega-Lite spec with `$schema` set to v5 (the version notebook front ends render). */
  readonly notebookSpec: (result: unknown) => Record<string, unknown>;
}

/** The part of Deno's `Deno.jupyter` the display uses. */
export interface NotebookKernel {
  readonly display: (bundle: Record<string, unknown>, options: { raw: boolean }) => Promise<void>;
}

const PROVIDER = Symbol.for("clientele.notebookChart");
/** A variable, not a literal, so bundlers leave this optional import alone. */
const CHART_MODULE = ["clientele", "chart"].join("/");

/** Registers the chart module's provider (called by `clientele/chart` when it loads). */
export function registerNotebookChart(provider: NotebookChartProvider): void {
  Object.defineProperty(globalThis, PROVIDER, { value: provider, configurable: true, enumerable: false });
}

/** The registered provider, if the chart module has been loaded. */
export function notebookChart(): NotebookChartProvider | undefined {
  return (globalThis as Record<symbol, NotebookChartProvider | undefined>)[PROVIDER];
}

/** Deno's Jupyter kernel when the code runs inside one (`deno jupyter`), otherwise undefined. */
export function notebookKernel(): NotebookKernel | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: Partial<NotebookKernel> } }).Deno;
  let kernel: Partial<NotebookKernel> | undefined;
  try {
    // Outside `deno jupyter`, reading Deno.jupyter throws ("only available in `deno jupyter`").
    kernel = deno?.jupyter;
  } catch {
    return undefined;
  }
  return typeof kernel?.display === "function" ? (kernel as NotebookKernel) : undefined;
}

/** The provider, loading `clientele/chart` once when needed; undefined when it cannot be loaded. */
export async function loadNotebookChart(): Promise<NotebookChartProvider | undefined> {
  const registered = notebookChart();
  if (registered !== undefined) return registered;
  try {
    await import(CHART_MODULE);
  } catch {
    return undefined;
  }
  return notebookChart();
}
