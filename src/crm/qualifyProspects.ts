import { z } from "zod";
import {
  type Field,
  InvalidOptionsError,
  InvalidRecordError,
  resolveField,
  withDisplay,
} from "../core/index.js";
import { fieldSchema, parseOptions } from "../core/options.js";
import { formatNumber } from "./internal/rate.js";
import { type ProspectRules, prospectQualificationPresets } from "./prospectQualificationPresets.js";

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
  ProspectFields,
  ProspectRecord,
  ProspectVerdict,
  ProspectVeto,
  QualifiedProspect,
  QualifyProspectsOptions,
  QualifyProspectsResult,
} from "./qualifyProspectsTypes.js";

const FN = "qualifyProspects";
const unit = z.number().min(0, "must be in [0, 1]").max(1, "must be in [0, 1]");
const positive = z.number().min(0, "must be at least 0").refine(Number.isFinite, "must be finite");
const scoreMap = z.record(z.string(), unit);

const schema = z
  .object({
    preset: z.enum(["lifeInsurance", "generic"]).default("generic"),
    fields: z
      .object({
        id: fieldSchema,
        income: fieldSchema,
        incomeStability: fieldSchema,
        authority: fieldSchema,
        dependants: fieldSchema,
        lifeEvents: fieldSchema,
        needStrength: fieldSchema,
        health: fieldSchema,
        requirements: fieldSchema,
      })
      .partial()
      .strict()
      .optional(),
    money: z
      .object({
        minIncome: positive,
        fullIncome: positive,
        unstableFactor: unit,
        levels: scoreMap,
        threshold: unit,
      })
      .partial()
      .strict()
      .optional(),
    authority: z.object({ levels: scoreMap, threshold: unit }).partial().strict().optional(),
    need: z
      .object({ perDependant: unit, lifeEvents: scoreMap, strengths: scoreMap, threshold: unit })
      .partial()
      .strict()
      .optional(),
    weights: z.object({ money: positive, authority: positive, need: positive }).partial().strict().optional(),
    underwriting: z
      .object({ veto: z.array(z.string()), factors: scoreMap })
      .partial()
      .strict()
      .optional(),
    offering: z.array(z.string()).nullable().optional(),
    minFit: unit.optional(),
    vetoes: z
      .array(
        z
          .object({
            verdict: z.enum(["drop", "defer", "mismatch"]),
            test: z.custom<(record: never, index: number) => unknown>((v) => typeof v === "function", {
              message: "expected a function returning a reason or a falsy value",
            }),
          })
          .strict(),
      )
      .default([]),
    missing: z.enum(["defer", "error"]).default("defer"),
  })
  .strict();

const FIELD_NAMES = [
  "id",
  "income",
  "incomeStability",
  "authority",
  "dependants",
  "lifeEvents",
  "needStrength",
  "health",
  "requirements",
] as const;
type FieldName = (typeof FIELD_NAMES)[number];

const isMissing = (value: unknown): value is null | undefined | "" =>
  value === null || value === undefined || value === "" || (typeof value === "number" && Number.isNaN(value));

const lower = (text: string) => text.trim().toLowerCase();
const fmt = (x: number) => x.toFixed(2);

/** Drops keys whose value is undefined, so a spread never overrides a preset value with undefined. */
function defined<O extends object>(value: O | undefined): { [K in keyof O]-?: Exclude<O[K], undefined> } {
  const out: Record<string, unknown> = {};
  if (value !== undefined) for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof O]-?: Exclude<O[K], undefined> };
}

/** A word map keyed by trimmed lower-case words, built once per call. */
type WordMap = ReadonlyMap<string, number>;
const wordMap = (map: Readonly<Record<string, number>>): WordMap =>
  new Map(Object.entries(map).map(([word, value]) => [lower(word), value]));
const lookup = (map: WordMap, word: string): number | undefined => map.get(lower(word));

/** The reasons a prospect falls short of the thresholds. */
function shortfalls(
  rules: ProspectRules,
  money: number | null,
  authority: number | null,
  need: number | null,
): string[] {
  const list: string[] = [];
  if (money !== null && money < rules.money.threshold) {
    list.push(`cannot pay (money ${fmt(money)} below ${fmt(rules.money.threshold)})`);
  }
  if (authority !== null && authority < rules.authority.threshold) {
    list.push(`does not decide (authority ${fmt(authority)} below ${fmt(rules.authority.threshold)})`);
  }
  if (need !== null && need < rules.need.threshold) {
    list.push(`no need yet (need ${fmt(need)} below ${fmt(rules.need.threshold)})`);
  }
  return list;
}

