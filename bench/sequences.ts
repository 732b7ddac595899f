/**
 * Sequential-pattern benchmarks: `sequentialPatterns` on the seeded sample store (generateStore,
 * 100 000 customers, purchase lines, baskets = orders) at three settings; at the first, against the
 * level-wise reference miner of `src/basket/internal/sequenceBruteForce.ts` (an independent,
 * GSP-like implementation written from the definitions: every candidate is checked on each customer
 * holding its parent, here by the greedy containment scan, as no time constraint is set). Both must
 * return the same patterns and counts; the note says whether they did. The store's staples are
 * bought again and again, so long sequences are frequent: below minSupport 0.1 without a constraint
 * the default budget (1,000,000 patterns) stops the search, hence maxElements / maxGap in the others.
 * `--skip-slow-peer` leaves out the reference.
 * No JavaScript peer mines sequences; SPMF's and cSPADE's published figures are on other data.
 *
 * Run alone with `node --expose-gc --import tsx bench/single.ts sequences`.
 */
import {
  levelWiseSequences,
  type ReferenceBasket,
  referenceKey,
} from "../src/basket/internal/sequenceBruteForce.js";
import { sequentialPatterns } from "../src/basket/sequentialPatterns.js";
import { MS_PER_DAY } from "../src/core/index.js";
import { generateStore } from "../src/store/index.js";
import { type BenchRow, peakRssMb, timeIt } from "./harness.js";

type Line = ReturnType<typeof generateStore>["orderLines"][number];

/** The store's histories as the reference miner takes them: per customer, orders in date order. */
function referenceInput(lines: readonly Line[]): ReferenceBasket[][] {
  const byCustomer = new Map<string, Map<string, { time: number; items: Set<string> }>>();
  for (const line of lines) {
    let orders = byCustomer.get(line.customerId);
    if (orders === undefined) byCustomer.set(line.customerId, (orders = new Map()));
    let order = orders.get(line.orderId);
    if (order === undefined) {
      orders.set(line.orderId, (order = { time: Date.parse(line.date) / MS_PER_DAY, items: new Set() }));
    }
    order.items.add(line.product);
  }
  return [...byCustomer.values()].map((orders) =>
    [...orders.values()]
      .sort((a, b) => a.time - b.time)
      .map((order) => ({ time: order.time, items: [...order.items].sort() })),
  );
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = generateStore({ customers: 100_000, seed: 1 });
  // purchases only: refund lines carry the refund's date under the original order
  const lines = store.orderLines.filter((line) => !line.refund);
  const customers = referenceInput(lines);
  const fields = { customer: "customerId", date: "date", item: "product", order: "orderId" } as const;
  const cases = [
    { name: "minSupport 0.3", options: { minSupport: 0.3 }, reference: true },
    { name: "minSupport 0.1, maxElements 2", options: { minSupport: 0.1, maxElements: 2 }, reference: false },
    { name: "minSupport 0.02, maxGap 14 days", options: { minSupport: 0.02, maxGap: 14 }, reference: false },
  ];
  for (const { name, options, reference } of cases) {
    const ours = await timeIt(() => sequentialPatterns(lines, { ...fields, ...options }), {
      repeat: 3,
      warmup: 1,
    });
    const longest = Math.max(...ours.result.patterns.map((p) => p.size));
    const found = `${ours.result.patterns.length} patterns (up to ${longest} elements)`;
    const head = `store 100k customers (${lines.length} purchase lines, ${ours.result.basketCount} orders), ${name}: sequentialPatterns from records`;
    if (!reference || process.argv.includes("--skip-slow-peer")) {
      rows.push({
        case: head,
        clienteleMs: ours.ms,
        peer: "",
        peerMs: Number.NaN,
        note: `${found}; peak RSS ${peakRssMb().toFixed(0)} MB`,
      });
      continue;
    }
    // the reference takes its own grouped input (built once above, not timed)
    const minCount = ours.result.options.minCount;
    const peer = await timeIt(() => levelWiseSequences(customers, minCount, options, { greedy: true }), {
      repeat: 1,
      warmup: 0,
    });
    const mine = new Map(ours.result.patterns.map((p) => [referenceKey(p.elements), p.count]));
    const agree =
      peer.result.length === mine.size &&
      peer.result.every((p) => mine.get(referenceKey(p.elements)) === p.count);
    rows.push({
      case: head,
      clienteleMs: ours.ms,
      peer: "level-wise reference (sequenceBruteForce.ts, greedy containment, grouped input)",
      peerMs: peer.ms,
      note: `${found}, reference ${peer.result.length}, ${agree ? "same patterns and counts" : "DIFFERENT"}; peak RSS ${peakRssMb().toFixed(0)} MB`,
    });
  }
  return rows;
}
