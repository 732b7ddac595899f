/**
 * Scaling benchmark (issues 12 and 19): the record readers and the functions
 * built on them must grow about linearly with the number of order lines.
 * Times `readCodes` of the order ids alone, `transactionsFrom`,
 * `repeatPurchaseSummary` and `rfmTable` on generated stores of about 1M and
 * 5M order lines (`generateStore({ seed: 1, orderLines })`) and reports the
 * ratio of the two times: the target is <= 6x for 5x the lines. Wall and CPU
 * medians are both reported (CPU time is steadier on a shared machine).
 *
 * What makes these calls super-linear in V8 is mostly the garbage collector:
 * every 64 MB of typed arrays allocated since the last full collection starts
 * one ("external memory pressure"), and a full collection marks every record
 * object, so at 5M lines it costs seconds. A call that allocates 5x the typed
 * arrays over a heap of 5x the records pays up to 25x for it; the readers in
 * `core` keep their own allocation small for that reason.
 *
 * The 5M store takes about 1.5 GB of heap. When this process's heap limit is
 * below 6 GB the bench re-runs itself in a child with
 * `--max-old-space-size=8192` (the rows come back as JSON on stdout).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { transactionsFrom } from "../src/basket/index.js";
import { readCodes } from "../src/core/index.js";
import { generateStore } from "../src/store/index.js";
import { repeatPurchaseSummary, rfmTable } from "../src/value/index.js";
import { type BenchRow, peakRssMb } from "./harness.js";

const SIZES = [1_000_000, 5_000_000] as const;
const TARGET_RATIO = 6;
const REPEAT = 5;
const CHILD_FLAG = "--scaling-child";
const HEAP_NEEDED_MB = 6144;

type Lines = ReturnType<typeof generateStore>["orderLines"];

/** The timed calls, with the options a user of the generated store passes. */
const CASES: readonly { readonly name: string; readonly call: (lines: Lines) => unknown }[] = [
  {
    name: "readCodes (order ids)",
    call: (lines) => readCodes(lines, "orderId", { functionName: "bench", optionName: "order" }),
  },
  {
    name: "transactionsFrom",
    call: (lines) => transactionsFrom(lines, { transaction: "orderId", item: "product" }),
  },
  {
    name: "repeatPurchaseSummary",
    call: (lines) =>
      repeatPurchaseSummary(lines, {
        customer: "customerId",
        date: "date",
        amount: "amount",
        observationEnd: "2026-01-01",
      }),
  },
  {
    name: "rfmTable",
    call: (lines) =>
      rfmTable(lines, {
        customer: "customerId",
        date: "date",
        amount: "amount",
        order: "orderId",
        asOf: "2026-01-01",
      }),
  },
];

/** Wall and CPU time (user + system, all threads: the collector's helpers count) of one call, in ms. */
interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/**
 * Medians of wall and CPU time over `repeat` calls after one warm-up, each call started from a collected heap
 * (the process runs with --expose-gc). CPU time is reported beside wall time because on a shared machine steal
 * time moves the wall clock by 2x and more; the ratio is computed on both.
 */
function timeCase(call: () => unknown, repeat: number): Timing {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  call();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < repeat; r++) {
    gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    call();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { wallMs: median(walls), cpuMs: median(cpus) };
}

/** Median times per case at each size, then one row per case and size. */
async function measure(): Promise<BenchRow[]> {
  const times = new Map<string, Timing[]>();
  const counts: number[] = [];
  for (const size of SIZES) {
    const lines = generateStore({ seed: 1, orderLines: size }).orderLines;
    counts.push(lines.length);
    for (const { name, call } of CASES) {
      times.set(name, [...(times.get(name) ?? []), timeCase(() => call(lines), REPEAT)]);
    }
  }
  const verdict = (ratio: number) => (ratio <= TARGET_RATIO ? "met" : "MISSED");
  const rows: BenchRow[] = [];
  for (const { name } of CASES) {
    const [small, large] = times.get(name) as [Timing, Timing];
    const wallRatio = large.wallMs / small.wallMs;
    const cpuRatio = large.cpuMs / small.cpuMs;
    rows.push({
      case: `${name}, ${(counts[0] as number).toLocaleString("en-US")} order lines`,
      clienteleMs: small.wallMs,
      peer: "",
      peerMs: Number.NaN,
      note: `CPU ${small.cpuMs.toFixed(0)} ms`,
    });
    rows.push({
      case: `${name}, ${(counts[1] as number).toLocaleString("en-US")} order lines`,
      clienteleMs: large.wallMs,
      peer: "",
      peerMs: Number.NaN,
      note: `CPU ${large.cpuMs.toFixed(0)} ms; 5M / 1M: wall ${wallRatio.toFixed(1)}x, CPU ${cpuRatio.toFixed(1)}x for ${((counts[1] as number) / (counts[0] as number)).toFixed(1)}x the lines (target <= ${TARGET_RATIO}x: wall ${verdict(wallRatio)}, CPU ${verdict(cpuRatio)})`,
    });
  }
  rows.push({
    case: "peak RSS",
    clienteleMs: Number.NaN,
    peer: "",
    peerMs: Number.NaN,
    note: `${peakRssMb().toFixed(0)} MB (heap limit ${(getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MB); medians of ${REPEAT} calls after a warm-up, each from a collected heap`,
  });
  return rows;
}

/** Runs the measurement here, or in a child with a larger heap when this one is too small for 5M lines. */
export async function run(): Promise<BenchRow[]> {
  if (getHeapStatistics().heap_size_limit / 2 ** 20 >= HEAP_NEEDED_MB) return measure();
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      CHILD_FLAG,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`scaling bench child failed (status ${child.status})`);
  const rows = JSON.parse(child.stdout) as (Omit<BenchRow, "clienteleMs" | "peerMs"> & {
    clienteleMs: number | null;
    peerMs: number | null;
  })[];
  // JSON turns NaN into null
  return rows.map((row) => ({
    ...row,
    clienteleMs: row.clienteleMs ?? Number.NaN,
    peerMs: row.peerMs ?? Number.NaN,
  }));
}

if (process.argv.includes(CHILD_FLAG)) {
  process.stdout.write(JSON.stringify(await measure()));
}
