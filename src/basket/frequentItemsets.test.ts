import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { frequentItemsets } from "./frequentItemsets.js";
import { itemFrequencies } from "./itemFrequencies.js";
import { readBaskets } from "./readBaskets.js";
import type { Transactions } from "./Transactions.js";

const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/basket/reference.json", import.meta.url), "utf8"),
) as { targets: Record<string, Record<"all" | "closed" | "maximal" | "generators", number>> };

/** Brute force: every subset of the item universe, counted by scanning (test oracle, exponential). */
function bruteForce(baskets: readonly (readonly string[])[], minCount: number) {
  const universe = [...new Set(baskets.flat())].sort();
  const sets = baskets.map((basket) => new Set(basket));
  const out = new Map<string, number>();
  for (let mask = 1; mask < 1 << universe.length; mask++) {
    const items = universe.filter((_, k) => (mask >> k) & 1);
    const count = sets.filter((set) => items.every((item) => set.has(item))).length;
    if (count >= minCount) out.set(items.join("|"), count);
  }
  return out;
}

const keyed = (itemsets: readonly { items: readonly string[]; count: number }[]) =>
  new Map(itemsets.map((s) => [s.items.join("|"), s.count]));

const smallBaskets = fc.array(
  fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f", "g"), { maxLength: 6 }),
  {
    minLength: 1,
    maxLength: 25,
  },
);

/**
 * The pathological database of issue 12: `copies` baskets of the same 300 distinct items, the rest of
 * 100 baskets small (3 items). Every subset of the 300 items occurs `copies` times, so at
 * minCount <= copies there are 2^300 frequent itemsets.
 */
function pathological(copies: number): string[][] {
  const big = Array.from({ length: 300 }, (_, i) => `i${i}`);
  const out: string[][] = [];
  for (let c = 0; c < copies; c++) out.push(big);
  for (let t = copies; t < 100; t++) out.push([`i${t % 300}`, `i${(t * 7) % 300}`, `x${t % 5}`]);
  return out;
}

/** Runs `run`, returning what it threw (or undefined), the elapsed ms and the growth of heap + array buffers. */
function measured(run: () => unknown): { error: unknown; ms: number; growth: number } {
  const usage = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const before = usage();
  let peak = before;
  const started = performance.now();
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  peak = Math.max(peak, usage());
  return { error, ms: performance.now() - started, growth: peak - before };
}

