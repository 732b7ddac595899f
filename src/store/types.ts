/**
 * Record types of the generated sample store ({@link generateStore}). Dates are
 * ISO strings (`"2024-03-31"`), as they arrive from a CSV export; amounts are in
 * currency units rounded to cents.
 */

/**
 * Options of `generateStore`.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.options; // => { seed: 1, customers: 1000, start: "2024-01-01", months: 24, surveyRate: 0.3 }
 * generateStore({ orderLines: 300 }).orderLines.length > 100; // => true
 * ```
 */
export interface StoreOptions {
  /** Seed of the generator; same seed, identical store. @defaultValue 1 */
  readonly seed?: number;
  /**
   * Number of customers. Each customer makes about 40 order lines over the
   * default 24 months, so 1000 customers give about 40 000 lines.
   * Ignored when `orderLines` is given. @defaultValue 1000
   */
  readonly customers?: number;
  /**
   * Approximate number of order lines wanted; sets the number of customers from it
   * (customers are generated until their lines reach the target, within half a customer's lines).
   * @defaultValue none: the size comes from `customers`
   */
  readonly orderLines?: number;
  /** First day of trading, ISO date. @defaultValue "2024-01-01" */
  readonly start?: string;
  /** Length of the trading period in months. @defaultValue 24 */
  readonly months?: number;
  /** Share of customers answering the satisfaction survey. @defaultValue 0.3 */
  readonly surveyRate?: number;
}

/**
 * Planted customer segment (the ground truth segmentation should recover).
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.planted.segments.champions.length; // => 70 (7% of 1000, exact quotas)
 * store.customers[0].segment;              // => "bargain hunters"
 * ```
 */
export type PlantedSegment =
  | "champions"
  | "loyal regulars"
  | "bargain hunters"
  | "big spenders"
  | "occasional"
  | "new";

/**
 * A customer of the store.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.customers[0];
 * // => { customerId: "C00001", signupDate: "2024-04-14", ageBand: "45-54", region: "central",
 * //      channel: "store", segment: "bargain hunters", churnDate: null }
 * ```
 */
export interface StoreCustomer {
  readonly customerId: string;
  readonly signupDate: string;
  readonly ageBand: "18-24" | "25-34" | "35-44" | "45-54" | "55-64" | "65+";
  readonly region: "north" | "south" | "east" | "west" | "central";
  readonly channel: "online" | "store" | "both";
  /** Ground truth: the planted segment the customer was drawn from. */
  readonly segment: PlantedSegment;
  /** Ground truth: the day after which the customer makes no more orders, or null if they never churn. */
  readonly churnDate: string | null;
}

/**
 * One order (a basket).
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.orders[0];
 * // => { orderId: "O0000001", customerId: "C00101", date: "2024-01-01", channel: "store", lineCount: 5, total: 17.73 }
 * ```
 */
export interface StoreOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly date: string;
  readonly channel: "online" | "store";
  /** Number of purchase lines (refund lines not counted). */
  readonly lineCount: number;
  /** Gross value of the purchase lines, before refunds. */
  readonly total: number;
}

/**
 * One line of an order. Refunds are separate lines with negative quantity and amount.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.orderLines.find((line) => line.refund);
 * // => { orderId: "O0000016", customerId: "C00325", date: "2024-01-04", product: "eggs", category: "dairy",
 * //      quantity: -1, unitPrice: 2.99, amount: -2.99, refund: true }
 * ```
 */
export interface StoreOrderLine {
  readonly orderId: string;
  readonly customerId: string;
  /** Purchase date; for a refund line, the date of the refund (on or after the purchase). */
  readonly date: string;
  readonly product: string;
  readonly category: string;
  /** Units; negative on refund lines. */
  readonly quantity: number;
  readonly unitPrice: number;
  /** quantity x unitPrice, rounded to cents; negative on refund lines. */
  readonly amount: number;
  readonly refund: boolean;
}

/**
 * A satisfaction survey answer. Items follow the ECSI questionnaire
 * (the same names as the ECSI mobile-phone data), each on 1..10, plus the
 * NPS question on 0..10.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * const answer = store.surveys[0];
 * [answer.customerId, answer.date, answer.CUSA1, answer.nps]; // => ["C00001", "2025-05-19", 6, 7]
 * ```
 */
export interface StoreSurveyResponse {
  readonly customerId: string;
  readonly date: string;
  readonly IMAG1: number;
  readonly IMAG2: number;
  readonly IMAG3: number;
  readonly IMAG4: number;
  readonly IMAG5: number;
  readonly CUEX1: number;
  readonly CUEX2: number;
  readonly CUEX3: number;
  readonly PERQ1: number;
  readonly PERQ2: number;
  readonly PERQ3: number;
  readonly PERQ4: number;
  readonly PERQ5: number;
  readonly PERQ6: number;
  readonly PERQ7: number;
  readonly PERV1: number;
  readonly PERV2: number;
  readonly CUSA1: number;
  readonly CUSA2: number;
  readonly CUSA3: number;
  readonly CUSCO: number;
  readonly CUSL1: number;
  readonly CUSL2: number;
  readonly CUSL3: number;
  /** "How likely are you to recommend us?" 0..10. */
  readonly nps: number;
}

