/**
 * Tiny benchmark harness: wall-clock medians over repeated runs, peak RSS, and
 * a printed table of ratios against peers. Used by `npm run bench`.
 */
import { existsSync } from "node:fs";
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
