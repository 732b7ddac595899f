import type { Offering } from "./offering.js";

/**
 * The rule set behind {@link qualifyProspects}: how Money, Authority and Need
 * sub-scores are computed, the pass thresholds, the ranking weights and the
 * vetoes. A preset is a complete rule set; a call can override any part.
 *
 * @example
 * ```ts
 * const rules: ProspectRules = qualifyProspects([], { preset: "lifeInsurance", money: { threshold: 0.2 } }).rules;
 * [rules.money.threshold, rules.money.fullIncome]; // => [0.2, 40000]
 * ```
 */
export interface ProspectRules {
  /**
   * Money (ability to pay). Without a priced offering: income level x income stability, in
   * [0, 1], passing at `threshold`. With a priced {@link Offering}: affordability — `cover` = the
   * smaller of savings / upfront payment and (maxInstalmentShare x monthly income x stability) /
   * instalment; money passes when cover >= `minCover`, and the money score is
   * min(1, cover / `fullCover`) x the income-trend factor (ranking only).
   */
  readonly money: {
    /**
     * How a numeric income is read without a priced offering: `"amount"` (currency per year,
     * on the `minIncome`-`fullIncome` line) or `"score"` (an analyst's score in [0, 1]; a
     * number above 1 is then an error, not a silent 1). Overriding `minIncome` or `fullIncome`
     * reads amounts; asking an amount preset for `"score"` reads scores on [0, 1].
     */
    readonly incomeScale: "amount" | "score";
    /**
     * Annual income (currency units) at or below which money is 0. Money rises
     * linearly from here to `fullIncome`.
     */
    readonly minIncome: number;
    /** Annual income at or above which the income level is 1. */
    readonly fullIncome: number;
    /** Multiplier for an `"unstable"` income (a stable income multiplies by 1). */
    readonly unstableFactor: number;
    /**
     * Income levels for records that only describe the income in words
     * (e.g. a pension of unknown amount): level name -> level in [0, 1].
     */
    readonly levels: Readonly<Record<string, number>>;
    /** Money passes at or above this score (without a priced offering). */
    readonly threshold: number;
    /** Largest share of monthly income an instalment may take, unless the offering sets its own. */
    readonly maxInstalmentShare: number;
    /** With a priced offering, money passes when cover is at or above this (1 = exactly affordable). */
    readonly minCover: number;
    /** Cover at which the money score reaches 1 (a margin for the unexpected). */
    readonly fullCover: number;
    /**
     * Income trend word -> multiplier of the money score when there is an instalment to pay
     * (`flat` for years = instalment risk). Ranking only: a trend never fails the pass line.
     */
    readonly trendFactors: Readonly<Record<string, number>>;
  };
  /** Authority (who decides): full, shared or none, mapped to [0, 1]. */
  readonly authority: {
    /** Score of each authority value (`full`, `shared`, `none`, or your own words). */
    readonly levels: Readonly<Record<string, number>>;
    /** Authority passes at or above this score. */
    readonly threshold: number;
  };
  /**
   * Need, combined as independent reasons: need = 1 - product over reasons of (1 - strength),
   * where each dependant is a reason of strength `perDependant`, each life event a reason of
   * its strength in `lifeEvents`, and a stated need strength a reason of that strength.
   */
  readonly need: {
    /** Strength of each dependant (spouse, child, parent supported by the prospect). */
    readonly perDependant: number;
    /** Strength of each recognised life event (matched case-insensitively). */
    readonly lifeEvents: Readonly<Record<string, number>>;
    /** Strength of words used for a stated need (`strong`, `moderate`, `weak`, `none`). */
    readonly strengths: Readonly<Record<string, number>>;
    /** Need passes at or above this score. */
    readonly threshold: number;
  };
  /** Weights of the ranking score of qualified prospects (weighted mean of the three sub-scores). */
  readonly weights: { readonly money: number; readonly authority: number; readonly need: number };
  /** Underwriting risk, read from the `health` field. */
  readonly underwriting: {
    /** Health values that veto the prospect outright (verdict `drop`). */
    readonly veto: readonly string[];
    /** Health value -> multiplier of the ranking score (e.g. an insurance loading). Others multiply by 1. */
    readonly factors: Readonly<Record<string, number>>;
  };
  /**
   * What we sell: an {@link Offering} (price, financing, features) or a list of what we provide.
   * When set, a prospect's `requirements` are matched against it, and a prospect whose covered
   * share of requirements is below `minFit` gets the verdict `mismatch`.
   */
  readonly offering: readonly string[] | Offering | null;
  /** Least share of stated requirements the offering must cover. */
  readonly minFit: number;
  /** Fit between the need and the offering beyond must-haves. */
  readonly fit: {
    /**
     * An offering whose feature exceeds a prospect's `min` requirement by more than this ratio
     * (5 bedrooms for a need of 2 at 1.5), or whose price exceeds the prospect's `budget` by more
     * than it, is far bigger or pricier than the need: verdict `mismatch`, category `oversized`.
     */
    readonly maxOversize: number;
    /**
     * What any offering of this kind can have (e.g. `bedrooms: { max: 6 }`, `price: { min: 80000 }`
     * in a town's housing market): a requirement outside these bounds (or a budget below
     * `price.min`) is one no offering can meet: verdict `drop`, category `requirementsTooHigh`.
     */
    readonly limits: Readonly<Record<string, { readonly min?: number; readonly max?: number }>>;
  };
}

