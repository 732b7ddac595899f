/**
 * clientele/danfo — danfo DataFrame adapters.
 * @module
 */
export {};
