import type { CrmRate } from "../types.js";

/** Builds a {@link CrmRate}; a zero denominator gives `value: null`. */
export function rateOf(numerator: number, denominator: number): CrmRate {
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** `a / b`, or null when b is 0. */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Formats a number with thousands separators and at most `digits` decimals (engine-independent). */
export function formatNumber(value: number, digits = 0): string {
  const fixed = Math.abs(value).toFixed(digits);
  const dot = fixed.indexOf(".");
  const whole = dot === -1 ? fixed : fixed.slice(0, dot);
  let grouped = "";
  for (let end = whole.length; end > 0; end -= 3) {
    const part = whole.slice(Math.max(0, end - 3), end);
    grouped = grouped === "" ? part : `${part},${grouped}`;
  }
  return `${value < 0 ? "-" : ""}${grouped}${dot === -1 ? "" : fixed.slice(dot)}`;
}

/** Formats a share as a percentage with one decimal, or "n/a" for null. */
export function formatPercent(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}
