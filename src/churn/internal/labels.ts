import {
  type ArrowTableLike,
  type Field,
  InvalidRecordError,
  type RecordInput,
  resolveField,
} from "../../core/index.js";
import { featureColumn, sourceOrArray } from "./churnColumns.js";
import { isRecord, notARecordError } from "./records.js";

/**
 * Reads a churn label: 1 / true = churned, 0 / false = retained. Anything else
 * (including missing values and the strings "0"/"1") is an InvalidRecordError
 * naming the row, so a mislabelled column never passes silently; so is an element that is not a
 * record (null, undefined, a number). `records` may be columns or an Arrow table (the label column read
 * directly).
 */
export function readLabels<T>(
  records: RecordInput<T> | ArrowTableLike<unknown>,
  field: Field<T>,
  functionName: string,
): Uint8Array {
  const { read, label } = resolveField(field, "label");
  const source = sourceOrArray(records, functionName);
  if (source !== undefined) {
    const feature = { name: label, key: typeof field === "string" ? field : undefined, read };
    const column = featureColumn(source, feature, functionName, "label");
    return Uint8Array.from({ length: source.length }, (_, i) =>
      labelValue(column[i], i, label, functionName),
    );
  }
  const array = records as readonly T[];
  const out = new Uint8Array(array.length);
  for (let i = 0; i < array.length; i++) {
    const record = array[i] as T;
    if (!isRecord(record)) throw notARecordError(functionName, i, record);
    out[i] = labelValue(read(record, i), i, label, functionName);
  }
  return out;
}

/** One churn label as 1 (1 / true) or 0 (0 / false); anything else an InvalidRecordError naming the row. */
export function labelValue(value: unknown, row: number, label: string, functionName: string): number {
  if (value === 1 || value === true) return 1;
  if (value === 0 || value === false) return 0;
  throw new InvalidRecordError(
    functionName,
    row,
    label,
    value,
    "expected a churn label 0/1 or false/true (1 / true = churned)",
  );
}

/** Reads labels given as an array (evaluateScores): 0/1 or booleans. */
export function labelsFromArray(labels: ArrayLike<unknown>, functionName: string): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const value = labels[i];
    if (value === 1 || value === true) out[i] = 1;
    else if (value === 0 || value === false) out[i] = 0;
    else {
      throw new InvalidRecordError(
        functionName,
        i,
        "labels",
        value,
        "expected 0/1 or false/true (1 / true = churned)",
      );
    }
  }
  return out;
}
