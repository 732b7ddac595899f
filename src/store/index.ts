/**
 * clientele/store — a seeded generator of a realistic store with planted structures.
 * @module
 */
export { generateStore } from "./generateStore.js";
export type * from "./types.js";
