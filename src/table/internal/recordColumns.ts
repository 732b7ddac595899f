import { InvalidOptionsError, InvalidRecordError } from "../../core/errors.js";
import { displayRows } from "../../core/display.js";

/** Rows of a source laid out column by column, with the column order used. */
export interface RecordColumns {
  /** Column names in order. */
  readonly names: readonly string[];
  /** One array of cell values per name (same order), each of length `rowCount`. */
  readonly columns: readonly unknown[][];
  /** Number of rows. */
  readonly rowCount: number;
}

/**
 * Reads the rows of a clientele result (its display rows, see `displayRows`) or
 * of an array of records into columns. Column order: `columns` when given,
 * otherwise every key in order of first appearance over all rows (so a key
 * missing from the first row is not lost). Absent keys and `undefined` values
 * become `null`; other values (arrays, dates, nested objects) are kept as they
 * are, not copied. O(rows x columns).
 *
 * @throws InvalidOptionsError when `source` is neither a result nor an array
 * @throws InvalidRecordError when a row is not an object
 */
export function recordColumns(
  functionName: string,
  source: unknown,
  columns: readonly string[] | undefined,
): RecordColumns {
  const rows = displayRows(source);
  if (rows === undefined) {
    throw new InvalidOptionsError(functionName, [
      {
        path: "source",
        message:
          "expected a clientele result (an object made by a clientele function) or an array of records",
        received: source,
      },
    ]);
  }
  const rowCount = rows.length;
  for (let i = 0; i < rowCount; i++) {
    const row = rows[i];
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new InvalidRecordError(functionName, i, "(record)", row, "expected every row to be a plain object");
    }
  }
  let names: readonly string[];
  if (columns !== undefined) {
    names = columns;
  } else {
    const seen = new Set<string>();
    for (let i = 0; i < rowCount; i++) {
      for (const key of Object.keys(rows[i] as object)) seen.add(key);
    }
    names = [...seen];
  }
  const out: unknown[][] = names.map(() => new Array<unknown>(rowCount));
  for (let j = 0; j < names.length; j++) {
    const name = names[j] as string;
    const column = out[j] as unknown[];
    for (let i = 0; i < rowCount; i++) {
      column[i] = (rows[i] as Record<string, unknown>)[name] ?? null;
    }
  }
  return { names, columns: out, rowCount };
}
