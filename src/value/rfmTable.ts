import { recordAt } from "../core/columnar.js";
import { readCodesInto, readNumbersInto, readTimesInto } from "../core/fields.js";
import {
  type Field,
  isoDate,
  MS_PER_DAY,
  type RecordInput,
  recordCount,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, date, field, oneOf, required } from "../core/internal/optionRules.js";
import { SCRATCH_BYTES_PER_ROW, withScratch } from "../core/internal/scratch.js";
import { isoDayFormatter } from "./internal/isoDays.js";
import { afterAsOfMessage, fieldValueError } from "./internal/recordErrors.js";
import { dayOption } from "./internal/summaryPeriod.js";

/**
 * Options of {@link rfmTable}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" }).customers[1].recencyDays; // => 45
 * ```
 */
export interface RfmTableOptions<T> {
  /** Customer identifier. */
  readonly customer: Field<T>;
  /** Purchase (or refund) date; recency is counted in whole UTC calendar days. */
  readonly date: Field<T>;
  /** Line or order value; negative values are refunds. */
  readonly amount: Field<T>;
  /**
   * Order identifier (order lines of one order share it; refund lines carry the order they refund).
   * Without it every record is its own order.
   */
  readonly order?: Field<T>;
  /** Reference date of the analysis ("as of"); recency = days from the last purchase to it. */
  readonly asOf: Date | string | number;
  /**
   * What `frequency` counts: `"orders"` (distinct orders that are purchases) or `"transactions"`
   * (purchase records, i.e. lines with a non-negative amount, in those orders).
   * @defaultValue "orders"
   */
  readonly frequency?: "orders" | "transactions";
  /** `"total"` net spend, or `"mean"` net spend per counted order. @defaultValue "total" */
  readonly monetary?: "total" | "mean";
  /** Records dated after `asOf`: `"error"` (InvalidRecordError with the row) or `"drop"` (counted). @defaultValue "error" */
  readonly afterAsOf?: "error" | "drop";
}

/**
 * One customer of an {@link RfmTableResult}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * table.customers[1];
 * // => { customer: "b", recencyDays: 45, frequency: 1, monetary: 5, firstPurchase: "2024-02-15", lastPurchase: "2024-02-15" }
 * ```
 */
export interface RfmTableRow {
  readonly customer: string;
  /** Whole days from the last purchase to `asOf` (0 = bought on the as-of day). */
  readonly recencyDays: number;
  /** Orders (or purchase lines) counted as purchases. */
  readonly frequency: number;
  /** Net spend (total, or mean per order), refunds subtracted. */
  readonly monetary: number;
  readonly firstPurchase: string;
  readonly lastPurchase: string;
}

/**
 * Result of {@link rfmTable}.
 *
 * @example
 * ```ts
 * const orders = [{ id: "a", day: "2024-01-02", value: 20 }, { id: "a", day: "2024-03-01", value: 30 }, { id: "b", day: "2024-02-15", value: 5 }];
 * const table = rfmTable(orders, { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" });
 * [table.customers.length, table.customersWithoutPurchases, table.droppedRecords]; // => [2, 0, 0]
 * table.options; // => { asOf: "2024-03-31", frequency: "orders", monetary: "total", afterAsOf: "error", orderField: false }
 * ```
 */
export interface RfmTableResult {
  readonly customers: readonly RfmTableRow[];
  /** Columns in the order of `customers`. */
  readonly recencyDays: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  /** Customers whose every order was fully refunded (left out of the table). */
  readonly customersWithoutPurchases: number;
  /** Records dated after `asOf` that were dropped. */
  readonly droppedRecords: number;
  readonly options: {
    readonly asOf: string;
    readonly frequency: "orders" | "transactions";
    readonly monetary: "total" | "mean";
    readonly afterAsOf: "error" | "drop";
    readonly orderField: boolean;
  };
}

/** Day of an order without purchase lines (above every day an Int32 day number can hold). */
const NO_DAY = 2 ** 31 - 1;

/** Flag bit of an order's line count: a refund line was netted into the order. */
const REFUNDED = 1 << 30;

/** Option rules of {@link rfmTable} (exported for value's option-rule test; not in the module index). */
export const rfmTableShape = {
  customer: required(field()),
  date: required(field()),
  amount: required(field()),
  order: field(),
  asOf: required(date()),
  frequency: oneOf(["orders", "transactions"]),
  monetary: oneOf(["total", "mean"]),
  afterAsOf: oneOf(["error", "drop"]),
};

