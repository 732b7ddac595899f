import { type Field, InvalidRecordError, resolveField } from "../../core/index.js";

/**
 * The InvalidRecordError about the value that `field` (the option `optionName`) reads from `record`, the
 * record at `row`: the value is read again for the message, since the kernels keep only parsed columns.
 */
export function fieldValueError<T>(
  functionName: string,
  row: number,
  record: T,
  field: Field<T>,
  optionName: string,
  expectation: string,
): InvalidRecordError {
  const { label, read } = resolveField(field, optionName);
  return new InvalidRecordError(functionName, row, label, read(record, row), expectation);
}

/** The error message of a record dated after `asOf` (its ISO date), with the three ways out. */
export const afterAsOfMessage = (asOf: string): string =>
  `the date is after asOf (${asOf}); remove later records, move asOf, or pass afterAsOf: "drop"`;
