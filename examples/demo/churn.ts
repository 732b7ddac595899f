import type { DemoSectionBuilder } from "./section.js";

/** The churn section of the demo (filled in when the module lands). */
export const churnSection: DemoSectionBuilder = () => null;
