import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCodes } from "../../core/index.js";
import { groupCodes } from "./groupSetup.js";

/** What a reader gives for some rows: codes and labels, or the error's class and message. */
function outcome(read: () => { readonly codes: Int32Array; readonly labels: readonly string[] }): string {
  try {
    const { codes, labels } = read();
    return JSON.stringify({ codes: Array.from(codes), labels });
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

describe("groupCodes", () => {
  it("codes group values as core's readCodes does on an array of records (strings, numbers, bigints, missing, junk, non-records)", () => {
    const value = fc.oneof(
      fc.constantFrom("a", "b", "1", 1, 2, -0, 1.5, 2n, -3n),
      fc.constantFrom(null, undefined, "", Number.NaN, Number.POSITIVE_INFINITY, true, {}, [], new Date(0)),
      fc.string({ maxLength: 2 }),
      fc.double(),
    );
    const row = fc.oneof(
      { weight: 8, arbitrary: value.map((g) => ({ g }) as object) },
      { weight: 1, arbitrary: fc.constantFrom(null, undefined, 3, "row") as unknown as fc.Arbitrary<object> },
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.boolean(), (rows, byAccessor) => {
        const group = byAccessor ? (r: { g?: unknown }, i: number) => (i === 5 ? "five" : r.g) : "g";
        const core = outcome(() =>
          readCodes(rows, group as never, { functionName: "f", optionName: "group" }),
        );
        expect(outcome(() => groupCodes("f", rows, group as never))).toBe(core);
      }),
      { numRuns: 3000 },
    );
  });
});
