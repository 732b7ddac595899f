import { ClienteleError } from "../core/index.js";

/**
 * A method that stores all pairwise distances (O(n²) memory) was asked for more rows than
 * {@link MAX_DISTANCE_MATRIX_ROWS}. Carries the row count and the limit; the message names
 * the alternatives: `kMedoids` with `method: "fastpam"` on a random sample of customers (then
 * `assignSegments`-style nearest-medoid assignment of the rest), or `kPrototypes`, which needs
 * O(n) memory.
 *
 * @example
 * ```ts
 * try { gowerDistance(fortyThousandCustomers, { fields: { plan: "nominal" } }) } catch (error) {
 *   if (error instanceof DistanceMatrixTooLargeError) console.log(error.rowCount, error.limit);
 *   // => 40000 30000
 * }
 * ```
 */
export class DistanceMatrixTooLargeError extends ClienteleError {
  /** Rows (customers) asked for. */
  readonly rowCount: number;
  /** The largest row count accepted. */
  readonly limit: number;

  constructor(functionName: string, rowCount: number, limit: number) {
    const gigabytes = (((rowCount * (rowCount - 1)) / 2) * 8) / 1e9;
    super(
      functionName,
      `${rowCount} rows need ${gigabytes.toFixed(1)} GB of pairwise distances; the limit is ${limit} rows. ` +
        `Cluster a random sample (e.g. 5,000 customers) with kMedoids(..., { method: "fastpam" }) and give every other customer its nearest medoid, or use kPrototypes, which needs O(n) memory`,
    );
    this.name = "DistanceMatrixTooLargeError";
    this.rowCount = rowCount;
    this.limit = limit;
  }
}
