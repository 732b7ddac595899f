import { compareText } from "./common.js";

/** Items proposed by rules (recommend, recommendNext): each item's best score and the rules proposing it. */
export type Proposals<R> = Map<string, { score: number; rules: R[] }>;

/** Records that `rule`, whose value of the ranking measure is `score`, proposes `item`. */
export function propose<R>(found: Proposals<R>, item: string, score: number, rule: R): void {
  const entry = found.get(item);
  if (entry === undefined) found.set(item, { score, rules: [rule] });
  else {
    entry.rules.push(rule);
    if (score > entry.score) entry.score = score;
  }
}

/**
 * The `limit` best proposed items: by score, then by the number of rules proposing them, then by name
 * (UTF-16 code-unit order); each item's rules sorted best first by `measureOf`.
 */
export function bestProposals<R>(
  found: Proposals<R>,
  measureOf: (rule: R) => number,
  limit: number,
): { item: string; score: number; rules: R[] }[] {
  return [...found.entries()]
    .map(([item, entry]) => ({
      item,
      score: entry.score,
      rules: entry.rules.sort((a, b) => measureOf(b) - measureOf(a)),
    }))
    .sort((a, b) => b.score - a.score || b.rules.length - a.rules.length || compareText(a.item, b.item))
    .slice(0, limit);
}