/**
 * Recency, frequency and monetary value per customer from transaction records — the
 * input of {@link rfmScores}; the counterpart of R rfm's `rfm_table_order` (whose
 * `recency_days`, `transaction_count` and `amount` are `recencyDays`, `frequency` and `monetary`).
 *
 * Refunds: lines with a negative amount are netted into their order (by `order` id; without
 * an order field each record is its own order). An order is a purchase unless refunds bring its
 * net value to zero or below ("fully refunded"): such orders do not count towards frequency or
 * recency, but every amount, refunds included, is netted into `monetary`. A purchase order's date
 * is the earliest date of its non-negative lines. Customers without any purchase are left out and
 * counted in `customersWithoutPurchases`; a customer whose net total is negative is an error.
 *
 * Complexity: O(n) plus hashing of customer and order ids; no per-row objects (columnar input is read
 * column by column, without an object per row).
 *
 * @param records - order lines or orders: an array of records, columns (`{ customerId: string[], ... }`)
 *   or an Apache Arrow table (see `ColumnarRecords`); not modified
 * @param options - fields, `asOf`, frequency and monetary definitions
 * @returns one row per customer plus typed columns
 * @throws InvalidOptionsError for malformed options
 * @throws InvalidRecordError for a missing/unparsable customer, date or amount, a date after `asOf`
 *   (unless dropped), an order id shared by two customers, or a customer whose net spend is negative
 * @see Hughes, A. M. (1994). Strategic Database Marketing (RFM analysis); R package rfm (Hebbali), `rfm_table_order`.
 * @example
 * ```ts
 * const table = rfmTable(
 *   [
 *     { id: "a", day: "2024-01-02", value: 20 },
 *     { id: "a", day: "2024-03-01", value: 30 },
 *     { id: "b", day: "2024-02-15", value: 5 },
 *   ],
 *   { customer: "id", date: "day", amount: "value", asOf: "2024-03-31" },
 * );
 * table.customers[0];
 * // => { customer: "a", recencyDays: 30, frequency: 2, monetary: 50, firstPurchase: "2024-01-02", lastPurchase: "2024-03-01" }
 * ```
 */
export function rfmTable<T>(records: RecordInput<T>, options: RfmTableOptions<T>): RfmTableResult {
  const functionName = "rfmTable";
  const parsed = withDefaults(checkOptions(functionName, rfmTableShape, options), {
    frequency: "orders",
    monetary: "total",
    afterAsOf: "error",
  });
  const asOfDay = dayOption(functionName, "asOf", parsed.asOf);
  const n = recordCount(records, functionName);
  // The per-row columns live in scratch memory reused by the next call (see withScratch): 20 bytes a line
  // of the SCRATCH_BYTES_PER_ROW asked for.
  return withScratch(SCRATCH_BYTES_PER_ROW * n, (buffer) => {
    const amounts = new Float64Array(buffer, 0, n);
    const days = new Int32Array(buffer, 8 * n, n);
    const customers = {
      codes: new Int32Array(buffer, 12 * n, n),
      labels: [] as readonly string[],
    };
    customers.labels = readCodesInto(
      records,
      options.customer,
      { functionName, optionName: "customer" },
      customers.codes,
    );
    readTimesInto(records, options.date, { functionName, optionName: "date" }, days, true);
    readNumbersInto(records, options.amount, { functionName, optionName: "amount" }, amounts);
    let orderCodes: Int32Array | undefined;
    if (options.order !== undefined) {
      orderCodes = new Int32Array(buffer, 16 * n, n);
      readCodesInto(records, options.order, { functionName, optionName: "order" }, orderCodes);
    }
    // Per-order totals are written over the per-row columns, which this call owns: order codes come in
    // first-seen order, so row i's order o is at most i and slot o of every row column holds a row already
    // read. Separate per-order arrays were up to 21 bytes per line of new typed arrays, and at millions of
    // lines every 64 MB of them starts a full collection of the heap that holds the caller's records.
    // Without an order field row i is order i: its owner, day and net are already in place.
    const orderOwner = orderCodes ?? customers.codes;
    const orderDay = days;
    const orderNet = amounts;
    const orderLines = customers.codes; // line count, plus REFUNDED (order field only)
    const customerCount = customers.labels.length;
    const customerNet = new Float64Array(customerCount);
    const customerCompensation = new Float64Array(customerCount);
    const lastRefundRow = new Int32Array(customerCount).fill(-1);
    let droppedRecords = 0;
    let ordersSeen = 0;
    for (let i = 0; i < n; i++) {
      const day = days[i] as number;
      if (day > asOfDay) {
        if (parsed.afterAsOf === "error") {
          throw fieldValueError(
            functionName,
            i,
            recordAt(records, i, functionName),
            options.date,
            "date",
            afterAsOfMessage(isoDate(asOfDay * MS_PER_DAY)),
          );
        }
        droppedRecords++;
        continue;
      }
      const c = customers.codes[i] as number;
      const value = amounts[i] as number;
      // Neumaier-compensated running net per customer (money over many lines)
      const sum = customerNet[c] as number;
      const total = sum + value;
      customerCompensation[c] =
        (customerCompensation[c] as number) +
        (Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum);
      customerNet[c] = total;
      if (value < 0) lastRefundRow[c] = i;
      if (orderCodes === undefined) continue;
      const o = orderCodes[i] as number;
      if (o >= ordersSeen) {
        // first line of order o (and of orders between whose lines were all dropped): slots up to o <= i are read
        for (let k = ordersSeen; k <= o; k++) {
          orderOwner[k] = -1;
          orderDay[k] = NO_DAY;
          orderNet[k] = 0;
          orderLines[k] = 0;
        }
        ordersSeen = o + 1;
      }
      const owner = orderOwner[o] as number;
      if (owner === -1) orderOwner[o] = c;
      else if (owner !== c) {
        throw fieldValueError(
          functionName,
          i,
          recordAt(records, i, functionName),
          options.order as Field<T>,
          "order",
          `the order id belongs to customer "${customers.labels[owner]}" and to customer "${customers.labels[c]}"; order ids must identify one customer's order`,
        );
      }
      orderNet[o] = (orderNet[o] as number) + value;
      if (value < 0) {
        orderLines[o] = (orderLines[o] as number) | REFUNDED;
      } else {
        orderLines[o] = (orderLines[o] as number) + 1;
        if (day < (orderDay[o] as number)) orderDay[o] = day;
      }
    }
    const first = new Float64Array(customerCount).fill(Number.POSITIVE_INFINITY);
    const last = new Float64Array(customerCount).fill(Number.NEGATIVE_INFINITY);
    const orders = new Float64Array(customerCount);
    const lines = new Float64Array(customerCount);
    const addOrder = (c: number, day: number, lineCount: number) => {
      if (day < (first[c] as number)) first[c] = day;
      if (day > (last[c] as number)) last[c] = day;
      orders[c] = (orders[c] as number) + 1;
      lines[c] = (lines[c] as number) + lineCount;
    };
    if (orderCodes === undefined) {
      // each kept row with a non-negative amount is a purchase order of one line
      for (let i = 0; i < n; i++) {
        if ((days[i] as number) > asOfDay || (amounts[i] as number) < 0) continue;
        addOrder(orderOwner[i] as number, days[i] as number, 1);
      }
    } else {
      for (let o = 0; o < ordersSeen; o++) {
        const c = orderOwner[o] as number;
        const flags = orderLines[o] as number;
        const lineCount = flags & (REFUNDED - 1);
        if (c === -1 || lineCount === 0) continue;
        if ((flags & REFUNDED) !== 0 && (orderNet[o] as number) <= 1e-9) continue; // fully refunded
        addOrder(c, orderDay[o] as number, lineCount);
      }
    }
    const rows: RfmTableRow[] = [];
    const isoDay = isoDayFormatter();
    let withoutPurchases = 0;
    for (let c = 0; c < customerCount; c++) {
      if ((orders[c] as number) === 0) {
        if ((lastRefundRow[c] as number) >= 0 || first[c] === Number.POSITIVE_INFINITY) withoutPurchases++;
        continue;
      }
      const net = (customerNet[c] as number) + (customerCompensation[c] as number);
      if (net < -1e-9) {
        const row = lastRefundRow[c] as number;
        throw fieldValueError(
          functionName,
          row,
          recordAt(records, row, functionName),
          options.amount,
          "amount",
          `customer "${customers.labels[c]}" has a negative net spend (${net.toFixed(2)}) after this refund; check for refunds without their purchases`,
        );
      }
      const frequency = parsed.frequency === "orders" ? (orders[c] as number) : (lines[c] as number);
      rows.push({
        customer: customers.labels[c] as string,
        recencyDays: asOfDay - (last[c] as number),
        frequency,
        monetary: parsed.monetary === "total" ? net : net / (orders[c] as number),
        firstPurchase: isoDay(first[c] as number),
        lastPurchase: isoDay(last[c] as number),
      });
    }
    return rfmTableResult(rows, {
      customersWithoutPurchases: withoutPurchases,
      droppedRecords,
      options: {
        asOf: isoDate(asOfDay * MS_PER_DAY),
        frequency: parsed.frequency,
        monetary: parsed.monetary,
        afterAsOf: parsed.afterAsOf,
        orderField: options.order !== undefined,
      },
    });
  });
}

