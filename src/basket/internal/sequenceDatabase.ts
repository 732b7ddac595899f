import {
  type Field,
  InsufficientDataError,
  InvalidRecordError,
  MS_PER_DAY,
  readCodes,
  readDates,
} from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import { compareText } from "./common.js";

/**
 * Customers' purchase sequences in columnar form: customer c owns the events
 * `customerStart[c] .. customerStart[c + 1]` (sorted by time, then by first appearance in the
 * records), event e holds the item codes `items[eventStart[e] .. eventStart[e + 1]]` (ascending,
 * no repeats). Item codes follow the alphabetical order of `itemLabels`, so an element written in
 * code order is also sorted by name.
 */
export interface SequenceDatabase {
  readonly customerCount: number;
  readonly customerLabels: readonly string[];
  readonly customerStart: Int32Array;
  readonly eventCount: number;
  /** Time of each event in days since 1970-01-01 (UTC; fractional for date-times). */
  readonly eventTime: Float64Array;
  readonly eventStart: Int32Array;
  readonly items: Int32Array;
  readonly itemLabels: readonly string[];
  /** Largest number of events of one customer. */
  readonly maxEvents: number;
  /** Lines whose item was already in the same basket (counted once). */
  readonly repeatedLines: number;
}

/** Field options of the record readers. */
export interface SequenceFields<T> {
  readonly customer: Field<T>;
  readonly date: Field<T>;
  readonly item: Field<T>;
  readonly order?: Field<T> | undefined;
}

/**
 * Reads order lines into a {@link SequenceDatabase}. A basket (event) is one order when `order` is
 * given, else one (customer, date value). Every line of an order must carry the same customer and
 * the same date (an `InvalidRecordError` names the first line that does not). A missing or invalid
 * date, customer, item or order is an `InvalidRecordError` naming the row and field.
 *
 * Complexity: O(lines) reads and a stable counting sort by customer; within a customer the lines are
 * sorted by time only when they are not in time order already.
 */
