/** The cheap per-row check of the churn readers that do not go through core's column readers. */
export { notARecordError } from "../../core/records.js";

/** True for a record the readers can read: a non-null object (arrays included), as core's readers require. */
export const isRecord = (value: unknown): value is object => typeof value === "object" && value !== null;