/**
 * The result of {@link rfmTable} from its customer rows and counts: the column views and the REPL display.
 * Shared with the DuckDB twin (`clientele/duckdb`), so both build and print the same result.
 *
 * @example
 * ```ts
 * const options = { asOf: "2024-03-31", frequency: "orders", monetary: "total", afterAsOf: "error", orderField: false } as const;
 * rfmTableResult([], { customersWithoutPurchases: 0, droppedRecords: 0, options }).customers; // => []
 * ```
 */
export function rfmTableResult(
  rows: RfmTableRow[],
  counts: Pick<RfmTableResult, "customersWithoutPurchases" | "droppedRecords" | "options">,
): RfmTableResult {
  // plain loops: Float64Array.from with a mapping function is about 10x slower (0.2 s at 400k customers)
  const n = rows.length;
  const recencyDays = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i] as RfmTableRow;
    recencyDays[i] = row.recencyDays;
    frequency[i] = row.frequency;
    monetary[i] = row.monetary;
  }
  const result: RfmTableResult = { customers: rows, recencyDays, frequency, monetary, ...counts };
  return withDisplay(result, {
    title: "RFM table",
    summary: (r) => [
      `${r.customers.length} customers as of ${r.options.asOf}; frequency = ${r.options.frequency}, monetary = ${r.options.monetary} net spend` +
        (r.customersWithoutPurchases > 0
          ? `; ${r.customersWithoutPurchases} fully refunded customers left out`
          : ""),
    ],
    rows: (r) => r.customers,
  });
}
