// Need of MAN qualification: urgency (dependants, life events, a stated need) and the fit between the
// prospect's must-haves and the offering (missing must-haves, an offering far bigger or pricier than the
// need, requirements no offering of the kind can meet).
import type { Offering, OfferingRequirement } from "../offering.js";
import type { ProspectRules } from "../prospectQualificationPresets.js";
import type { ProspectReasonCategory } from "../qualifyProspectsTypes.js";
import { fmt, lookup, lower, type ProspectRow, scoreOf, scoreText, type WordMap } from "./manWords.js";
import { formatNumber } from "./rate.js";
import { isMissing } from "./records.js";

/** Urgency of one prospect's need. */
export interface UrgencyOutcome {
  /** Need score in [0, 1]; null when dependants, life events and stated need are all unknown. */
  readonly need: number | null;
  readonly findings: readonly string[];
}

/**
 * need = 1 - (1 - perDependant)^dependants x product over life events (1 - strength) x (1 - stated):
 * independent reasons to buy, so need grows with each and vanishes without any.
 */
export function urgencyOf(
  row: ProspectRow,
  rules: ProspectRules["need"],
  lifeEvents: WordMap,
  strengths: WordMap,
): UrgencyOutcome {
  const dependants = row.value("dependants");
  const events = row.value("lifeEvents");
  const stated = row.value("needStrength");
  if (isMissing(dependants) && isMissing(events) && isMissing(stated)) {
    row.missing("dependants", dependants);
    return { need: null, findings: [] };
  }
  const findings: string[] = [];
  let keep = 1;
  const why: string[] = [];
  if (!isMissing(dependants)) {
    if (typeof dependants !== "number" || !Number.isInteger(dependants) || dependants < 0) {
      row.fail("dependants", dependants, "expected a whole number >= 0");
    }
    const count = dependants as number;
    if (count > 0 && rules.perDependant > 0) {
      keep *= (1 - rules.perDependant) ** count;
      why.push(`${count} dependant${count === 1 ? "" : "s"}`);
    }
  }
  if (!isMissing(events)) {
    if (!Array.isArray(events)) row.fail("lifeEvents", events, "expected an array of life events");
    for (const event of events as unknown[]) {
      const strength = typeof event === "string" ? lookup(lifeEvents, event) : undefined;
      if (strength === undefined)
        findings.push(`life event ${JSON.stringify(event)} not recognised, ignored`);
      else if (strength > 0) {
        keep *= 1 - strength;
        why.push(lower(event as string));
      }
    }
  }
  if (!isMissing(stated)) {
    const strength = scoreOf(row, "needStrength", stated, strengths, rules.strengths);
    if (strength > 0) {
      keep *= 1 - strength;
      why.push(`stated need ${scoreText(stated, strength)}`);
    }
  }
  const need = 1 - keep;
  findings.unshift(
    `need ${fmt(need)} (${why.length === 0 ? "no dependants, no life event" : why.join(", ")})`,
  );
  return { need, findings };
}

/** A requirement's or feature's number: thousands separators, two decimals unless whole ("2", "1.50"). */
const quantity = (value: number): string => formatNumber(value, 2).replace(/\.00$/, "");

/** The offering as fit sees it: a name, a price (null for a plain list) and its features. */
export interface FitOffering {
  readonly name: string;
  readonly price: number | null;
  readonly provides: ReadonlyMap<string, number | boolean>;
  readonly lacks: ReadonlySet<string>;
}

/** Normalises the `offering` option (a list of what we provide, or an Offering) for fit checks. */
function fitOffering(offering: readonly string[] | Offering | null): FitOffering | null {
  if (offering === null) return null;
  if (Array.isArray(offering)) {
    return {
      name: "our offering",
      price: null,
      provides: new Map((offering as readonly string[]).map((f) => [lower(f), true])),
      lacks: new Set(),
    };
  }
  const o = offering as Offering;
  return {
    name: o.name ?? "our offering",
    price: o.price,
    provides: new Map(Object.entries(o.provides ?? {}).map(([f, v]) => [lower(f), v])),
    lacks: new Set((o.lacks ?? []).map(lower)),
  };
}

/** The fit of one prospect: null category when the offering fits. */
export interface FitOutcome {
  readonly category: Extract<
    ProspectReasonCategory,
    "productMismatch" | "oversized" | "requirementsTooHigh"
  > | null;
  readonly reason: string | null;
}

const FITS: FitOutcome = { category: null, reason: null };

/** A requirement read from a record, with its display text. */
interface Requirement {
  /** The feature, lower-cased for matching. */
  readonly feature: string;
  /** The feature as the record wrote it, for reasons. */
  readonly name: string;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly text: string;
}

