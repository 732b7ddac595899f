/**
 * Benchmarks of clientele/duckdb (issue 23):
 * - 10M order lines (50M with CLIENTELE_BENCH_50M=1) generated as Parquet by DuckDB itself from
 *   hash-based SQL (deterministic: `hash()` of the line number, no random state), cached in the
 *   system's temporary folder;
 * - DuckDB's memory_limit set to 1GB (CLIENTELE_BENCH_DUCKDB_MEMORY) with `configureDuckDB` for our
 *   instance and for the hand-written SQL's, both spilling to the same temporary folder: DuckDB's
 *   default (80% of RAM) let the 50M-line aggregations grow to 3-6 GB of RSS;
 * - `rfmTable` and `repeatPurchaseSummary` through clientele/duckdb against the same aggregation
 *   written by hand in DuckDB SQL and read back to JS, twice:
 *   - "same rules" (the bar, target <= 1.3x): SQL an expert writes for speed to get exactly our
 *     results (same refund rules, same first-seen customer order, same numbers); the bench checks
 *     that its rows equal ours (customers, order, every field) and stops with an error if not. What
 *     remains is our layer's overhead: record checks (mostly answered by Parquet statistics), record
 *     positions for error rows, the general SQL's bookkeeping, building the result objects;
 *   - "analyst's simple SQL" (information): what an analyst writes first, which computes less (no
 *     customer order; repeat purchases net a refund into its own day instead of the latest earlier
 *     purchase day; each row's note says what);
 *   in interleaved rounds (CLIENTELE_BENCH_ROUNDS, 3 at 10M) reported as min and median of the
 *   process CPU time; CLIENTELE_BENCH_LINES=0 skips 10M, CLIENTELE_BENCH_PANDAS=0 pandas;
 * - against pandas `groupby` in its own process when some python3 imports
 *   pandas (Debian's python3-pandas is in /usr/bin/python3): on the Parquet file with pyarrow, else
 *   on a CSV copy DuckDB writes once (Debian bookworm has no pyarrow); load and groupby timed apart;
 *   10M lines only (a visible skip line otherwise);
 * - peak RSS of the process (DuckDB runs in it) after each case.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { configureDuckDB } from "../src/duckdb/configureDuckDB.js";
import { repeatPurchaseSummary, rfmTable } from "../src/duckdb/index.js";
import { allChunks } from "../src/duckdb/internal/source.js";
import { type BenchRow, type MinMedian, minMedian, peakRssMb } from "./harness.js";

const AS_OF = "2025-01-31";
/** DuckDB's memory limit for both our instance and the hand-written SQL's (its default is 80% of RAM). */
const MEMORY_LIMIT = process.env.CLIENTELE_BENCH_DUCKDB_MEMORY ?? "1GB";
/** pandas holds every line as Python objects: beyond this it is not run. */
const PANDAS_MAX_LINES = 10_000_000;

/**
 * Writes `lines` order lines to Parquet (once per size): 3 lines per order, 25 lines per customer on
 * average, dates over two years, amounts 1.00-100.99, and one line in 50 of the third lines a refund
 * of at most 1.99 dated 0-4 days after its order (so no order or customer nets below zero).
 */
async function orderLines(lines: number): Promise<string> {
  const path = join(tmpdir(), `clientele-bench-order-lines-${lines}-v1.parquet`);
  if (existsSync(path)) return path;
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const customers = Math.max(1, Math.round(lines / 25));
  await connection.run(
    `COPY (
      SELECT 'O' || lpad(CAST(o AS VARCHAR), 9, '0') AS orderId,
             'C' || lpad(CAST(hash(o * 2 + 1) % ${customers} AS VARCHAR), 8, '0') AS customerId,
             CASE WHEN refund THEN day + CAST(hash(i * 5 + 3) % 5 AS INTEGER) ELSE day END AS date,
             CASE WHEN refund THEN -CAST(hash(i * 11 + 7) % 200 AS DOUBLE) / 100
                  ELSE 1 + CAST(hash(i * 13 + 5) % 10000 AS DOUBLE) / 100 END AS amount
      FROM (SELECT i, i // 3 AS o, DATE '2023-01-01' + CAST(hash((i // 3) * 7 + 2) % 730 AS INTEGER) AS day,
                   i % 3 = 2 AND hash(i * 31 + 1) % 50 = 0 AS refund
            FROM range(${lines}) t(i))
    ) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`,
  );
  connection.closeSync();
  return path;
}

