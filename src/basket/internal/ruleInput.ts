import { InvalidOptionsError } from "../../core/index.js";
import type { AssociationRule } from "../AssociationRule.js";

/** Rules given directly or as an `associationRules` result. */
export type RulesInput<R extends AssociationRule = AssociationRule> =
  | readonly R[]
  | { readonly rules: readonly R[] };

/** The rule array of a {@link RulesInput}, checked to hold rules. */
export function rulesOf<R extends AssociationRule>(input: RulesInput<R>, functionName: string): readonly R[] {
  const rules = Array.isArray(input) ? (input as readonly R[]) : (input as { rules?: unknown })?.rules;
  if (!Array.isArray(rules)) {
    throw new InvalidOptionsError(functionName, [
      { path: "rules", message: "expected an array of rules or an associationRules result", received: input },
    ]);
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
      throw new InvalidOptionsError(functionName, [
        {
          path: `rules.${i}`,
          message: "expected a rule from associationRules (antecedent, consequent, confidence, ...)",
          received: rule,
        },
      ]);
    }
  }
  return rules as readonly R[];
}

/** A canonical key of an item set (sorted names joined by an unlikely separator). */
export function itemsKey(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : [...items].sort().join("\u0000");
}
