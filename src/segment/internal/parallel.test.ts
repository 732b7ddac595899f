import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/index.js";
import { kernelSettings } from "./kernels/kernels.js";
import { seedingDrawCount, seedingDraws, useBounds } from "./lloyd.js";
import { runRestarts } from "./parallel.js";

function mixture(seed: number, n: number, d: number): Float64Array {
  const random = createRandom(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const group = random.integer(5);
    for (let j = 0; j < d; j++)
      data[i * d + j] = j % 2 === 0 ? random.normal(group * 1.5, 1) : Math.exp(random.normal(group / 3, 0.5));
  }
  return data;
}

function restartsOf(data: Float64Array, n: number, d: number, k: number, restarts: number) {
  const random = createRandom(3);
  const draws = new Float64Array(restarts * seedingDrawCount(k));
  for (let r = 0; r < restarts; r++) draws.set(seedingDraws(random.fork(), n, k), r * seedingDrawCount(k));
  const settings = { data, n, d, k, restarts, draws, initial: null, maxIterations: 100, shiftTolerance: 0 };
  return (workers: number, callerRuns = true) =>
    runRestarts({ ...settings, bounded: useBounds(n, k) }, workers, () => {}, callerRuns);
}

function comparable(outcome: ReturnType<ReturnType<typeof restartsOf>>) {
  const { workerRestarts, ...run } = outcome;
  return { ...run, centres: Array.from(run.centres), labels: Array.from(run.labels) };
}

describe("restarts on worker threads", () => {
  for (const [d, k] of [
    [3, 6],
    [8, 5],
    [2, 2],
    [20, 4],
  ] as const) {
    it(`restarts run on workers give the serial outcome bit for bit (d = ${d}, k = ${k})`, () => {
      const n = 3000;
      const run = restartsOf(mixture(10 + d, n, d), n, d, k, 5);
      const serial = run(0);
      expect(serial.workerRestarts).toBe(0);
      const onWorkers = run(2, false);
      expect(onWorkers.workerRestarts).toBe(5);
      expect(comparable(onWorkers)).toEqual(comparable(serial));
      const shared = run(1);
      expect(comparable(shared)).toEqual(comparable(serial));
    });
  }

  it("workers run the general loops where the calling thread does (code generation off), same outcome", () => {
    const n = 2500;
    const run = restartsOf(mixture(4, n, 3), n, 3, 4, 3);
    const compiled = comparable(run(0));
    kernelSettings.compile = false;
    try {
      expect(comparable(run(1, false))).toEqual(compiled);
    } finally {
      kernelSettings.compile = true;
    }
  });

  // The workers are started from the engine's own text; a bundler (tsup uses esbuild) may rename
  // functions. Bundle this module as the package build does, ESM and CommonJS, and run it.
  it("the bundled ESM and CommonJS builds run restarts on workers with the serial outcome", async () => {
    const directory = mkdtempSync(join(tmpdir(), "clientele-kmeans-workers-"));
    try {
      const entry = join(directory, "entry.ts");
      const here = fileURLToPath(new URL(".", import.meta.url));
      writeFileSync(
        entry,
        `import { createRandom } from ${JSON.stringify(join(here, "../../core/index.js"))};
import { seedingDrawCount, seedingDraws, useBounds } from ${JSON.stringify(join(here, "lloyd.js"))};
import { runRestarts } from ${JSON.stringify(join(here, "parallel.js"))};
export function check() {
  const n = 2500, d = 3, k = 5, restarts = 4;
  const random = createRandom(9);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) data[i] = random.normal(random.integer(3) * 2, 1);
  const draws = new Float64Array(restarts * seedingDrawCount(k));
  const seeds = createRandom(2);
  for (let r = 0; r < restarts; r++) draws.set(seedingDraws(seeds.fork(), n, k), r * seedingDrawCount(k));
  const settings = { data, n, d, k, restarts, draws, initial: null, maxIterations: 100, shiftTolerance: 0, bounded: useBounds(n, k) };
  const run = (workers, callerRuns) => runRestarts(settings, workers, () => {}, callerRuns);
  const serial = run(0, true);
  const parallel = run(2, false);
  const same = JSON.stringify([serial.restartInertias, serial.bestRestart, Array.from(serial.labels)]) ===
    JSON.stringify([parallel.restartInertias, parallel.bestRestart, Array.from(parallel.labels)]);
  return { same, workerRestarts: parallel.workerRestarts };
}
`,
      );
      for (const format of ["esm", "cjs"] as const) {
        const outfile = join(directory, `bundle.${format === "esm" ? "mjs" : "cjs"}`);
        await build({
          entryPoints: [entry],
          bundle: true,
          format,
          platform: "neutral",
          target: "es2022",
          outfile,
        });
        const runner =
          format === "esm"
            ? `import(${JSON.stringify(outfile)}).then((m) => console.log(JSON.stringify(m.check())))`
            : `console.log(JSON.stringify(require(${JSON.stringify(outfile)}).check()))`;
        const output = execFileSync(process.execPath, ["-e", runner], { encoding: "utf8" });
        expect({ format, ...JSON.parse(output) }).toEqual({ format, same: true, workerRestarts: 4 });
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
