/**
 * Segmentation benchmark.
 *
 * 1. "default call": `kMeans(records, { k, matrix, seed: 1 })` as a user calls it (restarts 10,
 *    tolerance 1e-4, maxIterations 300, workers "auto"), against scikit-learn's
 *    `KMeans(n_clusters=k, n_init=10, algorithm="lloyd")` on one thread (OMP_NUM_THREADS=1,
 *    OPENBLAS_NUM_THREADS=1) and on its default threads, same data (written to a file and read by
 *    both). Each tool runs in its own process per round, rounds interleaved (clientele, sklearn 1
 *    thread, sklearn default); each process times a cold call (the first in the process, library
 *    already loaded) and SEGMENT_BENCH_WARM warm calls. Wall time (what a user waits); the note
 *    gives cold and warm, min and median over rounds, inertias, workers and peak memory.
 *    Cases: 1,000,000 x 3, k = 8 and 100,000 x 8, k = 6; with SEGMENT_BENCH_LARGE=1 also
 *    10,000,000 x 3, k = 8 (clientele only, for memory: peak RSS beyond the input matrix).
 * 2. "per Lloyd iteration": the kernels alone. The same initial centres (k-means++ from seed 1),
 *    10 Lloyd iterations (convergence checks disabled): the default kernel (Hamerly's bounds,
 *    identical assignments), the plain kernel (every distance, like ml-kmeans and the C program),
 *    a single-threaded C implementation (bench/segment-lloyd.c, gcc -O2, when gcc exists) run
 *    interleaved, ROUNDS times; process CPU time; min (the least disturbed run on a shared
 *    machine) and median. ml-kmeans 7 (number[][] input): median of 3.
 *
 * Data: seeded mixtures of 8 groups, half the columns Gaussian and half log-normal
 * (bench/segment-data.ts).
 *
 * Environment: `SEGMENT_BENCH_CASES=1m` or `=100k` runs one shape (default both);
 * `SEGMENT_BENCH_ROUNDS` (default 5) rounds of the per-iteration part; `SEGMENT_BENCH_CALL_ROUNDS`
 * (default 3) rounds of the default-call part, `SEGMENT_BENCH_WARM` (default 2) warm calls per
 * process; `SEGMENT_BENCH_DEFAULT=0` skips the default-call part, `SEGMENT_BENCH_ITERATIONS=0`
 * the per-iteration part; `SKLEARN_PYTHON` the Python with scikit-learn (default /usr/bin/python3,
 * then python3), e.g. `SEGMENT_BENCH_CASES=1m npx tsx bench/single.ts segment`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { kmeans as mlKMeans } from "ml-kmeans";
import { createRandom } from "../src/core/index.js";
import { featureMatrix } from "../src/segment/featureMatrix.js";
import { kMeansPlusPlus, lloydIterations } from "../src/segment/internal/lloyd.js";
import { autoWorkers } from "../src/segment/internal/parallel.js";
import { kMeans } from "../src/segment/kMeans.js";
import type { BenchRow } from "./harness.js";
import { mixture, mixtureMatrix } from "./segment-data.js";

const ITERATIONS = 10;
const ROUNDS = Math.max(1, Number(process.env.SEGMENT_BENCH_ROUNDS ?? 5));
const CALL_ROUNDS = Math.max(1, Number(process.env.SEGMENT_BENCH_CALL_ROUNDS ?? 3));
const WARM = Math.max(1, Number(process.env.SEGMENT_BENCH_WARM ?? 2));
const CASES = process.env.SEGMENT_BENCH_CASES ?? "all";
const DEFAULT_CALL = process.env.SEGMENT_BENCH_DEFAULT !== "0";
const PER_ITERATION = process.env.SEGMENT_BENCH_ITERATIONS !== "0";
const LARGE = process.env.SEGMENT_BENCH_LARGE === "1";

/** scikit-learn side of the default-call rows: cold and warm fits on the data file, as JSON. */
const SKLEARN_SCRIPT = `
import json, sys, time
import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info
path, n, d, k, warm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(path, dtype=np.float64).reshape(n, d)
times = []
cpu = []
for i in range(1 + warm):
    start = time.perf_counter()
    start_cpu = time.process_time()
    model = KMeans(n_clusters=k, n_init=10, algorithm="lloyd", random_state=i).fit(X)
    times.append((time.perf_counter() - start) * 1000)
    cpu.append((time.process_time() - start_cpu) * 1000)
pools = [f"{p['internal_api']} {p['num_threads']} thread(s)" for p in threadpool_info()]
print(json.dumps({"times": times, "cpu": cpu, "inertia": float(model.inertia_), "iterations": int(model.n_iter_),
                  "version": sklearn.__version__, "pools": pools}))
`;

