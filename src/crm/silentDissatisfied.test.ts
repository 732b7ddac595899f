import { describe, expect, it } from "vitest";
import { InvalidOptionsError } from "../core/index.js";
import { silentDissatisfied } from "./silentDissatisfied.js";

describe("silentDissatisfied", () => {
  it("applies the source figures (hand-checked for 30 complaints)", () => {
    const r = silentDissatisfied({ complaints: 30 });
    // 70% never complain -> 30 / 0.3 = 100 dissatisfied; 95% -> 30 / 0.05 = 600
    expect(r.dissatisfied.low).toBeCloseTo(100, 10);
    expect(r.dissatisfied.high).toBeCloseTo(600, 10);
    // silent: 100 - 30 = 70; 600 - 30 = 570
    expect(r.silent.low).toBeCloseTo(70, 10);
    expect(r.silent.high).toBeCloseTo(570, 10);
    // quiet leavers x 0.96: 67.2, 547.2; never return x 0.91: 61.152, 497.952
    expect(r.quietLeavers.low).toBeCloseTo(67.2, 10);
    expect(r.quietLeavers.high).toBeCloseTo(547.2, 10);
    expect(r.lostForGood.low).toBeCloseTo(61.152, 10);
    expect(r.lostForGood.high).toBeCloseTo(497.952, 10);
    // word of mouth: per unhappy 0.8 x 8 + 0.2 x 20 = 10.4 -> 1040; 0.8 x 10 + 4 = 12 -> 7200
    expect(r.wordOfMouthReach.low).toBeCloseTo(1040, 10);
    expect(r.wordOfMouthReach.high).toBeCloseTo(7200, 10);
    expect(r.assumptions.neverComplainShare).toEqual({ low: 0.7, high: 0.95 });
  });

  it("accepts an array (one element per complaining customer) and overrides", () => {
    const records = Object.freeze([{}, {}, {}, {}]);
    // 4 complaints, never-complain share 0.5 both ways -> 8 dissatisfied, 4 silent;
    // leave 1, return never 0.5 -> 2 lost; tells 5, no heavy tellers -> 40
    const r = silentDissatisfied({
      complaints: records,
      neverComplainShare: { low: 0.5, high: 0.5 },
      leaveQuietlyShare: 1,
      neverReturnShare: 0.5,
      tells: { low: 5, high: 5 },
      heavyTellerShare: 0,
    });
    expect(r.dissatisfied).toEqual({ low: 8, high: 8 });
    expect(r.lostForGood).toEqual({ low: 2, high: 2 });
    expect(r.wordOfMouthReach).toEqual({ low: 40, high: 40 });
  });

  it("zero complaints give zero estimates", () => {
    expect(silentDissatisfied({ complaints: 0 }).silent).toEqual({ low: 0, high: 0 });
  });

  it("refuses shares outside [0, 1], a share of 1, inverted ranges and bad counts", () => {
    expect(() => silentDissatisfied({ complaints: -1 })).toThrowError(InvalidOptionsError);
    expect(() => silentDissatisfied({ complaints: 2.5 })).toThrowError(/complaints/);
    expect(() => silentDissatisfied({ complaints: 3, leaveQuietlyShare: 1.2 })).toThrowError(
      /leaveQuietlyShare/,
    );
    expect(() =>
      silentDissatisfied({ complaints: 3, neverComplainShare: { low: 0.7, high: 1 } }),
    ).toThrowError(/neverComplainShare/);
    expect(() => silentDissatisfied({ complaints: 3, tells: { low: 10, high: 8 } })).toThrowError(
      /low must not exceed high/,
    );
    expect(() => silentDissatisfied({} as never)).toThrowError(InvalidOptionsError);
  });
});

describe("silentDissatisfied option names", () => {
  it("names a misspelt figure with the nearest valid name", () => {
    expect(() => silentDissatisfied({ complaints: 3, tell: { low: 1, high: 2 } } as never)).toThrowError(
      /tell: unknown option "tell"; did you mean "tells"\?/,
    );
    expect(() => silentDissatisfied({ complaints: 3, tells: { low: 1, hgih: 2 } } as never)).toThrowError(
      /tells\.hgih: unknown option "hgih"; did you mean "high"\?/,
    );
  });
});
