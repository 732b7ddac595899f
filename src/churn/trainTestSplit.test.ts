import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { trainTestSplit } from "./trainTestSplit.js";

const records = Object.freeze(
  Array.from({ length: 400 }, (_, i) =>
    Object.freeze({ id: i, churned: i % 5 === 0 ? 1 : 0, region: ["a", "b", "c"][i % 3] }),
  ),
);

describe("trainTestSplit", () => {
  it("holds out round(testFraction * n) records, disjoint, covering the input, in input order", () => {
    const split = trainTestSplit(records, { testFraction: 0.25, seed: 3 });
    expect(split.test).toHaveLength(100);
    expect(split.train).toHaveLength(300);
    const all = [...split.trainIndices, ...split.testIndices].sort((a, b) => a - b);
    expect(all).toEqual(records.map((_, i) => i));
    expect([...split.testIndices]).toEqual([...split.testIndices].sort((a, b) => a - b));
    expect(split.test.map((row) => row.id)).toEqual([...split.testIndices]);
  });

  it("keeps the churn rate of every stratum with stratify", () => {
    const split = trainTestSplit(records, { testFraction: 0.3, stratify: "churned", seed: 11 });
    const rate = (rows: readonly { churned: number }[]) =>
      rows.filter((row) => row.churned === 1).length / rows.length;
    expect(split.test.filter((row) => row.churned === 1)).toHaveLength(24); // round(0.3 * 80)
    expect(split.test.filter((row) => row.churned === 0)).toHaveLength(96); // round(0.3 * 320)
    expect(rate(split.test)).toBeCloseTo(rate(split.train), 12);
    expect(split.options.stratified).toBe(true);
  });

  it("is reproducible from the seed and changes with it", () => {
    const a = trainTestSplit(records, { seed: 5, stratify: (row) => row.region });
    const b = trainTestSplit(records, { seed: 5, stratify: (row) => row.region });
    const c = trainTestSplit(records, { seed: 6, stratify: (row) => row.region });
    expect([...a.testIndices]).toEqual([...b.testIndices]);
    expect([...a.testIndices]).not.toEqual([...c.testIndices]);
  });

  it("refuses fractions outside (0, 1), tiny inputs and splits that leave a part empty", () => {
    expect(() => trainTestSplit(records, { testFraction: 1 })).toThrow(InvalidOptionsError);
    expect(() => trainTestSplit(records, { testFraction: 0 })).toThrow(InvalidOptionsError);
    expect(() => trainTestSplit([records[0]], {})).toThrow(InsufficientDataError);
    expect(() => trainTestSplit(records.slice(0, 3), { testFraction: 0.1 })).toThrow(
      /leaves the test part empty/,
    );
  });

  it("refuses a stratify field that no record fills (a misspelt name used to split without strata)", () => {
    const call = () => trainTestSplit(records, { stratify: "churn" } as never);
    expect(call).toThrow(InvalidOptionsError);
    expect(call).toThrow(/stratify: no record has a value in field "churn"; did you mean "churned"\?/);
    expect(() => trainTestSplit(records, { stratify: () => undefined })).toThrow(InvalidOptionsError);
    // A field that some records fill is a real stratification (the others form the missing stratum).
    const someMissing = records.map((row, i) => (i % 2 === 0 ? row : { id: row.id }));
    expect(trainTestSplit(someMissing, { stratify: "churned" as never }).options.stratified).toBe(true);
  });

  it.each([[{ stratify: "churned" as const }], [{}]])(
    "with options %j, an element that is not a record is an InvalidRecordError naming its row",
    (options) => {
      for (const bad of [null, undefined, 42]) {
        const withBad = [...records.slice(0, 10), bad, ...records.slice(10, 20)] as typeof records;
        let caught: unknown;
        try {
          trainTestSplit(withBad, options);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(InvalidRecordError);
        expect((caught as InvalidRecordError).row).toBe(10);
        expect((caught as InvalidRecordError).value).toBe(bad);
      }
    },
  );
});
