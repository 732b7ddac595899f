/**
 * Benchmarks of clientele/value:
 * - fitBgNbd on 100 000 customers simulated from the BG/NBD process (seeded; times on a daily grid
 *   in weekly units, as real data is), target well under a second;
 * - scoring 1 000 000 customers: probabilityAlive + conditionalExpectedPurchases(39 weeks);
 * - fitParetoNbd on 10 000 simulated customers;
 * - rfmTable on 1 000 000 order lines, against arquero's groupby/rollup of the same three measures
 *   (arquero does not net refunds or parse dates: it is a lower bound for the aggregation work).
 * - fitShiftedBetaGeometric (sBG) on 1 000 000 simulated subscribers observed up to 12 periods, and
 *   fitBetaGeometricBetaBinomial (BG/BB) on 100 000 simulated customers with 6 opportunities (and on
 *   their distinct patterns with weights, as the model is usually fitted).
 * No JavaScript implementation of BG/NBD, Pareto/NBD, sBG or BG/BB exists to compare against (peer "").
 */
import * as aq from "arquero";
import { createRandom } from "../src/core/index.js";
import {
  fitBetaGeometricBetaBinomial,
  fitBgNbd,
  fitParetoNbd,
  fitShiftedBetaGeometric,
  rfmTable,
} from "../src/value/index.js";
import { simulateBgNbd } from "../src/value/internal/simulate.js";
import { type BenchRow, peakRssMb, timeIt } from "./harness.js";

const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function rows(data: ReturnType<typeof simulateBgNbd>) {
  return Array.from(data.frequency, (frequency, i) => ({
    frequency,
    recency: data.recency[i] as number,
    T: data.T[i] as number,
  }));
}

