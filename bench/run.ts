/**
 * `npm run bench [module ...]`: runs bench/<module>.ts for each module (all by
 * default), each in its own Node process so peak memory is per module (with
 * `--expose-gc`, so each timed case starts from a collected heap), and
 * prints one Markdown table per module, ready for BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { cpus, totalmem } from "node:os";

const ALL = [
  "store",
  "basket",
  "sequences",
  "value",
  "segment",
  "segmentMixed",
  "churn",
  "survival",
  "satisfaction",
  "crm",
  "scaling",
  "duckdb",
];
const wanted = process.argv.slice(2);
const modules = wanted.length > 0 ? wanted : ALL;

console.log(
  `clientele benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus()[0]?.model ?? "cpu"} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`,
);
let failed = false;
for (const name of modules) {
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/single.ts", name], {
    stdio: "inherit",
  });
  if (child.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
