import { InvalidRecordError } from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import type { AssociationRule } from "../AssociationRule.js";

/**
 * Rules given directly or as an `associationRules` result.
 * @inline
 */
export type RulesInput<R extends AssociationRule = AssociationRule> =
  | readonly R[]
  | { readonly rules: readonly R[] };

/** Rule fields that are probabilities: a value outside [0, 1] cannot come from associationRules. */
const PROBABILITIES: ReadonlySet<string> = new Set(["support", "confidence", "fishersExactTest"]);

/**
 * The rule array of a {@link RulesInput}, checked to hold rules: objects with string-array antecedent
 * and consequent, a confidence in [0, 1], and every field in `fields` a number that is not NaN (in
 * [0, 1] for support, confidence and fishersExactTest). A bad value is an {@link InvalidRecordError}
 * naming the rule index, the field and the value. O(rules x fields).
 */
export function rulesOf<R extends AssociationRule>(
  input: RulesInput<R>,
  functionName: string,
  fields: readonly string[] = [],
): readonly R[] {
  const rules = Array.isArray(input) ? (input as readonly R[]) : (input as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) {
    throw argumentError(
      functionName,
      "rules",
      "expected an array of rules or an associationRules result",
      input,
    );
  }
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Partial<AssociationRule> | undefined;
    if (
      rule === null ||
      typeof rule !== "object" ||
      !Array.isArray(rule.antecedent) ||
      !Array.isArray(rule.consequent) ||
      typeof rule.confidence !== "number"
    ) {
      throw argumentError(
        functionName,
        `rules.${i}`,
        "expected a rule from associationRules (antecedent, consequent, confidence, ...)",
        rule,
      );
    }
    for (const side of ["antecedent", "consequent"] as const) {
      const list = rule[side] as readonly unknown[];
      for (let k = 0; k < list.length; k++) {
        if (typeof list[k] !== "string") {
          throw new InvalidRecordError(
            functionName,
            i,
            `${side}[${k}]`,
            list[k],
            "expected an item name (string)",
          );
        }
      }
    }
    for (const field of ["confidence", ...fields]) {
      const value = (rule as Record<string, unknown>)[field];
      const probability = PROBABILITIES.has(field);
      if (typeof value !== "number" || Number.isNaN(value) || (probability && (value < 0 || value > 1))) {
        throw new InvalidRecordError(
          functionName,
          i,
          field,
          value,
          probability
            ? "expected a number in [0, 1] as computed by associationRules; drop or recompute edited rules"
            : "expected a number (not NaN) as computed by associationRules; drop or recompute edited rules",
        );
      }
    }
  }
  return rules as readonly R[];
}

/** A canonical key of an item set (sorted names joined by an unlikely separator). */
export function itemsKey(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : [...items].sort().join("\u0000");
}
