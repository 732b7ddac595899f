// The types of `qualifyProspects`: prospects, their fields, options and verdicts. They live in their own
// file so that qualifyProspects.ts holds the scoring alone.
import type { Field } from "../core/index.js";
import type { Offering, OfferingPayments, OfferingRequirement } from "./offering.js";
import type { ProspectPresetName, ProspectRules } from "./prospectQualificationPresets.js";

/**
 * The documented prospect record shape read by default. Every field can be
 * renamed or computed with the `fields` option (a key or an accessor).
 * `null` / `undefined` mean "not known" (see the missing-field policy of {@link qualifyProspects}).
 *
 * @example
 * ```ts
 * const salesman: ProspectRecord = {
 *   id: 3, income: 20000, incomeStability: "unstable", authority: "full",
 *   dependants: 1, lifeEvents: ["expecting a child"], health: "good",
 * };
 * qualifyProspects([salesman], { preset: "lifeInsurance" }).prospects[0]?.need; // => 0.75
 * ```
 */
export interface ProspectRecord {
  /** Your identifier of the prospect, echoed in the result. */
  readonly id: string | number;
  /**
   * Annual own income in currency units (0 = no own income), or a word from the
   * preset's `money.levels` (`"high"`, `"adequate"`, `"tight"`, `"none"`) when only a
   * description is known, e.g. a pension of unknown amount. Under the `generic` preset (no
   * priced offering, no income line) it is a score in [0, 1]; an amount there is an error.
   * For a B2B buyer: the annual budget of the line the offering is paid from.
   */
  readonly income?: number | string | null;
  /** `"stable"` or `"unstable"` (e.g. commission-only sales job). Not stated is read as stable. */
  readonly incomeStability?: "stable" | "unstable" | null;
  /**
   * How the income has moved over recent years: `"rising"`, `"flat"` or `"falling"` (the
   * preset's `money.trendFactors`). With an instalment to pay, a flat or falling income is an
   * instalment risk: it lowers the money score used for ranking, never the pass line.
   */
  readonly incomeTrend?: string | null;
  /** Savings available for the deposit or an upfront payment, in currency units. */
  readonly savings?: number | null;
  /**
   * The price the prospect is shopping at (currency units). An offering priced above
   * `budget x fit.maxOversize` is far pricier than the need (verdict `mismatch`, category
   * `oversized`); a budget below `fit.limits.price.min` is a requirement no offering of the kind meets.
   */
  readonly budget?: number | null;
  /** Who decides: `"full"`, `"shared"` (e.g. with a spouse) or `"none"`, or a score in [0, 1]. */
  readonly authority?: string | number | null;
  /** Number of people the prospect supports (spouse, children, parents). */
  readonly dependants?: number | null;
  /** Recent or coming life events, e.g. `["expecting a child"]`. */
  readonly lifeEvents?: readonly string[] | null;
  /** A stated need: a score in [0, 1] or a word (`"strong"`, `"moderate"`, `"weak"`, `"none"`). */
  readonly needStrength?: number | string | null;
  /** Health, read as an underwriting risk: `"good"`, `"fair"`, `"poor"`. */
  readonly health?: string | null;
  /**
   * Must-haves, matched against the `offering` option: feature names, or features with bounds
   * (`{ feature: "bedrooms", min: 3 }`); see {@link OfferingRequirement}.
   */
  readonly requirements?: readonly OfferingRequirement[] | null;
}

/**
 * Where each prospect attribute is read from: a key or an accessor `(record, index) => value`.
 *
 * @example
 * ```ts
 * const leads = [{ name: "x", budget: 50000, role: "owner" }];
 * const fields: ProspectFields<(typeof leads)[number]> = {
 *   id: "name",
 *   income: "budget",
 *   authority: (lead) => (lead.role === "owner" ? "full" : "none"),
 *   needStrength: () => "moderate",
 * };
 * qualifyProspects(leads, { fields, money: { minIncome: 0, fullIncome: 40000 } }).prospects[0]?.verdict;
 * // => "qualified"
 * ```
 */
