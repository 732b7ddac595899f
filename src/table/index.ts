/**
 * clientele/table — arquero adapters.
 * @module
 */
export {};
