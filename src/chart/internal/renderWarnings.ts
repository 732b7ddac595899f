/** Test helper (not exported from the package): renders a spec and collects what vega printed. */
import { toSvg } from "../toSvg.js";
import type { VegaLiteSpec } from "./spec.js";

/** Renders `spec` with {@link toSvg} and returns the SVG and every console warning or error printed meanwhile. */
export async function renderWatchingWarnings(
  spec: VegaLiteSpec,
): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  console.error = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
  try {
    return { svg: await toSvg(spec), warnings };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}
