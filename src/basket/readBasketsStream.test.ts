import {
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeWithDataset, sharedDatasetPath } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import { readBaskets } from "./readBaskets.js";
import { readBasketsStream } from "./readBasketsStream.js";
import type { Transactions } from "./Transactions.js";

const basketsOf = (t: Transactions): string[][] =>
  Array.from({ length: t.transactionCount }, (_, i) =>
    Array.from(t.items.subarray(t.offsets[i], t.offsets[i + 1]), (code) => t.itemLabels[code] as string),
  );

/** Independent reference: split lines on "\n", drop one trailing "\r", split, trim, keep non-empty, dedupe. */
const naive = (text: string, separator: string, trim: boolean): string[][] => {
  const baskets: string[][] = [];
  for (let line of text.split("\n")) {
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const items = line
      .split(separator)
      .map((item) => (trim ? item.trim() : item))
      .filter((item) => item.length > 0);
    if (items.length > 0) baskets.push([...new Set(items)].sort());
  }
  return baskets;
};

const sorted = (baskets: string[][]): string[][] => baskets.map((basket) => basket.slice().sort());

/** Plain copy of a Transactions value for deep equality. */
const plain = (t: Transactions) => ({
  transactionCount: t.transactionCount,
  itemLabels: [...t.itemLabels],
  offsets: Array.from(t.offsets),
  items: Array.from(t.items),
});

/** Splits `data` at the sorted cut positions. */
function cut<T extends string | Uint8Array>(data: T, cuts: readonly number[]): T[] {
  const pieces: T[] = [];
  let from = 0;
  for (const at of [...cuts].sort((a, b) => a - b)) {
    pieces.push(data.slice(from, at) as T);
    from = at;
  }
  pieces.push(data.slice(from) as T);
  return pieces;
}

// "é" is 2 UTF-8 bytes, "€" 3, "𝄞" 4 (a surrogate pair in UTF-16)
const TEXT = "lait,pain é\r\nbière,€uro,lait\r\n\r\n,𝄞clef,,pain é,\nlait\r\nb";

describe("readBasketsStream", () => {
  it("reads chunks split at every byte of the UTF-8 text (inside items, CRLFs and multi-byte characters) like one string", async () => {
    const bytes = new TextEncoder().encode(TEXT);
    const whole = plain(readBaskets(TEXT));
    expect(sorted(basketsOf(readBaskets(TEXT)))).toEqual(naive(TEXT, ",", true));
    for (let at = 0; at <= bytes.length; at++) {
      expect(plain(await readBasketsStream(cut(bytes, [at])))).toEqual(whole);
    }
    // one byte per chunk: every boundary at once
    expect(
      plain(
        await readBasketsStream(
          cut(
            bytes,
            Array.from({ length: bytes.length }, (_, i) => i),
          ),
        ),
      ),
    ).toEqual(whole);
    // string chunks split at every code unit (also between the two halves of a surrogate pair)
    for (let at = 0; at <= TEXT.length; at++)
      expect(plain(await readBasketsStream(cut(TEXT, [at])))).toEqual(whole);
    expect(whole.transactionCount).toBe(5);
    expect(whole.itemLabels).toEqual(["lait", "pain é", "bière", "€uro", "𝄞clef", "b"]);
  });

  it("agrees with the independent split/trim reader for any text, separator and chunking (property)", async () => {
    const pieces = ["a", "b", "cé", "€", "𝄞", "x1", " ", ",", ";;", "\n", "\r", "\r\n", "\t", "\u00a0"];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.constantFrom(",", " ", ";;", "é"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        async (parts, separator, trim, rawCuts, asBytes) => {
          const text = parts.join("");
          const data = asBytes ? new TextEncoder().encode(text) : text;
          const cuts = rawCuts.map((c) => c % (data.length + 1));
          const t = await readBasketsStream(cut(data, cuts), { separator, trim });
          expect(sorted(basketsOf(t))).toEqual(naive(text, separator, trim));
          expect(plain(t)).toEqual(plain(readBaskets(text, { separator, trim })));
        },
      ),
      { numRuns: 400, seed: 11 },
    );
  });

  it("reads an async iterable, a web ReadableStream and a Node file stream of small chunks", async () => {
    const whole = plain(readBaskets(TEXT));
    async function* generate() {
      for (const piece of cut(TEXT, [3, 17, 18, 40])) yield piece;
    }
    expect(plain(await readBasketsStream(generate()))).toEqual(whole);
    const bytes = new TextEncoder().encode(TEXT);
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of cut(bytes, [5, 14, 15, 16, 50])) controller.enqueue(piece);
        controller.close();
      },
    });
    expect(plain(await readBasketsStream(web))).toEqual(whole);
    const dir = mkdtempSync(join(tmpdir(), "clientele-stream-"));
    try {
      const file = join(dir, "baskets.txt");
      writeFileSync(file, TEXT);
      expect(plain(await readBasketsStream(createReadStream(file, { highWaterMark: 7 })))).toEqual(whole);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads one line per element with lines: true (a readline interface), a line break-free last item included", async () => {
    const t = await readBasketsStream(["1 2 2", "", "3 1 ", "\r"], { separator: " ", lines: true });
    expect(basketsOf(t)).toEqual([
      ["1", "2"],
      ["1", "3"],
    ]);
    // without lines: true the same elements would run together
    expect((await readBasketsStream(["1 2 2", "3"], { separator: " " })).transactionCount).toBe(1);
    const readline = Readable.from(["a,b", "b,c"]);
    expect(basketsOf(await readBasketsStream(readline, { lines: true }))).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
  });

  it("keeps a byte-order mark as readFileSync does (trimmed with the blanks by default)", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("a,b\n")]);
    const asFile = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    for (const trim of [true, false]) {
      expect(plain(await readBasketsStream([bytes.slice(0, 2), bytes.slice(2)], { trim }))).toEqual(
        plain(readBaskets(asFile, { trim })),
      );
    }
    expect((await readBasketsStream([bytes])).itemLabels).toEqual(["a", "b"]);
  });

  it("refuses a non-iterable source, a chunk that is neither text nor bytes, and an empty separator", async () => {
    await expect(readBasketsStream(42 as never)).rejects.toThrow(InvalidOptionsError);
    await expect(readBasketsStream(["a", 7] as never)).rejects.toThrow(/source\[1\]/);
    await expect(readBasketsStream(["a"], { separator: "" })).rejects.toThrow(
      /separator must be a non-empty/,
    );
    await expect(readBasketsStream(["a"], { lines: "yes" } as never)).rejects.toThrow(InvalidOptionsError);
  });
});

