// Options of qualifyProspects: their rules and the merge of overrides over a preset's rules.
import { InvalidOptionsError } from "../../core/index.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import {
  checkOptions,
  custom,
  field,
  list,
  nested,
  type OptionRule,
  type OptionValues,
  oneOf,
} from "../../core/internal/optionRules.js";
import { expected } from "../../core/internal/optionWords.js";
import type { Offering } from "../offering.js";
import { type ProspectRules, prospectQualificationPresets } from "../prospectQualificationPresets.js";
import {
  amount,
  instalmentShare,
  inUnit,
  limitMap,
  numberRule,
  offeringRule,
  positiveAmount,
  scoreMap,
} from "./manRules.js";
import { MAN_FN } from "./manWords.js";

const unit = numberRule("a number", [inUnit], "expected a number in [0, 1]");
const anyField = field<string | ((record: never, index: number) => unknown)>();
const VERDICTS = ["drop", "defer", "mismatch"];
const VETO_KEYS = ["verdict", "test"];

/** A veto: a verdict and a test of a record. */
type Veto = { verdict: "drop" | "defer" | "mismatch"; test: (record: never, index: number) => unknown };

/** The vetoes: an array of `{ verdict, test }`, each problem an issue at its entry (or its key). */
const vetoList: OptionRule<readonly Veto[], true> = {
  accepts: "an array",
  optional: true,
  check: (vetoes, report) => {
    if (!Array.isArray(vetoes)) {
      report(expected("an array", vetoes), vetoes);
      return vetoes as readonly Veto[];
    }
    vetoes.forEach((veto: unknown, i) => {
      if (typeof veto !== "object" || veto === null || Array.isArray(veto)) {
        report(expected("an object { verdict, test }", veto), veto, [String(i)]);
        return;
      }
      const { verdict, test } = veto as { verdict?: unknown; test?: unknown };
      if (!VERDICTS.includes(verdict as never))
        report('Invalid option: expected one of "drop"|"defer"|"mismatch"', verdict, [String(i), "verdict"]);
      if (typeof test !== "function")
        report("expected a function returning a reason or a falsy value", test, [String(i), "test"]);
      for (const key of Object.keys(veto))
        if (key !== "verdict" && key !== "test")
          report(unknownOptionMessage(key, VETO_KEYS), (veto as Record<string, unknown>)[key], [
            String(i),
            key,
          ]);
    });
    return vetoes;
  },
};

/** Rules of the qualifyProspects options (exported for the equivalence test of crm's option rules). */
export const qualifyProspectsShape = {
  preset: oneOf(["lifeInsurance", "generic", "realEstate", "b2bService", "consumerDurable"]),
  fields: nested({
    id: anyField,
    income: anyField,
    incomeStability: anyField,
    authority: anyField,
    dependants: anyField,
    lifeEvents: anyField,
    needStrength: anyField,
    health: anyField,
    requirements: anyField,
    incomeTrend: anyField,
    savings: anyField,
    budget: anyField,
  }),
  money: nested({
    incomeScale: oneOf(["amount", "score"]),
    minIncome: amount,
    fullIncome: amount,
    unstableFactor: unit,
    levels: scoreMap,
    threshold: unit,
    maxInstalmentShare: instalmentShare,
    minCover: positiveAmount,
    fullCover: positiveAmount,
    trendFactors: scoreMap,
  }),
  authority: nested({ levels: scoreMap, threshold: unit }),
  need: nested({ perDependant: unit, lifeEvents: scoreMap, strengths: scoreMap, threshold: unit }),
  weights: nested({ money: amount, authority: amount, need: amount }),
  underwriting: nested({
    veto: list<string>(0, (item) => (typeof item === "string" ? undefined : expected("a string", item))),
    factors: scoreMap,
  }),
  // A list of what we provide, an Offering (checked with offeringRule in resolveRules) or null.
  offering: custom<readonly string[] | Offering | null>("a valid value", (value) =>
    value === null ||
    (Array.isArray(value) ? value.every((item) => typeof item === "string") : typeof value === "object")
      ? undefined
      : "expected an array of feature names, an offering object or null",
  ),
  minFit: unit,
  fit: nested({
    maxOversize: numberRule("a number >= 1", [[(value) => value >= 1, "must be at least 1"]]),
    // loose: resolveRules names an unknown key with the nearest of min and max
    limits: limitMap,
  }),
  vetoes: vetoList,
  missing: oneOf(["defer", "error"]),
};

