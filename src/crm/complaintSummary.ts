import {
  assertRecordArray,
  type Field,
  InvalidRecordError,
  quantileSorted,
  type ResolvedField,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withMissingDefaults } from "../core/internal/defaults.js";
import {
  checkOptions,
  field,
  nullable,
  numeric,
  type OptionRule,
  oneOf,
} from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import { cachedDateParser, cachedPeriodLabel } from "./internal/cache.js";
import { formatPercent, rateOf } from "./internal/rate.js";
import {
  contactsOf,
  DATE_EXPECTATION,
  flagOf,
  isMissing,
  optionalField,
  requireArray,
  timeOf,
} from "./internal/records.js";
import type { CrmPeriod, CrmRate } from "./types.js";

/**
 * The complaint categories of the source material, the default `categories` of
 * {@link complaintSummary}.
 *
 * @example
 * ```ts
 * DEFAULT_COMPLAINT_CATEGORIES.length; // => 4
 * const log = [{ customerId: "a", category: "Billing", openedAt: "2024-01-01", resolvedAt: "2024-01-03" }];
 * const summary = complaintSummary(log, { categories: [...DEFAULT_COMPLAINT_CATEGORIES, "billing"] });
 * summary.byCategory.at(-1)?.category; // => "billing" (matched case-insensitively)
 * ```
 */
export const DEFAULT_COMPLAINT_CATEGORIES: readonly string[] = Object.freeze([
  "product and accessories",
  "service attitude",
  "service quality",
  "incident",
]);

/**
 * Options of {@link complaintSummary}. Field defaults match the store's `StoreComplaint` records.
 *
 * @example
 * ```ts
 * const log = [{ customerId: "a", category: "Billing", openedAt: "2024-01-01", resolvedAt: "2024-01-03" }];
 * const options: ComplaintSummaryOptions<(typeof log)[number]> = { timeUnit: "day", period: "quarter" };
 * complaintSummary(log, options).resolution.median; // => 2 (days)
 * ```
 */
export interface ComplaintSummaryOptions<T> {
  /** Category of each complaint. @defaultValue "category" */
  readonly category?: Field<T>;
  /**
   * Known categories, in reporting order. Any other value (and a missing one) is counted under
   * `"other"`, with the raw values listed in `otherCategories`. Each category once (records match
   * trimmed and case-insensitively, so `"Billing"` and `"billing "` are the same one: an error), and
   * none named `"other"`.
   * @defaultValue {@link DEFAULT_COMPLAINT_CATEGORIES}
   */
  readonly categories?: readonly string[];
  /** Severity tier of each complaint; `null` to skip severities. @defaultValue "severity" */
  readonly severity?: Field<T> | null;
  /**
   * Severity tiers, least severe first. Each tier once (compared trimmed and case-insensitively): a
   * duplicate tier is an error rather than merged, since its position would be ambiguous in an ordered
   * scale. None named `"(missing)"` (the row of complaints without a severity).
   * @defaultValue ["low", "medium", "high", "critical"]
   */
  readonly severityTiers?: readonly string[];
  /** When the complaint was opened (Date, ISO string or epoch ms). Required. @defaultValue "openedAt" */
  readonly openedAt?: Field<T>;
  /** First response; missing = not yet answered. `null` to skip. @defaultValue "firstResponseAt" */
  readonly firstResponseAt?: Field<T> | null;
  /** Resolution; missing = still open. `null` to skip. @defaultValue "resolvedAt" */
  readonly resolvedAt?: Field<T> | null;
  /** Contacts needed until resolution (1 = first contact). `null` to skip. @defaultValue "contacts" */
  readonly contacts?: Field<T> | null;
  /** Whether the complaint was reopened after a resolution. `null` to skip. @defaultValue "reopened" */
  readonly reopened?: Field<T> | null;
  /** Complaining customer, for repeat complainers. `null` to skip. @defaultValue "customerId" */
  readonly customer?: Field<T> | null;
  /** Complaints from one customer that make a repeat complainer. @defaultValue 2 */
  readonly repeatThreshold?: number;
  /** Calendar period of the trend (by opening date, UTC). @defaultValue "month" */
  readonly period?: CrmPeriod;
  /** Unit of response and resolution times. @defaultValue "hour" */
  readonly timeUnit?: "hour" | "day";
}

