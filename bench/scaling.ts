/**
 * Scaling benchmark (issues 12 and 19): the record readers and the functions
 * built on them must grow about linearly with the number of order lines.
 * Times `readCodes` of the order ids alone, `transactionsFrom`,
 * `repeatPurchaseSummary` and `rfmTable` on generated stores of about 1M and
 * 5M order lines (`generateStore({ seed: 1, orderLines })`) and reports the
 * ratio of the two times: the target is <= 6x for 5x the lines. Wall and CPU
 * medians are both reported (CPU time is steadier on a shared machine), with the
 * smallest CPU time of the five calls beside the median (the verdict uses the medians).
 *
 * What makes these calls super-linear in V8 is mostly the garbage collector:
 * every 64 MB of typed arrays allocated since the last full collection starts
 * one ("external memory pressure"), and a full collection marks every record
 * object, so at 5M lines it costs seconds. A call that allocates 5x the typed
 * arrays over a heap of 5x the records pays up to 25x for it; the readers in
 * `core` keep their own allocation small for that reason, and `rfmTable`,
 * `repeatPurchaseSummary` and `calibrationHoldoutSummary` read their per-row
 * columns into a scratch buffer kept for the next call (`core/internal/scratch.ts`),
 * so the repeated calls timed here allocate no new per-row typed arrays; the code
 * table of `readCodes` likewise keeps its slot array for the next table
 * (`core/internal/codeTable.ts`: 16-32 MB at 5M order ids, allocated once).
 *
 * Each timed call starts from a collected heap, so no collection carried over from
 * the previous call is timed. What still moved a 5M median by up to 1.6x between two
 * runs on a busy machine (session 5: `rfmTable` 1.7 s and 2.6 s CPU) was young-generation
 * work: in the slow runs some calls made ~150 scavenges instead of ~15, as when a
 * per-row loop runs unoptimised (every double a heap allocation) until the compiler
 * catches up; `--trace-deopt` shows `readCodes`' loop deoptimised once per call where
 * the code table leaves its Map. Run the bench twice and compare before quoting a ratio.
 *
 * Columnar input (issue 23): 10M order lines held as columns
 * (`{ customerId: string[], orderId: string[], date: string[], amount: Float64Array }`, built by
 * repeating the 1M store ten times with per-copy customer and order ids, without a record object)
 * analysed by `rfmTable` and `repeatPurchaseSummary`, one call each in a fresh process, against the
 * record-array path at 1M lines in its own fresh process: CPU and wall time of the call, the input's
 * resident size and the process's peak RSS (VmHWM, reset once the input is built, so the generator's
 * garbage is not counted; the peak includes the input). Target: peak under 1 GB at 10M lines.
 *
 * The 5M store takes about 1.5 GB of heap. When this process's heap limit is
 * below 6 GB the bench re-runs itself in a child with
 * `--max-old-space-size=8192` (the rows come back as JSON on stdout).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { transactionsFrom } from "../src/basket/index.js";
import { type RecordInput, readCodes } from "../src/core/index.js";
import { generateStore } from "../src/store/index.js";
import { repeatPurchaseSummary, rfmTable } from "../src/value/index.js";
import { type BenchRow, peakRssMb } from "./harness.js";

const SIZES = [1_000_000, 5_000_000] as const;
const TARGET_RATIO = 6;
const REPEAT = 5;
const CHILD_FLAG = "--scaling-child";
const COLUMNAR_FLAG = "--columnar-child";
const COLUMNAR_LINES = 10_000_000;
const COLUMNAR_TARGET_MB = 1024;
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
        asOf: "2026-01-01",
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
  /** The smallest CPU time of the calls: a shared machine's noise only adds to a call's time. */
  readonly minCpuMs: number;
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
  return { wallMs: median(walls), cpuMs: median(cpus), minCpuMs: Math.min(...cpus) };
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
    const minCpuRatio = large.minCpuMs / small.minCpuMs;
    rows.push({
      case: `${name}, ${(counts[0] as number).toLocaleString("en-US")} order lines`,
      clienteleMs: small.wallMs,
      peer: "",
      peerMs: Number.NaN,
      note: `CPU ${small.cpuMs.toFixed(0)} ms (min ${small.minCpuMs.toFixed(0)})`,
    });
    rows.push({
      case: `${name}, ${(counts[1] as number).toLocaleString("en-US")} order lines`,
      clienteleMs: large.wallMs,
      peer: "",
      peerMs: Number.NaN,
      note: `CPU ${large.cpuMs.toFixed(0)} ms (min ${large.minCpuMs.toFixed(0)}); 5M / 1M: wall ${wallRatio.toFixed(1)}x, CPU ${cpuRatio.toFixed(1)}x (min ${minCpuRatio.toFixed(1)}x) for ${((counts[1] as number) / (counts[0] as number)).toFixed(1)}x the lines (target <= ${TARGET_RATIO}x: wall ${verdict(wallRatio)}, CPU ${verdict(cpuRatio)})`,
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

/**
 * Order lines as columns: the store's lines repeated `copies` times, customer and order ids suffixed per
 * copy. Every string is a new one (ids, and one copy of each distinct date), so none of the store's pages
 * stays resident through a string it holds once the store is dropped.
 */
function columnarLines(lines: Lines, copies: number) {
  const n = lines.length * copies;
  const customerId = new Array<string>(n);
  const orderId = new Array<string>(n);
  const date = new Array<string>(n);
  const amount = new Float64Array(n);
  const dates = new Map<string, string>();
  let row = 0;
  for (let copy = 0; copy < copies; copy++) {
    // one string per distinct id and copy, shared by its lines (as a parsed file would give)
    const customers = new Map<string, string>();
    let previousOrder = "";
    let previousOrderId = "";
    for (const line of lines) {
      let customer = customers.get(line.customerId);
      if (customer === undefined) {
        customer = `${line.customerId}-${copy}`;
        customers.set(line.customerId, customer);
      }
      if (line.orderId !== previousOrder) {
        previousOrder = line.orderId;
        previousOrderId = `${line.orderId}-${copy}`;
      }
      let day = dates.get(line.date);
      if (day === undefined) {
        day = Buffer.from(line.date).toString();
        dates.set(line.date, day);
      }
      customerId[row] = customer;
      orderId[row] = previousOrderId;
      date[row] = day;
      amount[row] = line.amount;
      row++;
    }
  }
  return { customerId, orderId, date, amount };
}

interface MemoryRun {
  readonly lines: number;
  readonly inputMb: number;
  /** V8 heap used plus array buffers after the input is built (what the input itself holds). */
  readonly inputHeapMb: number;
  readonly results: {
    readonly name: string;
    readonly wallMs: number;
    readonly cpuMs: number;
    readonly peakMb: number;
  }[];
}

const RFM_OPTIONS = {
  customer: "customerId",
  date: "date",
  amount: "amount",
  order: "orderId",
  asOf: "2026-01-01",
} as const;
const SUMMARY_OPTIONS = {
  customer: "customerId",
  date: "date",
  amount: "amount",
  asOf: "2026-01-01",
} as const;

/**
 * In a fresh process: builds the input (columns at 10M lines, or records at 1M), resets the peak RSS, and
 * times one call of each function, reading the peak after each (the second call's peak includes the first's
 * result, as a user's script would).
 */
function memoryRun(mode: "columns" | "records"): MemoryRun {
  const status = () => readFileSync("/proc/self/status", "utf8");
  const field = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status())?.[1] ?? Number.NaN) / 1024;
  // the 1M records are dropped once the columns are built (only the columns stay resident)
  const makeStore = () => generateStore({ seed: 1, orderLines: SIZES[0] }).orderLines;
  const input: RecordInput<{ customerId: string; orderId: string; date: string; amount: number }> =
    mode === "columns" ? columnarLines(makeStore(), COLUMNAR_LINES / SIZES[0]) : makeStore();
  const lines = Array.isArray(input) ? input.length : COLUMNAR_LINES;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  const inputHeapMb = (memory.heapUsed + memory.arrayBuffers) / 2 ** 20;
  writeFileSync("/proc/self/clear_refs", "5");
  const inputMb = field("VmRSS");
  const results: MemoryRun["results"] = [];
  const calls = [
    { name: "rfmTable", call: () => rfmTable(input, RFM_OPTIONS) },
    { name: "repeatPurchaseSummary", call: () => repeatPurchaseSummary(input, SUMMARY_OPTIONS) },
  ];
  for (const { name, call } of calls) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    call();
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    results.push({ name, wallMs, cpuMs: (used.user + used.system) / 1000, peakMb: field("VmHWM") });
  }
  return { lines, inputMb, inputHeapMb, results };
}

