/**
 * A set of transactions (baskets) with items recoded to integers once, stored
 * in compressed sparse row (CSR) layout: the items of transaction `t` are
 * `items.subarray(offsets[t], offsets[t + 1])`, sorted ascending, each item
 * at most once. `itemLabels[code]` is the item's name. Build one with
 * {@link readBaskets} or {@link transactionsFrom}; every mining function also
 * accepts plain `string[][]` and converts it the same way.
 *
 * The value is frozen; its typed arrays must be treated as read-only.
 *
 * @example
 * ```ts
 * const transactions = readBaskets("beer,diapers\nbeer\n");
 * transactions.transactionCount;  // => 2
 * transactions.itemLabels;        // => ["beer", "diapers"]
 * Array.from(transactions.items); // => [0, 1, 0]
 * Array.from(transactions.offsets); // => [0, 2, 3]
 * ```
 */
export interface Transactions {
  /** Brand that tells a `Transactions` value from a `string[][]`. */
  readonly kind: "transactions";
  /** Number of transactions, empty ones included. */
  readonly transactionCount: number;
  /** Item names, indexed by item code (codes in first-seen order). */
  readonly itemLabels: readonly string[];
  /** Start of each transaction in `items`; length `transactionCount + 1`. */
  readonly offsets: Int32Array;
  /** Item codes of all transactions, each transaction's run sorted ascending without duplicates. */
  readonly items: Int32Array;
  /** Identifier of each transaction when built from records ({@link transactionsFrom}), else undefined. */
  readonly transactionIds: readonly string[] | undefined;
}

/**
 * The inputs every basket function accepts: a {@link Transactions} value, or
 * plain baskets as arrays of item names (`[["beer", "diapers"], ["milk"]]`).
 *
 * @example
 * ```ts
 * const plain: TransactionsInput = [["beer", "diapers"], ["beer"]];
 * itemFrequencies(plain).items[0];                           // => { item: "beer", count: 2, support: 1 }
 * itemFrequencies(readBaskets("beer,diapers\nbeer")).items[0]; // => { item: "beer", count: 2, support: 1 }
 * ```
 */
export type TransactionsInput = Transactions | readonly (readonly string[])[];

/**
 * Whether a value is a {@link Transactions} value (as opposed to `string[][]`).
 *
 * @example
 * ```ts
 * isTransactions(readBaskets("a,b")); // => true
 * isTransactions([["a", "b"]]);       // => false
 * ```
 */
export function isTransactions(value: unknown): value is Transactions {
  return (
    value !== null &&
    typeof value === "object" &&
    (value as { kind?: unknown }).kind === "transactions" &&
    (value as { offsets?: unknown }).offsets instanceof Int32Array
  );
}
