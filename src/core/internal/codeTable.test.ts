import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCodes } from "../fields.js";
import { CodeTable, hashString, SMALL_TABLE_LIMIT } from "./codeTable.js";

/** The reference: codes from a plain Map, first-seen order. */
function mapCodes(keys: readonly string[]): { codes: number[]; labels: string[] } {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const codes = keys.map((key) => {
    let code = index.get(key);
    if (code === undefined) {
      code = labels.length;
      index.set(key, code);
      labels.push(key);
    }
    return code;
  });
  return { codes, labels };
}

// keys drawn from a small alphabet repeat often; full unicode strings (lone surrogates included) test code units
const keyArbitrary = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "b", "c", "\u00e9", "\ud83d"), maxLength: 4 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

describe("CodeTable", () => {
  it("gives the same codes and labels as a Map, before and after it leaves the small Map", () => {
    fc.assert(
      fc.property(
        fc.array(keyArbitrary, { maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        (keys, limit) => {
          const table = new CodeTable(0, limit);
          const codes = keys.map((key) => table.code(key));
          const expected = mapCodes(keys);
          expect(codes).toEqual(expected.codes);
          expect(table.labels).toEqual(expected.labels);
          expect(table.size).toBe(expected.labels.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same codes when sized from the rows still to come, whether the estimate is low or high", () => {
    fc.assert(
      fc.property(
        fc.array(keyArbitrary, { maxLength: 300 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 0, max: 1000 }),
        (keys, limit, rows) => {
          const table = new CodeTable(rows, limit);
          const codes = keys.map((key, row) => table.code(key, row));
          const expected = mapCodes(keys);
          expect(codes).toEqual(expected.codes);
          expect(table.labels).toEqual(expected.labels);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps codes of keys that differ only past the first units or share a hash-sized prefix", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `O${String(i % 3000).padStart(7, "0")}`);
    const table = new CodeTable(0, 8);
    const codes = keys.map((key) => table.code(key));
    expect(codes).toEqual(mapCodes(keys).codes);
    expect(table.size).toBe(3000);
  });

  it("spreads sequential ids over the low bits used as slot indices", () => {
    const buckets = new Int32Array(1024);
    for (let i = 0; i < 102_400; i++) {
      const slot = hashString(`O${String(i).padStart(7, "0")}`) & 1023;
      buckets[slot] = (buckets[slot] as number) + 1;
    }
    // 100 keys per bucket on average (binomial sd 10): a hash that ignored some units would leave buckets empty
    expect(Math.min(...buckets)).toBeGreaterThan(50);
    expect(Math.max(...buckets)).toBeLessThan(160);
  });
});

describe("readCodes at scale", () => {
  it("matches a Map reader across the move to the large table (200k distinct ids, mixed strings and numbers)", () => {
    const n = 3 * SMALL_TABLE_LIMIT + 12_345;
    const records = Array.from({ length: 2 * n }, (_, i) => {
      const id = (i * 7919) % n; // every id twice, in a scrambled order
      return { id: id % 3 === 0 ? id : `c${id}` };
    });
    const { codes, labels } = readCodes(records, "id", { functionName: "test", optionName: "id" });
    const expected = mapCodes(records.map((record) => String(record.id)));
    expect(labels).toEqual(expected.labels);
    expect(Array.from(codes)).toEqual(expected.codes);
  });

  it('reads 7 and "7" as one value and reuses the previous row\'s code for repeated keys', () => {
    const coded = readCodes(
      [{ c: "x" }, { c: "x" }, { c: 7 }, { c: "7" }, { c: "x" }, { c: 10n }, { c: "10" }],
      "c",
      { functionName: "test", optionName: "c" },
    );
    expect(Array.from(coded.codes)).toEqual([0, 0, 1, 1, 0, 2, 2]);
    expect(coded.labels).toEqual(["x", "7", "10"]);
  });
});

describe("CodeTable slot reuse", () => {
  /** The slot array a table writes into (private; read here to check that it is reused). */
  const backingOf = (table: CodeTable) => (table as unknown as { backing: Int32Array }).backing;

  it("gives Map codes when tables reuse the slots of released ones, one after another or nested", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(keyArbitrary, { maxLength: 120 }), fc.integer({ min: 1, max: 16 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.boolean(),
        (runs, nested) => {
          // nested: every table is made before the previous ones are released (an accessor calling back)
          const open: CodeTable[] = [];
          for (const [keys, limit] of runs) {
            const table = new CodeTable(keys.length, limit);
            const codes = keys.map((key, row) => table.code(key, row));
            const expected = mapCodes(keys);
            expect(codes).toEqual(expected.codes);
            if (nested) open.push(table);
            else expect(table.release()).toEqual(expected.labels);
          }
          for (const table of open.reverse()) table.release();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hands a released table's slot array to the next table that fits in it, zeroed", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `O${i}`);
    const first = new CodeTable(keys.length, 16);
    for (const key of keys) first.code(key);
    const slots = backingOf(first);
    expect(slots.length).toBeGreaterThanOrEqual(2 * keys.length);
    first.release();
    // the next table that needs no more slots takes the kept array
    const second = new CodeTable(1000, 16);
    const fewer = keys.slice(0, 1000).reverse();
    expect(fewer.map((key) => second.code(key))).toEqual(fewer.map((_, i) => i));
    expect(backingOf(second)).toBe(slots);
    // a third table made while the second holds the array gets one of its own
    const third = new CodeTable(100, 16);
    for (const key of keys.slice(0, 100)) third.code(key);
    expect(backingOf(third)).not.toBe(slots);
    expect(second.release()).toEqual(fewer);
    expect(() => second.code("O1")).toThrow(TypeError);
  });
});
