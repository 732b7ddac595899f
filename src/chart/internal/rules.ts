/** Shared input handling of the association-rule charts. */
import type { AssociationRule } from "../../basket/index.js";
import { numeric } from "../../core/internal/optionRules.js";
import { hasShape, isObject, refuseResult } from "./spec.js";

/**
 * Rules from `associationRules`, `significantRules`, `redundantRules` (their `.rules`) or a rule array.
 *
 * @example
 * ```ts
 * rulesScatterChart(associationRules(baskets)); // the result
 * rulesScatterChart(associationRules(baskets).rules.slice(0, 50)); // or an array of its rules
 * ```
 */
export type RulesInput = readonly AssociationRule[] | { readonly rules: readonly AssociationRule[] };

function isRule(value: unknown): value is AssociationRule {
  return hasShape(value, "antecedent[] consequent[] support# confidence# lift#");
}

/** What `input` holds as its rules: the array itself, or its property `rules` (undefined for anything else). */
function rulesIn(input: unknown): unknown {
  return Array.isArray(input) ? input : isObject(input) ? input.rules : undefined;
}

/** True for a result holding association rules (or an array of rules). */
export function isRulesInput(value: unknown): value is RulesInput {
  const rules = rulesIn(value);
  return Array.isArray(rules) && (rules.length === 0 || isRule(rules[0]));
}

/** The rules of `input`, checked. */
export function rulesOf(functionName: string, input: unknown): readonly AssociationRule[] {
  const rules = rulesIn(input);
  if (!Array.isArray(rules) || !rules.every(isRule)) {
    return refuseResult(
      functionName,
      "associationRules (or significantRules, redundantRules) or an array of its rules",
      input,
      "rules",
    );
  }
  return rules;
}

/** The `limit` rules with the highest lift (ties: higher support, then input order). */
export function topRulesByLift(rules: readonly AssociationRule[], limit: number): AssociationRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.lift - a.rule.lift || b.rule.support - a.rule.support || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.rule);
}

/** `{a, b} => {c}` as plain text (a data value, never an expression). */
export function ruleText(rule: AssociationRule): string {
  return `{${rule.antecedent.join(", ")}} => {${rule.consequent.join(", ")}}`;
}

/** A rule chart's `maxRules` option: a whole number from 1 to `most`. */
export function maxRulesOption(most: number) {
  return numeric({ whole: true, gte: 1, lte: most });
}

/** The rules of `input` (checked): the `maxRules` (default `fallback`) with the highest lift. */
export function topRules(
  functionName: string,
  input: unknown,
  maxRules: number | undefined,
  fallback: number,
): AssociationRule[] {
  return topRulesByLift(rulesOf(functionName, input), maxRules ?? fallback);
}