interface CallTimes {
  readonly times: number[];
  /** Process CPU time of each call, all threads. */
  readonly cpu: number[];
  readonly inertia: number;
  readonly iterations: number;
  readonly version?: string;
  readonly pools?: string[];
  readonly workers?: number;
  readonly extraMb?: number;
}

/** The clientele side of the default-call rows (run as a child: `bench/segment.ts --segment-child ...`). */
function childCalls(path: string, n: number, d: number, k: number, warm: number): CallTimes {
  const bytes = readFileSync(path);
  const data = new Float64Array(bytes.buffer, bytes.byteOffset, n * d);
  // One shared (empty) record per row: the fields read the data file by row index.
  const records: readonly object[] = new Array<object>(n).fill({});
  const matrix = featureMatrix(records, {
    fields: Object.fromEntries(
      Array.from({ length: d }, (_, j) => [`x${j}`, (_record: object, i: number) => data[i * d + j]]),
    ),
    transforms: "none",
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  const cpu: number[] = [];
  let model: ReturnType<typeof kMeans<object>> | undefined;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  for (let call = 0; call < 1 + warm; call++) {
    gc?.();
    const start = performance.now();
    const startCpu = process.cpuUsage();
    model = kMeans(records, { k, matrix, seed: 1 });
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  const fitted = model as NonNullable<typeof model>;
  return {
    times,
    cpu,
    inertia: fitted.inertia,
    iterations: fitted.iterations,
    workers: autoWorkers(n, d, k, 10),
    // Peak resident memory during the calls beyond what the process held before them (the
    // records, the input matrix and its raw copy); 0 when an earlier phase peaked higher.
    extraMb: peak > peakBefore ? (peak - rssBefore) / 2 ** 20 : 0,
  };
}

if (process.argv[2] === "--segment-child") {
  const [path, n, d, k, warm] = process.argv.slice(3);
  console.log(JSON.stringify(childCalls(path as string, Number(n), Number(d), Number(k), Number(warm))));
}

function sklearnPython(): string | undefined {
  for (const python of [process.env.SKLEARN_PYTHON, "/usr/bin/python3", "python3"]) {
    if (python === undefined || (python.startsWith("/") && !existsSync(python))) continue;
    const probe = spawnSync(python, ["-c", "import sklearn, threadpoolctl"], { encoding: "utf8" });
    if (probe.status === 0) return python;
  }
  return undefined;
}

function runJson(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): CallTimes {
  const output = execFileSync(command, args, { encoding: "utf8", env, maxBuffer: 1 << 24 });
  return JSON.parse(output.trim().split("\n").at(-1) as string) as CallTimes;
}

const format = (ms: number) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const spread = (values: readonly number[]) => `${format(minimum(values))}/${format(median(values))}`;

/** Default-call rows: clientele, sklearn on one thread, sklearn on its default threads, interleaved. */
function defaultCallRows(
  directory: string,
  shapes: readonly (readonly [number, number, number])[],
): BenchRow[] {
  const python = sklearnPython();
  if (python === undefined)
    console.log("segment bench: no Python with scikit-learn; default-call peers skipped");
  const rows: BenchRow[] = [];
  const self = fileURLToPath(import.meta.url);
  for (const [n, d, k] of shapes) {
    const path = join(directory, `call-${n}-${d}.f64`);
    const data = mixtureMatrix(n, d, 20240601 + d);
    writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const args = [path, String(n), String(d), String(k), String(WARM)];
    const ours: CallTimes[] = [];
    const single: CallTimes[] = [];
    const multi: CallTimes[] = [];
    const peers = python !== undefined && n <= 1_000_000;
    for (let round = 0; round < CALL_ROUNDS; round++) {
      ours.push(
        runJson(process.execPath, ["--expose-gc", "--import", "tsx", self, "--segment-child", ...args]),
      );
      if (!peers) continue;
      const one = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
      single.push(runJson(python, ["-c", SKLEARN_SCRIPT, ...args], one));
      multi.push(runJson(python, ["-c", SKLEARN_SCRIPT, ...args]));
    }
    const cold = (runs: CallTimes[]) => runs.map((run) => run.times[0] as number);
    const warm = (runs: CallTimes[]) => runs.flatMap((run) => run.times.slice(1));
    const warmCpu = (runs: CallTimes[]) => runs.flatMap((run) => run.cpu.slice(1));
    const label = `${n.toLocaleString("en")} x ${d}, k = ${k}`;
    const workers = ours[0]?.workers ?? 0;
    const options = `restarts 10, workers "auto" (${workers} here), tolerance 1e-4, maxIterations 300`;
    const oursNote =
      `clientele cold min/median ${spread(cold(ours))} ms, warm ${spread(warm(ours))} ms ` +
      `(${CALL_ROUNDS} processes, ${WARM} warm calls each), warm CPU (all threads) ${spread(warmCpu(ours))} ms; inertia ${ours[0]?.inertia.toPrecision(10)}; ` +
      `peak memory beyond the input ${Math.max(...ours.map((run) => run.extraMb ?? 0)).toFixed(0)} MB`;
    if (!peers) {
      rows.push({
        case: `kMeans default call (${options}), ${label}, wall`,
        clienteleMs: median(warm(ours)),
        peer: "",
        peerMs: Number.NaN,
        note: oursNote,
      });
      continue;
    }
    const version = single[0]?.version ?? "?";
    const sklearnNote = (runs: CallTimes[]) =>
      `sklearn cold ${spread(cold(runs))} ms, warm ${spread(warm(runs))} ms, warm CPU ${spread(warmCpu(runs))} ms, inertia ${runs[0]?.inertia.toPrecision(10)} ` +
      `(${runs[0]?.pools?.join(", ") || "no thread pools"})`;
    const target = median(warm(single)) / median(warm(ours));
    rows.push({
      case: `kMeans default call (${options}), ${label}, wall, warm median`,
      clienteleMs: median(warm(ours)),
      peer: `scikit-learn ${version} KMeans(n_init=10), 1 thread`,
      peerMs: median(warm(single)),
      note: `target sklearn 1 thread / clientele >= 1.5x: ${target.toFixed(2)}x ${target >= 1.5 ? "met" : "NOT met"}; ${oursNote}; ${sklearnNote(single)}`,
    });
    rows.push({
      case: `kMeans default call (${options}), ${label}, wall, warm median`,
      clienteleMs: median(warm(ours)),
      peer: `scikit-learn ${version} KMeans(n_init=10), default threads`,
      peerMs: median(warm(multi)),
      note: sklearnNote(multi),
    });
  }
  return rows;
}

function buildC(directory: string): string | undefined {
  const source = fileURLToPath(new URL("./segment-lloyd.c", import.meta.url));
  const binary = join(directory, "segment-lloyd");
  const gcc = spawnSync("gcc", ["-O2", "-o", binary, source], { encoding: "utf8" });
  if (gcc.error !== undefined || gcc.status !== 0) {
    console.log(
      `segment bench: gcc not available (${gcc.error?.message ?? gcc.stderr}); compiled comparison skipped`,
    );
    return undefined;
  }
  return binary;
}

/** Writes the data and centres for the C program; returns its argument list. */
function writeCInput(
  directory: string,
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  maxIterations: number,
): string[] {
  const dataPath = join(directory, `data-${n}-${d}.f64`);
  const centresPath = join(directory, `centres-${n}-${d}-${k}.f64`);
  writeFileSync(dataPath, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  writeFileSync(centresPath, new Uint8Array(centres.buffer, centres.byteOffset, centres.byteLength));
  return [dataPath, String(n), String(d), centresPath, String(k), String(maxIterations)];
}

/** One run of the C program: its own CPU time (ms) and iterations. */
function runC(binary: string, args: readonly string[]): { ms: number; iterations: number } {
  const output = execFileSync(binary, args, { encoding: "utf8" });
  const [iterationText, msText] = output.trim().split(" ");
  return { ms: Number(msText), iterations: Number(iterationText) };
}

/** Process CPU time (ms) of one call of `fn`, and its value. */
function cpuOnce<R>(fn: () => R): { ms: number; value: R } {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { ms: (used.user + used.system) / 1000, value };
}

function minimum(values: readonly number[]): number {
  return Math.min(...values);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median process CPU time (ms) of `fn` over `repeat` runs, and its last value. */
function cpuTime<R>(fn: () => R, repeat = 3): { ms: number; value: R } {
  const times: number[] = [];
  let value: R | undefined;
  for (let i = 0; i < repeat; i++) {
    const before = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, value: value as R };
}

function countSteps(steps: Iterable<unknown>): number {
  let count = 0;
  for (const _ of steps) count++;
  return count;
}

export async function run(): Promise<BenchRow[]> {
  const wanted = ([100_000, 1_000_000] as const).filter(
    (n) => CASES === "all" || CASES === (n === 100_000 ? "100k" : "1m"),
  );
  const rows: BenchRow[] = [];
  const directory = mkdtempSync(join(tmpdir(), "clientele-segment-bench-"));
  try {
    if (DEFAULT_CALL) {
      const calls = [
        ...(wanted.includes(1_000_000) ? [[1_000_000, 3, 8] as const] : []),
        ...(wanted.includes(100_000) ? [[100_000, 8, 6] as const] : []),
        ...(LARGE ? [[10_000_000, 3, 8] as const] : []),
      ];
      rows.push(...defaultCallRows(directory, calls));
    }
    if (PER_ITERATION) rows.push(...perIterationRows(directory, wanted));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return rows;
}

/** Per-iteration rows: the kernels alone, against the C program and ml-kmeans. */
function perIterationRows(directory: string, wanted: readonly number[]): BenchRow[] {
  // Warm up the kernels on small problems so the first timed case is not paying for compilation.
  for (const d of [3, 8]) {
    const warm = mixture(20_000, d, 1);
    const flat = Float64Array.from(warm.flat());
    for (const k of [6, 8]) {
      const start = kMeansPlusPlus(flat, 20_000, d, k, createRandom(1));
      countSteps(lloydIterations(flat, 20_000, d, start, k, 5, -1));
      countSteps(lloydIterations(flat, 20_000, d, start, k, 5, -1, undefined, false));
    }
    mlKMeans(warm, 6, { seed: 1, maxIterations: 5 });
  }
  const shapes = (
    [
      [100_000, 8],
      [1_000_000, 3],
    ] as const
  ).filter(([n]) => wanted.includes(n));
  const rows: BenchRow[] = [];
  const binary = buildC(directory);
  for (const [n, d] of shapes) {
    const points = mixture(n, d, 20240601 + d);
    const data = mixtureMatrix(n, d, 20240601 + d);
    const label = `${n.toLocaleString("en")} x ${d}`;
    for (const k of [6, 7, 8]) {
      const initial = kMeansPlusPlus(data, n, d, k, createRandom(1));
      const initialRows = Array.from({ length: k }, (_, c) => Array.from(initial.subarray(c * d, c * d + d)));
      // Same start, ITERATIONS Lloyd steps, no early stop by tolerance; C, the default kernel and
      // the plain kernel interleaved, ROUNDS times, ms per iteration each.
      const cArgs =
        binary === undefined ? undefined : writeCInput(directory, data, n, d, initial, k, ITERATIONS);
      const compiledTimes: number[] = [];
      const defaultTimes: number[] = [];
      const plainTimes: number[] = [];
      let ourIterations = 0;
      for (let round = 0; round < ROUNDS; round++) {
        if (binary !== undefined && cArgs !== undefined) {
          const compiled = runC(binary, cArgs);
          compiledTimes.push(compiled.ms / compiled.iterations);
        }
        const ourDefault = cpuOnce(() => countSteps(lloydIterations(data, n, d, initial, k, ITERATIONS, -1)));
        defaultTimes.push(ourDefault.ms / ourDefault.value);
        ourIterations = ourDefault.value;
        const ourPlain = cpuOnce(() =>
          countSteps(lloydIterations(data, n, d, initial, k, ITERATIONS, -1, undefined, false)),
        );
        plainTimes.push(ourPlain.ms / ourPlain.value);
      }
      let compiledNote = "gcc absent: no compiled comparison";
      if (compiledTimes.length > 0) {
        compiledNote =
          `C -O2 single thread min/median ${spread(compiledTimes)} ms/iteration: clientele / C = ` +
          `${(minimum(defaultTimes) / minimum(compiledTimes)).toFixed(2)}x (min), ` +
          `${(median(defaultTimes) / median(compiledTimes)).toFixed(2)}x (median)`;
      }
      const peer = cpuTime(
        () =>
          mlKMeans(points, k, {
            initialization: initialRows.map((row) => row.slice()),
            maxIterations: ITERATIONS,
            tolerance: -1,
          }).iterations,
      );
      rows.push({
        case: `${label}, k = ${k}, per Lloyd iteration (kernel only, same start, ${ITERATIONS} iterations, CPU, min)`,
        clienteleMs: minimum(defaultTimes),
        peer: "ml-kmeans 7",
        peerMs: peer.ms / peer.value,
        note:
          `clientele default kernel min/median ${spread(defaultTimes)} ms, plain kernel ${spread(plainTimes)} ms ` +
          `(${ROUNDS} interleaved rounds); ${compiledNote}; ml-kmeans median of 3, ${ourIterations} vs ${peer.value} iterations`,
      });
    }
  }
  return rows;
}