// Word scales every preset shares, so a word means the same in every rule set.
const MONEY_WORDS: Readonly<Record<string, number>> = { high: 1, adequate: 0.6, tight: 0.3, none: 0 };
const AUTHORITY_LEVELS: Readonly<Record<string, number>> = { full: 1, shared: 0.6, none: 0 };
const NEED_WORDS: Readonly<Record<string, number>> = { strong: 0.8, moderate: 0.5, weak: 0.2, none: 0 };

/** The money rules of lifeInsurance, which the other presets change in part. */
const MONEY: ProspectRules["money"] = {
  incomeScale: "amount",
  minIncome: 10_000,
  fullIncome: 40_000,
  unstableFactor: 0.8,
  levels: MONEY_WORDS,
  threshold: 0.25,
  maxInstalmentShare: 0.1,
  minCover: 1,
  fullCover: 2,
  trendFactors: { rising: 1, flat: 0.9, falling: 0.75 },
};

/**
 * A rule set from what sets it apart; the rest is shared: the word scales, authority passing at 0.5,
 * need at 0.4, no underwriting rule, no offering (minFit 1), no oversize bound and no limits.
 */
function preset(parts: {
  readonly money?: Partial<ProspectRules["money"]>;
  readonly authorityThreshold?: number;
  readonly need: Pick<ProspectRules["need"], "perDependant" | "lifeEvents"> & { readonly threshold?: number };
  readonly weights: ProspectRules["weights"];
  readonly underwriting?: ProspectRules["underwriting"];
  readonly maxOversize?: number;
}): ProspectRules {
  const { need } = parts;
  return {
    money: { ...MONEY, ...parts.money },
    authority: { levels: AUTHORITY_LEVELS, threshold: parts.authorityThreshold ?? 0.5 },
    need: {
      perDependant: need.perDependant,
      lifeEvents: need.lifeEvents,
      strengths: NEED_WORDS,
      threshold: need.threshold ?? 0.4,
    },
    weights: parts.weights,
    underwriting: parts.underwriting ?? { veto: [], factors: {} },
    offering: null,
    minFit: 1,
    fit: { maxOversize: parts.maxOversize ?? Number.POSITIVE_INFINITY, limits: {} },
  };
}

const lifeInsurance = preset({
  need: {
    perDependant: 0.5,
    lifeEvents: {
      "expecting a child": 0.5,
      "new child": 0.5,
      marriage: 0.4,
      "new home": 0.3,
      "new job": 0.2,
    },
  },
  weights: { money: 2, authority: 1, need: 1 },
  underwriting: { veto: ["poor"], factors: { fair: 0.8 } },
});

const generic = preset({
  money: {
    incomeScale: "score",
    minIncome: 0,
    fullIncome: 1,
    threshold: 0.5,
    maxInstalmentShare: 0.3,
    fullCover: 1.5,
  },
  need: { perDependant: 0, lifeEvents: {}, threshold: 0.5 },
  weights: { money: 1, authority: 1, need: 1 },
});