export interface ProspectFields<T> {
  /** @defaultValue "id" */
  readonly id?: Field<T>;
  /** @defaultValue "income" */
  readonly income?: Field<T>;
  /** @defaultValue "incomeStability" */
  readonly incomeStability?: Field<T>;
  /** @defaultValue "authority" */
  readonly authority?: Field<T>;
  /** @defaultValue "dependants" */
  readonly dependants?: Field<T>;
  /** @defaultValue "lifeEvents" */
  readonly lifeEvents?: Field<T>;
  /** @defaultValue "needStrength" */
  readonly needStrength?: Field<T>;
  /** @defaultValue "health" */
  readonly health?: Field<T>;
  /** @defaultValue "requirements" */
  readonly requirements?: Field<T>;
  /** @defaultValue "incomeTrend" */
  readonly incomeTrend?: Field<T>;
  /** @defaultValue "savings" */
  readonly savings?: Field<T>;
  /** @defaultValue "budget" */
  readonly budget?: Field<T>;
}

/**
 * Verdict on a prospect: `qualified` (ranked), `nurture` (can pay and decides, lacks need:
 * create it), `defer` (come back later), `drop` (never worth it), `mismatch` (our offering does
 * not fit the prospect's requirements).
 *
 * @example
 * ```ts
 * const prospects: ProspectRecord[] = [
 *   { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *   { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 * ];
 * const verdicts: ProspectVerdict[] = qualifyProspects(prospects, { preset: "lifeInsurance" }).prospects.map(
 *   (p) => p.verdict,
 * ); // => ["qualified", "nurture"]
 * ```
 */
export type ProspectVerdict = "qualified" | "nurture" | "defer" | "drop" | "mismatch";

/**
 * Why a prospect is not qualified (null for qualified prospects):
 * - `cannotPay` (verdict `defer`): money below the line (income, or savings for the deposit, or
 *   income for the instalment);
 * - `noAuthority` (`defer`): does not decide;
 * - `noNeed` (`nurture`): can pay and decides, but no need yet;
 * - `productMismatch` (`mismatch`): the offering lacks a must-have;
 * - `oversized` (`mismatch`): the offering is far bigger or pricier than the need;
 * - `requirementsTooHigh` (`drop`): no offering of this kind meets the requirements;
 * - `underwritingRisk` (`drop`): an underwriting veto (e.g. poor health for life insurance);
 * - `unknown` (`defer`): income, savings, authority or need not known;
 * - `veto`: a custom veto of the `vetoes` option.
 *
 * @example
 * ```ts
 * const why: ProspectReasonCategory | null = qualifyProspects(
 *   [{ id: "A", income: 75000, authority: "full", dependants: 0, health: "good" }],
 *   { preset: "lifeInsurance" },
 * ).prospects[0]?.category ?? null; // => "noNeed"
 * ```
 */
export type ProspectReasonCategory =
  | "cannotPay"
  | "noAuthority"
  | "noNeed"
  | "productMismatch"
  | "oversized"
  | "requirementsTooHigh"
  | "underwritingRisk"
  | "unknown"
  | "veto";

/**
 * Where a qualified prospect stands: rank 1 is the `"first choice"`, rank 2 the `"second
 * choice"`, the rest are `"backup"` (null for prospects who are not qualified). For a single
 * item (one house), the first choice gets the first offer and the others wait in this order.
 *
 * @example
 * ```ts
 * const result = qualifyProspects(
 *   [
 *     { id: "A", income: 40000, authority: "full", dependants: 1 },
 *     { id: "B", income: 30000, authority: "full", dependants: 3 },
 *   ],
 *   { preset: "lifeInsurance" },
 * );
 * result.prospects.map((p) => p.choice); // => ["first choice", "second choice"]
 * ```
 */
