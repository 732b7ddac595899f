import { InvalidOptionsError } from "../core/index.js";
import { checkDistanceRows, MAX_DISTANCE_MATRIX_ROWS, wrapDistances } from "./internal/distances.js";

export { MAX_DISTANCE_MATRIX_ROWS };

/**
 * Pairwise distances between `size` rows, stored compactly as the lower triangle without the
 * diagonal, column by column — exactly the order of R's `dist` objects: the distances of row 0
 * to rows 1..n-1, then of row 1 to rows 2..n-1, and so on (`size (size - 1) / 2` values).
 *
 * @example
 * ```ts
 * const d = distanceMatrix(Float64Array.of(1, 2, 3), 3); // d(0,1) = 1, d(0,2) = 2, d(1,2) = 3
 * d.get(2, 1); // => 3
 * d.get(1, 1); // => 0
 * d.size; // => 3
 * ```
 */
export interface DistanceMatrix {
  /** Number of rows (customers). */
  readonly size: number;
  /** The `size (size - 1) / 2` distances in R's `dist` order (see above). Do not modify. */
  readonly values: Float64Array;
  /** Distance between rows `i` and `j` (0 when `i === j`). */
  get(i: number, j: number): number;
}

/**
 * Wraps distances computed elsewhere (e.g. `as.vector(dist(x))` from R, or your own measure) as a
 * {@link DistanceMatrix} for `kMedoids` and `hierarchicalClustering`. The values are copied, so
 * later changes to the array do not reach the matrix.
 *
 * @param values - the `size (size - 1) / 2` distances in R's `dist` order: finite and >= 0
 * @param size - the number of rows
 * @returns the distance matrix
 * @throws InvalidOptionsError when the length does not match `size` or a value is negative, NaN or infinite;
 *   DistanceMatrixTooLargeError above {@link MAX_DISTANCE_MATRIX_ROWS} rows
 * @example
 * ```ts
 * // three customers: d(a,b) = 1, d(a,c) = 4, d(b,c) = 3
 * const d = distanceMatrix([1, 4, 3], 3);
 * d.get(0, 2); // => 4
 * ```
 */
export function distanceMatrix(values: ArrayLike<number>, size: number): DistanceMatrix {
  const name = "distanceMatrix";
  if (!Number.isInteger(size) || size < 1) {
    throw new InvalidOptionsError(name, [
      { path: "size", message: "expected a whole number >= 1", received: size },
    ]);
  }
  checkDistanceRows(name, size);
  const expected = (size * (size - 1)) / 2;
  if (values === null || typeof values !== "object" || values.length !== expected) {
    throw new InvalidOptionsError(name, [
      {
        path: "values",
        message: `expected ${expected} distances (size (size - 1) / 2 for size ${size}), in R's dist order`,
        received: values === null || typeof values !== "object" ? values : `length ${values.length}`,
      },
    ]);
  }
  const copy = new Float64Array(expected);
  for (let index = 0; index < expected; index++) {
    const value = values[index] as number;
    if (!(typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY)) {
      throw new InvalidOptionsError(name, [
        { path: `values.${index}`, message: "distances must be finite numbers >= 0", received: value },
      ]);
    }
    copy[index] = value;
  }
  return wrapDistances(copy, size);
}
