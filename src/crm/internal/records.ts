// Reading the record logs of the crm functions: the array argument, missing values, and the dates,
// flags and contact counts that complaintSummary and serviceKpis both read, each with the
// InvalidRecordError naming function, row, field and value.
import {
  type Field,
  InvalidOptionsError,
  InvalidRecordError,
  type ResolvedField,
  resolveField,
} from "../../core/index.js";
import { isMissing } from "../../core/internal/missing.js";

export { isMissing };

/**
 * Throws the InvalidOptionsError of a records argument that is not an array ("expected an array of
 * `what`"), before the options are parsed; its elements are checked after them (assertRecordArray).
 */
export function requireArray(functionName: string, argumentName: string, what: string, value: unknown): void {
  if (!Array.isArray(value)) {
    throw new InvalidOptionsError(functionName, [
      { path: argumentName, message: `expected an array of ${what}`, received: value },
    ]);
  }
}

/** A field option that `null` switches off: the resolved field, or null. */
export function optionalField<T>(option: unknown, optionName: string): ResolvedField<T> | null {
  return option === null ? null : resolveField(option as Field<T>, optionName);
}

/** What a date field accepts, said in its errors. */
export const DATE_EXPECTATION = "expected a Date, an ISO 8601 string or epoch milliseconds";

/** The time (epoch ms) `parseDate` reads from `value`, or an error with `expectation`. */
export function timeOf(
  parseDate: (value: unknown) => number | undefined,
  functionName: string,
  row: number,
  label: string,
  value: unknown,
  expectation = DATE_EXPECTATION,
): number {
  const time = parseDate(value);
  if (time === undefined) throw new InvalidRecordError(functionName, row, label, value, expectation);
  return time;
}

/** A true/false flag, or null when missing; anything else is an error. */
export function flagOf(functionName: string, row: number, label: string, value: unknown): boolean | null {
  if (isMissing(value)) return null;
  if (typeof value !== "boolean")
    throw new InvalidRecordError(functionName, row, label, value, "expected true or false");
  return value;
}

/** Contacts needed until resolution (a whole number >= 1), or null when missing. */
export function contactsOf(functionName: string, row: number, label: string, value: unknown): number | null {
  if (isMissing(value)) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw new InvalidRecordError(functionName, row, label, value, "expected a whole number of contacts >= 1");
  return value;
}
