/**
 * Market-basket benchmarks: frequent itemsets with clientele (algorithm
 * "auto": Eclat with occurrence deliver on Groceries, FP-growth on Quest) against node-fpgrowth 1.2.1 (the only JavaScript peer) on the same input
 * (`string[][]`, conversion included on both sides):
 * - Groceries (9835 transactions, 169 items) at s = 0.001 and 0.0005;
 * - a seeded IBM-Quest-style synthetic set (T10 I4, 100 000 transactions,
 *   1000 items) at s = 0.0005, with peak RSS.
 * Itemset counts of both tools are compared on every case.
 *
 * The Groceries rows (the public file in ../shared/datasets, see its SOURCE.md) state each call with its
 * options, and give cold figures (the first call in a fresh process: one child process per measurement,
 * `--cold <case>`, rounds interleaved across cases) beside warm ones (interleaved rounds in this process,
 * full GC before each call), min-median of each, for clientele and the peer alike; the peer's version is
 * read from its installed package.json. groceries.csv is the only basket file there (groceries_hierarchy.csv
 * is an item taxonomy).
 */
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { FPGrowth } from "node-fpgrowth";
import { associationRules, frequentItemsets, readBaskets } from "../src/basket/index.js";
import { streamRules } from "../src/basket/streamRules.js";
import { topRules } from "../src/basket/topRules.js";
import { createRandom } from "../src/core/index.js";
import {
  type BenchRow,
  coldRuns,
  formatMinMedian,
  interleavedRounds,
  machineNote,
  minMedian,
  packageVersion,
  peakRssMb,
  sharedDataset,
  timeIt,
} from "./harness.js";

/**
 * IBM Quest-style synthetic baskets (Agrawal and Srikant 1994): `patterns`
 * potential itemsets of Poisson(patternSize) items, each sharing an
 * exponentially distributed fraction with the previous one, weighted by
 * Exp(1) and corrupted at a Normal(0.5, 0.1) level; transactions of
 * Poisson(averageSize) items are filled with (corrupted) patterns.
 */
