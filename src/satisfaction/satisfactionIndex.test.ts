import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { satisfactionIndex } from "./satisfactionIndex.js";

const responses = Object.freeze([
  Object.freeze({ q1: 10, q2: 7, q3: 2, q4: 5 }),
  Object.freeze({ q1: 8, q2: 4, q3: 4, q4: null }),
]);

describe("satisfactionIndex", () => {
  it("averages items, rescales to 0-100 and weights up the hierarchy (hand-checked)", () => {
    // q1 mean 9 -> 100*8/9 = 88.888..., q2 mean 5.5 -> 50, q3 (1-5 scale, reversed) mean 3 -> 100 - 50 = 50,
    // q4 mean 5 (one missing) -> 44.444...
    const result = satisfactionIndex(responses, {
      scale: { min: 1, max: 10 },
      constructs: [
        {
          name: "quality",
          weight: 3,
          indicators: [
            { name: "overall", items: ["q1", { field: "q2", weight: 3 }] },
            { name: "reliability", items: [{ field: "q3", scale: { min: 1, max: 5 }, reverse: true }] },
          ],
        },
        { name: "value", weight: 1, indicators: [{ name: "price", items: ["q4"] }] },
      ],
    });
    const overall = (100 * 8) / 9 / 4 + (50 * 3) / 4;
    const quality = overall / 2 + 50 / 2;
    expect(result.constructs[0]?.indicators[0]?.index).toBeCloseTo(overall, 12);
    expect(result.constructs[0]?.index).toBeCloseTo(quality, 12);
    expect(result.constructs[1]?.indicators[0]?.items[0]).toMatchObject({ answered: 1, missing: 1, mean: 5 });
    expect(result.index).toBeCloseTo(0.75 * quality + 0.25 * ((100 * 4) / 9), 12);
    expect(result.respondents).toBe(2);
  });

  it("scores each respondent, renormalising over the items they answered", () => {
    const result = satisfactionIndex(responses, {
      scale: { min: 1, max: 10 },
      constructs: [
        { name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] },
        { name: "value", indicators: [{ name: "price", items: ["q4"] }] },
      ],
    });
    // respondent 0: quality (100 + 66.67)/2 = 83.33, value 44.44 -> 63.89; respondent 1 skipped q4: quality only
    expect(result.respondentIndex[0]).toBeCloseTo(((100 + (100 * 6) / 9) / 2 + (100 * 4) / 9) / 2, 12);
    expect(result.respondentIndex[1]).toBeCloseTo(((100 * 7) / 9 + (100 * 3) / 9) / 2, 12);
    const none = satisfactionIndex([{ q1: 5 }, { q1: null }], {
      scale: { min: 1, max: 10 },
      constructs: [{ name: "c", indicators: [{ name: "i", items: ["q1"] }] }],
    });
    expect(none.respondentIndex).toEqual([(100 * 4) / 9, null]);
  });

  it("the mean respondent index equals the overall index when every item is answered", () => {
    const complete = [
      { a: 1, b: 5, c: 3 },
      { a: 4, b: 2, c: 5 },
      { a: 5, b: 5, c: 1 },
    ];
    const result = satisfactionIndex(complete, {
      scale: { min: 1, max: 5 },
      constructs: [
        {
          name: "x",
          weight: 2,
          indicators: [{ name: "i", items: ["a", { field: "b", weight: 3, reverse: true }] }],
        },
        { name: "y", indicators: [{ name: "j", items: ["c"] }] },
      ],
    });
    const mean = result.respondentIndex.reduce((s: number, v) => s + (v ?? 0), 0) / complete.length;
    expect(mean).toBeCloseTo(result.index, 12);
  });

  it("uses equal weights when none are given", () => {
    const result = satisfactionIndex(responses, {
      scale: { min: 1, max: 10 },
      constructs: [{ name: "quality", indicators: [{ name: "overall", items: ["q1", "q2"] }] }],
    });
    expect(result.index).toBeCloseTo(((100 * 8) / 9 + 50) / 2, 12);
  });

  it("refuses answers outside the scale, unanswered items, bad weights and empty input", () => {
    const hierarchy = {
      scale: { min: 1, max: 5 },
      constructs: [{ name: "c", indicators: [{ name: "i", items: ["q1"] }] }],
    };
    expect(() => satisfactionIndex(responses, hierarchy)).toThrowError(InvalidRecordError);
    expect(() => satisfactionIndex(responses, hierarchy)).toThrowError(/row 0, field "q1": received 10/);
    const missing = {
      scale: { min: 1, max: 10 },
      constructs: [{ name: "c", indicators: [{ name: "i", items: ["q9"] }] }],
    };
    expect(() => satisfactionIndex(responses, missing)).toThrowError(InsufficientDataError);
    const zero = {
      scale: { min: 1, max: 10 },
      constructs: [{ name: "c", weight: 0, indicators: [{ name: "i", items: ["q1"] }] }],
    };
    expect(() => satisfactionIndex(responses, zero)).toThrowError(InvalidOptionsError);
    expect(() => satisfactionIndex([], missing)).toThrowError(InsufficientDataError);
    expect(() =>
      satisfactionIndex([{ q1: "ok" }], { ...hierarchy, scale: { min: 1, max: 10 } }),
    ).toThrowError(/received "ok"/);
  });
});

describe("satisfactionIndex input checks", () => {
  const hierarchy = {
    scale: { min: 1, max: 10 },
    constructs: [{ name: "c", indicators: [{ name: "i", items: ["q1"] }] }],
  };
  it("refuses null and number responses with a row-named InvalidRecordError", () => {
    for (const bad of [null, undefined, 4]) {
      try {
        satisfactionIndex([{ q1: 5 }, { q1: 6 }, bad] as never, hierarchy);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(2);
      }
    }
  });
  it("names a misspelt hierarchy key with the nearest valid one", () => {
    const misspelt = {
      scale: { min: 1, max: 10 },
      constructs: [{ name: "c", indicators: [{ name: "i", itmes: ["q1"] }] }],
    };
    expect(() => satisfactionIndex(responses, misspelt as never)).toThrowError(
      /constructs\.0\.indicators\.0\.itmes: unknown option "itmes"; did you mean "items"\?/,
    );
  });
});

describe("satisfactionIndex weights", () => {
  it("normalises huge weights by their ratios instead of overflowing to an index of 0", () => {
    const equal = {
      scale: { min: 1, max: 10 },
      constructs: [{ name: "c", indicators: [{ name: "i", items: ["q1", "q2"] }] }],
    };
    const huge = {
      scale: { min: 1, max: 10 },
      constructs: [
        {
          name: "c",
          indicators: [
            {
              name: "i",
              items: [
                { field: "q1", weight: 1e308 },
                { field: "q2", weight: 1e308 },
              ],
            },
          ],
        },
      ],
    };
    const reference = satisfactionIndex(responses, equal);
    const result = satisfactionIndex(responses, huge);
    expect(result.index).toBeCloseTo(reference.index, 12);
    expect(result.constructs[0]?.indicators[0]?.items[0]?.weight).toBe(0.5);
  });
});
