import type { Store } from "clientele";
import { type ReportSection, report } from "clientele/chart";
import { basketSection } from "./basket.js";
import { churnSection } from "./churn.js";
import { crmSection } from "./crm.js";
import { satisfactionSection } from "./satisfaction.js";
import type { DemoSection, DemoSectionBuilder } from "./section.js";
import { segmentSection } from "./segment.js";
import { valueSection } from "./value.js";

/** The demo's module sections, in report order. */
export const DEMO_SECTION_BUILDERS: readonly DemoSectionBuilder[] = [
  basketSection,
  valueSection,
  segmentSection,
  churnSection,
  satisfactionSection,
  crmSection,
];

/** Runs every module's section builder on the store (skipping modules that return null). */
export async function demoSections(store: Store): Promise<DemoSection[]> {
  const sections: DemoSection[] = [];
  for (const build of DEMO_SECTION_BUILDERS) {
    const section = await build(store);
    if (section !== null) sections.push(section);
  }
  return sections;
}

/**
 * The demo's HTML report: a section on the store and what was planted in it, then every module's
 * report sections (narrative, charts, table), built by clientele/chart's `report()`.
 */
export function demoReport(store: Store, seed: number, sections: readonly DemoSection[]): Promise<string> {
  const storeSection: ReportSection = {
    title: "The store",
    narrative: [
      `A generated store (seed ${seed}) with ${store.customers.length} customers, ${store.orders.length} orders and ${store.orderLines.length} order lines, ` +
        `${store.surveys.length} survey answers, ${store.complaints.length} complaints and ${store.deliveries.length} deliveries, from ${store.options.start} to ${store.planted.end}.`,
      "Patterns planted in it, which the sections below should find:",
      ...store.planted.notes.map((note) => `• ${note}`),
    ],
  };
  const moduleSections = sections.flatMap(
    (section): readonly ReportSection[] =>
      section.report ?? [{ title: section.title, narrative: section.text }],
  );
  return report([storeSection, ...moduleSections], {
    title: "clientele demo report",
    subtitle: `Store seed ${seed}, ${store.customers.length} customers, ${store.options.start} to ${store.planted.end}`,
  });
}
