import { describe, expect, it } from "vitest";
import { optionsError } from "../../test/unknownOptions.js";
import { InvalidOptionsError } from "../core/index.js";
import { satisfactionState } from "./satisfactionState.js";

describe("satisfactionState", () => {
  it("compares perceived with expected performance", () => {
    expect(satisfactionState(6, 8)).toBe("dissatisfied");
    expect(satisfactionState(8, 8)).toBe("satisfied");
    expect(satisfactionState(9, 8)).toBe("delighted");
  });
  it("treats gaps within the tolerance as met", () => {
    expect(satisfactionState(7, 8, { tolerance: 1 })).toBe("satisfied");
    expect(satisfactionState(9, 8, { tolerance: 1 })).toBe("satisfied");
    expect(satisfactionState(9.5, 8, { tolerance: 1 })).toBe("delighted");
  });
  it("refuses non-finite values and negative tolerance", () => {
    expect(() => satisfactionState(Number.NaN, 8)).toThrowError(InvalidOptionsError);
    expect(() => satisfactionState(7, 8, { tolerance: -1 })).toThrowError(InvalidOptionsError);
  });
});

describe("satisfactionState rounding and strict options", () => {
  it("treats a floating-point rounding gap as met, not as delight or disappointment", () => {
    // 0.1 + 0.2 = 0.30000000000000004: the gap of 5.6e-17 is rounding, far below 1e-9 · 0.3
    expect(satisfactionState(0.1 + 0.2, 0.3)).toBe("satisfied");
    expect(satisfactionState(0.3, 0.1 + 0.2)).toBe("satisfied");
    // 1.1 + 2.2 = 3.3000000000000003: on the edge of the band, rounding must not push it out
    expect(satisfactionState(1.1 + 2.2, 3, { tolerance: 0.3 })).toBe("satisfied");
    expect(satisfactionState(3, 1.1 + 2.2, { tolerance: 0.3 })).toBe("satisfied");
    // real gaps still count: 1e-6 on a 0-10 answer is far above the 1e-9 relative slack
    expect(satisfactionState(8 + 1e-6, 8)).toBe("delighted");
    expect(satisfactionState(8 - 1e-6, 8)).toBe("dissatisfied");
    expect(satisfactionState(1e-12, 0)).toBe("delighted");
  });
  it("names a misspelt option and suggests the valid one", () => {
    const call = () => satisfactionState(7, 8, { tolerence: 1 } as never);
    expect(call).toThrowError(InvalidOptionsError);
    expect(call).toThrowError(/unknown option "tolerence"; did you mean "tolerance"\?/);
    expect(optionsError(call).issues[0]?.path).toBe("tolerence");
  });
});
