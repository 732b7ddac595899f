/**
 * A small clientele story run in Deno against the BUILT package (dist/), as a
 * Deno user or a Deno Jupyter notebook would: generate a seeded store, total
 * revenue by region with arquero through clientele/table, mine frequent
 * category sets with clientele/basket, and show the results
 * the way a notebook cell does (its `Symbol.for("Jupyter.display")` bundle)
 * and the way the Deno REPL does (`Deno.inspect`). Asserts as it goes; any
 * failure exits non-zero. Needs no permissions.
 *
 * Run (from the repository root, after `npm run build`):
 *   deno run --no-remote --cached-only --no-config --node-modules-dir=manual test/deno/store-example.mjs
 */
import { op } from "arquero";
import { frequentItemsets, transactionsFrom } from "../../dist/basket/index.js";
import { generateStore, withDisplay } from "../../dist/index.js";
import { fromTable, toTable } from "../../dist/table/index.js";

function assert(condition, message) {
  if (!condition) throw new Error(`deno store example: ${message}`);
}

const store = generateStore({ seed: 11, customers: 200 });
const again = generateStore({ seed: 11, customers: 200 });
assert(store.orderLines.length > 1000, `expected over 1000 order lines, got ${store.orderLines.length}`);
assert(
  JSON.stringify(store.orderLines.slice(0, 50)) === JSON.stringify(again.orderLines.slice(0, 50)),
  "same seed gave different order lines in Deno",
);

// revenue (refund lines are negative amounts) by region: arquero rollup, checked against a plain loop
const regionOf = new Map(store.customers.map((customer) => [customer.customerId, customer.region]));
const lines = store.orderLines.map((line) => ({
  region: regionOf.get(line.customerId),
  revenue: line.amount,
}));
const byRegion = fromTable(
  toTable(lines)
    .groupby("region")
    .rollup({ revenue: (d) => op.sum(d.revenue), lines: op.count() })
    .orderby("region"),
);
const expected = new Map();
for (const line of lines) expected.set(line.region, (expected.get(line.region) ?? 0) + line.revenue);
assert(byRegion.length === expected.size, `expected ${expected.size} regions, got ${byRegion.length}`);
for (const row of byRegion) {
  const total = expected.get(row.region);
  assert(
    Math.abs(row.revenue - total) < 1e-6 * Math.max(1, Math.abs(total)),
    `revenue of ${row.region} differs`,
  );
}

const result = withDisplay(
  { regions: byRegion.map((row) => ({ ...row, revenue: Math.round(row.revenue * 100) / 100 })) },
  {
    title: "Revenue by region",
    summary: () => [`${store.orderLines.length} order lines from ${store.customers.length} customers`],
    rows: (r) => r.regions,
  },
);
const bundle = result[Symbol.for("Jupyter.display")]();
assert(
  typeof bundle["text/plain"] === "string" && bundle["text/plain"].startsWith("Revenue by region"),
  "text/plain bundle",
);
assert(
  /^<div><strong>Revenue by region<\/strong>.*<table>.*<\/table><\/div>$/s.test(bundle["text/html"]),
  "text/html bundle",
);
assert(
  (bundle["text/html"].match(/<tr>/g) ?? []).length === byRegion.length + 1,
  "one HTML row per region plus the header",
);
// a real module result displays in the notebook as well, and converts to a table with array cells
const baskets = transactionsFrom(
  store.orderLines.filter((line) => !line.refund),
  { transaction: "orderId", item: "category" },
);
const itemsets = frequentItemsets(baskets, { minSupport: 0.05 });
const itemsetBundle = itemsets[Symbol.for("Jupyter.display")]();
assert(itemsetBundle["text/html"].includes("<table>"), "frequentItemsets has an HTML notebook view");
const itemsetTable = toTable(itemsets);
assert(itemsetTable.numRows() === itemsets.itemsets.length, "toTable keeps every itemset");
assert(Array.isArray(itemsetTable.get("items", 0)), "itemset items stay arrays in Deno too");

const shown = Deno.inspect(result);
assert(
  shown === bundle["text/plain"],
  "Deno.inspect should print the same table as the notebook's text/plain",
);
console.log(shown);
console.log(itemsetBundle["text/plain"].split("\n").slice(0, 5).join("\n"));