const realEstate = preset({
  money: {
    minIncome: 20_000,
    fullIncome: 80_000,
    maxInstalmentShare: 0.33,
    fullCover: 1.5,
    trendFactors: { rising: 1, flat: 0.85, falling: 0.7 },
  },
  need: {
    perDependant: 0.25,
    lifeEvents: {
      "expecting a child": 0.5,
      "new child": 0.5,
      marriage: 0.4,
      divorce: 0.4,
      "new job in town": 0.6,
      relocation: 0.6,
      "lease ending": 0.5,
      "home sold": 0.7,
      retirement: 0.2,
    },
  },
  weights: { money: 2, authority: 1, need: 1 },
  maxOversize: 1.5,
});

const b2bService = preset({
  money: {
    minIncome: 0,
    fullIncome: 100_000,
    unstableFactor: 0.7,
    maxInstalmentShare: 0.5,
    fullCover: 1.5,
    trendFactors: { rising: 1, flat: 0.9, falling: 0.7 },
  },
  authorityThreshold: 0.6,
  need: {
    perDependant: 0,
    lifeEvents: {
      "compliance deadline": 0.7,
      "contract renewal due": 0.6,
      incident: 0.6,
      "new funding": 0.5,
      expansion: 0.4,
      "new leadership": 0.3,
    },
  },
  weights: { money: 1, authority: 2, need: 1 },
  maxOversize: 2,
});

const consumerDurable = preset({
  need: {
    perDependant: 0.1,
    lifeEvents: {
      "appliance broke": 0.8,
      "moved house": 0.5,
      renovation: 0.5,
      "new child": 0.4,
      "expecting a child": 0.3,
      marriage: 0.3,
    },
  },
  weights: { money: 1, authority: 1, need: 2 },
  maxOversize: 1.5,
});

