import { describe, expect, it } from "vitest";
import { optionsError } from "../../test/unknownOptions.js";
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

describe("loyaltyLevel refuses evidence it cannot read", () => {
  const issueOf = (call: () => unknown) => optionsError(call).issues[0];
  it("rejects a non-boolean attitude instead of answering none", () => {
    expect(issueOf(() => loyaltyLevel({ cognitive: "yes" } as never))?.path).toBe("evidence.cognitive");
    expect(issueOf(() => loyaltyLevel({ affective: 1 } as never))?.path).toBe("evidence.affective");
    expect(issueOf(() => loyaltyLevel({ conative: "true" } as never))?.path).toBe("evidence.conative");
    // explicit undefined and false are still fine
    expect(loyaltyLevel({ cognitive: true, affective: false, conative: undefined } as never)).toBe(
      "cognitive",
    );
  });
  it("rejects a misspelt evidence key, suggesting the intended one", () => {
    const issue = issueOf(() => loyaltyLevel({ conatve: true } as never));
    expect(issue?.path).toBe("evidence.conatve");
    expect(issue?.message).toMatch(/did you mean "conative"\?/);
    expect(issueOf(() => loyaltyLevel({ repurchase: 5 } as never))?.message).toMatch(
      /did you mean "repurchases"\?/,
    );
  });
  it("rejects an array as evidence and a misspelt option", () => {
    expect(issueOf(() => loyaltyLevel([] as never))?.path).toBe("evidence");
    const issue = issueOf(() => loyaltyLevel({ repurchases: 1 }, { minRepurchase: 1 } as never));
    expect(issue?.path).toBe("minRepurchase");
    expect(issue?.message).toMatch(/did you mean "minRepurchases"\?/);
  });
});
