/**
 * Benchmark of the sample-store generator: wall time to generate stores of
 * about 10k, 100k and 1M order lines (target: 1M lines in under 10 s, aim 2-4 s).
 * No peer: nothing else generates this store.
 */
import { generateStore } from "../src/store/index.js";
import { type BenchRow, peakRssMb, timeIt } from "./harness.js";

const CASES: readonly { readonly lines: number; readonly repeat: number }[] = [
  { lines: 10_000, repeat: 5 },
  { lines: 100_000, repeat: 3 },
  { lines: 1_000_000, repeat: 3 },
];

/** Times `generateStore({ orderLines })` for each size; notes the lines produced and the peak RSS so far. */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { lines, repeat } of CASES) {
    const { ms, result } = await timeIt(() => generateStore({ seed: 1, orderLines: lines }), {
      repeat,
      warmup: 1,
    });
    rows.push({
      case: `generateStore ~${lines.toLocaleString("en-US")} order lines`,
      clienteleMs: ms,
      peer: "",
      peerMs: Number.NaN,
      note: `${result.orderLines.length} lines, ${result.orders.length} orders, ${result.customers.length} customers; peak RSS ${peakRssMb().toFixed(0)} MB${lines === 1_000_000 ? "; target < 10 000 ms" : ""}`,
    });
  }
  return rows;
}
