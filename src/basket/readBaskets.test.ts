import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import { readBaskets } from "./readBaskets.js";
import type { Transactions } from "./Transactions.js";

const basketsOf = (t: Transactions): string[][] =>
  Array.from({ length: t.transactionCount }, (_, i) =>
    Array.from(t.items.subarray(t.offsets[i], t.offsets[i + 1]), (code) => t.itemLabels[code] as string),
  );

describe("readBaskets", () => {
  it("readBaskets recodes items to integers in first-seen order, each basket sorted by code", () => {
    const t = readBaskets("milk,bread\nbread,beer,milk\n");
    expect(t.itemLabels).toEqual(["milk", "bread", "beer"]);
    expect(Array.from(t.offsets)).toEqual([0, 2, 5]);
    expect(Array.from(t.items)).toEqual([0, 1, 0, 1, 2]);
    expect(t.transactionCount).toBe(2);
    expect(t.transactionIds).toBeUndefined();
  });

  it("readBaskets skips blank lines, ignores trailing and doubled separators, reads CRLF", () => {
    const t = readBaskets("a,b,\r\n\r\n,,c,,\n   \nb\n");
    expect(basketsOf(t)).toEqual([["a", "b"], ["c"], ["b"]]);
  });

  it("readBaskets counts an item repeated on a line once", () => {
    const t = readBaskets("a,a,b,a");
    expect(basketsOf(t)).toEqual([["a", "b"]]);
  });

  it("readBaskets splits on a space separator and trims blanks", () => {
    const t = readBaskets("1 2  3 \n 4 1", { separator: " " });
    expect(basketsOf(t)).toEqual([
      ["1", "2", "3"],
      ["1", "4"],
    ]);
    expect(basketsOf(readBaskets(" x , y ", { trim: false }))).toEqual([[" x ", " y "]]);
  });

  it("readBaskets reads multi-character separators", () => {
    expect(basketsOf(readBaskets("a;;b;;c", { separator: ";;" }))).toEqual([["a", "b", "c"]]);
  });

  it("readBaskets agrees with a naive split/trim reader on arbitrary text (property)", () => {
    // reference: split lines on "\n", drop one trailing "\r", split on the separator, trim, keep non-empty, dedupe
    const naive = (text: string, separator: string, trim: boolean): string[][] => {
      const baskets: string[][] = [];
      for (let line of text.split("\n")) {
        if (line.endsWith("\r")) line = line.slice(0, -1);
        const items = line
          .split(separator)
          .map((item) => (trim ? item.trim() : item))
          .filter((item) => item.length > 0);
        if (items.length > 0) baskets.push([...new Set(items)]);
      }
      return baskets;
    };
    const pieces = ["a", "b", "cé", "x1", " ", ",", ";;", "\n", "\r", "\r\n", "\t", "\u00a0", "\u3000"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.constantFrom(",", " ", ";;", "\t", "é"),
        fc.boolean(),
        (parts, separator, trim) => {
          const text = parts.join("");
          const read = basketsOf(readBaskets(text, { separator, trim }));
          const expected = naive(text, separator, trim);
          expect(read.map((basket) => basket.slice().sort())).toEqual(
            expected.map((basket) => basket.sort()),
          );
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it("readBaskets keeps many distinct labels apart (label table growth)", () => {
    const labels = Array.from({ length: 5000 }, (_, i) => `item-${i}`);
    const text = labels.map((label, i) => `${label},${labels[(i * 7) % 5000]}`).join("\n");
    const t = readBaskets(text);
    expect(t.itemLabels.length).toBe(5000);
    const baskets = basketsOf(t);
    for (let i = 0; i < 5000; i += 499)
      expect(baskets[i]?.slice().sort()).toEqual([...new Set([labels[i], labels[(i * 7) % 5000]])].sort());
  });

  it("readBaskets of empty text gives no transactions", () => {
    expect(readBaskets("").transactionCount).toBe(0);
    expect(readBaskets("\n\n").transactionCount).toBe(0);
  });

  it("readBaskets refuses an empty separator and non-string text", () => {
    expect(() => readBaskets("a", { separator: "" })).toThrow(InvalidOptionsError);
    expect(() => readBaskets(42 as unknown as string)).toThrow(InvalidOptionsError);
    expect(() => readBaskets("a", { separator: "" })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: readBaskets: invalid options
        - separator: separator must be a non-empty string such as "," or " " (received "")]
    `);
  });
});

describeWithDataset("groceries.csv", "readBaskets on groceries", () => {
  it("readBaskets reads 9835 transactions, 169 items, 43367 occurrences (SOURCE.md)", () => {
    const t = readBaskets(readSharedDataset("groceries.csv"));
    expect(t.transactionCount).toBe(9835);
    expect(t.itemLabels.length).toBe(169);
    expect(t.items.length).toBe(43367);
    let longest = 0;
    for (let i = 0; i < t.transactionCount; i++)
      longest = Math.max(longest, (t.offsets[i + 1] as number) - (t.offsets[i] as number));
    expect(longest).toBe(32);
  });
});
