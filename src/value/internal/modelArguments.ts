/**
 * Argument checks of the fitted models' methods (probabilityAlive, expectedPurchases,
 * conditionalExpectedPurchases, conditionalExpectedAverageProfit). They run once per call while
 * scoring millions of customers, so the accepted path is one comparison chain; the error (an
 * InvalidOptionsError naming the method, the argument, the value and the fix) is built only on failure.
 */
import { InvalidOptionsError } from "../../core/index.js";

export function refuse(method: string, argument: string, value: unknown, expectation: string): never {
  throw new InvalidOptionsError(method, [
    {
      path: argument,
      message: `received ${String(value)} (${typeof value}); ${expectation}`,
      received: value,
    },
  ]);
}

/** Checks a count: a non-negative integer (`what` it counts completes "expected a non-negative integer"). */
export function checkWhole(
  method: string,
  argument: string,
  value: unknown,
  what: string,
): asserts value is number {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return;
  refuse(method, argument, value, `expected a non-negative integer ${what}`);
}

/** Checks a finite number ≥ 0 (`expectation`: the error's words). */
export function checkFiniteNonNegative(
  method: string,
  argument: string,
  value: unknown,
  expectation: string,
): asserts value is number {
  if (typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY) return;
  refuse(method, argument, value, expectation);
}

/** Checks a horizon `t`: a finite number ≥ 0. */
export function checkHorizon(method: string, t: unknown): void {
  checkFiniteNonNegative(
    method,
    "t",
    t,
    "expected a finite, non-negative time span in the summary's time unit",
  );
}

/**
 * Checks a customer history: frequency a non-negative integer, 0 ≤ recency ≤ T (T finite),
 * recency 0 when frequency is 0 — the rules `repeatPurchaseSummary` produces and the fitters enforce.
 */
export function checkHistory(method: string, frequency: unknown, recency: unknown, T: unknown): void {
  if (
    typeof frequency === "number" &&
    typeof recency === "number" &&
    typeof T === "number" &&
    Number.isInteger(frequency) &&
    frequency >= 0 &&
    recency >= 0 &&
    T < Number.POSITIVE_INFINITY &&
    T >= recency - 1e-9 &&
    (frequency > 0 || recency === 0)
  ) {
    return;
  }
  checkFrequency(method, frequency);
  checkFiniteNonNegative(
    method,
    "recency",
    recency,
    "expected a finite, non-negative time since the first purchase",
  );
  if (typeof T !== "number" || !(T < Number.POSITIVE_INFINITY) || !(T >= recency - 1e-9))
    refuse(
      method,
      "T",
      T,
      `expected a finite age T at least recency (${recency}); pass (frequency, recency, T) in that order`,
    );
  refuse(method, "recency", recency, "a customer without repeat purchases (frequency 0) has recency 0");
}

/** Checks a monetary value: a finite number ≥ 0. */
export function checkMonetaryValue(method: string, monetaryValue: unknown): void {
  checkFiniteNonNegative(
    method,
    "monetaryValue",
    monetaryValue,
    "expected a finite, non-negative mean purchase value",
  );
}

/** Checks a frequency alone: a non-negative integer. */
export function checkFrequency(method: string, frequency: unknown): void {
  checkWhole(method, "frequency", frequency, "count of repeat purchases");
}