/**
 * Median and 90th percentile (R type 7) of a duration, with how many values fed them.
 *
 * @example
 * ```ts
 * const log = [
 *   { customerId: "a", category: "service attitude", severity: "low", openedAt: "2024-01-01T09:00Z",
 *     firstResponseAt: "2024-01-01T10:00Z", resolvedAt: "2024-01-01T12:00Z", contacts: 1, reopened: false },
 *   { customerId: "a", category: "billing", severity: "high", openedAt: "2024-01-02T09:00Z",
 *     firstResponseAt: "2024-01-02T13:00Z", resolvedAt: null, contacts: 2, reopened: false },
 * ];
 * complaintSummary(log).firstResponse; // => { median: 2.5, p90: 3.7, mean: 2.5, count: 2, pending: 0 } (hours)
 * ```
 */
export interface ComplaintDurationSummary {
  /** Median, in `timeUnit`; null when no value. */
  readonly median: number | null;
  /** 90th percentile, in `timeUnit`; null when no value. */
  readonly p90: number | null;
  readonly mean: number | null;
  /** Complaints with a value. */
  readonly count: number;
  /** Complaints without one (not yet answered / still open). */
  readonly pending: number;
}

/**
 * One category row of {@link ComplaintSummaryResult.byCategory}.
 *
 * @example
 * ```ts
 * const log = [
 *   { customerId: "a", category: "service attitude", severity: "low", openedAt: "2024-01-01T09:00Z",
 *     firstResponseAt: "2024-01-01T10:00Z", resolvedAt: "2024-01-01T12:00Z", contacts: 1, reopened: false },
 *   { customerId: "a", category: "billing", severity: "high", openedAt: "2024-01-02T09:00Z",
 *     firstResponseAt: "2024-01-02T13:00Z", resolvedAt: null, contacts: 2, reopened: false },
 * ];
 * complaintSummary(log).byCategory[1];
 * // => { category: "service attitude", complaints: 1, share: 0.5, medianResolution: 3, firstContactResolutionRate: 1 }
 * ```
 */
export interface ComplaintCategoryRow {
  readonly category: string;
  readonly complaints: number;
  /** Share of all complaints. */
  readonly share: number;
  /** Median resolution time in `timeUnit`; null when none resolved. */
  readonly medianResolution: number | null;
  /** First-contact resolution rate; null when none resolved. */
  readonly firstContactResolutionRate: number | null;
}

/**
 * One severity row of {@link ComplaintSummaryResult.bySeverity}.
 *
 * @example
 * ```ts
 * const log = [
 *   { customerId: "a", category: "service attitude", severity: "low", openedAt: "2024-01-01T09:00Z",
 *     firstResponseAt: "2024-01-01T10:00Z", resolvedAt: "2024-01-01T12:00Z", contacts: 1, reopened: false },
 *   { customerId: "a", category: "billing", severity: "high", openedAt: "2024-01-02T09:00Z",
 *     firstResponseAt: "2024-01-02T13:00Z", resolvedAt: null, contacts: 2, reopened: false },
 * ];
 * complaintSummary(log).bySeverity[0]; // => { severity: "low", complaints: 1, share: 0.5, medianResolution: 3 }
 * ```
 */
export interface ComplaintSeverityRow {
  readonly severity: string;
  readonly complaints: number;
  readonly share: number;
  readonly medianResolution: number | null;
}

/**
 * One period of {@link ComplaintSummaryResult.trend}.
 *
 * @example
 * ```ts
 * const log = [
 *   { customerId: "a", category: "service attitude", severity: "low", openedAt: "2024-01-01T09:00Z",
 *     firstResponseAt: "2024-01-01T10:00Z", resolvedAt: "2024-01-01T12:00Z", contacts: 1, reopened: false },
 *   { customerId: "a", category: "billing", severity: "high", openedAt: "2024-01-02T09:00Z",
 *     firstResponseAt: "2024-01-02T13:00Z", resolvedAt: null, contacts: 2, reopened: false },
 * ];
 * complaintSummary(log).trend[0];
 * // => { period: "2024-01", complaints: 2, resolved: 1, medianResolution: 3, firstContactResolutionRate: 1, reopenRate: 0 }
 * ```
 */