export function questBaskets(options: {
  transactions: number;
  items: number;
  averageSize: number;
  patternSize: number;
  patterns: number;
  seed: number;
}): string[][] {
  const random = createRandom(options.seed);
  const labels = Array.from({ length: options.items }, (_, i) => `i${i}`);
  const patterns: number[][] = [];
  const weights = new Float64Array(options.patterns);
  const corruption = new Float64Array(options.patterns);
  for (let p = 0; p < options.patterns; p++) {
    const size = Math.max(1, random.poisson(options.patternSize));
    const items = new Set<number>();
    const previous = patterns[p - 1];
    if (previous !== undefined) {
      const shared = Math.min(size, Math.round(Math.min(1, random.exponential(2)) * size));
      for (const item of random.shuffle(previous).slice(0, shared)) items.add(item);
    }
    while (items.size < size) items.add(random.integer(options.items));
    patterns.push([...items]);
    weights[p] = random.exponential(1);
    corruption[p] = Math.min(1, Math.max(0, random.normal(0.5, 0.1)));
  }
  // cumulative weights for fast pattern draws
  const cumulative = new Float64Array(options.patterns);
  let total = 0;
  for (let p = 0; p < options.patterns; p++) cumulative[p] = total += weights[p] as number;
  const drawPattern = () => {
    const target = random.float() * total;
    let low = 0;
    let high = options.patterns - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const baskets: string[][] = [];
  for (let t = 0; t < options.transactions; t++) {
    const size = Math.max(1, random.poisson(options.averageSize));
    const basket = new Set<number>();
    for (let guard = 0; basket.size < size && guard < 50; guard++) {
      const p = drawPattern();
      const kept = (patterns[p] as number[]).filter(() => random.float() >= (corruption[p] as number) * 0.5);
      if (basket.size + kept.length > size && basket.size > 0 && random.float() < 0.5) break;
      for (const item of kept) basket.add(item);
    }
    baskets.push([...basket].map((item) => labels[item] as string));
  }
  return baskets;
}

async function peer(baskets: string[][], minSupport: number): Promise<number> {
  const itemsets = await new FPGrowth<string>(minSupport).exec(baskets);
  return itemsets.length;
}

/** What the child process measures on the synthetic file. */
interface QuestChildReport {
  /** readBaskets + frequentItemsets in a fresh process (JIT warm-up included). */
  readonly coldMs: number;
  readonly itemsets: number;
  /** Peak RSS after that run. */
  readonly peakRssMb: number;
  /** Peak RSS of the process before it (Node + tsx). */
  readonly baselineRssMb: number;
}

/**
 * Child mode (`--quest-child <file>`): in a fresh process, read the basket
 * file with readBaskets and mine it once, so the peak RSS is clientele's alone
 * (Node + tsx baseline reported separately) and the first-run time includes
 * compilation.
 */
function questChild(file: string): void {
  const baselineRssMb = peakRssMb();
  const started = performance.now();
  const first = frequentItemsets(readBaskets(readFileSync(file, "utf8"), { separator: " " }), {
    minSupport: 0.0005,
  });
  const report: QuestChildReport = {
    coldMs: performance.now() - started,
    itemsets: first.itemsets.length,
    peakRssMb: peakRssMb(),
    baselineRssMb,
  };
  console.log(JSON.stringify(report));
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // Synthetic set, also written as a basket file: a child process reads and mines it once (its peak
  // RSS is clientele's alone); the timings run here, node-fpgrowth on the same baskets as string[][].
  const synthetic = questBaskets({
    transactions: 100_000,
    items: 1000,
    averageSize: 10,
    patternSize: 4,
    patterns: 2000,
    seed: 42,
  });
  const meanSize = synthetic.reduce((sum, basket) => sum + basket.length, 0) / synthetic.length;
  const file = join(tmpdir(), `clientele-quest-${process.pid}.txt`);
  writeFileSync(file, `${synthetic.map((basket) => basket.join(" ")).join("\n")}\n`);
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--quest-child", file],
    {
      encoding: "utf8",
    },
  );
  const report = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as QuestChildReport;
  // clientele first (all three inputs, warmed up in this process like every other case), then the peer
  const questTransactions = readBaskets(readFileSync(file, "utf8"), { separator: " " });
  const quest = await interleavedRounds(
    {
      fromArrays: () => frequentItemsets(synthetic, { minSupport: 0.0005 }),
      fromTransactions: () => frequentItemsets(questTransactions, { minSupport: 0.0005 }),
      fromFile: () =>
        frequentItemsets(readBaskets(readFileSync(file, "utf8"), { separator: " " }), { minSupport: 0.0005 }),
    },
    { rounds: 7, warmup: 2 },
  );
  const fromArrays = {
    ms: quest.fromArrays.median,
    result: quest.fromArrays.result as ReturnType<typeof frequentItemsets>,
  };
  const fromTransactions = { ms: quest.fromTransactions.median };
  const fromFile = { ms: quest.fromFile.median };
  const warmRange = (name: keyof typeof quest) =>
    `warm min-median ${formatMinMedian(quest[name])} ms (7 interleaved rounds)`;
  const split = await timeIt(
    () =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => line.split(" ")),
    { repeat: 5, warmup: 1 },
  );
  rmSync(file, { force: true });
  // the peer's time varies by up to 1.7x between runs here: median of 3 (about a minute)
  const peerSynthetic = process.argv.includes("--skip-slow-peer")
    ? { ms: Number.NaN, result: Number.NaN }
    : await timeIt(() => peer(synthetic, 0.0005), { repeat: 3, warmup: 0 });
  rows.push({
    case: `Quest T10I4 100k tx, 1000 items (mean ${meanSize.toFixed(1)}): frequentItemsets(string[][], { minSupport: 0.0005 }); other options default`,
    clienteleMs: fromArrays.ms,
    peer: `node-fpgrowth ${packageVersion("node-fpgrowth")} (string[][])`,
    peerMs: peerSynthetic.ms,
    note: `${fromArrays.result.itemsets.length} itemsets (peer ${peerSynthetic.result}, median of 3); same input for both; target >= 30x; ${warmRange("fromArrays")}`,
  });
  rows.push({
    case: "Quest T10I4 100k: frequentItemsets(Transactions, { minSupport: 0.0005 }) (mining + output); other options default",
    clienteleMs: fromTransactions.ms,
    peer: `node-fpgrowth ${packageVersion("node-fpgrowth")} (string[][])`,
    peerMs: peerSynthetic.ms,
    note: `target <= 500 ms; ${warmRange("fromTransactions")}; in a fresh process, readBaskets + mining peak at ${report.peakRssMb.toFixed(0)} MB RSS (Node + tsx alone ${report.baselineRssMb.toFixed(0)} MB), target <= 150 MB`,
  });
  rows.push({
    case: 'Quest T10I4 100k: frequentItemsets(readBaskets(readFileSync(file, "utf8"), { separator: " " }), { minSupport: 0.0005 })',
    clienteleMs: fromFile.ms,
    peer: `node-fpgrowth ${packageVersion("node-fpgrowth")} (file split into string[][] + mining)`,
    peerMs: peerSynthetic.ms + split.ms,
    note: `${warmRange("fromFile")}; the split takes ${split.ms.toFixed(0)} ms; cold (first run in a fresh process ${report.coldMs.toFixed(0)} ms (compilation included, ${report.itemsets} itemsets))`,
  });
  rows.push(...(await topRulesRows("Quest T10I4 100k", synthetic, [{ by: "support", k: 100 }])));
  synthetic.length = 0;

  const path = sharedDataset("groceries.csv");
  if (path === undefined) {
    rows.push({
      case: "groceries (skipped: ../shared/datasets/groceries.csv absent)",
      clienteleMs: Number.NaN,
      peer: "",
      peerMs: Number.NaN,
      note: "",
    });
    return rows;
  }
  rows.push(...(await groceriesRows(path)));
  const transactions = readBaskets(readFileSync(path, "utf8"));
  rows.push(
    ...(await topRulesRows("groceries", transactions, [
      { by: "support", k: 10 },
      { by: "confidence", k: 10 },
      { by: "fishersExactTest", k: 10 },
      { by: "lift", k: 10, maxLength: 3 },
      { by: "lift", k: 10, minCount: 10 },
    ])),
  );
  // about 10 minutes under load (17.4M rule objects built and written): only on request
  if (process.argv.includes("--stream-rules")) rows.push(streamRulesRow(path));
  return rows;
}

