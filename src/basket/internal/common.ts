import { z } from "zod";
import { InvalidOptionsError } from "../../core/index.js";
import type { Transactions } from "../Transactions.js";

/** zod fields shared by the mining functions (validated once per call). */
export const miningShape = {
  minSupport: z
    .number()
    .gt(0, "must be greater than 0")
    .max(1, "must be at most 1 (a fraction of transactions)")
    .optional(),
  minCount: z.number().int("must be a whole number of transactions").min(1, "must be at least 1").optional(),
  maxLength: z.number().int("must be a whole number of items").min(1, "must be at least 1").optional(),
  algorithm: z.enum(["fpgrowth", "eclat", "auto"]).default("auto"),
  maxItemsets: z.number().int().min(1, "must be at least 1").optional(),
  timeLimitMs: z.number().gt(0, "must be greater than 0").optional(),
};

/**
 * The minimum count from the options: `minCount` when given, else
 * `ceil(minSupport * N)` (the arules convention; a relative tolerance of 1e-9
 * keeps `0.1 * 30` at 3).
 */
export function resolveMinCount(
  functionName: string,
  options: { minSupport?: number | undefined; minCount?: number | undefined },
  defaultSupport: number,
  transactionCount: number,
): { minCount: number; minSupport: number } {
  if (options.minSupport !== undefined && options.minCount !== undefined) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "minCount",
        message: "give either minSupport (a fraction) or minCount (transactions), not both",
      },
    ]);
  }
  if (options.minCount !== undefined) {
    return { minCount: options.minCount, minSupport: options.minCount / transactionCount };
  }
  const minSupport = options.minSupport ?? defaultSupport;
  const exact = minSupport * transactionCount;
  const minCount = Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
  return { minCount, minSupport };
}

/** Rank of each item code when labels are sorted (UTF-16 code-unit order): output items are sorted by it. */
export function alphabeticalRanks(transactions: Transactions): Int32Array {
  const labels = transactions.itemLabels;
  const order = labels
    .map((_, code) => code)
    .sort((a, b) => {
      const x = labels[a] as string;
      const y = labels[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const ranks = new Int32Array(labels.length);
  for (let r = 0; r < order.length; r++) ranks[order[r] as number] = r;
  return ranks;
}

const scratch = { codes: new Int32Array(64) };

/** Labels of `codes[from..to)`, sorted by label (through the precomputed ranks). */
export function labelsOf(
  codes: ArrayLike<number>,
  from: number,
  to: number,
  labels: readonly string[],
  ranks: Int32Array,
): string[] {
  const length = to - from;
  if (scratch.codes.length < length) scratch.codes = new Int32Array(length * 2);
  const picked = scratch.codes;
  for (let i = 0; i < length; i++) {
    const code = codes[from + i] as number;
    const rank = ranks[code] as number;
    let at = i - 1;
    while (at >= 0 && (ranks[picked[at] as number] as number) > rank) {
      picked[at + 1] = picked[at] as number;
      at--;
    }
    picked[at + 1] = code;
  }
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) out[i] = labels[picked[i] as number] as string;
  return out;
}
