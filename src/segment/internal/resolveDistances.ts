/** Records (compared by Gower's distance over `fields`) or a distance matrix, as the mixed-type methods take them. */
import { assertRecordArray, InsufficientDataError, InvalidOptionsError } from "../../core/index.js";
import type { DistanceMatrix } from "../distanceMatrixTypes.js";
import type { GowerFieldSpec, GowerFieldType } from "../gowerDistance.js";
import { isDistanceMatrix } from "./distances.js";
import { type GowerColumns, gowerMatrix, readGowerColumns } from "./gower.js";

/** The distances to cluster: the matrix given, or Gower's distance of the records over `fields`. */
export function resolveDistances<T>(
  functionName: string,
  data: readonly T[] | DistanceMatrix,
  fields: Readonly<Record<string, GowerFieldType | GowerFieldSpec<T>>> | undefined,
  weights: Readonly<Record<string, number>> | undefined,
): { readonly distances: DistanceMatrix; readonly columns?: GowerColumns<T> } {
  if (isDistanceMatrix(data)) {
    if (fields !== undefined || weights !== undefined) {
      throw new InvalidOptionsError(functionName, [
        {
          path: fields !== undefined ? "fields" : "weights",
          message: "fields and weights apply to records; a distance matrix was given, so leave them out",
        },
      ]);
    }
    if (data.values.length !== (data.size * (data.size - 1)) / 2 || data.size < 1) {
      throw new InvalidOptionsError(functionName, [
        {
          path: "data",
          message: "a distance matrix whose values do not match its size; build it with distanceMatrix()",
        },
      ]);
    }
    return { distances: data };
  }
  assertRecordArray(data, functionName, "data");
  if (fields === undefined) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "fields",
        message:
          'records need fields to compare them by Gower\'s distance, e.g. { plan: "nominal", spend: "numeric" }; or pass a distance matrix',
      },
    ]);
  }
  if (data.length === 0) throw new InsufficientDataError(functionName, "no customers: data is empty");
  const columns = readGowerColumns(functionName, data, fields, weights);
  return { distances: gowerMatrix(functionName, columns, data.length), columns };
}
