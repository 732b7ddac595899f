/**
 * Mixed-type segmentation benchmark: FastPAM (kMedoids, method "fastpam") on seeded numeric
 * customers against R's cluster::pam(d, k, pamonce = 5) — the same FastPAM2 SWAP from the same
 * BUILD — on the same distances, when Rscript and the cluster package are present (a visible
 * skip line otherwise). Not registered in bench/run.ts; run it alone:
 *     node --expose-gc --import tsx bench/single.ts segmentMixed
 *
 * Data: SEGMENT_MIXED_N customers (default 20,000), 4 features (bench/segment-data.ts's seeded
 * mixture of 8 groups), k = SEGMENT_MIXED_K (default 5). Euclidean distances: ours from
 * `euclideanDistances`, R's from `dist()`; both are timed apart from the clustering. Times are
 * process CPU seconds (`process.cpuUsage`; R's `system.time()` user + system), one run each: a
 * 20k-customer pam takes tens of seconds and 1.6 GB of distances (R holds about three copies).
 * Both sides produce the same output: medoids, clustering, objective and silhouette widths (R's
 * pam() computes its silinfo unless cluster.only = TRUE, which also drops the medoids, so ours is
 * timed with `silhouette: true` too); the LAB row skips the silhouette. Agreement: the medoids and
 * objectives of both runs are compared in the note.
 *
 * Measured 2026-12-07 on the shared 2-core VM (one run, CPU seconds, n = 20,000, k = 5): distances
 * 4.3 s (R dist 3.2 s); FastPAM from BUILD with silhouettes 19.8 s against R's pam(pamonce = 5)
 * 87.0 s, the same medoids and objectives (build 2.37947432971, swap 2.27978180529); from LAB 12.2 s,
 * the same final objective; peak RSS 1.6 GB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { euclideanDistances } from "../src/segment/euclideanDistances.js";
import { kMedoids } from "../src/segment/kMedoids.js";
import type { BenchRow } from "./harness.js";
import { peakRssMb } from "./harness.js";
import { mixture } from "./segment-data.js";

const N = Math.max(10, Number(process.env.SEGMENT_MIXED_N ?? 20_000));
const K = Math.max(2, Number(process.env.SEGMENT_MIXED_K ?? 5));

function cpuSeconds<R>(fn: () => R): { seconds: number; result: R } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, result };
}

interface RRun {
  readonly distSeconds: number;
  readonly pamSeconds: number;
  readonly medoids: number[];
  readonly objective: [number, number];
}

function runR(csv: string): RRun | string {
  const probe = spawnSync("Rscript", ["-e", "suppressPackageStartupMessages(library(cluster))"], {
    encoding: "utf8",
  });
  if (probe.error !== undefined || probe.status !== 0) {
    return `Rscript with the cluster package not available (${probe.error?.message ?? probe.stderr.trim()})`;
  }
  const script = [
    "suppressPackageStartupMessages(library(cluster))",
    `x <- as.matrix(read.csv("${csv}"))`,
    "t1 <- system.time(d <- dist(x))",
    `t2 <- system.time(p <- pam(d, ${K}, pamonce = 5, cluster.only = FALSE, keep.diss = FALSE, keep.data = FALSE))`,
    'cat(sum(t1[c(1, 2)]), sum(t2[c(1, 2)]), "\\n")',
    'cat(p$id.med, "\\n")',
    'cat(sprintf("%.17g", p$objective), "\\n")',
  ].join("\n");
  const child = spawnSync("Rscript", ["-e", script], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) return `R run failed: ${child.stderr.trim().slice(0, 300)}`;
  const [times, medoids, objective] = child.stdout.trim().split("\n");
  const [distSeconds, pamSeconds] = (times ?? "").trim().split(/\s+/).map(Number);
  return {
    distSeconds: distSeconds as number,
    pamSeconds: pamSeconds as number,
    medoids: (medoids ?? "")
      .trim()
      .split(/\s+/)
      .map((m) => Number(m) - 1),
    objective: (objective ?? "").trim().split(/\s+/).map(Number) as [number, number],
  };
}

export async function run(): Promise<BenchRow[]> {
  const rows = mixture(N, 4, 20_261_207);
  const records = rows.map(([a, b, c, d]) => ({ a, b, c, d }));
  const directory = mkdtempSync(join(tmpdir(), "segment-mixed-"));
  const csv = join(directory, "customers.csv");
  writeFileSync(
    csv,
    `a,b,c,d\n${rows.map((row) => row.map((v) => v.toPrecision(17)).join(",")).join("\n")}\n`,
  );
  const out: BenchRow[] = [];
  try {
    const distances = cpuSeconds(() => euclideanDistances(records, { fields: ["a", "b", "c", "d"] }));
    const fast = cpuSeconds(() => kMedoids(distances.result, { k: K, method: "fastpam" }));
    const lab = cpuSeconds(() =>
      kMedoids(distances.result, { k: K, method: "fastpam", init: "lab", seed: 1, silhouette: false }),
    );
    const peak = peakRssMb();
    const r = runR(csv);
    if (typeof r === "string") console.log(`segmentMixed bench: R comparison skipped: ${r}`);
    const ours = [...fast.result.medoids].sort((x, y) => x - y);
    const agreement =
      typeof r === "string"
        ? "R skipped"
        : `medoids ${JSON.stringify(ours) === JSON.stringify([...r.medoids].sort((x, y) => x - y)) ? "identical" : `differ (R ${r.medoids.join(" ")}, ours ${ours.join(" ")})`}; objective swap ${fast.result.objective.swap.toPrecision(12)} vs R ${r.objective[1].toPrecision(12)}, build ${fast.result.objective.build.toPrecision(12)} vs R ${r.objective[0].toPrecision(12)}`;
    out.push({
      case: `Euclidean distances, ${N} customers x 4 (${((N * (N - 1)) / 2 / 1e6).toFixed(0)}M pairs)`,
      clienteleMs: distances.seconds * 1000,
      peer: typeof r === "string" ? "" : "R dist()",
      peerMs: typeof r === "string" ? Number.NaN : r.distSeconds * 1000,
      note: "CPU time",
    });
    out.push({
      case: `FastPAM k=${K} from BUILD + silhouette, ${N} customers`,
      clienteleMs: fast.seconds * 1000,
      peer: typeof r === "string" ? "" : "R cluster::pam(pamonce = 5)",
      peerMs: typeof r === "string" ? Number.NaN : r.pamSeconds * 1000,
      note: `${fast.result.swaps} swaps; ${agreement}; peak RSS ${peak.toFixed(0)} MB (ours)`,
    });
    out.push({
      case: `FastPAM k=${K} from LAB (seed 1), ${N} customers`,
      clienteleMs: lab.seconds * 1000,
      peer: "",
      peerMs: Number.NaN,
      note: `${lab.result.swaps} swaps; objective ${lab.result.objective.swap.toPrecision(12)} (${(((lab.result.objective.swap - fast.result.objective.swap) / fast.result.objective.swap) * 100).toFixed(3)}% vs BUILD)`,
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return out;
}
