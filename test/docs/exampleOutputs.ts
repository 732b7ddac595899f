/**
 * The documented outputs of TSDoc examples use a few forms the README's
 * snippets do not; they are rewritten here into the snippet engine's literals
 * (./snippets.ts) before the check:
 * - a trailing remark in parentheses, `// => 2.5 (R: quantile(1:4, 0.5))`, is dropped;
 * - a typed array, `Float64Array [5, 7.5]`, is matched as the array of its values;
 * - a number with `...`, `0.6984...`, matches the digits shown, truncated or rounded;
 * - `\n` in a string is a line break;
 * - an integer matches up to floating-point rounding (a relative 1e-12).
 */
import { literalMismatch, outcomeMismatch, parseLiteral, type SnippetStep } from "./snippets.js";

type Literal = ReturnType<typeof parseLiteral>;

const TYPED_ARRAY = /\b(?:Float64|Float32|Int32|Int16|Int8|Uint32|Uint16|Uint8|Uint8Clamped)Array\s*(?=\[)/g;
const TRUNCATED = /(-?\d+\.\d+)\.\.\.(?!\.)/g;

/** Drops one trailing parenthesised remark after the literal (`2.5 (R: quantile(1:4, 0.5))` gives `2.5`). */
function withoutRemark(text: string): string {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith(")")) return trimmed;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (trimmed[i] === ")") depth++;
    else if (trimmed[i] === "(") depth--;
    if (depth === 0) {
      const before = trimmed.slice(0, i).trimEnd();
      return before === "" || !/\s$/.test(trimmed.slice(0, i)) ? trimmed : before;
    }
  }
  return trimmed;
}

/** Parses a documented value in the extended forms above into the engine's literal. */
export function parseDocumentedValue(text: string): Literal {
  const truncated = new Set<number>();
  const rewritten = withoutRemark(text)
    .replace(/\\n/g, "\n")
    .replace(TYPED_ARRAY, "")
    .replace(TRUNCATED, (_, digits: string) => {
      truncated.add(Number(digits));
      return digits;
    });
  const widen = (literal: Literal): Literal => {
    if (literal.kind === "number") {
      if (truncated.has(literal.value)) {
        // `0.6984...`: the digits shown, truncated or rounded: [0.69835, 0.6985] (one unit u = 2 tolerances).
        const unit = 2 * literal.tolerance;
        return {
          ...literal,
          value: literal.value + Math.sign(literal.value) * unit * 0.25,
          tolerance: unit * 0.75,
        };
      }
      // A documented integer matches up to floating-point rounding (`100` for 100.00000000000003).
      return literal.tolerance === 0 ? { ...literal, tolerance: Math.abs(literal.value) * 1e-12 } : literal;
    }
    if (literal.kind === "array") return { ...literal, items: literal.items.map(widen) };
    if (literal.kind === "object")
      return {
        ...literal,
        entries: literal.entries.map(([key, value]) => [key, widen(value)] as [string, Literal]),
      };
    return literal;
  };
  return widen(parseLiteral(rewritten));
}

/** As `outcomeMismatch`, with documented values in the extended forms. */
export function exampleOutcomeMismatch(
  step: SnippetStep,
  outcome: { value?: unknown; error?: unknown },
): string | undefined {
  if (step.expected?.kind !== "value" || "error" in outcome) return outcomeMismatch(step, outcome);
  return literalMismatch(parseDocumentedValue(step.expected.text), outcome.value);
}
