import { InvalidOptionsError, InvalidRecordError, withDisplay } from "../core/index.js";
import type { FeatureMatrixMissingPolicy, FeatureMatrixResult } from "./featureMatrix.js";
import { assignerOf } from "./internal/assigners.js";
import { applyFittedFeatures } from "./internal/featureOptions.js";
import { assignAndAccumulate, createBuffers } from "./internal/lloyd.js";
import type { KMeansResult } from "./kMeans.js";
import type { KMedoidsResult } from "./kMedoids.js";
import type { KPrototypesResult } from "./kPrototypes.js";

/**
 * Options of {@link assignSegments}.
 *
 * @example
 * ```ts
 * const spenders = [{ spend: 10 }, { spend: 12 }, { spend: 200 }, { spend: 210 }];
 * const model = kMeans(spenders, { k: 2, fields: ["spend"], seed: 1 }); // assignments [0, 0, 1, 1]
 * assignSegments(model, [{ spend: Number.NaN }, { spend: 190 }], { missing: "drop" }).assignments;
 * // => Int32Array [-1, 1]
 * ```
 */
export interface AssignSegmentsOptions {
  /**
   * Missing-value policy for the new records.
   * @defaultValue the policy a kMeans model was fitted with; "error" for kMedoids and kPrototypes
   *   models (kMedoids skips a missing field per pair, as Gower's distance does, and only a record
   *   with no field to compare is an error or, with "drop", dropped)
   */
  readonly missing?: FeatureMatrixMissingPolicy;
}

/**
 * Result of {@link assignSegments}: a segment and a squared distance per new record.
 *
 * @example
 * ```ts
 * const spenders = [{ spend: 10 }, { spend: 12 }, { spend: 200 }, { spend: 210 }];
 * const model = kMeans(spenders, { k: 2, fields: ["spend"], seed: 1 }); // assignments [0, 0, 1, 1]
 * const result = assignSegments(model, [{ spend: 11 }, { spend: 205 }, { spend: 900 }]);
 * result.assignments; // => Int32Array [0, 1, 1]
 * result.sizes; // => [1, 2]
 * result.distances; // => Float64Array [0, 0, 38.449...] (900 is far from every segment)
 * ```
 */
export interface AssignSegmentsResult {
  /** Segment of each new record, in input order; -1 for a record dropped for a missing value. */
  readonly assignments: Int32Array;
  /**
   * Squared Euclidean distance of each record to its segment's centre in the model's
   * transformed space (large values flag customers unlike any segment); for a kMedoids model
   * the Gower distance to the segment's medoid, for a kPrototypes model the k-prototypes distance
   * to the prototype; NaN exactly for the dropped records listed in `droppedRows`.
   */
  readonly distances: Float64Array;
  /** Input indices of records dropped for a missing value. */
  readonly droppedRows: Int32Array;
  readonly droppedRowCount: number;
  /** New customers per segment. */
  readonly sizes: readonly number[];
}

/**
 * Assigns new customers to the segments of a fitted k-means model: their features are
 * read and transformed with the model's fitted transform (same log1p, same means and
 * standard deviations — nothing refitted), then each goes to the nearest centre, the
 * first on ties, exactly as in the model's final assignment step.
 *
 * Also takes a `kMedoids` model fitted on records (each new customer goes to the nearest medoid
 * by Gower's distance with the fitted ranges and levels; a nominal level never seen counts as a
 * mismatch, an ordinal number between fitted values gets an interpolated rank) and a
 * `kPrototypes` model (nearest prototype by the k-prototypes distance with the fitted γ). A
 * kMedoids model fitted on a distance matrix cannot place new customers (InvalidOptionsError).
 *
 * Complexity: O(n k d).
 *
 * @param model - a `kMeans`, `kMedoids` (fitted on records) or `kPrototypes` result
 * @param newRecords - new customer records (not mutated); may be empty
 * @param options - see {@link AssignSegmentsOptions}
 * @returns segment and squared distance per record
 * @throws InvalidOptionsError for something that is not a kMeans model or an unknown option; InvalidRecordError
 *   for non-numeric values or, under `missing: "error"`, missing ones, and for a customer so far from every
 *   segment (a value around 1e150 times the training spread) that squared distances overflow
 * @see kMeans
 * @example
 * ```ts
 * const customers = [
 *   { recency: 5, frequency: 12, monetary: 900 }, { recency: 9, frequency: 10, monetary: 750 },
 *   { recency: 3, frequency: 15, monetary: 1200 }, { recency: 200, frequency: 2, monetary: 60 },
 *   { recency: 240, frequency: 1, monetary: 35 }, { recency: 180, frequency: 2, monetary: 80 },
 *   { recency: 40, frequency: 5, monetary: 200 }, { recency: 55, frequency: 4, monetary: 150 },
 *   { recency: 35, frequency: 6, monetary: 260 },
 * ];
 * const model = kMeans(customers, {
 *   k: 3, fields: ["recency", "frequency", "monetary"], transforms: ["log1p", "standardize"], seed: 1,
 * });
 * model.assignments; // => Int32Array [0, 0, 0, 1, 1, 1, 2, 2, 2]
 * assignSegments(model, [{ recency: 2, frequency: 20, monetary: 1500 }]).assignments; // => Int32Array [0]
 * ```
 */
