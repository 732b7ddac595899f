import { z } from "zod";
import { type Field, InsufficientDataError, InvalidOptionsError, parseOptions } from "../core/index.js";
import { fieldSchema } from "../core/options.js";
import { featureMatrixResult, fieldEntries, TRANSFORM_NAMES, transformChains } from "./internal/features.js";

/**
 * A transform of one feature column. `"log1p"` is log(1 + x) (needs x > -1);
 * `"standardize"` subtracts the mean and divides by the sample standard deviation
 * (divisor n - 1); `"minmax"` maps [min, max] to [0, 1]; `"none"` leaves the column.
 */
export type FeatureMatrixTransformName = "none" | "log1p" | "standardize" | "minmax";

/** A fitted transform step, with the parameters estimated on the training rows. */
export type FeatureMatrixStep =
  | { readonly kind: "log1p" }
  | {
      readonly kind: "standardize";
      readonly mean: number;
      /** Sample standard deviation (divisor n - 1); 0 for a constant column or a single row. */
      readonly standardDeviation: number;
      /** True when the standard deviation is 0: the column is centred and divided by 1 (all zeros), never by 0. */
      readonly constant: boolean;
    }
  | {
      readonly kind: "minmax";
      readonly min: number;
      readonly max: number;
      /** True when min = max: the column becomes all zeros, never divided by 0. */
      readonly constant: boolean;
    };

/** Missing-value policy: `"error"` throws on the first missing value, `"drop"` drops the row and counts it. */
export type FeatureMatrixMissingPolicy = "error" | "drop";

/** The fitted transform of a feature matrix: apply it to new records with `applyFeatures`. */
export interface FeatureMatrixTransform<T> {
  readonly features: readonly {
    readonly name: string;
    readonly field: Field<T>;
    readonly steps: readonly FeatureMatrixStep[];
  }[];
  readonly missing: FeatureMatrixMissingPolicy;
}

/** Transforms option: one name or chain for every feature, or per feature name. */
export type FeatureMatrixTransforms =
  | FeatureMatrixTransformName
  | readonly FeatureMatrixTransformName[]
  | Readonly<Record<string, FeatureMatrixTransformName | readonly FeatureMatrixTransformName[]>>;

/** Options of {@link featureMatrix}. */
export interface FeatureMatrixOptions<T> {
  /**
   * The numeric features, by name: `{ recency: "recencyDays", spend: (c) => c.total }`,
   * or an array of keys (`["recency", "frequency"]`). Values must be finite numbers or numeric strings.
   */
  readonly fields: Readonly<Record<string, Field<T>>> | readonly (keyof T & string)[];
  /**
   * Transforms, applied in order: one name or chain for every feature (`"standardize"`,
   * `["log1p", "standardize"]`), or an object per feature name; features an object does not
   * name are left as they are.
   * @defaultValue "standardize" for every feature
   */
  readonly transforms?: FeatureMatrixTransforms;
  /**
   * What to do with a missing value (null, undefined, "" or NaN): `"error"` throws
   * `InvalidRecordError` naming row and field; `"drop"` leaves the row out and reports it
   * in `droppedRows` / `droppedRowCount`.
   * @defaultValue "error"
   */
  readonly missing?: FeatureMatrixMissingPolicy;
}

/** Result of {@link featureMatrix} and `applyFeatures`. */
export interface FeatureMatrixResult<T> {
  /** Transformed values, row-major: value of feature j in row i at `matrix[i * columnCount + j]`. */
  readonly matrix: Float64Array;
  /** The same rows in original units (before transforms). */
  readonly rawMatrix: Float64Array;
  /** Rows in the matrix (input records minus dropped ones). */
  readonly rowCount: number;
  /** Number of features. */
  readonly columnCount: number;
  readonly featureNames: readonly string[];
  /** Input record index of each matrix row. */
  readonly rowIndices: Int32Array;
  /** Input record indices left out for missing values (policy `"drop"`). */
  readonly droppedRows: Int32Array;
  readonly droppedRowCount: number;
  /** Number of input records. */
  readonly sourceRowCount: number;
  /** Features whose standardize/minmax step met a constant column (scaled to all zeros). */
  readonly constantFeatures: readonly string[];
  /** The fitted transform (parameters from the rows of this matrix, or the transform given to `applyFeatures`). */
  readonly transform: FeatureMatrixTransform<T>;
  readonly options: {
    readonly transforms: FeatureMatrixTransforms;
    readonly missing: FeatureMatrixMissingPolicy;
  };
}

