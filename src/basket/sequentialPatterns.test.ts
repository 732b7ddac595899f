import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arulesLabel, zakiRecords } from "../../fixtures/basket/sequences/zaki.js";
import { optionsError } from "../../test/unknownOptions.js";
import { InsufficientDataError, InvalidRecordError } from "../core/index.js";
import {
  bruteForceSequences,
  levelWiseSequences,
  type ReferenceBasket,
  type ReferenceConstraints,
  referenceKey,
} from "./internal/sequenceBruteForce.js";
import { sequentialPatterns } from "./sequentialPatterns.js";

const DAY = 86_400_000;

const zakiFields = { customer: "sid", date: "day", item: "item" } as const;
const asTable = (patterns: readonly { label: string; support: number }[]) =>
  Object.fromEntries(patterns.map((p) => [arulesLabel(p.label), p.support]));

describe("sequentialPatterns on Zaki's example (arulesSequences' published output)", () => {
  it("cspade(zaki, parameter = list(support = 0.4)) gives 18 sequences with these supports", () => {
    // arulesSequences 0.2-31, tests/zaki.Rout.save: `as(s1, "data.frame")` (d1, columns sequence and support)
    const published = {
      "<{A}>": 1,
      "<{B}>": 1,
      "<{D}>": 0.5,
      "<{F}>": 1,
      "<{A,F}>": 0.75,
      "<{B,F}>": 1,
      "<{D},{F}>": 0.5,
      "<{D},{B,F}>": 0.5,
      "<{A,B,F}>": 0.75,
      "<{A,B}>": 0.75,
      "<{D},{B}>": 0.5,
      "<{B},{A}>": 0.5,
      "<{D},{A}>": 0.5,
      "<{F},{A}>": 0.5,
      "<{D},{F},{A}>": 0.5,
      "<{B,F},{A}>": 0.5,
      "<{D},{B,F},{A}>": 0.5,
      "<{D},{B},{A}>": 0.5,
    };
    const result = sequentialPatterns(Object.freeze(zakiRecords()), { ...zakiFields, minSupport: 0.4 });
    expect(asTable(result.patterns)).toEqual(published);
    expect(result.patterns).toHaveLength(18);
    expect(result.customerCount).toBe(4);
    expect(result.basketCount).toBe(10);
  });

  it("cspade(zaki, parameter = list(support = 0.4, maxsize = 2, maxlen = 2)) gives 14 sequences", () => {
    // arulesSequences 0.2-31, tests/zaki.Rout.save: `as(s2, "data.frame")`
    const published = {
      "<{A}>": 1,
      "<{B}>": 1,
      "<{D}>": 0.5,
      "<{F}>": 1,
      "<{A,F}>": 0.75,
      "<{B,F}>": 1,
      "<{D},{F}>": 0.5,
      "<{D},{B,F}>": 0.5,
      "<{A,B}>": 0.75,
      "<{D},{B}>": 0.5,
      "<{B},{A}>": 0.5,
      "<{D},{A}>": 0.5,
      "<{F},{A}>": 0.5,
      "<{B,F},{A}>": 0.5,
    };
    const result = sequentialPatterns(zakiRecords(), {
      ...zakiFields,
      minSupport: 0.4,
      maxElementSize: 2,
      maxElements: 2,
    });
    expect(asTable(result.patterns)).toEqual(published);
  });

  it("sorts patterns by count and prints them as a table", () => {
    const result = sequentialPatterns(zakiRecords(), { ...zakiFields, minSupport: 0.4 });
    const counts = result.patterns.map((p) => p.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const printed = (result as unknown as Record<symbol, () => string>)[
      Symbol.for("nodejs.util.inspect.custom")
    ]?.();
    expect(printed?.split("\n").slice(0, 4)).toEqual([
      "Sequential patterns",
      "18 patterns from 4 customers, 10 baskets (min count 2)",
      "pattern        support  count  medianGapDays",
      "<{A}>                1      4",
    ]);
    const pattern = result.patterns.find((p) => p.label === "<{D}, {B, F}, {A}>");
    // customer 1: D@10, B,F@20, A@25 (gap 5); customer 4: D@10, B,F@20, A@25 (gap 5)
    expect(pattern).toEqual({
      elements: [["D"], ["B", "F"], ["A"]],
      label: "<{D}, {B, F}, {A}>",
      support: 0.5,
      count: 2,
      size: 3,
      length: 4,
      medianGapDays: 5,
    });
    expect(Object.isFrozen(result)).toBe(true);
  });
});

/** Random tiny databases: 1-6 customers, 1-4 baskets on distinct days 0-12, items from a-d. */
const databaseArbitrary = fc.array(
  fc
    .uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 })
    .chain((days) =>
      fc.tuple(
        ...days
          .sort((a, b) => a - b)
          .map((time) =>
            fc
              .uniqueArray(fc.constantFrom("a", "b", "c", "d"), { minLength: 1, maxLength: 3 })
              .map((items): ReferenceBasket => ({ time, items })),
          ),
      ),
    ),
  { minLength: 1, maxLength: 6 },
);