describeWithDataset("groceries.csv", "readBasketsStream on groceries", () => {
  it("reads the file in 1000-byte chunks to the same Transactions as readBaskets (9835 x 169, 43367 items)", async () => {
    const path = sharedDatasetPath("groceries.csv") as string;
    const t = await readBasketsStream(createReadStream(path, { highWaterMark: 1000 }));
    expect(t.transactionCount).toBe(9835);
    expect(t.itemLabels.length).toBe(169);
    expect(t.items.length).toBe(43367);
    expect(plain(t)).toEqual(plain(readBaskets(readFileSync(path, "utf8"))));
  });
});

// ~550 MB written to the temporary folder and read back: `CLIENTELE_BIG_TESTS=1 npx vitest run src/basket/readBasketsStream.test.ts`
describe.skipIf(process.env.CLIENTELE_BIG_TESTS !== "1")(
  "readBasketsStream beyond the longest V8 string",
  () => {
    it("reads a basket file over 512 MiB that readFileSync cannot hold in one string", async () => {
      const dir = mkdtempSync(join(tmpdir(), "clientele-big-"));
      const file = join(dir, "big.txt");
      // 64 long labels; line k holds labels k % 64, (k + 1) % 64, ..., 8 of them (distinct), ~616 bytes
      const labels = Array.from(
        { length: 64 },
        (_, i) => `item-${String(i).padStart(2, "0")}-${"x".repeat(66)}`,
      );
      const lineOf = (k: number) => Array.from({ length: 8 }, (_, j) => labels[(k + j) % 64]).join(",");
      const block = Array.from({ length: 64 }, (_, k) => `${lineOf(k)}\r\n`).join(""); // 64 lines
      const blockBytes = Buffer.byteLength(block);
      const blocks = Math.ceil((2 ** 29 + 2 ** 20) / blockBytes);
      try {
        const fd = openSync(file, "w");
        const big = Buffer.from(block.repeat(256));
        let written = 0;
        while (written + 256 <= blocks) {
          writeSync(fd, big);
          written += 256;
        }
        for (; written < blocks; written++) writeSync(fd, block);
        closeSync(fd);
        const size = blocks * blockBytes;
        expect(size).toBeGreaterThan(536_870_888);
        expect(() => readFileSync(file, "utf8")).toThrow(/string longer than|ERR_STRING_TOO_LONG/);
        const t = await readBasketsStream(createReadStream(file, { highWaterMark: 1 << 20 }));
        expect(t.transactionCount).toBe(blocks * 64);
        expect(t.items.length).toBe(blocks * 64 * 8);
        expect(t.itemLabels.length).toBe(64);
        // every label appears in 8 of each 64 lines; the last line is line 63 of a block
        const last = t.transactionCount - 1;
        expect(
          Array.from(t.items.subarray(t.offsets[last], t.offsets[last + 1]), (c) => t.itemLabels[c]).sort(),
        ).toEqual(Array.from({ length: 8 }, (_, j) => labels[(63 + j) % 64]).sort());
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 600_000);
  },
);
