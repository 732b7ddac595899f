import { recordAt } from "../../core/columnar.js";
import {
  type ReadContext,
  readCodeArrayInto,
  readCodesInto,
  readNumberArrayInto,
  readNumbersInto,
  readTimeArrayInto,
  readTimesInto,
} from "../../core/fields.js";
import { SCRATCH_BYTES_PER_ROW } from "../../core/internal/scratch.js";

/** Bytes of scratch memory per row that {@link purchaseDays} reads into when given a buffer. */
export const PURCHASE_DAYS_SCRATCH = SCRATCH_BYTES_PER_ROW;

import type { Field, RecordInput } from "../../core/index.js";
import { InvalidRecordError, MS_PER_DAY, recordCount } from "../../core/index.js";
import { afterAsOfMessage, fieldValueError } from "./recordErrors.js";

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

/** How {@link purchaseDays} reads its input: any record input, or arrays only (smaller bundles). */
interface Readers {
  count(records: unknown, functionName: string): number;
  at(records: unknown, row: number, functionName: string): unknown;
  codes(records: unknown, field: unknown, options: ReadContext, out: Int32Array): readonly string[];
  times(records: unknown, field: unknown, options: ReadContext, out: Float64Array, days: false): void;
  numbers(records: unknown, field: unknown, options: ReadContext, out: Float64Array): void;
}

const anyInput = {
  count: recordCount,
  at: recordAt,
  codes: readCodesInto,
  times: readTimesInto,
  numbers: readNumbersInto,
} as Readers;

const arrayInput = {
  count: (records: readonly unknown[]) => records.length,
  at: (records: readonly unknown[], row: number) => records[row],
  codes: readCodeArrayInto,
  times: readTimeArrayInto,
  numbers: readNumberArrayInto,
} as Readers;

/**
 * Collapses transaction records to purchase days per customer.
 *
 * Rules (documented on the public functions): several records of a customer on
 * one UTC day are one purchase day whose value is their sum; a record with a
 * negative amount is a refund, netted into the customer's latest purchase day
 * on or before it; a purchase day that refunds bring to a net value of zero or
 * less is dropped (fully refunded). Zero-amount records count as purchases.
 *
 * Complexity: O(n + n_c log n_c) — counting sort by customer, then an in-place sort of each
 * customer's records (linear when they already come in time order).
 */
export function purchaseDays<T>(
  records: RecordInput<T>,
  input: PurchaseDaysInput<T>,
  scratch?: ArrayBuffer,
): PurchaseDays {
  return collapse(records, input, scratch, anyInput);
}

/**
 * {@link purchaseDays} of an array of records (checked by the caller): the same result and errors, without
 * the columnar and Arrow readers in the bundle.
 */
export function purchaseDayArrays<T>(
  records: readonly T[],
  input: PurchaseDaysInput<T>,
  scratch?: ArrayBuffer,
): PurchaseDays {
  return collapse(records, input, scratch, arrayInput);
}

