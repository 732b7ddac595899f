import { type Field, InvalidRecordError, resolveField, withDisplay } from "../core/index.js";
import { moneyContextOf, moneyOf } from "./internal/manMoney.js";
import { fitContextOf, fitOf, urgencyOf } from "./internal/manNeed.js";
import { parseQualifyOptions, resolveRules } from "./internal/manOptions.js";
import { countVerdicts, decideVerdict, rankQualified } from "./internal/manRanking.js";
import {
  fmt,
  lookup,
  lower,
  MAN_FN,
  PROSPECT_FIELDS,
  type ProspectFieldName,
  ProspectRowReader,
  scoreOf,
  scoreText,
  wordMap,
} from "./internal/manWords.js";
import { isMissing, requireArray } from "./internal/records.js";
import type { Offering } from "./offering.js";
import type {
  ProspectFields,
  ProspectRecord,
  ProspectVerdict,
  ProspectVeto,
  QualifiedProspect,
  QualifyProspectsOptions,
  QualifyProspectsResult,
} from "./qualifyProspectsTypes.js";

export type {
  ProspectAffordability,
  ProspectChoice,
  ProspectFields,
  ProspectReasonCategory,
  ProspectRecord,
  ProspectVerdict,
  ProspectVeto,
  QualifiedProspect,
  QualifyProspectsOptions,
  QualifyProspectsResult,
} from "./qualifyProspectsTypes.js";

/**
 * Qualifies prospects by MAN — Money (can they pay?), Authority (do they
 * decide?) and Need (do they need it now?) — for any offering, and ranks the
 * qualified ones as first choice, second choice and backups.
 *
 * Sub-scores, each in [0, 1] (rules and numbers in {@link prospectQualificationPresets}):
 * - money, without a priced offering: income level x stability — a numeric income rises
 *   linearly from `minIncome` (0) to `fullIncome` (1) (under `money.incomeScale: "score"`, as in
 *   the `generic` preset, it is a score and an amount above 1 is an error); a word is looked up in
 *   `money.levels`; an unstable income is multiplied by `unstableFactor`;
 * - money, with a priced {@link Offering} (`offering: { price, deposit, loan, ... }`):
 *   affordability. cover = min(savings / upfront, maxInstalmentShare x monthly income x
 *   stability / instalment) (payments by {@link offeringPayments}); money passes at cover >=
 *   `minCover` and scores min(1, cover / `fullCover`) x the income-trend factor, so an income
 *   flat for years lowers the ranking (an instalment risk) but never vetoes;
 * - authority from `authority.levels` (`full`, `shared`, `none`) or a score;
 * - need = 1 - (1 - perDependant)^dependants x product over life events (1 - strength)
 *   x (1 - stated need): independent reasons to buy, so need grows with household size and
 *   life events and vanishes without any;
 * - fit between the prospect's `requirements` (must-haves) and the offering's features: see the
 *   verdicts below.
 *
 * Verdicts (and reason categories), decided in this order:
 * 1. `drop` (`underwritingRisk`) — health in `underwriting.veto`: never worth it;
 * 2. custom `vetoes`, in order (their own verdict and reason; category `veto`);
 * 3. `drop` (`requirementsTooHigh`) — a requirement outside `fit.limits`, what any offering of
 *    this kind can have, or a budget below the cheapest;
 * 4. `mismatch` (`productMismatch`) — the offering covers less than `minFit` of the must-haves;
 * 5. `mismatch` (`oversized`) — the offering exceeds a `min` must-have or the prospect's budget by
 *    more than `fit.maxOversize` times: far bigger or pricier than the need;
 * 6. `defer` (`unknown`) — income, savings, authority or need unknown (policy `missing: "defer"`;
 *    `"error"` throws);
 * 7. `qualified` — money, authority and need all pass; ranked by score = weighted mean of the
 *    sub-scores x the underwriting factor (ties keep input order); rank 1 is the `"first choice"`,
 *    rank 2 the `"second choice"`, the rest `"backup"`;
 * 8. `nurture` (`noNeed`) — money and authority pass, need does not: create the need;
 * 9. `defer` (`cannotPay` or `noAuthority`) — come back when circumstances change.
 *
 * Missing fields (`null`, `undefined`, `""`): income or authority missing makes that
 * sub-score unknown (with a priced offering, income is needed only for an instalment and savings
 * only for an upfront payment); need is unknown only when dependants, life events and stated
 * need are all missing (otherwise a missing one counts as none); a missing income stability is
 * read as stable and a missing trend as no risk; missing health applies no underwriting rule;
 * missing requirements or budget check nothing; a missing id becomes the row number + 1.
 *
 * Complexity: O(n log n) (the ranking sort). Inputs are not mutated.
 *
 * @param prospects - prospect records ({@link ProspectRecord} or your own type with `fields`)
 * @param options - preset, offering, fields and rule overrides; see {@link QualifyProspectsOptions}
 * @returns verdicts in input order (with rank, choice, reason category and affordability), the
 *   ranking, counts per verdict and the resolved rules
 * @throws {@link InvalidOptionsError} for invalid options (unknown keys, named with the nearest valid
 *   name, also inside `vetoes` entries and the offering; scores outside [0, 1], `fullIncome` not
 *   above `minIncome`, an offering without a positive price or with both a loan and an instalment)
 * @throws {@link InvalidRecordError} naming row and field for a value of the wrong type (negative
 *   or non-numeric income, an amount where the rules expect a score in [0, 1], a word income
 *   against a priced offering, an income, authority, trend or stated-need word the rules do not
 *   know, a stability other than stable/unstable, dependants not a whole number >= 0, a non-string
 *   health, requirements not feature names or `{ feature, min, max }`), or any missing value under
 *   `missing: "error"`
 * @see Personal-selling MAN qualification (Money, Authority, Need); the worked cases told in
 *   `examples/man/README.md` and one script per preset in `examples/man/`.
 * @example
 * ```ts
 * const result = qualifyProspects(
 *   [
 *     { id: "A", income: 40000, authority: "full", dependants: 1, health: "good" },
 *     { id: "B", income: 75000, authority: "full", dependants: 0, health: "good" },
 *   ],
 *   { preset: "lifeInsurance" },
 * );
 * result.prospects.map((p) => p.verdict); // => ["qualified", "nurture"]
 * result.ranking;                          // => ["A"]
 *
 * const house = {
 *   price: 240000, depositShare: 0.2, loan: { annualRate: 0.045, years: 25 },
 *   provides: { bedrooms: 3, garden: true },
 * };
 * const families = qualifyProspects(
 *   [
 *     { id: "C", income: 90000, savings: 60000, authority: "shared", dependants: 3, requirements: ["garden"] },
 *     { id: "D", income: 36000, savings: 10000, authority: "full", dependants: 2 },
 *     { id: "E", income: 150000, savings: 300000, authority: "full", dependants: 0,
 *       requirements: [{ feature: "bedrooms", min: 1 }] },
 *   ],
 *   { preset: "realEstate", offering: house },
 * );
 * families.prospects.map((p) => [p.verdict, p.choice ?? p.category]);
 * // => [["qualified", "first choice"], ["defer", "cannotPay"], ["mismatch", "oversized"]]
 * ```
 */