/** Groceries cases timed both cold (fresh process) and warm; each id is one `--cold <id>` child mode. */
const GROCERIES_CASES = {
  read: 'readBaskets(text) (options default: separator ",", trim true)',
  file: 'readBaskets(readFileSync(path, "utf8")) + frequentItemsets(_, { minSupport: 0.001 })',
  arrays: "frequentItemsets(string[][], { minSupport: 0.001 })",
  fi1: "frequentItemsets(Transactions, { minSupport: 0.001 })",
  fi05: "frequentItemsets(Transactions, { minSupport: 0.0005 })",
  fpgrowth: 'frequentItemsets(Transactions, { minSupport: 0.001, algorithm: "fpgrowth" })',
  rules: "associationRules(Transactions, { minSupport: 0.001, minConfidence: 0.5 })",
  peer1: "node-fpgrowth new FPGrowth(0.001).exec(string[][])",
  peer05: "node-fpgrowth new FPGrowth(0.0005).exec(string[][])",
} as const;
type GroceriesCase = keyof typeof GROCERIES_CASES;

/** The calls of each Groceries case, on inputs prepared outside the timing. */
function groceriesCalls(path: string): Record<GroceriesCase, () => unknown> {
  const text = readFileSync(path, "utf8");
  const groceries = text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split(","));
  // read with readBaskets in the cold children too: a mining case's first call then excludes the reader
  const transactions = readBaskets(text);
  return {
    read: () => readBaskets(text),
    file: () => frequentItemsets(readBaskets(readFileSync(path, "utf8")), { minSupport: 0.001 }),
    arrays: () => frequentItemsets(groceries, { minSupport: 0.001 }),
    fi1: () => frequentItemsets(transactions, { minSupport: 0.001 }),
    fi05: () => frequentItemsets(transactions, { minSupport: 0.0005 }),
    fpgrowth: () => frequentItemsets(transactions, { minSupport: 0.001, algorithm: "fpgrowth" }),
    rules: () => associationRules(transactions, { minSupport: 0.001, minConfidence: 0.5 }),
    peer1: () => peer(groceries, 0.001),
    peer05: () => peer(groceries, 0.0005),
  };
}

/** What a case's result counts (itemsets, rules or transactions). */
function countOf(result: unknown): number {
  if (typeof result === "number") return result;
  const value = result as { itemsets?: unknown[]; rules?: unknown[]; transactionCount?: number };
  return value.itemsets?.length ?? value.rules?.length ?? value.transactionCount ?? Number.NaN;
}

