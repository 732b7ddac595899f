// Verdicts and ranking of MAN qualification: the order in which vetoes, fit, unknowns and the three
// passes decide a verdict and its reason category, then the ranking of the qualified prospects and their
// choice labels (first choice, second choice, backup).
import type {
  ProspectChoice,
  ProspectReasonCategory,
  ProspectVerdict,
  QualifiedProspect,
} from "../qualifyProspectsTypes.js";
import type { FitOutcome } from "./manNeed.js";
import { fmt } from "./manWords.js";

/** Everything the verdict of one prospect depends on. */
export interface VerdictInputs {
  /** Health word when it vetoes (underwriting), else null. */
  readonly underwritingVeto: string | null;
  /** The first custom veto that applied, else undefined. */
  readonly custom: { readonly verdict: ProspectVerdict; readonly reason: string } | undefined;
  readonly fit: FitOutcome;
  /** Attributes not known. */
  readonly unknown: readonly string[];
  readonly passMoney: boolean;
  readonly passAuthority: boolean;
  readonly passNeed: boolean;
  /** Why money, authority or need fall short, in that order. */
  readonly shortfalls: readonly string[];
  readonly score: number | null;
}

/**
 * The verdict, its reason category and why, decided in this order: underwriting veto (drop), custom
 * vetoes, requirements too high (drop), product mismatch and oversized (mismatch), unknown facts (defer),
 * qualified, no need (nurture), cannot pay or no authority (defer).
 */
export function decideVerdict(inputs: VerdictInputs): {
  verdict: ProspectVerdict;
  category: ProspectReasonCategory | null;
  why: string;
} {
  const { shortfalls } = inputs;
  if (inputs.underwritingVeto !== null) {
    return {
      verdict: "drop",
      category: "underwritingRisk",
      why: `underwriting risk (${inputs.underwritingVeto} health) is too high to insure${
        shortfalls.length > 0 ? `; also ${shortfalls.join(", ")}` : ""
      }`,
    };
  }
  if (inputs.custom !== undefined) {
    return { verdict: inputs.custom.verdict, category: "veto", why: inputs.custom.reason };
  }
  if (inputs.fit.category !== null) {
    return {
      verdict: inputs.fit.category === "requirementsTooHigh" ? "drop" : "mismatch",
      category: inputs.fit.category,
      why: inputs.fit.reason as string,
    };
  }
  if (inputs.unknown.length > 0) {
    return {
      verdict: "defer",
      category: "unknown",
      why: `${inputs.unknown.join(", ")} not known: find out before qualifying`,
    };
  }
  if (inputs.passMoney && inputs.passAuthority && inputs.passNeed) {
    return {
      verdict: "qualified",
      category: null,
      why: `can pay, decides and needs it (score ${fmt(inputs.score as number)})`,
    };
  }
  if (inputs.passMoney && inputs.passAuthority) {
    return {
      verdict: "nurture",
      category: "noNeed",
      why: `can pay and decides, but ${shortfalls.join(", ")}: create the need`,
    };
  }
  return {
    verdict: "defer",
    category: inputs.passMoney ? "noAuthority" : "cannotPay",
    why: `${shortfalls.join(", ")}: come back when circumstances change`,
  };
}

/** The choice label of a rank (1-based). */
export function choiceOf(rank: number): ProspectChoice {
  return rank === 1 ? "first choice" : rank === 2 ? "second choice" : "backup";
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Ranks the qualified prospects by score (ties keep input order), sets rank, choice and the reason
 * prefix in place, and returns them best first.
 */
export function rankQualified(out: Mutable<QualifiedProspect>[]): Mutable<QualifiedProspect>[] {
  const qualified = out
    .filter((p) => p.verdict === "qualified")
    .sort((a, b) => (b.score as number) - (a.score as number) || a.index - b.index);
  qualified.forEach((p, r) => {
    p.rank = r + 1;
    p.choice = choiceOf(r + 1);
    p.reason = `qualified (rank ${r + 1}): ${p.choice}, ${p.reason.slice("qualified: ".length)}`;
  });
  return qualified;
}

/** Number of prospects per verdict. */
export function countVerdicts(prospects: readonly QualifiedProspect[]): Record<ProspectVerdict, number> {
  const counts: Record<ProspectVerdict, number> = {
    qualified: 0,
    nurture: 0,
    defer: 0,
    drop: 0,
    mismatch: 0,
  };
  for (const p of prospects) counts[p.verdict]++;
  return counts;
}