export interface ComplaintTrendRow {
  /** Period label: `"2024-03"`, `"2024-Q1"`, `"2024"`, a day, or the Monday of an ISO week. */
  readonly period: string;
  readonly complaints: number;
  readonly resolved: number;
  readonly medianResolution: number | null;
  readonly firstContactResolutionRate: number | null;
  readonly reopenRate: number | null;
}

/**
 * Result of {@link complaintSummary}.
 *
 * @example
 * ```ts
 * const log = [
 *   { customerId: "a", category: "service attitude", severity: "low", openedAt: "2024-01-01T09:00Z",
 *     firstResponseAt: "2024-01-01T10:00Z", resolvedAt: "2024-01-01T12:00Z", contacts: 1, reopened: false },
 *   { customerId: "a", category: "billing", severity: "high", openedAt: "2024-01-02T09:00Z",
 *     firstResponseAt: "2024-01-02T13:00Z", resolvedAt: null, contacts: 2, reopened: false },
 * ];
 * const summary: ComplaintSummaryResult = complaintSummary(log);
 * summary.otherCategories; // => [{ category: "billing", complaints: 1 }]
 * summary.repeatComplainers?.top; // => [{ customerId: "a", complaints: 2 }]
 * ```
 */
export interface ComplaintSummaryResult {
  /** Number of complaints. */
  readonly complaints: number;
  /** Distinct complaining customers (null without a customer field). */
  readonly complainingCustomers: number | null;
  /** Known categories in order, then `"other"` when any complaint fell there. */
  readonly byCategory: readonly ComplaintCategoryRow[];
  /** Raw category values counted as `"other"` (missing shown as `"(missing)"`), most frequent first. */
  readonly otherCategories: readonly { readonly category: string; readonly complaints: number }[];
  /** Severity tiers in order (then `"(missing)"` if any). Empty when severities are skipped. */
  readonly bySeverity: readonly ComplaintSeverityRow[];
  /** Time from opening to first response. */
  readonly firstResponse: ComplaintDurationSummary;
  /** Time from opening to resolution. */
  readonly resolution: ComplaintDurationSummary;
  /**
   * First-contact resolution: resolved complaints that needed one contact and were not
   * reopened, over resolved complaints with a known contact count.
   */
  readonly firstContactResolution: CrmRate;
  /** Reopened complaints over complaints resolved at least once (resolved now, or reopened). */
  readonly reopen: CrmRate;
  /** Customers with at least `repeatThreshold` complaints (null without a customer field). */
  readonly repeatComplainers: {
    readonly customers: number;
    /** Share of complaining customers. */
    readonly share: number | null;
    /** Their complaints, as a share of all complaints. */
    readonly complaintShare: number | null;
    /** Repeat complainers, most complaints first (ties: first seen first). */
    readonly top: readonly { readonly customerId: string; readonly complaints: number }[];
  } | null;
  /** Complaints per period, chronological. */
  readonly trend: readonly ComplaintTrendRow[];
  readonly options: {
    readonly categories: readonly string[];
    readonly severityTiers: readonly string[];
    readonly repeatThreshold: number;
    readonly period: CrmPeriod;
    readonly timeUnit: "hour" | "day";
  };
}

const FN = "complaintSummary";

/**
 * A list of labels (non-empty strings, at least `minLength` of them) that are distinct once trimmed and
 * lower-cased (records are matched that way, so two spellings of one label would give two report rows of
 * which one is always empty) and that do not take the name of the catch-all row (`reserved`). The
 * distinctness is checked once every entry is a string; each problem is an issue at its entry.
 */
