import {
  assertRecordArray,
  type Field,
  InvalidRecordError,
  MS_PER_DAY,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withMissingDefaults } from "../core/internal/defaults.js";
import {
  checkOptions,
  field,
  list,
  nested,
  nullable,
  numeric,
  type OptionRule,
  type OptionShape,
  oneOf,
  type ReportProblem,
  required,
} from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import { cachedDateParser, cachedPeriodLabel } from "./internal/cache.js";
import { formatPercent, rateOf } from "./internal/rate.js";
import { contactsOf, flagOf, isMissing, optionalField, requireArray, timeOf } from "./internal/records.js";
import type { CrmPeriod, CrmRate } from "./types.js";

/**
 * Stock counts for inventory accuracy. Field defaults match the store's `StoreInventoryCount`.
 *
 * @example
 * ```ts
 * const orders = [{ promisedDate: "2024-01-05", deliveredDate: "2024-01-06", status: "delivered" }];
 * const counts: ServiceKpisInventory<{ date: string; system: number; counted: number }> = {
 *   records: [{ date: "2024-01-31", system: 10, counted: 9 }],
 *   systemQuantity: "system",
 *   countedQuantity: "counted",
 *   tolerance: 1,
 * };
 * serviceKpis(orders, { inventoryCounts: counts }).overall.inventoryAccuracy.value; // => 1
 * ```
 */
export interface ServiceKpisInventory<I> {
  readonly records: readonly I[];
  /** Date of the count. @defaultValue "date" */
  readonly date?: Field<I>;
  /** Units on record. @defaultValue "systemQuantity" */
  readonly systemQuantity?: Field<I>;
  /** Units counted. @defaultValue "countedQuantity" */
  readonly countedQuantity?: Field<I>;
  /** Largest absolute difference (units) still counted as accurate. @defaultValue 0 */
  readonly tolerance?: number;
  /** Segment of each count (e.g. store or category); null = not split. @defaultValue null */
  readonly segment?: Field<I> | null;
}

/**
 * Complaints for first-contact resolution. Field defaults match the store's `StoreComplaint`.
 *
 * @example
 * ```ts
 * const orders = [{ promisedDate: "2024-01-05", deliveredDate: "2024-01-06", status: "delivered" }];
 * const complaints: ServiceKpisComplaints<{ openedAt: string; resolvedAt: string; contacts: number }> = {
 *   records: [{ openedAt: "2024-01-02", resolvedAt: "2024-01-03", contacts: 1 }],
 *   reopened: null,
 * };
 * serviceKpis(orders, { complaints }).overall.firstContactResolution.value; // => 1
 * ```
 */
export interface ServiceKpisComplaints<C> {
  readonly records: readonly C[];
  /** @defaultValue "openedAt" */
  readonly openedAt?: Field<C>;
  /** Missing = still open. @defaultValue "resolvedAt" */
  readonly resolvedAt?: Field<C>;
  /** Contacts until resolution (1 = first contact). @defaultValue "contacts" */
  readonly contacts?: Field<C>;
  /** Reopened after resolution; null to ignore. @defaultValue "reopened" */
  readonly reopened?: Field<C> | null;
  /** @defaultValue null */
  readonly segment?: Field<C> | null;
}

/**
 * Goods receipts for inbound accuracy.
 *
 * @example
 * ```ts
 * const orders = [{ promisedDate: "2024-01-05", deliveredDate: "2024-01-06", status: "delivered" }];
 * const receipts: ServiceKpisReceipts<{ date: string; correct: boolean }> = {
 *   records: [{ date: "2024-01-03", correct: true }, { date: "2024-01-04", correct: false }],
 * };
 * serviceKpis(orders, { receipts }).overall.inboundAccuracy.value; // => 0.5
 * ```
 */
export interface ServiceKpisReceipts<R> {
  readonly records: readonly R[];
  /** Date of the receipt. @defaultValue "date" */
  readonly date?: Field<R>;
  /** The receipt matched the purchase order (items, quantities), a boolean. @defaultValue "correct" */
  readonly correct?: Field<R>;
  /** @defaultValue null */
  readonly segment?: Field<R> | null;
}

/**
 * Options of {@link serviceKpis}. Order field defaults match the store's `StoreDelivery` records.
 *
 * @example
 * ```ts
 * const orders = [{ promisedDate: "2024-01-05", deliveredDate: "2024-01-06", status: "delivered" }];
 * const options: ServiceKpisOptions<(typeof orders)[number]> = { graceDays: 1, damaged: null, inStock: null };
 * serviceKpis(orders, options).overall.onTimeDelivery.value; // => 1 (one day late is within the grace)
 * ```
 */