type RawQualifyOptions = OptionValues<typeof qualifyProspectsShape>;

/** The parsed options of qualifyProspects with the defaults of preset, vetoes and missing applied. */
export type ParsedQualifyOptions = RawQualifyOptions & {
  readonly preset: Exclude<RawQualifyOptions["preset"], undefined>;
  readonly vetoes: Exclude<RawQualifyOptions["vetoes"], undefined>;
  readonly missing: Exclude<RawQualifyOptions["missing"], undefined>;
};

/**
 * Checks the options of qualifyProspects (InvalidOptionsError listing every issue) and applies the
 * defaults: preset "generic", no vetoes, missing "defer".
 */
export function parseQualifyOptions(options: unknown): ParsedQualifyOptions {
  const parsed = checkOptions(MAN_FN, qualifyProspectsShape, options);
  return {
    ...parsed,
    preset: parsed.preset ?? "generic",
    vetoes: parsed.vetoes ?? [],
    missing: parsed.missing ?? "defer",
  };
}

/** Drops keys whose value is undefined, so a spread never overrides a preset value with undefined. */
function defined<O extends object>(value: O | undefined): { [K in keyof O]-?: Exclude<O[K], undefined> } {
  const out: Record<string, unknown> = {};
  if (value !== undefined) for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof O]-?: Exclude<O[K], undefined> };
}

/** The preset's rules with the call's overrides merged over them (maps merged key by key), checked. */
export function resolveRules(parsed: ParsedQualifyOptions): ProspectRules {
  const base = prospectQualificationPresets[parsed.preset];
  const money = defined(parsed.money);
  // Overriding the income line means amounts: generic's [0, 1] line then reads currency.
  const incomeScale =
    money.incomeScale ??
    (money.minIncome !== undefined || money.fullIncome !== undefined ? "amount" : base.money.incomeScale);
  const rules: ProspectRules = {
    money: {
      ...base.money,
      // Scores read on [0, 1] unless the call moves the line itself.
      ...(incomeScale === "score" && base.money.incomeScale === "amount"
        ? { minIncome: 0, fullIncome: 1 }
        : {}),
      ...money,
      incomeScale,
      levels: { ...base.money.levels, ...parsed.money?.levels },
      trendFactors: { ...base.money.trendFactors, ...parsed.money?.trendFactors },
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
    offering:
      parsed.offering === undefined
        ? base.offering
        : parsed.offering === null || Array.isArray(parsed.offering)
          ? parsed.offering
          : checkOptions(MAN_FN, { offering: offeringRule }, { offering: parsed.offering }).offering,
    minFit: parsed.minFit ?? base.minFit,
    fit: {
      ...base.fit,
      ...defined(parsed.fit),
      limits: { ...base.fit.limits, ...(parsed.fit?.limits as ProspectRules["fit"]["limits"] | undefined) },
    },
  };
  const issues: { path: string; message: string; received: unknown }[] = [];
  const issue = (path: string, message: string, received: unknown) => {
    issues.push({ path, message, received });
  };
  const { fullIncome, minIncome, fullCover, minCover } = rules.money;
  if (fullIncome <= minIncome)
    issue("money.fullIncome", `must exceed money.minIncome (${minIncome})`, fullIncome);
  if (fullCover < minCover)
    issue("money.fullCover", `must be at least money.minCover (${minCover})`, fullCover);
  for (const [feature, limit] of Object.entries(rules.fit.limits)) {
    for (const key of Object.keys(limit)) {
      if (key === "min" || key === "max") continue;
      // worded as parseOptions words an unknown key
      issue(
        `fit.limits.${feature}.${key}`,
        unknownOptionMessage(key, ["min", "max"]),
        (limit as Record<string, unknown>)[key],
      );
    }
    if (limit.min !== undefined && limit.max !== undefined && limit.min > limit.max) {
      issue(`fit.limits.${feature}`, "min must not exceed max", limit);
    }
  }
  if (!(Math.max(rules.weights.money, rules.weights.authority, rules.weights.need) > 0)) {
    issue("weights", "must not all be 0", rules.weights);
  }
  if (issues.length > 0) throw new InvalidOptionsError(MAN_FN, issues);
  return rules;
}
