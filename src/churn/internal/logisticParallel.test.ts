import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRandom } from "../../core/index.js";
import { trainChurnModel } from "../trainChurnModel.js";
import { fitLogistic, type LogisticFit, type LogisticProblem } from "./logistic.js";
import { passThreadSettings, startPassThreads } from "./logisticParallel.js";

/**
 * Column-major problem with a known logistic model: `p` dense columns and two categorical features
 * (4 and 3 levels), so the gradient and Hessian cover dense, dummy and dummy x dummy entries.
 */
function problem(rows: number, p: number, seed: number): LogisticProblem {
  const random = createRandom(seed);
  const dense = new Float64Array(rows * p);
  const first = new Int32Array(rows);
  const second = new Int32Array(rows);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    first[i] = random.integer(4);
    second[i] = random.integer(3);
    let eta = -0.6 + 0.3 * (first[i] === 2 ? 1 : 0) - 0.4 * (second[i] === 1 ? 1 : 0);
    for (let j = 0; j < p; j++) {
      const value = random.normal();
      dense[j * rows + i] = value;
      eta += value * 0.25 * ((j % 3) - 1);
    }
    y[i] = random.float() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return {
    dense,
    denseColumns: p,
    codes: [first, second],
    levels: [4, 3],
    y,
    weights: Float64Array.from(y, (label) => (label === 1 ? 1.5 : 1)),
    rows,
    l2: 0,
    maxIterations: 100,
    tolerance: 1e-10,
  };
}

/** A fit on worker threads (started for it and closed after). */
function fitOnThreads(base: LogisticProblem, workers: number, callerRuns: boolean): LogisticFit {
  passThreadSettings.workers = workers;
  passThreadSettings.callerRuns = callerRuns;
  const threads = startPassThreads(base.rows * base.denseColumns);
  expect(threads?.workers).toBe(workers);
  try {
    return fitLogistic({ ...base, threads }, true);
  } finally {
    threads?.close();
  }
}

/** Every number of a fit, as bits (Object.is tells -0 from 0). */
function bits(fit: LogisticFit) {
  const exact = (values: Float64Array | undefined) =>
    Array.from(values ?? [], (value) => (Object.is(value, -0) ? "-0" : value));
  return {
    beta: exact(fit.beta),
    inverseHessian: exact(fit.inverseHessian),
    objective: fit.objective,
    gradientNorm: fit.gradientNorm,
    stop: fit.stop,
    iterations: fit.iterations,
    chordSteps: fit.chordSteps,
  };
}

afterEach(() => {
  passThreadSettings.workers = undefined;
  passThreadSettings.callerRuns = true;
  vi.restoreAllMocks();
});