export function readSequences<T>(
  records: readonly T[],
  fields: SequenceFields<T>,
  functionName: string,
): SequenceDatabase {
  if (!Array.isArray(records)) {
    throw argumentError(functionName, "records", "expected an array of order-line records", records);
  }
  if (records.length === 0) {
    throw new InsufficientDataError(
      functionName,
      "no order lines: pass at least one record with a customer, a date and an item",
    );
  }
  const context = { functionName };
  const customers = readCodes(records, fields.customer, { ...context, optionName: "customer" });
  const times = readDates(records, fields.date, { ...context, optionName: "date" });
  const itemColumn = readCodes(records, fields.item, { ...context, optionName: "item" });
  const orders =
    fields.order === undefined
      ? undefined
      : readCodes(records, fields.order, { ...context, optionName: "order" });
  const lines = records.length;
  const customerCount = customers.labels.length;
  const customerCodes = customers.codes;

  if (orders !== undefined)
    checkOrders(records, fields, orders.codes, orders.labels.length, customerCodes, times, functionName);

  // stable counting sort of the lines by customer
  const customerStartLines = new Int32Array(customerCount + 1);
  for (let i = 0; i < lines; i++) {
    const c = (customerCodes[i] as number) + 1;
    customerStartLines[c] = (customerStartLines[c] as number) + 1;
  }
  for (let c = 0; c < customerCount; c++) {
    customerStartLines[c + 1] = (customerStartLines[c + 1] as number) + (customerStartLines[c] as number);
  }
  const cursor = customerStartLines.slice(0, customerCount);
  const sorted = new Int32Array(lines);
  for (let i = 0; i < lines; i++) {
    const c = customerCodes[i] as number;
    sorted[cursor[c] as number] = i;
    cursor[c] = (cursor[c] as number) + 1;
  }
  // within a customer: by time, then (with orders) by order code (first-seen), then by line
  const orderCodes = orders?.codes;
  const before = (a: number, b: number): number =>
    (times[a] as number) - (times[b] as number) ||
    (orderCodes === undefined ? 0 : (orderCodes[a] as number) - (orderCodes[b] as number)) ||
    a - b;
  for (let c = 0; c < customerCount; c++) {
    const from = customerStartLines[c] as number;
    const to = customerStartLines[c + 1] as number;
    let inOrder = true;
    for (let k = from + 1; k < to; k++) {
      if (before(sorted[k - 1] as number, sorted[k] as number) > 0) {
        inOrder = false;
        break;
      }
    }
    if (!inOrder) sorted.subarray(from, to).sort(before);
  }

  // alphabetical item codes
  const labels = itemColumn.labels;
  const byName = labels
    .map((_, code) => code)
    .sort((a, b) => compareText(labels[a] as string, labels[b] as string));
  const rank = new Int32Array(labels.length);
  for (let r = 0; r < byName.length; r++) rank[byName[r] as number] = r;
  const itemLabels = byName.map((code) => labels[code] as string);

  // events: runs of equal (customer, time[, order]) in the sorted lines
  const customerStart = new Int32Array(customerCount + 1);
  const eventTime = new Float64Array(lines);
  const eventStart = new Int32Array(lines + 1);
  const items = new Int32Array(lines);
  const mark = new Int32Array(labels.length).fill(-1);
  let events = 0;
  let at = 0;
  let repeatedLines = 0;
  let maxEvents = 0;
  for (let c = 0; c < customerCount; c++) {
    customerStart[c] = events;
    const from = customerStartLines[c] as number;
    const to = customerStartLines[c + 1] as number;
    let previous = -1;
    for (let k = from; k < to; k++) {
      const line = sorted[k] as number;
      const opensEvent =
        previous < 0 ||
        times[line] !== times[previous] ||
        (orderCodes !== undefined && orderCodes[line] !== orderCodes[previous]);
      if (opensEvent) {
        eventStart[events] = at;
        eventTime[events] = (times[line] as number) / MS_PER_DAY;
        events++;
      }
      previous = line;
      const code = rank[itemColumn.codes[line] as number] as number;
      if (mark[code] === events - 1) {
        repeatedLines++;
        continue;
      }
      mark[code] = events - 1;
      // insertion into the event's ascending codes
      const open = eventStart[events - 1] as number;
      let j = at - 1;
      while (j >= open && (items[j] as number) > code) {
        items[j + 1] = items[j] as number;
        j--;
      }
      items[j + 1] = code;
      at++;
    }
    const count = events - (customerStart[c] as number);
    if (count > maxEvents) maxEvents = count;
  }
  customerStart[customerCount] = events;
  eventStart[events] = at;
  return {
    customerCount,
    customerLabels: customers.labels,
    customerStart,
    eventCount: events,
    eventTime: eventTime.slice(0, events),
    eventStart: eventStart.slice(0, events + 1),
    items: items.slice(0, at),
    itemLabels,
    maxEvents,
    repeatedLines,
  };
}

/** Every line of one order has the order's customer and date (those of its first line). */
function checkOrders<T>(
  records: readonly T[],
  fields: SequenceFields<T>,
  orderCodes: Int32Array,
  orderCount: number,
  customerCodes: Int32Array,
  times: Float64Array,
  functionName: string,
): void {
  const firstLine = new Int32Array(orderCount).fill(-1);
  for (let i = 0; i < orderCodes.length; i++) {
    const o = orderCodes[i] as number;
    const first = firstLine[o] as number;
    if (first < 0) {
      firstLine[o] = i;
      continue;
    }
    const sameCustomer = customerCodes[i] === customerCodes[first];
    if (sameCustomer && times[i] === times[first]) continue;
    const field = sameCustomer ? fields.date : fields.customer;
    const label =
      typeof field === "function" ? `${sameCustomer ? "date" : "customer"} (accessor)` : String(field);
    const record = records[i] as T;
    const value =
      typeof field === "function" ? field(record, i) : (record as Record<string, unknown>)[field as string];
    throw new InvalidRecordError(
      functionName,
      i,
      label,
      value,
      `order lines of one order must share its ${sameCustomer ? "date" : "customer"}; row ${first} of the same order has another one ` +
        "(drop return or refund lines first, or leave out the order option to make baskets by date)",
    );
  }
}