export type ProspectChoice = "first choice" | "second choice" | "backup";

/**
 * A custom veto: `test` returns a reason (string) when the veto applies, or a
 * falsy value when it does not. The first veto that applies decides the verdict.
 *
 * @example
 * ```ts
 * const insured: ProspectVeto<ProspectRecord> = {
 *   verdict: "defer",
 *   test: (p) => p.id === 1 && "already insured until next year",
 * };
 * const result = qualifyProspects([{ id: 1, income: 40000, authority: "full", dependants: 2 }], {
 *   preset: "lifeInsurance",
 *   vetoes: [insured],
 * });
 * result.prospects[0]?.reason.split(";")[0]; // => "defer: already insured until next year"
 * ```
 */
export interface ProspectVeto<T> {
  /** The verdict the veto imposes. */
  readonly verdict: "drop" | "defer" | "mismatch";
  /** Returns the reason (a non-empty string) when the veto applies to the record, or a falsy value when it does not. */
  readonly test: (record: T, index: number) => string | null | undefined | false;
}

/**
 * Options of {@link qualifyProspects}. Rule groups are merged over the chosen preset.
 *
 * @example
 * ```ts
 * const options: QualifyProspectsOptions<ProspectRecord> = { offering: ["cloud"] };
 * const prospect: ProspectRecord = {
 *   id: "acme", income: "high", authority: "full", needStrength: "strong", requirements: ["cloud", "on-premise"],
 * };
 * qualifyProspects([prospect], options).prospects[0]?.verdict; // => "mismatch"
 * qualifyProspects([prospect], { ...options, minFit: 0.5 }).prospects[0]?.verdict; // => "qualified"
 * ```
 */
export interface QualifyProspectsOptions<T> {
  /** Rule set to start from. @defaultValue "generic" */
  readonly preset?: ProspectPresetName;
  /** Field keys or accessors. @defaultValue the {@link ProspectRecord} names */
  readonly fields?: ProspectFields<T>;
  /** Overrides of the money rules (maps such as `levels` are merged with the preset's). @defaultValue the preset's */
  readonly money?: Partial<ProspectRules["money"]>;
  /** Overrides of the authority rules. @defaultValue the preset's */
  readonly authority?: Partial<ProspectRules["authority"]>;
  /** Overrides of the need rules. @defaultValue the preset's */
  readonly need?: Partial<ProspectRules["need"]>;
  /**
   * Overrides of the ranking weights. Only their ratios matter (they are divided by the largest before
   * summing, so even weights near 1e308 give the same score as 1, 1, 1); not all 0.
   * @defaultValue the preset's
   */
  readonly weights?: Partial<ProspectRules["weights"]>;
  /** Overrides of the underwriting rules. @defaultValue the preset's */
  readonly underwriting?: Partial<ProspectRules["underwriting"]>;
  /**
   * What we sell: an {@link Offering} (price, financing, features), which makes Money an
   * affordability check and Need a fit check; or a plain list of what we provide (product fit
   * only, as before). @defaultValue the preset's (none)
   */
  readonly offering?: readonly string[] | Offering | null;
  /** Overrides of the fit rules (oversize ratio, limits of the offering kind). @defaultValue the preset's */
  readonly fit?: Partial<ProspectRules["fit"]>;
  /** Least covered share of stated requirements. @defaultValue 1 (every requirement) */
  readonly minFit?: number;
  /** Extra vetoes, checked after the underwriting veto. @defaultValue [] */
  readonly vetoes?: readonly ProspectVeto<T>[];
  /**
   * Policy for prospects whose income, authority or need is unknown: `"defer"` gives the
   * verdict `defer` with a reason naming what to find out; `"error"` throws
   * {@link InvalidRecordError} naming the row and field.
   * @defaultValue "defer"
   */
  readonly missing?: "defer" | "error";
}