/**
 * Reads a query's result into JS columns the way our twins do (every chunk fetched once, each vector
 * read by `getItem`, DOUBLE columns into Float64Arrays): about half the CPU of `getColumnsObjectJS`.
 */
async function readFast(connection: DuckDBConnection, sql: string, params: string[]) {
  const result = await connection.run(sql, params);
  const names = result.columnNames();
  const { chunks, rows } = await allChunks(result);
  const columns: Record<string, Float64Array | unknown[]> = {};
  names.forEach((name, i) => {
    const double = result.columnType(i).toString() === "DOUBLE";
    const out = double ? new Float64Array(rows) : new Array<unknown>(rows);
    let at = 0;
    for (const chunk of chunks) {
      const vector = chunk.getColumnVector(i);
      for (let r = 0; r < chunk.rowCount; r++) out[at + r] = vector.getItem(r) as number;
      at += chunk.rowCount;
    }
    columns[name] = out;
  });
  return { rows, columns };
}

/**
 * The aggregations written by hand in DuckDB SQL, read back into JS columns, in two versions:
 * - `rfm` and `repeat`, "same rules": what an expert writes to get exactly our results on valid
 *   records (the bar: the difference is our layer): the first-seen customer order (`file_row_number`
 *   of the Parquet reader, ORDER BY the customer's first row), an order dated by its first purchase
 *   line and counted unless refunds bring it to zero or below; for repeat purchases, a refund on a day
 *   without a purchase netted into the customer's latest earlier purchase day, a purchase day dropped
 *   when refunds bring it to zero or below, and the first purchase day(s) as ISO text. Written for
 *   speed: the few refund-only days are joined to their customer's days (the purchase filter inside
 *   the aggregate, so that DuckDB builds the hash table on them) and each day's first row, an
 *   integer, names the target day in the join back (faster than customer and day: 3.6 s against
 *   4.6 s CPU at 10M lines, and as fast as our SQL). It checks nothing: an
 *   invalid record (a missing id or date, a non-finite amount, a later record, an order shared by two
 *   customers, a refund before any purchase, a negative net spend), on which ours throws a typed error
 *   naming the row, goes through or is dropped silently;
 * - `rfmAnalyst` and `repeatAnalyst`: what an analyst writes first, which computes less (no customer
 *   order; repeat purchases net a refund into its own day, so a refund-only day is dropped instead of
 *   reducing the purchase day it refunds; rfm keeps customers without a purchase, with frequency 0
 *   and no recency, and gives no first or last purchase day) — for information.
 */
