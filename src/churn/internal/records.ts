/** The cheap per-row check of the churn readers that do not go through core's column readers. */
import { InvalidRecordError } from "../../core/index.js";

/** True for a record the readers can read: a non-null object (arrays included). */
export const isRecord = (value: unknown): value is object => typeof value === "object" && value !== null;

/** The error for an element of a record array that is not a record (null, undefined, a number...). */
export function recordError(
  functionName: string,
  row: number,
  field: string,
  value: unknown,
  expectation = "expected a record (an object) in every position of the array; remove null, undefined and non-object entries",
): InvalidRecordError {
  return new InvalidRecordError(functionName, row, field, value, expectation);
}
