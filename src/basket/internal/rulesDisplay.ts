import { withDisplay } from "../../core/index.js";
import type { AssociationRule } from "../AssociationRule.js";

/** What the display of a rules result reads. */
interface RulesResult {
  readonly rules: readonly AssociationRule[];
  readonly transactionCount: number;
  readonly truncated: boolean;
  readonly truncatedReason: string | undefined;
  readonly options: { readonly minSupport: number; readonly minConfidence: number };
}

/**
 * Attaches the display of a rules result (associationRules, multiLevelRules): the title, one summary
 * line (`note` inserted before the truncation flag) and a row per rule with its main measures.
 */
export function withRulesDisplay<R extends RulesResult>(result: R, title: string, note = ""): Readonly<R> {
  return withDisplay(result, {
    title,
    summary: (r) => [
      `${r.rules.length} rules from ${r.transactionCount} transactions (min support ${r.options.minSupport}, min confidence ${r.options.minConfidence})${note}${r.truncated ? `, TRUNCATED by ${r.truncatedReason}` : ""}`,
    ],
    rows: (r) =>
      r.rules.map((rule) => ({
        antecedent: rule.antecedent,
        consequent: rule.consequent,
        support: rule.support,
        confidence: rule.confidence,
        lift: rule.lift,
        count: rule.count,
      })),
  });
}
