import type { DemoSectionBuilder } from "./section.js";

/** The satisfaction section of the demo (filled in when the module lands). */
export const satisfactionSection: DemoSectionBuilder = () => null;
