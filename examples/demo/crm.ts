import type { DemoSectionBuilder } from "./section.js";

/** The crm section of the demo (filled in when the module lands). */
export const crmSection: DemoSectionBuilder = () => null;
