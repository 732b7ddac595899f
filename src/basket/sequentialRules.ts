import { InvalidOptionsError, withDisplay } from "../core/index.js";
import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, oneOf } from "../core/internal/optionRules.js";
import { confidence, lift, wholeCount } from "./internal/common.js";
import { formatSequence, sequenceShape } from "./internal/sequenceCommon.js";
import {
  minePatterns,
  type SequentialPattern,
  type SequentialPatternsOptions,
  type SequentialPatternsResult,
} from "./sequentialPatterns.js";

/**
 * A sequential rule "bought X, then Y": X is a sequence of elements, Y one element bought in a later
 * basket (arulesSequences' `ruleInduction`: the consequent is the last element of a frequent pattern).
 *
 * @example
 * ```ts
 * // ann and bob buy diapers, then beer 7 and 48 days later; cat buys beer
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const { rules } = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5, minConfidence: 0.5 });
 * rules[0];
 * // => { antecedent: [["diapers"]], consequent: ["beer"], label: "<{diapers}> => <{beer}>", support: 0.6666666666666666,
 * //      confidence: 1, lift: 1, count: 2, antecedentSupport: 0.6666666666666666, consequentSupport: 1,
 * //      antecedentCount: 2, consequentCount: 3, medianDaysBetween: 27.5 }
 * ```
 */
export interface SequentialRule {
  /** X: the elements bought first, in order. */
  readonly antecedent: readonly (readonly string[])[];
  /** Y: the element bought afterwards (items sorted by name). */
  readonly consequent: readonly string[];
  /** `<{diapers}> => <{beer, chips}>`, as arulesSequences writes rules (with spaces). */
  readonly label: string;
  /** Support of the whole pattern X then Y: share of customers. */
  readonly support: number;
  /** support(X then Y) / support(X): P(later Y | X). Range (0, 1]. */
  readonly confidence: number;
  /** confidence / support(<Y>), as arulesSequences; 1 when Y follows X as often as Y is bought at all. */
  readonly lift: number;
  /** Customers whose sequence contains X then Y. */
  readonly count: number;
  /** Support of the pattern X. */
  readonly antecedentSupport: number;
  /** Support of the one-element pattern <Y> (bought at any time). */
  readonly consequentSupport: number;
  readonly antecedentCount: number;
  readonly consequentCount: number;
  /**
   * Median over the customers of the rule of the shortest time in days from the basket matching X's
   * last element to the one matching Y (see {@link SequentialPattern.medianGapDays}).
   */
  readonly medianDaysBetween: number;
}

/**
 * Options of {@link sequentialRules}: the rule thresholds, plus the options of
 * {@link sequentialPatterns} when mining from records.
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const options: SequentialRulesOptions<(typeof lines)[number]> = {
 *   customer: "customer", date: "date", item: "product", minSupport: 0.5, minConfidence: 0.9, sortBy: "lift",
 * };
 * sequentialRules(lines, options).rules.length; // => 1
 * ```
 */
export interface SequentialRulesOptions<T> extends Partial<SequentialPatternsOptions<T>> {
  /** Minimum confidence in [0, 1]. @defaultValue 0.8 (as arulesSequences' ruleInduction) */
  readonly minConfidence?: number;
  /** Minimum lift. @defaultValue none */
  readonly minLift?: number;
  /** Measure the rules are sorted by, descending (ties keep pattern order). @defaultValue "confidence" */
  readonly sortBy?: "confidence" | "lift" | "support" | "count";
  /** Keep only the best `maxRules` rules. @defaultValue none: every rule */
  readonly maxRules?: number;
}

/**
 * Result of {@link sequentialRules}.
 *
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const result = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * [result.rules.length, result.customerCount, result.patternCount]; // => [1, 3, 3]
 * ```
 */
export interface SequentialRulesResult {
  readonly rules: readonly SequentialRule[];
  /** Customers the patterns were counted over. */
  readonly customerCount: number;
  /** Patterns the rules were induced from. */
  readonly patternCount: number;
  /** True when the patterns were a truncated result: rules are missing. */
  readonly truncated: boolean;
  readonly options: {
    readonly minConfidence: number;
    readonly minLift: number | undefined;
    readonly sortBy: "confidence" | "lift" | "support" | "count";
    readonly maxRules: number | undefined;
    /** The resolved options of the pattern search. */
    readonly patterns: SequentialPatternsResult["options"];
  };
}

/**
 * Rules of sequentialRules' own options (the others are sequentialPatterns'); defaults (minConfidence 0.8,
 * sortBy "confidence") are applied where read. Exported for the equivalence test of basket's option rules
 * (internal/optionChecks.test.ts); not in the module index.
 */
export const sequentialRulesShape = {
  minConfidence: confidence,
  minLift: lift,
  sortBy: oneOf(["confidence", "lift", "support", "count"]),
  maxRules: wholeCount,
};
const patternKeys = Object.keys(sequenceShape);

/** True for a {@link SequentialPatternsResult} (as opposed to an array of records). */
function isPatternsResult(value: unknown): value is SequentialPatternsResult {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Array.isArray((value as { patterns?: unknown }).patterns) &&
    typeof (value as { customerCount?: unknown }).customerCount === "number"
  );
}