export function qualifyProspects<T = ProspectRecord>(
  prospects: readonly T[],
  options: QualifyProspectsOptions<T> = {},
): Readonly<QualifyProspectsResult> {
  requireArray(MAN_FN, "prospects", "prospect records", prospects);
  const parsed = parseQualifyOptions(options);
  const rules = resolveRules(parsed);
  // Weights relative to the largest, so huge weights (1e308) cannot overflow the total to Infinity
  // and the score to NaN; the score only depends on their ratios.
  const largestWeight = Math.max(rules.weights.money, rules.weights.authority, rules.weights.need);
  const weightOf = {
    money: rules.weights.money / largestWeight,
    authority: rules.weights.authority / largestWeight,
    need: rules.weights.need / largestWeight,
  };
  const weightTotal = weightOf.money + weightOf.authority + weightOf.need;

  const fieldOptions = (parsed.fields ?? {}) as ProspectFields<T>;
  const read = {} as Record<ProspectFieldName, (record: T, index: number) => unknown>;
  const label = {} as Record<ProspectFieldName, string>;
  for (const name of PROSPECT_FIELDS) {
    const resolved = resolveField<T>((fieldOptions[name] ?? name) as Field<T>, `fields.${name}`);
    read[name] = resolved.read;
    label[name] = resolved.label;
  }
  const vetoes = parsed.vetoes as unknown as readonly ProspectVeto<T>[];
  const priced =
    rules.offering !== null && !Array.isArray(rules.offering) ? (rules.offering as Offering) : null;
  const moneyContext = moneyContextOf(rules.money, priced);

  const maps = {
    authority: wordMap(rules.authority.levels),
    lifeEvents: wordMap(rules.need.lifeEvents),
    strengths: wordMap(rules.need.strengths),
    factors: wordMap(rules.underwriting.factors),
  };
  const vetoWords = new Set(rules.underwriting.veto.map(lower));
  const rows = new ProspectRowReader(read, label, parsed.missing === "error");
  const fitContext = fitContextOf(rules.offering, rules.fit, rules.minFit);

  const out: { -readonly [K in keyof QualifiedProspect]: QualifiedProspect[K] }[] = [];
  for (let i = 0; i < prospects.length; i++) {
    const record = prospects[i] as T;
    if (record === null || typeof record !== "object") {
      throw new InvalidRecordError(MAN_FN, i, "prospect", record, "expected a prospect record (an object)");
    }
    const row = rows.at(record, i);
    const rawId = row.value("id");
    const id: string | number = typeof rawId === "string" || typeof rawId === "number" ? rawId : i + 1;

    const moneyOutcome = moneyOf(row, moneyContext);
    const { money } = moneyOutcome;
    const findings: string[] = [...moneyOutcome.findings];
    const unknown: string[] = [...moneyOutcome.unknown];

    // Authority.
    const authorityValue = row.value("authority");
    let authority: number | null = null;
    if (!row.missing("authority", authorityValue)) {
      authority = scoreOf(row, "authority", authorityValue, maps.authority, rules.authority.levels);
      findings.push(`authority ${scoreText(authorityValue, authority)}`);
    } else {
      unknown.push("authority");
    }

    // Need: urgency, then fit with the offering.
    const urgency = urgencyOf(row, rules.need, maps.lifeEvents, maps.strengths);
    const { need } = urgency;
    if (need === null) unknown.push("need");
    findings.push(...urgency.findings);
    const fit = fitOf(row, fitContext);

    // Underwriting.
    const healthValue = row.value("health");
    let underwritingFactor = 1;
    let underwritingVeto: string | null = null;
    if (!isMissing(healthValue)) {
      if (typeof healthValue !== "string") {
        row.fail("health", healthValue, "expected a health word such as good, fair, poor");
      }
      const health = lower(healthValue as string);
      if (vetoWords.has(health)) underwritingVeto = health;
      const factor = lookup(maps.factors, health);
      if (factor !== undefined && factor !== 1) {
        underwritingFactor = factor;
        findings.push(`${health} health loads the score by ${fmt(factor)}`);
      }
    }

    const shortfalls: string[] = [];
    if (moneyOutcome.shortfall !== null) shortfalls.push(moneyOutcome.shortfall);
    if (authority !== null && authority < rules.authority.threshold) {
      shortfalls.push(
        `does not decide (authority ${fmt(authority)} below ${fmt(rules.authority.threshold)})`,
      );
    }
    if (need !== null && need < rules.need.threshold) {
      shortfalls.push(`no need yet (need ${fmt(need)} below ${fmt(rules.need.threshold)})`);
    }
    const score =
      money === null || authority === null || need === null
        ? null
        : ((weightOf.money * money + weightOf.authority * authority + weightOf.need * need) / weightTotal) *
          underwritingFactor;
    let custom: { verdict: ProspectVerdict; reason: string } | undefined;
    for (const veto of vetoes) {
      const reason = veto.test(record, i);
      if (reason) {
        custom = { verdict: veto.verdict, reason: String(reason) };
        break;
      }
    }
    const decided = decideVerdict({
      underwritingVeto,
      custom,
      fit,
      unknown,
      passMoney: money !== null && moneyOutcome.pass,
      passAuthority: authority !== null && authority >= rules.authority.threshold,
      passNeed: need !== null && need >= rules.need.threshold,
      shortfalls,
      score,
    });
    out.push({
      id,
      index: i,
      verdict: decided.verdict,
      rank: null,
      choice: null,
      category: decided.category,
      money,
      authority,
      need,
      score,
      affordability: moneyOutcome.affordability,
      reason: `${decided.verdict}: ${decided.why}; ${findings.join("; ")}`,
      findings,
    });
  }

  const qualified = rankQualified(out);
  const prospectsOut: readonly QualifiedProspect[] = out.map((p) => Object.freeze(p));
  return withDisplay(
    {
      prospects: Object.freeze(prospectsOut),
      ranking: Object.freeze(qualified.map((p) => p.id)),
      counts: Object.freeze(countVerdicts(prospectsOut)),
      rules,
      options: { preset: parsed.preset, missing: parsed.missing },
    },
    {
      title: `MAN prospect qualification (${parsed.preset} rules)`,
      summary: (r) => [
        `${r.prospects.length} prospects: ${Object.entries(r.counts)
          .filter(([, n]) => n > 0)
          .map(([v, n]) => `${n} ${v}`)
          .join(", ")}; ranking: ${r.ranking.join(", ") || "(none)"}`,
      ],
      // id, verdict, rank, choice, category, money, authority, need, score
      rows: (r) => r.prospects.map(({ index, affordability, reason, findings, ...row }) => row),
    },
  );
}
