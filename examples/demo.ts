/**
 * The clientele demo: generate a store, run every module on it, print a
 * readable report. `npm run demo` prints to the terminal;
 * `npm run demo -- --html report.html` also writes a self-contained HTML report
 * (clientele/chart's `report()`: a narrative, charts and a table per section);
 * `--customers N` and `--seed S` change the generated store.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { generateStore } from "clientele";
import { demoReport, demoSections } from "./demo/report.js";
import type { DemoSection } from "./demo/section.js";

const USAGE = `Usage: npm run demo -- [--customers N] [--seed S] [--html [FILE]]

Generates a store, runs every clientele module on it and prints a report.

  --customers N   customers in the generated store (integer, 10 to 1000000; default 2000)
  --seed S        seed of the generated store (integer; default 7)
  --html [FILE]   also write the report as one self-contained HTML file
                  (default FILE: reports/demo-report.html, which git ignores)
  --help          print this help`;

/** Exits with one clear line (and the usage hint) for a bad command line. */
function usageError(message: string): never {
  console.error(`demo: ${message}\nRun \`npm run demo -- --help\` for the options.`);
  process.exit(2);
}

/** Reads `--name value` pairs; `--html` may come without a value. */
function commandLine(args: readonly string[]): {
  seed: number;
  customers: number;
  htmlPath: string | undefined;
} {
  const values = new Map<string, string | undefined>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name === undefined || !["seed", "customers", "html"].includes(name))
      usageError(`unknown argument "${arg}"`);
    const next = args[i + 1];
    const value = next === undefined || next.startsWith("--") ? undefined : next;
    if (value !== undefined) i++;
    if (value === undefined && name !== "html") usageError(`--${name} needs a value`);
    values.set(name, value);
  }
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
      usageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
    }
    return number;
  };
  // npm runs scripts from the package folder; a relative path means relative to where the user typed the command.
  const base = process.env.INIT_CWD ?? process.cwd();
  const htmlPath = values.has("html")
    ? resolve(base, values.get("html") ?? "reports/demo-report.html")
    : undefined;
  return {
    seed: integer("seed", 7, -(2 ** 31), 2 ** 32 - 1),
    customers: integer("customers", 2000, 10, 1_000_000),
    htmlPath,
  };
}

const { seed, customers, htmlPath } = commandLine(process.argv.slice(2));

const started = performance.now();
const store = generateStore({ seed, customers });
const generatedMs = performance.now() - started;

const overview: DemoSection = {
  title: "The store",
  text: [
    `Generated with seed ${seed}: ${store.customers.length} customers, ${store.orders.length} orders, ${store.orderLines.length} order lines,`,
    `${store.surveys.length} survey answers, ${store.complaints.length} complaints, ${store.deliveries.length} deliveries`,
    `from ${store.options.start} to ${store.planted.end} (${generatedMs.toFixed(0)} ms).`,
    "Planted:",
    ...store.planted.notes.map((note) => `  - ${note}`),
  ].join("\n"),
};

const moduleSections = await demoSections(store);
const sections: DemoSection[] = [overview, ...moduleSections];

const rule = "=".repeat(78);
for (const section of sections) {
  console.log(`${rule}\n${section.title}\n${rule}\n${section.text}\n`);
}

if (htmlPath !== undefined) {
  const started = performance.now();
  const page = await demoReport(store, seed, moduleSections);
  mkdirSync(dirname(htmlPath), { recursive: true });
  writeFileSync(htmlPath, page);
  const count = (pattern: RegExp) => page.match(pattern)?.length ?? 0;
  console.log(
    `HTML report (${count(/<section /g)} sections, ${count(/<figure class="chart">/g)} charts) written to ${htmlPath} in ${(performance.now() - started).toFixed(0)} ms`,
  );
}
