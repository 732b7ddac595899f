import { InvalidOptionsError } from "../errors.js";

/**
 * Argument checks of the helpers exported from `clientele/core`. Each throws an
 * {@link InvalidOptionsError} naming the function and the argument (the
 * `path`), with the value received. They are single comparisons so that
 * helpers called in loops (random draws, `CompensatedSum.add`) stay as fast as
 * before.
 */

/** The error for one bad argument. */
export function argumentError(
  functionName: string,
  path: string,
  message: string,
  received: unknown,
): InvalidOptionsError {
  return new InvalidOptionsError(functionName, [{ path, message, received }]);
}

/** `value` is an array, a typed array or another object with a non-negative integer `length`. */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return !(value instanceof DataView);
  if (typeof value !== "object" || value === null) return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isInteger(length) && length >= 0;
}

/** Throws unless `value` is array-like (see {@link isArrayLike}). */
export function checkArrayLike(functionName: string, path: string, value: unknown): void {
  if (!isArrayLike(value)) {
    throw argumentError(functionName, path, "expected an array (or typed array) of numbers", value);
  }
}

/** Throws unless `value` is a finite number. */
export function checkFinite(functionName: string, path: string, value: unknown): void {
  if (!Number.isFinite(value)) {
    throw argumentError(functionName, path, "expected a finite number", value);
  }
}

/** Throws unless `value` is a number in [0, 1]. */
export function checkProbability(functionName: string, path: string, value: unknown): void {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw argumentError(functionName, path, "expected a probability: a number from 0 to 1", value);
  }
}

/** Throws unless `value` is a finite number greater than 0. */
export function checkPositive(functionName: string, path: string, value: unknown): void {
  if (!(Number.isFinite(value) && (value as number) > 0)) {
    throw argumentError(functionName, path, "expected a finite number greater than 0", value);
  }
}
