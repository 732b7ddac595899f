import { InvalidOptionsError, InvalidRecordError } from "./errors.js";

/** Field label used in errors about a whole record (not one of its fields). */
export const RECORD_FIELD = "(record)";

/** What a record must be, said in every error about a non-record element. */
const RECORD_EXPECTATION =
  "expected a record object; drop null, undefined and primitive elements before calling";

/**
 * The error for a row that is not a record object: names the function, the row
 * and the value received (field `"(record)"`).
 *
 * @internal Used by the column readers and {@link assertRecordArray}.
 */
export function notARecordError(functionName: string, row: number, value: unknown): InvalidRecordError {
  return new InvalidRecordError(functionName, row, RECORD_FIELD, value, RECORD_EXPECTATION);
}

/**
 * Checks that `records` is an array whose every element is a non-null object
 * (a record), for module code that reads records itself rather than through
 * `readNumbers` / `readDates` / `readCodes` (which do the same check in the loop
 * that reads the column). Arrays count as records; `null`, `undefined`,
 * numbers, strings and booleans do not.
 *
 * Complexity: O(n), one `typeof` test per element; nothing is copied.
 *
 * @param records - the argument to check
 * @param functionName - the public function doing the check, named in the error
 * @param argumentName - the argument's name in that function's signature
 * @defaultValue argumentName `"records"`
 * @throws InvalidOptionsError when `records` is not an array
 * @throws InvalidRecordError naming the first element that is not an object (field `"(record)"`)
 * @example
 * ```ts
 * assertRecordArray([{ id: "a" }, { id: "b" }], "rfmTable"); // passes, returns nothing
 * assertRecordArray([{ id: "a" }, null], "rfmTable");
 * // throws InvalidRecordError: rfmTable: row 1, field "(record)": received null;
 * //   expected a record object; drop null, undefined and primitive elements before calling
 * assertRecordArray(null, "rfmTable", "orderLines");
 * // throws InvalidOptionsError: rfmTable: invalid options
 * //   - orderLines: expected an array of records
 * ```
 */
export function assertRecordArray(
  records: unknown,
  functionName: string,
  argumentName = "records",
): asserts records is readonly object[] {
  if (!Array.isArray(records)) throw notAnArrayError(functionName, argumentName, records);
  for (let i = 0; i < records.length; i++) {
    const record: unknown = records[i];
    if (typeof record !== "object" || record === null) throw notARecordError(functionName, i, record);
  }
}

/**
 * The error for a records argument that is not an array.
 *
 * @internal Used by the column readers and {@link assertRecordArray}.
 */
export function notAnArrayError(
  functionName: string,
  argumentName: string,
  value: unknown,
): InvalidOptionsError {
  return new InvalidOptionsError(functionName, [
    { path: argumentName, message: "expected an array of records", received: value },
  ]);
}