const constraintArbitrary = fc.record(
  {
    minGap: fc.integer({ min: 0, max: 6 }),
    maxGap: fc.integer({ min: 0, max: 10 }),
    window: fc.integer({ min: 0, max: 12 }),
    maxLength: fc.integer({ min: 1, max: 5 }),
    maxElements: fc.integer({ min: 1, max: 4 }),
    maxElementSize: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: [] },
);

function toRecords(customers: readonly (readonly ReferenceBasket[])[], seed: number) {
  const records = customers.flatMap((baskets, c) =>
    baskets.flatMap((basket) => basket.items.map((item) => ({ c: `c${c}`, t: basket.time * DAY, item }))),
  );
  // shuffle deterministically: the reader must sort by customer and time itself
  let state = seed >>> 0;
  for (let i = records.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [records[i], records[j]] = [
      records[j] as (typeof records)[number],
      records[i] as (typeof records)[number],
    ];
  }
  return records;
}

const summary = (
  patterns: readonly { elements: readonly (readonly string[])[]; count: number; gap: number }[],
) =>
  Object.fromEntries(
    patterns.map((p) => [referenceKey(p.elements), `${p.count}:${Number.isNaN(p.gap) ? "-" : p.gap}`]),
  );

/**
 * Checks that sequentialPatterns on the customers' records finds the patterns, counts and median gaps
 * that `reference` finds on the customers. A maxGap below minGap is raised to minGap first.
 */
function expectReferencePatterns(
  customers: readonly (readonly ReferenceBasket[])[],
  constraints: ReferenceConstraints,
  minCount: number,
  seed: number,
  reference: typeof bruteForceSequences,
): void {
  const { minGap, maxGap } = constraints;
  const used =
    maxGap !== undefined && minGap !== undefined && maxGap < minGap
      ? { ...constraints, maxGap: minGap }
      : constraints;
  const result = sequentialPatterns(toRecords(customers, seed), {
    customer: "c",
    date: "t",
    item: "item",
    minCount,
    ...(used as object),
  });
  const expected = reference(customers, minCount, used);
  expect(summary(result.patterns.map((p) => ({ ...p, gap: p.medianGapDays ?? Number.NaN })))).toEqual(
    summary(expected.map((p) => ({ ...p, gap: p.medianGap }))),
  );
}

