/**
 * Tables and frames: clientele results in arquero and danfo.js, and back.
 *
 * Story: an analyst has RFM figures from clientele and wants to slice them
 * with the dataframe tools they already know. arquero (`clientele/table`)
 * joins the RFM table to the customer list and summarises it by planted
 * segment; danfo.js (`clientele/danfo`) describes the RFM columns. Then the
 * wrangled rows go back into clientele functions: a Pareto analysis of one
 * region's customers (from arquero) and a Gini coefficient of the repeat
 * buyers (from danfo).
 *
 * Run: npx tsx examples/tables-and-frames.ts
 */
import { desc, op } from "arquero";
import { fromDataFrame, toDataFrame } from "clientele/danfo";
import { generateStore } from "clientele/store";
import { fromTable, toTable } from "clientele/table";
import { gini, paretoAnalysis, rfmTable } from "clientele/value";

/** Stops the example (and `npm run examples`) when a cross-check fails. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`tables-and-frames: ${message}`);
}

const store = generateStore({ seed: 5, customers: 500 });
const rfm = rfmTable(store.orderLines, {
  customer: "customerId",
  date: "date",
  amount: "amount",
  order: "orderId",
  asOf: store.planted.end,
});
console.log(
  `Store: ${store.customers.length} customers, ${store.orderLines.length} order lines; RFM for ${rfm.customers.length} customers as of ${store.planted.end}.\n`,
);

// 1. arquero: toTable(rfm) holds one row per customer; join the customer list and summarise by planted segment.
const customers = toTable(store.customers, { columns: ["customerId", "region", "segment"] });
const joined = toTable(rfm).join(customers, ["customer", "customerId"]);
const bySegment = joined
  .groupby("segment")
  .rollup({
    customers: op.count(),
    medianRecencyDays: (d: { recencyDays: number }) => op.median(d.recencyDays),
    meanOrders: (d: { frequency: number }) => op.mean(d.frequency),
    meanSpend: (d: { monetary: number }) => op.mean(d.monetary),
  })
  .derive({
    meanOrders: (d: { meanOrders: number }) => op.round(d.meanOrders * 10) / 10,
    meanSpend: (d: { meanSpend: number }) => op.round(d.meanSpend),
  })
  .orderby(desc("meanSpend"));
console.log("RFM by planted segment (arquero join + groupby/rollup):");
bySegment.print();

// Cross-check the rollup against a plain loop over the same records.
const segmentOf = new Map(store.customers.map((customer) => [customer.customerId, customer.segment]));
const counted = new Map<string, number>();
for (const row of rfm.customers) {
  const segment = segmentOf.get(row.customer) as string;
  counted.set(segment, (counted.get(segment) ?? 0) + 1);
}
for (const row of bySegment.objects() as { segment: string; customers: number }[]) {
  check(counted.get(row.segment) === row.customers, `customer count of ${row.segment}`);
}
const top = bySegment.get("segment", 0);
check(
  top === "big spenders" || top === "champions",
  `highest mean spend should be a planted high-value segment, got ${top}`,
);

// 2. danfo: toDataFrame(rfm) indexed by customer; describe() the three RFM columns.
const frame = toDataFrame(rfm, {
  columns: ["customer", "recencyDays", "frequency", "monetary"],
  index: "customer",
});
console.log("\nRFM columns (danfo describe):");
frame.describe().round(1).print();
const plainMean = rfm.monetary.reduce((sum, value) => sum + value, 0) / rfm.monetary.length;
check(Math.abs(frame.column("monetary").mean() - plainMean) < 1e-6 * plainMean, "danfo mean of monetary");

// 3. Back into clientele. From arquero: the customers of one region, ranked by spend.
const northRows = fromTable<{ customer: string; monetary: number }>(
  joined.filter((d: { region: string }) => d.region === "north").select("customer", "monetary"),
);
const pareto = paretoAnalysis(northRows, { value: "monetary", id: "customer" });
const top20 = pareto.top.find((share) => share.customerShare === 0.2);
check(top20 !== undefined && northRows.length > 0, "Pareto top 20% of the north region");
console.log(
  `\nNorth region (arquero filter -> fromTable -> paretoAnalysis): ${northRows.length} customers; ` +
    `the top 20% hold ${(100 * (top20?.valueShare ?? 0)).toFixed(0)}% of their spend, ` +
    `${pareto.core.customers} customers make the 80% core.`,
);

// From danfo: repeat buyers (two orders or more), then the Gini coefficient of their spend.
// (danfo 1.2's `query` fails on a frame with its own index; `loc` with a boolean Series works.)
const repeatFrame = frame.loc({ rows: frame.column("frequency").ge(2) });
const repeatBuyers = fromDataFrame<{ customer: string; monetary: number }>(repeatFrame, {
  index: "customer",
});
const expectedRepeat = rfm.customers.filter((row) => row.frequency >= 2).length;
check(repeatBuyers.length === expectedRepeat, "danfo loc kept every repeat buyer");
check(
  repeatBuyers.every((row) => typeof row.customer === "string"),
  "index labels came back as customer ids",
);
console.log(
  `Repeat buyers (danfo loc -> fromDataFrame -> gini): ${repeatBuyers.length} of ${rfm.customers.length}; ` +
    `Gini of their spend ${gini(repeatBuyers, { value: "monetary" }).toFixed(3)} ` +
    `(all customers ${gini(rfm.monetary).toFixed(3)}).`,
);
