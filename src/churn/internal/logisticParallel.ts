/**
 * The logistic fit's full-data passes on a worker thread and the calling thread, with the serial result.
 *
 * Why: training from records spends about half its time reading them (record objects can only be
 * read on the calling thread) and half in passes over the design matrix, which split by rows. On Node
 * (worker_threads, SharedArrayBuffer, `Atomics.wait` on the calling thread) {@link startPassThreads}
 * starts a worker at the beginning of training, from a generated source string (the pass kernels'
 * own text, as segment's restarts do: no separate build entry, the same in ESM and CommonJS builds),
 * so it boots while the records are read into a shared design matrix. Each pass then hands its row
 * blocks out one at a time by an atomic counter: the calling thread works too, so a worker that is
 * late (still booting, or descheduled on a busy machine) costs nothing but its share. Each block's
 * sums are kept apart and added in block order on the calling thread (logisticPasses.ts), so the fit
 * is the same to the bit whichever thread computed which block.
 *
 * Anywhere else (browsers, Deno, Bun, Node without `process.getBuiltinModule`, or when a worker
 * cannot be created) every block runs on the calling thread: same result. The workers end with the
 * fit ({@link PassThreadsHandle.close}); they are unref'd, so they never keep a process alive.
 */

import {
  type MessagePortLike,
  spareThreads,
  type WorkerLike,
  workerThreads,
} from "../../core/internal/workerHost.js";
import {
  blockCount,
  type PassRequest,
  type PassThreads,
  partialSize,
  type ShareArray,
  type SharedPassArrays,
} from "./logisticDesign.js";
import { claimBlocks, controlSlots, PASS_ENGINE, type PassJob, passWorker } from "./logisticEngine.js";

/**
 * Tests' switches: `workers` (undefined: one per spare core up to {@link MAX_WORKERS} for problems of
 * {@link PARALLEL_CELLS} or more; a number: that many whatever the size), and `callerRuns` (false:
 * the calling thread only waits, so the workers compute every block).
 */
export const passThreadSettings: { workers: number | undefined; callerRuns: boolean } = {
  workers: undefined,
  callerRuns: true,
};

/**
 * Rows x dense columns from which training starts a worker: below, the passes take a few ms and a
 * worker's start (30-60 ms of a core) would not be paid back.
 */
export const PARALLEL_CELLS = 1_000_000;

/** At most this many workers (each pass has at most 64 row blocks; more threads mostly wait on memory). */
const MAX_WORKERS = 3;

/** The request of a pass as one control word. */
function encodeRequest(request: PassRequest): number {
  return (
    (request.objective ? 1 : 0) |
    (request.trial ? 2 : 0) |
    (request.gradient ? 4 : 0) |
    (request.hessian ? 8 : 0)
  );
}

/**
 * A worker's source: the engine, then, once the fit's design arrives on the port, the pass loop.
 * (`__name` stands in for the helper that builds keeping function names emit.)
 */
function workerSource(): string {
  return `"use strict";
var __name = function (target) { return target; };
${PASS_ENGINE.map(String).join("\n\n")}
const { workerData } = require("node:worker_threads");
workerData.port.once("message", (job) => {
  workerData.port.close();
  (${String(passWorker)})(job);
});
`;
}

/** Workers to start for a problem of `cells` rows x dense columns (see {@link passThreadSettings}). */
function workerCount(cells: number): number {
  if (passThreadSettings.workers !== undefined) return passThreadSettings.workers;
  if (cells < PARALLEL_CELLS) return 0;
  return Math.min(MAX_WORKERS, spareThreads());
}

/** Pass threads of one training call; `close` ends the workers (call it whatever happens). */
export interface PassThreadsHandle extends PassThreads {
  /** Workers started (0: none could be, every pass runs on the calling thread). */
  readonly workers: number;
  close(): void;
}

/** A typed array of `length` elements in shared memory. */
function sharedArray<A extends Float64Array | Int32Array | Uint8Array>(
  Type: { new (buffer: ArrayBufferLike): A; readonly BYTES_PER_ELEMENT: number },
  length: number,
): A {
  return new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
}

/** The array itself when in shared memory, else a copy there. */
const share: ShareArray = (array) => {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy = sharedArray(array.constructor as never, array.length) as typeof array;
  copy.set(array as never);
  return copy;
};

/**
 * Starts the workers for a fit of `cells` rows x dense columns, at the start of training (they boot
 * while the records are read), or returns undefined where workers cannot run or do not pay (every pass
 * then runs on the calling thread). The design matrix should be allocated with `share` in mind
 * ({@link PassThreads.share}): an array not in shared memory is copied there.
 */
export function startPassThreads(cells: number): PassThreadsHandle | undefined {
  const wanted = workerCount(cells);
  const threads = wanted > 0 ? workerThreads() : undefined;
  if (threads === undefined) return undefined;
  const started: { worker: WorkerLike; port: MessagePortLike }[] = [];
  const source = workerSource();
  for (let w = 0; w < wanted; w++) {
    try {
      const { port1, port2 } = new threads.MessageChannel();
      const worker = new threads.Worker(source, {
        eval: true,
        workerData: { port: port2 },
        transferList: [port2],
      });
      worker.unref();
      // A worker that fails leaves its blocks to the calling thread: its error must not end the process.
      worker.on("error", () => {});
      started.push({ worker, port: port1 });
    } catch {
      break; // no (more) workers here: the calling thread does their share
    }
  }
  if (started.length === 0) return undefined;
  const slots = controlSlots();
  const control = sharedArray(Int32Array, slots.length);
  let job: PassJob | undefined;
  let generation = 0;
  let failed = false;
  return {
    workers: started.length,
    share,
    attach(design) {
      const blocks = blockCount(design);
      const shared: SharedPassArrays = {
        eta: sharedArray(Float64Array, design.rows),
        trialEta: sharedArray(Float64Array, design.rows),
        residual: sharedArray(Float64Array, design.rows),
        curvature: sharedArray(Float64Array, design.rows),
        beta: sharedArray(Float64Array, design.columns),
        partials: sharedArray(Float64Array, blocks * partialSize(design)),
      };
      job = { design, shared, control };
      for (const { port } of started) port.postMessage(job);
      return shared;
    },
    run(request, blocks, scratch) {
      // After a worker failed, the calling thread computes every pass alone.
      if (failed || job === undefined) return false;
      Atomics.store(control, slots.request, encodeRequest(request));
      Atomics.store(control, slots.blocks, blocks);
      Atomics.store(control, slots.claimed, 0);
      Atomics.store(control, slots.done, 0);
      generation += 2;
      Atomics.store(control, slots.generation, generation - 1); // odd: open
      Atomics.notify(control, slots.generation);
      if (passThreadSettings.callerRuns) claimBlocks(job, scratch, request, blocks);
      for (let done = Atomics.load(control, slots.done); done < blocks && !failed; ) {
        Atomics.wait(control, slots.done, done, 50);
        done = Atomics.load(control, slots.done);
        failed = Atomics.load(control, slots.failed) !== 0;
      }
      // Close the pass, then wait for the workers inside it to leave: none joins it any more.
      Atomics.store(control, slots.generation, generation);
      for (let active = Atomics.load(control, slots.active); active !== 0; ) {
        Atomics.wait(control, slots.active, active, 50);
        active = Atomics.load(control, slots.active);
      }
      return !failed;
    },
    close() {
      Atomics.store(control, slots.generation, -1);
      Atomics.notify(control, slots.generation);
      for (const { worker, port } of started) {
        port.close();
        worker.terminate();
      }
    },
  };
}