describe("frequentItemsets", () => {
  it("frequentItemsets finds every itemset with count >= ceil(minSupport * N)", () => {
    const baskets = [["beer", "diapers"], ["beer", "diapers", "milk"], ["milk"], ["beer"]];
    const result = frequentItemsets(baskets, { minSupport: 0.5 });
    expect(keyed(result.itemsets)).toEqual(
      new Map([
        ["beer", 3],
        ["diapers", 2],
        ["milk", 2],
        ["beer|diapers", 2],
      ]),
    );
    expect(result.options.minCount).toBe(2);
    expect(result.truncated).toBe(false);
  });

  it("frequentItemsets uses ceil(0.1 * 30) = 3 despite floating point", () => {
    const baskets = Array.from({ length: 30 }, (_, i) => (i < 3 ? ["x"] : ["y"]));
    expect(frequentItemsets(baskets, { minSupport: 0.1 }).options.minCount).toBe(3);
    expect(keyed(frequentItemsets(baskets, { minSupport: 0.1 }).itemsets).get("x")).toBe(3);
  });

  it("frequentItemsets agrees with brute force for every algorithm and target (property)", () => {
    fc.assert(
      fc.property(smallBaskets, fc.integer({ min: 1, max: 5 }), (baskets, minCount) => {
        const truth = bruteForce(baskets, minCount);
        for (const algorithm of ["fpgrowth", "eclat"] as const) {
          const all = keyed(frequentItemsets(baskets, { minCount, algorithm }).itemsets);
          expect(all).toEqual(truth);
          const closed = keyed(frequentItemsets(baskets, { minCount, algorithm, target: "closed" }).itemsets);
          const maximal = keyed(
            frequentItemsets(baskets, { minCount, algorithm, target: "maximal" }).itemsets,
          );
          const generators = keyed(
            frequentItemsets(baskets, { minCount, algorithm, target: "generators" }).itemsets,
          );
          const supersets = (key: string) => {
            const items = key.split("|");
            return [...truth.keys()].filter((other) => {
              const set = new Set(other.split("|"));
              return set.size > items.length && items.every((item) => set.has(item));
            });
          };
          const subsetCount = (key: string) => {
            const items = key.split("|");
            return items.map((_, drop) => {
              const sub = items.filter((__, k) => k !== drop);
              return sub.length === 0 ? baskets.length : (truth.get(sub.join("|")) as number);
            });
          };
          for (const [key, count] of truth) {
            expect(closed.has(key)).toBe(supersets(key).every((other) => truth.get(other) !== count));
            expect(maximal.has(key)).toBe(supersets(key).length === 0);
            expect(generators.has(key)).toBe(subsetCount(key).every((c) => c !== count));
          }
          // maximal ⊆ closed ⊆ all
          for (const key of maximal.keys()) expect(closed.has(key)).toBe(true);
          for (const key of closed.keys()) expect(all.has(key)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it("frequentItemsets is invariant under permuting transactions and the items inside them (property)", () => {
    fc.assert(
      fc.property(smallBaskets, fc.integer({ min: 1, max: 4 }), fc.integer(), (baskets, minCount, seed) => {
        let state = seed >>> 0;
        const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const shuffle = <T>(values: readonly T[]) => {
          const copy = values.slice();
          for (let i = copy.length - 1; i > 0; i--) {
            const j = Math.floor(next() * (i + 1));
            [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
          }
          return copy;
        };
        const permuted = shuffle(baskets.map((basket) => shuffle(basket)));
        const a = frequentItemsets(baskets, { minCount, target: "closed" }).itemsets;
        const b = frequentItemsets(permuted, { minCount, target: "closed" }).itemsets;
        expect(keyed(b)).toEqual(keyed(a));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("frequentItemsets maxLength caps the itemset size and keeps closedness judged on longer sets", () => {
    const baskets = [
      ["a", "b", "c"],
      ["a", "b", "c"],
      ["a", "b"],
    ];
    const capped = frequentItemsets(baskets, { minCount: 2, maxLength: 2 });
    expect(Math.max(...capped.itemsets.map((s) => s.items.length))).toBe(2);
    // {a, c} has the count of {a, b, c} so it is not closed even when maxLength is 2
    const closed = keyed(frequentItemsets(baskets, { minCount: 2, maxLength: 2, target: "closed" }).itemsets);
    expect(closed).toEqual(new Map([["a|b", 3]]));
    const maximal = keyed(
      frequentItemsets(baskets, { minCount: 2, maxLength: 2, target: "maximal" }).itemsets,
    );
    expect(maximal).toEqual(new Map());
  });

  it("frequentItemsets treats labels that name Object properties or array indices as plain items", () => {
    const baskets = [
      ["__proto__", "constructor", "0"],
      ["__proto__", "toString"],
      ["0", "constructor", "hasOwnProperty"],
    ];
    const counts = keyed(frequentItemsets(baskets, { minCount: 2 }).itemsets);
    expect(counts).toEqual(bruteForce(baskets, 2));
    expect(counts.get("__proto__")).toBe(2);
    expect(counts.get("0|constructor")).toBe(2);
  });

  it("frequentItemsets returns a flagged partial result when maxItemsets is reached", () => {
    const long = Array.from({ length: 4 }, () => Array.from({ length: 40 }, (_, i) => `item${i}`));
    const result = frequentItemsets(long, { minCount: 2, maxItemsets: 1000 });
    expect(result.truncated).toBe(true);
    expect(result.truncatedReason).toBe("maxItemsets");
    expect(result.itemsets.length).toBe(1000);
  });

  it("frequentItemsets returns a flagged partial result when timeLimitMs runs out on a pathological basket", () => {
    const long = Array.from({ length: 3 }, () => Array.from({ length: 60 }, (_, i) => `item${i}`));
    const started = performance.now();
    const result = frequentItemsets(long, { minCount: 2, timeLimitMs: 50, algorithm: "eclat" });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.truncated).toBe(true);
    expect(result.truncatedReason).toBe("timeLimitMs");
    const fp = frequentItemsets(long, { minCount: 2, timeLimitMs: 50 });
    expect(fp.truncated).toBe(true);
  });

  it("frequentItemsets stops a run-away search under the default budget with an error that says what to change", () => {
    // default options (min count 10, met by the 10 copies of the 300-item basket), then minSupport
    // 0.01 (min count 1) for the all, closed and maximal targets: before, each ran for minutes into GBs
    const runs = [
      () => frequentItemsets(pathological(10)),
      ...(["all", "closed", "maximal"] as const).map(
        (target) => () => frequentItemsets(pathological(1), { minSupport: 0.01, target }),
      ),
    ];
    for (const run of runs) {
      const { error, ms, growth } = measured(run);
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect((error as InvalidOptionsError).issues[0]?.path).toBe("maxItemsets");
      expect((error as Error).message).toMatch(/Raise minSupport.*maxLength.*maxItemsets/s);
      expect(ms).toBeLessThan(20_000);
      expect(growth).toBeLessThan(1.5e9);
    }
  }, 120_000);

  it("frequentItemsets honours timeLimitMs across the search and the output (limit x 2 + 1 s)", () => {
    for (const [target, limit] of [
      ["all", 1000],
      ["closed", 600],
    ] as const) {
      let result: ReturnType<typeof frequentItemsets> | undefined;
      const { error, ms } = measured(() => {
        result = frequentItemsets(pathological(1), {
          minSupport: 0.01,
          target,
          maxItemsets: Number.POSITIVE_INFINITY,
          timeLimitMs: limit,
        });
      });
      expect(error).toBeUndefined();
      expect(ms).toBeLessThan(2 * limit + 1000);
      expect(result?.truncated).toBe(true);
      expect(result?.truncatedReason).toBe("timeLimitMs");
      expect(result?.itemsets.length).toBeGreaterThan(0);
    }
  }, 60_000);

  it("frequentItemsets accepts maxItemsets Infinity and refuses other non-integers", () => {
    const baskets = [["a", "b"], ["a"], ["b"]];
    expect(
      frequentItemsets(baskets, { minCount: 1, maxItemsets: Number.POSITIVE_INFINITY }).itemsets,
    ).toHaveLength(3);
    for (const bad of [0, 1.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expect(() => frequentItemsets(baskets, { maxItemsets: bad })).toThrow(InvalidOptionsError);
    }
  });

  it("frequentItemsets refuses a hand-built Transactions with inconsistent offsets or codes", () => {
    const valid = readBaskets("a,b\nb,c\na\n");
    const make = (patch: Partial<Transactions>): Transactions => ({ ...valid, ...patch });
    const cases: [Partial<Transactions>, typeof InvalidOptionsError | typeof InvalidRecordError][] = [
      // offsets pointing past the items (the case of issue 12)
      [{ offsets: Int32Array.from([0, 2, 4, 9]) }, InvalidOptionsError],
      [{ offsets: Int32Array.from([0, 4, 2, 5]) }, InvalidRecordError],
      [{ offsets: Int32Array.from([1, 2, 4, 5]) }, InvalidOptionsError],
      [{ offsets: Int32Array.from([0, 2, 5]) }, InvalidOptionsError],
      [{ items: Int32Array.from([0, 7, 1, 2, 0]) }, InvalidRecordError],
      [{ items: Int32Array.from([0, -1, 1, 2, 0]) }, InvalidRecordError],
      [{ items: Int32Array.from([1, 0, 1, 2, 0]) }, InvalidRecordError],
      [{ items: Int32Array.from([0, 0, 1, 2, 0]) }, InvalidRecordError],
      [{ transactionCount: 2.5 }, InvalidOptionsError],
    ];
    expect(Array.from(valid.offsets)).toEqual([0, 2, 4, 5]);
    for (const [patch, kind] of cases) {
      expect(() => frequentItemsets(make(patch), { minCount: 1 })).toThrow(kind);
      expect(() => itemFrequencies(make(patch))).toThrow(kind);
    }
    try {
      frequentItemsets(make({ items: Int32Array.from([0, 7, 1, 2, 0]) }), { minCount: 1 });
    } catch (error) {
      expect(error).toMatchObject({ row: 0, field: "items[1]", value: 7 });
    }
    // random corruption of one offset or item: a typed error or (when still consistent) the same counts
    fc.assert(
      fc.property(fc.boolean(), fc.nat(), fc.integer({ min: -3, max: 12 }), (offsetsSide, at, value) => {
        const offsets = valid.offsets.slice();
        const items = valid.items.slice();
        if (offsetsSide) offsets[at % offsets.length] = value;
        else items[at % items.length] = value;
        const data = make({ offsets, items });
        let singles: number;
        try {
          singles = frequentItemsets(data, { minCount: 1 })
            .itemsets.filter((set) => set.items.length === 1)
            .reduce((sum, set) => sum + set.count, 0);
        } catch (error) {
          expect(error instanceof InvalidOptionsError || error instanceof InvalidRecordError).toBe(true);
          return;
        }
        // accepted only when still consistent: offsets 0 .. items.length, each run strictly ascending
        expect(offsets[0]).toBe(0);
        expect(offsets[offsets.length - 1]).toBe(items.length);
        for (let t = 0; t + 1 < offsets.length; t++) {
          for (let k = (offsets[t] as number) + 1; k < (offsets[t + 1] as number); k++) {
            expect(items[k] as number).toBeGreaterThan(items[k - 1] as number);
          }
        }
        expect(singles).toBe(items.length);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it("frequentItemsets with maxLength stays fast and bounded on a few 60-item baskets", () => {
    const long = Array.from({ length: 5 }, (_, t) =>
      Array.from({ length: 60 }, (_, i) => `item${(i + t) % 64}`),
    );
    const started = performance.now();
    const result = frequentItemsets(long, { minCount: 2, maxLength: 3 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.truncated).toBe(false);
    // every 1-, 2- and 3-subset of the 64 items shared by at least 2 of the baskets; counted
    // independently in Python: baskets = [{(i + t) % 64 for i in range(60)} for t in range(5)];
    // sum(sum(set(c) <= b for b in baskets) >= 2 for k in (1, 2, 3) for c in combinations(range(64), k))
    // == 39415
    expect(Math.max(...result.itemsets.map((s) => s.items.length))).toBe(3);
    expect(result.itemsets.length).toBe(39_415);
  });

  it("frequentItemsets counts empty baskets in N and duplicates once", () => {
    const result = frequentItemsets([["a", "a"], [], ["a"], []], { minSupport: 0.5 });
    expect(result.transactionCount).toBe(4);
    expect(result.itemsets).toEqual([{ items: ["a"], count: 2, support: 0.5 }]);
  });

  it("frequentItemsets does not mutate frozen input", () => {
    const baskets = Object.freeze([Object.freeze(["b", "a"]), Object.freeze(["a"])]);
    expect(() => frequentItemsets(baskets, { minCount: 1 })).not.toThrow();
    expect(baskets[0]).toEqual(["b", "a"]);
  });

  it("frequentItemsets refuses bad input with typed errors", () => {
    expect(() => frequentItemsets([], { minSupport: 0.1 })).toThrow(InsufficientDataError);
    expect(() => frequentItemsets([["a"]], { minSupport: 0 })).toThrow(InvalidOptionsError);
    expect(() => frequentItemsets([["a"]], { minSupport: 1.5 })).toThrow(InvalidOptionsError);
    expect(() => frequentItemsets([["a"]], { minSupport: 0.5, minCount: 1 })).toThrow(InvalidOptionsError);
    expect(() => frequentItemsets([["a"]], { target: "open" as never })).toThrow(InvalidOptionsError);
    expect(() => frequentItemsets([["a"], [null as unknown as string]])).toThrow(InvalidRecordError);
    try {
      frequentItemsets([["a"], ["b", 7 as unknown as string]]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect(error).toMatchObject({ row: 1, field: "basket[1]", value: 7 });
      expect((error as Error).message).toContain("row 1");
    }
    expect(() => frequentItemsets([["a"], "a" as unknown as string[]])).toThrow(InvalidRecordError);
    expect(() => frequentItemsets([["a"]], { minSupport: -0.1 })).toThrow(InvalidOptionsError);
    expect(() => frequentItemsets([["a"]], { minSupport: 1.5 })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: frequentItemsets: invalid options
        - minSupport: must be at most 1 (a fraction of transactions) (received 1.5)]
    `);
    expect(() => frequentItemsets([])).toThrowErrorMatchingInlineSnapshot(
      `[InsufficientDataError: frequentItemsets: no transactions: the input is empty; pass at least one basket (empty baskets count as transactions)]`,
    );
  });
});

describeWithDataset("groceries.csv", "frequentItemsets on groceries", () => {
  const groceries = readBaskets(readSharedDataset("groceries.csv"));
  // SOURCE.md: arules apriori/eclat, fim4r, Borgelt fpgrowth, node-fpgrowth and mlxtend agree (exact counts)
  it.each([
    [0.01, 333],
    [0.005, 1001],
    [0.001, 13492],
    [0.0005, 49580],
  ])(
    "frequentItemsets at minSupport %f finds %i itemsets with FP-growth and Eclat",
    (minSupport, expected) => {
      for (const algorithm of ["fpgrowth", "eclat", "auto"] as const) {
        expect(frequentItemsets(groceries, { minSupport, algorithm }).itemsets.length).toBe(expected);
      }
    },
  );

  it.each(["0.01", "0.005", "0.001"])(
    "frequentItemsets closed/maximal/generator counts at %s match the Python reference",
    (support) => {
      const expected = reference.targets[support] as Record<string, number>;
      for (const algorithm of ["fpgrowth", "eclat"] as const) {
        for (const target of ["all", "closed", "maximal", "generators"] as const) {
          const result = frequentItemsets(groceries, { minSupport: Number(support), target, algorithm });
          expect(result.itemsets.length).toBe(expected[target]);
        }
      }
    },
  );

  it("frequentItemsets algorithm auto runs Eclat on groceries (43k frequent-item occurrences) and FP-growth on long baskets", () => {
    expect(frequentItemsets(groceries, { minSupport: 0.001 }).options.algorithm).toBe("eclat");
    expect(frequentItemsets(groceries, { minSupport: 0.001, algorithm: "fpgrowth" }).options.algorithm).toBe(
      "fpgrowth",
    );
    // 20 frequent items per basket on average: above the 16 where Eclat re-reads too much
    const long = Array.from({ length: 50 }, (_, t) =>
      Array.from({ length: 20 }, (_, i) => `item${(t + i) % 25}`),
    );
    expect(frequentItemsets(long, { minCount: 30, maxLength: 2 }).options.algorithm).toBe("fpgrowth");
  });

  it("frequentItemsets reports whole milk with count 2513 and support 2513 / 9835", () => {
    const milk = frequentItemsets(groceries, { minSupport: 0.2 }).itemsets;
    expect(milk).toEqual([{ items: ["whole milk"], count: 2513, support: 2513 / 9835 }]);
  });
});
