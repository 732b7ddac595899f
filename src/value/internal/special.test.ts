import { describe, expect, it } from "vitest";
import reference from "../../../fixtures/value/special-reference.json" with { type: "json" };
import { digamma, logGamma } from "./special.js";

describe("log-gamma and digamma against mpmath (40 digits)", () => {
  it("log-gamma is within 2.5e-15 absolute (times max(1, |value|)) on 1e-8..1e7", () => {
    for (const [x, value] of reference.logGamma as [number, number][]) {
      expect(Math.abs(logGamma(x) - value), `logGamma(${x})`).toBeLessThanOrEqual(
        2.5e-15 * Math.max(1, Math.abs(value)),
      );
    }
  });

  it("digamma is within 2e-15 absolute (times max(1, |value|)), including next to its zero at 1.4616", () => {
    for (const [x, value] of reference.digamma as [number, number][]) {
      expect(Math.abs(digamma(x) - value), `digamma(${x})`).toBeLessThanOrEqual(
        2e-15 * Math.max(1, Math.abs(value)),
      );
    }
  });
});
