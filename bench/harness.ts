/**
 * Tiny benchmark harness: wall-clock medians over repeated runs, peak RSS, and
 * a printed table of ratios against peers. Used by `npm run bench`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

/** One line of a benchmark table. */
export interface BenchRow {
  /** What was measured, e.g. "groceries s=0.001 frequent itemsets". */
  readonly case: string;
  /** clientele's median time in milliseconds. */
  readonly clienteleMs: number;
  /** The peer measured on the same input, or "" when there is none. */
  readonly peer: string;
  /** The peer's median time in milliseconds, or NaN. */
  readonly peerMs: number;
  /** Free-text note: target, memory, agreement check. */
  readonly note: string;
}

/** Median wall time (ms) of `fn` over `repeat` runs after `warmup` runs; returns the last result too. */
export async function timeIt<R>(
  fn: () => R | Promise<R>,
  { repeat = 5, warmup = 1 }: { repeat?: number; warmup?: number } = {},
): Promise<{ ms: number; result: R }> {
  let result: R | undefined;
  // start from a collected heap (when run with --expose-gc, as `npm run bench` does), so a case does not
  // pay for the garbage of the one before it (a peer's, say)
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, result: result as R };
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Path of a shared dataset, or undefined (benchmarks print a skip line). */
export function sharedDataset(file: string): string | undefined {
  const path = fileURLToPath(new URL(`../../shared/datasets/${file}`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** Prints rows as a Markdown table with the ratio peer / clientele. */
export function printBenchTable(title: string, rows: readonly BenchRow[]): string {
  const format = (ms: number) => (Number.isNaN(ms) ? "-" : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  const lines = [
    `### ${title}`,
    "",
    "| case | clientele (ms) | peer | peer (ms) | peer / clientele | note |",
    "|---|---:|---|---:|---:|---|",
    ...rows.map(
      (row) =>
        `| ${row.case} | ${format(row.clienteleMs)} | ${row.peer || "-"} | ${format(row.peerMs)} | ${
          Number.isNaN(row.peerMs) ? "-" : `${(row.peerMs / row.clienteleMs).toFixed(1)}x`
        } | ${row.note} |`,
    ),
    "",
  ];
  const text = lines.join("\n");
  console.log(text);
  return text;
}

/** Minimum and median of a list of times (ms). */
export interface MinMedian {
  readonly min: number;
  readonly median: number;
  /** Every time, in the order measured. */
  readonly times: readonly number[];
}

/** Minimum and median (the lower middle of an even count) of `times`. */
export function minMedian(times: readonly number[]): MinMedian {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    min: sorted[0] ?? Number.NaN,
    median: sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN,
    times: [...times],
  };
}

/** "min-median" in ms, as BENCHMARKS.md prints ranges. */
export function formatMinMedian({ min, median }: MinMedian): string {
  const format = (ms: number) => (Number.isNaN(ms) ? "-" : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
  return `${format(min)}-${format(median)}`;
}

/**
 * Warm timings of several cases in interleaved rounds (round r runs case 1, case 2, ... once each), so a
 * slow spell of this shared VM hits every case alike; each case first runs `warmup` times, and with
 * --expose-gc a full collection precedes every timed call (no case pays for another's garbage).
 */
export async function interleavedRounds<K extends string>(
  cases: Readonly<Record<K, () => unknown>>,
  { rounds = 9, warmup = 2 }: { rounds?: number; warmup?: number } = {},
): Promise<Record<K, MinMedian & { result: unknown }>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const names = Object.keys(cases) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const results = {} as Record<K, unknown>;
  for (const name of names) for (let i = 0; i < warmup; i++) results[name] = await cases[name]();
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      gc?.();
      const start = performance.now();
      results[name] = await cases[name]();
      times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { ...minMedian(times[name]), result: results[name] }]),
  ) as Record<K, MinMedian & { result: unknown }>;
}

/**
 * Cold timings: each measurement is the first call in a fresh process. For every round and every case id
 * (interleaved), runs `node --expose-gc --import tsx <script> --cold <id>`; the script prints one JSON
 * line `{ "ms": <first call>, ... }` as its last line of output (its own imports and input preparation
 * are not timed). Returns min and median per case, its last report and every report.
 */
export function coldRuns<K extends string>(
  script: string,
  ids: readonly K[],
  rounds = 5,
): Record<K, MinMedian & { report: Record<string, unknown>; reports: Record<string, unknown>[] }> {
  const times = Object.fromEntries(ids.map((id) => [id, [] as number[]])) as Record<K, number[]>;
  const reports = Object.fromEntries(ids.map((id) => [id, []])) as unknown as Record<
    K,
    Record<string, unknown>[]
  >;
  for (let round = 0; round < rounds; round++) {
    for (const id of ids) {
      const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", script, "--cold", id], {
        encoding: "utf8",
        maxBuffer: 1 << 24,
      });
      const last = child.stdout.trim().split("\n").pop() ?? "";
      let report: Record<string, unknown> = { ms: Number.NaN };
      try {
        report = JSON.parse(last) as Record<string, unknown>;
      } catch {
        report = { ms: Number.NaN, error: child.stderr.slice(-500) };
      }
      times[id].push(Number(report.ms));
      reports[id].push(report);
    }
  }
  return Object.fromEntries(
    ids.map((id) => [
      id,
      { ...minMedian(times[id]), report: reports[id].at(-1) ?? {}, reports: reports[id] },
    ]),
  ) as Record<K, MinMedian & { report: Record<string, unknown>; reports: Record<string, unknown>[] }>;
}

/** Version of an installed package (from its package.json), or "?" when absent. */
export function packageVersion(name: string): string {
  try {
    const path = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(path, "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
}

/** The machine and runtime a table was measured on, for a row's note. */
export function machineNote(): string {
  const cpu = cpus();
  return `Node ${process.version} (V8 ${process.versions.v8}), ${cpu.length} cores ${cpu[0]?.model.trim() ?? ""}`;
}