export interface ServiceKpisOptions<T, I = unknown, C = unknown, R = unknown> {
  /** Promised delivery date. @defaultValue "promisedDate" */
  readonly promisedDate?: Field<T>;
  /** Actual delivery date; missing when not delivered. @defaultValue "deliveredDate" */
  readonly deliveredDate?: Field<T>;
  /** Delivery status; null = delivered when `deliveredDate` is present. @defaultValue "status" */
  readonly status?: Field<T> | null;
  /** Status values meaning delivered. @defaultValue ["delivered"] */
  readonly deliveredStatuses?: readonly string[];
  /** Status values meaning lost in transit. Any other status is a failed delivery. @defaultValue ["lost"] */
  readonly lostStatuses?: readonly string[];
  /** Delivered damaged (boolean); null to skip. @defaultValue "damaged" */
  readonly damaged?: Field<T> | null;
  /** Every line was in stock when picked (boolean); null to skip stockouts. @defaultValue "inStock" */
  readonly inStock?: Field<T> | null;
  /** Shipped with the right items and quantities (boolean); null = outbound accuracy not measured. @defaultValue null */
  readonly shippedCorrectly?: Field<T> | null;
  /** Date that places an order in a period. @defaultValue the promisedDate field */
  readonly date?: Field<T> | null;
  /** Segment of each order (e.g. channel or region); null = no segment rows. @defaultValue null */
  readonly segment?: Field<T> | null;
  /** Days of lateness still counted as on time. @defaultValue 0 */
  readonly graceDays?: number;
  /** Calendar period of the `byPeriod` rows (UTC). @defaultValue "month" */
  readonly period?: CrmPeriod;
  /** Stock counts, for inventory accuracy. @defaultValue undefined (inventory accuracy not measured) */
  readonly inventoryCounts?: ServiceKpisInventory<I>;
  /** Complaints, for first-contact resolution. @defaultValue undefined (not measured) */
  readonly complaints?: ServiceKpisComplaints<C>;
  /** Goods receipts, for inbound accuracy. @defaultValue undefined (not measured) */
  readonly receipts?: ServiceKpisReceipts<R>;
}

/**
 * The service KPIs, each a rate with its numerator and denominator (`value` null when the
 * denominator is 0 or the KPI is not measured).
 *
 * @example
 * ```ts
 * const orders = [
 *   { promisedDate: "2024-01-05", deliveredDate: "2024-01-04", status: "delivered", damaged: false, inStock: true },
 *   { promisedDate: "2024-01-06", deliveredDate: null, status: "lost", damaged: false, inStock: false },
 * ];
 * const values: ServiceKpiValues = serviceKpis(orders).overall;
 * values.stockout;               // => { value: 0.5, numerator: 1, denominator: 2 }
 * values.inventoryAccuracy.value; // => null (no stock counts given)
 * ```
 */
export interface ServiceKpiValues {
  /** Orders handed to the delivery process (the order rows in the group). */
  readonly orders: number;
  /** Delivered orders that arrived no later than the promised date (+ graceDays), over delivered orders. */
  readonly onTimeDelivery: CrmRate;
  /** Delivered orders over all orders (failed and lost deliveries are the complement). */
  readonly deliverySuccess: CrmRate;
  /** Orders delivered damaged or lost, over all orders. */
  readonly damageLoss: CrmRate;
  /** Orders with a line out of stock when picked, over orders with a known stock flag. */
  readonly stockout: CrmRate;
  /** Orders shipped with the right items and quantities, over orders with a known flag. */
  readonly outboundAccuracy: CrmRate;
  /** Stock counts within `tolerance` units of the system quantity, over all counts. */
  readonly inventoryAccuracy: CrmRate;
  /** Goods receipts matching their purchase order, over all receipts. */
  readonly inboundAccuracy: CrmRate;
  /**
   * Resolved complaints resolved at the first contact and not reopened, over resolved
   * complaints (the same definition as {@link complaintSummary}).
   */
  readonly firstContactResolution: CrmRate;
}

