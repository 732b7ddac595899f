import type { DemoSectionBuilder } from "./section.js";

/** The value section of the demo (filled in when the module lands). */
export const valueSection: DemoSectionBuilder = () => null;
