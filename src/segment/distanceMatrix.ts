import { InvalidOptionsError } from "../core/index.js";
import type { DistanceMatrix } from "./distanceMatrixTypes.js";
import { checkDistanceRows, MAX_DISTANCE_MATRIX_ROWS, wrapDistances } from "./internal/distances.js";

export type { DistanceMatrix } from "./distanceMatrixTypes.js";
export { MAX_DISTANCE_MATRIX_ROWS };

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