export async function run(): Promise<BenchRow[]> {
  const out: BenchRow[] = [];

  const hundredK = rows(simulateBgNbd(truth, 100_000, { seed: 1, minT: 26, maxT: 78 }));
  const fit = await timeIt(() => fitBgNbd(hundredK), { repeat: 5 });
  const p = fit.result.params;
  out.push({
    case: "fitBgNbd, 100k simulated customers",
    clienteleMs: fit.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `target < 1000 ms; ${fit.result.distinctHistories} distinct histories; r ${p.r.toFixed(3)} alpha ${p.alpha.toFixed(2)} a ${p.a.toFixed(3)} b ${p.b.toFixed(3)} (true 0.243/4.41/0.793/2.43); no JS BG/NBD exists`,
  });

  const million = simulateBgNbd(truth, 1_000_000, { seed: 2, minT: 26, maxT: 78 });
  const model = fit.result;
  const score = await timeIt(
    () => {
      const alive = new Float64Array(million.frequency.length);
      const expected = new Float64Array(million.frequency.length);
      for (let i = 0; i < alive.length; i++) {
        const x = million.frequency[i] as number;
        const tx = million.recency[i] as number;
        const T = million.T[i] as number;
        alive[i] = model.probabilityAlive(x, tx, T);
        expected[i] = model.conditionalExpectedPurchases(39, x, tx, T);
      }
      return expected;
    },
    { repeat: 3 },
  );
  out.push({
    case: "BG/NBD scoring, 1M customers (P(alive) + E[Y(39)])",
    clienteleMs: score.ms,
    peer: "",
    peerMs: Number.NaN,
    note: "target: seconds",
  });

  const tenK = rows(simulateBgNbd(truth, 10_000, { seed: 3, minT: 26, maxT: 78 }));
  const pareto = await timeIt(() => fitParetoNbd(tenK), { repeat: 3 });
  out.push({
    case: "fitParetoNbd, 10k simulated customers",
    clienteleMs: pareto.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `${pareto.result.distinctHistories} distinct histories, ${pareto.result.convergence.converged ? "converged" : "not converged"}; no JS Pareto/NBD exists`,
  });

  // 1M order lines: 100k customers, ~3.3 lines per order, 2% refund lines
  const random = createRandom(4);
  const lines: { order: string; customer: string; date: string; amount: number }[] = [];
  const start = Date.UTC(2024, 0, 1);
  let order = 0;
  while (lines.length < 1_000_000) {
    const customer = `C${random.integer(100_000)}`;
    const date = new Date(start + random.integer(730) * 86_400_000).toISOString().slice(0, 10);
    const id = `O${order++}`;
    const count = 1 + random.integer(5);
    for (let k = 0; k < count; k++)
      lines.push({ order: id, customer, date, amount: Math.round(100 * random.exponential(0.1)) / 100 });
    if (random.bernoulli(0.02))
      lines.push({ order: id, customer, date, amount: -(lines.at(-1)?.amount ?? 0) });
  }
  const table = await timeIt(
    () =>
      rfmTable(lines, {
        customer: "customer",
        date: "date",
        amount: "amount",
        order: "order",
        asOf: "2025-12-31",
      }),
    { repeat: 3 },
  );
  const peer = await timeIt(
    () =>
      aq
        .from(lines)
        .groupby("customer")
        .rollup({ last: aq.op.max("date"), orders: aq.op.distinct("order"), monetary: aq.op.sum("amount") })
        .numRows(),
    { repeat: 3 },
  );
  out.push({
    case: `rfmTable, ${lines.length} order lines, ${table.result.customers.length} customers`,
    clienteleMs: table.ms,
    peer: "arquero groupby/rollup",
    peerMs: peer.ms,
    note: `peer computes max date / distinct orders / sum only (no refund netting, no date parsing); peak RSS ${peakRssMb().toFixed(0)} MB`,
  });
  const subscriberRandom = createRandom(4);
  const subscribers = Array.from({ length: 1_000_000 }, () => {
    const churnProbability = subscriberRandom.beta(0.704, 1.182);
    const observed = 1 + subscriberRandom.integer(12);
    let periods = 1;
    while (periods < observed && !subscriberRandom.bernoulli(churnProbability)) periods++;
    return { periods, churned: periods < observed || subscriberRandom.bernoulli(churnProbability) };
  });
  const sbg = await timeIt(() => fitShiftedBetaGeometric(subscribers), { repeat: 3 });
  out.push({
    case: "fitShiftedBetaGeometric (sBG), 1M simulated subscribers, up to 12 periods",
    clienteleMs: sbg.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `gamma ${sbg.result.params.gamma.toFixed(3)} delta ${sbg.result.params.delta.toFixed(3)} (true 0.704/1.182); default options`,
  });

  const donorRandom = createRandom(5);
  const donors = Array.from({ length: 100_000 }, () => {
    const purchase = donorRandom.beta(1.204, 0.75);
    const dropout = donorRandom.beta(0.657, 2.783);
    let frequency = 0;
    let recency = 0;
    for (let opportunity = 1; opportunity <= 6; opportunity++) {
      if (donorRandom.bernoulli(dropout)) break;
      if (donorRandom.bernoulli(purchase)) {
        frequency++;
        recency = opportunity;
      }
    }
    return { frequency, recency, periods: 6 };
  });
  const patterns = new Map<string, { frequency: number; recency: number; periods: number; count: number }>();
  for (const donor of donors) {
    const key = `${donor.frequency},${donor.recency}`;
    const found = patterns.get(key);
    if (found !== undefined) found.count++;
    else patterns.set(key, { ...donor, count: 1 });
  }
  const weighted = [...patterns.values()];
  const bgbb = await timeIt(() => fitBetaGeometricBetaBinomial(donors), { repeat: 3 });
  const bgbbWeighted = await timeIt(() => fitBetaGeometricBetaBinomial(weighted, { weight: "count" }), {
    repeat: 5,
  });
  const q = bgbb.result.params;
  out.push({
    case: "fitBetaGeometricBetaBinomial (BG/BB), 100k simulated customers, 6 opportunities",
    clienteleMs: bgbb.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `alpha ${q.alpha.toFixed(3)} beta ${q.beta.toFixed(3)} gamma ${q.gamma.toFixed(3)} delta ${q.delta.toFixed(3)} (true 1.204/0.750/0.657/2.783); default options`,
  });
  out.push({
    case: `fitBetaGeometricBetaBinomial (BG/BB), the same as ${weighted.length} weighted patterns`,
    clienteleMs: bgbbWeighted.ms,
    peer: "",
    peerMs: Number.NaN,
    note: "weight: count; same estimates",
  });
  return out;
}
