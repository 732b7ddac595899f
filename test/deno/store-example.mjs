/**
 * A small clientele story run in Deno against the BUILT package (dist/), as a
 * Deno user or a Deno Jupyter notebook would: generate a seeded store (and
 * check that Deno draws the same stream as Node: the table fingerprints
 * recorded in src/store/generateStore.test.ts), total revenue by region with
 * arquero through clientele/table, mine frequent category sets with
 * clientele/basket, and show the results the way a notebook cell does (its
 * `Symbol.for("Jupyter.display")` bundle) and the way the Deno REPL does
 * (`Deno.inspect`), including a result too long to print whole (capped at 10
 * rows with a "... n more rows" line). The Node REPL (`util.inspect.custom`)
 * is checked in src/core/display.test.ts. Asserts as it goes; any failure
 * exits non-zero. Needs no permissions.
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

// Same stream as in Node: fingerprints recorded in src/store/generateStore.test.ts (STREAM_FINGERPRINTS).
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
const STREAM_FINGERPRINTS = {
  customers: "200:d0e4e940",
  orders: "1033:c0cd185a",
  orderLines: "4412:9df6feac",
  surveys: "65:efbfa257",
  complaints: "35:6376267a",
  deliveries: "484:249dbe8a",
  inventoryCounts: "984:6a5ca7c1",
};
const pinned = generateStore({ seed: 7, customers: 200, months: 12 });
for (const [name, expectedFingerprint] of Object.entries(STREAM_FINGERPRINTS)) {
  const actual = `${pinned[name].length}:${fnv1a(JSON.stringify(pinned[name]))}`;
  assert(
    actual === expectedFingerprint,
    `${name} of the pinned store: ${actual} in Deno, ${expectedFingerprint} in Node`,
  );
}

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

// a long result is capped: 10 rows and a "... n more rows" line, in the notebook and in the REPL
const spendOf = new Map();
for (const line of store.orderLines)
  spendOf.set(line.customerId, (spendOf.get(line.customerId) ?? 0) + line.amount);
const spenders = withDisplay(
  {
    customers: [...spendOf].map(([customerId, spend]) => ({
      customerId,
      spend: Math.round(spend * 100) / 100,
    })),
  },
  { title: "Spend by customer", rows: (r) => r.customers },
);
const hidden = spenders.customers.length - 10;
assert(hidden > 0, `expected more than 10 customers, got ${spenders.customers.length}`);
const longBundle = spenders[Symbol.for("Jupyter.display")]();
const plainLines = longBundle["text/plain"].split("\n");
assert(
  plainLines.length === 1 + 1 + 10 + 1,
  `text/plain: title, header, 10 rows, "more" line; got ${plainLines.length} lines`,
);
assert(plainLines.at(-1) === `... ${hidden} more rows`, `text/plain ends with "... ${hidden} more rows"`);
const body = /<tbody>(.*)<\/tbody>/s.exec(longBundle["text/html"])?.[1] ?? "";
assert((body.match(/<tr>/g) ?? []).length === 10, "text/html shows 10 body rows");
assert(
  longBundle["text/html"].includes(`... ${hidden} more rows</td></tr></tfoot>`),
  "text/html footer counts the rest",
);
assert(Deno.inspect(spenders) === longBundle["text/plain"], "Deno.inspect prints the same capped table");
const itemsetRows = itemsets.itemsets.length;
if (itemsetRows > 10) {
  assert(
    itemsetBundle["text/plain"].endsWith(`... ${itemsetRows - 10} more rows`),
    "frequentItemsets caps its printed rows",
  );
}
console.log(shown);
console.log(itemsetBundle["text/plain"].split("\n").slice(0, 5).join("\n"));
