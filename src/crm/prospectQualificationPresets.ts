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
  /** Money (ability to pay): income level x income stability, in [0, 1]. */
  readonly money: {
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
    /** Money passes at or above this score. */
    readonly threshold: number;
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
   * What we sell. When set, a prospect's stated `requirements` are matched against it, and a
   * prospect whose covered share of requirements is below `minFit` gets the verdict `mismatch`.
   */
  readonly offering: readonly string[] | null;
  /** Least share of stated requirements the offering must cover. */
  readonly minFit: number;
}

// Word scales both presets share, so a word means the same in every rule set.
const MONEY_WORDS: Readonly<Record<string, number>> = { high: 1, adequate: 0.6, tight: 0.3, none: 0 };
const AUTHORITY_LEVELS: Readonly<Record<string, number>> = { full: 1, shared: 0.6, none: 0 };
const NEED_WORDS: Readonly<Record<string, number>> = { strong: 0.8, moderate: 0.5, weak: 0.2, none: 0 };

const lifeInsurance: ProspectRules = {
  money: {
    minIncome: 10_000,
    fullIncome: 40_000,
    unstableFactor: 0.8,
    levels: MONEY_WORDS,
    threshold: 0.25,
  },
  authority: { levels: AUTHORITY_LEVELS, threshold: 0.5 },
  need: {
    perDependant: 0.5,
    lifeEvents: {
      "expecting a child": 0.5,
      "new child": 0.5,
      marriage: 0.4,
      "new home": 0.3,
      "new job": 0.2,
    },
    strengths: NEED_WORDS,
    threshold: 0.4,
  },
  weights: { money: 2, authority: 1, need: 1 },
  underwriting: { veto: ["poor"], factors: { fair: 0.8 } },
  offering: null,
  minFit: 1,
};

const generic: ProspectRules = {
  money: { minIncome: 0, fullIncome: 1, unstableFactor: 0.8, levels: MONEY_WORDS, threshold: 0.5 },
  authority: { levels: AUTHORITY_LEVELS, threshold: 0.5 },
  need: { perDependant: 0, lifeEvents: {}, strengths: NEED_WORDS, threshold: 0.5 },
  weights: { money: 1, authority: 1, need: 1 },
  underwriting: { veto: [], factors: {} },
  offering: null,
  minFit: 1,
};

/**
 * Ready-made rule sets for {@link qualifyProspects}, chosen with `{ preset: "lifeInsurance" }`.
 *
 * - `lifeInsurance`: money from annual income, linear from 10 000 (money 0) to 40 000
 *   (money 1), an unstable job multiplies by 0.8, passes at 0.25; authority full 1, shared with
 *   the spouse 0.6, none 0, passes at 0.5; need 0.5 per dependant and 0.5 for an expected child
 *   (a family to protect), passes at 0.4; poor health vetoes (drop), fair health loads the
 *   ranking score by 0.8; ranking weights money 2, authority 1, need 1, because ability to keep
 *   paying premiums is what the source ranks qualified prospects by.
 * - `generic`: money and need are read as analyst scores in [0, 1] (or words: money
 *   `high`/`adequate`/`tight`/`none`, need `strong`/`moderate`/`weak`/`none`), all thresholds 0.5,
 *   equal weights, no dependants or health rules. Set `offering` to check product fit.
 *
 * **Every number here is our calibration, not a published constant.** The source material
 * (the worked case of eight life-insurance prospects) judges money only as yes / no /
 * "tight but stable"; we chose the income line and thresholds so that the rules reproduce its
 * verdicts and ranking, and its facts only fix each threshold to a band: money in (1/6, 4/15]
 * (15 000 stable = 1/6 cannot pay; 20 000 unstable = 0.267 and 19 000 stable = 0.30 can),
 * authority in (0, 0.6], need in (0, 0.5]. Within the band the verdicts do not change (the
 * tests check the whole band), but the margins are narrow: a stable income passes from
 * 17 500 and an unstable one from 19 375, so the case's car salesman (20 000, unstable) and
 * teacher (19 000) clear the money line by only 625 and 1 500. Check these numbers against
 * your own market (incomes, currency) and override them (`money: { minIncome, fullIncome,
 * threshold }`) rather than relying on them.
 *
 * Reference: the MAN qualification scheme (Money, Authority, Need) of personal selling; the
 * worked case in `MAN-EXAMPLES.md`.
 *
 * @example
 * ```ts
 * prospectQualificationPresets.lifeInsurance.authority.levels.shared; // => 0.6
 * prospectQualificationPresets.lifeInsurance.money.threshold;         // => 0.25
 * ```
 */
export const prospectQualificationPresets: Readonly<{
  readonly lifeInsurance: ProspectRules;
  readonly generic: ProspectRules;
}> = deepFreeze({ lifeInsurance, generic });

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
 * const name: ProspectPresetName = "lifeInsurance";
 * Object.keys(prospectQualificationPresets); // => ["lifeInsurance", "generic"]
 * ```
 */
export type ProspectPresetName = keyof typeof prospectQualificationPresets;