/**
 * Qualifies prospects by MAN — Money (can they pay?), Authority (do they
 * decide?) and Need (do they need it now?) — and ranks the qualified ones.
 *
 * Sub-scores, each in [0, 1] (rules and numbers in {@link prospectQualificationPresets}):
 * - money = income level x stability: a numeric income rises linearly from
 *   `minIncome` (0) to `fullIncome` (1); a word is looked up in `money.levels`;
 *   an unstable income is multiplied by `unstableFactor`;
 * - authority from `authority.levels` (`full`, `shared`, `none`) or a score;
 * - need = 1 - (1 - perDependant)^dependants x product over life events (1 - strength)
 *   x (1 - stated need): independent reasons to buy, so need grows with each and
 *   vanishes without any.
 *
 * Verdicts, decided in this order:
 * 1. `drop` — an underwriting veto (health in `underwriting.veto`): never worth it;
 * 2. custom `vetoes`, in order (their own verdict and reason);
 * 3. `mismatch` — `offering` set and it covers less than `minFit` of the stated requirements;
 * 4. `defer` — income, authority or need unknown (policy `missing: "defer"`; `"error"` throws);
 * 5. `qualified` — money, authority and need all at or above their thresholds; ranked by
 *    score = weighted mean of the sub-scores x the underwriting factor (ties keep input order);
 * 6. `nurture` — money and authority pass, need does not: create the need;
 * 7. `defer` — money or authority falls short: come back when circumstances change.
 *
 * Missing fields (`null`, `undefined`, `""`): income or authority missing makes that
 * sub-score unknown; need is unknown only when dependants, life events and stated need are
 * all missing (otherwise a missing one counts as none); a missing income stability is read
 * as stable; a missing health applies no underwriting rule; a missing id becomes the row
 * number + 1. Unknown sub-scores give `defer` (or an error under `missing: "error"`).
 *
 * Complexity: O(n log n) (the ranking sort). Inputs are not mutated.
 *
 * @param prospects - prospect records ({@link ProspectRecord} or your own type with `fields`)
 * @param options - preset, fields and rule overrides; see {@link QualifyProspectsOptions}
 * @returns verdicts in input order, the ranking, counts per verdict and the resolved rules
 * @throws {@link InvalidOptionsError} for invalid options (unknown keys, named with the nearest valid
 *   name, also inside `vetoes` entries; scores outside [0, 1],
 *   `fullIncome` not above `minIncome`)
 * @throws {@link InvalidRecordError} naming row and field for a value of the wrong type (negative
 *   or non-numeric income, an income, authority or stated-need word the rules do not know, a
 *   stability other than stable/unstable, dependants not a whole number >= 0, a non-string health,
 *   requirements not an array of strings), or any missing value under `missing: "error"`
 * @see Personal-selling MAN qualification (Money, Authority, Need); the worked life-insurance
 *   case in `MAN-EXAMPLES.md`.
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
 * ```
 */
