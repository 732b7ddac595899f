/**
 * The 2x2 contingency counts of a rule X => Y over N transactions, passed to
 * custom measures (`associationRules(..., { measures: { name: (table) => number } })`).
 *
 * |        | Y         | not Y     |
 * |--------|-----------|-----------|
 * | X      | `both`    | `antecedentOnly` |
 * | not X  | `consequentOnly` | `neither` |
 *
 * @example
 * ```ts
 * // {Instant food products, soda} => {hamburger meat} on Groceries
 * const table: RuleContingencyTable = { both: 12, antecedentOnly: 7, consequentOnly: 315, neither: 9501, antecedentCount: 19, consequentCount: 327, transactionCount: 9835 };
 * const neitherShare = (t: RuleContingencyTable) => t.neither / t.transactionCount;
 * neitherShare(table); // => 0.966039654295882
 * ```
 */
export interface RuleContingencyTable {
  /** Transactions with X and Y: n(XY). */
  readonly both: number;
  /** Transactions with X but not Y. */
  readonly antecedentOnly: number;
  /** Transactions with Y but not X. */
  readonly consequentOnly: number;
  /** Transactions with neither. */
  readonly neither: number;
  /** n(X). */
  readonly antecedentCount: number;
  /** n(Y). */
  readonly consequentCount: number;
  /** N. */
  readonly transactionCount: number;
}

/**
 * An association rule X => Y ("antecedent implies consequent") with its
 * interest measures. Notation: N transactions; P(X) = n(X)/N the share of
 * transactions containing every item of X; P(XY) the share containing X and Y;
 * a = n(XY), b = n(X not Y), c = n(Y not X), d = n(neither). Where a formula
 * would be 0/0 the stated neutral value is used: no measure is ever NaN.
 * References: Hahsler (2015), "A probabilistic comparison of commonly used
 * interest measures for association rules" (arules measure list); Tan, Kumar,
 * Srivastava (2004), "Selecting the right objective measure for association
 * analysis", Information Systems 29(4).
 *
 * @example
 * ```ts
 * const [rule] = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5, sortBy: "lift", maxRules: 1 }).rules;
 * rule.antecedent; // => ["Instant food products", "soda"]
 * rule.consequent; // => ["hamburger meat"]
 * rule.lift;       // => 18.995654273297923
 * ```
 */
export interface AssociationRule {
  /** Items on the left-hand side (X), sorted by name; empty only for minLength 1 rules `{} => {y}`. */
  readonly antecedent: readonly string[];
  /** Items on the right-hand side (Y), sorted by name. */
  readonly consequent: readonly string[];
  /** Support P(XY). Range [0, 1]. */
  readonly support: number;
  /** Confidence P(XY) / P(X) = P(Y | X). Range [0, 1]. */
  readonly confidence: number;
  /** Lift P(XY) / (P(X) P(Y)); 1 under independence, symmetric in X and Y. Range [0, inf). */
  readonly lift: number;
  /** Count n(XY): transactions containing X and Y. */
  readonly count: number;
  /** Antecedent support P(X) (arules: coverage, lhs support). Range (0, 1]. */
  readonly antecedentSupport: number;
  /** Consequent support P(Y) (arules: rhsSupport). Range (0, 1]. */
  readonly consequentSupport: number;
  /** n(X). */
  readonly antecedentCount: number;
  /** n(Y). */
  readonly consequentCount: number;
  /** Leverage (Piatetsky-Shapiro) P(XY) - P(X) P(Y). Range [-0.25, 0.25]. */
  readonly leverage: number;
  /** Conviction (1 - P(Y)) / (1 - confidence). Range [0, inf]; Infinity when confidence is 1; 1 when P(Y) = 1. */
  readonly conviction: number;
  /** Added value confidence - P(Y). Range [-1, 1]. */
  readonly addedValue: number;
  /**
   * Certainty factor (Berzal et al. 2002): (confidence - P(Y)) / (1 - P(Y)) when confidence > P(Y),
   * (confidence - P(Y)) / P(Y) when confidence < P(Y), else 0. Range [-1, 1].
   */
  readonly certainty: number;
  /** Cosine P(XY) / sqrt(P(X) P(Y)). Range [0, 1]. */
  readonly cosine: number;
  /** Jaccard P(XY) / (P(X) + P(Y) - P(XY)). Range [0, 1]. */
  readonly jaccard: number;
  /** Kulczynski (P(Y|X) + P(X|Y)) / 2. Range [0, 1]. */
  readonly kulczynski: number;
  /** Imbalance ratio |P(X) - P(Y)| / (P(X) + P(Y) - P(XY)). Range [0, 1]. */
  readonly imbalanceRatio: number;
  /** All-confidence P(XY) / max(P(X), P(Y)). Range [0, 1]. */
  readonly allConfidence: number;
  /** Odds ratio a d / (b c). Range [0, inf]; Infinity when b c = 0 < a d; 1 when both are 0. */
  readonly oddsRatio: number;
  /** Phi correlation (a d - b c) / sqrt(n(X) n(not X) n(Y) n(not Y)). Range [-1, 1]; 0 when a margin is 0. */
  readonly phi: number;
  /** Yule's Q (a d - b c) / (a d + b c). Range [-1, 1]; 0 when both products are 0. */
  readonly yulesQ: number;
  /**
   * Zhang's metric (P(XY) - P(X) P(Y)) / max(P(XY) (1 - P(X)), P(X) (P(Y) - P(XY))) (Zhang 2000).
   * Range [-1, 1]; 0 when the denominator is 0.
   */
  readonly zhangsMetric: number;
  /** Pearson chi-squared statistic of the 2x2 table, no continuity correction: N (a d - b c)^2 / (margins). Range [0, N]; 0 when a margin is 0. */
  readonly chiSquared: number;
  /**
   * p-value of Fisher's exact test, one-sided (greater: X and Y appear together more often than
   * under independence), as arules' default for rules: P(H >= a) for H hypergeometric with the
   * table's margins, summed in log space. Range [0, 1]; 0 only when the p-value is below the smallest double (about 1e-308).
   */
  readonly fishersExactTest: number;
  /**
   * Improvement (Bayardo, Agrawal, Gunopulos 2000): min over every proper subset X' of X (the empty
   * set included, whose confidence is P(Y)) of confidence(X => Y) - confidence(X' => Y). Range [-1, 1];
   * <= 0 means a more general rule is at least as confident.
   */
  readonly improvement: number;
  /** Laplace-corrected confidence (a + 1) / (n(X) + 2). Range (0, 1). */
  readonly laplace: number;
  /**
   * Mutual information of the indicators of X and Y (natural log), divided by min(H(X), H(Y)) so that
   * it lies in [0, 1] (uncertainty coefficient); 0 when either entropy is 0.
   */
  readonly mutualInformation: number;
  /**
   * Collective strength (Aggarwal and Yu 1998): [(P(XY) + P(not X not Y)) / (P(X)P(Y) + P(not X)P(not Y))] x
   * [(1 - P(X)P(Y) - P(not X)P(not Y)) / (1 - P(XY) - P(not X not Y))]. Range [0, inf]; 1 under independence;
   * Infinity when X and Y always agree.
   */
  readonly collectiveStrength: number;
  /** Values of the custom measures given in `options.measures`, by name (empty object when none). */
  readonly customMeasures: Readonly<Record<string, number>>;
}