/** Runs {@link memoryRun} in a child process (fresh heap, its own peak RSS). */
function spawnMemoryRun(mode: "columns" | "records"): MemoryRun {
  const child = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--max-old-space-size=8192",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      COLUMNAR_FLAG,
      mode,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`scaling bench ${mode} child failed (status ${child.status})`);
  return JSON.parse(child.stdout) as MemoryRun;
}

/** Rows comparing the columnar path at 10M lines with the record-array path at 1M. */
export function columnarRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  const runs = [spawnMemoryRun("records"), spawnMemoryRun("columns")];
  for (const run of runs) {
    const kind = run === runs[0] ? "records" : "columns";
    for (const result of run.results) {
      const met = result.peakMb <= COLUMNAR_TARGET_MB ? "met" : "MISSED";
      rows.push({
        case: `${result.name}, ${run.lines.toLocaleString("en-US")} lines as ${kind === "records" ? "an array of records" : "columns"} (one call, fresh process)`,
        clienteleMs: result.wallMs,
        peer: "",
        peerMs: Number.NaN,
        note: `CPU ${result.cpuMs.toFixed(0)} ms; input resident ${run.inputMb.toFixed(0)} MB (heap + buffers ${run.inputHeapMb.toFixed(0)} MB), peak RSS ${result.peakMb.toFixed(0)} MB${kind === "columns" ? ` (target < ${COLUMNAR_TARGET_MB} MB: ${met})` : ""}`,
      });
    }
  }
  return rows;
}

/** Runs the measurement here, or in a child with a larger heap when this one is too small for 5M lines. */
export async function run(): Promise<BenchRow[]> {
  const columnar = columnarRows();
  if (getHeapStatistics().heap_size_limit / 2 ** 20 >= HEAP_NEEDED_MB)
    return [...(await measure()), ...columnar];
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
  return [
    ...rows.map((row) => ({
      ...row,
      clienteleMs: row.clienteleMs ?? Number.NaN,
      peerMs: row.peerMs ?? Number.NaN,
    })),
    ...columnar,
  ];
}

if (process.argv.includes(CHILD_FLAG)) {
  process.stdout.write(JSON.stringify(await measure()));
}
if (process.argv.includes(COLUMNAR_FLAG)) {
  const mode = process.argv[process.argv.indexOf(COLUMNAR_FLAG) + 1] === "records" ? "records" : "columns";
  process.stdout.write(JSON.stringify(memoryRun(mode)));
}
