import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import {
  createRandom,
  InsufficientDataError,
  InvalidOptionsError,
  InvalidRecordError,
} from "../core/index.js";
import type { AssociationRule } from "./AssociationRule.js";
import { associationRules } from "./associationRules.js";
import { logFactorials } from "./internal/fisher.js";
import { BUILT_IN_MEASURES, type BuiltInMeasure, measureValue } from "./internal/measures.js";
import { readBaskets } from "./readBaskets.js";

type Measures = Record<string, number | null>;
interface Reference {
  "rulesAt0.001conf0.5": number;
  sampleRules: (Measures & { antecedent: string[]; consequent: string[] })[];
  smallTables: (Measures & { both: number; antecedent: number; consequent: number; n: number })[];
}
const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/basket/reference.json", import.meta.url), "utf8"),
) as Reference;

const ruleKey = (rule: { antecedent: readonly string[]; consequent: readonly string[] }) =>
  `${rule.antecedent.join("|")} => ${rule.consequent.join("|")}`;

/** Relative closeness for reference comparisons. */
function expectClose(actual: number, expected: number, relative: number, label: string) {
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    relative,
  );
}

const smallBaskets = fc.array(fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), { maxLength: 5 }), {
  minLength: 1,
  maxLength: 30,
});

/** Issue 12's database: one basket of 300 distinct items and 99 small ones (2^300 itemsets at min count 1). */
function pathological(): string[][] {
  const out: string[][] = [Array.from({ length: 300 }, (_, i) => `i${i}`)];
  for (let t = 1; t < 100; t++) out.push([`i${t % 300}`, `i${(t * 7) % 300}`, `x${t % 5}`]);
  return out;
}

/** Runs `run`, returning what it threw (or undefined), the elapsed ms and the growth of heap + array buffers. */
function measured(run: () => unknown): { error: unknown; ms: number; growth: number } {
  const usage = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const before = usage();
  const started = performance.now();
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  return { error, ms: performance.now() - started, growth: usage() - before };
}

/**
 * Groceries-like baskets (seeded): item i is bought with probability 0.6 / (i + 1) (a long tail), plus a
 * planted pair, so rules of many sizes and many ties appear.
 */
const groceriesLike = fc
  .record({ seed: fc.integer({ min: 1, max: 2 ** 30 }), size: fc.integer({ min: 20, max: 150 }) })
  .map(({ seed, size }) => {
    const random = createRandom(seed);
    return Array.from({ length: size }, () => {
      const basket: string[] = [];
      for (let i = 0; i < 12; i++) if (random.float() < 0.6 / (i + 1)) basket.push(`item${i}`);
      if (random.float() < 0.3) basket.push("planted-a", "planted-b");
      return basket;
    });
  });