/**
 * Induces sequential rules "bought X, then Y" from frequent sequential patterns, as arulesSequences'
 * `ruleInduction`: every pattern of two or more elements gives the rule (all elements but the last)
 * => (the last element), kept when its confidence support(pattern) / support(X) reaches
 * `minConfidence`. Lift is confidence / support(<Y>). Each rule also tells how long customers
 * took: the median of the shortest time from X's last basket to Y's.
 *
 * From records, the patterns are mined first with {@link sequentialPatterns} (same options). From a
 * `sequentialPatterns` result, X and <Y> are looked up among its patterns: every constraint survives
 * dropping the last element, so they are there unless the result was truncated (then rules whose X
 * or <Y> is missing are left out and `truncated` is true).
 *
 * Complexity: one hash lookup of X and of <Y> per pattern, then a sort of the rules.
 *
 * @param input - a {@link SequentialPatternsResult}, or order-line records (not mutated)
 * @param options - {@link SequentialRulesOptions}
 * @throws InvalidOptionsError for out-of-range thresholds, unknown options, pattern options given
 *   with a patterns result, or (from records) any error of {@link sequentialPatterns}
 * @throws InvalidRecordError / InsufficientDataError as {@link sequentialPatterns}, from records
 * @see Buchta and Hahsler, arulesSequences (R): `ruleInduction`; Zaki (2001), SPADE, Machine Learning 42.
 * @example
 * ```ts
 * const lines = [
 *   { customer: "ann", date: "2024-01-02", product: "diapers" },
 *   { customer: "ann", date: "2024-01-09", product: "beer" },
 *   { customer: "bob", date: "2024-01-03", product: "diapers" },
 *   { customer: "bob", date: "2024-02-20", product: "beer" },
 *   { customer: "cat", date: "2024-01-05", product: "beer" },
 * ];
 * const { rules } = sequentialRules(lines, { customer: "customer", date: "date", item: "product", minSupport: 0.5 });
 * rules.map((r) => `${r.label} confidence ${r.confidence} lift ${r.lift} after ${r.medianDaysBetween} days`);
 * // => ["<{diapers}> => <{beer}> confidence 1 lift 1 after 27.5 days"]
 * ```
 */
export function sequentialRules<T>(
  input: SequentialPatternsResult | readonly T[],
  options: SequentialRulesOptions<T> = {},
): SequentialRulesResult {
  const fn = "sequentialRules";
  if (typeof options !== "object" || options === null) {
    throw argumentError(fn, "", "expected an options object", options);
  }
  const ruleOptions: Record<string, unknown> = {};
  const patternOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (patternKeys.includes(key)) patternOptions[key] = value;
    else ruleOptions[key] = value;
  }
  const parsed = checkOptions(fn, sequentialRulesShape, ruleOptions);
  const minConfidence = parsed.minConfidence ?? 0.8;
  const sortBy = parsed.sortBy ?? "confidence";
  let patterns: SequentialPatternsResult;
  if (isPatternsResult(input)) {
    const given = Object.keys(patternOptions);
    if (given.length > 0) {
      throw new InvalidOptionsError(
        fn,
        given.map((key) => ({
          path: key,
          message:
            "the patterns are already mined: pass pattern options to sequentialPatterns, or pass records",
          received: patternOptions[key],
        })),
      );
    }
    patterns = input;
  } else {
    patterns = minePatterns(
      input as readonly T[],
      patternOptions as unknown as SequentialPatternsOptions<T>,
      fn,
    );
  }
  const byLabel = new Map<string, SequentialPattern>();
  for (const pattern of patterns.patterns) byLabel.set(pattern.label, pattern);
  const rules: SequentialRule[] = [];
  for (const pattern of patterns.patterns) {
    if (pattern.size < 2) continue;
    const antecedent = pattern.elements.slice(0, -1);
    const consequent = pattern.elements[pattern.elements.length - 1] as readonly string[];
    const left = byLabel.get(formatSequence(antecedent));
    const right = byLabel.get(formatSequence([consequent]));
    if (left === undefined || right === undefined) continue;
    const confidence = pattern.count / left.count;
    if (confidence < minConfidence) continue;
    const lift = confidence / right.support;
    if (parsed.minLift !== undefined && lift < parsed.minLift) continue;
    rules.push({
      antecedent,
      consequent,
      label: `${left.label} => ${right.label}`,
      support: pattern.support,
      confidence,
      lift,
      count: pattern.count,
      antecedentSupport: left.support,
      consequentSupport: right.support,
      antecedentCount: left.count,
      consequentCount: right.count,
      medianDaysBetween: pattern.medianGapDays as number,
    });
  }
  // best first; Array.prototype.sort is stable, so ties keep the order of the patterns
  const sorted = rules.sort((a, b) => b[sortBy] - a[sortBy]);
  const kept = parsed.maxRules === undefined ? sorted : sorted.slice(0, parsed.maxRules);
  const result: SequentialRulesResult = {
    rules: kept,
    customerCount: patterns.customerCount,
    patternCount: patterns.patterns.length,
    truncated: patterns.truncated,
    options: {
      minConfidence,
      minLift: parsed.minLift,
      sortBy,
      maxRules: parsed.maxRules,
      patterns: patterns.options,
    },
  };
  return withDisplay(result, {
    title: "Sequential rules",
    summary: (r) => [
      `${r.rules.length} rules from ${r.patternCount} patterns over ${r.customerCount} customers (min confidence ${r.options.minConfidence})${r.truncated ? ", from TRUNCATED patterns" : ""}`,
    ],
    rows: (r) =>
      r.rules.map((rule) => ({
        antecedent: formatSequence(rule.antecedent),
        consequent: formatSequence([rule.consequent]),
        support: rule.support,
        confidence: rule.confidence,
        lift: rule.lift,
        count: rule.count,
        medianDaysBetween: rule.medianDaysBetween,
      })),
  });
}
