import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";

/**
 * Adjusted Rand index between two labelings of the same customers (Hubert and Arabie
 * 1985): the Rand index corrected for chance, 1 for identical partitions up to renaming
 * the labels, about 0 for independent ones, negative when worse than chance. Labels may
 * be numbers or strings; only equality matters. Computed from the pair confusion matrix
 * as scikit-learn 1.2 does, so two partitions that agree on every pair score exactly 1
 * (including both putting everyone in one group).
 *
 * Complexity: O(n + r c) for r and c distinct labels.
 *
 * @param labelsA - one label per customer (e.g. planted segments)
 * @param labelsB - one label per customer, same order (e.g. `kMeans(...).assignments`)
 * @returns the adjusted Rand index, in [-0.5, 1]
 * @throws InvalidOptionsError when the lengths differ; InsufficientDataError for empty input;
 *   InvalidRecordError for a null, undefined or NaN label
 * @see L. Hubert and P. Arabie (1985), Comparing partitions, Journal of Classification 2, 193-218.
 * @example
 * ```ts
 * adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]); // => 0.5714285714285714 (sklearn adjusted_rand_score: 0.571...)
 * adjustedRandIndex(["a", "a", "b"], [7, 7, 3]); // => 1
 * ```
 */
export function adjustedRandIndex(labelsA: ArrayLike<unknown>, labelsB: ArrayLike<unknown>): number {
  const name = "adjustedRandIndex";
  if (labelsA?.length === undefined || labelsB?.length === undefined) {
    throw new InvalidOptionsError(name, [{ path: "labels", message: "expected two arrays of labels" }]);
  }
  const n = labelsA.length;
  if (labelsB.length !== n) {
    throw new InvalidOptionsError(name, [
      {
        path: "labelsB",
        message: `has ${labelsB.length} labels but labelsA has ${n}; pass one label per customer in both`,
        received: labelsB.length,
      },
    ]);
  }
  if (n === 0)
    throw new InsufficientDataError(name, "received no labels; pass at least one customer's labels");
  const codesA = encode(labelsA, "labelsA");
  const codesB = encode(labelsB, "labelsB");
  const rows = codesA.count;
  const columns = codesB.count;
  const table = new Float64Array(rows * columns);
  for (let i = 0; i < n; i++) {
    const at = (codesA.codes[i] as number) * columns + (codesB.codes[i] as number);
    table[at] = (table[at] as number) + 1;
  }
  const rowSums = new Float64Array(rows);
  const columnSums = new Float64Array(columns);
  let sumSquares = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const count = table[r * columns + c] as number;
      rowSums[r] = (rowSums[r] as number) + count;
      columnSums[c] = (columnSums[c] as number) + count;
      sumSquares += count * count;
    }
  }
  let rowSquares = 0;
  for (let r = 0; r < rows; r++) rowSquares += (rowSums[r] as number) ** 2;
  let columnSquares = 0;
  for (let c = 0; c < columns; c++) columnSquares += (columnSums[c] as number) ** 2;
  // Pair confusion matrix (ordered pairs), as sklearn.metrics.cluster.pair_confusion_matrix.
  const together = sumSquares - n;
  const splitInB = rowSquares - sumSquares;
  const splitInA = columnSquares - sumSquares;
  const apart = n * n - splitInB - splitInA - sumSquares;
  if (splitInB === 0 && splitInA === 0) return 1;
  return (
    (2 * (together * apart - splitInB * splitInA)) /
    ((together + splitInB) * (splitInB + apart) + (together + splitInA) * (splitInA + apart))
  );
}

function encode(labels: ArrayLike<unknown>, path: string): { codes: Int32Array; count: number } {
  const codes = new Int32Array(labels.length);
  const seen = new Map<unknown, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === null || label === undefined || (typeof label === "number" && Number.isNaN(label))) {
      throw new InvalidRecordError("adjustedRandIndex", i, path, label, "every customer needs a label");
    }
    let code = seen.get(label);
    if (code === undefined) {
      code = seen.size;
      seen.set(label, code);
    }
    codes[i] = code;
  }
  return { codes, count: seen.size };
}
