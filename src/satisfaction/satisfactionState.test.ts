import { describe, expect, it } from "vitest";
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