/**
 * Complaint categories of the source material.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * new Set(store.complaints.map((complaint) => complaint.category)).size; // => 4
 * ```
 */
export type ComplaintCategory =
  | "product and accessories"
  | "service attitude"
  | "service quality"
  | "incident";

/**
 * A logged complaint.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.complaints[0];
 * // => { complaintId: "K000001", customerId: "C00386", orderId: null, category: "service quality", severity: "high",
 * //      openedAt: "2024-01-04T15:55:00Z", firstResponseAt: "2024-01-05T00:26:00Z",
 * //      resolvedAt: "2024-01-08T18:33:00Z", contacts: 1, reopened: false }
 * ```
 */
export interface StoreComplaint {
  readonly complaintId: string;
  readonly customerId: string;
  readonly orderId: string | null;
  readonly category: ComplaintCategory;
  readonly severity: "low" | "medium" | "high" | "critical";
  /** ISO date-time the complaint was opened. */
  readonly openedAt: string;
  /** ISO date-time of the first response. */
  readonly firstResponseAt: string;
  /** ISO date-time of resolution, or null while open. */
  readonly resolvedAt: string | null;
  /** Contacts needed until resolution (1 = first-contact resolution). */
  readonly contacts: number;
  readonly reopened: boolean;
}

/**
 * Delivery of an online order.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.deliveries[0];
 * // => { orderId: "O0000003", customerId: "C00338", promisedDate: "2024-01-04", deliveredDate: "2024-01-03",
 * //      status: "delivered", damaged: false, inStock: true }
 * ```
 */
export interface StoreDelivery {
  readonly orderId: string;
  readonly customerId: string;
  readonly promisedDate: string;
  /** Date delivered, or null when the delivery failed or was lost. */
  readonly deliveredDate: string | null;
  readonly status: "delivered" | "failed" | "lost";
  readonly damaged: boolean;
  /** Every ordered line was in stock when the order was picked. */
  readonly inStock: boolean;
}

/**
 * A periodic stock count of one product.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.inventoryCounts[0]; // => { date: "2024-01-31", product: "bananas", systemQuantity: 132, countedQuantity: 132 }
 * ```
 */
export interface StoreInventoryCount {
  readonly date: string;
  readonly product: string;
  /** Units the system believed were on the shelf. */
  readonly systemQuantity: number;
  /** Units counted. */
  readonly countedQuantity: number;
}

/**
 * A co-purchase planted in the baskets.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.planted.associations[1];
 * // => { antecedent: "pasta", consequent: "pasta sauce", confidence: 0.5, story: "pasta is bought with a jar of sauce" }
 * ```
 */
export interface PlantedAssociation {
  readonly antecedent: string;
  readonly consequent: string;
  /** P(consequent | antecedent) used by the generator. */
  readonly confidence: number;
  /** The story, e.g. "fathers buying diapers pick up beer". */
  readonly story: string;
}

/**
 * What the generator planted, for tests and examples to check.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * store.planted.churners[0]; // => { customerId: "C00006", churnDate: "2025-04-14" }
 * store.planted.notes.length; // => 6
 * ```
 */
export interface StorePlanted {
  readonly associations: readonly PlantedAssociation[];
  /** Customer ids per planted segment. */
  readonly segments: Readonly<Record<PlantedSegment, readonly string[]>>;
  /** Customers who stop buying, with the date. */
  readonly churners: readonly { readonly customerId: string; readonly churnDate: string }[];
  /** Last day of trading (ISO). */
  readonly end: string;
  /** Plain-words description of every planted structure. */
  readonly notes: readonly string[];
}

/**
 * A generated store.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 1 });
 * [store.customers.length, store.orders.length, store.orderLines.length, store.surveys.length];
 * // => [1000, 9817, 42470, 310]
 * ```
 */
export interface Store {
  readonly customers: readonly StoreCustomer[];
  readonly orders: readonly StoreOrder[];
  readonly orderLines: readonly StoreOrderLine[];
  readonly surveys: readonly StoreSurveyResponse[];
  readonly complaints: readonly StoreComplaint[];
  readonly deliveries: readonly StoreDelivery[];
  readonly inventoryCounts: readonly StoreInventoryCount[];
  readonly planted: StorePlanted;
  /** The resolved options. */
  readonly options: Required<Omit<StoreOptions, "orderLines">>;
}