/**
 * Result of {@link serviceKpis}.
 *
 * @example
 * ```ts
 * const orders = [
 *   { promisedDate: "2024-01-05", deliveredDate: "2024-01-04", status: "delivered", channel: "web" },
 *   { promisedDate: "2024-02-06", deliveredDate: null, status: "lost", channel: "store" },
 * ];
 * const kpis: ServiceKpisResult = serviceKpis(orders, { damaged: null, inStock: null, segment: "channel" });
 * kpis.byPeriod.map((p) => [p.period, p.deliverySuccess.value]); // => [["2024-01", 1], ["2024-02", 0]]
 * kpis.bySegment.map((s) => s.segment); // => ["web", "store"]
 * ```
 */
export interface ServiceKpisResult {
  readonly overall: ServiceKpiValues;
  /** Chronological. */
  readonly byPeriod: readonly (ServiceKpiValues & { readonly period: string })[];
  /** In first-seen order; empty without segment fields. KPIs of sources without a segment field are null. */
  readonly bySegment: readonly (ServiceKpiValues & { readonly segment: string })[];
  readonly options: {
    readonly graceDays: number;
    readonly period: CrmPeriod;
    readonly deliveredStatuses: readonly string[];
    readonly lostStatuses: readonly string[];
  };
}

const FN = "serviceKpis";
const anyField = field<Field<unknown>>();
const nullableField = nullable(anyField);
const nonNegative = numeric({ gte: 0, messages: { gte: "must be at least 0" } });

/** A list of status strings (at least `minLength`), copied: the result lists them. */
function statusList(minLength: number): OptionRule<string[], true> {
  const strings = list<string>(minLength, (status) =>
    typeof status === "string" ? undefined : expected("a string", status),
  );
  const check = (value: unknown, report: ReportProblem): string[] => {
    const checked = strings.check(value, report);
    return Array.isArray(checked) ? [...checked] : checked;
  };
  return { ...strings, check };
}

/** The options of a side log once checked: every field given or defaulted, its records and segment. */
type SideLogOptions<S extends OptionShape> = {
  readonly [K in keyof S]-?: Exclude<ReturnType<S[K]["check"]>, undefined>;
} & { readonly records: unknown[]; readonly segment: Field<unknown> | null };

/**
 * The options of a side log: its `records`, the fields of `shape`, and an optional `segment` field (null
 * by default); the fields it leaves out take their `defaults`.
 */
function sideLog<S extends OptionShape>(
  shape: S,
  defaults: { readonly [K in keyof S]: unknown },
): OptionRule<SideLogOptions<S>, true> {
  const log = nested({ records: required(list<unknown>()), ...shape, segment: nullableField });
  const check = (value: unknown, report: ReportProblem): SideLogOptions<S> => {
    const checked = log.check(value, report);
    return (
      checked === undefined ? checked : withMissingDefaults(checked, { ...defaults, segment: null })
    ) as never;
  };
  return { ...log, check };
}

/** Rules of serviceKpis' options (exported for the equivalence test of crm's option rules; not in the module index). */
export const serviceKpisShape = {
  promisedDate: anyField,
  deliveredDate: anyField,
  status: nullableField,
  deliveredStatuses: statusList(1),
  lostStatuses: statusList(0),
  damaged: nullableField,
  inStock: nullableField,
  shippedCorrectly: nullableField,
  date: nullableField,
  segment: nullableField,
  graceDays: nonNegative,
  period: oneOf(["day", "week", "month", "quarter", "year"]),
  inventoryCounts: sideLog(
    { date: anyField, systemQuantity: anyField, countedQuantity: anyField, tolerance: nonNegative },
    { date: "date", systemQuantity: "systemQuantity", countedQuantity: "countedQuantity", tolerance: 0 },
  ),
  complaints: sideLog(
    { openedAt: anyField, resolvedAt: anyField, contacts: anyField, reopened: nullableField },
    { openedAt: "openedAt", resolvedAt: "resolvedAt", contacts: "contacts", reopened: "reopened" },
  ),
  receipts: sideLog({ date: anyField, correct: anyField }, { date: "date", correct: "correct" }),
};

/** serviceKpis' options checked, with their defaults (fresh status lists each call). */
export const parseServiceKpisOptions = (options: unknown) =>
  withMissingDefaults(checkOptions(FN, serviceKpisShape, options), {
    promisedDate: "promisedDate",
    deliveredDate: "deliveredDate",
    status: "status",
    deliveredStatuses: ["delivered"],
    lostStatuses: ["lost"],
    damaged: "damaged",
    inStock: "inStock",
    shippedCorrectly: null,
    date: null,
    segment: null,
    graceDays: 0,
    period: "month",
  } as const);

