import {
  assertRecordArray,
  type Field,
  InvalidRecordError,
  readCodes,
  readDates,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { withDefaults } from "../core/internal/defaults.js";
import { checkOptions, field, nullable, numeric } from "../core/internal/optionRules.js";
import { requireArray } from "./internal/records.js";

/**
 * Options of {@link contactPolicy}.
 *
 * @example
 * ```ts
 * const history = [
 *   ...Array.from({ length: 12 }, () => ({ prospectId: "p1", deal: false })),
 *   { prospectId: "p2", deal: false },
 *   { prospectId: "p2", deal: true },
 * ];
 * const options: ContactPolicyOptions<(typeof history)[number]> = { maxContacts: 20 };
 * contactPolicy(history, options).prospects[0]?.remainingContacts; // => 8
 * ```
 */
export interface ContactPolicyOptions<T> {
  /**
   * Contacts without a deal after which a prospect is parked. The source material: an
   * average deal takes about 12 contacts.
   * @defaultValue 12
   */
  readonly maxContacts?: number;
  /** Prospect identifier of each contact. @defaultValue "prospectId" */
  readonly prospect?: Field<T>;
  /** Whether the contact closed a deal (a boolean). @defaultValue "deal" */
  readonly deal?: Field<T>;
  /**
   * Date of the contact; when given, each prospect's contacts are ordered by it (ties keep
   * input order). When `null`, input order is the contact order.
   * @defaultValue null
   */
  readonly date?: Field<T> | null;
}

/**
 * Status of a prospect under the contact policy: still worth contacting, parked, or won.
 *
 * @example
 * ```ts
 * const history = [
 *   ...Array.from({ length: 12 }, () => ({ prospectId: "p1", deal: false })),
 *   { prospectId: "p2", deal: false },
 *   { prospectId: "p2", deal: true },
 * ];
 * const statuses: ContactStatus[] = contactPolicy(history).prospects.map((p) => p.status); // => ["parked", "won"]
 * ```
 */
export type ContactStatus = "active" | "parked" | "won";

/**
 * One prospect's contact record under the policy.
 *
 * @example
 * ```ts
 * const history = [
 *   ...Array.from({ length: 12 }, () => ({ prospectId: "p1", deal: false })),
 *   { prospectId: "p2", deal: false },
 *   { prospectId: "p2", deal: true },
 * ];
 * contactPolicy(history).prospects[1];
 * // => { prospectId: "p2", contacts: 2, deals: 1, contactsWithoutDeal: 0, status: "won", remainingContacts: 12, lastContact: null }
 * ```
 */
export interface ContactPolicyRow {
  readonly prospectId: string;
  /** All contacts logged. */
  readonly contacts: number;
  /** Contacts that closed a deal. */
  readonly deals: number;
  /** Contacts since the last deal (all contacts when there was none). */
  readonly contactsWithoutDeal: number;
  /**
   * `parked` when contactsWithoutDeal >= maxContacts (also for a past customer courted again
   * too long); otherwise `won` when at least one deal was closed; otherwise `active`.
   */
  readonly status: ContactStatus;
  /** Contacts left before parking (0 when parked). */
  readonly remainingContacts: number;
  /** ISO date of the latest contact, when a date field is given. */
  readonly lastContact: string | null;
}

/**
 * Result of {@link contactPolicy}.
 *
 * @example
 * ```ts
 * const history = [
 *   ...Array.from({ length: 12 }, () => ({ prospectId: "p1", deal: false })),
 *   { prospectId: "p2", deal: false },
 *   { prospectId: "p2", deal: true },
 * ];
 * const result: ContactPolicyResult = contactPolicy(history);
 * [result.parked, result.counts]; // => [["p1"], { active: 0, parked: 1, won: 1 }]
 * ```
 */
export interface ContactPolicyResult {
  /** One row per prospect, in first-seen order. */
  readonly prospects: readonly ContactPolicyRow[];
  /** Ids of parked prospects. */
  readonly parked: readonly string[];
  readonly counts: Readonly<Record<ContactStatus, number>>;
  readonly options: { readonly maxContacts: number };
}

const FN = "contactPolicy";
/** Rules of contactPolicy's options (exported for the equivalence test of crm's option rules; not in the module index). */
export const contactPolicyShape = {
  maxContacts: numeric({
    gte: 1,
    whole: true,
    messages: { gte: "must be at least 1", whole: "must be a whole number" },
  }),
  prospect: field<Field<unknown>>(),
  deal: field<Field<unknown>>(),
  date: nullable(field<Field<unknown>>()),
};

/**
 * Applies contact discipline to a prospecting history: a prospect contacted
 * `maxContacts` times without a deal is parked for now, as the source material
 * advises (an average deal takes about 12 contacts; past that, put the effort elsewhere).
 *
 * Complexity: O(n log n) with a date field (per-prospect ordering), O(n) without.
 *
 * @param history - contact records, one per contact (call, visit, mail)
 * @param options - see {@link ContactPolicyOptions}
 * @returns one row per prospect with counts, status and contacts remaining
 * @throws {@link InvalidOptionsError} for a `maxContacts` below 1 or not whole, an unknown option
 *   (named, with the nearest valid name), or `history` that is not an array
 * @throws {@link InvalidRecordError} for a missing prospect id, a non-boolean deal flag, a bad date, or an
 *   element that is not a record (null, a number, a string)
 * @see MAN-EXAMPLES.md (the 12-contact rule of thumb of the source material)
 * @example
 * ```ts
 * const history = [
 *   ...Array.from({ length: 12 }, () => ({ prospectId: "p1", deal: false })),
 *   { prospectId: "p2", deal: false },
 *   { prospectId: "p2", deal: true },
 * ];
 * contactPolicy(history).prospects.map((p) => p.status); // => ["parked", "won"]
 * ```
 */
export function contactPolicy<T>(
  history: readonly T[],
  options: ContactPolicyOptions<T> = {},
): Readonly<ContactPolicyResult> {
  requireArray(FN, "history", "contact records", history);
  const parsed = withDefaults(checkOptions(FN, contactPolicyShape, options), {
    maxContacts: 12,
    prospect: "prospectId",
    deal: "deal",
    date: null,
  });
  assertRecordArray(history, FN, "history");
  const { maxContacts } = parsed;
  const prospects = readCodes(history, parsed.prospect as Field<T>, {
    functionName: FN,
    optionName: "prospect",
  });
  const dealField = resolveField(parsed.deal as Field<T>, "deal");
  const deals = new Uint8Array(history.length);
  for (let i = 0; i < history.length; i++) {
    const value = dealField.read(history[i] as T, i);
    if (typeof value !== "boolean") {
      throw new InvalidRecordError(
        FN,
        i,
        dealField.label,
        value,
        "expected true (the contact closed a deal) or false",
      );
    }
    deals[i] = value ? 1 : 0;
  }
  const dates =
    parsed.date === null
      ? null
      : readDates(history, parsed.date as Field<T>, { functionName: FN, optionName: "date" });

  const k = prospects.labels.length;
  // Order contacts per prospect: by date when given (stable sort keeps input order on ties).
  const order = Array.from({ length: history.length }, (_, i) => i);
  if (dates !== null) order.sort((a, b) => (dates[a] as number) - (dates[b] as number) || a - b);
  const contacts = new Int32Array(k);
  const dealCount = new Int32Array(k);
  const sinceDeal = new Int32Array(k);
  const last = new Float64Array(k).fill(Number.NaN);
  for (const i of order) {
    const p = prospects.codes[i] as number;
    contacts[p] = (contacts[p] as number) + 1;
    if (deals[i] === 1) {
      dealCount[p] = (dealCount[p] as number) + 1;
      sinceDeal[p] = 0;
    } else {
      sinceDeal[p] = (sinceDeal[p] as number) + 1;
    }
    if (dates !== null) last[p] = dates[i] as number;
  }
  const rows: ContactPolicyRow[] = [];
  const counts: Record<ContactStatus, number> = { active: 0, parked: 0, won: 0 };
  for (let p = 0; p < k; p++) {
    const without = sinceDeal[p] as number;
    const status: ContactStatus =
      without >= maxContacts ? "parked" : (dealCount[p] as number) > 0 ? "won" : "active";
    counts[status]++;
    const lastTime = last[p] as number;
    rows.push(
      Object.freeze({
        prospectId: prospects.labels[p] as string,
        contacts: contacts[p] as number,
        deals: dealCount[p] as number,
        contactsWithoutDeal: without,
        status,
        remainingContacts: Math.max(0, maxContacts - without),
        lastContact: Number.isNaN(lastTime) ? null : new Date(lastTime).toISOString().slice(0, 10),
      }),
    );
  }
  return withDisplay(
    {
      prospects: Object.freeze(rows),
      parked: Object.freeze(rows.filter((r) => r.status === "parked").map((r) => r.prospectId)),
      counts: Object.freeze(counts),
      options: { maxContacts },
    },
    {
      title: `Contact policy (park after ${maxContacts} contacts without a deal)`,
      summary: (r) => [
        `${r.prospects.length} prospects: ${r.counts.active} active, ${r.counts.won} won, ${r.counts.parked} parked`,
      ],
      rows: (r) => r.prospects,
    },
  );
}
