import { withDisplay } from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, numeric, oneOf, required, textWhere } from "../core/internal/optionRules.js";
import type { Store, StoreCustomer } from "./types.js";

/**
 * One customer of a generated store at a cutoff: behaviour from orders and complaints on or before the
 * cutoff, and whether the planted churn date falls in the window after it.
 *
 * @example
 * ```ts
 * const row: StoreChurnRow = storeChurnTable(generateStore({ seed: 7 }), { cutoff: "2025-06-30" }).customers[0];
 * ```
 */
export interface StoreChurnRow {
  readonly customerId: string;
  readonly daysSinceLastOrder: number;
  readonly ordersLast90Days: number;
  /** Orders 90-179 days before the cutoff: with the previous field it shows a slowdown. */
  readonly ordersPrevious90Days: number;
  readonly ordersTotal: number;
  /** Days from the first order to the cutoff. */
  readonly tenureDays: number;
  readonly averageOrderValue: number;
  /** Complaints opened in the 120 days up to the cutoff. */
  readonly complaintsLast120Days: number;
  readonly channel: StoreCustomer["channel"];
  readonly region: StoreCustomer["region"];
  readonly ageBand: StoreCustomer["ageBand"];
  /** 1 when the planted churn date falls in (cutoff, cutoff + windowDays]. */
  readonly churned: 0 | 1;
  /** The planted churn date (ground truth), or null. */
  readonly churnDate: string | null;
}

/**
 * Options of {@link storeChurnTable}.
 *
 * @example
 * ```ts
 * const options: StoreChurnTableOptions = { cutoff: "2025-06-30", windowDays: 180, population: "active" };
 * ```
 */
export interface StoreChurnTableOptions {
  /** The last day whose orders and complaints the features may use (ISO date). */
  readonly cutoff: string;
  /** Days after the cutoff in which a planted churn counts as `churned: 1`. @defaultValue 180 */
  readonly windowDays?: number;
  /**
   * Who enters the table: `"active"`, customers with an order by the cutoff whose planted churn date (if
   * any) is after it (the clean prediction task); `"recent buyers"`, everyone with an order in the 365
   * days before the cutoff (what a retailer sees: some have already, silently, churned).
   * @defaultValue "active"
   */
  readonly population?: "active" | "recent buyers";
}

/**
 * The labelled churn table of {@link storeChurnTable}.
 *
 * @example
 * ```ts
 * storeChurnTable(generateStore({ seed: 7 }), { cutoff: "2025-06-30" }).options.windowDays; // => 180
 * ```
 */
export interface StoreChurnTableResult {
  readonly customers: readonly StoreChurnRow[];
  readonly options: {
    readonly cutoff: string;
    readonly windowDays: number;
    readonly population: "active" | "recent buyers";
  };
}

/**
 * The feature names of a {@link StoreChurnRow}, split as `trainChurnModel`'s `fields` option takes them.
 *
 * @example
 * ```ts
 * STORE_CHURN_FEATURES.categorical; // => ["channel", "region", "ageBand"]
 * ```
 */
export const STORE_CHURN_FEATURES: {
  readonly numeric: readonly (keyof StoreChurnRow)[];
  readonly categorical: readonly (keyof StoreChurnRow)[];
} = Object.freeze({
  numeric: Object.freeze([
    "daysSinceLastOrder",
    "ordersLast90Days",
    "ordersPrevious90Days",
    "ordersTotal",
    "tenureDays",
    "averageOrderValue",
    "complaintsLast120Days",
  ] as const),
  categorical: Object.freeze(["channel", "region", "ageBand"] as const),
});

const DAY = 86_400_000;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (iso: string): number =>
  Math.floor(Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso) / DAY);

/** Rules of storeChurnTable's options (exported for the equivalence test of store's option rules; not in the module index). */
export const storeChurnTableShape = {
  cutoff: required(
    textWhere((text) =>
      isoDay.test(text) && Number.isFinite(Date.parse(text)) ? undefined : "expected an ISO date YYYY-MM-DD",
    ),
  ),
  windowDays: numeric({ gte: 1, whole: true, messages: { whole: "expected a whole number of days" } }),
  population: oneOf(["active", "recent buyers"]),
};

