/** Runs one module's benchmark (bench/<module>.ts exports `run(): Promise<BenchRow[]>`) and prints its table. */
import type { BenchRow } from "./harness.js";
import { printBenchTable } from "./harness.js";

const name = process.argv[2] ?? "";
const bench = (await import(`./${name}.ts`)) as { run: () => Promise<readonly BenchRow[]> };
printBenchTable(name, await bench.run());
