/**
 * The clientele demo: generate a store, run every module on it, print a
 * readable report. `npm run demo` prints to the terminal;
 * `npm run demo -- --html report.html` also writes a self-contained HTML file;
 * `--customers N` and `--seed S` change the generated store.
 */
import { writeFileSync } from "node:fs";
import { escapeHtml, generateStore } from "clientele";
import { basketSection } from "./demo/basket.js";
import { churnSection } from "./demo/churn.js";
import { crmSection } from "./demo/crm.js";
import { satisfactionSection } from "./demo/satisfaction.js";
import type { DemoSection, DemoSectionBuilder } from "./demo/section.js";
import { segmentSection } from "./demo/segment.js";
import { valueSection } from "./demo/value.js";

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const seed = Number(argument("seed") ?? 7);
const customers = Number(argument("customers") ?? 2000);
const htmlPath = argument("html");

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
  writeFileSync(htmlPath, page);
  console.log(`HTML report written to ${htmlPath}`);
}
