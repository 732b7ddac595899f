import { recordAt } from "../core/columnar.js";
import {
  type Field,
  MS_PER_DAY,
  type RecordInput,
  readCodes,
  readDates,
  readNumbers,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, date, field, oneOf, required } from "../core/internal/optionRules.js";
import { fieldValueError } from "./internal/recordErrors.js";
import { rfmTable } from "./rfmTable.js";

/** Mean length of a month in days (365.2425 / 12), the unit of `ordersPerMonth`. */
const DAYS_PER_MONTH = 365.2425 / 12;

/**
 * Options of {@link customerFeatures}.
 *
 * @example
 * ```ts
 * const lines = [{ id: "a", order: "o1", day: "2024-01-02", value: 20, price: 10 }];
 * customerFeatures(lines, { customer: "id", order: "order", date: "day", amount: "value", unitPrice: "price", asOf: "2024-03-31" }).customers[0].tenureDays; // => 89
 * ```
 */
export interface CustomerFeaturesOptions<T> {
  /** Customer identifier. */
  readonly customer: Field<T>;
  /** Order identifier: lines of one order share it (refund lines carry the order they refund). */
  readonly order: Field<T>;
  /** Line date (purchase or refund); days are UTC calendar days. */
  readonly date: Field<T>;
  /** Line value in currency units; negative on refund lines. */
  readonly amount: Field<T>;
  /** Unit price of the line (finite, not negative on purchase lines). */
  readonly unitPrice: Field<T>;
  /** Reference date ("as of"): recency and tenure are counted up to it. */
  readonly asOf: Date | string | number;
  /** Lines dated after `asOf`: `"error"` (InvalidRecordError with the row) or `"drop"` (counted). @defaultValue "error" */
  readonly afterAsOf?: "error" | "drop";
}

/**
 * One customer of a {@link CustomerFeaturesResult}.
 *
 * @example
 * ```ts
 * const lines = [{ id: "a", order: "o1", day: "2024-01-02", value: 20, price: 10 }];
 * customerFeatures(lines, { customer: "id", order: "order", date: "day", amount: "value", unitPrice: "price", asOf: "2024-01-02" }).customers[0];
 * // => { customer: "a", recencyDays: 0, frequency: 1, monetary: 20, ordersPerMonth: 2, linesPerOrder: 1, meanUnitPrice: 10, tenureDays: 0 }
 * ```
 */
export interface CustomerFeaturesRow {
  readonly customer: string;
  /** Whole days from the last purchase order to `asOf` (as in {@link rfmTable}). */
  readonly recencyDays: number;
  /** Purchase orders (fully refunded orders do not count, as in {@link rfmTable}). */
  readonly frequency: number;
  /** Net spend in currency units, refunds subtracted (as in {@link rfmTable}). */
  readonly monetary: number;
  /** `frequency` per month of tenure; a tenure under half a month counts as half a month. */
  readonly ordersPerMonth: number;
  /** Mean purchase lines (non-negative amount) per purchase order. */
  readonly linesPerOrder: number;
  /** Mean unit price of the customer's purchase lines up to `asOf` (refunded or not). */
  readonly meanUnitPrice: number;
  /** Whole days from the first purchase to `asOf`. */
  readonly tenureDays: number;
}

/**
 * Result of {@link customerFeatures}: one row per customer with a purchase; prints as a table.
 *
 * @example
 * ```ts
 * const lines = [{ id: "a", order: "o1", day: "2024-01-02", value: 20, price: 10 }];
 * const features = customerFeatures(lines, { customer: "id", order: "order", date: "day", amount: "value", unitPrice: "price", asOf: "2024-03-31" });
 * [features.customers.length, features.customersWithoutPurchases, features.options.asOf]; // => [1, 0, "2024-03-31"]
 * ```
 */
export interface CustomerFeaturesResult {
  readonly customers: readonly CustomerFeaturesRow[];
  /** Customers whose every order was fully refunded (left out). */
  readonly customersWithoutPurchases: number;
  /** Lines dated after `asOf` that were dropped. */
  readonly droppedRecords: number;
  readonly options: { readonly asOf: string; readonly afterAsOf: "error" | "drop" };
}

/** Option rules of {@link customerFeatures} (exported for value's option-rule test; not in the module index). */
export const customerFeaturesShape = {
  customer: required(field()),
  order: required(field()),
  date: required(field()),
  amount: required(field()),
  unitPrice: required(field()),
  asOf: required(date()),
  afterAsOf: oneOf(["error", "drop"]),
};

