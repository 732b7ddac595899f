import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNumbers } from "../../core/index.js";
import { answerAt } from "./plsData.js";

/** What a reader gives for one value: the number (NaN for missing) or the error's class and message. */
function outcome(read: () => number): string {
  try {
    return `value ${read()}`;
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("answerAt", () => {
  it("reads every value as core's readNumbers does on an array of records (numbers, strings, bigints, missing, junk)", () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(
        null,
        undefined,
        "",
        " 7 ",
        "12.50",
        "-1e3",
        ".5",
        "0x10",
        "Infinity",
        "1e400",
        "12,5",
        "seven",
      ),
      fc.string(),
      fc.bigInt(),
      fc.constantFrom(9007199254740991n, 9007199254740992n, -9007199254740992n),
      fc.boolean(),
      fc.constantFrom({}, [], [3], new Date(0)),
    );
    fc.assert(
      fc.property(value, (answer) => {
        const rows = [{ x: 1 }, { x: answer }];
        const core = outcome(
          () => readNumbers(rows, "x", { functionName: "f", optionName: "x", missing: "nan" })[1] as number,
        );
        expect(outcome(() => answerAt("f", rows, 1, "x"))).toBe(core);
      }),
      { numRuns: 2000 },
    );
  });
});