describe("sequentialPatterns against a brute-force counter", () => {
  it("finds exactly the patterns, counts and median gaps of exhaustive enumeration, under every constraint", () => {
    fc.assert(
      fc.property(
        databaseArbitrary,
        constraintArbitrary,
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        (customers, constraints, minCount, seed) => {
          expectReferencePatterns(
            customers,
            constraints as ReferenceConstraints,
            minCount,
            seed,
            bruteForceSequences,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees with the level-wise reference miner on larger random databases", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 })
            .map((days) => days.sort((a, b) => a - b)),
          { minLength: 5, maxLength: 30 },
        ),
        fc.nat(),
        constraintArbitrary,
        (dayLists, seed, constraints) => {
          let state = seed >>> 0;
          const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
          const customers = dayLists.map((days) =>
            days.map((time) => ({
              time,
              items: [
                ...new Set(Array.from({ length: 1 + (next() % 3) }, () => "abcdef"[next() % 6] as string)),
              ],
            })),
          );
          const given = constraints as ReferenceConstraints;
          // the level-wise reference is slow on long patterns: at most 4 items unless asked for fewer
          const limited = { ...given, maxLength: given.maxLength ?? 4 };
          const minCount = Math.max(2, Math.ceil(customers.length / 4));
          expectReferencePatterns(customers, limited, minCount, seed, levelWiseSequences);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("sequentialPatterns records and options", () => {
  const lines = [
    { customer: "ann", date: "2024-01-02", product: "diapers", order: "o1" },
    { customer: "ann", date: "2024-01-09", product: "beer", order: "o2" },
    { customer: "bob", date: "2024-01-03", product: "diapers", order: "o3" },
    { customer: "bob", date: "2024-01-03", product: "beer", order: "o4" },
  ];
  const fields = { customer: "customer", date: "date", item: "product" } as const;

  it("makes one basket per order when order is given, so two orders of one day are in sequence", () => {
    const byDate = sequentialPatterns(lines, { ...fields, minCount: 2 });
    expect(byDate.patterns.map((p) => p.label)).toEqual(["<{beer}>", "<{diapers}>"]);
    expect(byDate.basketCount).toBe(3);
    const byOrder = sequentialPatterns(lines, { ...fields, order: "order", minCount: 2 });
    expect(byOrder.basketCount).toBe(4);
    expect(byOrder.patterns.map((p) => `${p.label} ${p.medianGapDays}`)).toContain("<{diapers}, {beer}> 3.5");
    // minGap 1 day: bob's two orders of one day no longer follow each other
    const gapped = sequentialPatterns(lines, { ...fields, order: "order", minCount: 2, minGap: 1 });
    expect(gapped.patterns.map((p) => p.label)).not.toContain("<{diapers}, {beer}>");
  });

  it("counts a repeated line once and reports it", () => {
    const repeated = [...lines, lines[0] as (typeof lines)[number]];
    const result = sequentialPatterns(repeated, { ...fields, minCount: 1 });
    expect(result.repeatedLines).toBe(1);
    expect(result.patterns.find((p) => p.label === "<{diapers}>")?.count).toBe(2);
  });

  it("accepts one customer: each of their patterns has support 1", () => {
    const result = sequentialPatterns(lines.slice(0, 2), { ...fields, minSupport: 1 });
    expect(result.patterns.map((p) => [p.label, p.support])).toEqual([
      ["<{beer}>", 1],
      ["<{diapers}>", 1],
      ["<{diapers}, {beer}>", 1],
    ]);
  });

  it("refuses empty input, missing dates and inconsistent orders with typed errors naming row and field", () => {
    expect(() => sequentialPatterns([], fields)).toThrow(InsufficientDataError);
    const missing = [...lines, { customer: "cat", date: null, product: "beer", order: "o5" }];
    expect(() => sequentialPatterns(missing, fields)).toThrowError(InvalidRecordError);
    expect(() => sequentialPatterns(missing, fields)).toThrowError(/row 4, field "date": received null/);
    const split = [...lines, { customer: "ann", date: "2024-01-05", product: "chips", order: "o1" }];
    expect(() => sequentialPatterns(split, { ...fields, order: "order" })).toThrowError(
      /row 4, field "date": received "2024-01-05" \(string\); order lines of one order must share its date; row 0/,
    );
    const moved = [...lines, { customer: "bob", date: "2024-01-02", product: "chips", order: "o1" }];
    expect(() => sequentialPatterns(moved, { ...fields, order: "order" })).toThrowError(
      /row 4, field "customer": received "bob"/,
    );
    expect(() => sequentialPatterns([{ customer: "a", date: "2024-01-01" }], fields as never)).toThrowError(
      /row 0, field "product": received undefined/,
    );
  });

  it("refuses bad options, listing each", () => {
    const error = optionsError(() =>
      sequentialPatterns(lines, { ...fields, minSupport: 2, maxGap: -1, maxLenght: 3 } as never),
    );
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(["maxGap", "maxLenght", "minSupport"]);
    expect(error?.message).toContain('did you mean "maxLength"?');
    expect(() => sequentialPatterns(lines, { ...fields, minGap: 5, maxGap: 2 })).toThrowError(
      /maxGap: must be at least minGap \(5 days\)/,
    );
  });

  it("stops a run-away search with an error naming what to change, or truncates under an explicit budget", () => {
    // 2 customers with the same 12 baskets of 4 items: every subsequence is frequent (about 15^12 of them)
    const big = Array.from({ length: 2 }, (_, c) =>
      Array.from({ length: 12 }, (_, d) =>
        ["a", "b", "c", "d"].map((item) => ({ c: `c${c}`, d: d * DAY, item })),
      ).flat(),
    ).flat();
    const options = { customer: "c", date: "d", item: "item", minSupport: 0.5 } as const;
    expect(() => sequentialPatterns(big, options)).toThrowError(
      /maxPatterns: the search passed the default budget of 1,000,000 patterns.*Raise minSupport.*set maxLength or maxElements/,
    );
    const partial = sequentialPatterns(big, { ...options, maxPatterns: 500 });
    expect([partial.patterns.length, partial.truncated, partial.truncatedReason]).toEqual([
      500,
      true,
      "maxPatterns",
    ]);
    const timed = sequentialPatterns(big, {
      ...options,
      maxPatterns: Number.POSITIVE_INFINITY,
      timeLimitMs: 50,
    });
    expect([timed.truncated, timed.truncatedReason]).toEqual([true, "timeLimitMs"]);
  });
});

describe("sequentialPatterns against arulesSequences' cspade under constraints", () => {
  // fixtures/basket/sequences/make-reference.R: cspade(zaki, parameter = ...) with arulesSequences 0.2-31
  const reference = JSON.parse(
    readFileSync(new URL("../../fixtures/basket/sequences/reference.json", import.meta.url), "utf8"),
  ) as Record<string, { sequences: Record<string, number> }>;
  const options: Record<string, object> = {
    "support 0.4": { minSupport: 0.4 },
    "support 0.4 maxgap 5": { minSupport: 0.4, maxGap: 5 },
    "support 0.4 mingap 10": { minSupport: 0.4, minGap: 10 },
    "support 0.25 maxgap 5": { minSupport: 0.25, maxGap: 5 },
    "support 0.25 mingap 6 maxgap 10": { minSupport: 0.25, minGap: 6, maxGap: 10 },
    "support 0.25 maxsize 2 maxlen 3": { minSupport: 0.25, maxElementSize: 2, maxElements: 3 },
    "support 0.25": { minSupport: 0.25 },
  };
  for (const [name, expected] of Object.entries(reference)) {
    it(`matches cspade(zaki, ${name})`, () => {
      const result = sequentialPatterns(zakiRecords(), { ...zakiFields, ...options[name] });
      expect(asTable(result.patterns)).toEqual(expected.sequences);
    });
  }
});
