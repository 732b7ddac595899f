/**
 * The passes of the logistic fit over all rows: the objective (with η = Xβ and, when asked, the
 * gradient) in one fused chunked pass, and the gradient with the Hessian at a given η.
 *
 * A pass runs over fixed row blocks ({@link Design.blockRows}), each block's loss, gradient and Hessian
 * sums kept apart and added in block order on the calling thread: the fit is the same to the bit
 * whether one thread computed every block or several shared them (logisticParallel.ts). A block is
 * computed by logisticEngine.ts's passBlock, whose text is what the workers run.
 */
import {
  blockCount,
  type Design,
  type PassRequest,
  type PassThreads,
  partialSize,
  type Scratch,
  type SharedPassArrays,
} from "./logisticDesign.js";
import { createScratch, passBlock } from "./logisticEngine.js";

/** The passes of one fit: its design, η arrays, the calling thread's scratch, and the threads if any. */
export interface Passes {
  readonly design: Design;
  readonly scratch: Scratch;
  /** η at the current β, and at the β being tried. */
  readonly eta: Float64Array;
  readonly trialEta: Float64Array;
  readonly partials: Float64Array;
  readonly blocks: number;
  /** Present when workers share the passes; `shared` then holds the arrays above. */
  readonly threads: PassThreads | undefined;
  readonly shared: SharedPassArrays | undefined;
}

/** The passes of a fit on `design`, shared with `threads` when given (see {@link PassThreads.attach}). */
export function createPasses(design: Design, threads: PassThreads | undefined): Passes {
  const shared = threads?.attach(design);
  const rows = design.rows;
  const blocks = blockCount(design);
  return {
    design,
    scratch: createScratch(design, shared?.residual, shared?.curvature),
    eta: shared?.eta ?? new Float64Array(rows),
    trialEta: shared?.trialEta ?? new Float64Array(rows),
    partials: shared?.partials ?? new Float64Array(blocks * partialSize(design)),
    blocks,
    threads,
    shared,
  };
}

/**
 * Runs a pass over every row block (on the threads when there are some) and adds the blocks' sums
 * in block order: returns the loss, and fills `gradient` (without the penalty) and the lower triangle
 * of `hessian` (without the penalty) when asked.
 */
function runPass(
  passes: Passes,
  request: PassRequest,
  beta: Float64Array,
  gradient: Float64Array | undefined,
  hessian: Float64Array | undefined,
): number {
  const { design, blocks, partials, threads, shared } = passes;
  shared?.beta.set(beta);
  if (threads?.run(request, blocks, passes.scratch) !== true) {
    const eta = request.trial ? passes.trialEta : passes.eta;
    for (let block = 0; block < blocks; block++)
      passBlock(design, passes.scratch, beta, eta, request, block, partials);
  }
  const d = design.columns;
  const size = partialSize(design);
  let loss = 0;
  gradient?.fill(0);
  hessian?.fill(0);
  for (let block = 0, at = 0; block < blocks; block++, at += size) {
    loss += partials[at] as number;
    if (gradient !== undefined) addInto(gradient, partials, at + 1, d);
    if (hessian !== undefined) addInto(hessian, partials, at + 1 + d, d * d);
  }
  return loss;
}

/** target[k] += source[from + k] for k in [0, length). */
function addInto(target: Float64Array, source: Float64Array, from: number, length: number): void {
  for (let k = 0; k < length; k++) target[k] = (target[k] as number) + (source[from + k] as number);
}

/** Adds the penalty's gradient λβⱼ (j ≥ 1). */
function addPenaltyGradient(design: Design, beta: Float64Array, gradient: Float64Array): void {
  for (let j = 1; j < gradient.length; j++)
    gradient[j] = (gradient[j] as number) + design.l2 * (beta[j] as number);
}

/**
 * Objective at β (and η = Xβ into `passes.trialEta` when `trial`, else `passes.eta`); with `gradient`,
 * also the gradient at β. One fused pass over chunks of rows: η, the loss and (when asked) the gradient
 * of a chunk while its columns are in cache. O(n d).
 */
export function objectiveAt(
  passes: Passes,
  beta: Float64Array,
  trial: boolean,
  gradient?: Float64Array,
): number {
  const withGradient = gradient !== undefined;
  const total = runPass(
    passes,
    { objective: true, trial, gradient: withGradient, hessian: false },
    beta,
    gradient,
    undefined,
  );
  let penalty = 0;
  for (let j = 1; j < beta.length; j++) penalty += (beta[j] as number) * (beta[j] as number);
  if (gradient !== undefined) addPenaltyGradient(passes.design, beta, gradient);
  return total + 0.5 * passes.design.l2 * penalty;
}

/**
 * Gradient (unless `gradientKnown`: `gradient` already holds it) and (with `withHessian`, lower-triangle)
 * Hessian of the objective at `passes.eta` (the η of β). Complexity O(n d) for the gradient; the Hessian
 * adds O(n · denseColumns²).
 */
export function derivatives(
  passes: Passes,
  beta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
  withHessian: boolean,
  gradientKnown = false,
): void {
  const d = beta.length;
  runPass(
    passes,
    { objective: false, trial: false, gradient: !gradientKnown, hessian: withHessian },
    beta,
    gradientKnown ? undefined : gradient,
    withHessian ? hessian : undefined,
  );
  if (!gradientKnown) addPenaltyGradient(passes.design, beta, gradient);
  if (withHessian) {
    const l2 = passes.design.l2;
    for (let j = 1; j < d; j++) hessian[j * d + j] = (hessian[j * d + j] as number) + l2;
  }
}