function readRequirements(row: ProspectRow): Requirement[] {
  const value = row.value("requirements");
  if (isMissing(value)) return [];
  const why = "expected an array of feature names or { feature, min?, max? } objects";
  if (!Array.isArray(value)) return row.fail("requirements", value, why);
  return (value as unknown[]).map((r) => {
    if (typeof r === "string")
      return { feature: lower(r), name: r, min: undefined, max: undefined, text: JSON.stringify(r) };
    const req = r as OfferingRequirement;
    if (
      r === null ||
      typeof r !== "object" ||
      typeof (req as { feature?: unknown }).feature !== "string" ||
      Object.keys(r).some((k) => k !== "feature" && k !== "min" && k !== "max")
    ) {
      return row.fail("requirements", value, why);
    }
    const { feature, min, max } = req as Exclude<OfferingRequirement, string>;
    for (const bound of [min, max]) {
      if (bound !== undefined && !(typeof bound === "number" && Number.isFinite(bound))) {
        return row.fail("requirements", value, `${why}; bounds must be finite numbers`);
      }
    }
    const bounds = [
      min === undefined ? "" : ` >= ${quantity(min)}`,
      max === undefined ? "" : ` <= ${quantity(max)}`,
    ].join("");
    return { feature: lower(feature), name: feature, min, max, text: `${JSON.stringify(feature)}${bounds}` };
  });
}

/** Reads the budget (the price the prospect is shopping at), or null. */
function budgetOf(row: ProspectRow): number | null {
  const budget = row.value("budget");
  if (isMissing(budget)) return null;
  if (typeof budget === "number" && Number.isFinite(budget) && budget > 0) return budget;
  return row.fail("budget", budget, "expected an amount > 0 in currency units");
}

/** What fit needs, built once per call. */
export interface FitContext {
  readonly offering: FitOffering | null;
  /** `fit.limits` keyed by lower-case feature. */
  readonly limits: ReadonlyMap<string, { readonly min?: number; readonly max?: number }>;
  readonly maxOversize: number;
  readonly minFit: number;
}

/** Builds the fit context of a call. */
export function fitContextOf(
  offering: readonly string[] | Offering | null,
  rules: ProspectRules["fit"],
  minFit: number,
): FitContext {
  return {
    offering: fitOffering(offering),
    limits: new Map(Object.entries(rules.limits).map(([f, l]) => [lower(f), l])),
    maxOversize: rules.maxOversize,
    minFit,
  };
}

/**
 * Fit, checked in this order: requirements outside `fit.limits` (no offering of the kind meets them),
 * must-haves the offering lacks (covered share below `minFit`), an offering far bigger or pricier than
 * the need (beyond `fit.maxOversize` times a `min` requirement or the budget).
 */
export function fitOf(row: ProspectRow, context: FitContext): FitOutcome {
  const { offering, limits, minFit } = context;
  if (offering === null && limits.size === 0) return FITS;
  const requirements = readRequirements(row);
  const budget = budgetOf(row);

  const tooHigh: string[] = [];
  for (const r of requirements) {
    const limit = limits.get(r.feature);
    if (limit === undefined) continue;
    if (r.min !== undefined && limit.max !== undefined && r.min > limit.max) {
      tooHigh.push(`${r.text} (the most any offers is ${formatNumber(limit.max)})`);
    } else if (r.max !== undefined && limit.min !== undefined && r.max < limit.min) {
      tooHigh.push(`${r.text} (the least any offers is ${formatNumber(limit.min)})`);
    }
  }
  const priceFloor = limits.get("price")?.min;
  if (budget !== null && priceFloor !== undefined && budget < priceFloor) {
    tooHigh.push(`a budget of ${formatNumber(budget)} (the cheapest start at ${formatNumber(priceFloor)})`);
  }
  if (tooHigh.length > 0) {
    return {
      category: "requirementsTooHigh",
      reason: `requirements no offering of this kind can meet: ${tooHigh.join(", ")}`,
    };
  }
  if (offering === null) return FITS;

  const featureValue = (feature: string) =>
    feature === "price" ? (offering.price ?? undefined) : offering.provides.get(feature);
  const unmet: string[] = [];
  const oversized: string[] = [];
  for (const r of requirements) {
    const value = featureValue(r.feature);
    if (r.min === undefined && r.max === undefined) {
      if (value === undefined || value === false || value === 0) {
        unmet.push(offering.lacks.has(r.feature) ? `${r.text} (it has none)` : r.text);
      }
      continue;
    }
    if (typeof value !== "number") {
      unmet.push(
        value === undefined || value === false
          ? `${r.text} (it has none)`
          : `${r.text} (not stated as a number)`,
      );
      continue;
    }
    if ((r.min !== undefined && value < r.min) || (r.max !== undefined && value > r.max)) {
      unmet.push(`${r.text} (it has ${quantity(value)})`);
    } else if (r.min !== undefined && r.min > 0 && value > r.min * context.maxOversize) {
      oversized.push(`${JSON.stringify(r.name)} ${quantity(value)} for a need of ${quantity(r.min)}`);
    }
  }
  if (requirements.length > 0) {
    const fit = 1 - unmet.length / requirements.length;
    if (fit < minFit) {
      return {
        category: "productMismatch",
        reason: `${offering.name} does not cover ${unmet.join(", ")} (fit ${fmt(fit)} below ${fmt(minFit)})`,
      };
    }
  }
  if (budget !== null && offering.price !== null && offering.price > budget * context.maxOversize) {
    oversized.push(`price ${formatNumber(offering.price)} for a budget of ${formatNumber(budget)}`);
  }
  if (oversized.length > 0) {
    return {
      category: "oversized",
      reason: `${offering.name} is far bigger or pricier than the need (more than ${fmt(context.maxOversize)} times): ${oversized.join(", ")}; no reason to buy this one`,
    };
  }
  return FITS;
}