const KPIS = [
  "onTimeDelivery",
  "deliverySuccess",
  "damageLoss",
  "stockout",
  "outboundAccuracy",
  "inventoryAccuracy",
  "inboundAccuracy",
  "firstContactResolution",
] as const;
type Kpi = (typeof KPIS)[number];
const K = Object.fromEntries(KPIS.map((k, j) => [k, j])) as Record<Kpi, number>;

/** Numerators (even slots), denominators (odd slots) and the order count (last slot). */
type Counter = Float64Array;
const newCounter = (): Counter => new Float64Array(KPIS.length * 2 + 1);

/**
 * Computes the service KPIs of order fulfilment and customer service from
 * delivery, stock-count, complaint and receipt records (key-or-accessor fields),
 * overall, by calendar period and by segment:
 *
 * - on-time delivery rate = delivered on or before the promised date (+ `graceDays`,
 *   compared as UTC calendar days) / delivered orders;
 * - delivery success rate = delivered / all orders;
 * - damage/loss rate = (delivered damaged + lost) / all orders;
 * - stockout rate = orders with a line out of stock when picked / orders with a stock flag;
 * - outbound accuracy = orders shipped with the right items and quantities / orders with the flag;
 * - inventory accuracy = stock counts within `tolerance` units of the system quantity / counts
 *   (record accuracy, the usual cycle-count measure);
 * - inbound accuracy = receipts matching their purchase order / receipts;
 * - first-contact resolution = resolved complaints closed at the first contact and not
 *   reopened / resolved complaints.
 *
 * A KPI whose denominator is zero, or whose source was not given, is `null` (never NaN).
 *
 * Complexity: O(n) over all records (plus sorting the period labels). Inputs are not mutated.
 *
 * @param orders - delivery records, one per order (the store's `deliveries` work with the defaults)
 * @param options - fields, grouping and the other sources; see {@link ServiceKpisOptions}
 * @returns the KPIs overall, by period and by segment
 * @throws {@link InvalidOptionsError} for invalid options (an unknown one is named, with the nearest
 *   valid name)
 * @throws {@link InvalidRecordError} naming row and field for bad dates, non-boolean flags,
 *   negative quantities, a delivered order without a delivery date, contacts below 1; and for an
 *   element of `orders` or of a side log's `records` that is not a record (null, a number)
 * @see Logistics service-level KPIs (e.g. SCOR "perfect order" components); cycle-count
 *   record accuracy.
 * @example
 * ```ts
 * const kpis = serviceKpis([
 *   { promisedDate: "2024-01-05", deliveredDate: "2024-01-04", status: "delivered", damaged: false, inStock: true },
 *   { promisedDate: "2024-01-05", deliveredDate: "2024-01-07", status: "delivered", damaged: true, inStock: true },
 *   { promisedDate: "2024-01-06", deliveredDate: null, status: "lost", damaged: false, inStock: false },
 * ]);
 * kpis.overall.onTimeDelivery.value;  // => 0.5
 * kpis.overall.deliverySuccess.value; // => 0.6666666666666666
 * kpis.overall.damageLoss.value;      // => 0.6666666666666666
 * kpis.overall.inventoryAccuracy.value; // => null (no stock counts given)
 * ```
 */
