/**
 * clientele/store — a seeded generator of a realistic store with planted structures.
 * @module
 */
export type * from "./types.js";
