/**
 * Big data: order lines in a Parquet file, analysed end to end without loading them into JavaScript.
 *
 * 1. DuckDB writes a seeded Parquet file of order lines into the system's temporary folder
 *    (deterministic: every value is a hash of the line number and SEED, no random state).
 * 2. clientele/duckdb builds the per-customer summaries inside DuckDB (the RFM table and the repeat
 *    purchase summary); only one row per customer crosses into JS.
 * 3. BG/NBD and Gamma-Gamma are fitted in-process, then 12-month CLV and the top customers.
 * 4. The same summary as SQL for a warehouse (BigQuery here) with clientele/sql.
 *
 * Run: npx tsx examples/big-data.ts                                    (200,000 lines: seconds)
 *      CLIENTELE_EXAMPLE_LINES=10000000 npx tsx examples/big-data.ts   (10M lines, 330k customers: about
 *      1.5 min and 1.25 GB peak RSS on a loaded 2-core VM, DuckDB capped at 1 GB below)
 * Needs the optional peer dependency @duckdb/node-api (npm install @duckdb/node-api).
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { configureDuckDB, repeatPurchaseSummary, rfmTable } from "clientele/duckdb";
import { rfmTableSql } from "clientele/sql";
import { customerLifetimeValue, fitBgNbd, fitGammaGamma } from "clientele/value";

const LINES = Number(process.env.CLIENTELE_EXAMPLE_LINES ?? 200_000);
if (!Number.isInteger(LINES) || LINES < 1000) {
  throw new RangeError(`CLIENTELE_EXAMPLE_LINES must be an integer of at least 1000, got ${LINES}`);
}
const SEED = 42;
const OBSERVATION_END = "2025-12-31";
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/**
 * Writes LINES order lines: 2-4 lines per order, customers drawn with a skew (a few buy often,
 * most rarely), each customer active from an acquisition day in 2024 until a drop-out day, order
 * amounts 5.00-154.99 scaled by a per-customer spend level, one line in 100 a small refund.
 */
async function writeOrderLines(path: string): Promise<void> {
  const customers = Math.max(100, Math.round(LINES / 30));
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const u = (expression: string) => `(CAST(hash(${expression}, ${SEED}) % 1000000 AS DOUBLE) / 1000000)`;
  await connection.run(
    `COPY (
      WITH orders AS (
        SELECT o, CAST(floor(${customers} * pow(${u("o * 3 + 1")}, 2.5)) AS BIGINT) AS c FROM range(${Math.ceil(LINES / 3)}) t(o)),
      dated AS (
        SELECT o, c,
               CAST(floor(${u("c * 7 + 2")} * 366) AS INTEGER) AS acquired,
               CAST(floor(${u("c * 7 + 2")} * 366 + 30 + ${u("c * 11 + 3")} * 700) AS INTEGER) AS dropout,
               0.5 + ${u("c * 13 + 4")} AS spend
        FROM orders),
      placed AS (
        SELECT o, c, spend, DATE '2024-01-01' + CAST(acquired + floor(${u("o * 5 + 6")} * (least(dropout, 730) - acquired)) AS INTEGER) AS day
        FROM dated),
      lines AS (
        SELECT o * 3 + k AS i, o, c, spend, day FROM placed, range(3) r(k) WHERE k < 2 OR ${u("o * 17 + 8")} < 0.5)
      SELECT 'O' || lpad(CAST(o AS VARCHAR), 9, '0') AS orderId,
             'C' || lpad(CAST(c AS VARCHAR), 7, '0') AS customerId,
             day AS date,
             CASE WHEN ${u("i * 19 + 9")} < 0.01 AND i % 3 > 0 THEN -round(1 + ${u("i * 23 + 10")} * 3, 2)
                  ELSE round((5 + ${u("i * 29 + 11")} * 150) * spend, 2) END AS amount
      FROM lines WHERE i < ${LINES} ORDER BY i
    ) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`,
  );
  connection.closeSync();
}

const path = join(tmpdir(), `clientele-example-order-lines-${LINES}-seed${SEED}.parquet`);
let start = performance.now();
if (!existsSync(path)) await writeOrderLines(path);
console.log(`Order lines: ${LINES.toLocaleString("en-US")} in ${path} (ready in ${seconds(start)}).`);

// DuckDB's buffer pool defaults to 80% of RAM: cap it so big files spill to disk instead.
await configureDuckDB({ memoryLimit: "1GB" });

start = performance.now();
const rfm = await rfmTable(path, {
  customer: "customerId",
  date: "date",
  amount: "amount",
  order: "orderId",
  asOf: OBSERVATION_END,
});
console.log(`RFM table in DuckDB: ${rfm.customers.length} customers in ${seconds(start)}.`);

start = performance.now();
const summary = await repeatPurchaseSummary(path, {
  customer: "customerId",
  date: "date",
  amount: "amount",
  asOf: OBSERVATION_END,
  timeUnit: "week",
});
console.log(
  `Repeat-purchase summary in DuckDB: ${summary.customers.length} customers in ${seconds(start)}; ` +
    `first: ${JSON.stringify(summary.customers[0])}`,
);

start = performance.now();
const transactions = fitBgNbd(summary);
const spend = fitGammaGamma(summary);
const rounded = (params: object) =>
  Object.entries(params)
    .map(([name, value]) => `${name} ${Number(value).toFixed(3)}`)
    .join(", ");
console.log(
  `BG/NBD: ${rounded(transactions.params)} (${transactions.convergence.converged ? "converged" : "NOT converged"}); ` +
    `Gamma-Gamma: ${rounded(spend.params)}; fitted in ${seconds(start)}.`,
);

const clv = customerLifetimeValue(summary, {
  transactionModel: transactions,
  spendModel: spend,
  periods: 12,
  periodLength: 52 / 12,
  discountRate: 0.01,
});
let total = 0;
for (const row of clv.customers) total += row.lifetimeValue;
console.log(`12-month CLV (1% monthly discount) of all customers: ${total.toFixed(0)}.`);
console.log("Top 5 customers by CLV:");
for (const row of [...clv.customers].sort((a, b) => b.lifetimeValue - a.lifetimeValue).slice(0, 5)) {
  console.log(
    `  ${row.customer}: CLV ${row.lifetimeValue.toFixed(2).padStart(9)} = ${row.expectedPurchases.toFixed(2)} purchases x ` +
      `${row.expectedAverageValue.toFixed(2)}, P(alive) ${row.probabilityAlive.toFixed(2)}`,
  );
}

// The same RFM summary for a warehouse: run it there, fetch one row per customer.
const sql = rfmTableSql(
  ["shop", "order_lines"],
  { customer: "customerId", date: "date", amount: "amount", order: "orderId", asOf: OBSERVATION_END },
  { dialect: "bigquery", dateType: "date" },
);
console.log(`BigQuery SQL of the RFM table (${sql.length} characters): ${sql.slice(0, 96)}...`);