export function serviceKpis<T, I = unknown, C = unknown, R = unknown>(
  orders: readonly T[],
  options: ServiceKpisOptions<T, I, C, R> = {},
): Readonly<ServiceKpisResult> {
  requireArray(FN, "orders", "order records", orders);
  const o = parseServiceKpisOptions(options);
  assertRecordArray(orders, FN, "orders");
  if (o.inventoryCounts !== undefined) {
    assertRecordArray(o.inventoryCounts.records, FN, "inventoryCounts.records");
  }
  if (o.complaints !== undefined) assertRecordArray(o.complaints.records, FN, "complaints.records");
  if (o.receipts !== undefined) assertRecordArray(o.receipts.records, FN, "receipts.records");
  const overall = newCounter();
  const periods = new Map<string, Counter>();
  const segments = new Map<string, Counter>();
  const measured = new Set<Kpi>();
  const parseDateValue = cachedDateParser();
  const periodLabelOf = cachedPeriodLabel(o.period);

  const counterFor = (map: Map<string, Counter>, key: string) => {
    let c = map.get(key);
    if (c === undefined) map.set(key, (c = newCounter()));
    return c;
  };
  const add = (counters: readonly Counter[], kpi: Kpi, hit: boolean) => {
    const j = K[kpi] * 2;
    for (const c of counters) {
      c[j + 1] = (c[j + 1] as number) + 1;
      if (hit) c[j] = (c[j] as number) + 1;
    }
  };
  const readTime = (value: unknown, row: number, label: string, source: string): number =>
    timeOf(parseDateValue, FN, row, `${source}${label}`, value);
  const readFlag = (value: unknown, row: number, label: string, source: string): boolean | null =>
    flagOf(FN, row, `${source}${label}`, value);
  const readSegment = (value: unknown, row: number, label: string, source: string): string => {
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    throw new InvalidRecordError(
      FN,
      row,
      `${source}${label}`,
      value,
      "expected a segment label (string or number)",
    );
  };
  const groupsOf = (time: number, segment: string | null): Counter[] => {
    const list = [overall, counterFor(periods, periodLabelOf(time))];
    if (segment !== null) list.push(counterFor(segments, segment));
    return list;
  };

  // Orders.
  const promised = resolveField(o.promisedDate as Field<T>, "promisedDate");
  const delivered = resolveField(o.deliveredDate as Field<T>, "deliveredDate");
  const status = optionalField<T>(o.status, "status");
  const damaged = optionalField<T>(o.damaged, "damaged");
  const inStock = optionalField<T>(o.inStock, "inStock");
  const shipped = optionalField<T>(o.shippedCorrectly, "shippedCorrectly");
  const dateField = optionalField<T>(o.date, "date");
  const segmentField = optionalField<T>(o.segment, "segment");
  const deliveredSet = new Set(o.deliveredStatuses);
  const lostSet = new Set(o.lostStatuses);
  if (orders.length > 0) {
    measured.add("onTimeDelivery").add("deliverySuccess").add("damageLoss");
    if (inStock !== null) measured.add("stockout");
    if (shipped !== null) measured.add("outboundAccuracy");
  }
  for (let i = 0; i < orders.length; i++) {
    const record = orders[i] as T;
    const promisedTime = readTime(promised.read(record, i), i, promised.label, "");
    const deliveredValue = delivered.read(record, i);
    const deliveredTime = isMissing(deliveredValue) ? null : readTime(deliveredValue, i, delivered.label, "");
    let isDelivered: boolean;
    let isLost = false;
    if (status !== null) {
      const s = status.read(record, i);
      if (typeof s !== "string")
        throw new InvalidRecordError(FN, i, status.label, s, "expected a status string");
      isDelivered = deliveredSet.has(s);
      isLost = lostSet.has(s);
    } else isDelivered = deliveredTime !== null;
    if (isDelivered && deliveredTime === null) {
      throw new InvalidRecordError(
        FN,
        i,
        delivered.label,
        deliveredValue,
        "the order is delivered but has no delivery date",
      );
    }
    const periodTime =
      dateField === null ? promisedTime : readTime(dateField.read(record, i), i, dateField.label, "");
    const segment =
      segmentField === null ? null : readSegment(segmentField.read(record, i), i, segmentField.label, "");
    const groups = groupsOf(periodTime, segment);
    for (const c of groups) c[KPIS.length * 2] = (c[KPIS.length * 2] as number) + 1;
    if (isDelivered) {
      const lateDays =
        Math.floor((deliveredTime as number) / MS_PER_DAY) - Math.floor(promisedTime / MS_PER_DAY);
      add(groups, "onTimeDelivery", lateDays <= o.graceDays);
    }
    add(groups, "deliverySuccess", isDelivered);
    const isDamaged = damaged === null ? null : readFlag(damaged.read(record, i), i, damaged.label, "");
    add(groups, "damageLoss", isLost || (isDelivered && isDamaged === true));
    if (inStock !== null) {
      const flag = readFlag(inStock.read(record, i), i, inStock.label, "");
      if (flag !== null) add(groups, "stockout", !flag);
    }
    if (shipped !== null) {
      const flag = readFlag(shipped.read(record, i), i, shipped.label, "");
      if (flag !== null) add(groups, "outboundAccuracy", flag);
    }
  }

  /**
   * Tallies one side log (stock counts, complaints, receipts) into `kpi`: reads each record's
   * date and segment (labels prefixed with `source` in errors) and adds the outcome `judge`
   * returns for it; `null` means the record does not count for the KPI.
   */
  const tallySideLog = <X>(
    records: readonly X[],
    kpi: Kpi,
    source: string,
    fields: { readonly date: unknown; readonly segment: unknown; readonly dateName?: string },
    judge: (record: X, row: number) => boolean | null,
  ) => {
    const date = resolveField(fields.date as Field<X>, fields.dateName ?? "date");
    const seg = optionalField<X>(fields.segment, "segment");
    if (records.length > 0) measured.add(kpi);
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as X;
      const time = readTime(date.read(record, i), i, date.label, source);
      const hit = judge(record, i);
      if (hit === null) continue;
      const segment = seg === null ? null : readSegment(seg.read(record, i), i, seg.label, source);
      add(groupsOf(time, segment), kpi, hit);
    }
  };

  // Inventory counts: accurate when |counted - system| <= tolerance.
  if (o.inventoryCounts !== undefined) {
    const inv = o.inventoryCounts;
    const system = resolveField(inv.systemQuantity as Field<I>, "systemQuantity");
    const counted = resolveField(inv.countedQuantity as Field<I>, "countedQuantity");
    tallySideLog(inv.records as readonly I[], "inventoryAccuracy", "inventoryCounts.", inv, (record, i) => {
      const quantity = (f: typeof system) => {
        const v = f.read(record, i);
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
          throw new InvalidRecordError(FN, i, `inventoryCounts.${f.label}`, v, "expected a quantity >= 0");
        }
        return v;
      };
      return Math.abs(quantity(counted) - quantity(system)) <= inv.tolerance;
    });
  }

  // Complaints: resolved ones with a known contact count; first-contact = 1 contact, not reopened.
  if (o.complaints !== undefined) {
    const cfg = o.complaints;
    const resolvedAt = resolveField(cfg.resolvedAt as Field<C>, "resolvedAt");
    const contacts = resolveField(cfg.contacts as Field<C>, "contacts");
    const reopened = optionalField<C>(cfg.reopened, "reopened");
    const source = "complaints.";
    tallySideLog(
      cfg.records as readonly C[],
      "firstContactResolution",
      source,
      { date: cfg.openedAt, segment: cfg.segment, dateName: "openedAt" },
      (record, i) => {
        if (isMissing(resolvedAt.read(record, i))) return null;
        const n = contactsOf(FN, i, `${source}${contacts.label}`, contacts.read(record, i));
        if (n === null) return null;
        const again =
          reopened === null ? null : readFlag(reopened.read(record, i), i, reopened.label, source);
        return n === 1 && again !== true;
      },
    );
  }

  // Receipts: inbound accuracy from a correct/incorrect flag per receipt.
  if (o.receipts !== undefined) {
    const cfg = o.receipts;
    const correct = resolveField(cfg.correct as Field<R>, "correct");
    tallySideLog(cfg.records as readonly R[], "inboundAccuracy", "receipts.", cfg, (record, i) =>
      readFlag(correct.read(record, i), i, correct.label, "receipts."),
    );
  }

  const values = (c: Counter): ServiceKpiValues => {
    const out: Record<string, unknown> = { orders: c[KPIS.length * 2] as number };
    for (const kpi of KPIS) {
      const j = K[kpi] * 2;
      out[kpi] = rateOf(c[j] as number, measured.has(kpi) ? (c[j + 1] as number) : 0);
    }
    return out as unknown as ServiceKpiValues;
  };
  const result: ServiceKpisResult = {
    overall: values(overall),
    byPeriod: [...periods.keys()]
      .sort()
      .map((period) => ({ period, ...values(periods.get(period) as Counter) })),
    bySegment: [...segments.entries()].map(([segment, c]) => ({ segment, ...values(c) })),
    options: {
      graceDays: o.graceDays,
      period: o.period,
      deliveredStatuses: o.deliveredStatuses,
      lostStatuses: o.lostStatuses,
    },
  };
  const flat = (label: string, v: ServiceKpiValues) => ({
    group: label,
    orders: v.orders,
    ...Object.fromEntries(KPIS.map((kpi) => [kpi, v[kpi].value])),
  });
  return withDisplay(result, {
    title: "Service KPIs",
    summary: (r) => [
      KPIS.filter((kpi) => r.overall[kpi].value !== null)
        .map((kpi) => `${kpi} ${formatPercent(r.overall[kpi].value)}`)
        .join(", "),
    ],
    rows: (r) => [
      flat("overall", r.overall),
      ...r.bySegment.map((s) => flat(s.segment, s)),
      ...r.byPeriod.map((p) => flat(p.period, p)),
    ],
  });
}
