import type { Field } from "../../core/index.js";
import {
  InvalidRecordError,
  MS_PER_DAY,
  readCodes,
  readDates,
  readNumbers,
  resolveField,
} from "../../core/index.js";

/** Purchases of every customer collapsed to UTC calendar days, in time order. */
export interface PurchaseDays {
  /** Customer labels, index = customer code. */
  readonly labels: readonly string[];
  /** `offsets[c] .. offsets[c + 1]` indexes the purchase days of customer c. */
  readonly offsets: Int32Array;
  /** Day number (days since 1970-01-01 UTC) of each purchase day. */
  readonly days: Float64Array;
  /** Net value of each purchase day (0 without an amount field). */
  readonly values: Float64Array;
  /** Records dropped because they fall after the end date. */
  readonly droppedRecords: number;
}

export interface PurchaseDaysInput<T> {
  readonly functionName: string;
  readonly customer: Field<T>;
  readonly date: Field<T>;
  readonly amount: Field<T> | undefined;
  /** Last day included (day number). */
  readonly endDay: number;
  readonly afterEnd: "error" | "drop";
}

/**
 * Collapses transaction records to purchase days per customer.
 *
 * Rules (documented on the public functions): several records of a customer on
 * one UTC day are one purchase day whose value is their sum; a record with a
 * negative amount is a refund, netted into the customer's latest purchase day
 * on or before it; a purchase day that refunds bring to a net value of zero or
 * less is dropped (fully refunded). Zero-amount records count as purchases.
 *
 * Complexity: O(n + n_c log n_c) — counting sort by customer, then a sort of each customer's records.
 */
export function purchaseDays<T>(records: readonly T[], input: PurchaseDaysInput<T>): PurchaseDays {
  const { functionName } = input;
  const { codes, labels } = readCodes(records, input.customer, { functionName, optionName: "customer" });
  const times = readDates(records, input.date, { functionName, optionName: "date" });
  const amounts =
    input.amount === undefined
      ? undefined
      : readNumbers(records, input.amount, { functionName, optionName: "amount" });
  const n = records.length;
  const customerCount = labels.length;
  const keep = new Uint8Array(n);
  let droppedRecords = 0;
  const counts = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) {
    const day = Math.floor((times[i] as number) / MS_PER_DAY);
    if (day > input.endDay) {
      if (input.afterEnd === "error") {
        const date = resolveField(input.date, "date");
        throw new InvalidRecordError(
          functionName,
          i,
          date.label,
          date.read(records[i] as T, i),
          `the date is after the observation end (${new Date(input.endDay * MS_PER_DAY).toISOString().slice(0, 10)}); remove later records or pass afterObservationEnd: "drop"`,
        );
      }
      droppedRecords++;
      continue;
    }
    keep[i] = 1;
    const slot = (codes[i] as number) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let c = 0; c < customerCount; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
  const order = new Int32Array(counts[customerCount] as number);
  const fill = counts.slice(0, customerCount);
  for (let i = 0; i < n; i++) {
    if (keep[i] === 0) continue;
    const c = codes[i] as number;
    order[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  const offsets = new Int32Array(customerCount + 1);
  const days = new Float64Array(order.length);
  const values = new Float64Array(order.length);
  const refunded = new Uint8Array(order.length);
  let out = 0;
  for (let c = 0; c < customerCount; c++) {
    const from = counts[c] as number;
    const to = counts[c + 1] as number;
    const slice = order.subarray(from, to);
    // time order; on equal times purchases before refunds
    slice.sort((p, q) => {
      const d = (times[p] as number) - (times[q] as number);
      if (d !== 0) return d;
      return amounts === undefined ? p - q : (amounts[q] as number) - (amounts[p] as number) || p - q;
    });
    const start = out;
    for (let k = 0; k < slice.length; k++) {
      const row = slice[k] as number;
      const day = Math.floor((times[row] as number) / MS_PER_DAY);
      const value = amounts === undefined ? 0 : (amounts[row] as number);
      if (value < 0) {
        if (out === start) {
          throw new InvalidRecordError(
            functionName,
            row,
            typeof input.amount === "string" ? input.amount : "amount (accessor)",
            value,
            `a refund (negative amount) of customer "${labels[c]}" comes before any purchase of that customer; drop it or date it after the purchase it refunds`,
          );
        }
        values[out - 1] = (values[out - 1] as number) + value;
        refunded[out - 1] = 1;
        continue;
      }
      if (out > start && days[out - 1] === day) {
        values[out - 1] = (values[out - 1] as number) + value;
      } else {
        days[out] = day;
        values[out] = value;
        refunded[out] = 0;
        out++;
      }
    }
    // drop fully refunded days
    let write = start;
    for (let k = start; k < out; k++) {
      if (refunded[k] === 1 && (values[k] as number) <= 1e-9) continue;
      days[write] = days[k] as number;
      values[write] = values[k] as number;
      write++;
    }
    out = write;
    offsets[c + 1] = out;
  }
  return { labels, offsets, days: days.subarray(0, out), values: values.subarray(0, out), droppedRecords };
}
