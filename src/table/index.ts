/**
 * clientele/table — arquero adapters: {@link toTable} turns a clientele result
 * (or records) into an arquero table, {@link fromTable} turns a table back
 * into records. arquero is an optional peer dependency loaded only here.
 * @module
 */
export { type FromTableOptions, type FromTableSource, fromTable } from "./fromTable.js";
export { type ToTableOptions, toTable } from "./toTable.js";