function distinctLabels(kind: string, reserved: string, minLength = 0): OptionRule<string[], true> {
  return {
    accepts: "an array",
    optional: true,
    check: (value, report) => {
      if (!Array.isArray(value)) {
        report(undefined, value);
        return value as string[];
      }
      const strings = value.every((label) => typeof label === "string");
      value.forEach((label, j) => {
        if (typeof label !== "string") report(expected("a string", label), label, [String(j)]);
        else if (label === "")
          report("Too small: expected string to have >=1 characters", label, [String(j)]);
      });
      const seen = new Map<string, number>();
      if (strings)
        value.forEach((label: string, j) => {
          const key = label.trim().toLowerCase();
          const first = seen.get(key);
          if (first === undefined) seen.set(key, j);
          const message =
            first !== undefined
              ? `duplicate ${kind} "${label}" (same as entry ${first} once trimmed and lower-cased); list each ${kind} once`
              : key === reserved
                ? `"${reserved}" is the name of the catch-all row; rename this ${kind}`
                : undefined;
          if (message !== undefined) report(message, label, [String(j)]);
        });
      if (value.length < minLength) report(`Too small: expected array to have >=${minLength} items`, value);
      // a copy: the result lists the labels, and must not share the caller's array
      return [...value];
    },
  };
}

/** A field that `null` skips (read from the field named in the defaults of {@link complaintSummary}). */
const skippableField = nullable(field<Field<unknown>>());
/** Rules of complaintSummary's options (exported for the equivalence test of crm's option rules; not in the module index). */
export const complaintSummaryShape = {
  category: field<Field<unknown>>(),
  categories: distinctLabels("category", "other"),
  severity: skippableField,
  severityTiers: distinctLabels("severity tier", "(missing)", 1),
  openedAt: field<Field<unknown>>(),
  firstResponseAt: skippableField,
  resolvedAt: skippableField,
  contacts: skippableField,
  reopened: skippableField,
  customer: skippableField,
  repeatThreshold: numeric({
    gte: 2,
    whole: true,
    messages: { gte: "must be at least 2", whole: "must be a whole number" },
  }),
  period: oneOf(["day", "week", "month", "quarter", "year"]),
  timeUnit: oneOf(["hour", "day"]),
};

/** complaintSummary's options checked, with their defaults (fresh lists each call). */
export const parseComplaintSummaryOptions = (options: unknown) =>
  withMissingDefaults(checkOptions(FN, complaintSummaryShape, options), {
    category: "category",
    categories: [...DEFAULT_COMPLAINT_CATEGORIES],
    severity: "severity",
    severityTiers: ["low", "medium", "high", "critical"],
    openedAt: "openedAt",
    firstResponseAt: "firstResponseAt",
    resolvedAt: "resolvedAt",
    contacts: "contacts",
    reopened: "reopened",
    customer: "customerId",
    repeatThreshold: 2,
    period: "month",
    timeUnit: "hour",
  } as const);

