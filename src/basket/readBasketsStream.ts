import { argumentError } from "../core/internal/arguments.js";
import { checkOptions, flag } from "../core/internal/optionRules.js";
import { BasketLineParser, basketTextShape } from "./internal/lineChunks.js";
import type { Transactions } from "./Transactions.js";

/**
 * What {@link readBasketsStream} reads: a web `ReadableStream`, a Node stream
 * (`fs.createReadStream(path)`, `process.stdin`), any async or sync iterable
 * (`readline` interfaces, generators, arrays). Each element is a chunk of
 * text, as a string or as UTF-8 bytes (`Uint8Array`, `Buffer`), or with
 * `lines: true` one line without its line break.
 *
 * @example
 * ```ts
 * const source: BasketSource = ["milk,bre", "ad\nbeer\n"];
 * (await readBasketsStream(source)).transactionCount; // => 2
 * ```
 */
export type BasketSource =
  | BasketStreamReaderSource
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>;

/**
 * The part of a web `ReadableStream` that {@link readBasketsStream} uses, spelled out so that projects
 * without the DOM or Node type libraries still type-check; any `ReadableStream<string | Uint8Array>`
 * fits it.
 *
 * @example
 * ```ts
 * const source: BasketStreamReaderSource = new Blob(["1,2\n2,3\n"]).stream();
 * ```
 */
export interface BasketStreamReaderSource {
  /** Locks the stream and returns its reader. */
  getReader(): {
    /** The next chunk, or `done: true` at the end. */
    read(): Promise<{ done: boolean; value?: string | Uint8Array | undefined }>;
    /** Unlocks the stream once reading stops. */
    releaseLock(): void;
  };
}

/**
 * Options of {@link readBasketsStream}.
 *
 * @example
 * ```ts
 * const options: ReadBasketsStreamOptions = { separator: " ", lines: true };
 * (await readBasketsStream(["1 2", "2 3"], options)).itemLabels; // => ["1", "2", "3"]
 * ```
 */
export interface ReadBasketsStreamOptions {
  /**
   * Text between two items of a line, e.g. `","` or `" "`.
   * @defaultValue ","
   */
  readonly separator?: string;
  /**
   * Remove blanks around each item (`"milk , bread"` reads as `milk` and `bread`).
   * @defaultValue true
   */
  readonly trim?: boolean;
  /**
   * Each element of the source is one line without its line break (as a
   * `readline` interface yields them), rather than an arbitrary chunk of text.
   * @defaultValue false
   */
  readonly lines?: boolean;
}

/**
 * Rules of readBasketsStream's options (defaults applied where read). Exported for the equivalence test of
 * basket's option rules (internal/optionChecks.test.ts); not in the module index.
 */
export const readBasketsStreamShape = { ...basketTextShape, lines: flag() };

/**
 * {@link readBaskets} for text that arrives in pieces: reads basket text (one
 * transaction per line, items separated by `separator`) from a stream or
 * iterable of chunks, with the same rules and the same result as
 * `readBaskets` on the whole text, but holding only one chunk and one line of
 * text at a time, so files beyond V8's longest string (512 MiB, where
 * `readFileSync(path, "utf8")` throws `ERR_STRING_TOO_LONG`) and
 * 10-million-line files read in memory proportional to the resulting
 * {@link Transactions} (4 bytes per item occurrence) plus the distinct labels.
 *
 * Chunks may split anything: a line, an item, a `"\r\n"`, or (for byte chunks)
 * a multi-byte UTF-8 character, which is decoded across the split. Byte
 * chunks are decoded as UTF-8 with U+FFFD for malformed bytes and a leading
 * byte-order mark kept, as `readFileSync(path, "utf8")` does (it is trimmed
 * with the blanks when `trim` is on). String and byte chunks may be mixed
 * only at character boundaries.
 *
 * Always asynchronous (it returns a Promise even for an array); for text
 * already in one string, `readBaskets` is the synchronous form.
 *
 * Complexity: O(characters) with one hash lookup per item.
 *
 * @param source - {@link BasketSource}: chunks of text or bytes, or lines
 * @param options - {@link ReadBasketsStreamOptions}
 * @returns a Promise of the transactions
 * @throws InvalidOptionsError when `source` is not a stream or iterable, an element is neither a string nor bytes, or `separator` is empty
 * @example
 * ```ts
 * // import { createReadStream } from "node:fs";
 * // const baskets = await readBasketsStream(createReadStream("groceries.csv"));
 * const baskets = await readBasketsStream(["beer,dia", "pers\r", "\nmilk,bread\n"]);
 * baskets.transactionCount; // => 2
 * baskets.itemLabels;       // => ["beer", "diapers", "milk", "bread"]
 * ```
 */
export async function readBasketsStream(
  source: BasketSource,
  options: ReadBasketsStreamOptions = {},
): Promise<Transactions> {
  const {
    separator = ",",
    trim = true,
    lines = false,
  } = checkOptions("readBasketsStream", readBasketsStreamShape, options);
  const parser = new BasketLineParser(separator, trim);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let index = 0;
  const take = (chunk: unknown): void => {
    let text: string;
    if (typeof chunk === "string") text = chunk;
    else if (chunk instanceof Uint8Array) text = decoder.decode(chunk, { stream: !lines });
    else {
      throw argumentError(
        "readBasketsStream",
        `source[${index}]`,
        "expected each chunk to be a string or UTF-8 bytes (Uint8Array, Buffer)",
        chunk,
      );
    }
    index++;
    if (lines) parser.parse(text, text.length);
    else if (text.length > 0) parser.push(text);
  };
  if (typeof source === "string") take(source);
  else if (isReadableStream(source)) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else if (isAsyncIterable(source)) {
    for await (const chunk of source) take(chunk);
  } else if (isIterable(source)) {
    for (const chunk of source) take(chunk);
  } else {
    throw argumentError(
      "readBasketsStream",
      "source",
      "expected a ReadableStream, a Node stream or an (async) iterable of text chunks; for one string use readBaskets",
      source,
    );
  }
  if (!lines) {
    const rest = decoder.decode();
    if (rest.length > 0) parser.push(rest);
  }
  return parser.finish();
}

function isReadableStream(value: unknown): value is BasketStreamReaderSource {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { getReader?: unknown }).getReader === "function" &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] !== "function"
  );
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function"
  );
}