async function handWritten(path: string) {
  const connection = await (
    await DuckDBInstance.create(":memory:", { memory_limit: MEMORY_LIMIT, temp_directory: spillFolder() })
  ).connect();
  const read = async (sql: string) => {
    const reader = await connection.runAndReadAll(sql, [path]);
    return { rows: reader.currentRowCount, columns: reader.getColumnsObjectJS() };
  };
  return {
    rfm: () =>
      readFast(
        connection,
        `WITH orders AS (
          SELECT min(customerId) AS c, min(file_row_number) AS r, sum(amount) AS net,
                 bool_or(amount < 0) AS refunded, min(date) FILTER (WHERE amount >= 0) AS d
          FROM read_parquet($1, file_row_number = true) GROUP BY orderId),
        flagged AS (SELECT c, r, net, d, d IS NOT NULL AND NOT (refunded AND net <= 1e-9) AS purchase FROM orders)
        SELECT c AS customer, CAST(DATE '${AS_OF}' - max(d) FILTER (WHERE purchase) AS DOUBLE) AS recency_days,
               CAST(count(*) FILTER (WHERE purchase) AS DOUBLE) AS frequency, sum(net) AS monetary,
               CAST(min(d) FILTER (WHERE purchase) AS VARCHAR) AS first_purchase,
               CAST(max(d) FILTER (WHERE purchase) AS VARCHAR) AS last_purchase
        FROM flagged GROUP BY c HAVING count(*) FILTER (WHERE purchase) > 0 ORDER BY min(r)`,
        [path],
      ),
    repeat: () =>
      readFast(
        connection,
        `WITH days AS (
          SELECT customerId AS c, date AS d, min(file_row_number) AS r,
                 sum(amount) FILTER (WHERE amount >= 0) AS pv, sum(amount) FILTER (WHERE amount < 0) AS rv
          FROM read_parquet($1, file_row_number = true) GROUP BY c, d),
        moved AS (
          SELECT arg_max(p.r, p.d) FILTER (WHERE p.pv IS NOT NULL) AS r, q.rv
          FROM (SELECT c, d, r, rv FROM days WHERE pv IS NULL) q
          LEFT JOIN days p ON p.c = q.c AND p.d < q.d GROUP BY q.r, q.rv),
        valued AS (
          SELECT d.c, d.r, d.d, d.pv + coalesce(d.rv, 0) + coalesce(m.rv, 0) AS v,
                 d.pv IS NOT NULL AND NOT ((d.rv IS NOT NULL OR m.rv IS NOT NULL)
                   AND d.pv + coalesce(d.rv, 0) + coalesce(m.rv, 0) <= 1e-9) AS kept
          FROM days d LEFT JOIN (SELECT r, sum(rv) AS rv FROM moved GROUP BY r) m ON m.r = d.r)
        SELECT c AS customer, CAST(count(*) FILTER (WHERE kept) - 1 AS DOUBLE) AS frequency,
               (max(d) FILTER (WHERE kept) - min(d) FILTER (WHERE kept)) / 7 AS recency,
               (DATE '${AS_OF}' - min(d) FILTER (WHERE kept)) / 7 AS T,
               CASE WHEN count(*) FILTER (WHERE kept) > 1
                    THEN (sum(v) FILTER (WHERE kept) - arg_min(v, d) FILTER (WHERE kept)) / (count(*) FILTER (WHERE kept) - 1)
                    ELSE 0 END AS monetary,
               CAST(min(d) FILTER (WHERE kept) AS VARCHAR) AS first_purchase
        FROM valued GROUP BY c HAVING count(*) FILTER (WHERE kept) > 0 ORDER BY min(r)`,
        [path],
      ),
    rfmAnalyst: () =>
      read(`WITH orders AS (
          SELECT orderId, min(customerId) AS customerId, sum(amount) AS net, bool_or(amount < 0) AS refunded,
                 min(date) FILTER (WHERE amount >= 0) AS day
          FROM read_parquet($1) GROUP BY orderId)
        SELECT customerId, DATE '${AS_OF}' - max(day) FILTER (WHERE NOT (refunded AND net <= 1e-9)) AS recency,
               count(*) FILTER (WHERE NOT (refunded AND net <= 1e-9)) AS frequency, sum(net) AS monetary
        FROM orders GROUP BY customerId`),
    repeatAnalyst: () =>
      read(`WITH days AS (
          SELECT customerId, date, sum(amount) AS v FROM read_parquet($1) GROUP BY customerId, date HAVING sum(amount) > 1e-9)
        SELECT customerId, count(*) - 1 AS frequency, (max(date) - min(date)) / 7 AS recency,
               (DATE '${AS_OF}' - min(date)) / 7 AS T,
               CASE WHEN count(*) > 1 THEN (sum(v) - arg_min(v, date)) / (count(*) - 1) ELSE 0 END AS monetary
        FROM days GROUP BY customerId`),
  };
}

/**
 * Throws unless the hand-written "same rules" result equals ours: the same customers in the same
 * order, and every field equal (sums of amounts to 1e-9 relative: DuckDB's threads add in varying
 * order); returns the largest relative difference of those sums.
 */