interface Activity {
  first: number;
  last: number;
  orders: number;
  last90: number;
  previous90: number;
  value: number;
  complaints: number;
}

/**
 * A supervised churn table from a generated store (`generateStore`): per customer, behaviour features
 * from the orders and complaints on or before `cutoff` only, and the label from the store's planted churn
 * dates — so a churn model can be trained and checked against the truth. Customers without an order by
 * the cutoff are left out; rows follow the store's customer order.
 *
 * @param store - a {@link generateStore} result
 * @throws InvalidOptionsError for a missing or malformed cutoff, a window that is not a whole number of days >= 1, or an unknown population
 * @example
 * ```ts
 * const store = generateStore({ seed: 7 });
 * const table = storeChurnTable(store, { cutoff: "2025-06-30", windowDays: 180 });
 * table.customers.every((row) => row.daysSinceLastOrder >= 0); // => true
 * ```
 */
export function storeChurnTable(store: Store, options: StoreChurnTableOptions): StoreChurnTableResult {
  const { cutoff, windowDays, population } = withDefaults(
    checkOptions("storeChurnTable", storeChurnTableShape, options),
    { windowDays: 180, population: "active" } as const,
  );
  const cutoffDay = dayOf(cutoff);
  const activity = new Map<string, Activity>();
  for (const order of store.orders) {
    const day = dayOf(order.date);
    if (day > cutoffDay) continue;
    let entry = activity.get(order.customerId);
    if (entry === undefined) {
      entry = { first: day, last: day, orders: 0, last90: 0, previous90: 0, value: 0, complaints: 0 };
      activity.set(order.customerId, entry);
    }
    entry.first = Math.min(entry.first, day);
    entry.last = Math.max(entry.last, day);
    entry.orders++;
    entry.value += order.total;
    const age = cutoffDay - day;
    if (age < 90) entry.last90++;
    else if (age < 180) entry.previous90++;
  }
  for (const complaint of store.complaints) {
    const day = dayOf(complaint.openedAt);
    const entry = activity.get(complaint.customerId);
    if (entry !== undefined && day <= cutoffDay && cutoffDay - day < 120) entry.complaints++;
  }
  const customers: StoreChurnRow[] = [];
  for (const customer of store.customers) {
    const entry = activity.get(customer.customerId);
    if (entry === undefined) continue;
    const churnDay = customer.churnDate === null ? null : dayOf(customer.churnDate);
    if (population === "active" && churnDay !== null && churnDay <= cutoffDay) continue;
    if (population === "recent buyers" && cutoffDay - entry.last >= 365) continue;
    customers.push(
      Object.freeze({
        customerId: customer.customerId,
        daysSinceLastOrder: cutoffDay - entry.last,
        ordersLast90Days: entry.last90,
        ordersPrevious90Days: entry.previous90,
        ordersTotal: entry.orders,
        tenureDays: cutoffDay - entry.first,
        averageOrderValue: entry.value / entry.orders,
        complaintsLast120Days: entry.complaints,
        channel: customer.channel,
        region: customer.region,
        ageBand: customer.ageBand,
        churned: churnDay !== null && churnDay > cutoffDay && churnDay <= cutoffDay + windowDays ? 1 : 0,
        churnDate: customer.churnDate,
      }),
    );
  }
  const result: StoreChurnTableResult = {
    customers: Object.freeze(customers),
    options: Object.freeze({ cutoff, windowDays, population }),
  };
  return withDisplay(result, {
    title: "Store churn table",
    summary: (r) => [
      `${r.customers.length} customers (${r.options.population}) at ${r.options.cutoff}; ${r.customers.filter((row) => row.churned === 1).length} churn in the next ${r.options.windowDays} days`,
    ],
    rows: (r) => r.customers,
  });
}