export function qualifyProspects<T = ProspectRecord>(
  prospects: readonly T[],
  options: QualifyProspectsOptions<T> = {},
): Readonly<QualifyProspectsResult> {
  if (!Array.isArray(prospects)) {
    throw new InvalidOptionsError(FN, [
      { path: "prospects", message: "expected an array of prospect records", received: prospects },
    ]);
  }
  const parsed = parseOptions(FN, schema, options);
  const base = prospectQualificationPresets[parsed.preset];
  const rules: ProspectRules = {
    money: {
      ...base.money,
      ...defined(parsed.money),
      levels: { ...base.money.levels, ...parsed.money?.levels },
    },
    authority: {
      ...base.authority,
      ...defined(parsed.authority),
      levels: { ...base.authority.levels, ...parsed.authority?.levels },
    },
    need: {
      ...base.need,
      ...defined(parsed.need),
      lifeEvents: { ...base.need.lifeEvents, ...parsed.need?.lifeEvents },
      strengths: { ...base.need.strengths, ...parsed.need?.strengths },
    },
    weights: { ...base.weights, ...defined(parsed.weights) },
    underwriting: {
      ...base.underwriting,
      ...defined(parsed.underwriting),
      factors: { ...base.underwriting.factors, ...parsed.underwriting?.factors },
    },
    offering: parsed.offering === undefined ? base.offering : parsed.offering,
    minFit: parsed.minFit ?? base.minFit,
  };
  if (rules.money.fullIncome <= rules.money.minIncome) {
    throw new InvalidOptionsError(FN, [
      {
        path: "money.fullIncome",
        message: `must exceed money.minIncome (${rules.money.minIncome})`,
        received: rules.money.fullIncome,
      },
    ]);
  }
  // Weights relative to the largest, so huge weights (1e308) cannot overflow the total to Infinity
  // and the score to NaN; the score only depends on their ratios.
  const largestWeight = Math.max(rules.weights.money, rules.weights.authority, rules.weights.need);
  if (!(largestWeight > 0)) {
    throw new InvalidOptionsError(FN, [
      { path: "weights", message: "must not all be 0", received: rules.weights },
    ]);
  }
  const weightOf = {
    money: rules.weights.money / largestWeight,
    authority: rules.weights.authority / largestWeight,
    need: rules.weights.need / largestWeight,
  };
  const weightTotal = weightOf.money + weightOf.authority + weightOf.need;

  const fieldOptions = (parsed.fields ?? {}) as ProspectFields<T>;
  const read = {} as Record<FieldName, (record: T, index: number) => unknown>;
  const label = {} as Record<FieldName, string>;
  for (const name of FIELD_NAMES) {
    const resolved = resolveField<T>((fieldOptions[name] ?? name) as Field<T>, `fields.${name}`);
    read[name] = resolved.read;
    label[name] = resolved.label;
  }
  const vetoes = parsed.vetoes as unknown as readonly ProspectVeto<T>[];
  const offering = rules.offering === null ? null : new Set(rules.offering.map(lower));

  const maps = {
    money: wordMap(rules.money.levels),
    authority: wordMap(rules.authority.levels),
    lifeEvents: wordMap(rules.need.lifeEvents),
    strengths: wordMap(rules.need.strengths),
    factors: wordMap(rules.underwriting.factors),
  };
  const vetoWords = new Set(rules.underwriting.veto.map(lower));
  const missingIsError = parsed.missing === "error";
  const missingValue = (name: FieldName, value: unknown, row: number): boolean => {
    if (!isMissing(value)) return false;
    if (missingIsError) {
      throw new InvalidRecordError(
        FN,
        row,
        label[name],
        value,
        `expected a value for ${name} (or use missing: "defer")`,
      );
    }
    return true;
  };

  const out: { -readonly [K in keyof QualifiedProspect]: QualifiedProspect[K] }[] = [];
  for (let i = 0; i < prospects.length; i++) {
    const record = prospects[i] as T;
    if (record === null || typeof record !== "object") {
      throw new InvalidRecordError(FN, i, "prospect", record, "expected a prospect record (an object)");
    }
    const rawId = read.id(record, i);
    const id: string | number = typeof rawId === "string" || typeof rawId === "number" ? rawId : i + 1;
    const findings: string[] = [];
    const unknown: string[] = [];

    // Money.
    const incomeValue = read.income(record, i);
    let money: number | null = null;
    if (!missingValue("income", incomeValue, i)) {
      let level: number;
      let described: string;
      if (typeof incomeValue === "number" && Number.isFinite(incomeValue) && incomeValue >= 0) {
        const { minIncome, fullIncome } = rules.money;
        level = Math.min(1, Math.max(0, (incomeValue - minIncome) / (fullIncome - minIncome)));
        described = incomeValue === 0 ? "no own income" : `income ${formatNumber(incomeValue)}`;
      } else if (typeof incomeValue === "string" && lookup(maps.money, incomeValue) !== undefined) {
        level = lookup(maps.money, incomeValue) as number;
        described = `income ${lower(incomeValue)}`;
      } else {
        throw new InvalidRecordError(
          FN,
          i,
          label.income,
          incomeValue,
          `expected an annual income >= 0 or one of ${Object.keys(rules.money.levels).join(", ")}`,
        );
      }
      const stability = read.incomeStability(record, i);
      let factor = 1;
      if (!isMissing(stability)) {
        if (stability === "unstable") factor = rules.money.unstableFactor;
        else if (stability !== "stable") {
          throw new InvalidRecordError(
            FN,
            i,
            label.incomeStability,
            stability,
            'expected "stable" or "unstable"',
          );
        }
      }
      money = level * factor;
      if (level > 0 && factor < 1) described += ", unstable";
      findings.push(`money ${fmt(money)} (${described})`);
    } else {
      unknown.push("income");
    }

    // Authority.
    const authorityValue = read.authority(record, i);
    let authority: number | null = null;
    if (!missingValue("authority", authorityValue, i)) {
      if (typeof authorityValue === "number" && authorityValue >= 0 && authorityValue <= 1) {
        authority = authorityValue;
        findings.push(`authority ${fmt(authority)}`);
      } else if (typeof authorityValue === "string" && lookup(maps.authority, authorityValue) !== undefined) {
        authority = lookup(maps.authority, authorityValue) as number;
        findings.push(`authority ${lower(authorityValue)}`);
      } else {
        throw new InvalidRecordError(
          FN,
          i,
          label.authority,
          authorityValue,
          `expected a score in [0, 1] or one of ${Object.keys(rules.authority.levels).join(", ")}`,
        );
      }
    } else {
      unknown.push("authority");
    }

    // Need.
    const dependantsValue = read.dependants(record, i);
    const eventsValue = read.lifeEvents(record, i);
    const statedValue = read.needStrength(record, i);
    let need: number | null = null;
    if (isMissing(dependantsValue) && isMissing(eventsValue) && isMissing(statedValue)) {
      if (parsed.missing === "error") missingValue("dependants", dependantsValue, i);
      unknown.push("need");
    } else {
      let keep = 1;
      const why: string[] = [];
      if (!isMissing(dependantsValue)) {
        if (
          typeof dependantsValue !== "number" ||
          !Number.isInteger(dependantsValue) ||
          dependantsValue < 0
        ) {
          throw new InvalidRecordError(
            FN,
            i,
            label.dependants,
            dependantsValue,
            "expected a whole number >= 0",
          );
        }
        if (dependantsValue > 0 && rules.need.perDependant > 0) {
          keep *= (1 - rules.need.perDependant) ** dependantsValue;
          why.push(`${dependantsValue} dependant${dependantsValue === 1 ? "" : "s"}`);
        }
      }
      if (!isMissing(eventsValue)) {
        if (!Array.isArray(eventsValue)) {
          throw new InvalidRecordError(
            FN,
            i,
            label.lifeEvents,
            eventsValue,
            "expected an array of life events",
          );
        }
        for (const event of eventsValue) {
          const strength = typeof event === "string" ? lookup(maps.lifeEvents, event) : undefined;
          if (strength === undefined)
            findings.push(`life event ${JSON.stringify(event)} not recognised, ignored`);
          else if (strength > 0) {
            keep *= 1 - strength;
            why.push(lower(event as string));
          }
        }
      }
      if (!isMissing(statedValue)) {
        let strength: number | undefined;
        if (typeof statedValue === "number" && statedValue >= 0 && statedValue <= 1) strength = statedValue;
        else if (typeof statedValue === "string") strength = lookup(maps.strengths, statedValue);
        if (strength === undefined) {
          throw new InvalidRecordError(
            FN,
            i,
            label.needStrength,
            statedValue,
            `expected a score in [0, 1] or one of ${Object.keys(rules.need.strengths).join(", ")}`,
          );
        }
        if (strength > 0) {
          keep *= 1 - strength;
          why.push(
            `stated need ${typeof statedValue === "number" ? fmt(strength) : lower(statedValue as string)}`,
          );
        }
      }
      need = 1 - keep;
      findings.push(
        `need ${fmt(need)} (${why.length === 0 ? "no dependants, no life event" : why.join(", ")})`,
      );
    }

    // Underwriting.
    const healthValue = read.health(record, i);
    let underwritingFactor = 1;
    let underwritingVeto = false;
    if (!isMissing(healthValue)) {
      if (typeof healthValue !== "string") {
        throw new InvalidRecordError(
          FN,
          i,
          label.health,
          healthValue,
          "expected a health word such as good, fair, poor",
        );
      }
      const health = lower(healthValue);
      if (vetoWords.has(health)) underwritingVeto = true;
      const factor = lookup(maps.factors, health);
      if (factor !== undefined && factor !== 1) {
        underwritingFactor = factor;
        findings.push(`${health} health loads the score by ${fmt(factor)}`);
      }
    }

    // Product fit.
    let fitReason: string | null = null;
    if (offering !== null) {
      const requirements = read.requirements(record, i);
      if (!isMissing(requirements)) {
        if (!Array.isArray(requirements) || requirements.some((r) => typeof r !== "string")) {
          throw new InvalidRecordError(
            FN,
            i,
            label.requirements,
            requirements,
            "expected an array of strings",
          );
        }
        if (requirements.length > 0) {
          const unmet = (requirements as string[]).filter((r) => !offering.has(lower(r)));
          const fit = 1 - unmet.length / requirements.length;
          if (fit < rules.minFit) {
            fitReason = `our offering does not cover ${unmet.map((r) => JSON.stringify(r)).join(", ")} (fit ${fmt(fit)} below ${fmt(rules.minFit)})`;
          }
        }
      }
    }

    const passMoney = money !== null && money >= rules.money.threshold;
    const passAuthority = authority !== null && authority >= rules.authority.threshold;
    const passNeed = need !== null && need >= rules.need.threshold;
    const score =
      money === null || authority === null || need === null
        ? null
        : ((weightOf.money * money + weightOf.authority * authority + weightOf.need * need) / weightTotal) *
          underwritingFactor;

    let verdict: ProspectVerdict;
    let why: string;
    let custom: { verdict: ProspectVerdict; reason: string } | undefined;
    for (const veto of vetoes) {
      const reason = veto.test(record, i);
      if (reason) {
        custom = { verdict: veto.verdict, reason: String(reason) };
        break;
      }
    }
    if (underwritingVeto) {
      verdict = "drop";
      const also = shortfalls(rules, money, authority, need);
      why = `underwriting risk (${lower(healthValue as string)} health) is too high to insure${
        also.length > 0 ? `; also ${also.join(", ")}` : ""
      }`;
    } else if (custom !== undefined) {
      verdict = custom.verdict;
      why = custom.reason;
    } else if (fitReason !== null) {
      verdict = "mismatch";
      why = fitReason;
    } else if (unknown.length > 0) {
      verdict = "defer";
      why = `${unknown.join(", ")} not known: find out before qualifying`;
    } else if (passMoney && passAuthority && passNeed) {
      verdict = "qualified";
      why = `can pay, decides and needs it (score ${fmt(score as number)})`;
    } else if (passMoney && passAuthority) {
      verdict = "nurture";
      why = `can pay and decides, but ${shortfalls(rules, money, authority, need).join(", ")}: create the need`;
    } else {
      verdict = "defer";
      why = `${shortfalls(rules, money, authority, need).join(", ")}: come back when circumstances change`;
    }
    out.push({
      id,
      index: i,
      verdict,
      rank: null,
      money,
      authority,
      need,
      score,
      reason: `${verdict}: ${why}; ${findings.join("; ")}`,
      findings,
    });
  }

  const qualified = out
    .filter((p) => p.verdict === "qualified")
    .sort((a, b) => (b.score as number) - (a.score as number) || a.index - b.index);
  qualified.forEach((p, r) => {
    p.rank = r + 1;
    p.reason = `qualified (rank ${r + 1})${p.reason.slice("qualified".length)}`;
  });
  const prospectsOut: readonly QualifiedProspect[] = out.map((p) => Object.freeze(p));
  const counts: Record<ProspectVerdict, number> = {
    qualified: 0,
    nurture: 0,
    defer: 0,
    drop: 0,
    mismatch: 0,
  };
  for (const p of prospectsOut) counts[p.verdict]++;

  return withDisplay(
    {
      prospects: Object.freeze(prospectsOut),
      ranking: Object.freeze(qualified.map((p) => p.id)),
      counts: Object.freeze(counts),
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
      rows: (r) =>
        r.prospects.map((p) => ({
          id: p.id,
          verdict: p.verdict,
          rank: p.rank,
          money: p.money,
          authority: p.authority,
          need: p.need,
          score: p.score,
        })),
    },
  );
}
