import type { Store } from "clientele";
import type { ReportSection } from "clientele/chart";

/** One section of the demo: text for the terminal, report sections (charts, tables, narrative) for the HTML file. */
export interface DemoSection {
  /** Heading, e.g. "Market basket". */
  readonly title: string;
  /** Plain-text body printed to the terminal. */
  readonly text: string;
  /**
   * Sections of the HTML report (`report()` from clientele/chart); default: one section with the
   * text as its narrative.
   */
  readonly report?: readonly ReportSection[];
}

/** A demo section builder: receives the generated store, returns its section (or null when the module is not built yet). */
export type DemoSectionBuilder = (store: Store) => DemoSection | null | Promise<DemoSection | null>;