const transformNameSchema = z.enum(TRANSFORM_NAMES);
const chainSchema = z.union([transformNameSchema, z.array(transformNameSchema)]);

/** @internal Zod schema of the feature options, shared with kMeans and chooseK. */
export const featureOptionsShape = {
  fields: z.union([
    z
      .record(z.string(), fieldSchema)
      .refine((value) => Object.keys(value).length > 0, "name at least one field"),
    z.array(z.string().min(1)).min(1, "name at least one field"),
  ]),
  transforms: z.union([chainSchema, z.record(z.string(), chainSchema)]).optional(),
  missing: z.enum(["error", "drop"]).default("error"),
};

const schema = z.object(featureOptionsShape);

/**
 * Builds a model-ready feature matrix from customer records: reads each field once
 * into a flat row-major `Float64Array`, applies the transforms and records their fitted
 * parameters, so new customers are scored identically with `applyFeatures`.
 *
 * Constant columns: `standardize` divides by 1 instead of 0 (the column becomes all
 * zeros) and `minmax` likewise; they are listed in `constantFeatures`. A single record
 * is treated as constant (its sample standard deviation is undefined).
 * Standardisation uses the sample standard deviation (divisor n - 1, as R's `scale`;
 * scikit-learn's `StandardScaler` divides by n).
 *
 * Complexity: O(n d).
 *
 * @param records - customer records (not mutated)
 * @param options - see {@link FeatureMatrixOptions}
 * @returns the matrix, the rows kept and dropped, and the fitted transform
 * @throws InvalidOptionsError for unknown transforms or fields, or records that are not an array; InvalidRecordError for a
 *   non-numeric value, a missing value under `missing: "error"`, or log1p of a value <= -1;
 *   InsufficientDataError when no row is left.
 * @see R. A. Becker, J. M. Chambers and A. R. Wilks (1988), The New S Language — `scale()`
 * @example
 * ```ts
 * const features = featureMatrix(
 *   [{ spend: 10, orders: 1 }, { spend: 30, orders: 3 }, { spend: 20, orders: 2 }],
 *   { fields: ["spend", "orders"], transforms: "standardize" },
 * );
 * features.matrix; // => Float64Array [-1, -1, 1, 1, 0, 0]
 * features.transform.features[0].steps; // => [{ kind: "standardize", mean: 20, standardDeviation: 10, constant: false }]
 * ```
 */
export function featureMatrix<T>(
  records: readonly T[],
  options: FeatureMatrixOptions<T>,
): FeatureMatrixResult<T> {
  return buildFeatureMatrix("featureMatrix", records, options);
}

/** @internal featureMatrix under another public function's name (for its error messages). */
export function buildFeatureMatrix<T>(
  functionName: string,
  records: readonly T[],
  options: FeatureMatrixOptions<T>,
): FeatureMatrixResult<T> {
  const parsed = parseOptions(functionName, schema, options);
  const entries = fieldEntries<T>(parsed.fields);
  const names = entries.map(([name]) => name);
  const chains = transformChains(functionName, names, parsed.transforms);
  if (!Array.isArray(records)) {
    throw new InvalidOptionsError(functionName, [
      { path: "records", message: "expected an array of customer records", received: records },
    ]);
  }
  if (records.length === 0) {
    throw new InsufficientDataError(functionName, "received no records; pass at least one customer record");
  }
  const transforms = (options.transforms ?? "standardize") as FeatureMatrixTransforms;
  const result = featureMatrixResult(
    functionName,
    records,
    { features: entries.map(([name, field]) => ({ name, field, steps: [] })), missing: parsed.missing },
    chains,
    { transforms, missing: parsed.missing },
  );
  if (result.rowCount === 0) {
    throw new InsufficientDataError(
      functionName,
      `all ${result.droppedRowCount} records have a missing feature value; nothing left to fit`,
    );
  }
  return result;
}
