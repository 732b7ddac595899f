import { readNumberArray } from "../../core/fields.js";
import { type Field, InvalidOptionsError, InvalidRecordError, resolveField } from "../../core/index.js";

/**
 * Reads non-negative values: a numeric array (or typed array) directly, or a field of records.
 * Negative or missing values are errors naming the row; an input that is not an array is an
 * InvalidOptionsError naming the `values` argument.
 */
export function readNonNegativeValues<T>(
  functionName: string,
  input: ArrayLike<number> | readonly T[],
  field: Field<T> | undefined,
): Float64Array {
  if (!Array.isArray(input) && !(ArrayBuffer.isView(input) && !(input instanceof DataView))) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "values",
        message:
          "expected an array of numbers, a typed array, or an array of records with the `value` option naming their field",
        received: input,
      },
    ]);
  }
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
    values = readNumberArray(input as readonly T[], field, { functionName, optionName: "value" });
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

/** Sum of an array with Neumaier compensation; Infinity (not NaN) when the sum overflows. */
export function exactSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    const total = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
    sum = total;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/**
 * Running shares of the total: entry k is the Neumaier-compensated sum of the first k + 1 values (taken
 * in `order` when given) over the sum of them all; the last entry is exactly 1. Meant for values scaled
 * by {@link scaledByMax}, whose running sums cannot overflow.
 */
export function cumulativeShares(values: ArrayLike<number>, order?: ArrayLike<number>): Float64Array {
  const n = values.length;
  const total = exactSum(values);
  const shares = new Float64Array(n);
  let running = 0;
  let compensation = 0;
  for (let k = 0; k < n; k++) {
    const value = values[order === undefined ? k : (order[k] as number)] as number;
    const next = running + value;
    compensation += Math.abs(running) >= Math.abs(value) ? running - next + value : value - next + running;
    running = next;
    shares[k] = (running + compensation) / total;
  }
  if (n > 0) shares[n - 1] = 1;
  return shares;
}

/**
 * The values divided by their maximum (so every one is in [0, 1] and sums of up to 2^53 of them
 * stay finite, however large the inputs), and that maximum. Shares and the Gini coefficient are
 * ratios, unchanged by the scaling. `max` is 0 when every value is 0.
 */
export function scaledByMax(values: ArrayLike<number>): {
  readonly scaled: Float64Array;
  readonly max: number;
} {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > max) max = values[i] as number;
  const scaled = new Float64Array(values.length);
  if (max > 0) for (let i = 0; i < values.length; i++) scaled[i] = (values[i] as number) / max;
  return { scaled, max };
}