/** Sorted copy of finite values. */
function sortedOf(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

function durationSummary(values: readonly number[], pending: number): ComplaintDurationSummary {
  if (values.length === 0) return { median: null, p90: null, mean: null, count: 0, pending };
  const sorted = sortedOf(values);
  let total = 0;
  for (const v of sorted) total += v;
  return {
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    mean: total / sorted.length,
    count: sorted.length,
    pending,
  };
}

const medianOrNull = (values: readonly number[]) =>
  values.length === 0 ? null : quantileSorted(sortedOf(values), 0.5);

/**
 * Summarises a complaint log the way a service manager reads it: complaints by
 * category (extensible; unknown values kept as `"other"` with their counts) and
 * severity tier, time to first response and to resolution (median and 90th
 * percentile, R type 7), first-contact resolution rate, reopen rate, repeat
 * complainers, and the trend by calendar period.
 *
 * Policies: a missing first response or resolution means "not yet" (counted as
 * pending, never a NaN); a rate with no eligible complaint is `null`; a response
 * or resolution before the opening time is an error; an unknown severity is an
 * error (tiers are ordered, a typo must not vanish), a missing one is shown as
 * `"(missing)"`.
 *
 * Complexity: O(n log n) (quantiles sort the durations). Inputs are not mutated.
 *
 * @param complaints - complaint records (the store's `complaints` work with the defaults)
 * @param options - fields and grouping; see {@link ComplaintSummaryOptions}
 * @returns counts, durations, rates and the trend
 * @throws {@link InvalidOptionsError} for invalid options: an unknown option (named, with the nearest
 *   valid name), a duplicate category or severity tier, or `complaints` that is not an array
 * @throws {@link InvalidRecordError} naming row and field for a bad date, an unknown severity,
 *   a contact count below 1, a non-boolean reopened flag, or a negative duration; and for an element
 *   that is not a record (null, a number), naming its row
 * @see Service-recovery practice: first-contact resolution and reopen rates are the usual
 *   complaint-handling KPIs; quantiles by Hyndman & Fan (1996) type 7.
 * @example
 * ```ts
 * const summary = complaintSummary([
 *   { customerId: "a", category: "service attitude", severity: "low", openedAt: "2024-01-01T09:00Z",
 *     firstResponseAt: "2024-01-01T10:00Z", resolvedAt: "2024-01-01T12:00Z", contacts: 1, reopened: false },
 *   { customerId: "a", category: "billing", severity: "high", openedAt: "2024-01-02T09:00Z",
 *     firstResponseAt: "2024-01-02T13:00Z", resolvedAt: null, contacts: 2, reopened: false },
 * ]);
 * summary.byCategory.map((row) => [row.category, row.complaints]);
 * // => [["product and accessories", 0], ["service attitude", 1], ["service quality", 0], ["incident", 0], ["other", 1]]
 * summary.firstResponse.median; // => 2.5 (hours)
 * summary.firstContactResolution.value; // => 1
 * ```
 */
export function complaintSummary<T>(
  complaints: readonly T[],
  options: ComplaintSummaryOptions<T> = {},
): Readonly<ComplaintSummaryResult> {
  requireArray(FN, "complaints", "complaint records", complaints);
  const o = parseComplaintSummaryOptions(options);
  assertRecordArray(complaints, FN, "complaints");
  const n = complaints.length;
  const unitMs = o.timeUnit === "hour" ? 3_600_000 : 86_400_000;
  const categoryField = resolveField(o.category as Field<T>, "category");
  const severityField = optionalField<T>(o.severity, "severity");
  const openedField = resolveField(o.openedAt as Field<T>, "openedAt");
  const responseField = optionalField<T>(o.firstResponseAt, "firstResponseAt");
  const resolvedField = optionalField<T>(o.resolvedAt, "resolvedAt");
  const contactsField = optionalField<T>(o.contacts, "contacts");
  const reopenedField = optionalField<T>(o.reopened, "reopened");
  const customerField = optionalField<T>(o.customer, "customer");

  const categoryIndex = new Map(o.categories.map((c, j) => [c.trim().toLowerCase(), j]));
  const otherCode = o.categories.length;
  const tierIndex = new Map(o.severityTiers.map((s, j) => [s.trim().toLowerCase(), j]));
  const missingTier = o.severityTiers.length;

  const category = new Int32Array(n);
  const severity = new Int32Array(n);
  const opened = new Float64Array(n);
  const response = new Float64Array(n).fill(Number.NaN);
  const resolution = new Float64Array(n).fill(Number.NaN);
  const contacts = new Float64Array(n).fill(Number.NaN);
  const reopened = new Int8Array(n).fill(-1);
  const customer = new Int32Array(n).fill(-1);
  const customerIds = new Map<string, number>();
  const customerLabels: string[] = [];
  const otherCounts = new Map<string, number>();
  const parseDateValue = cachedDateParser();

  /** The time (epoch ms) of a date field of complaint `i`; NaN when an optional one is missing. */
  const readTime = (time: ResolvedField<T>, i: number, required: boolean): number => {
    const value = time.read(complaints[i] as T, i);
    if (!required && isMissing(value)) return Number.NaN;
    return timeOf(
      parseDateValue,
      FN,
      i,
      time.label,
      value,
      required
        ? DATE_EXPECTATION
        : "expected a Date, an ISO 8601 string, epoch milliseconds, or null when it has not happened yet",
    );
  };
  /**
   * Time from the opening of complaint `i` to a later event (the first response, the resolution) in
   * `timeUnit`s; NaN when it has not happened yet, an error when it is before the opening.
   */
  const timeAfterOpening = (
    event: ResolvedField<T>,
    eventName: string,
    i: number,
    openTime: number,
  ): number => {
    const t = readTime(event, i, false);
    if (t < openTime) {
      throw new InvalidRecordError(
        FN,
        i,
        event.label,
        event.read(complaints[i] as T, i),
        `the ${eventName} is before the complaint was opened`,
      );
    }
    return (t - openTime) / unitMs;
  };

  for (let i = 0; i < n; i++) {
    const record = complaints[i] as T;
    const rawCategory = categoryField.read(record, i);
    const categoryKey = typeof rawCategory === "string" ? rawCategory.trim().toLowerCase() : undefined;
    const known = categoryKey === undefined ? undefined : categoryIndex.get(categoryKey);
    if (known === undefined) {
      const shown = isMissing(rawCategory) ? "(missing)" : String(rawCategory);
      otherCounts.set(shown, (otherCounts.get(shown) ?? 0) + 1);
      category[i] = otherCode;
    } else category[i] = known;

    if (severityField !== null) {
      const raw = severityField.read(record, i);
      if (isMissing(raw)) severity[i] = missingTier;
      else {
        const tier = typeof raw === "string" ? tierIndex.get(raw.trim().toLowerCase()) : undefined;
        if (tier === undefined) {
          throw new InvalidRecordError(
            FN,
            i,
            severityField.label,
            raw,
            `expected one of the severity tiers ${o.severityTiers.join(", ")} (set severityTiers to add yours)`,
          );
        }
        severity[i] = tier;
      }
    }

    const openTime = readTime(openedField, i, true);
    opened[i] = openTime;
    if (responseField !== null) response[i] = timeAfterOpening(responseField, "first response", i, openTime);
    if (resolvedField !== null) resolution[i] = timeAfterOpening(resolvedField, "resolution", i, openTime);
    if (contactsField !== null) {
      const count = contactsOf(FN, i, contactsField.label, contactsField.read(record, i));
      if (count !== null) contacts[i] = count;
    }
    if (reopenedField !== null) {
      const flag = flagOf(FN, i, reopenedField.label, reopenedField.read(record, i));
      if (flag !== null) reopened[i] = flag ? 1 : 0;
    }
    if (customerField !== null) {
      const raw = customerField.read(record, i);
      if (typeof raw !== "string" && typeof raw !== "number") {
        throw new InvalidRecordError(
          FN,
          i,
          customerField.label,
          raw,
          "expected a customer id (string or number)",
        );
      }
      const key = String(raw);
      let code = customerIds.get(key);
      if (code === undefined) {
        code = customerLabels.length;
        customerIds.set(key, code);
        customerLabels.push(key);
      }
      customer[i] = code;
    }
  }

  // Shared rate counters over a subset of rows.
  const tally = (rows: ArrayLike<number>) => {
    let resolved = 0;
    let fcrEligible = 0;
    let fcr = 0;
    let everResolved = 0;
    let reopenedCount = 0;
    const times: number[] = [];
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r] as number;
      const isResolved = !Number.isNaN(resolution[i] as number);
      if (isResolved) {
        resolved++;
        times.push(resolution[i] as number);
        if (!Number.isNaN(contacts[i] as number)) {
          fcrEligible++;
          if (contacts[i] === 1 && reopened[i] !== 1) fcr++;
        }
      }
      if (reopened[i] !== -1 && (isResolved || reopened[i] === 1)) {
        everResolved++;
        if (reopened[i] === 1) reopenedCount++;
      }
    }
    return {
      resolved,
      times,
      fcr: rateOf(fcr, resolvedField === null || contactsField === null ? 0 : fcrEligible),
      reopen: rateOf(reopenedCount, everResolved),
    };
  };

  /**
   * One report row per label of the groups `codes` puts the records in (`labels[code]`), in label
   * order; the last label is the catch-all row, left out when no record fell there.
   */
  const groupRows = <R>(
    codes: Int32Array,
    labels: readonly string[],
    row: (label: string, rows: number[], share: number) => R,
  ): R[] => {
    const lists: number[][] = labels.map(() => []);
    for (let i = 0; i < n; i++) lists[codes[i] as number]?.push(i);
    if (lists.at(-1)?.length === 0) lists.pop();
    return lists.map((rows, j) => row(labels[j] as string, rows, n === 0 ? 0 : rows.length / n));
  };

  const all = Int32Array.from({ length: n }, (_, i) => i);
  const overall = tally(all);
  const byCategory = groupRows(category, [...o.categories, "other"], (label, rows, share) => {
    const t = tally(rows);
    return {
      category: label,
      complaints: rows.length,
      share,
      medianResolution: medianOrNull(t.times),
      firstContactResolutionRate: t.fcr.value,
    };
  });
  const bySeverity =
    severityField === null
      ? []
      : groupRows(severity, [...o.severityTiers, "(missing)"], (label, rows, share) => ({
          severity: label,
          complaints: rows.length,
          share,
          medianResolution: medianOrNull(tally(rows).times),
        }));

  const responseTimes: number[] = [];
  for (let i = 0; i < n; i++)
    if (!Number.isNaN(response[i] as number)) responseTimes.push(response[i] as number);

  let repeatComplainers: ComplaintSummaryResult["repeatComplainers"] = null;
  if (customerField !== null) {
    const perCustomer = new Int32Array(customerLabels.length);
    for (let i = 0; i < n; i++) {
      const c = customer[i] as number;
      perCustomer[c] = (perCustomer[c] as number) + 1;
    }
    const top: { customerId: string; complaints: number; order: number }[] = [];
    let repeatComplaints = 0;
    perCustomer.forEach((count, c) => {
      if (count >= o.repeatThreshold) {
        top.push({ customerId: customerLabels[c] as string, complaints: count, order: c });
        repeatComplaints += count;
      }
    });
    top.sort((a, b) => b.complaints - a.complaints || a.order - b.order);
    repeatComplainers = {
      customers: top.length,
      share: customerLabels.length === 0 ? null : top.length / customerLabels.length,
      complaintShare: n === 0 ? null : repeatComplaints / n,
      top: top.map(({ customerId, complaints: count }) => ({ customerId, complaints: count })),
    };
  }

  const periodRows = new Map<string, number[]>();
  const periodLabelOf = cachedPeriodLabel(o.period);
  for (let i = 0; i < n; i++) {
    const key = periodLabelOf(opened[i] as number);
    let list = periodRows.get(key);
    if (list === undefined) periodRows.set(key, (list = []));
    list.push(i);
  }
  const trend: ComplaintTrendRow[] = [...periodRows.keys()].sort().map((period) => {
    const rows = periodRows.get(period) as number[];
    const t = tally(rows);
    return {
      period,
      complaints: rows.length,
      resolved: t.resolved,
      medianResolution: medianOrNull(t.times),
      firstContactResolutionRate: t.fcr.value,
      reopenRate: t.reopen.value,
    };
  });

  const result: ComplaintSummaryResult = {
    complaints: n,
    complainingCustomers: customerField === null ? null : customerLabels.length,
    byCategory,
    otherCategories: [...otherCounts.entries()]
      .map(([c, count]) => ({ category: c, complaints: count }))
      .sort((a, b) => b.complaints - a.complaints),
    bySeverity,
    firstResponse: durationSummary(responseTimes, responseField === null ? 0 : n - responseTimes.length),
    resolution: durationSummary(overall.times, resolvedField === null ? 0 : n - overall.times.length),
    firstContactResolution: overall.fcr,
    reopen: overall.reopen,
    repeatComplainers,
    trend,
    options: {
      categories: o.categories,
      severityTiers: o.severityTiers,
      repeatThreshold: o.repeatThreshold,
      period: o.period,
      timeUnit: o.timeUnit,
    },
  };
  const unitLabel = o.timeUnit === "hour" ? "h" : "d";
  const fmt = (x: number | null) => (x === null ? "n/a" : `${x.toFixed(1)} ${unitLabel}`);
  return withDisplay(result, {
    title: "Complaint summary",
    summary: (r) => [
      `${r.complaints} complaints${r.complainingCustomers === null ? "" : ` from ${r.complainingCustomers} customers`}; ` +
        `first response median ${fmt(r.firstResponse.median)} (p90 ${fmt(r.firstResponse.p90)}); ` +
        `resolution median ${fmt(r.resolution.median)} (p90 ${fmt(r.resolution.p90)}), ${r.resolution.pending} open`,
      `first-contact resolution ${formatPercent(r.firstContactResolution.value)}, reopen rate ${formatPercent(r.reopen.value)}` +
        (r.repeatComplainers === null
          ? ""
          : `, ${r.repeatComplainers.customers} repeat complainers (${formatPercent(r.repeatComplainers.share)} of complainers)`),
    ],
    rows: (r) => r.byCategory,
  });
}