/**
 * Child mode (`--cold <case>`): prepares the Groceries inputs (file read, string[][] split, readBaskets),
 * then times the case's first call in this fresh process (imports done, nothing of the case compiled).
 */
async function coldChild(id: GroceriesCase): Promise<void> {
  const path = sharedDataset("groceries.csv") as string;
  const call = groceriesCalls(path)[id];
  // garbage-collection pauses during the call (delivered to the observer after it)
  const pauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  const start = performance.now();
  const result = await call();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  const gcMs = pauses
    .filter((pause) => pause.start >= start && pause.start <= start + ms)
    .reduce((sum, pause) => sum + pause.duration, 0);
  console.log(JSON.stringify({ ms, gcMs, count: countOf(result) }));
}

/**
 * Groceries rows: every case stated with its options, cold (first call in a fresh process, one child per
 * measurement, rounds interleaved across cases) and warm (interleaved rounds in this process, GC before
 * each call), min-median of each; the peer the same way. Rounds: BENCH_COLD_ROUNDS (5), BENCH_ROUNDS (9).
 */
export async function groceriesRows(path: string): Promise<BenchRow[]> {
  const coldRounds = Number(process.env.BENCH_COLD_ROUNDS ?? 5);
  const warmRounds = Number(process.env.BENCH_ROUNDS ?? 9);
  const ids = Object.keys(GROCERIES_CASES) as GroceriesCase[];
  const cold = coldRuns(fileURLToPath(import.meta.url), ids, coldRounds);
  const warm = await interleavedRounds(groceriesCalls(path), { rounds: warmRounds, warmup: 2 });
  const peerName = `node-fpgrowth ${packageVersion("node-fpgrowth")}`;
  const coldGc = (id: GroceriesCase) =>
    minMedian(cold[id].reports.map((report) => Number(report.gcMs))).median.toFixed(0);
  const figures = (id: GroceriesCase) =>
    `warm ${formatMinMedian(warm[id])} ms, cold ${formatMinMedian(cold[id])} ms (GC pauses ${coldGc(id)} ms of it)`;
  const row = (id: GroceriesCase, peerId: GroceriesCase | undefined, note: string): BenchRow => ({
    case: `groceries.csv (9835 tx, 169 items): ${GROCERIES_CASES[id]}; other options default`,
    clienteleMs: warm[id].median,
    peer: peerId === undefined ? "" : `${peerName}: ${GROCERIES_CASES[peerId]}`,
    peerMs: peerId === undefined ? Number.NaN : warm[peerId].median,
    note: `${countOf(warm[id].result)} ${note}; ${figures(id)}${peerId === undefined ? "" : `; peer ${countOf(warm[peerId].result)}, ${figures(peerId)}`}`,
  });
  return [
    {
      case: `groceries rows below: min-median of ${warmRounds} interleaved warm rounds (full GC before each call) and of ${coldRounds} cold runs (first call in a fresh process, inputs prepared before it); ms columns are warm medians`,
      clienteleMs: Number.NaN,
      peer: peerName,
      peerMs: Number.NaN,
      note: machineNote(),
    },
    row("read", undefined, "transactions"),
    row("file", undefined, "itemsets (file read and parsed inside the timing)"),
    row("arrays", "peer1", "itemsets; same input for both; target >= 30x"),
    row("fi1", "peer1", "itemsets; target <= 20 ms warm"),
    row("fi05", "peer05", "itemsets"),
    row("fpgrowth", undefined, "itemsets (auto picks eclat here)"),
    row("rules", undefined, "rules (arules 5668)"),
  ];
}

/**
 * topRules (no support threshold) against mining every rule and sorting: with `maxLength`, every rule at
 * count 1; without, mining at count 1 passes any budget (2^32 itemsets in one Groceries basket), so the
 * baseline is associationRules at the count threshold topRules proved sufficient (an oracle a user
 * would have to guess) plus a sort.
 */
