/**
 * clientele/danfo — danfo.js adapters: {@link toDataFrame} turns a clientele
 * result (or records) into a danfo `DataFrame`, {@link fromDataFrame} turns a
 * DataFrame back into records. danfojs-node is an optional peer dependency
 * loaded only by this subpath.
 * @module
 */
export { type FromDataFrameOptions, type FromDataFrameSource, fromDataFrame } from "./fromDataFrame.js";
export { type ToDataFrameOptions, toDataFrame } from "./toDataFrame.js";
