import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquareUpperTail, logGamma } from "./chiSquare.js";

const reference = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../fixtures/churn/survival/reference.json", import.meta.url)),
    "utf8",
  ),
) as { pchisq: { x: number[]; df: number[]; upper: number[]; lower: number[] } };

describe("chiSquare", () => {
  it("matches R's pchisq (both tails) on a grid of df 1..80 to 1e-11 relative", () => {
    const { x, df, upper, lower } = reference.pchisq;
    expect(x.length).toBe(120);
    x.forEach((value, i) => {
      const expectedUpper = upper[i] as number;
      const expectedLower = lower[i] as number;
      const gotUpper = chiSquareUpperTail(value, df[i] as number);
      const gotLower = chiSquareCdf(value, df[i] as number);
      expect(Math.abs(gotUpper - expectedUpper)).toBeLessThanOrEqual(1e-11 * expectedUpper + 1e-300);
      expect(Math.abs(gotLower - expectedLower)).toBeLessThanOrEqual(1e-11 * expectedLower + 1e-300);
    });
  });

  it("logGamma gives ln((n − 1)!) and ln Γ(1/2) = ln √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13); // R: lgamma(0.1)
  });

  it("is 1 at 0 and 0 at infinity", () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(Number.POSITIVE_INFINITY, 3)).toBe(0);
  });
});
