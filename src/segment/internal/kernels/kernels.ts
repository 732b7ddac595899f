/**
 * The kernels for d features: the written-out ones of `source.ts` compiled once per d with
 * `new Function` (the text holds only numbers, never caller data), or the general loops where
 * code generation is forbidden (a strict Content-Security-Policy) or d is large (`lloydEngine.ts`). Both give
 * bit-identical results; the compiled ones are about twice as fast.
 */
import { makeGenericKernels } from "../lloydEngine.js";
import { kernelSource, UNROLL_LIMIT } from "./source.js";
import type { LloydKernels } from "./types.js";

export type { LloydKernels } from "./types.js";

/** The general kernels of the calling thread. */
export const genericKernels: LloydKernels = /* @__PURE__ */ makeGenericKernels();

/** Set `compile` to false (tests) to run the general loops even where code generation is allowed. */
export const kernelSettings = { compile: true };

/** Compiled kernels per d (a cache of code, not of results); null where compiling failed. */
const compiled = new Map<number, LloydKernels | null>();

/** Compiles the kernels for d, or returns null when code generation is forbidden. */
function compile(d: number): LloydKernels | null {
  try {
    return new Function(`"use strict";\nreturn ${kernelSource(d)};`)() as LloydKernels;
  } catch {
    return null; // code generation disallowed (CSP): the general loops run
  }
}

/** The kernels for d features (compiled when allowed and d <= UNROLL_LIMIT, else the general loops). */
export function kernelsFor(d: number): LloydKernels {
  if (!kernelSettings.compile || d > UNROLL_LIMIT) return genericKernels;
  let kernels = compiled.get(d);
  if (kernels === undefined) {
    kernels = compile(d);
    compiled.set(d, kernels);
  }
  return kernels ?? genericKernels;
}

/**
 * Source of an expression giving the kernels {@link kernelsFor} picks for d, for another realm (a worker
 * that has the engine's functions, `ENGINE` of `lloydEngine.ts`).
 */
export function kernelExpression(d: number): string {
  return kernelSettings.compile && d <= UNROLL_LIMIT ? kernelSource(d) : `(${String(makeGenericKernels)})()`;
}