export async function topRulesRows(
  name: string,
  data: Parameters<typeof topRules>[0],
  cases: readonly {
    by: "support" | "confidence" | "fishersExactTest" | "lift";
    k: number;
    maxLength?: number;
    minCount?: number;
  }[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { by, k, maxLength, minCount: floor } of cases) {
    const length = maxLength === undefined ? {} : { maxLength };
    const floorOption = floor === undefined ? {} : { minCount: floor };
    const ours = await timeIt(() => topRules(data, { k, by, ...length, ...floorOption }), {
      repeat: 5,
      warmup: 1,
    });
    const minCount = maxLength === undefined ? ours.result.minCount : 1;
    const sign = by === "fishersExactTest" ? -1 : 1;
    const baseline = await timeIt(
      () =>
        [
          ...associationRules(data, {
            minCount,
            minConfidence: 0,
            maxRules: Number.POSITIVE_INFINITY,
            maxItemsets: Number.POSITIVE_INFINITY,
            ...length,
          }).rules,
        ]
          .sort((a, b) => sign * (b[by] - a[by]) || b.count - a.count)
          .slice(0, k),
      { repeat: 3, warmup: 1 },
    );
    rows.push({
      case: `${name}: topRules(Transactions, { k: ${k}, by: "${by}"${maxLength === undefined ? "" : `, maxLength: ${maxLength}`}${floor === undefined ? "" : `, minCount: ${floor}`} }); other options default`,
      clienteleMs: ours.ms,
      peer:
        maxLength !== undefined
          ? "associationRules at count 1 + sort"
          : floor !== undefined && floor === minCount
            ? `associationRules at count ${minCount} (the floor) + sort`
            : `associationRules at count ${minCount} (oracle threshold) + sort`,
      peerMs: baseline.ms,
      note: `${ours.result.searches} searches down to count ${ours.result.minCount}; same top rule: ${ours.result.rules[0]?.count === baseline.result[0]?.count}; medians of 5 (baseline 3) runs after 1 warm-up`,
    });
  }
  return rows;
}

/** What the streaming child reports. */
interface StreamChildReport {
  readonly rules: number;
  readonly ms: number;
  readonly bytes: number;
  readonly peakRssMb: number;
  readonly baselineRssMb: number;
}

/**
 * Child mode (`--stream-child <groceries.csv> <out file>`): streamRules on Groceries at count >= 2, up to
 * 6 items, every antecedent/consequent split (17.4M rules), each written as a TSV line to a file through a
 * 1 MB string buffer; reports the peak RSS of this fresh process.
 */
function streamChild(groceriesPath: string, out: string): void {
  const baselineRssMb = peakRssMb();
  const started = performance.now();
  const transactions = readBaskets(readFileSync(groceriesPath, "utf8"));
  const fd = openSync(out, "w");
  let chunk = "";
  let rules = 0;
  for (const rule of streamRules(transactions, {
    minCount: 2,
    minConfidence: 0,
    maxLength: 6,
    consequent: "all",
  })) {
    chunk += `${rule.antecedent.join(",")}\t${rule.consequent.join(",")}\t${rule.count}\t${rule.confidence}\t${rule.lift}\n`;
    rules++;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  const report: StreamChildReport = {
    rules,
    ms: performance.now() - started,
    bytes: statSync(out).size,
    peakRssMb: peakRssMb(),
    baselineRssMb,
  };
  console.log(JSON.stringify(report));
}

/**
 * streamRules writing 17.4M Groceries rules to a file in a fresh process (peak RSS is its own); run by
 * `node --expose-gc --import tsx bench/single.ts basket --stream-rules`.
 */
export function streamRulesRow(groceriesPath: string): BenchRow {
  const out = join(tmpdir(), `clientele-rules-${process.pid}.tsv`);
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--stream-child", groceriesPath, out],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  rmSync(out, { force: true });
  const report = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as StreamChildReport;
  return {
    case: 'groceries: streamRules(Transactions, { minCount: 2, minConfidence: 0, maxLength: 6, consequent: "all" }) to a TSV file; other options default; one cold run in a fresh process',
    clienteleMs: report.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `${report.rules} rules, ${(report.bytes / 1e9).toFixed(2)} GB written; peak RSS ${report.peakRssMb.toFixed(0)} MB (Node + tsx alone ${report.baselineRssMb.toFixed(0)} MB; as objects the rules would need ~${((report.rules * 400) / 1e9).toFixed(0)} GB)`,
  };
}

const coldAt = process.argv.indexOf("--cold");
if (coldAt !== -1) await coldChild(process.argv[coldAt + 1] as GroceriesCase);
const childAt = process.argv.indexOf("--quest-child");
if (childAt !== -1) questChild(process.argv[childAt + 1] as string);
const streamAt = process.argv.indexOf("--stream-child");
if (streamAt !== -1) streamChild(process.argv[streamAt + 1] as string, process.argv[streamAt + 2] as string);
