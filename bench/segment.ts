/**
 * Segmentation benchmark: Lloyd iterations and full k-means runs of clientele against
 * ml-kmeans 7 called directly (number[][] input, converted before timing) and a
 * single-threaded C implementation of the same Lloyd iteration (bench/segment-lloyd.c,
 * built with gcc -O2 when gcc exists, skipped otherwise).
 *
 * Data: seeded mixtures of 8 groups, half the columns Gaussian and half log-normal
 * (bench/segment-data.ts): 100,000 x 8 and 1,000,000 x 3; k = 6, 7, 8.
 * - "per iteration": the same initial centres (k-means++ from seed 1), 10 Lloyd iterations
 *   (convergence checks disabled). clientele's default kernel (the one `kMeans` runs: Lloyd
 *   with Hamerly's bounds, identical assignments), its plain kernel (every distance, like
 *   ml-kmeans and the C program) and the C program are run interleaved, C first, ROUNDS times
 *   each; the table shows the minimum over the rounds (the least disturbed run on a shared
 *   machine) and the note gives the medians too. ml-kmeans: median of 3.
 * - "total": one full run from k-means++ seeding to convergence with each library's own
 *   defaults (clientele: tolerance 1e-4 relative, restarts 1; ml-kmeans: tolerance 1e-6, max 100 iterations).
 * Times are process CPU time (`process.cpuUsage`, `CLOCK_PROCESS_CPUTIME_ID` in C), not
 * wall time: the bench machine is shared, and CPU time is far less sensitive to that.
 *
 * Environment: `SEGMENT_BENCH_CASES=1m` runs only the 1,000,000 x 3 cases, `=100k` only the
 * 100,000 x 8 ones (default: both); `SEGMENT_BENCH_ROUNDS` sets ROUNDS (default 5);
 * `SEGMENT_BENCH_TOTALS=0` skips the "total" rows and ml-kmeans (kernel work only), e.g.
 * `SEGMENT_BENCH_CASES=1m SEGMENT_BENCH_TOTALS=0 npx tsx bench/single.ts segment`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { kmeans as mlKMeans } from "ml-kmeans";
import { createRandom } from "../src/core/index.js";
import { featureMatrix } from "../src/segment/featureMatrix.js";
import { kMeansPlusPlus, lloydIterations } from "../src/segment/internal/lloyd.js";
import { kMeans } from "../src/segment/kMeans.js";
import type { BenchRow } from "./harness.js";
import { mixture } from "./segment-data.js";

const ITERATIONS = 10;
const ROUNDS = Math.max(1, Number(process.env.SEGMENT_BENCH_ROUNDS ?? 5));
const CASES = process.env.SEGMENT_BENCH_CASES ?? "all";
const TOTALS = process.env.SEGMENT_BENCH_TOTALS !== "0";

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
  // Warm up the kernels on small problems so the first timed case is not paying for compilation.
  for (const d of [3, 8]) {
    const warm = mixture(20_000, d, 1);
    const flat = Float64Array.from(warm.flat());
    for (const k of [6, 8]) {
      const start = kMeansPlusPlus(flat, 20_000, d, k, createRandom(1));
      countSteps(lloydIterations(flat, 20_000, d, start, k, 5, -1));
      countSteps(lloydIterations(flat, 20_000, d, start, k, 5, -1, undefined, false));
    }
    if (TOTALS) mlKMeans(warm, 6, { seed: 1, maxIterations: 5 });
  }
  const shapes = (
    [
      [100_000, 8],
      [1_000_000, 3],
    ] as const
  ).filter(([n]) => CASES === "all" || CASES === (n === 100_000 ? "100k" : "1m"));
  const rows: BenchRow[] = [];
  const directory = mkdtempSync(join(tmpdir(), "clientele-segment-bench-"));
  const binary = buildC(directory);
  try {
    for (const [n, d] of shapes) {
      const points = mixture(n, d, 20240601 + d);
      const features = featureMatrix(points, {
        fields: Object.fromEntries(Array.from({ length: d }, (_, j) => [`x${j}`, (row: number[]) => row[j]])),
        transforms: "none",
      });
      const data = features.matrix;
      const label = `${n.toLocaleString("en")} x ${d}`;
      for (const k of [6, 7, 8]) {
        const initial = kMeansPlusPlus(data, n, d, k, createRandom(1));
        const initialRows = Array.from({ length: k }, (_, c) =>
          Array.from(initial.subarray(c * d, c * d + d)),
        );

        // Per iteration: same start, ITERATIONS Lloyd steps, no early stop by tolerance; C, the
        // default kernel and the plain kernel interleaved, ROUNDS times, ms per iteration each.
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
          const ourDefault = cpuOnce(() =>
            countSteps(lloydIterations(data, n, d, initial, k, ITERATIONS, -1)),
          );
          defaultTimes.push(ourDefault.ms / ourDefault.value);
          ourIterations = ourDefault.value;
          const ourPlain = cpuOnce(() =>
            countSteps(lloydIterations(data, n, d, initial, k, ITERATIONS, -1, undefined, false)),
          );
          plainTimes.push(ourPlain.ms / ourPlain.value);
        }
        const ourPerIteration = minimum(defaultTimes);
        const plainPerIteration = minimum(plainTimes);
        let compiledNote = "gcc absent: no compiled comparison";
        if (compiledTimes.length > 0) {
          const compiledPerIteration = minimum(compiledTimes);
          compiledNote =
            `C -O2 single thread ${compiledPerIteration.toFixed(1)} ms/iteration: ` +
            `clientele / C = ${(ourPerIteration / compiledPerIteration).toFixed(2)}x ` +
            `(plain kernel ${(plainPerIteration / compiledPerIteration).toFixed(2)}x); ` +
            `min of ${ROUNDS} interleaved runs each; medians: clientele ${median(defaultTimes).toFixed(1)}, ` +
            `C ${median(compiledTimes).toFixed(1)} ms = ${(median(defaultTimes) / median(compiledTimes)).toFixed(2)}x`;
        }
        let peerMs = Number.NaN;
        let peerNote = "";
        if (TOTALS) {
          const peer = cpuTime(
            () =>
              mlKMeans(points, k, {
                initialization: initialRows.map((row) => row.slice()),
                maxIterations: ITERATIONS,
                tolerance: -1,
              }).iterations,
          );
          peerMs = peer.ms / peer.value;
          peerNote = ` vs ${peer.value}`;
        }
        rows.push({
          case: `${label}, k = ${k}, per Lloyd iteration (CPU)`,
          clienteleMs: ourPerIteration,
          peer: TOTALS ? "ml-kmeans 7" : "",
          peerMs,
          note: `${ourIterations}${peerNote} iterations from the same centres; clientele plain kernel ${plainPerIteration.toFixed(1)} ms; ${compiledNote}`,
        });

        if (!TOTALS) continue;
        // Total: k-means++ seeding to convergence, one start each.
        const total = cpuTime(() => kMeans(points, { k, features, seed: 1, restarts: 1 }).iterations, 1);
        const peerTotal = cpuTime(() => mlKMeans(points, k, { seed: 1 }).iterations, 1);
        rows.push({
          case: `${label}, k = ${k}, total (k-means++ to convergence, CPU)`,
          clienteleMs: total.ms,
          peer: "ml-kmeans 7",
          peerMs: peerTotal.ms,
          note: `${total.value} vs ${peerTotal.value} iterations (different stopping rules)`,
        });
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return rows;
}
