import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { loyaltyLevel } from "./loyaltyLevel.js";

describe("loyaltyLevel", () => {
  it("returns the deepest phase reached", () => {
    expect(loyaltyLevel({})).toBe("none");
    expect(loyaltyLevel({ cognitive: true })).toBe("cognitive");
    expect(loyaltyLevel({ cognitive: true, affective: true })).toBe("affective");
    expect(loyaltyLevel({ affective: true, conative: true, repurchases: 2 })).toBe("conative");
  });
  it("needs three repurchases for action loyalty by default", () => {
    expect(loyaltyLevel({ repurchases: 2 })).toBe("none");
    expect(loyaltyLevel(Object.freeze({ repurchases: 3 }), Object.freeze({}))).toBe("action");
    expect(loyaltyLevel({ repurchases: 4 }, { minRepurchases: 5 })).toBe("none");
  });
  it("refuses a negative or fractional repurchase count", () => {
    expect(() => loyaltyLevel({ repurchases: -1 })).toThrowError(InvalidOptionsError);
    expect(() => loyaltyLevel({ repurchases: 1.5 })).toThrowError(/non-negative integer/);
  });
});