function collapse<T>(
  records: RecordInput<T>,
  input: PurchaseDaysInput<T>,
  scratch: ArrayBuffer | undefined,
  read: Readers,
): PurchaseDays {
  const { functionName } = input;
  const n = read.count(records, functionName);
  // per-row columns: in the caller's scratch buffer when given (PURCHASE_DAYS_SCRATCH bytes a row:
  // times, amounts, grouped amounts, codes), else new arrays
  const float64 = (slot: number, length: number) =>
    scratch === undefined ? new Float64Array(length) : new Float64Array(scratch, slot * 8 * n, length);
  const codes = scratch === undefined ? new Int32Array(n) : new Int32Array(scratch, 24 * n, n);
  const labels = read.codes(records, input.customer, { functionName, optionName: "customer" }, codes);
  const times = float64(0, n);
  read.times(records, input.date, { functionName, optionName: "date" }, times, false);
  let amounts: Float64Array | undefined;
  if (input.amount !== undefined) {
    amounts = float64(1, n);
    read.numbers(records, input.amount, { functionName, optionName: "amount" }, amounts);
  }
  const customerCount = labels.length;
  let droppedRecords = 0;
  const counts = new Int32Array(customerCount + 1);
  for (let i = 0; i < n; i++) {
    const day = Math.floor((times[i] as number) / MS_PER_DAY);
    if (day > input.endDay) {
      if (input.afterEnd === "error") {
        throw fieldValueError(
          functionName,
          i,
          read.at(records, i, functionName) as T,
          input.date,
          "date",
          afterAsOfMessage(new Date(input.endDay * MS_PER_DAY).toISOString().slice(0, 10)),
        );
      }
      droppedRecords++;
      codes[i] = -1; // left out (codes is this call's own column)
      continue;
    }
    const slot = (codes[i] as number) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let c = 0; c < customerCount; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
  // Group the rows by customer, carrying each row's time and amount along, so the per-customer pass
  // reads two arrays sequentially (gathering times[row] in customer order was a cache miss per row
  // once the columns outgrow the cache). The two arrays are also the output: a customer's purchase
  // days are written over its own rows, already read. Few, large allocations on purpose: every
  // 64 MB of new typed arrays makes V8 collect the whole heap, which holds the caller's records.
  // With an amount column only one new array is needed: amounts are grouped into it first, and the
  // amount column (this call's own, now read) then receives the grouped times.
  const kept = counts[customerCount] as number;
  const groupAmounts = float64(2, kept);
  const fill = counts.slice(0, customerCount);
  if (amounts !== undefined) {
    for (let i = 0; i < n; i++) {
      const c = codes[i] as number;
      if (c < 0) continue;
      const position = fill[c] as number;
      groupAmounts[position] = amounts[i] as number;
      fill[c] = position + 1;
    }
    fill.set(counts.subarray(0, customerCount));
  }
  if (amounts === undefined) groupAmounts.fill(0); // no amount field: every purchase day is worth 0
  const groupTimes = amounts ?? float64(1, kept);
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    if (c < 0) continue;
    const position = fill[c] as number;
    groupTimes[position] = times[i] as number;
    fill[c] = position + 1;
  }
  const groups: Groups = { times: groupTimes, amounts: groupAmounts };
  const offsets = new Int32Array(customerCount + 1);
  const days = groupTimes; // day numbers, written over the times already read
  const values = groupAmounts;
  // positions (ascending) of the current customer's purchase days that a refund reached
  let refunded = new Int32Array(64);
  let refundedCount = 0;
  let out = 0;
  for (let c = 0; c < customerCount; c++) {
    const from = counts[c] as number;
    const to = counts[c + 1] as number;
    // time order; on equal times purchases before refunds (in place, no allocation: see sortRows)
    sortRows(groups, from, to);
    const start = out;
    refundedCount = 0;
    for (let k = from; k < to; k++) {
      const day = Math.floor((groupTimes[k] as number) / MS_PER_DAY);
      const value = groupAmounts[k] as number;
      if (value < 0) {
        if (out === start) {
          // the amount column now holds grouped times: read it again (error path only)
          const amountColumn = new Float64Array(n);
          read.numbers(records, input.amount, { functionName, optionName: "amount" }, amountColumn);
          const row = findRow(codes, times, amountColumn, c, groupTimes[k] as number, value);
          throw new InvalidRecordError(
            functionName,
            row,
            typeof input.amount === "string" ? input.amount : "amount (accessor)",
            value,
            `a refund (negative amount) of customer "${labels[c]}" comes before any purchase of that customer; drop it or date it after the purchase it refunds`,
          );
        }
        values[out - 1] = (values[out - 1] as number) + value;
        if (refundedCount === 0 || refunded[refundedCount - 1] !== out - 1) {
          if (refundedCount === refunded.length) {
            const larger = new Int32Array(2 * refundedCount);
            larger.set(refunded);
            refunded = larger;
          }
          refunded[refundedCount++] = out - 1;
        }
        continue;
      }
      if (out > start && days[out - 1] === day) {
        values[out - 1] = (values[out - 1] as number) + value;
      } else {
        // out <= k: this position has been read already
        days[out] = day;
        values[out] = value;
        out++;
      }
    }
    // drop fully refunded days
    if (refundedCount > 0) {
      let write = start;
      let next = 0;
      for (let k = start; k < out; k++) {
        const isRefunded = next < refundedCount && refunded[next] === k;
        if (isRefunded) next++;
        if (isRefunded && (values[k] as number) <= 1e-9) continue;
        days[write] = days[k] as number;
        values[write] = values[k] as number;
        write++;
      }
      out = write;
    }
    offsets[c + 1] = out;
  }
  return { labels, offsets, days: days.subarray(0, out), values: values.subarray(0, out), droppedRecords };
}

/** Rows grouped by customer: time and amount at each position. */
interface Groups {
  readonly times: Float64Array;
  readonly amounts: Float64Array;
}

/**
 * True when the row at position `p` goes after the one at `q`: later time; on equal times a refund
 * (lower amount) after a purchase. Rows equal in both are interchangeable (they add to one day).
 */
function after(groups: Groups, p: number, q: number): boolean {
  const d = (groups.times[p] as number) - (groups.times[q] as number);
  if (d !== 0) return d > 0;
  return (groups.amounts[q] as number) > (groups.amounts[p] as number);
}

function swap(groups: Groups, p: number, q: number): void {
  const { times, amounts } = groups;
  const time = times[p] as number;
  times[p] = times[q] as number;
  times[q] = time;
  const amount = amounts[p] as number;
  amounts[p] = amounts[q] as number;
  amounts[q] = amount;
}

/** The first row of customer `c` with this time and amount (for an error message only). */
function findRow(
  codes: Int32Array,
  times: Float64Array,
  amounts: Float64Array,
  c: number,
  time: number,
  amount: number,
): number {
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === c && times[i] === time && amounts[i] === amount) return i;
  }
  return -1;
}

/**
 * Sorts positions `from..to` (one customer's rows) in place by {@link after}. Insertion sort,
 * linear when the rows already come in time order (the usual case: the counting sort by customer
 * keeps row order), switching to a heap sort for long runs that are far from sorted, so the worst
 * case stays O(k log k). Allocates nothing (a `subarray(...).sort(comparator)` per customer made a
 * view, a closure and a scratch copy per customer).
 */
function sortRows(groups: Groups, from: number, to: number): void {
  let moves = 0;
  for (let k = from + 1; k < to; k++) {
    if (!after(groups, k - 1, k)) continue;
    if (++moves > 64 && to - from > 64) {
      heapSortRows(groups, from, to);
      return;
    }
    for (let j = k; j > from && after(groups, j - 1, j); j--) swap(groups, j - 1, j);
  }
}

function heapSortRows(groups: Groups, from: number, to: number): void {
  const n = to - from;
  const siftDown = (start: number, end: number) => {
    let root = start;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= end) return;
      if (child + 1 < end && after(groups, from + child + 1, from + child)) child++;
      if (!after(groups, from + child, from + root)) return;
      swap(groups, from + root, from + child);
      root = child;
    }
  };
  for (let start = (n >> 1) - 1; start >= 0; start--) siftDown(start, n);
  for (let end = n - 1; end > 0; end--) {
    swap(groups, from, from + end);
    siftDown(0, end);
  }
}
