/**
 * Segmentation benchmark: Lloyd iterations and full k-means runs of clientele against
 * ml-kmeans 7 called directly (number[][] input, converted before timing) and a
 * single-threaded C implementation of the same Lloyd iteration (bench/segment-lloyd.c,
 * built with gcc -O2 when gcc exists, skipped otherwise).
 *
 * Data: seeded mixtures of 8 groups, half the columns Gaussian and half log-normal:
 * 100,000 x 8 and 1,000,000 x 3; k = 6, 7, 8.
 * - "per iteration": the same initial centres (k-means++ from seed 1), 10 Lloyd iterations
 *   (convergence checks disabled), median of 3. clientele's default kernel (the one `kMeans`
 *   runs: Lloyd with Hamerly's bounds, identical assignments) and its plain kernel (every
 *   distance, like ml-kmeans and the C program) are both reported.
 * - "total": one full run from k-means++ seeding to convergence with each library's own
 *   defaults (clientele: tolerance 1e-4 relative, restarts 1; ml-kmeans: tolerance 1e-6, max 100 iterations).
 * Times are process CPU time (`process.cpuUsage`, `CLOCK_PROCESS_CPUTIME_ID` in C), not
 * wall time: the bench machine is shared, and CPU time is far less sensitive to that.
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

const ITERATIONS = 10;

function mixture(n: number, d: number, seed: number): number[][] {
  const random = createRandom(seed);
  const groups = 8;
  const centres = Array.from({ length: groups }, () => Array.from({ length: d }, () => random.normal(0, 3)));
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const centre = centres[random.integer(groups)] as number[];
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) {
      const mean = centre[j] as number;
      row[j] = j % 2 === 0 ? random.normal(mean, 1) : Math.exp(mean / 3 + random.normal(0, 0.4));
    }
    rows.push(row);
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

function timeC(
  binary: string,
  directory: string,
  data: Float64Array,
  n: number,
  d: number,
  centres: Float64Array,
  k: number,
  maxIterations: number,
) {
  const dataPath = join(directory, `data-${n}-${d}.f64`);
  const centresPath = join(directory, `centres-${k}.f64`);
  writeFileSync(dataPath, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  writeFileSync(centresPath, new Uint8Array(centres.buffer, centres.byteOffset, centres.byteLength));
  const times: number[] = [];
  let iterations = 0;
  for (let repeat = 0; repeat < 3; repeat++) {
    const output = execFileSync(
      binary,
      [dataPath, String(n), String(d), centresPath, String(k), String(maxIterations)],
      {
        encoding: "utf8",
      },
    );
    const [iterationText, msText] = output.trim().split(" ");
    iterations = Number(iterationText);
    times.push(Number(msText));
  }
  times.sort((a, b) => a - b);
  return { ms: times[1] as number, iterations };
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
  // Warm up the kernels on a small problem so the first timed case is not paying for compilation.
  {
    const warm = mixture(20_000, 3, 1);
    const flat = Float64Array.from(warm.flat());
    const start = kMeansPlusPlus(flat, 20_000, 3, 6, createRandom(1));
    countSteps(lloydIterations(flat, 20_000, 3, start, 6, 5, -1));
    countSteps(lloydIterations(flat, 20_000, 3, start, 6, 5, -1, undefined, false));
    mlKMeans(warm, 6, { seed: 1, maxIterations: 5 });
  }
  const rows: BenchRow[] = [];
  const directory = mkdtempSync(join(tmpdir(), "clientele-segment-bench-"));
  const binary = buildC(directory);
  try {
    for (const [n, d] of [
      [100_000, 8],
      [1_000_000, 3],
    ] as const) {
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

        // Per iteration: same start, ITERATIONS Lloyd steps, no early stop by tolerance.
        const ourDefault = cpuTime(() => countSteps(lloydIterations(data, n, d, initial, k, ITERATIONS, -1)));
        const ourPlain = cpuTime(() =>
          countSteps(lloydIterations(data, n, d, initial, k, ITERATIONS, -1, undefined, false)),
        );
        const peer = cpuTime(
          () =>
            mlKMeans(points, k, {
              initialization: initialRows.map((row) => row.slice()),
              maxIterations: ITERATIONS,
              tolerance: -1,
            }).iterations,
        );
        const ourPerIteration = ourDefault.ms / ourDefault.value;
        const plainPerIteration = ourPlain.ms / ourPlain.value;
        const peerPerIteration = peer.ms / peer.value;
        let compiledNote = "gcc absent: no compiled comparison";
        if (binary !== undefined) {
          const compiled = timeC(binary, directory, data, n, d, initial, k, ITERATIONS);
          const compiledPerIteration = compiled.ms / compiled.iterations;
          compiledNote = `C -O2 single thread ${compiledPerIteration.toFixed(1)} ms/iteration: clientele / C = ${(ourPerIteration / compiledPerIteration).toFixed(2)}x (plain kernel ${(plainPerIteration / compiledPerIteration).toFixed(2)}x)`;
        }
        rows.push({
          case: `${label}, k = ${k}, per Lloyd iteration (CPU)`,
          clienteleMs: ourPerIteration,
          peer: "ml-kmeans 7",
          peerMs: peerPerIteration,
          note: `${ourDefault.value} vs ${peer.value} iterations from the same centres; clientele plain kernel ${plainPerIteration.toFixed(1)} ms; ${compiledNote}`,
        });

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
