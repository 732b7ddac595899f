import type { Store } from "clientele";

/** One section of the demo report. */
export interface DemoSection {
  /** Heading, e.g. "Market basket". */
  readonly title: string;
  /** Plain-text body printed to the terminal. */
  readonly text: string;
  /** Optional HTML body for the report file (defaults to the text in a <pre>). */
  readonly html?: string;
}

/** A demo section builder: receives the generated store, returns its section (or null when the module is not built yet). */
export type DemoSectionBuilder = (store: Store) => DemoSection | null | Promise<DemoSection | null>;