function sameResult(
  name: string,
  ours: { customers: readonly Record<string, unknown>[] },
  hand: { rows: number; columns: Record<string, ArrayLike<unknown>> },
  fields: Record<string, string>,
  sums: readonly string[],
): number {
  const fail = (what: string) => {
    throw new Error(`bench duckdb: the hand-written "same rules" ${name} differs from ours: ${what}`);
  };
  if (hand.rows !== ours.customers.length) fail(`${hand.rows} customers, ours ${ours.customers.length}`);
  let worst = 0;
  ours.customers.forEach((row, i) => {
    for (const [field, column] of Object.entries(fields)) {
      const mine = row[field];
      const theirs = hand.columns[column]?.[i];
      if (sums.includes(field)) {
        const a = mine as number;
        const b = theirs as number;
        const relative = Math.abs(a - b) / Math.max(1, Math.abs(a));
        if (!(relative <= 1e-9)) fail(`row ${i} (customer ${String(row.customer)}) ${field} ${a} vs ${b}`);
        worst = Math.max(worst, relative);
      } else if (mine !== theirs) {
        fail(`row ${i} (customer ${String(row.customer)}) ${field} ${String(mine)} vs ${String(theirs)}`);
      }
    }
  });
  return worst;
}

/** A python3 that imports pandas (Debian's python3-pandas lives in /usr/bin's, not a pyenv shim's), or undefined. */
function pandasPython(): { python: string; parquet: boolean } | undefined {
  for (const python of ["python3", "/usr/bin/python3"]) {
    if (spawnSync(python, ["-c", "import pandas"], { encoding: "utf8" }).status !== 0) continue;
    const parquet = spawnSync(python, ["-c", "import pyarrow"], { encoding: "utf8" }).status === 0;
    return { python, parquet };
  }
  return undefined;
}

/**
 * The same data for pandas: the Parquet file itself when pyarrow is installed, else a CSV copy
 * written once by DuckDB (Debian bookworm packages pandas but neither pyarrow nor fastparquet).
 */
async function pandasInput(path: string, parquet: boolean): Promise<string> {
  if (parquet) return path;
  const csv = path.replace(/\.parquet$/, ".csv");
  if (existsSync(csv)) return csv;
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  await connection.run(`COPY (SELECT * FROM read_parquet($1)) TO '${csv.replace(/'/g, "''")}' (HEADER)`, [
    path,
  ]);
  connection.closeSync();
  return csv;
}

/**
 * pandas `groupby` in its own process on the same records (read with `read_parquet`, or `read_csv`
 * of a DuckDB-written copy): the RFM aggregation (orders netted, fully refunded orders dropped,
 * then per customer) or the repeat-purchase one (per customer and day, then per customer).
 * Returns the load and groupby times and the peak RSS, or undefined when pandas is missing.
 */
async function pandas(
  path: string,
  kind: "rfm" | "repeat",
): Promise<
  | {
      loadMs: number;
      groupbyMs: number;
      loadCpuMs: number;
      groupbyCpuMs: number;
      rssMb: number;
      input: string;
    }
  | undefined
