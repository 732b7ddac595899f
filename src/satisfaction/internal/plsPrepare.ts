import { assertRecordArray, InsufficientDataError } from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import { correlationMatrix, type IndicatorMatrix, readIndicatorMatrix } from "./plsData.js";
import type { ResolvedPlsModel } from "./plsSpec.js";

/** The data side of a PLS estimation: indicator matrix, moments, correlation matrix. */
export interface PreparedPlsData {
  readonly matrix: IndicatorMatrix;
  readonly mean: Float64Array;
  readonly sd: Float64Array;
  readonly correlation: Float64Array;
}

/** Reads rows for a resolved model and checks there is enough of them. */
export function preparePlsData(
  functionName: string,
  rows: unknown,
  model: ResolvedPlsModel,
): PreparedPlsData {
  assertRecordArray(rows, functionName, "rows");
  if (rows.length === 0)
    throw new InsufficientDataError(functionName, "no rows; pass at least 3 survey responses");
  const matrix = readIndicatorMatrix(
    functionName,
    rows as readonly object[],
    model.indicators,
    model.options.missing,
    model.options.scale,
  );
  const n = matrix.rowCount;
  const p = matrix.indicatorCount;
  let needed = 3;
  for (let k = 0; k < model.spec.constructCount; k++) {
    needed = Math.max(needed, (model.spec.predecessors[k] as Int32Array).length + 2);
    if (model.spec.modeB[k] === 1) {
      needed = Math.max(
        needed,
        (model.spec.blockStart[k + 1] as number) - (model.spec.blockStart[k] as number) + 1,
      );
    }
  }
  if (n < needed) {
    const dropped =
      matrix.droppedRows > 0 ? ` (${matrix.droppedRows} of ${rows.length} dropped for missing answers)` : "";
    throw new InsufficientDataError(
      functionName,
      `${n} usable rows${dropped}; this model needs at least ${needed}`,
    );
  }
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  const correlation = new Float64Array(p * p);
  const constant = correlationMatrix(
    matrix.values,
    n,
    p,
    undefined,
    correlation,
    mean,
    new Float64Array(p),
    sd,
  );
  if (constant >= 0) {
    throw new InsufficientDataError(
      functionName,
      `indicator "${model.indicators[constant]}" has zero variance (every answer is ${matrix.values[constant]}); drop it from its block`,
    );
  }
  return { matrix, mean, sd, correlation };
}

/**
 * The answer scale of the 0-100 scores (plsPathModel, plsImportancePerformance): the model's `scale` option,
 * or the observed range of the answers used.
 */
export function answerScale(
  data: PreparedPlsData,
  model: ResolvedPlsModel,
): { readonly min: number; readonly max: number } {
  const given = model.options.scale;
  if (given !== undefined) return given;
  // the observed range of the answers (there are at least 3 rows)
  let min = data.matrix.values[0] as number;
  let max = min;
  for (const value of data.matrix.values) {
    if (value < min) min = value;
    else if (value > max) max = value;
  }
  return { min, max };
}

/**
 * A column over the input rows from an estimation's used rows: `value(r)` at input row `rowsUsed[r]`, null at
 * the rows it dropped (`missing: "listwise"`): the stage-1 score columns of interactionTerm and
 * higherOrderConstruct.
 */
export function usedRowsColumn(
  rowCount: number,
  rowsUsed: Int32Array,
  value: (r: number) => number,
): (number | null)[] {
  const column: (number | null)[] = new Array(rowCount).fill(null);
  rowsUsed.forEach((row, r) => {
    column[row] = value(r);
  });
  return column;
}

/**
 * Copies of `rows` with column `names[j]` set to `columns[j][i]` in row i (the input is not mutated): the
 * rows interactionTerm and higherOrderConstruct return.
 */
export function rowsWithColumns<T extends object>(
  rows: readonly T[],
  names: readonly string[],
  columns: readonly (readonly unknown[])[],
): (T & Record<string, number | null>)[] {
  return rows.map((row, i) => {
    const copy: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    names.forEach((name, j) => {
      copy[name] = (columns[j] as readonly unknown[])[i];
    });
    return copy as T & Record<string, number | null>;
  });
}

/**
 * Maps the non-null values of a column linearly onto [scale.min, scale.max] (in place, our own array): the
 * added indicator columns of interactionTerm and higherOrderConstruct, in the model's answer scale.
 */
export function rescaleInto(column: (number | null)[], scale: { min: number; max: number }): void {
  let low = Infinity;
  let high = -Infinity;
  for (const value of column) {
    if (value === null) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!(high > low)) return;
  const factor = (scale.max - scale.min) / (high - low);
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (value !== null && value !== undefined)
      column[i] = Math.min(scale.max, Math.max(scale.min, scale.min + (value - low) * factor));
  }
}

/**
 * The argument checks of the model builders (interactionTerm, higherOrderConstruct): `rows` is an array of
 * records and `model` has the shape of plsPathModel's options (`{ blocks, paths }`).
 */
export function checkRowsAndModel(functionName: string, rows: unknown, model: unknown): void {
  assertRecordArray(rows, functionName, "rows");
  const { blocks, paths } = (model ?? {}) as { blocks?: unknown; paths?: unknown };
  if (typeof model !== "object" || model === null || typeof blocks !== "object" || !Array.isArray(paths)) {
    throw argumentError(functionName, "model", "expected { blocks, paths }", model);
  }
}
