import { oneOf } from "../../core/internal/optionRules.js";
import type { AssociationRule } from "../AssociationRule.js";
import type { Transactions } from "../Transactions.js";
import { alphabeticalRanks, confidence, itemFlags, labelsOf, lift, wholeCount } from "./common.js";
import { logFactorials } from "./fisher.js";
import { improvementTable } from "./improvement.js";
import type { ItemsetIndex } from "./itemsetIndex.js";
import type { MinedItemsets } from "./mining.js";
import { nameList } from "./optionChecks.js";
import { ruleObject } from "./ruleObject.js";

/** Most items of an itemset split into rules: a split is a bit mask over its items. */
export const MAX_RULE_ITEMS = 30;

/**
 * Rules of the rule thresholds and constraints' options, shared by associationRules and streamRules
 * (defaults are applied where the options are read).
 */
export const ruleShape = {
  minConfidence: confidence,
  minLift: lift,
  minLength: wholeCount,
  consequent: /* @__PURE__ */ oneOf(["single", "all"]),
  antecedentItems: /* @__PURE__ */ nameList(),
  consequentItems: /* @__PURE__ */ nameList(),
};

/**
 * What decides which splits are rules: the parsed options of associationRules and streamRules, with
 * `minConfidence` resolved.
 */
export interface RuleSplitOptions {
  readonly minConfidence: number;
  readonly minLift?: number | undefined;
  readonly antecedentItems?: readonly string[] | undefined;
  readonly consequentItems?: readonly string[] | undefined;
  /** `"all"`: any split; otherwise single-item consequents. */
  readonly consequent?: "single" | "all" | undefined;
}

/**
 * The rules X => Y of mined itemsets, for associationRules and streamRules. A split is an itemset z
 * (an index into the mined itemsets) and a consequent mask `right` over its items (bit k: its k-th
 * item in code order); the antecedent is the rest of the itemset. Counts come from the mined itemsets
 * through their hash index (no rescan of the data).
 */
export interface RuleSplits {
  /** Log factorials 0..N, for the measures (Fisher's exact test). */
  readonly logFactorial: Float64Array;
  /** Count of the sub-itemset of z picked by `mask`: N for the empty set, -1 when it was not mined. */
  countOf(z: number, mask: number): number;
  /** Whether every item of the split is allowed on its side (`antecedentItems`, `consequentItems`). */
  allowed(z: number, right: number): boolean;
  /** Whether a split with these counts passes minConfidence and minLift (and its subsets were mined). */
  passes(both: number, left: number, rightCount: number): boolean;
  /** Improvement of the split with confidence `confidence` (see improvement.ts). */
  improvementOf(z: number, right: number, confidence: number): number;
  /** The rule object of a split, from its antecedent and consequent counts. */
  rule(
    z: number,
    right: number,
    left: number,
    rightCount: number,
    improvement: number,
    customMeasures?: Record<string, number>,
  ): AssociationRule;
}

/** The rule splits of the itemsets `mined` from `data` (`index` looks them up). */
export function ruleSplits(
  data: Transactions,
  mined: MinedItemsets,
  index: ItemsetIndex,
  options: RuleSplitOptions,
): RuleSplits {
  const { offsets, items, counts } = mined;
  const n = data.transactionCount;
  const labels = data.itemLabels;
  const minConfidence = options.minConfidence;
  const minLift = options.minLift ?? -Infinity;
  const allSplits = options.consequent === "all";
  const improvement = improvementTable(offsets, items, counts, index, n, MAX_RULE_ITEMS);
  const logFactorial = logFactorials(n);
  const ranks = alphabeticalRanks(data);
  const allowedLeft = itemFlags(labels, options.antecedentItems);
  const allowedRight = itemFlags(labels, options.consequentItems);
  const leftCodes = new Int32Array(MAX_RULE_ITEMS);
  const rightCodes = new Int32Array(MAX_RULE_ITEMS);
  return {
    logFactorial,
    // every subset of a frequent itemset is frequent, hence mined (unless a budget truncated the search)
    countOf: (z, mask) => (mask === 0 ? n : improvement.countOf(z, mask)),
    allowed(z, right) {
      if (allowedLeft === undefined && allowedRight === undefined) return true;
      const from = offsets[z] as number;
      const to = offsets[z + 1] as number;
      for (let k = 0; from + k < to; k++) {
        const allowedOnSide = ((right >>> k) & 1) === 1 ? allowedRight : allowedLeft;
        if (allowedOnSide !== undefined && allowedOnSide[items[from + k] as number] === 0) return false;
      }
      return true;
    },
    passes: (both, left, rightCount) =>
      left > 0 &&
      rightCount > 0 &&
      both >= minConfidence * left &&
      (both * n) / (left * rightCount) >= minLift,
    improvementOf: (z, right, confidence) =>
      allSplits
        ? improvement.multi(z, right, confidence)
        : improvement.single(z, 31 - Math.clz32(right), confidence),
    rule(z, right, left, rightCount, gain, customMeasures) {
      const from = offsets[z] as number;
      const length = (offsets[z + 1] as number) - from;
      let leftLength = 0;
      let rightLength = 0;
      for (let k = 0; k < length; k++) {
        if ((right >>> k) & 1) rightCodes[rightLength++] = items[from + k] as number;
        else leftCodes[leftLength++] = items[from + k] as number;
      }
      return ruleObject(
        labelsOf(leftCodes, 0, leftLength, labels, ranks),
        labelsOf(rightCodes, 0, rightLength, labels, ranks),
        counts[z] as number,
        left,
        rightCount,
        n,
        logFactorial,
        gain,
        customMeasures,
      );
    },
  };
}
