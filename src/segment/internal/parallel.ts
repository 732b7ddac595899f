/**
 * k-means restarts on worker threads, with the result of the serial run.
 *
 * Why: the restarts of one fit are independent, and k-means is a synchronous function. On Node
 * (worker_threads, SharedArrayBuffer, `Atomics.wait` on the calling thread), the calling thread
 * starts workers from a generated source string (`new Worker(code, { eval: true })`: the engine
 * functions' own text from `lloyd.ts` plus the kernels' text for this d, so no separate build
 * entry or file is needed and the built package works from ESM and CommonJS alike), shares the
 * data with them in a SharedArrayBuffer, runs restarts itself too, and blocks until the workers
 * that took part are done. Restarts are handed out one at a time by an atomic counter; each one is
 * seeded from its own draws, made beforehand on the calling thread from the seeded stream, so the
 * restart's outcome does not depend on which thread ran it, and the best restart is picked over
 * all of them in index order exactly as the serial loop picks it.
 *
 * Anywhere else (browsers, Deno, Bun, Node without `process.getBuiltinModule`, or when a worker
 * cannot be created), every restart runs on the calling thread: same result.
 */
import { kernelExpression, kernelsFor } from "./kernels/kernels.js";
import { ENGINE, type RestartJob, restartWorker, runRestartShare } from "./lloydEngine.js";

/** What {@link runRestarts} runs: one fit's restarts, as a {@link RestartJob} without the shared state. */
export type RestartSettings = Omit<RestartJob, "control" | "results">;

/** Outcome of the restarts of one fit: the best restart's run (lowest inertia, the first on ties). */
export interface RestartsOutcome {
  readonly centres: Float64Array;
  readonly labels: Int32Array;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Every restart's inertia, in restart order. */
  readonly restartInertias: readonly number[];
  readonly bestRestart: number;
  /** Restarts run on worker threads. */
  readonly workerRestarts: number;
}

interface MessagePortLike {
  close(): void;
}

interface WorkerLike {
  unref(): void;
  terminate(): unknown;
}

interface WorkerThreads {
  readonly Worker: new (
    code: string,
    options: { eval: true; workerData: unknown; transferList: unknown[] },
  ) => WorkerLike;
  readonly MessageChannel: new () => { port1: MessagePortLike; port2: MessagePortLike };
  readonly receiveMessageOnPort: (port: MessagePortLike) => { message: unknown } | undefined;
}

interface Host {
  readonly process?: {
    readonly versions?: { readonly node?: string };
    readonly getBuiltinModule?: (id: string) => unknown;
  };
  readonly Deno?: unknown;
  readonly Bun?: unknown;
}

/** Node's worker_threads where restarts can run on workers, else undefined. */
function workerThreads(): WorkerThreads | undefined {
  const host = globalThis as Host;
  if (host.Deno !== undefined || host.Bun !== undefined || host.process?.versions?.node === undefined)
    return undefined;
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics?.wait !== "function") return undefined;
  try {
    return host.process.getBuiltinModule?.("node:worker_threads") as WorkerThreads | undefined;
  } catch {
    return undefined;
  }
}

/** Threads this machine offers beyond the calling one (0 where workers cannot run). */
export function spareThreads(): number {
  if (workerThreads() === undefined) return 0;
  try {
    const os = (globalThis as Host).process?.getBuiltinModule?.("node:os") as
      | { availableParallelism?: () => number; cpus: () => unknown[] }
      | undefined;
    const threads = os?.availableParallelism?.() ?? os?.cpus().length ?? 1;
    return Math.max(0, threads - 1);
  } catch {
    return 0;
  }
}

/**
 * Workers the default (`workers: "auto"`) uses: none for a single restart or a small problem
 * (n k d below 1e6, where a worker's start, about 30-60 ms, is not paid back), else one per spare
 * core, at most restarts - 1.
 */
export function autoWorkers(n: number, d: number, k: number, restarts: number): number {
  if (restarts < 2 || n * d * k < 1e6) return 0;
  return Math.min(restarts - 1, spareThreads());
}

/**
 * The source a restart worker runs: the engine (its functions' own text), the kernels for d, and the
 * call of its entry point. (`__name` stands in for the helper that builds keeping function names emit.)
 */
