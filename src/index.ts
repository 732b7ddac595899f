/**
 * clientele — customer analytics and data mining on plain record arrays.
 *
 * The root re-exports every module; import a subpath (`clientele/basket`,
 * `clientele/value`, ...) to load only what you use. What needs an optional
 * peer lives only behind its own subpath: the arquero and danfo adapters
 * (`clientele/table`, `clientele/danfo`), charts rendered with vega
 * (`clientele/chart`) and the DuckDB twins (`clientele/duckdb`, whose
 * functions share their names with the in-memory ones).
 * @module
 */
export * from "./basket/index.js";
export * from "./churn/index.js";
export * from "./core/index.js";
export * from "./crm/index.js";
export * from "./satisfaction/index.js";
export * from "./segment/index.js";
export * from "./sql/index.js";
export * from "./store/index.js";
export * from "./value/index.js";
