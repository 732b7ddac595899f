import { displayRows } from "../display.js";
import { InvalidOptionsError, InvalidRecordError } from "../errors.js";

/** Rows of a source laid out column by column, with the column order used. */
export interface RecordColumns {
  /** Column names in order. */
  readonly names: readonly string[];
  /** One array of cell values per name (same order), each of length `rowCount`. */
  readonly columns: readonly unknown[][];
  /** Number of rows. */
  readonly rowCount: number;
}

/** Validated rows of a source with the column names to read from them. */
export interface RecordRows {
  /** The rows (not copied). */
  readonly rows: readonly object[];
  /** Column names in order. */
  readonly names: readonly string[];
}

/**
 * Reads the rows of a clientele result (its display rows, see `displayRows`)
 * or of an array of records, checks that each is an object, and decides the
 * columns: `columns` when given, otherwise every key in order of first
 * appearance over all rows (so a key missing from the first row is not lost).
 *
 * @throws InvalidOptionsError when `source` is neither a result nor an array
 * @throws InvalidRecordError when a row is not an object
 */
export function recordRows(
  functionName: string,
  source: unknown,
  columns: readonly string[] | undefined,
): RecordRows {
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
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new InvalidRecordError(
        functionName,
        i,
        "(record)",
        row,
        "expected every row to be a plain object",
      );
    }
  }
  return { rows, names: columns ?? unionOfKeys(rows) };
}

/**
 * {@link recordRows} laid out column by column. Absent keys and `undefined`
 * values become `null`; other values (arrays, dates, nested objects) are kept
 * as they are, not copied. O(rows x columns).
 */
export function recordColumns(
  functionName: string,
  source: unknown,
  columns: readonly string[] | undefined,
): RecordColumns {
  const { rows, names } = recordRows(functionName, source, columns);
  const rowCount = rows.length;
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

/**
 * Every own enumerable key of the rows, in order of first appearance. Rows
 * with exactly the keys seen so far, in the same order (the usual case: rows
 * built by one function) are recognised by a sequential comparison, without
 * set lookups.
 */
function unionOfKeys(rows: readonly object[]): string[] {
  if (rows.length === 0) return [];
  const names = Object.keys(rows[0] as object);
  let seen: Set<string> | undefined;
  for (let i = 1; i < rows.length; i++) {
    const keys = Object.keys(rows[i] as object);
    let same = keys.length === names.length;
    for (let j = 0; same && j < keys.length; j++) same = keys[j] === names[j];
    if (same) continue;
    seen ??= new Set(names);
    for (const key of keys) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return names;
}