/**
 * The verdict on one prospect.
 *
 * @example
 * ```ts
 * const prospects: ProspectRecord[] = [
 *   { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *   { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 * ];
 * const first: QualifiedProspect | undefined = qualifyProspects(prospects, { preset: "lifeInsurance" }).prospects[0];
 * [first?.verdict, first?.rank, first?.money, first?.need, first?.score]; // => ["qualified", 1, 1, 0.5, 0.875]
 * ```
 */
export interface QualifiedProspect {
  /** The prospect's id (the `id` field; the row number + 1 when absent). */
  readonly id: string | number;
  /** Zero-based row in the input. */
  readonly index: number;
  readonly verdict: ProspectVerdict;
  /** 1 = best, among qualified prospects only; null otherwise. */
  readonly rank: number | null;
  /** Money sub-score in [0, 1]; null when unknown. */
  readonly money: number | null;
  /** Authority sub-score in [0, 1]; null when unknown. */
  readonly authority: number | null;
  /** Need sub-score in [0, 1]; null when unknown. */
  readonly need: number | null;
  /** Weighted mean of the sub-scores x underwriting factor, in [0, 1]; null when a sub-score is unknown. */
  readonly score: number | null;
  /** `"first choice"`, `"second choice"` or `"backup"` among the qualified; null otherwise. */
  readonly choice: ProspectChoice | null;
  /** Why the prospect is not qualified; null when qualified. */
  readonly category: ProspectReasonCategory | null;
  /**
   * With a priced {@link Offering}: what the prospect is asked to pay and how well they can.
   * `cover` = the smaller of savings / upfront and (allowed share x monthly income) / instalment;
   * 1 means exactly affordable. Null without a priced offering or when income or savings are unknown.
   */
  readonly affordability: ProspectAffordability | null;
  /** One readable sentence: verdict and why. */
  readonly reason: string;
  /** The individual findings behind the reason. */
  readonly findings: readonly string[];
}

/**
 * Affordability of a priced offering for one prospect (see {@link QualifiedProspect.affordability}).
 *
 * @example
 * ```ts
 * const result = qualifyProspects(
 *   [{ id: "A", income: 60000, savings: 3000, authority: "full", needStrength: "strong" }],
 *   { preset: "consumerDurable", offering: { price: 1200, monthlyInstalment: 100 } },
 * );
 * const a: ProspectAffordability | null = result.prospects[0]?.affordability ?? null;
 * [a?.instalmentShare, a?.cover]; // => [0.02, 5]
 * ```
 */
export interface ProspectAffordability extends OfferingPayments {
  /** Share of the prospect's monthly income the instalment takes (null without an instalment). */
  readonly instalmentShare: number | null;
  /** The largest share allowed (the offering's, else the preset's `money.maxInstalmentShare`). */
  readonly maxInstalmentShare: number;
  /** How many times the prospect covers what is asked (the smaller of upfront and instalment cover). */
  readonly cover: number;
}

/**
 * Result of {@link qualifyProspects}.
 *
 * @example
 * ```ts
 * const prospects: ProspectRecord[] = [
 *   { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *   { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 * ];
 * const result: QualifyProspectsResult = qualifyProspects(prospects, { preset: "lifeInsurance" });
 * result.counts; // => { qualified: 1, nurture: 1, defer: 0, drop: 0, mismatch: 0 }
 * result.options; // => { preset: "lifeInsurance", missing: "defer" }
 * ```
 */
export interface QualifyProspectsResult {
  /** One verdict per input record, in input order. */
  readonly prospects: readonly QualifiedProspect[];
  /** Ids of the qualified prospects, best first. */
  readonly ranking: readonly (string | number)[];
  /** Number of prospects per verdict. */
  readonly counts: Readonly<Record<ProspectVerdict, number>>;
  /** The resolved rules. */
  readonly rules: ProspectRules;
  readonly options: { readonly preset: ProspectPresetName; readonly missing: "defer" | "error" };
}
