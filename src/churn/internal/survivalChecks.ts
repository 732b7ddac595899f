/** Small argument checks shared by the survival functions. */
import { InvalidOptionsError } from "../../core/index.js";

/** The error for `records` that is not an array. */
export function notAnArray(functionName: string, records: unknown): InvalidOptionsError {
  return new InvalidOptionsError(functionName, [
    { path: "records", message: "expected an array of records (one per customer)", received: records },
  ]);
}