describe("associationRules", () => {
  const baskets = Object.freeze([
    Object.freeze(["beer", "diapers"]),
    Object.freeze(["beer", "diapers", "chips"]),
    Object.freeze(["milk"]),
    Object.freeze(["beer", "chips"]),
  ]);

  it("associationRules keeps single-consequent rules above minConfidence with support, confidence, lift", () => {
    const { rules } = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.6 });
    expect(rules.map(ruleKey).sort()).toEqual(
      ["beer => chips", "beer => diapers", "chips => beer", "diapers => beer"].sort(),
    );
    const rule = rules.find((r) => ruleKey(r) === "diapers => beer") as AssociationRule;
    expect(rule.support).toBe(0.5);
    expect(rule.confidence).toBe(1);
    expect(rule.lift).toBeCloseTo(4 / 3, 14);
    expect(rule.count).toBe(2);
    expect(rule.antecedentSupport).toBe(0.5);
    expect(rule.consequentSupport).toBe(0.75);
    expect(rule.conviction).toBe(Number.POSITIVE_INFINITY);
  });

  it("associationRules drops rules below minConfidence and minLift", () => {
    const { rules } = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.7 });
    expect(rules.map(ruleKey).sort()).toEqual(["chips => beer", "diapers => beer"]);
    // by hand (N = 4; beer 3, diapers 2, chips 2; beer+diapers 2, beer+chips 2, diapers+chips 1, all three 1):
    // lift(beer <=> diapers) = lift(beer <=> chips) = (2/4) / (3/4 * 2/4) = 4/3;
    // lift(diapers+chips => beer) = (1/4) / (1/4 * 3/4) = 4/3; every other rule has lift 1
    const lifted = associationRules(baskets, { minSupport: 0.25, minConfidence: 0, minLift: 1.01 }).rules;
    expect(lifted.map(ruleKey).sort()).toEqual([
      "beer => chips",
      "beer => diapers",
      "chips => beer",
      "chips|diapers => beer",
      "diapers => beer",
    ]);
    for (const r of lifted) expect(r.lift).toBeCloseTo(4 / 3, 14);
  });

  it("associationRules with minLength 1 adds empty-antecedent rules {} => {y}", () => {
    const { rules } = associationRules(baskets, { minSupport: 0.5, minConfidence: 0.7, minLength: 1 });
    const empty = rules.filter((r) => r.antecedent.length === 0);
    expect(empty.map((r) => r.consequent[0])).toEqual(["beer"]);
    expect(empty[0]?.confidence).toBe(0.75);
  });

  it("associationRules with consequent 'all' gives every split, matching a brute-force enumeration (property)", () => {
    fc.assert(
      fc.property(
        smallBaskets,
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0, 0.3, 0.6),
        (data, minCount, minConfidence) => {
          const sets = data.map((basket) => new Set<string>(basket));
          const count = (items: string[]) =>
            sets.filter((set) => items.every((item) => set.has(item))).length;
          const universe = [...new Set(data.flat())].sort();
          const expected = new Map<string, number[]>();
          for (let mask = 1; mask < 1 << universe.length; mask++) {
            const itemset = universe.filter((_, k) => (mask >> k) & 1);
            if (itemset.length < 2 || count(itemset) < minCount) continue;
            for (let right = 1; right < (1 << itemset.length) - 1; right++) {
              const consequent = itemset.filter((_, k) => (right >> k) & 1);
              const antecedent = itemset.filter((_, k) => !((right >> k) & 1));
              const confidence = count(itemset) / count(antecedent);
              // improvement by its definition: min over proper subsets S of the antecedent (empty set
              // included) of confidence - conf(S => consequent)
              let improvement = Number.POSITIVE_INFINITY;
              for (let sub = 0; sub < (1 << antecedent.length) - 1; sub++) {
                const subset = antecedent.filter((_, k) => (sub >> k) & 1);
                const general =
                  count([...subset, ...consequent]) / (subset.length === 0 ? data.length : count(subset));
                improvement = Math.min(improvement, confidence - general);
              }
              if (confidence >= minConfidence) {
                expected.set(ruleKey({ antecedent, consequent }), [confidence, improvement]);
              }
            }
          }
          const { rules } = associationRules(data, { minCount, minConfidence, consequent: "all" });
          expect(new Map(rules.map((r) => [ruleKey(r), [r.confidence, r.improvement]]))).toEqual(expected);
          const single = associationRules(data, { minCount, minConfidence }).rules;
          const expectedSingle = [...expected].filter(([key]) => !key.split(" => ")[1]?.includes("|"));
          expect(new Map(single.map((r) => [ruleKey(r), [r.confidence, r.improvement]]))).toEqual(
            new Map(expectedSingle),
          );
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });

  it("associationRules measures stay in their documented ranges; confidence >= support; lift symmetric (property)", () => {
    fc.assert(
      fc.property(smallBaskets, (data) => {
        const { rules } = associationRules(data, { minCount: 1, minConfidence: 0, consequent: "all" });
        const byKey = new Map(rules.map((r) => [ruleKey(r), r]));
        const inRange = (value: number, low: number, high: number) =>
          value >= low - 1e-12 && value <= high + 1e-12;
        const failures: string[] = [];
        const check = (ok: boolean, label: string) => {
          if (!ok) failures.push(label);
        };
        for (const r of rules) {
          const key = ruleKey(r);
          for (const name of BUILT_IN_MEASURES) check(!Number.isNaN(r[name]), `${key} ${name} NaN`);
          check(inRange(r.support, 0, 1) && inRange(r.confidence, 0, 1), `${key} support/confidence`);
          check(r.confidence >= r.support, `${key} confidence >= support`);
          check(
            r.lift >= 0 && r.conviction >= 0 && r.oddsRatio >= 0 && r.collectiveStrength >= 0,
            `${key} >= 0`,
          );
          check(inRange(r.leverage, -0.25, 0.25), `${key} leverage`);
          for (const name of [
            "addedValue",
            "certainty",
            "phi",
            "yulesQ",
            "zhangsMetric",
            "improvement",
          ] as const) {
            check(inRange(r[name], -1, 1), `${key} ${name}`);
          }
          for (const name of [
            "cosine",
            "jaccard",
            "kulczynski",
            "imbalanceRatio",
            "allConfidence",
            "fishersExactTest",
            "laplace",
            "mutualInformation",
          ] as const) {
            check(inRange(r[name], 0, 1), `${key} ${name}`);
          }
          check(inRange(r.chiSquared, 0, data.length), `${key} chiSquared`);
          // the reversed rule has the same lift, leverage, cosine, jaccard, phi, chi-squared
          const reverse = byKey.get(
            ruleKey({ antecedent: r.consequent, consequent: r.antecedent }),
          ) as AssociationRule;
          for (const name of [
            "lift",
            "leverage",
            "cosine",
            "jaccard",
            "phi",
            "chiSquared",
            "support",
          ] as const) {
            check(
              Math.abs(reverse[name] - r[name]) <= 1e-12 * Math.max(1, Math.abs(r[name])),
              `${key} ${name} symmetric`,
            );
          }
        }
        expect(failures).toEqual([]);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it("associationRules is invariant under permuting transactions and renaming items (property)", () => {
    const rename: Record<string, string> = {
      a: "zebra",
      b: "apple",
      c: "mango",
      d: "kiwi",
      e: "banana",
      f: "cherry",
    };
    const back = Object.fromEntries(Object.entries(rename).map(([from, to]) => [to, from]));
    fc.assert(
      fc.property(smallBaskets, fc.integer({ min: 1, max: 3 }), (data, minCount) => {
        const reversed = [...data]
          .reverse()
          .map((basket) => [...basket].reverse().map((item) => rename[item] as string));
        const summary = (rules: readonly AssociationRule[], map: (item: string) => string) =>
          new Map(
            rules.map((r) => [
              ruleKey({ antecedent: r.antecedent.map(map).sort(), consequent: r.consequent.map(map).sort() }),
              [r.count, r.confidence, r.lift, r.fishersExactTest, r.improvement],
            ]),
          );
        const original = associationRules(data, { minCount, minConfidence: 0.2 }).rules;
        const permuted = associationRules(reversed, { minCount, minConfidence: 0.2 }).rules;
        expect(summary(permuted, (item) => back[item] as string)).toEqual(summary(original, (item) => item));
      }),
      { numRuns: 80, seed: 5 },
    );
  });

  it("associationRules with maxRules returns the top rules by sortBy, same as sorting everything", () => {
    const data = Array.from({ length: 60 }, (_, i) =>
      ["a", "b", "c", "d", "e"].filter((_, k) => (i * (k + 3)) % (k + 2) !== 0),
    );
    const all = associationRules(data, { minCount: 2, minConfidence: 0, sortBy: "leverage" }).rules;
    const top = associationRules(data, {
      minCount: 2,
      minConfidence: 0,
      sortBy: "leverage",
      maxRules: 5,
    }).rules;
    expect(top.map((r) => r.leverage)).toEqual(all.slice(0, 5).map((r) => r.leverage));
    const pValues = associationRules(data, {
      minCount: 2,
      minConfidence: 0,
      sortBy: "fishersExactTest",
      maxRules: 3,
    }).rules;
    const smallest = all.map((r) => r.fishersExactTest).sort((x, y) => x - y);
    expect(pValues.map((r) => r.fishersExactTest)).toEqual(smallest.slice(0, 3));
  });

  it("associationRules with maxRules keeps exactly the first k rules of the full sorted list, ties included (property)", () => {
    fc.assert(
      fc.property(
        groceriesLike,
        fc.constantFrom(
          "lift",
          "support",
          "confidence",
          "leverage",
          "count",
          "fishersExactTest",
          "improvement",
        ),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom<"single" | "all">("single", "all"),
        (data, sortBy, k, consequent) => {
          const options = { minCount: 2, minConfidence: 0.1, sortBy, consequent };
          const all = associationRules(data, options).rules;
          const top = associationRules(data, { ...options, maxRules: k }).rules;
          expect(top.map(ruleKey)).toEqual(all.slice(0, k).map(ruleKey));
        },
      ),
      { numRuns: 150, seed: 12 },
    );
  });

  it("associationRules stops a run-away search under the default budgets with an error that says what to change", () => {
    const runs: [() => unknown, string][] = [
      [() => associationRules(pathological(), { minSupport: 0.01, minConfidence: 0.5 }), "maxItemsets"],
      // maxLength bounds the search depth, but C(300, 3) = 4.5 million itemsets still pass the budget
      [
        () => associationRules(pathological(), { minSupport: 0.01, minConfidence: 0.5, maxLength: 3 }),
        "maxItemsets",
      ],
      [
        () => associationRules(pathological(), { minSupport: 0.01, minConfidence: 0.5, maxRules: 100 }),
        "maxItemsets",
      ],
      // 200k itemsets are allowed, but they make about 1.6 million rules: the default rule cap
      [
        () =>
          associationRules(pathological(), { minSupport: 0.01, minConfidence: 0.5, maxItemsets: 200_000 }),
        "maxRules",
      ],
    ];
    for (const [run, path] of runs) {
      const { error, ms, growth } = measured(run);
      expect(error).toBeInstanceOf(InvalidOptionsError);
      expect((error as InvalidOptionsError).issues[0]?.path).toBe(path);
      expect((error as Error).message).toMatch(/minSupport/);
      expect(ms).toBeLessThan(20_000);
      expect(growth).toBeLessThan(1.5e9);
    }
  }, 120_000);

  it("associationRules with consequent 'all' stops at the default split budget instead of enumerating 3^length splits", () => {
    // 3 copies of a 17-item basket: 131k frequent itemsets (within the itemset budget) but 3^17 = 129
    // million splits; minLift 1000 lets no rule through, so only the split budget can stop the loop
    const big = Array.from({ length: 17 }, (_, i) => `i${i}`);
    const data = [big, big, big, ["x"]];
    const { error, ms } = measured(() =>
      associationRules(data, { minCount: 2, minConfidence: 0, minLift: 1000, consequent: "all" }),
    );
    expect(error).toBeInstanceOf(InvalidOptionsError);
    expect((error as InvalidOptionsError).issues[0]?.path).toBe("consequent");
    expect(ms).toBeLessThan(20_000);
    // an explicit budget lifts it: with a time limit the result is partial instead
    const partial = associationRules(data, {
      minCount: 2,
      minConfidence: 0,
      minLift: 1000,
      consequent: "all",
      maxItemsets: Number.POSITIVE_INFINITY,
      timeLimitMs: 300,
    });
    expect(partial.truncated).toBe(true);
    expect(partial.rules).toHaveLength(0);
  }, 60_000);

  it("associationRules honours timeLimitMs across the search, rule generation and rule objects (limit x 2 + 1 s)", () => {
    for (const [limit, consequent] of [
      [100, "single"],
      [1500, "single"],
      [300, "all"],
    ] as const) {
      let result: ReturnType<typeof associationRules> | undefined;
      const { error, ms } = measured(() => {
        result = associationRules(pathological(), {
          minSupport: 0.01,
          minConfidence: 0.5,
          consequent,
          maxItemsets: Number.POSITIVE_INFINITY,
          maxRules: Number.POSITIVE_INFINITY,
          timeLimitMs: limit,
        });
      });
      expect(error).toBeUndefined();
      expect(ms).toBeLessThan(2 * limit + 1000);
      expect(result?.truncated).toBe(true);
      expect(result?.truncatedReason).toBe("timeLimitMs");
    }
  }, 60_000);

  it("associationRules rule generation grows with the rules produced, not 2^length per rule (loose timing)", () => {
    // with maxItemsets fixed on the pathological database, 4x the itemsets give about 4.6x the rules;
    // before, improvement enumerated 2^|X| antecedent subsets per rule: 10k itemsets 2.7 s, 40k 39 s
    const time = (maxItemsets: number) => {
      const started = performance.now();
      const result = associationRules(pathological(), { minSupport: 0.01, minConfidence: 0.5, maxItemsets });
      return { ms: performance.now() - started, rules: result.rules.length };
    };
    const small = time(10_000);
    const large = time(40_000);
    expect(large.rules / small.rules).toBeLessThan(6);
    expect(large.ms).toBeLessThan(8 * small.ms + 3000);
  }, 120_000);

  it("associationRules honours antecedent and consequent item constraints", () => {
    const { rules } = associationRules(baskets, {
      minSupport: 0.25,
      minConfidence: 0,
      consequentItems: ["beer"],
      antecedentItems: ["diapers", "chips"],
    });
    expect(rules.map(ruleKey).sort()).toEqual(["chips => beer", "chips|diapers => beer", "diapers => beer"]);
  });

  it("associationRules computes custom measures from the 2x2 counts and can sort by them", () => {
    const { rules } = associationRules(baskets, {
      minSupport: 0.25,
      minConfidence: 0,
      measures: {
        neitherShare: (t) => t.neither / t.transactionCount,
        cells: (t) => t.both + t.antecedentOnly + t.consequentOnly + t.neither,
      },
      sortBy: "neitherShare",
    });
    for (const r of rules) expect(r.customMeasures.cells).toBe(4);
    const shares = rules.map((r) => r.customMeasures.neitherShare as number);
    expect(shares).toEqual([...shares].sort((x, y) => y - x));
    const diapersBeer = rules.find((r) => ruleKey(r) === "diapers => beer") as AssociationRule;
    expect(diapersBeer.customMeasures.neitherShare).toBe(0.25);
  });

  it("associationRules refuses a null basket and a corrupted Transactions with typed errors naming the row", () => {
    expect(() => associationRules([["a", "b"], null as unknown as string[]])).toThrow(InvalidRecordError);
    const data = readBaskets("a,b\nb\n");
    expect(() => associationRules({ ...data, offsets: Int32Array.from([0, 2, 7]) })).toThrow(
      InvalidOptionsError,
    );
    expect(() => associationRules({ ...data, items: Int32Array.from([0, 9, 1]) })).toThrow(
      InvalidRecordError,
    );
  });

  it("associationRules refuses bad options and empty input", () => {
    expect(() => associationRules([], {})).toThrow(InsufficientDataError);
    expect(() => associationRules(baskets, { minConfidence: 2 })).toThrow(InvalidOptionsError);
    expect(() => associationRules(baskets, { sortBy: "interest" })).toThrow(InvalidOptionsError);
    expect(() => associationRules(baskets, { minLength: 3, maxLength: 2 })).toThrow(InvalidOptionsError);
    expect(() => associationRules(baskets, { consequent: "many" as never })).toThrow(InvalidOptionsError);
    expect(() => associationRules(baskets, { minSupport: 0 })).toThrow(InvalidOptionsError);
    expect(() => associationRules([["beer"], ["milk", ""]])).toThrowErrorMatchingInlineSnapshot(
      `[InvalidRecordError: associationRules: row 1, field "basket[1]": received "" (string); expected a non-empty string item name; convert ids with String(id) first]`,
    );
  });
});

describe("rule measures against the Python reference (scipy, textbook formulas)", () => {
  it.each(
    reference.smallTables.map((table) => [
      `${table.both}/${table.antecedent}/${table.consequent}/${table.n}`,
      table,
    ]),
  )("measureValue matches on table %s", (_, table) => {
    const logFactorial = logFactorials(table.n);
    for (const name of BUILT_IN_MEASURES) {
      if (name === "improvement") continue;
      const value = measureValue(
        name as BuiltInMeasure,
        table.both,
        table.antecedent,
        table.consequent,
        table.n,
        logFactorial,
      );
      const expected = table[name];
      if (expected === null || expected === undefined) {
        // Python divides by zero only on the tables 3/3/3/10 and 10/10/10/20, where X and Y always
        // occur together (b = c = 0, d > 0): conviction = (1 - P(Y)) / (1 - 1) with P(Y) < 1,
        // oddsRatio = ad / 0 with ad > 0 and collectiveStrength = ... / (1 - 1) with a positive
        // numerator, so the documented limit of all three is +Infinity
        expect(table.antecedent - table.both, name).toBe(0);
        expect(value, name).toBe(Number.POSITIVE_INFINITY);
        continue;
      }
      expectClose(value, expected, name === "fishersExactTest" ? 1e-9 : 1e-12, name);
    }
  });
});

describeWithDataset("groceries.csv", "associationRules on groceries", () => {
  const groceries = readBaskets(readSharedDataset("groceries.csv"));
  const result = associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 });

  it("associationRules finds the 5668 rules of arules apriori (supp 0.001, conf 0.5, minlen 2)", () => {
    expect(result.rules.length).toBe(5668);
    expect(reference["rulesAt0.001conf0.5"]).toBe(5668);
  });

  it("associationRules ranks {Instant food products, soda} => {hamburger meat} first by lift (arules figures)", () => {
    const top = result.rules[0] as AssociationRule;
    expect(top.antecedent).toEqual(["Instant food products", "soda"]);
    expect(top.consequent).toEqual(["hamburger meat"]);
    expect(top.support).toBeCloseTo(0.00122013, 8);
    expect(top.confidence).toBeCloseTo(0.631579, 6);
    expect(top.lift).toBeCloseTo(18.9957, 4);
    expect(top.count).toBe(12);
  });

  it("associationRules gives the same top rule with maxRules 1 (heap) and with Eclat", () => {
    const heap = associationRules(groceries, {
      minSupport: 0.001,
      minConfidence: 0.5,
      maxRules: 1,
      algorithm: "eclat",
    });
    expect(heap.rules.map(ruleKey)).toEqual(["Instant food products|soda => hamburger meat"]);
  });

  it("associationRules measures of sample rules match the Python reference (rel. 1e-9; Fisher via scipy)", () => {
    const byKey = new Map(result.rules.map((r) => [ruleKey(r), r]));
    for (const expected of reference.sampleRules) {
      const rule = byKey.get(ruleKey(expected));
      expect(rule, ruleKey(expected)).toBeDefined();
      for (const name of BUILT_IN_MEASURES) {
        const value = expected[name];
        if (value === null || value === undefined) continue;
        expectClose((rule as AssociationRule)[name], value, 1e-9, `${ruleKey(expected)} ${name}`);
      }
    }
  });
});

describe("associationRules on the generated store", () => {
  it("associationRules recovers every planted association (support > 0.005, lift > 3) from transactionsFrom order lines", async () => {
    const { generateStore } = await import("../store/index.js");
    const { transactionsFrom } = await import("./transactionsFrom.js");
    const store = generateStore({ seed: 3, customers: 800 });
    const baskets = transactionsFrom(
      store.orderLines.filter((line) => !line.refund),
      { transaction: "orderId", item: "product" },
    );
    const { rules } = associationRules(baskets, { minSupport: 0.005, minConfidence: 0.3 });
    for (const planted of store.planted.associations) {
      const rule = rules.find(
        (r) => r.antecedent.join() === planted.antecedent && r.consequent.join() === planted.consequent,
      );
      expect(rule, `${planted.antecedent} => ${planted.consequent}`).toBeDefined();
      expect((rule as AssociationRule).lift).toBeGreaterThan(3);
      expect((rule as AssociationRule).fishersExactTest).toBeLessThan(1e-6);
    }
  });
});
