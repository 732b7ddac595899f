/**
 * Reading survey rows into an indicator matrix, the missing-value policy,
 * and (weighted) correlation matrices for the PLS kernel.
 */
import { NUMBER_EXPECTATION, numberFromStringOrBigint } from "../../core/fields.js";
import { InvalidRecordError } from "../../core/index.js";
import { isMissing } from "../../core/internal/missing.js";

/**
 * One answer as a number: a finite number, a decimal numeric string (parseDecimal) or a bigint of at most
 * 2^53 − 1 in magnitude; NaN for a missing answer (null, undefined, "" or NaN); anything else is an
 * InvalidRecordError naming row, indicator and value. The values core's readNumbers accepts from an array
 * of records, converted and worded by the same helpers (numberFromStringOrBigint, NUMBER_EXPECTATION; a
 * test holds the two together): read here because the PLS functions take arrays only, and readNumbers'
 * columns and Arrow tables would add 3.5 kB to each of their bundles.
 */
export function answerAt(functionName: string, rows: readonly object[], row: number, name: string): number {
  const value = (rows[row] as Record<string, unknown>)[name];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isMissing(value)) return NaN;
  const parsed = numberFromStringOrBigint(value);
  if (Number.isNaN(parsed)) throw new InvalidRecordError(functionName, row, name, value, NUMBER_EXPECTATION);
  return parsed;
}

/** One indicator column of the rows (checked to be records) by {@link answerAt}: NaN for a missing answer. */
export function answerColumn(functionName: string, rows: readonly object[], name: string): Float64Array {
  const column = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) column[i] = answerAt(functionName, rows, i, name);
  return column;
}

/** The indicator columns of the rows after the missing-value policy. */
export interface IndicatorMatrix {
  /** Row-major n x p values on the answer scale. */
  readonly values: Float64Array;
  readonly rowCount: number;
  readonly indicatorCount: number;
  /** Index into the input rows of every row kept. */
  readonly rowsUsed: Int32Array;
  /** Answers replaced by their column mean (missing: "mean"). */
  readonly imputedValues: number;
  /** Rows dropped for a missing answer (missing: "listwise"). */
  readonly droppedRows: number;
}

/**
 * Reads the indicator columns (rows already checked to be records). Non-numeric answers and answers outside
 * `scale` are {@link InvalidRecordError}s naming row, indicator and value;
 * a column with no answer at all is an error too (a misspelt indicator).
 */
export function readIndicatorMatrix(
  functionName: string,
  rows: readonly object[],
  indicators: readonly string[],
  missing: "mean" | "listwise",
  scale: { readonly min: number; readonly max: number } | undefined,
): IndicatorMatrix {
  const n = rows.length;
  const p = indicators.length;
  const columns: Float64Array[] = [];
  /** The mean of each column's answers (for missing: "mean"). */
  const means: number[] = [];
  const missingPerRow = new Uint8Array(n);
  let missingCount = 0;
  for (let j = 0; j < p; j++) {
    const name = indicators[j] as string;
    const column = answerColumn(functionName, rows, name);
    let observed = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const value = column[i] as number;
      if (Number.isNaN(value)) {
        missingPerRow[i] = 1;
        missingCount++;
        continue;
      }
      observed++;
      sum += value;
      if (scale !== undefined && (value < scale.min || value > scale.max)) {
        throw new InvalidRecordError(
          functionName,
          i,
          name,
          (rows[i] as Record<string, unknown>)[name],
          `expected an answer within the scale ${scale.min}..${scale.max}; fix the answer or the scale option`,
        );
      }
    }
    if (observed === 0) {
      throw new InvalidRecordError(
        functionName,
        0,
        name,
        (rows[0] as Record<string, unknown> | undefined)?.[name],
        `indicator "${name}" has no answer in any row; check the column name in blocks`,
      );
    }
    columns.push(column);
    means.push(sum / observed);
  }
  let keep = n;
  let droppedRows = 0;
  let imputedValues = 0;
  if (missing === "listwise") {
    for (let i = 0; i < n; i++) if (missingPerRow[i] === 1) droppedRows++;
    keep = n - droppedRows;
  } else if (missingCount > 0) {
    columns.forEach((column, j) => {
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(column[i] as number)) {
          column[i] = means[j] as number;
          imputedValues++;
        }
      }
    });
    missingPerRow.fill(0);
  }
  const values = new Float64Array(keep * p);
  const rowsUsed = new Int32Array(keep);
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (missingPerRow[i] === 1) continue;
    rowsUsed[r] = i;
    for (let j = 0; j < p; j++) values[r * p + j] = (columns[j] as Float64Array)[i] as number;
    r++;
  }
  return { values, rowCount: keep, indicatorCount: p, rowsUsed, imputedValues, droppedRows };
}

/**
 * Relative size below which a column counts as constant: sd / |mean| ≤ 1e-12 (or sd = 0). Summing a
 * constant column such as 0.1 repeated leaves a rounding residue of about 1e-16 |mean| in the deviations,
 * which an `sd > 0` test would take for variance (and the correlations would be noise).
 */
const CONSTANT_RELATIVE_SQUARED = 1e-24;

/** Whether a sum of squared deviations `ss` over `total` rows with mean `mean` is real variance. */
export function hasVariance(ss: number, total: number, mean: number): boolean {
  return ss > 0 && ss > CONSTANT_RELATIVE_SQUARED * total * mean * mean;
}

/**
 * Correlation matrix (p x p, row-major, into `out`) of the rows weighted by
 * `counts` (a bootstrap resample: how many times each row was drawn;
 * undefined = every row once), their weighted means into `mean` and, when
 * given, their standard deviations (n − 1) into `sd`. `centred` is a p scratch buffer.
 * Returns the index of the first indicator with zero variance in the sample (constant up to rounding),
 * or -1 when there is none.
 */
export function correlationMatrix(
  values: Float64Array,
  n: number,
  p: number,
  counts: Float64Array | undefined,
  out: Float64Array,
  mean: Float64Array,
  centred: Float64Array,
  sd?: Float64Array,
): number {
  mean.fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = counts === undefined ? 1 : (counts[i] as number);
    if (c === 0) continue;
    total += c;
    for (let j = 0; j < p; j++) mean[j] = (mean[j] as number) + c * (values[i * p + j] as number);
  }
  for (let j = 0; j < p; j++) mean[j] = (mean[j] as number) / total;
  out.fill(0);
  for (let i = 0; i < n; i++) {
    const c = counts === undefined ? 1 : (counts[i] as number);
    if (c === 0) continue;
    const offset = i * p;
    for (let j = 0; j < p; j++) centred[j] = (values[offset + j] as number) - (mean[j] as number);
    for (let a = 0; a < p; a++) {
      const ca = c * (centred[a] as number);
      if (ca === 0) continue;
      const row = a * p;
      for (let b = 0; b <= a; b++) out[row + b] = (out[row + b] as number) + ca * (centred[b] as number);
    }
  }
  for (let a = 0; a < p; a++) {
    const ss = out[a * p + a] as number;
    if (sd !== undefined) sd[a] = Math.sqrt(ss / (total - 1));
    if (!hasVariance(ss, total, mean[a] as number)) return a;
  }
  for (let a = 0; a < p; a++) {
    const da = Math.sqrt(out[a * p + a] as number);
    for (let b = 0; b < a; b++) {
      const value = (out[a * p + b] as number) / (da * Math.sqrt(out[b * p + b] as number));
      out[a * p + b] = value;
      out[b * p + a] = value;
    }
  }
  for (let a = 0; a < p; a++) out[a * p + a] = 1;
  return -1;
}
