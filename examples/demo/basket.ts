import type { DemoSectionBuilder } from "./section.js";

/** The basket section of the demo (filled in when the module lands). */
export const basketSection: DemoSectionBuilder = () => null;