export function assignSegments<T>(
  model: KMeansResult<T> | KMedoidsResult | KPrototypesResult,
  newRecords: readonly T[],
  options: AssignSegmentsOptions = {},
): AssignSegmentsResult {
  const name = "assignSegments";
  const assigner = assignerOf(model);
  if (assigner !== undefined) return assignWith(name, assigner, newRecords, options);
  if (model !== null && typeof model === "object" && "medoids" in model) {
    throw new InvalidOptionsError(name, [
      {
        path: "model",
        message:
          "this kMedoids model was fitted on a distance matrix, so new customers cannot be compared with its medoids; fit it on records with fields to assign new customers",
      },
    ]);
  }
  const kMeansModel = model as KMeansResult<T>;
  if (
    kMeansModel === null ||
    typeof kMeansModel !== "object" ||
    !Array.isArray(kMeansModel.scaledCentroids) ||
    kMeansModel.transform === undefined
  ) {
    throw new InvalidOptionsError(name, [
      { path: "model", message: "expected the result of kMeans(...)", received: model },
    ]);
  }
  // The matrix stays internal (only its rows' segments are returned): no display for it.
  const features = applyFittedFeatures(name, kMeansModel.transform, newRecords, options, (matrix) => matrix);
  const n = features.rowCount;
  const d = features.columnCount;
  const k = kMeansModel.k;
  const centres = new Float64Array(k * d);
  kMeansModel.scaledCentroids.forEach((centre, c) => {
    centres.set(centre, c * d);
  });
  const buffers = createBuffers(n, d, k);
  assignAndAccumulate(features.matrix, n, d, centres, k, buffers, false);
  const assignments = new Int32Array(features.sourceRowCount).fill(-1);
  const distances = new Float64Array(features.sourceRowCount).fill(Number.NaN);
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const row = features.rowIndices[i] as number;
    const segment = buffers.labels[i] as number;
    if (!((buffers.distances[i] as number) < Number.POSITIVE_INFINITY)) throw tooFar(features, i);
    assignments[row] = segment;
    distances[row] = buffers.distances[i] as number;
    sizes[segment] = (sizes[segment] as number) + 1;
  }
  const result: AssignSegmentsResult = {
    assignments,
    distances,
    droppedRows: features.droppedRows,
    droppedRowCount: features.droppedRowCount,
    sizes,
  };
  return withDisplay(result, {
    title: "Segment assignments",
    summary: (r) => [
      `${r.assignments.length - r.droppedRowCount} customers assigned${r.droppedRowCount > 0 ? `, ${r.droppedRowCount} dropped for missing values` : ""}`,
    ],
    rows: (r) => r.sizes.map((size, segment) => ({ segment, customers: size })),
  });
}

/** assignSegments for kMedoids and kPrototypes models (their registered assigner). */
function assignWith<T>(
  name: string,
  assigner: NonNullable<ReturnType<typeof assignerOf>>,
  newRecords: readonly T[],
  options: AssignSegmentsOptions,
): AssignSegmentsResult {
  const given = (options ?? {}) as Record<string, unknown>;
  const unknownKey = Object.keys(given).find((key) => key !== "missing");
  const missing = given.missing ?? "error";
  if (unknownKey !== undefined || (missing !== "error" && missing !== "drop")) {
    throw new InvalidOptionsError(name, [
      unknownKey !== undefined
        ? { path: unknownKey, message: "unknown option (valid: missing)", received: given[unknownKey] }
        : { path: "missing", message: 'expected "error" or "drop"', received: missing },
    ]);
  }
  if (!Array.isArray(newRecords)) {
    throw new InvalidOptionsError(name, [
      { path: "newRecords", message: "expected an array of records", received: newRecords },
    ]);
  }
  const assigned = assigner(name, newRecords, missing);
  const dropped: number[] = [];
  const sizes = new Array<number>(assigned.k).fill(0);
  assigned.assignments.forEach((segment, row) => {
    if (segment < 0) dropped.push(row);
    else sizes[segment] = (sizes[segment] as number) + 1;
  });
  const result: AssignSegmentsResult = {
    assignments: assigned.assignments,
    distances: assigned.distances,
    droppedRows: Int32Array.from(dropped),
    droppedRowCount: dropped.length,
    sizes,
  };
  return withDisplay(result, {
    title: "Segment assignments",
    summary: (r) => [
      `${r.assignments.length - r.droppedRowCount} customers assigned${r.droppedRowCount > 0 ? `, ${r.droppedRowCount} dropped for missing values` : ""}`,
    ],
    rows: (r) => r.sizes.map((size, segment) => ({ segment, customers: size })),
  });
}

/** A customer whose squared distance to every centre overflows: its nearest segment is undefined. */
function tooFar<T>(features: FeatureMatrixResult<T>, i: number): InvalidRecordError {
  const d = features.columnCount;
  let j = 0;
  for (let f = 1; f < d; f++) {
    if (Math.abs(features.matrix[i * d + f] as number) > Math.abs(features.matrix[i * d + j] as number))
      j = f;
  }
  return new InvalidRecordError(
    "assignSegments",
    features.rowIndices[i] as number,
    features.featureNames[j] as string,
    features.rawMatrix[i * d + j],
    `is ${features.matrix[i * d + j]} after the model's transforms, so far from every segment that squared distances overflow and no segment is nearest; check the value (units?) or leave the customer out`,
  );
}
