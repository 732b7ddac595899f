import { argumentError } from "../core/internal/arguments.js";
import { checkOptions } from "../core/internal/optionRules.js";
import { BasketLineParser, basketTextShape } from "./internal/lineChunks.js";
import type { readBasketsStream } from "./readBasketsStream.js";
import type { Transactions } from "./Transactions.js";

/**
 * Options of {@link readBaskets}.
 *
 * @example
 * ```ts
 * const options: ReadBasketsOptions = { separator: " " };
 * readBaskets("1 2 3\n2 3\n", options).itemLabels; // => ["1", "2", "3"]
 * ```
 */
export interface ReadBasketsOptions {
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
}

/**
 * Parses basket text, one transaction per line with items separated by
 * `separator` (the "basket" format of arules `read.transactions`, Borgelt's
 * tools and the FIMI repository), into {@link Transactions}: items are
 * recoded to integers once, each line's items sorted and de-duplicated.
 *
 * Tolerated and documented: `\r\n` line ends; blank lines (and lines holding
 * only separators or blanks) are skipped and do not count as transactions;
 * empty items from trailing, leading or doubled separators are ignored; an item
 * repeated on a line counts once. No quoting: a separator inside an item name
 * is not supported.
 *
 * Complexity: O(characters) with one hash lookup per item.
 *
 * The text must fit in one string (V8: 512 MiB); for larger files, streams
 * (`fs.createReadStream`, `fetch(...).body`) or `readline` lines, use the
 * asynchronous {@link readBasketsStream}, which gives the same result chunk by chunk.
 *
 * @param text - the file content
 * @param options - {@link ReadBasketsOptions}
 * @returns the transactions
 * @throws InvalidOptionsError when `text` is not a string or `separator` is empty
 * @see Hahsler, Grün, Hornik (2005), "arules — a computational environment for mining association rules and frequent item sets", JSS 14(15).
 * @example
 * ```ts
 * const baskets = readBaskets("beer,diapers\n\nmilk,bread,milk,\n");
 * baskets.transactionCount; // => 2
 * baskets.itemLabels;       // => ["beer", "diapers", "milk", "bread"]
 * ```
 */
export function readBaskets(text: string, options: ReadBasketsOptions = {}): Transactions {
  if (typeof text !== "string") {
    throw argumentError("readBaskets", "text", "expected the basket file content as a string", text);
  }
  const { separator = ",", trim = true } = checkOptions("readBaskets", basketTextShape, options);
  const parser = new BasketLineParser(separator, trim);
  parser.parse(text, text.length);
  return parser.finish();
}
