import { describe, expect, it } from "vitest";
import { customerFields, customers } from "../../fixtures/segment/reference.js";
import { createRandom, InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { chooseK } from "./chooseK.js";
import { kMeans } from "./kMeans.js";

function blobs(centres: number[][], perBlob: number, spread: number, seed: number) {
  const random = createRandom(seed);
  const rows: { x: number; y: number }[] = [];
  for (const [cx, cy] of centres)
    for (let i = 0; i < perBlob; i++)
      rows.push({ x: random.normal(cx, spread), y: random.normal(cy, spread) });
  return Object.freeze(rows);
}

describe("chooseK", () => {
  it("chooseK recommends the planted number of well separated groups, every criterion agreeing", () => {
    const rows = blobs(
      [
        [0, 0],
        [10, 0],
        [0, 10],
        [10, 10],
        [5, 20],
      ],
      40,
      0.8,
      11,
    );
    const choice = chooseK(rows, { fields: ["x", "y"], kRange: [2, 8], seed: 2, restarts: 4 });
    expect(choice.recommendedK).toBe(5);
    expect(choice.votes).toEqual({ inertia: 5, silhouette: 5, calinskiHarabasz: 5, daviesBouldin: 5 });
    expect(choice.reason).toMatch(/^4 of 4 criteria point to k = 5/);
    expect(choice.table.map((row) => row.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    for (let i = 1; i < choice.table.length; i++) {
      expect(choice.table[i]?.inertia).toBeLessThan(choice.table[i - 1]?.inertia as number);
    }
  });

  it("chooseK models equal kMeans with the same seed", () => {
    const choice = chooseK(customers, { fields: [...customerFields], kRange: [3, 4], seed: 8, restarts: 3 });
    const direct = kMeans(customers, { k: 4, fields: [...customerFields], seed: 8, restarts: 3 });
    expect(choice.models[1]?.inertia).toBe(direct.inertia);
    expect(choice.table[1]?.inertia).toBe(direct.inertia);
  });

  it("chooseK computes only the requested criteria and says when the silhouette is sampled", () => {
    const rows = blobs(
      [
        [0, 0],
        [6, 6],
      ],
      150,
      1,
      4,
    );
    const choice = chooseK(rows, {
      fields: ["x", "y"],
      kRange: [2, 4],
      criteria: ["silhouette"],
      silhouetteSampleSize: 100,
      seed: 1,
    });
    expect(choice.silhouetteSampleSize).toBe(100);
    expect(choice.table[0]?.calinskiHarabasz).toBeNull();
    expect(choice.table[0]?.silhouette).toBeGreaterThan(0.6);
    expect(choice.recommendedK).toBe(2);
    expect(choice.votes.inertia).toBeNull();
  });

  it("chooseK refuses empty input and a range starting at 1, reversed, or reaching the number of customers", () => {
    const rows = blobs([[0, 0]], 5, 1, 1);
    expect(() => chooseK(Object.freeze([]), { fields: ["x"] })).toThrow(InsufficientDataError);
    expect(() => chooseK(rows, { fields: ["x", "y"], kRange: [1, 3] })).toThrow(InvalidOptionsError);
    expect(() => chooseK(rows, { fields: ["x", "y"], kRange: [3, 2] })).toThrow(InvalidOptionsError);
    expect(() => chooseK(rows, { fields: ["x", "y"], kRange: [2, 5] })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: chooseK: invalid options
        - kRange: the largest k must be below the number of customers (5) for the criteria to be defined]
    `);
  });

  it("chooseK option errors say which part is wrong", () => {
    const rows = blobs([[0, 0]], 5, 1, 1);
    expect(() =>
      chooseK(rows, {
        fields: ["x", "y"],
        kRange: [2, 2.5],
        criteria: ["inertia", "gap" as never],
        restarts: 0,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: chooseK: invalid options
        - kRange: expected [smallest k, largest k]: two whole numbers (received [2,2.5])
        - criteria: unknown criterion "gap"; expected an array of criteria, some of "inertia", "silhouette", "calinskiHarabasz", "daviesBouldin" (received ["inertia","gap"])
        - restarts: restarts must be at least 1 (received 0)]
    `);
  });
});