> {
  const found = pandasPython();
  if (found === undefined) return undefined;
  const input = await pandasInput(path, found.parquet);
  const script = join(tmpdir(), "clientele-bench-pandas.py");
  writeFileSync(
    script,
    `import json, resource, sys, time
import pandas as pd
path, kind = sys.argv[1], sys.argv[2]
start, cpu = time.perf_counter(), time.process_time()
if path.endswith(".parquet"):
    df = pd.read_parquet(path)
else:
    df = pd.read_csv(path, dtype={"orderId": str, "customerId": str, "amount": "float64"}, parse_dates=["date"])
df["date"] = pd.to_datetime(df["date"])
loaded, loaded_cpu = time.perf_counter(), time.process_time()
as_of = pd.Timestamp("${AS_OF}")
if kind == "rfm":
    df = df[df["date"] <= as_of]
    df["refund"] = df["amount"] < 0
    df["purchase_day"] = df["date"].where(~df["refund"])
    orders = df.groupby("orderId").agg(customerId=("customerId", "first"), net=("amount", "sum"),
                                       refunded=("refund", "any"), day=("purchase_day", "min"))
    orders["purchase"] = ~(orders["refunded"] & (orders["net"] <= 1e-9))
    kept = orders[orders["purchase"]]
    out = kept.groupby("customerId").agg(last=("day", "max"), frequency=("net", "size"))
    out["monetary"] = orders.groupby("customerId")["net"].sum()
    out["recency"] = (as_of - out["last"]).dt.days
else:
    days = df.groupby(["customerId", "date"], as_index=False)["amount"].sum()
    days = days[days["amount"] > 1e-9]
    out = days.groupby("customerId").agg(first=("date", "min"), last=("date", "max"), n=("amount", "size"), total=("amount", "sum"))
    out["frequency"] = out["n"] - 1
    out["recency"] = (out["last"] - out["first"]).dt.days / 7
    out["T"] = (as_of - out["first"]).dt.days / 7
done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"loadMs": (loaded - start) * 1000, "groupbyMs": (done - loaded) * 1000,
                  "loadCpuMs": (loaded_cpu - cpu) * 1000, "groupbyCpuMs": (done_cpu - loaded_cpu) * 1000,
                  "rssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rows": len(out)}))
`,
  );
  const run = spawnSync(found.python, [script, input, kind], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    console.log(`# pandas ${kind} failed: ${run.stderr.trim().split("\n").at(-1)}`);
    return undefined;
  }
  const parsed = JSON.parse(run.stdout.trim()) as {
    loadMs: number;
    groupbyMs: number;
    loadCpuMs: number;
    groupbyCpuMs: number;
    rssMb: number;
  };
  return {
    ...parsed,
    input: input.endsWith(".parquet") ? "read_parquet" : "read_csv of a DuckDB-written CSV copy",
  };
}

/** CPU and wall times (ms) of one case over the rounds, and its last result. */
interface Timings<R> {
  readonly cpu: MinMedian;
  readonly wall: MinMedian;
  result: R;
}

/**
 * Interleaved rounds (round r runs every case once, in order), each call from a collected heap, timed
 * by wall clock and by the process CPU time (DuckDB's threads run in this process): on this shared
 * VM wall time moves with the other tenants' load, CPU time much less, so ratios are given on both,
 * as min and median over the rounds.
 */
async function rounds<K extends string>(
  cases: Record<K, () => Promise<unknown>>,
  count: number,
): Promise<Record<K, Timings<unknown>>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const cpu: Record<string, number[]> = {};
  const wall: Record<string, number[]> = {};
  const results: Record<string, unknown> = {};
  for (let round = 0; round < count; round++) {
    for (const [name, fn] of Object.entries(cases) as [K, () => Promise<unknown>][]) {
      gc?.();
      const before = process.cpuUsage();
      const start = performance.now();
      results[name] = await fn();
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(before);
      (wall[name] ??= []).push(elapsed);
      (cpu[name] ??= []).push((used.user + used.system) / 1000);
      console.log(
        `# round ${round + 1} ${name}: CPU ${(cpu[name]?.at(-1) ?? 0).toFixed(0)} ms, wall ${elapsed.toFixed(0)} ms`,
      );
    }
  }
  return Object.fromEntries(
    Object.keys(cases).map((name) => [
      name,
      { cpu: minMedian(cpu[name] ?? []), wall: minMedian(wall[name] ?? []), result: results[name] },
    ]),
  ) as Record<K, Timings<unknown>>;
}

/** "1.23x CPU (min; median 1.25x)" and the seconds behind it. */
function overhead(ours: Timings<unknown>, theirs: Timings<unknown>, target = "target <= 1.3x"): string {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  return (
    `overhead CPU ${(ours.cpu.min / theirs.cpu.min).toFixed(2)}x min, ${(ours.cpu.median / theirs.cpu.median).toFixed(2)}x median ` +
    `(${s(ours.cpu.min)}/${s(ours.cpu.median)} s vs ${s(theirs.cpu.min)}/${s(theirs.cpu.median)} s), ` +
    `wall ${(ours.wall.min / theirs.wall.min).toFixed(2)}x min; ${target}`
  );
}

