import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPlsReference } from "../../fixtures/satisfaction/ecsi.js";
import { InsufficientDataError, InvalidRecordError } from "../core/index.js";
import { netPromoterScore } from "./netPromoterScore.js";

describe("netPromoterScore", () => {
  const { nps } = readPlsReference();

  it("matches the Wald interval computed in R (pls-reference.R)", () => {
    const result = netPromoterScore(Object.freeze([...nps.answers]));
    expect(result.score).toBeCloseTo(nps.score, 12);
    expect(result.standardError).toBeCloseTo(nps.standardError, 12);
    expect(result.lower).toBeCloseTo(nps.lower, 12);
    expect(result.upper).toBeCloseTo(nps.upper, 12);
    // by hand: 11 promoters, 4 passives, 5 detractors of 20 -> 55% - 25% = 30
    expect([result.promoters, result.passives, result.detractors, result.count]).toEqual([11, 4, 5, 20]);
  });

  it("classifies the boundaries 6/7 and 8/9", () => {
    const result = netPromoterScore([6, 7, 8, 9]);
    expect([result.detractors, result.passives, result.promoters]).toEqual([1, 2, 1]);
    expect(result.score).toBe(0);
  });

  it("reads a field of records, skips missing answers and clips the interval", () => {
    const result = netPromoterScore([{ nps: 10 }, { nps: null }, { nps: "9" }, { nps: 10 }], {
      field: "nps",
    });
    expect(result.count).toBe(3);
    expect(result.skipped).toBe(1);
    expect(result.score).toBe(100);
    expect(result.upper).toBe(100);
    expect(result.standardError).toBe(0);
  });

  it("refuses answers that are not integers 0-10 and empty input", () => {
    expect(() => netPromoterScore([5, 11])).toThrowError(InvalidRecordError);
    expect(() => netPromoterScore([5, 7.5])).toThrowError(/row 1, field "answer": received 7.5/);
    expect(() => netPromoterScore([{ nps: "great" }], { field: "nps" })).toThrowError(/field "nps"/);
    expect(() => netPromoterScore([])).toThrowError(InsufficientDataError);
    expect(() => netPromoterScore([null, undefined])).toThrowError(/no answers to score \(2 missing\)/);
  });

  it("keeps the score within -100..100 and inside its interval (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (answers) => {
        const result = netPromoterScore(answers);
        expect(result.score).toBeGreaterThanOrEqual(-100);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.lower).toBeLessThanOrEqual(result.score + 1e-9);
        expect(result.upper).toBeGreaterThanOrEqual(result.score - 1e-9);
        expect(result.promoters + result.passives + result.detractors).toBe(answers.length);
      }),
    );
  });
});

describe("netPromoterScore input checks", () => {
  it("reads decimal strings only: hexadecimal and binary literals are not answers", () => {
    expect(netPromoterScore(["9", " 10 ", "7.0", "3"]).score).toBe(25);
    // Number("0b11") is 3 and Number("0x8") is 8: both would have been scored
    expect(() => netPromoterScore(["0b11"])).toThrowError(/row 0, field "answer": received "0b11"/);
    expect(() => netPromoterScore([9, "0x8"])).toThrowError(InvalidRecordError);
    expect(() => netPromoterScore([{ nps: "0o7" }], { field: "nps" })).toThrowError(InvalidRecordError);
  });

  it("refuses null and number elements among records with a row-named InvalidRecordError", () => {
    for (const bad of [null, undefined, 9]) {
      try {
        netPromoterScore([{ nps: 9 }, bad] as never, { field: "nps" });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(1);
      }
    }
  });

  it("treats null options as none, and names a misspelt option with a hint", () => {
    expect(netPromoterScore([9, 10, 3], null as never).promoters).toBe(2);
    expect(() => netPromoterScore([9], { feild: "nps" } as never)).toThrowError(
      /unknown option "feild"; did you mean "field"\?/,
    );
  });
});
