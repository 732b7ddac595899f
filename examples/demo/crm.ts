import { complaintSummary, formatTable, serviceKpis, silentDissatisfied } from "clientele";
import { complaintParetoChart, reportNarrative, serviceKpiChart } from "clientele/chart";
import type { DemoSectionBuilder } from "./section.js";

const percent = (value: number | null) => (value === null ? "n/a" : `${(value * 100).toFixed(1)}%`);
const hours = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)} h`);

/**
 * The CRM section of the demo: the store's complaint log (categories, response and
 * resolution times, first-contact resolution, repeat complainers, the silent
 * dissatisfied behind it) and its service KPIs by customer region. The store has
 * no prospect records, so MAN qualification is shown in examples/prospect-qualification.ts.
 */
export const crmSection: DemoSectionBuilder = (store) => {
  const complaints = complaintSummary(store.complaints, { period: "quarter" });
  const silent = silentDissatisfied({
    complaints: complaints.complainingCustomers ?? store.complaints.length,
  });
  const region = new Map(store.customers.map((c) => [c.customerId, c.region]));
  const kpis = serviceKpis(store.deliveries, {
    segment: (d) => region.get(d.customerId) ?? "unknown",
    inventoryCounts: { records: store.inventoryCounts },
    complaints: { records: store.complaints, segment: (c) => region.get(c.customerId) ?? "unknown" },
  });

  const categoryRows = complaints.byCategory.map((row) => ({
    category: row.category,
    complaints: row.complaints,
    share: percent(row.share),
    "median resolution": hours(row.medianResolution),
    FCR: percent(row.firstContactResolutionRate),
  }));
  const kpiRow = (group: string, v: typeof kpis.overall) => ({
    group,
    orders: v.orders,
    "on time": percent(v.onTimeDelivery.value),
    delivered: percent(v.deliverySuccess.value),
    "damage/loss": percent(v.damageLoss.value),
    stockout: percent(v.stockout.value),
    FCR: percent(v.firstContactResolution.value),
  });
  const kpiRows = [kpiRow("all", kpis.overall), ...kpis.bySegment.map((s) => kpiRow(s.segment, s))];
  const repeat = complaints.repeatComplainers;
  const lines = [
    `${complaints.complaints} complaints from ${complaints.complainingCustomers} customers. ` +
      `First response: median ${hours(complaints.firstResponse.median)}, p90 ${hours(complaints.firstResponse.p90)}; ` +
      `resolution: median ${hours(complaints.resolution.median)}, p90 ${hours(complaints.resolution.p90)} ` +
      `(${complaints.resolution.pending} still open).`,
    `First-contact resolution ${percent(complaints.firstContactResolution.value)}, reopen rate ${percent(complaints.reopen.value)}` +
      (repeat === null
        ? "."
        : `, ${repeat.customers} repeat complainers (${percent(repeat.share)} of complainers).`),
    "",
    formatTable(categoryRows),
    "",
    `Behind them, by the source's rules of thumb (70-95% never complain): ` +
      `${Math.round(silent.silent.low)}-${Math.round(silent.silent.high)} silent dissatisfied customers, ` +
      `${Math.round(silent.lostForGood.low)}-${Math.round(silent.lostForGood.high)} of them lost for good, ` +
      `${Math.round(silent.wordOfMouthReach.low)}-${Math.round(silent.wordOfMouthReach.high)} people told.`,
    "",
    `Service KPIs of online deliveries, by customer region (stock-count accuracy ${percent(kpis.overall.inventoryAccuracy.value)}):`,
    formatTable(kpiRows),
  ];
  const silentText = lines[5] as string;
  return {
    title: "CRM: complaints and service KPIs",
    text: lines.join("\n"),
    report: [
      {
        title: "CRM: what customers complain about",
        result: complaints,
        narrative: [...reportNarrative(complaints), silentText],
        chart: complaintParetoChart(complaints),
      },
      {
        title: "CRM: service levels by region",
        result: kpis,
        narrative: [
          ...reportNarrative(kpis),
          `Stock-count accuracy ${percent(kpis.overall.inventoryAccuracy.value)}. The bars show each KPI against its target.`,
        ],
        chart: serviceKpiChart(kpis),
      },
    ],
  };
};
