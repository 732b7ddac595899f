import { type Field, readCodes } from "../../core/index.js";

/**
 * The id of each of the `count` records: the label `field` reads from it (read once, as a coded column,
 * so a number id becomes its string), or without a field the row index as a string ("0", "1", ...).
 */
export function recordIds<T>(
  records: readonly T[],
  field: Field<T> | undefined,
  count: number,
  functionName: string,
  optionName: string,
): string[] {
  if (field === undefined) return Array.from({ length: count }, (_, i) => String(i));
  const { codes, labels } = readCodes(records, field, { functionName, optionName });
  return Array.from(codes, (code) => labels[code] as string);
}
