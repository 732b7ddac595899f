/**
 * clientele — customer analytics and data mining on plain record arrays.
 *
 * The root re-exports every module; import a subpath (`clientele/basket`,
 * `clientele/value`, ...) to load only what you use. The arquero and danfo
 * adapters live only behind `clientele/table` and `clientele/danfo`.
 * @module
 */
export * from "./basket/index.js";
export * from "./churn/index.js";
export * from "./core/index.js";
export * from "./crm/index.js";
export * from "./satisfaction/index.js";
export * from "./segment/index.js";
export * from "./store/index.js";
export * from "./value/index.js";