function workerSource(d: number): string {
  return `"use strict";
var __name = function (target) { return target; };
${ENGINE.map(String).join("\n\n")}
const { workerData } = require("node:worker_threads");
(${String(restartWorker)})(workerData.job, workerData.port, ${kernelExpression(d)});
`;
}

/** A typed array backed by shared memory when `shared`, else by ordinary memory. */
function sharedArray<A extends Float64Array | Int32Array>(
  Type: { new (buffer: ArrayBufferLike): A; readonly BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): A {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  return new Type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/**
 * Runs the restarts of `settings` (k-means++ starts from `seedingDrawCount(k)` draws each, or one
 * start from `initial`) to the end, on the calling thread and up to `workers` worker threads; same
 * outcome whatever the number of workers. `onRestart(completed)` is called on the calling thread as
 * restarts complete. With `callerRuns` false (tests) the calling thread only waits, so every restart
 * runs on a worker.
 */
export function runRestarts(
  settings: RestartSettings,
  workers: number,
  onRestart: (completed: number) => void,
  callerRuns = true,
): RestartsOutcome {
  const { data, n, d, k, restarts } = settings;
  const threads = workers > 0 ? workerThreads() : undefined;
  const parallel = threads !== undefined;
  const control = sharedArray(Int32Array, 5, parallel);
  const stride = 3 + k * d;
  const results = sharedArray(Float64Array, restarts * stride, parallel);
  let shared = data;
  if (parallel && !(data.buffer instanceof SharedArrayBuffer)) {
    shared = sharedArray(Float64Array, n * d, true);
    shared.set(data.subarray(0, n * d));
  }
  const job: RestartJob = { ...settings, data: shared, control, results };
  const started: { worker: WorkerLike; port: MessagePortLike }[] = [];
  if (threads !== undefined) {
    let source: string | undefined;
    for (let w = 0; w < workers; w++) {
      try {
        source ??= workerSource(d);
        const { port1, port2 } = new threads.MessageChannel();
        const worker = new threads.Worker(source, {
          eval: true,
          workerData: { job, port: port2 },
          transferList: [port2],
        });
        worker.unref();
        started.push({ worker, port: port1 });
      } catch {
        break; // no (more) workers here: the calling thread runs what is left
      }
    }
  }
  const own =
    callerRuns || started.length === 0
      ? runRestartShare(job, kernelsFor(d), () => onRestart(Atomics.load(control, 3)))
      : { restart: -1, labels: null, count: 0 };
  // Wait until every worker that joined has handed back: a worker joins before it claims a restart,
  // so once the calling thread has found no restart left to claim, the joined ones are all that take
  // part. (A calling thread that only waits also waits for every restart, or for a failure.)
  for (;;) {
    const finished = Atomics.load(control, 1);
    const over = callerRuns || Atomics.load(control, 3) >= restarts || Atomics.load(control, 4) > 0;
    if (over && finished >= Atomics.load(control, 2)) break;
    Atomics.wait(control, 1, finished, 50);
  }
  const shares = [own];
  let failure: string | undefined;
  for (const { worker, port } of started) {
    const received = threads?.receiveMessageOnPort(port)?.message as
      | { restart: number; labels: Int32Array | null; count: number; error?: undefined }
      | { error: string }
      | undefined;
    if (received !== undefined) {
      if (received.error !== undefined) failure ??= received.error;
      else shares.push(received);
    }
    port.close();
    worker.terminate();
  }
  if (failure !== undefined) throw new Error(`k-means restart worker failed: ${failure}`);
  onRestart(restarts);
  const restartInertias: number[] = [];
  let bestRestart = 0;
  for (let r = 0; r < restarts; r++) {
    restartInertias.push(results[r * stride] as number);
    if ((restartInertias[r] as number) < (restartInertias[bestRestart] as number)) bestRestart = r;
  }
  const labels = shares.find((share) => share.restart === bestRestart)?.labels;
  if (labels === undefined || labels === null)
    throw new Error("k-means: the best restart's labels are missing");
  const at = bestRestart * stride;
  return {
    centres: results.slice(at + 3, at + stride),
    labels,
    inertia: results[at] as number,
    iterations: results[at + 1] as number,
    converged: results[at + 2] === 1,
    restartInertias,
    bestRestart,
    workerRestarts: restarts - own.count,
  };
}
