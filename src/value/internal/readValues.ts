import { type Field, InvalidRecordError, readNumbers, resolveField } from "../../core/index.js";

/** Reads non-negative values: a numeric array directly, or a field of records. Negative or missing values are errors naming the row. */
export function readNonNegativeValues<T>(
  functionName: string,
  input: ArrayLike<number> | readonly T[],
  field: Field<T> | undefined,
): Float64Array {
  let values: Float64Array;
  let label = "value";
  if (field === undefined) {
    values = new Float64Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const value = (input as ArrayLike<unknown>)[i];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new InvalidRecordError(
          functionName,
          i,
          "value",
          value,
          "expected a finite number; pass records with a `value` field option, or drop missing values first",
        );
      }
      values[i] = value;
    }
  } else {
    values = readNumbers(input as readonly T[], field, { functionName, optionName: "value" });
    label = resolveField(field, "value").label;
  }
  for (let i = 0; i < values.length; i++) {
    if ((values[i] as number) < 0) {
      throw new InvalidRecordError(
        functionName,
        i,
        label,
        values[i],
        "concentration measures need non-negative values; net refunds per customer first, or leave loss-making customers out and report them separately",
      );
    }
  }
  return values;
}

/** Sum of an array with Neumaier compensation. */
export function exactSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const total = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
    sum = total;
  }
  return sum + compensation;
}
