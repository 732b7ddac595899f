import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidRecordError } from "../core/index.js";
import { kano } from "./kano.js";

const pair = (attribute: string, functional: unknown, dysfunctional: unknown) => ({
  attribute,
  functional,
  dysfunctional,
});

describe("kano", () => {
  it("classifies every cell of the Kano evaluation table", () => {
    const answers = ["like", "must-be", "neutral", "live-with", "dislike"];
    const expected = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"];
    answers.forEach((f, i) => {
      answers.forEach((d, j) => {
        const result = kano([pair("x", f, d)]);
        expect(result.attributes[0]?.category).toBe(expected[i]?.[j]);
      });
    });
  });

  it("computes Berger's Better and Worse with the A+O+M+I denominator by hand", () => {
    // 3 A, 2 O, 4 M, 1 I, 2 R, 1 Q: Better = 5/10, Worse = -6/10; with all 13: 5/13, -6/13
    const rows = [
      ...Array.from({ length: 3 }, () => pair("wifi", "like", "neutral")),
      ...Array.from({ length: 2 }, () => pair("wifi", 1, 5)),
      ...Array.from({ length: 4 }, () => pair("wifi", "neutral", "dislike")),
      pair("wifi", "live-with", "live-with"),
      ...Array.from({ length: 2 }, () => pair("wifi", "dislike", "like")),
      pair("wifi", "like", "like"),
    ];
    const result = kano(Object.freeze(rows));
    const wifi = result.attributes[0];
    expect(wifi?.counts).toEqual({ A: 3, O: 2, M: 4, I: 1, R: 2, Q: 1 });
    expect(wifi?.category).toBe("M");
    expect(wifi?.better).toBeCloseTo(0.5, 15);
    expect(wifi?.worse).toBeCloseTo(-0.6, 15);
    expect(wifi?.denominator).toBe(10);
    const all = kano(rows, { denominator: "all" }).attributes[0];
    expect(all?.better).toBeCloseTo(5 / 13, 15);
    expect(all?.worse).toBeCloseTo(-6 / 13, 15);
  });

  it("breaks ties M > O > A > I and skips incomplete pairs", () => {
    const result = kano([
      pair("a", "like", "dislike"),
      pair("a", "like", "neutral"),
      pair("a", "like", null),
    ]);
    expect(result.attributes[0]?.category).toBe("O");
    expect(result.skipped).toBe(1);
    const reverseOnly = kano([pair("b", "dislike", "like")]).attributes[0];
    expect(reverseOnly?.better).toBeNull();
  });

  it("refuses unknown answers and all-missing input", () => {
    expect(() => kano([pair("a", "love it", "dislike")])).toThrowError(InvalidRecordError);
    expect(() => kano([pair("a", 6, "dislike")])).toThrowError(/row 0, field "functional": received 6/);
    expect(() => kano([pair("a", null, "dislike")])).toThrowError(InsufficientDataError);
  });
});

describe("kano input checks", () => {
  it("refuses null and undefined elements with a row-named InvalidRecordError, and names a misspelt option", () => {
    for (const bad of [null, undefined]) {
      try {
        kano([pair("speed", "like", "dislike"), bad] as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(1);
      }
    }
    expect(() => kano([pair("speed", "like", "dislike")], { denominater: "all" } as never)).toThrowError(
      /unknown option "denominater"; did you mean "denominator"\?/,
    );
  });
});
