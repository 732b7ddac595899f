import type { DemoSectionBuilder } from "./section.js";

/** The segment section of the demo (filled in when the module lands). */
export const segmentSection: DemoSectionBuilder = () => null;