/**
 * Behaviour features per customer from order lines, ready for {@link segment!kMeans}-style segmentation:
 * recency, frequency and monetary value (exactly {@link rfmTable}'s, by orders and total net spend),
 * plus purchase rate (`ordersPerMonth`), basket size (`linesPerOrder`), price level (`meanUnitPrice`)
 * and `tenureDays` (days since the first purchase).
 *
 * Refund lines (negative amount) are netted as in {@link rfmTable}; they count neither as lines nor
 * in the mean unit price. Customers without a purchase order are left out and counted.
 *
 * Complexity: O(n) plus hashing of customer and order ids.
 *
 * @param records - order lines: records, columns or an Apache Arrow table; not modified
 * @param options - fields and `asOf`
 * @returns one row per customer, in order of first appearance
 * @throws InvalidOptionsError for malformed options
 * @throws InvalidRecordError for a missing or unparsable field, a date after `asOf` (unless dropped), or a
 *   purchase line whose unit price is negative (and everything {@link rfmTable} refuses)
 * @example
 * ```ts
 * const lines = [
 *   { id: "a", order: "o1", day: "2024-01-02", value: 20, price: 10 },
 *   { id: "a", order: "o1", day: "2024-01-02", value: 5, price: 5 },
 *   { id: "a", order: "o2", day: "2024-03-01", value: 30, price: 15 },
 * ];
 * customerFeatures(lines, { customer: "id", order: "order", date: "day", amount: "value", unitPrice: "price", asOf: "2024-03-31" }).customers[0];
 * // => { customer: "a", recencyDays: 30, frequency: 2, monetary: 55, ordersPerMonth: 0.6839747191011236, linesPerOrder: 1.5, meanUnitPrice: 10, tenureDays: 89 }
 * ```
 */
export function customerFeatures<T>(
  records: RecordInput<T>,
  options: CustomerFeaturesOptions<T>,
): CustomerFeaturesResult {
  const functionName = "customerFeatures";
  const parsed = withDefaults(checkOptions(functionName, customerFeaturesShape, options), {
    afterAsOf: "error",
  });
  const common = {
    customer: options.customer,
    order: options.order,
    date: options.date,
    amount: options.amount,
    asOf: parsed.asOf,
    afterAsOf: parsed.afterAsOf,
  };
  const byOrder = rfmTable(records, common);
  const byLine = rfmTable(records, { ...common, frequency: "transactions" });
  const asOfDay = Date.parse(`${byOrder.options.asOf}T00:00:00Z`) / MS_PER_DAY;
  const customers = readCodes(records, options.customer, { functionName, optionName: "customer" });
  const dates = readDates(records, options.date, { functionName, optionName: "date" });
  const amounts = readNumbers(records, options.amount, { functionName, optionName: "amount" });
  const prices = readNumbers(records, options.unitPrice, { functionName, optionName: "unitPrice" });
  const count = customers.labels.length;
  const priceSum = new Float64Array(count);
  const priceLines = new Float64Array(count);
  for (let i = 0; i < prices.length; i++) {
    if ((amounts[i] as number) < 0 || Math.floor((dates[i] as number) / MS_PER_DAY) > asOfDay) continue;
    const price = prices[i] as number;
    if (price < 0) {
      throw fieldValueError(
        functionName,
        i,
        recordAt(records, i, functionName),
        options.unitPrice,
        "unitPrice",
        "a purchase line's unit price must not be negative; record refunds as negative amounts",
      );
    }
    const c = customers.codes[i] as number;
    priceSum[c] = (priceSum[c] as number) + price;
    priceLines[c] = (priceLines[c] as number) + 1;
  }
  const code = new Map(customers.labels.map((label, c) => [label, c]));
  const rows = byOrder.customers.map((row, k): CustomerFeaturesRow => {
    const c = code.get(row.customer) as number;
    const tenureDays = asOfDay - Date.parse(`${row.firstPurchase}T00:00:00Z`) / MS_PER_DAY;
    return {
      customer: row.customer,
      recencyDays: row.recencyDays,
      frequency: row.frequency,
      monetary: row.monetary,
      ordersPerMonth: row.frequency / Math.max(tenureDays / DAYS_PER_MONTH, 0.5),
      linesPerOrder: (byLine.customers[k]?.frequency as number) / row.frequency,
      meanUnitPrice: (priceSum[c] as number) / (priceLines[c] as number),
      tenureDays,
    };
  });
  return withDisplay(
    {
      customers: rows,
      customersWithoutPurchases: byOrder.customersWithoutPurchases,
      droppedRecords: byOrder.droppedRecords,
      options: { asOf: byOrder.options.asOf, afterAsOf: parsed.afterAsOf },
    },
    {
      title: "Customer features",
      summary: (r) => [
        `${r.customers.length} customers as of ${r.options.asOf}` +
          (r.customersWithoutPurchases > 0
            ? `; ${r.customersWithoutPurchases} fully refunded customers left out`
            : ""),
      ],
      rows: (r) => r.customers,
    },
  );
}
