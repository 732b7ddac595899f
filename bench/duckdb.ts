/**
 * Benchmarks of clientele/duckdb (issue 23):
 * - 10M order lines (50M with CLIENTELE_BENCH_50M=1) generated as Parquet by DuckDB itself from
 *   hash-based SQL (deterministic: `hash()` of the line number, no random state), cached in the
 *   system's temporary folder;
 * - `rfmTable` and `repeatPurchaseSummary` through clientele/duckdb against the same aggregation
 *   written by hand in DuckDB SQL and read back to JS (the overhead of our layer: validation pass,
 *   record positions for first-seen order and error rows, exact refund rules, building the result;
 *   target <= 1.3x), and against pandas `groupby` on the same file when `python3 -c "import pandas"`
 *   works (a visible skip line otherwise);
 * - peak RSS of the process (DuckDB runs in it) after each case.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { repeatPurchaseSummary, rfmTable } from "../src/duckdb/index.js";
import { type BenchRow, peakRssMb, timeIt } from "./harness.js";

const AS_OF = "2025-01-31";

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

/** The aggregations written by hand, as an analyst would in DuckDB, read back into JS columns. */
async function handWritten(path: string) {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const read = async (sql: string) => {
    const reader = await connection.runAndReadAll(sql, [path]);
    return { rows: reader.currentRowCount, columns: reader.getColumnsObjectJS() };
  };
  return {
    rfm: () =>
      read(`WITH orders AS (
          SELECT orderId, min(customerId) AS customerId, sum(amount) AS net, bool_or(amount < 0) AS refunded,
                 min(date) FILTER (WHERE amount >= 0) AS day
          FROM read_parquet($1) GROUP BY orderId)
        SELECT customerId, DATE '${AS_OF}' - max(day) FILTER (WHERE NOT (refunded AND net <= 1e-9)) AS recency,
               count(*) FILTER (WHERE NOT (refunded AND net <= 1e-9)) AS frequency, sum(net) AS monetary
        FROM orders GROUP BY customerId`),
    repeat: () =>
      read(`WITH days AS (
          SELECT customerId, date, sum(amount) AS v FROM read_parquet($1) GROUP BY customerId, date HAVING sum(amount) > 1e-9)
        SELECT customerId, count(*) - 1 AS frequency, (max(date) - min(date)) / 7 AS recency,
               (DATE '${AS_OF}' - min(date)) / 7 AS T,
               CASE WHEN count(*) > 1 THEN (sum(v) - arg_min(v, date)) / (count(*) - 1) ELSE 0 END AS monetary
        FROM days GROUP BY customerId`),
  };
}

/** pandas groupby on the same file, or undefined when pandas (with pyarrow) is not installed. */
function pandas(path: string, kind: "rfm" | "repeat"): number | undefined {
  const probe = spawnSync("python3", ["-c", "import pandas, pyarrow"], { encoding: "utf8" });
  if (probe.status !== 0) return undefined;
  const script = join(tmpdir(), "clientele-bench-pandas.py");
  writeFileSync(
    script,
    `import sys, time
import pandas as pd
path, kind = sys.argv[1], sys.argv[2]
start = time.perf_counter()
df = pd.read_parquet(path)
as_of = pd.Timestamp("${AS_OF}")
df["date"] = pd.to_datetime(df["date"])
if kind == "rfm":
    orders = df.groupby("orderId").agg(customerId=("customerId", "first"), net=("amount", "sum"), day=("date", "min"))
    out = orders.groupby("customerId").agg(last=("day", "max"), frequency=("net", "size"), monetary=("net", "sum"))
else:
    days = df.groupby(["customerId", "date"], as_index=False)["amount"].sum()
    days = days[days["amount"] > 1e-9]
    out = days.groupby("customerId").agg(first=("date", "min"), last=("date", "max"), n=("amount", "size"), total=("amount", "sum"))
print((time.perf_counter() - start) * 1000)
`,
  );
  const run = spawnSync("python3", [script, path, kind], { encoding: "utf8" });
  return run.status === 0 ? Number(run.stdout.trim()) : undefined;
}

