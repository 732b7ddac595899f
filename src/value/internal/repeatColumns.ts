import { type Field, InvalidOptionsError, InvalidRecordError, readNumbers } from "../../core/index.js";
import type { RepeatPurchaseFields, RepeatPurchaseInput } from "../repeatPurchaseInput.js";
import type { RepeatPurchaseSummaryResult } from "../repeatPurchaseSummary.js";

export interface RepeatColumns {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryValue: Float64Array | undefined;
}

function isSummary(input: unknown): input is RepeatPurchaseSummaryResult {
  return (
    input !== null &&
    typeof input === "object" &&
    !Array.isArray(input) &&
    (input as { frequency?: unknown }).frequency instanceof Float64Array
  );
}

/**
 * Reads and checks frequency / recency / T (from a summary result, records, columns or an Arrow table; an
 * object whose `frequency` is a Float64Array is read as a summary, by the column names) (and optionally monetary value)
 * columns: frequency a non-negative integer, 0 ≤ recency ≤ T, recency 0 when
 * frequency is 0. Errors name the row and field.
 */
export function readRepeatColumns<T>(
  functionName: string,
  input: RepeatPurchaseInput<T>,
  fields: RepeatPurchaseFields<T>,
  withMonetary: boolean,
): RepeatColumns {
  let frequency: Float64Array;
  let recency: Float64Array;
  let age: Float64Array;
  let monetaryValue: Float64Array | undefined;
  const labels = { frequency: "frequency", recency: "recency", T: "T", monetaryValue: "monetaryValue" };
  if (isSummary(input)) {
    ({ frequency, recency, T: age } = input);
    monetaryValue = withMonetary ? input.monetaryValue : undefined;
    const n = frequency.length;
    const columns = withMonetary ? [recency, age, monetaryValue] : [recency, age];
    if (columns.some((column) => !(column instanceof Float64Array) || column.length !== n)) {
      throw new InvalidOptionsError(functionName, [
        {
          path: "summary",
          message: `expected a repeatPurchaseSummary result whose frequency, recency, T${withMonetary ? " and monetaryValue" : ""} are Float64Arrays of one length, or an array of records`,
          received: input,
        },
      ]);
    }
  } else {
    const read = (field: Field<T> | undefined, fallback: keyof typeof labels) => {
      const f = (field ?? fallback) as Field<T>;
      if (typeof f === "string") labels[fallback] = f;
      return readNumbers(input, f, { functionName, optionName: fallback });
    };
    frequency = read(fields.frequency, "frequency");
    recency = read(fields.recency, "recency");
    age = read(fields.T, "T");
    monetaryValue = withMonetary ? read(fields.monetaryValue, "monetaryValue") : undefined;
  }
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    const tx = recency[i] as number;
    const t = age[i] as number;
    if (!(x >= 0) || !Number.isInteger(x)) {
      throw new InvalidRecordError(
        functionName,
        i,
        labels.frequency,
        x,
        "expected a non-negative integer count of repeat purchases",
      );
    }
    if (!(tx >= 0))
      throw new InvalidRecordError(functionName, i, labels.recency, tx, "expected a non-negative time");
    if (!(t >= 0) || t < tx - 1e-9) {
      throw new InvalidRecordError(functionName, i, labels.T, t, `expected T (age) at least recency (${tx})`);
    }
    if (x === 0 && tx !== 0) {
      throw new InvalidRecordError(
        functionName,
        i,
        labels.recency,
        tx,
        "a customer without repeat purchases (frequency 0) must have recency 0",
      );
    }
  }
  return { frequency, recency, T: age, monetaryValue };
}

/** Identical (frequency, recency, T) histories merged with a weight, for faster likelihoods. */
export interface AggregatedHistories {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly maxFrequency: number;
  readonly total: number;
}

/** Merges identical (x, t_x, T) triples. O(n log n) via a sort of indices. */
export function aggregateHistories(columns: RepeatColumns): AggregatedHistories {
  const [frequency, recency, T, weight] = mergeEqualRows(columns.frequency, columns.recency, columns.T);
  let maxFrequency = 0;
  for (let u = 0; u < frequency.length; u++)
    if ((frequency[u] as number) > maxFrequency) maxFrequency = frequency[u] as number;
  return { frequency, recency, T, weight, maxFrequency, total: columns.frequency.length };
}

/**
 * Merges the rows whose three keys are all equal into one row whose weight is the sum of theirs (1 for
 * each row without `weight`; rows of weight 0 are left out), in ascending order of `first`, then
 * `second`, then `third`. Returns the merged keys and weights, in that order. O(n log n): a sort of the
 * row indices, then one pass over equal neighbours.
 */
export function mergeEqualRows(
  first: Float64Array,
  second: Float64Array,
  third: Float64Array,
  weight?: Float64Array,
): [first: Float64Array, second: Float64Array, third: Float64Array, weight: Float64Array] {
  const n = first.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(
    (p, q) =>
      (first[p] as number) - (first[q] as number) ||
      (second[p] as number) - (second[q] as number) ||
      (third[p] as number) - (third[q] as number),
  );
  const mergedFirst = new Float64Array(n);
  const mergedSecond = new Float64Array(n);
  const mergedThird = new Float64Array(n);
  const mergedWeight = new Float64Array(n);
  let u = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const wi = weight === undefined ? 1 : (weight[i] as number);
    if (wi === 0) continue;
    const firstKey = first[i] as number;
    const secondKey = second[i] as number;
    const thirdKey = third[i] as number;
    if (
      u > 0 &&
      mergedFirst[u - 1] === firstKey &&
      mergedSecond[u - 1] === secondKey &&
      mergedThird[u - 1] === thirdKey
    ) {
      mergedWeight[u - 1] = (mergedWeight[u - 1] as number) + wi;
      continue;
    }
    mergedFirst[u] = firstKey;
    mergedSecond[u] = secondKey;
    mergedThird[u] = thirdKey;
    mergedWeight[u] = wi;
    u++;
  }
  return [
    mergedFirst.slice(0, u),
    mergedSecond.slice(0, u),
    mergedThird.slice(0, u),
    mergedWeight.slice(0, u),
  ];
}
