/**
 * Decimal notation: optional sign, digits with an optional fraction (or a
 * fraction alone), optional exponent; surrounding whitespace allowed.
 */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Reads a numeric string written in decimal notation, the way a CSV or a form
 * field holds a number: `"12.50"`, `" -3 "`, `"1e3"`, `".5"`. Returns `NaN`
 * for anything else, including what `Number()` would also accept but a user
 * rarely means: hexadecimal, binary and octal literals (`"0x10"`, `"0b11"`,
 * `"0o7"`), `"Infinity"`, the empty or blank string, and values that overflow
 * to infinity (`"1e400"`). Decimal commas (`"12,50"`) and thousands separators
 * are refused too: convert them before calling.
 *
 * Complexity: one regular-expression test and one `Number()` conversion.
 *
 * @param text - the string to read
 * @returns the finite number written, or `NaN`
 * @example
 * ```ts
 * parseDecimal(" 12.5 "); // => 12.5
 * parseDecimal("-1e3");   // => -1000
 * Number.isNaN(parseDecimal("0x10")); // => true
 * Number.isNaN(parseDecimal(""));     // => true
 * ```
 */
export function parseDecimal(text: string): number {
  if (!DECIMAL.test(text)) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}
