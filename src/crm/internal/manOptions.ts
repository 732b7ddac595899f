// Options of qualifyProspects: the zod/mini schema and the merge of overrides over a preset's rules.
import * as z from "zod/mini";
import { InvalidOptionsError } from "../../core/index.js";
import { unknownOptionMessage } from "../../core/internal/closestName.js";
import {
  customSchema,
  expected,
  optionalSchema,
  optionsSchema,
  stringListSchema,
} from "../../core/internal/optionChecks.js";
import { fieldSchema, oneOf, parseOptions } from "../../core/options.js";
import type { Offering } from "../offering.js";
import { type ProspectRules, prospectQualificationPresets } from "../prospectQualificationPresets.js";
import { instalmentShare, inUnit, offeringSchema } from "./manOffering.js";
import { MAN_FN } from "./manWords.js";
import { valueMapSchema } from "./valueMap.js";

const finite = z.number("expected a finite number").check(z.refine(Number.isFinite, "must be finite"));
const unit = z.number("expected a number in [0, 1]").check(inUnit);
const positive = z
  .number()
  .check(z.gte(0, "must be at least 0"), z.refine(Number.isFinite, "must be finite"));
const aboveZero = z
  .number()
  .check(z.gt(0, "must be greater than 0"), z.refine(Number.isFinite, "must be finite"));
// Word maps and limits are maps checked value by value rather than z.record or zod's catch-all object: the
// same checks of every value at about 5 kB less in the bundle (their values name what they expect themselves).
const scoreMap = valueMapSchema(z.number("expected a score in [0, 1]").check(inUnit));
const field = optionalSchema(fieldSchema);
const VERDICTS = ["drop", "defer", "mismatch"];
const VETO_KEYS = ["verdict", "test"];

/** Schema of the qualifyProspects options. */
const qualifyProspectsSchema = optionsSchema({
  preset: optionalSchema(oneOf(["lifeInsurance", "generic", "realEstate", "b2bService", "consumerDurable"])),
  fields: optionalSchema(
    optionsSchema({
      id: field,
      income: field,
      incomeStability: field,
      authority: field,
      dependants: field,
      lifeEvents: field,
      needStrength: field,
      health: field,
      requirements: field,
      incomeTrend: field,
      savings: field,
      budget: field,
    }),
  ),
  money: optionalSchema(
    optionsSchema({
      incomeScale: optionalSchema(oneOf(["amount", "score"])),
      minIncome: optionalSchema(positive),
      fullIncome: optionalSchema(positive),
      unstableFactor: optionalSchema(unit),
      levels: optionalSchema(scoreMap),
      threshold: optionalSchema(unit),
      maxInstalmentShare: optionalSchema(instalmentShare),
      minCover: optionalSchema(aboveZero),
      fullCover: optionalSchema(aboveZero),
      trendFactors: optionalSchema(scoreMap),
    }),
  ),
  authority: optionalSchema(
    optionsSchema({ levels: optionalSchema(scoreMap), threshold: optionalSchema(unit) }),
  ),
  need: optionalSchema(
    optionsSchema({
      perDependant: optionalSchema(unit),
      lifeEvents: optionalSchema(scoreMap),
      strengths: optionalSchema(scoreMap),
      threshold: optionalSchema(unit),
    }),
  ),
  weights: optionalSchema(
    optionsSchema({
      money: optionalSchema(positive),
      authority: optionalSchema(positive),
      need: optionalSchema(positive),
    }),
  ),
  underwriting: optionalSchema(
    optionsSchema({ veto: optionalSchema(stringListSchema()), factors: optionalSchema(scoreMap) }),
  ),
  // A list of what we provide, an Offering (checked with offeringSchema in resolveRules) or null.
  offering: optionalSchema(
    z.custom<readonly string[] | Offering | null>(
      (value) =>
        value === null ||
        (Array.isArray(value) ? value.every((item) => typeof item === "string") : typeof value === "object"),
      { message: "expected an array of feature names, an offering object or null" },
    ),
  ),
  minFit: optionalSchema(unit),
  fit: optionalSchema(
    optionsSchema({
      maxOversize: optionalSchema(z.number().check(z.gte(1, "must be at least 1"))),
      limits: optionalSchema(
        // loose: resolveRules names an unknown key with the nearest of min and max
        valueMapSchema(
          valueMapSchema(undefined, "expected { min?, max? } (finite numbers)", { min: finite, max: finite }),
        ),
      ),
    }),
  ),
  vetoes: optionalSchema(
    customSchema<
      readonly { verdict: "drop" | "defer" | "mismatch"; test: (record: never, index: number) => unknown }[]
    >((vetoes, report) => {
      if (!Array.isArray(vetoes)) return report(expected("an array", vetoes), vetoes);
      vetoes.forEach((veto: unknown, i) => {
        if (typeof veto !== "object" || veto === null || Array.isArray(veto)) {
          report(expected("an object { verdict, test }", veto), veto, [i]);
          return;
        }
        const { verdict, test } = veto as { verdict?: unknown; test?: unknown };
        if (!VERDICTS.includes(verdict as never))
          report('Invalid option: expected one of "drop"|"defer"|"mismatch"', verdict, [i, "verdict"]);
        if (typeof test !== "function")
          report("expected a function returning a reason or a falsy value", test, [i, "test"]);
        for (const key of Object.keys(veto))
          if (key !== "verdict" && key !== "test") {
            report(unknownOptionMessage(key, VETO_KEYS), (veto as Record<string, unknown>)[key], [i, key]);
          }
      });
    }),
  ),
  missing: optionalSchema(oneOf(["defer", "error"])),
});

type RawQualifyOptions = z.output<typeof qualifyProspectsSchema>;

/** The parsed options of qualifyProspects with the defaults of preset, vetoes and missing applied. */
export type ParsedQualifyOptions = RawQualifyOptions & {
  readonly preset: Exclude<RawQualifyOptions["preset"], undefined>;
  readonly vetoes: Exclude<RawQualifyOptions["vetoes"], undefined>;
  readonly missing: Exclude<RawQualifyOptions["missing"], undefined>;
};

/**
 * Parses the options of qualifyProspects (InvalidOptionsError listing every issue) and applies the
 * defaults: preset "generic", no vetoes, missing "defer" (applied here once rather than by zod's default
 * wrapper, which would add 0.9 kB to the bundle).
 */
export function parseQualifyOptions(options: unknown): ParsedQualifyOptions {
  const parsed = parseOptions(MAN_FN, qualifyProspectsSchema, options);
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
          : (parseOptions(MAN_FN, offeringSchema, parsed.offering, "offering") as Offering),
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
