import { z } from "zod";
import { InvalidOptionsError, parseOptions } from "../core/index.js";
import { TransactionBuilder } from "./internal/builder.js";
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

const schema = z
  .object({
    separator: z.string().min(1, 'separator must be a non-empty string such as "," or " "').default(","),
    trim: z.boolean().default(true),
  })
  .strict();

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
    throw new InvalidOptionsError("readBaskets", [
      { path: "text", message: "expected the basket file content as a string", received: text },
    ]);
  }
  const { separator, trim } = parseOptions("readBaskets", schema, options);
  const builder = new TransactionBuilder();
  const length = text.length;
  let lineStart = 0;
  while (lineStart < length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = length;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    let added = 0;
    let itemStart = lineStart;
    while (itemStart <= contentEnd) {
      let itemEnd = text.indexOf(separator, itemStart);
      if (itemEnd === -1 || itemEnd > contentEnd) itemEnd = contentEnd;
      let item = text.slice(itemStart, itemEnd);
      if (trim) item = item.trim();
      if (item.length > 0) {
        builder.add(item);
        added++;
      }
      itemStart = itemEnd + separator.length;
    }
    if (added > 0) builder.end();
    lineStart = lineEnd + 1;
  }
  return builder.build();
}