async function casesFor(lines: number, repeat: number): Promise<BenchRow[]> {
  const out: BenchRow[] = [];
  const generated = performance.now();
  const path = await orderLines(lines);
  const label = `${lines / 1e6}M order lines (Parquet)`;
  console.log(`# ${label}: ${path} ready in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  const hand = await handWritten(path);
  const rfmOptions = {
    customer: "customerId",
    date: "date",
    amount: "amount",
    order: "orderId",
    asOf: AS_OF,
  };
  const summaryOptions = {
    customer: "customerId",
    date: "date",
    amount: "amount",
    asOf: AS_OF,
    timeUnit: "week",
  } as const;
  const timings = await rounds(
    {
      rfmTable: () => rfmTable(path, rfmOptions),
      rfmSameRules: () => hand.rfm(),
      rfmAnalyst: () => hand.rfmAnalyst(),
      repeatPurchaseSummary: () => repeatPurchaseSummary(path, summaryOptions),
      repeatSameRules: () => hand.repeat(),
      repeatAnalyst: () => hand.repeatAnalyst(),
    },
    repeat,
  );
  const rss = peakRssMb();
  const ours = timings.rfmTable;
  const summary = timings.repeatPurchaseSummary;
  type Hand = { rows: number; columns: Record<string, ArrayLike<unknown>> };
  type Customers = { customers: readonly Record<string, unknown>[] };
  const rfmDifference = sameResult(
    "rfmTable",
    ours.result as Customers,
    timings.rfmSameRules.result as Hand,
    {
      customer: "customer",
      recencyDays: "recency_days",
      frequency: "frequency",
      monetary: "monetary",
      firstPurchase: "first_purchase",
      lastPurchase: "last_purchase",
    },
    ["monetary"],
  );
  const repeatDifference = sameResult(
    "repeatPurchaseSummary",
    summary.result as Customers,
    timings.repeatSameRules.result as Hand,
    {
      customer: "customer",
      frequency: "frequency",
      recency: "recency",
      T: "T",
      monetaryValue: "monetary",
      firstPurchase: "first_purchase",
    },
    ["monetaryValue"],
  );
  const customers = (result: unknown) => (result as Customers).customers.length;
  const equal = (difference: number) =>
    `results checked equal (customers, order, every field; sums within ${difference.toExponential(0)} relative)`;
  out.push({
    case: `rfmTable via clientele/duckdb, ${label}, ${customers(ours.result)} customers`,
    clienteleMs: ours.wall.median,
    peer: "hand-written DuckDB SQL, same rules (the bar)",
    peerMs: timings.rfmSameRules.wall.median,
    note:
      `${overhead(ours, timings.rfmSameRules)}; ${repeat} interleaved rounds; ${equal(rfmDifference)}; the hand SQL checks ` +
      "no record (ours: ids, dates, amounts, later records, orders shared by two customers, negative net spend); " +
      `peak RSS ${rss.toFixed(0)} MB for the whole process (all six cases, their results held; one call alone in a fresh process peaks lower)`,
  });
  out.push({
    case: `rfmTable via clientele/duckdb, ${label}`,
    clienteleMs: ours.wall.median,
    peer: "analyst's simple DuckDB SQL (information)",
    peerMs: timings.rfmAnalyst.wall.median,
    note:
      `${overhead(ours, timings.rfmAnalyst, "information: it computes less")}; no first-seen customer order, ` +
      "keeps customers without a purchase (frequency 0, no recency), no first or last purchase day",
  });
  out.push({
    case: `repeatPurchaseSummary via clientele/duckdb, ${label}, ${customers(summary.result)} customers`,
    clienteleMs: summary.wall.median,
    peer: "hand-written DuckDB SQL, same rules (the bar)",
    peerMs: timings.repeatSameRules.wall.median,
    note:
      `${overhead(summary, timings.repeatSameRules)}; ${equal(repeatDifference)}; the hand SQL checks no record ` +
      "(ours: ids, dates, amounts, later records, refunds before any purchase)",
  });
  out.push({
    case: `repeatPurchaseSummary via clientele/duckdb, ${label}`,
    clienteleMs: summary.wall.median,
    peer: "analyst's simple DuckDB SQL (information)",
    peerMs: timings.repeatAnalyst.wall.median,
    note:
      `${overhead(summary, timings.repeatAnalyst, "information: it computes less")}; it nets a refund into its own day ` +
      "(a refund-only day is dropped instead of reducing the purchase day before it) and gives no first-seen customer order",
  });
  if (lines > PANDAS_MAX_LINES || process.env.CLIENTELE_BENCH_PANDAS === "0") {
    console.log(
      lines > PANDAS_MAX_LINES
        ? `# pandas at ${label}: skipped (its frame of ${lines / 1e6}M rows needs more RAM than this VM shares)`
        : "# pandas: skipped (CLIENTELE_BENCH_PANDAS=0)",
    );
    return out;
  }
  for (const [kind, row, cpuMs] of [
    ["rfm", out[0], ours.cpu.median],
    ["repeat", out[2], summary.cpu.median],
  ] as const) {
    const name = `${kind === "rfm" ? "rfmTable" : "repeatPurchaseSummary"}, ${label}: pandas groupby`;
    const result = await pandas(path, kind);
    if (result === undefined) {
      console.log(
        `# pandas ${kind}: skipped (no python3 imports pandas; Debian: apt install python3-pandas)`,
      );
      out.push({
        case: name,
        clienteleMs: row?.clienteleMs ?? Number.NaN,
        peer: "pandas (skipped: not installed)",
        peerMs: Number.NaN,
        note: "python3 -c 'import pandas' failed",
      });
    } else {
      out.push({
        case: name,
        clienteleMs: row?.clienteleMs ?? Number.NaN,
        peer: `pandas ${result.input} + groupby`,
        peerMs: result.loadMs + result.groupbyMs,
        note:
          `pandas load ${(result.loadMs / 1000).toFixed(1)} s + groupby ${(result.groupbyMs / 1000).toFixed(1)} s wall, ` +
          `CPU ${(result.loadCpuMs / 1000).toFixed(1)} s + ${(result.groupbyCpuMs / 1000).toFixed(1)} s vs ours ${(cpuMs / 1000).toFixed(1)} s ` +
          `(one run, own process, peak RSS ${result.rssMb.toFixed(0)} MB); ours includes the scan of the file`,
      });
    }
  }
  return out;
}

/** DuckDB's spill folder for the bench (both instances). */
function spillFolder(): string {
  return join(tmpdir(), "clientele-bench-duckdb-spill");
}

export async function run(): Promise<BenchRow[]> {
  await configureDuckDB({ memoryLimit: MEMORY_LIMIT, tempDirectory: spillFolder() });
  console.log(
    `# DuckDB memory_limit ${MEMORY_LIMIT} (CLIENTELE_BENCH_DUCKDB_MEMORY), spill folder ${spillFolder()}`,
  );
  // CLIENTELE_BENCH_LINES: another size than 10M (a quick check of the bench itself), or 0 for none;
  // CLIENTELE_BENCH_ROUNDS: interleaved rounds (3 at 10M, 1 at 50M)
  const rounds = process.env.CLIENTELE_BENCH_ROUNDS;
  const lines = Number(process.env.CLIENTELE_BENCH_LINES ?? 10_000_000);
  const out = lines > 0 ? await casesFor(lines, Number(rounds ?? 3)) : [];
  if (process.env.CLIENTELE_BENCH_50M === "1") out.push(...(await casesFor(50_000_000, Number(rounds ?? 1))));
  else console.log("# 50M lines: skipped (set CLIENTELE_BENCH_50M=1)");
  return out;
}
