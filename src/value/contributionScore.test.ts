import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { contributionScore } from "./contributionScore.js";

const bank = Object.freeze(
  [
    { id: "a", deposit: 120, loan: 300, fees: 40 },
    { id: "b", deposit: 80, loan: 0, fees: 10 },
    { id: "c", deposit: 100, loan: 150, fees: 25 },
  ].map((record) => Object.freeze(record)),
);
const measures = [
  { field: "deposit", weight: 0.5 },
  { field: "loan", weight: 0.3 },
  { field: "fees", weight: 0.2 },
] as const;

describe("contributionScore", () => {
  it("weighs raw measures by default", () => {
    const result = contributionScore(bank, { customer: "id", measures });
    expect(result.customers[0]).toEqual({
      customer: "a",
      score: 60 + 90 + 8,
      components: { deposit: 60, loan: 90, fees: 8 },
      rank: 1,
    });
    expect(result.customers.map((row) => row.rank)).toEqual([1, 3, 2]);
  });

  it("normalises with z-scores (sample sd), min-max and shares", () => {
    // deposit: mean 100, sd 20; loan: mean 150, sd 150; fees: mean 25, sd 15
    const z = contributionScore(bank, { measures, normalize: "zscore" });
    expect(z.customers[0]?.score).toBeCloseTo(0.5 * 1 + 0.3 * 1 + 0.2 * 1, 12);
    expect(z.customers[2]?.score).toBeCloseTo(0, 12);
    const minmax = contributionScore(bank, { measures, normalize: "minmax" });
    expect(minmax.customers.map((row) => row.score)).toEqual([1, 0, 0.5 * 0.5 + 0.3 * 0.5 + 0.2 * 0.5]);
    const share = contributionScore(bank, { measures: [{ field: "loan", weight: 1 }], normalize: "share" });
    expect(share.customers.map((row) => row.score)).toEqual([300 / 450, 0, 150 / 450]);
  });

  it("accepts accessor measures with a name, and refuses them without", () => {
    const result = contributionScore(bank, {
      measures: [{ field: (r) => r.loan - r.deposit, weight: 1, name: "net" }],
    });
    expect(result.customers[1]?.components).toEqual({ net: -80 });
    expect(() => contributionScore(bank, { measures: [{ field: (r) => r.loan, weight: 1 }] })).toThrow(
      /measures.0.name/,
    );
  });

  it("refuses missing values, negative weights and empty input", () => {
    expect(() =>
      contributionScore([{ deposit: null }], { measures: [{ field: "deposit", weight: 1 }] }),
    ).toThrow(InvalidRecordError);
    expect(() => contributionScore(bank, { measures: [{ field: "loan", weight: -1 }] })).toThrow(
      InvalidOptionsError,
    );
    expect(() => contributionScore([], { measures: [{ field: "loan", weight: 1 }] })).toThrow(
      InsufficientDataError,
    );
  });
});

describe("contributionScore input checks (issue 12)", () => {
  it("refuses a non-array with InvalidOptionsError naming the argument", () => {
    const options = { measures: [{ field: "deposit", weight: 1 }] };
    expect(() => contributionScore(null as unknown as [], options)).toThrow(InvalidOptionsError);
    expect(() => contributionScore(42 as unknown as [], options)).toThrow(/records: expected an array/);
  });
});