describe("logistic passes on worker threads", () => {
  it("a fit whose blocks all run on a worker, or on a worker and the calling thread, equals the serial fit bit for bit", () => {
    // 50 000 rows: 7 row blocks of 8 192 (the last one partial), warm start from a subsample first.
    const base = problem(50_000, 7, 3);
    for (const l2 of [0, 1.5]) {
      const serial = fitLogistic({ ...base, l2 }, true);
      expect(serial.stop).toBe("converged");
      expect(bits(fitOnThreads({ ...base, l2 }, 1, false))).toEqual(bits(serial));
      expect(bits(fitOnThreads({ ...base, l2 }, 1, true))).toEqual(bits(serial));
      expect(bits(fitOnThreads({ ...base, l2 }, 2, true))).toEqual(bits(serial));
    }
  });

  it("trainChurnModel gives the same model with a worker, without one, and where workers are unavailable", () => {
    const random = createRandom(8);
    const records = Array.from({ length: 30_000 }, () => {
      const spend = random.normal(50, 20);
      const visits = random.poisson(4);
      const plan = ["basic", "plus", "pro"][random.integer(3)] as string;
      const eta = -1 + 0.03 * (spend - 50) - 0.2 * (visits - 4) + (plan === "pro" ? -0.5 : 0);
      return { spend, visits, plan, churned: random.float() < 1 / (1 + Math.exp(-eta)) ? 1 : 0 };
    });
    const options = {
      label: "churned",
      fields: { numeric: ["spend", "visits"], categorical: ["plan"] },
    } as const;
    const coefficients = () =>
      trainChurnModel(records, options).coefficients.map((row) => [row.term, row.standardizedEstimate]);
    passThreadSettings.workers = 0;
    const serial = coefficients();
    passThreadSettings.workers = 1;
    passThreadSettings.callerRuns = false;
    expect(coefficients()).toEqual(serial);
    // No worker_threads (as on a host without them): no threads, every pass on the calling thread.
    const host = process as { getBuiltinModule?: (id: string) => unknown };
    const original = host.getBuiltinModule?.bind(process);
    vi.spyOn(host, "getBuiltinModule").mockImplementation((id: string) =>
      id === "node:worker_threads" ? undefined : original?.(id),
    );
    expect(startPassThreads(1e9)).toBeUndefined();
    passThreadSettings.callerRuns = true;
    expect(coefficients()).toEqual(serial);
  });

  it("small problems start no worker by default; large ones start one per spare core, at most 3", () => {
    expect(startPassThreads(999_999)).toBeUndefined();
    const threads = startPassThreads(1_000_000);
    try {
      expect(threads === undefined ? 0 : threads.workers).toBeLessThanOrEqual(3);
    } finally {
      threads?.close();
    }
  });

  it("leaves no worker running: a process that trained with one exits by itself", () => {
    const here = fileURLToPath(new URL(".", import.meta.url));
    const script = `
import { trainChurnModel } from ${JSON.stringify(join(here, "../trainChurnModel.ts"))};
import { passThreadSettings } from ${JSON.stringify(join(here, "logisticParallel.ts"))};
passThreadSettings.workers = 1;
passThreadSettings.callerRuns = false;
const records = Array.from({ length: 20000 }, (_, i) => ({ x: (i * 7919) % 1000, churned: ((i * 7919) % 1000) + (i % 13) * 40 > 700 ? 1 : 0 }));
const model = trainChurnModel(records, { label: "churned", fields: { numeric: ["x"] } });
console.log(model.convergence.converged);
`;
    const directory = mkdtempSync(join(tmpdir(), "clientele-churn-exit-"));
    try {
      const file = join(directory, "train.mts");
      writeFileSync(file, script);
      const started = Date.now();
      const output = execFileSync(process.execPath, ["--import", "tsx", file], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(output.trim()).toBe("true");
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  // The workers run the engine's own text; a bundler (tsup uses esbuild) may rename functions. Bundle
  // as the package build does, ESM and CommonJS, and run a fit whose blocks all run on the worker.
  it("the bundled ESM and CommonJS builds fit on a worker with the serial result", async () => {
    const directory = mkdtempSync(join(tmpdir(), "clientele-logistic-workers-"));
    try {
      const here = fileURLToPath(new URL(".", import.meta.url));
      const entry = join(directory, "entry.ts");
      writeFileSync(
        entry,
        `import { fitLogistic } from ${JSON.stringify(join(here, "logistic.js"))};
import { passThreadSettings, startPassThreads } from ${JSON.stringify(join(here, "logisticParallel.js"))};
export function check() {
  const rows = 20000, p = 4;
  const dense = new Float64Array(rows * p);
  const codes = new Int32Array(rows);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = -0.5;
    for (let j = 0; j < p; j++) { const v = Math.sin(i * (j + 1.7)); dense[j * rows + i] = v; eta += v * (j - 1.5) * 0.4; }
    codes[i] = i % 3;
    y[i] = Math.cos(i * 12.9898) * 0.5 + 0.5 < 1 / (1 + Math.exp(-eta - 0.3 * codes[i])) ? 1 : 0;
  }
  const base = { dense, denseColumns: p, codes: [codes], levels: [3], y, weights: new Float64Array(rows).fill(1), rows, l2: 1, maxIterations: 50, tolerance: 1e-10 };
  const serial = fitLogistic(base, false);
  passThreadSettings.workers = 1;
  passThreadSettings.callerRuns = false;
  const threads = startPassThreads(rows * p);
  const parallel = fitLogistic({ ...base, threads }, false);
  threads.close();
  return { workers: threads.workers, same: JSON.stringify(Array.from(serial.beta)) === JSON.stringify(Array.from(parallel.beta)) };
}
`,
      );
      for (const format of ["esm", "cjs"] as const) {
        const outfile = join(directory, `bundle.${format === "esm" ? "mjs" : "cjs"}`);
        await build({
          entryPoints: [entry],
          bundle: true,
          minify: true,
          format,
          platform: "neutral",
          target: "es2022",
          outfile,
        });
        const runner =
          format === "esm"
            ? `import(${JSON.stringify(outfile)}).then((m) => console.log(JSON.stringify(m.check())))`
            : `console.log(JSON.stringify(require(${JSON.stringify(outfile)}).check()))`;
        const output = execFileSync(process.execPath, ["-e", runner], { encoding: "utf8", timeout: 60_000 });
        expect({ format, ...JSON.parse(output) }).toEqual({ format, same: true, workers: 1 });
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
