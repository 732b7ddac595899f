/**
 * The clientele demo: generate a store, run every module on it, print a
 * readable report. `npm run demo` prints to the terminal;
 * `npm run demo -- --html report.html` also writes a self-contained HTML file;
 * `--customers N` and `--seed S` change the generated store.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { escapeHtml, generateStore } from "clientele";
import { basketSection } from "./demo/basket.js";
import { churnSection } from "./demo/churn.js";
import { crmSection } from "./demo/crm.js";
import { satisfactionSection } from "./demo/satisfaction.js";
import type { DemoSection, DemoSectionBuilder } from "./demo/section.js";
import { segmentSection } from "./demo/segment.js";
import { valueSection } from "./demo/value.js";

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

const builders: readonly DemoSectionBuilder[] = [
  basketSection,
  valueSection,
  segmentSection,
  churnSection,
  satisfactionSection,
  crmSection,
];
const sections: DemoSection[] = [overview];
for (const build of builders) {
  const section = await build(store);
  if (section !== null) sections.push(section);
}

const rule = "=".repeat(78);
for (const section of sections) {
  console.log(`${rule}\n${section.title}\n${rule}\n${section.text}\n`);
}

if (htmlPath !== undefined) {
  const body = sections
    .map(
      (section) =>
        `<section><h2>${escapeHtml(section.title)}</h2>${section.html ?? `<pre>${escapeHtml(section.text)}</pre>`}</section>`,
    )
    .join("\n");
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>clientele demo report</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;font-size:.9rem}
th{background:#f3f3f3}pre{background:#f8f8f8;padding:.75rem;overflow-x:auto}</style></head>
<body><h1>clientele demo report</h1><p>Store seed ${seed}, ${store.customers.length} customers.</p>
${body}</body></html>`;
  mkdirSync(dirname(htmlPath), { recursive: true });
  writeFileSync(htmlPath, page);
  console.log(`HTML report written to ${htmlPath}`);
}
