/**
 * The rule set behind {@link qualifyProspects}: how Money, Authority and Need
 * sub-scores are computed, the pass thresholds, the ranking weights and the
 * vetoes. A preset is a complete rule set; a call can override any part.
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

const lifeInsurance: ProspectRules = {
  money: {
    minIncome: 10_000,
    fullIncome: 40_000,
    unstableFactor: 0.8,
    levels: { high: 1, adequate: 0.6, tight: 0.3, none: 0 },
    threshold: 0.25,
  },
  authority: { levels: { full: 1, shared: 0.6, none: 0 }, threshold: 0.5 },
  need: {
    perDependant: 0.5,
    lifeEvents: {
      "expecting a child": 0.5,
      "new child": 0.5,
      marriage: 0.4,
      "new home": 0.3,
      "new job": 0.2,
    },
    strengths: { strong: 0.8, moderate: 0.5, weak: 0.2, none: 0 },
    threshold: 0.4,
  },
  weights: { money: 2, authority: 1, need: 1 },
  underwriting: { veto: ["poor"], factors: { fair: 0.8 } },
  offering: null,
  minFit: 1,
};

const generic: ProspectRules = {
  money: {
    minIncome: 0,
    fullIncome: 1,
    unstableFactor: 0.8,
    levels: { high: 1, adequate: 0.6, tight: 0.3, none: 0 },
    threshold: 0.5,
  },
  authority: { levels: { full: 1, shared: 0.6, none: 0 }, threshold: 0.5 },
  need: {
    perDependant: 0,
    lifeEvents: {},
    strengths: { strong: 0.8, moderate: 0.5, weak: 0.2, none: 0 },
    threshold: 0.5,
  },
  weights: { money: 1, authority: 1, need: 1 },
  underwriting: { veto: [], factors: {} },
  offering: null,
  minFit: 1,
};

/**
 * Ready-made rule sets for {@link qualifyProspects}, chosen with `{ preset: "lifeInsurance" }`.
 *
 * - `lifeInsurance`, calibrated on the worked case of the source material (eight prospects of a
 *   life-insurance agent): money from annual income, linear from 10 000 (money 0) to 40 000
 *   (money 1), an unstable job multiplies by 0.8, passes at 0.25 (a stable 19 000 is "tight but
 *   enough", 15 000 is not); authority full 1, shared with the spouse 0.6, none 0, passes at 0.5;
 *   need 0.5 per dependant and 0.5 for an expected child (a family to protect), passes at 0.4;
 *   poor health vetoes (drop), fair health loads the ranking score by 0.8; ranking weights
 *   money 2, authority 1, need 1, because ability to keep paying premiums is what the source
 *   ranks qualified prospects by.
 * - `generic`: money and need are read as analyst scores in [0, 1] (or words: money
 *   `high`/`adequate`/`tight`/`none`, need `strong`/`moderate`/`weak`/`none`), all thresholds 0.5,
 *   equal weights, no dependants or health rules. Set `offering` to check product fit.
 *
 * Reference: the MAN qualification scheme (Money, Authority, Need) of personal selling; the
 * thresholds are our calibration, not published constants.
 *
 * @example
 * ```ts
 * prospectQualificationPresets.lifeInsurance.authority.levels.shared; // => 0.6
 * ```
 */
export const prospectQualificationPresets: Readonly<{
  readonly lifeInsurance: ProspectRules;
  readonly generic: ProspectRules;
}> = Object.freeze({ lifeInsurance, generic });

/** Names of the presets of {@link prospectQualificationPresets}. */
export type ProspectPresetName = keyof typeof prospectQualificationPresets;
