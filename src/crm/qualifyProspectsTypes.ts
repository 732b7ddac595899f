// The types of `qualifyProspects`: prospects, their fields, options and verdicts. They live in their own
// file so that qualifyProspects.ts holds the scoring alone.
import type { Field } from "../core/index.js";
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
   * description is known, e.g. a pension of unknown amount.
   */
  readonly income?: number | string | null;
  /** `"stable"` or `"unstable"` (e.g. commission-only sales job). Not stated is read as stable. */
  readonly incomeStability?: "stable" | "unstable" | null;
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
  /** What the prospect requires of the product, matched against the `offering` option. */
  readonly requirements?: readonly string[] | null;
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
  /** What we sell; enables the product-fit (mismatch) check. @defaultValue the preset's (none) */
  readonly offering?: readonly string[] | null;
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
  /** One readable sentence: verdict and why. */
  readonly reason: string;
  /** The individual findings behind the reason. */
  readonly findings: readonly string[];
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