/**
 * Ready-made rule sets for {@link qualifyProspects}, chosen with `{ preset: "realEstate" }`.
 * Each is a starting point for one kind of offering; describe the offering itself (price,
 * financing, features) with the `offering` option, and override any number below.
 *
 * - `lifeInsurance`: money from annual income, linear from 10 000 (money 0) to 40 000
 *   (money 1), an unstable job multiplies by 0.8, passes at 0.25; authority full 1, shared with
 *   the spouse 0.6, none 0, passes at 0.5; need 0.5 per dependant and 0.5 for an expected child
 *   (a family to protect), passes at 0.4; poor health vetoes (drop), fair health loads the
 *   ranking score by 0.8; ranking weights money 2, authority 1, need 1, because ability to keep
 *   paying premiums is what the source ranks qualified prospects by.
 * - `realEstate` (one home for sale, bought with a deposit and a mortgage): the instalment may
 *   take 0.33 of monthly income (range 0.28-0.40: lenders' housing-cost and debt-to-income
 *   ceilings sit in this band; lower is safer for first-time buyers); money passes at cover 1
 *   (range 1-1.2: 1 is exactly the lender's line, more keeps a margin) and scores 1 from cover
 *   1.5 (1.2-2); an unstable income counts 0.8 (0.6-0.9: lenders count part of commission or
 *   contract income); a flat income scores 0.85 (0.7-0.95), a falling one 0.7, for ranking only
 *   (an instalment risk, not a veto); need 0.25 per dependant (0.15-0.35: each person adds
 *   pressure on space, a couple alone is not urgent) and life events (a child on the way or new,
 *   a new job in town or relocation 0.6, a lease ending 0.5, the old home sold 0.7), passes at
 *   0.4 (0.3-0.5); an offering more than 1.5 times the need (range 1.3-2: one bedroom more than
 *   needed is normal, double is not) is oversized; weights money 2 (a buyer whose financing
 *   fails loses the house for everyone), authority 1, need 1. `fit.limits` is empty: fill it
 *   from your market (the largest homes and lowest prices there are) to catch requirements no
 *   home can meet.
 * - `b2bService` (a contract billed monthly; `income` is the buyer's annual budget for the line
 *   it is paid from): the fee may take 0.5 of that budget (range 0.2-0.8: a service can be the
 *   main item of its own line, never all of it); an unapproved or under-review budget counts
 *   0.7 (0.5-0.9); authority passes at 0.6 (range 0.5-1: a buying committee, `shared`, passes;
 *   an influencer scored below does not), weights authority 2 (B2B deals stall on who signs),
 *   money 1, need 1; need from trigger events (a compliance deadline 0.7, a contract renewal
 *   due or an incident 0.6, new funding 0.5, expansion 0.4, new leadership 0.3), no dependants;
 *   oversized beyond 2 times the need (range 1.5-3: plans come in tiers, one tier up is normal).
 * - `consumerDurable` (an appliance, furniture, a bicycle: paid up front or in a shop's
 *   instalment plan): the instalment may take 0.1 of monthly income (range 0.05-0.15: a
 *   durable is one of several monthly commitments); money scores 1 from cover 2 (range 1.5-3);
 *   need 0.1 per dependant (0.05-0.2: a bigger household uses it more) and events (the old one
 *   broke 0.8, moved house or renovating 0.5, a new child 0.4), passes at 0.4; weights need 2
 *   (replacement urgency decides when durables are bought), money 1, authority 1; oversized
 *   beyond 1.5 times the need (a 10 kg washer for one person).
 * - `generic`: money and need are read as analyst scores in [0, 1] (or words: money
 *   `high`/`adequate`/`tight`/`none`, need `strong`/`moderate`/`weak`/`none`), all thresholds 0.5,
 *   equal weights, no dependants or health rules. A numeric income above 1 is an amount, not a
 *   score: it is refused with an error naming the row (describe the offering, set
 *   `money: { minIncome, fullIncome }`, or pick a preset that reads amounts). Set `offering` to
 *   check product fit.
 *
 * **Every number here is our calibration, not a published constant.** The ranges above are
 * where we would expect a sensible setting to lie; check them against your own market
 * (incomes, currency, lending rules) and override them.
 *
 * For life insurance, the source material (the worked case of eight prospects, retold in
 * `examples/man/README.md`) judges money only as yes / no / "tight but stable"; we chose the
 * income line and thresholds so that the rules reproduce its verdicts and ranking, and its facts
 * only fix each threshold to a band: money in (1/6, 4/15] (15 000 stable = 1/6 cannot pay;
 * 20 000 unstable = 0.267 and 19 000 stable = 0.30 can), authority in (0, 0.6], need in
 * (0, 0.5]. Within the band the verdicts do not change (the tests check the whole band), but the
 * margins are narrow: a stable income passes from 17 500 and an unstable one from 19 375, so
 * the case's car salesman (20 000, unstable) and teacher (19 000) clear the money line by only
 * 625 and 1 500.
 *
 * Reference: the MAN qualification scheme (Money, Authority, Need) of personal selling; the
 * worked cases in `examples/man/README.md`, one example script per preset in `examples/man/`.
 *
 * @example
 * ```ts
 * prospectQualificationPresets.lifeInsurance.authority.levels.shared; // => 0.6
 * prospectQualificationPresets.lifeInsurance.money.threshold;         // => 0.25
 * prospectQualificationPresets.realEstate.money.maxInstalmentShare;   // => 0.33
 * ```
 */
export const prospectQualificationPresets: Readonly<{
  readonly lifeInsurance: ProspectRules;
  readonly generic: ProspectRules;
  readonly realEstate: ProspectRules;
  readonly b2bService: ProspectRules;
  readonly consumerDurable: ProspectRules;
}> = deepFreeze({ lifeInsurance, generic, realEstate, b2bService, consumerDurable });

/** Freezes an object and every object or array inside it, so no caller can edit a preset. */
function deepFreeze<O extends object>(value: O): O {
  for (const inner of Object.values(value)) {
    if (typeof inner === "object" && inner !== null && !Object.isFrozen(inner)) deepFreeze(inner);
  }
  return Object.freeze(value);
}

/**
 * Names of the presets of {@link prospectQualificationPresets}.
 *
 * @example
 * ```ts
 * const name: ProspectPresetName = "realEstate";
 * Object.keys(prospectQualificationPresets);
 * // => ["lifeInsurance", "generic", "realEstate", "b2bService", "consumerDurable"]
 * ```
 */
export type ProspectPresetName = keyof typeof prospectQualificationPresets;