/**
 * `timeIt` plus the process CPU time per run (DuckDB's threads run in this process): on this shared
 * VM wall time moves with the other tenants' load, CPU time much less, so ratios are given on both.
 */
async function timed<R>(
  fn: () => Promise<R>,
  repeat: number,
): Promise<{ ms: number; cpuMs: number; result: R }> {
  const before = process.cpuUsage();
  const { ms, result } = await timeIt(fn, { repeat, warmup: 0 });
  const used = process.cpuUsage(before);
  return { ms, cpuMs: (used.user + used.system) / 1000 / repeat, result };
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
  const ours = await timed(() => rfmTable(path, rfmOptions), repeat);
  const rssOurs = peakRssMb();
  const theirs = await timed(() => hand.rfm(), repeat);
  out.push({
    case: `rfmTable via clientele/duckdb, ${label}, ${ours.result.customers.length} customers`,
    clienteleMs: ours.ms,
    peer: "hand-written DuckDB SQL",
    peerMs: theirs.ms,
    note: `overhead ${(ours.ms / theirs.ms).toFixed(2)}x wall, ${(ours.cpuMs / theirs.cpuMs).toFixed(2)}x CPU (${(ours.cpuMs / 1000).toFixed(1)} s vs ${(theirs.cpuMs / 1000).toFixed(1)} s; target <= 1.3x); hand SQL ${theirs.result.rows} rows; peak RSS ${rssOurs.toFixed(0)} MB`,
  });
  const summaryOptions = {
    customer: "customerId",
    date: "date",
    amount: "amount",
    observationEnd: AS_OF,
    timeUnit: "week",
  } as const;
  const summary = await timed(() => repeatPurchaseSummary(path, summaryOptions), repeat);
  const rssSummary = peakRssMb();
  const handSummary = await timed(() => hand.repeat(), repeat);
  out.push({
    case: `repeatPurchaseSummary via clientele/duckdb, ${label}, ${summary.result.customers.length} customers`,
    clienteleMs: summary.ms,
    peer: "hand-written DuckDB SQL",
    peerMs: handSummary.ms,
    note: `overhead ${(summary.ms / handSummary.ms).toFixed(2)}x wall, ${(summary.cpuMs / handSummary.cpuMs).toFixed(2)}x CPU (${(summary.cpuMs / 1000).toFixed(1)} s vs ${(handSummary.cpuMs / 1000).toFixed(1)} s; target <= 1.3x; the hand SQL nets refunds into their own day, not by time); peak RSS ${rssSummary.toFixed(0)} MB`,
  });
  for (const [kind, row] of [
    ["rfm", out[0]],
    ["repeat", out[1]],
  ] as const) {
    const ms = pandas(path, kind);
    if (ms === undefined) {
      console.log(
        `# pandas ${kind}: skipped (python3 cannot import pandas and pyarrow; Debian: apt install python3-pandas python3-pyarrow)`,
      );
      out.push({
        case: `${kind === "rfm" ? "rfmTable" : "repeatPurchaseSummary"}, ${label}: pandas groupby`,
        clienteleMs: row?.clienteleMs ?? Number.NaN,
        peer: "pandas (skipped: not installed)",
        peerMs: Number.NaN,
        note: "python3 -c 'import pandas, pyarrow' failed",
      });
    } else {
      out.push({
        case: `${kind === "rfm" ? "rfmTable" : "repeatPurchaseSummary"}, ${label}: pandas groupby`,
        clienteleMs: row?.clienteleMs ?? Number.NaN,
        peer: "pandas read_parquet + groupby",
        peerMs: ms,
        note: "one run of pandas (read included, as ours includes the scan)",
      });
    }
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const out = await casesFor(10_000_000, 3);
  if (process.env.CLIENTELE_BENCH_50M === "1") out.push(...(await casesFor(50_000_000, 1)));
  else console.log("# 50M lines: skipped (set CLIENTELE_BENCH_50M=1)");
  return out;
}
