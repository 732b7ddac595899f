/**
 * Benchmarks of clientele/satisfaction: PLS path model estimation and bootstrap on the ECSI mobile-phone
 * survey (250 x 24, ../shared/datasets/ecsi_mobi.csv) and on the generated store's survey.
 * No JavaScript PLS implementation exists to compare with; for context only (not measured here): seminr's
 * documentation reports 14.8 s for 1000 bootstrap resamples of this model on 2 cores.
 */
import { readFileSync } from "node:fs";
import { generateStore } from "clientele";
import { bootstrap, ECSI_MODEL, type PlsPathModelOptions, plsPathModel } from "clientele/satisfaction";
import { type BenchRow, peakRssMb, sharedDataset, timeIt } from "./harness.js";

const options: PlsPathModelOptions = { ...ECSI_MODEL, scale: { min: 1, max: 10 } };

function readCsv(path: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const names = (header ?? "").split(",");
  return lines.map((line) =>
    Object.fromEntries(line.split(",").map((cell, j) => [names[j] ?? "", Number(cell)])),
  );
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const path = sharedDataset("ecsi_mobi.csv");
  if (path === undefined) {
    console.log("skipping ECSI benchmarks: ../shared/datasets/ecsi_mobi.csv is absent");
  } else {
    const mobi = readCsv(path);
    const estimate = await timeIt(() => plsPathModel(mobi, options), { repeat: 20, warmup: 3 });
    rows.push({
      case: "ECSI mobi 250x24 plsPathModel (path scheme)",
      clienteleMs: estimate.ms,
      peer: "",
      peerMs: Number.NaN,
      note: `${estimate.result.iterations} iterations`,
    });
    const model = estimate.result;
    const percentile = await timeIt(() => bootstrap(model, mobi, { samples: 1000, seed: 1 }), {
      repeat: 3,
      warmup: 1,
    });
    rows.push({
      case: "ECSI mobi bootstrap 1000 resamples, percentile",
      clienteleMs: percentile.ms,
      peer: "",
      peerMs: Number.NaN,
      note: `target <= 2000 ms single-threaded; ${percentile.result.validSamples} valid; seminr docs: 14.8 s on 2 cores (context, not measured)`,
    });
    const bca = await timeIt(() => bootstrap(model, mobi, { samples: 1000, seed: 1, ci: "bca" }), {
      repeat: 3,
      warmup: 1,
    });
    rows.push({
      case: "ECSI mobi bootstrap 1000 resamples, BCa (+250 jackknife fits)",
      clienteleMs: bca.ms,
      peer: "",
      peerMs: Number.NaN,
      note: `peak RSS ${peakRssMb().toFixed(0)} MB`,
    });
  }
  const store = generateStore({ seed: 7, customers: 2000 });
  const storeModel = await timeIt(() => plsPathModel(store.surveys, options), { repeat: 10, warmup: 2 });
  rows.push({
    case: `store survey ${store.surveys.length}x24 plsPathModel`,
    clienteleMs: storeModel.ms,
    peer: "",
    peerMs: Number.NaN,
    note: "generateStore seed 7, 2000 customers",
  });
  return rows;
}
