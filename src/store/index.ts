/**
 * clientele/store — a seeded generator of a realistic store with planted structures.
 * @module
 */
export { generateStore } from "./generateStore.js";
export {
  STORE_CHURN_FEATURES,
  type StoreChurnRow,
  type StoreChurnTableOptions,
  type StoreChurnTableResult,
  storeChurnTable,
} from "./storeChurnTable.js";
export type * from "./types.js";
