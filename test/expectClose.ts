/** An element-wise tolerance check of numeric arrays against reference values, for the tests. */
import { expect } from "vitest";

/**
 * Checks that `actual` has the length of `expected` and that each value is within `tolerance`
 * (absolute) of the reference at its index; a failure names the index and both values.
 */
export function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, j) => {
    expect(Math.abs(value - (expected[j] as number)), `index ${j}: ${value} vs ${expected[j]}`).toBeLessThan(
      tolerance,
    );
  });
}
