/**
 * Benchmarks of clientele/crm: MAN qualification of 100 000 generated life-insurance prospects,
 * and the complaint summary and service KPIs of a generated 20 000-customer store.
 * No library offers these functions, so there is no peer; the notes give the throughput.
 */
import { createRandom, generateStore } from "clientele";
import { complaintSummary, type ProspectRecord, qualifyProspects, serviceKpis } from "clientele/crm";
import { type BenchRow, peakRssMb, timeIt } from "./harness.js";

const HEALTH = ["good", "good", "good", "fair", "poor"] as const;
const AUTHORITY = ["full", "full", "shared", "none"] as const;
const EVENTS = [[], [], [], ["expecting a child"], ["marriage"], ["new home", "new job"]] as const;

/** `n` prospects with incomes 0-90 000, 0-6 dependants, a mix of life events and health. */
function generateProspects(n: number, seed: number): ProspectRecord[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    income: Math.round(random.float() * 90_000),
    incomeStability: random.bernoulli(0.2) ? "unstable" : "stable",
    authority: AUTHORITY[random.integer(AUTHORITY.length)] as string,
    dependants: random.integer(7),
    lifeEvents: EVENTS[random.integer(EVENTS.length)] as readonly string[],
    health: HEALTH[random.integer(HEALTH.length)] as string,
  }));
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const rate = (n: number, ms: number) => `${((n / ms) * 1000).toExponential(2)} records/s`;

  const prospects = generateProspects(100_000, 1);
  const man = await timeIt(() => qualifyProspects(prospects, { preset: "lifeInsurance" }), {
    repeat: 5,
    warmup: 1,
  });
  rows.push({
    case: "qualifyProspects 100k prospects (lifeInsurance)",
    clienteleMs: man.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `${rate(prospects.length, man.ms)}; ${man.result.counts.qualified} qualified`,
  });

  const store = generateStore({ seed: 1, customers: 20_000 });
  const complaints = await timeIt(() => complaintSummary(store.complaints), { repeat: 5, warmup: 1 });
  rows.push({
    case: `complaintSummary 20k-customer store (${store.complaints.length} complaints)`,
    clienteleMs: complaints.ms,
    peer: "",
    peerMs: Number.NaN,
    note: rate(store.complaints.length, complaints.ms),
  });
  const kpis = await timeIt(
    () => serviceKpis(store.deliveries, { inventoryCounts: { records: store.inventoryCounts } }),
    { repeat: 5, warmup: 1 },
  );
  rows.push({
    case: `serviceKpis 20k-customer store (${store.deliveries.length} deliveries)`,
    clienteleMs: kpis.ms,
    peer: "",
    peerMs: Number.NaN,
    note: `${rate(store.deliveries.length, kpis.ms)}; + ${store.inventoryCounts.length} stock counts; peak RSS ${peakRssMb().toFixed(0)} MB`,
  });
  return rows;
}
