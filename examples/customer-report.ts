/**
 * A customer report from your own order lines, as one HTML file to hand on.
 *
 * Story: an analyst has an export of order lines (one row per product in an order) and wants a
 * report for the marketing lead: how concentrated revenue is, which RFM segments the customers fall
 * into and which ones are slipping away, and which products sell together. `report()` from
 * clientele/chart turns the results into one self-contained HTML file (charts as inline SVG, a
 * short narrative per section, formatted tables; it opens offline, fits a phone screen and prints
 * to PDF one section per page).
 *
 * Run: npx tsx examples/customer-report.ts [FILE]   (default FILE: reports/customer-report.html)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { generateStore } from "clientele";
import { associationRules, transactionsFrom } from "clientele/basket";
import { report, reportNarrative, rfmHeatmapChart, ruleGraphChart, rulesScatterChart } from "clientele/chart";
import { paretoAnalysis, rfmScores, rfmSegments, rfmTable } from "clientele/value";

// 1. Your data. Here: a generated store's order lines, reshaped to look like a typical export
//    (snake_case columns, amounts as numbers). Replace this with your own rows, e.g. parsed from CSV.
const store = generateStore({ seed: 11, customers: 1500 });
interface OrderLine {
  readonly order_id: string;
  readonly customer: string;
  readonly day: string;
  readonly product_name: string;
  readonly net_amount: number;
  readonly is_refund: boolean;
}
const lines: OrderLine[] = store.orderLines.map((line) => ({
  order_id: line.orderId,
  customer: line.customerId,
  day: line.date,
  product_name: line.product,
  net_amount: line.amount,
  is_refund: line.refund,
}));
const asOf = store.planted.end;

// 2. The analyses: one RFM table, then concentration, segments and basket rules.
const rfm = rfmTable(lines, {
  customer: "customer",
  date: "day",
  amount: "net_amount",
  order: "order_id",
  asOf,
});
const pareto = paretoAnalysis(rfm.customers, { value: "monetary", id: "customer" });
const scores = rfmScores(rfm);
const segments = rfmSegments(scores);
const baskets = transactionsFrom(
  lines.filter((line) => !line.is_refund),
  { transaction: "order_id", item: "product_name" },
);
const rules = associationRules(baskets, { minSupport: 0.005, minConfidence: 0.3 });

// 3. A call list: the most valuable customers in the segments that are slipping away.
const slipping = new Set(["At Risk", "Can't Lose Them", "About To Sleep"]);
const callList = segments.customers
  .filter((row) => slipping.has(row.segment))
  .slice()
  .sort((a, b) => b.monetary - a.monetary)
  .map((row) => ({
    customer: row.customer,
    segment: row.segment,
    "days since last order": row.recencyDays,
    orders: row.frequency,
    spend: row.monetary,
  }));

// 4. The report: a section per question. What a section does not give comes from its result: the
//    narrative (reportNarrative), the table, and the chart (chart(result)).
const html = await report(
  [
    { title: "How concentrated is revenue?", result: pareto },
    {
      title: "Who are our customers?",
      result: segments,
      chart: [rfmHeatmapChart(scores)],
      narrative: [
        ...reportNarrative(segments),
        "Each customer is scored 1 to 5 on how recently, how often and how much they buy (5 is best).",
      ],
    },
    {
      title: "Whom to call this week",
      narrative: `The ${callList.length} customers in slipping segments, most valuable first. A personal call or an offer now costs less than winning them back later.`,
      table: callList,
      maxRows: 15,
    },
    {
      title: "What sells together",
      result: rules,
      chart: [rulesScatterChart(rules), ruleGraphChart(rules, { maxRules: 25 })],
    },
  ],
  {
    title: "Customer review",
    subtitle: `Order lines up to ${asOf}: ${rfm.customers.length} customers, ${baskets.transactionCount} orders`,
  },
);

// 5. One file, nothing else to ship.
const base = process.env.INIT_CWD ?? process.cwd();
const file = resolve(base, process.argv[2] ?? "reports/customer-report.html");
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, html);
console.log(reportNarrative(pareto)[0]);
console.log(`${(html.length / 1024).toFixed(0)} KB, ${html.match(/<figure /g)?.length ?? 0} charts: ${file}`);
