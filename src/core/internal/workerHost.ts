/**
 * What the worker-thread speed-ups (k-means restarts, logistic training passes) need from the host, in
 * one place: Node's `worker_threads` where shared memory and a blocking `Atomics.wait` work, and the
 * threads the machine offers beyond the calling one. Anywhere else (browsers, Deno, Bun, Node without
 * `process.getBuiltinModule`) both say "none", and callers run everything on the calling thread.
 */

/** The end of a `MessageChannel` a worker or the calling thread holds. */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  close(): void;
}

/** A worker thread, as the callers use it. */
export interface WorkerLike {
  on(event: "error", listener: () => void): unknown;
  unref(): void;
  terminate(): unknown;
}

/** The parts of `node:worker_threads` the callers use. */
export interface WorkerThreads {
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

/** A Node built-in module, where this is Node with `process.getBuiltinModule`, else undefined. */
function nodeModule<M>(id: string): M | undefined {
  const host = globalThis as Host;
  if (host.Deno !== undefined || host.Bun !== undefined || host.process?.versions?.node === undefined)
    return undefined;
  try {
    return host.process.getBuiltinModule?.(id) as M | undefined;
  } catch {
    return undefined;
  }
}

/** Node's worker_threads where work can run on workers over shared memory, else undefined. */
export function workerThreads(): WorkerThreads | undefined {
  if (typeof SharedArrayBuffer !== "function" || typeof Atomics?.wait !== "function") return undefined;
  return nodeModule<WorkerThreads>("node:worker_threads");
}

/** Threads this machine offers beyond the calling one (0 where workers cannot run). */
export function spareThreads(): number {
  if (workerThreads() === undefined) return 0;
  try {
    const os = nodeModule<{ availableParallelism?: () => number; cpus: () => unknown[] }>("node:os");
    const threads = os?.availableParallelism?.() ?? os?.cpus().length ?? 1;
    return Math.max(0, threads - 1);
  } catch {
    return 0;
  }
}
