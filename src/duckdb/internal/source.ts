import type { DuckDBConnection, DuckDBDataChunk } from "@duckdb/node-api";
import { NUMBER_EXPECTATION } from "../../core/fields.js";
import { InvalidOptionsError, InvalidRecordError } from "../../core/index.js";
import { byTextOffset, duckdbSpec, fixedWriter, type WriterMaker } from "../../sql/internal/build.js";
import { quoteSqlIdentifier, type SqlDateType } from "../../sql/SqlDialect.js";
import { DuckDBMissingError } from "../DuckDBMissingError.js";
import type { DuckDBSource } from "../DuckDBSource.js";

/** Name of the record-position column added to every source. */
export const ROW_COLUMN = "__clientele_row";

/**
 * The writer of a twin's SQL plan, with settings fixed here (not parsed: the sqlOptions schema stays
 * out of the twins' bundles): without a date type the draft's (options checked before the source is
 * opened), with one the query's over the opened source (record positions, every customer).
 */
export function twinWriter(dateType?: SqlDateType): WriterMaker {
  return fixedWriter(
    dateType === undefined
      ? {
          dialect: "duckdb",
          spec: duckdbSpec,
          dateType: "timestamp",
          includeCustomersWithoutPurchases: false,
        }
      : {
          dialect: "duckdb",
          spec: duckdbSpec,
          dateType,
          rowNumber: ROW_COLUMN,
          includeCustomersWithoutPurchases: true,
        },
  );
}

/** A source opened for one call. */
export interface OpenSource {
  readonly connection: DuckDBConnection;
  /** A SELECT of every column plus {@link ROW_COLUMN} (0-based record position). */
  readonly query: string;
  /** Values bound to `$1` (the file path) in every statement. */
  readonly params: readonly string[];
  /** Column name -> DuckDB type, in the source's order. */
  readonly columns: ReadonlyMap<string, string>;
  /** Whether `$1` names Parquet files (whose statistics can prove columns clean). */
  readonly parquet?: boolean;
  /** Closes what this call opened (nothing for a caller's connection). */
  close(): void;
}

type DuckDBModule = typeof import("@duckdb/node-api");

/**
 * The in-memory DuckDB instance that reads files, created on first use and shared by the calls of
 * this process (each call opens and closes its own connection); forgotten if creating it failed.
 */
let instancePromise: Promise<{ connect(): Promise<DuckDBConnection> }> | undefined;

/** DuckDB settings (`memory_limit`, `threads`, `temp_directory`) for the instance, set by configureDuckDB. */
const instanceSettings: Record<string, string> = {};

/** The module's DuckDB instance, created with {@link instanceSettings} on first use. */
async function sharedInstance(functionName: string): Promise<{ connect(): Promise<DuckDBConnection> }> {
  const duckdb = await loadDuckDB(functionName);
  instancePromise ??= duckdb.DuckDBInstance.create(":memory:", { ...instanceSettings }).catch(
    (error: unknown) => {
      instancePromise = undefined;
      throw error;
    },
  );
  return instancePromise;
}

/** A setting of the module's DuckDB instance as DuckDB reports it (`current_setting`), for tests. */
export async function instanceSetting(name: string): Promise<unknown> {
  const connection = await (await sharedInstance("instanceSetting")).connect();
  try {
    return (await connection.runAndReadAll("SELECT current_setting($1)", [name])).getRowsJS()[0]?.[0];
  } finally {
    connection.closeSync();
  }
}

/**
 * Records DuckDB settings for the module's instance and, when it exists already, applies them with
 * `SET GLOBAL` (values written as quoted string literals, never pasted raw).
 */
export async function setInstanceSettings(
  functionName: string,
  settings: Readonly<Record<string, string>>,
): Promise<void> {
  await loadDuckDB(functionName);
  if (instancePromise !== undefined) {
    const connection = await (await instancePromise).connect();
    try {
      for (const [name, value] of Object.entries(settings)) {
        // names are ours (memory_limit, threads, temp_directory); values are quoted literals
        await connection.run(`SET GLOBAL ${name} = ${stringLiteral(value)}`);
      }
    } finally {
      connection.closeSync();
    }
  }
  Object.assign(instanceSettings, settings);
}

/** An InvalidOptionsError of one issue. */
function optionError(functionName: string, path: string, message: string, received: unknown) {
  return new InvalidOptionsError(functionName, [{ path, message, received }]);
}

/** Loads `@duckdb/node-api` (dynamic import) or throws {@link DuckDBMissingError}. */
async function loadDuckDB(functionName: string): Promise<DuckDBModule> {
  try {
    return (await import("@duckdb/node-api")) as DuckDBModule;
  } catch (error) {
    throw new DuckDBMissingError(functionName, error);
  }
}

const READERS: readonly (readonly [RegExp, string])[] = [
  [/\.(csv|tsv|txt)(\.gz|\.zst)?$/i, "read_csv_auto"],
  [/\.parquet$/i, "read_parquet"],
  [/\.(json|jsonl|ndjson)(\.gz|\.zst)?$/i, "read_json_auto"],
];

/** Opens `source`: picks the file reader, adds the record positions, reads the column types. */
export async function openSource(functionName: string, source: DuckDBSource): Promise<OpenSource> {
  let connection: DuckDBConnection;
  let query: string;
  let params: string[] = [];
  let owned = false;
  let parquet = false;
  if (typeof source === "string") {
    const reader = READERS.find(([pattern]) => pattern.test(source.trim()))?.[1];
    if (source.trim() === "" || reader === undefined) {
      throw optionError(
        functionName,
        "source",
        "expected a .csv, .tsv, .parquet, .json, .jsonl or .ndjson file path or glob, or { connection, table } / { connection, query }",
        source,
      );
    }
    connection = await (await sharedInstance(functionName)).connect();
    owned = true;
    parquet = reader === "read_parquet";
    params = [source];
    const glob = /[*?[]/.test(source);
    query =
      reader === "read_parquet" && !glob
        ? `SELECT *, file_row_number AS ${ROW_COLUMN} FROM read_parquet($1, file_row_number = true)`
        : `SELECT *, row_number() OVER () - 1 AS ${ROW_COLUMN} FROM ${reader}($1)`;
  } else if (typeof source === "object" && source !== null && "connection" in source) {
    connection = source.connection as unknown as DuckDBConnection;
    if (typeof (connection as { runAndReadAll?: unknown })?.runAndReadAll !== "function") {
      throw optionError(
        functionName,
        "source.connection",
        "expected a DuckDBConnection of @duckdb/node-api",
        connection,
      );
    }
    if ("table" in source) {
      const table = source.table;
      const parts = typeof table === "string" ? [table] : table;
      if (
        !Array.isArray(parts) ||
        parts.length === 0 ||
        !parts.every((p) => typeof p === "string" && p !== "")
      ) {
        throw optionError(
          functionName,
          "source.table",
          'expected a table name or its parts (["schema", "table"])',
          table,
        );
      }
      const name = parts.map((p) => quoteSqlIdentifier(p, "duckdb")).join(".");
      query = `SELECT *, row_number() OVER () - 1 AS ${ROW_COLUMN} FROM ${name}`;
    } else if ("query" in source && typeof source.query === "string" && source.query.trim() !== "") {
      query = `SELECT *, row_number() OVER () - 1 AS ${ROW_COLUMN} FROM (${source.query}) AS user_query`;
    } else {
      throw optionError(
        functionName,
        "source",
        "expected { connection, table } or { connection, query }",
        source,
      );
    }
  } else {
    throw optionError(
      functionName,
      "source",
      "expected a file path or glob, or { connection, table } / { connection, query }",
      source,
    );
  }
  try {
    const described = (await connection.runAndReadAll(`DESCRIBE ${query}`, params)).getRowsJS();
    const columns = new Map<string, string>();
    for (const row of described) {
      if (row[0] !== ROW_COLUMN) columns.set(String(row[0]), String(row[1]));
    }
    return {
      connection,
      query,
      params,
      columns,
      parquet,
      close: () => (owned ? connection.closeSync() : undefined),
    };
  } catch (error) {
    if (owned) connection.closeSync();
    throw optionError(
      functionName,
      "source",
      `DuckDB could not read it: ${error instanceof Error ? error.message : String(error)}`,
      source,
    );
  }
}

/** One field of the records: the option it came from and the column it names. */
export interface FieldColumn {
  readonly option: string;
  readonly column: string;
  readonly kind: "id" | "date" | "number";
}

const DATE_TYPES = /^(DATE|TIMESTAMP.*)$/;
const NUMBER_TYPES =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** The `dateType` of a date column, or an InvalidOptionsError naming the column's type. */
export function dateTypeOf(functionName: string, option: string, column: string, type: string): SqlDateType {
  if (type === "DATE") return "date";
  if (DATE_TYPES.test(type)) return "timestamp";
  if (type === "VARCHAR") return "string";
  if (NUMBER_TYPES.test(type)) return "epochMilliseconds";
  throw optionError(
    functionName,
    option,
    `column "${column}" is of type ${type}; expected a DATE, TIMESTAMP, ISO 8601 text or epoch-millisecond column`,
    column,
  );
}

/**
 * Checks that every field's column exists (InvalidOptionsError listing the columns) and, in one
 * pass over the records, that ids are present, dates parse and numbers are finite: the first
 * offending record is reported as the in-memory readers report it (InvalidRecordError naming the
 * row, the column and the value). Checks run in the in-memory order (fields in the given order).
 * Returns the date column's `dateType`.
 */
export async function validateFields(
  functionName: string,
  open: OpenSource,
  fields: readonly FieldColumn[],
  extraFor: (dateType: SqlDateType) => readonly { readonly name: string; readonly sql: string }[] = () => [],
  lastDay?: number,
): Promise<{ dateType: SqlDateType; extra: Record<string, unknown>; deferred?: boolean }> {
  const missing = fields.filter((f) => !open.columns.has(f.column));
  if (missing.length > 0) {
    const available = [...open.columns.keys()].map((c) => JSON.stringify(c)).join(", ");
    throw new InvalidOptionsError(
      functionName,
      missing.map((f) => ({
        path: f.option,
        message: `the source has no column ${JSON.stringify(f.column)}; its columns are ${available}`,
        received: f.column,
      })),
    );
  }
  let dateType: SqlDateType = "timestamp";
  const q = (name: string) => quoteSqlIdentifier(name, "duckdb");
  const checks: { field: FieldColumn; bad: string; expectation: string; missingExpectation?: string }[] = [];
  const { proven, floats, maxDay } =
    open.parquet === true ? await provenClean(open, fields) : { proven: new Set<FieldColumn>() };
  if (lastDay !== undefined && maxDay !== undefined && maxDay <= lastDay) {
    // no scan: every column proven clean but null-free floats, whose NaN or infinity the caller's
    // sums show (it then calls again without lastDay), and no record after lastDay
    if (fields.every((f) => proven.has(f) || floats?.has(f))) {
      const date = fields.find((f) => f.kind === "date") as FieldColumn;
      const type = open.columns.get(date.column) as string;
      return {
        dateType: dateTypeOf(functionName, date.option, date.column, type),
        extra: {},
        deferred: true,
      };
    }
  }
  for (const field of fields) {
    const type = open.columns.get(field.column) as string;
    const c = q(field.column);
    if (field.kind === "date") dateType = dateTypeOf(functionName, field.option, field.column, type);
    if (proven.has(field)) continue;
    if (field.kind === "id") {
      const float = /^(FLOAT|DOUBLE)$/.test(type);
      checks.push({
        field,
        bad: `${c} IS NULL OR CAST(${c} AS VARCHAR) = ''${float ? ` OR NOT isfinite(${c})` : ""}`,
        expectation: "expected a non-empty string or a finite number identifying the value",
      });
    } else if (field.kind === "number") {
      checks.push({
        field,
        bad: `${c} IS NULL OR try_cast(${c} AS DOUBLE) IS NULL OR NOT isfinite(try_cast(${c} AS DOUBLE))`,
        expectation: NUMBER_EXPECTATION,
        missingExpectation: "expected a number; fill or drop rows with missing values before calling",
      });
    } else {
      const bad =
        dateType === "timestamp" || dateType === "date"
          ? `${c} IS NULL OR NOT isfinite(${c})`
          : dateType === "epochMilliseconds"
            ? `${c} IS NULL OR NOT isfinite(CAST(${c} AS DOUBLE))`
            : `${c} IS NULL OR (${byTextOffset(c, (type) => `try_cast(trim(${c}) AS ${type}) IS NULL`)})`;
      checks.push({
        field,
        bad,
        expectation:
          'expected a Date, an ISO 8601 string such as "2024-03-31" or "2024-03-31T14:05:00Z", or epoch milliseconds',
      });
    }
  }
  const select: string[] = [];
  checks.forEach((check, k) => {
    select.push(`min(${ROW_COLUMN}) FILTER (WHERE ${check.bad}) AS bad_row_${k}`);
    select.push(
      `arg_min(${q(check.field.column)}, ${ROW_COLUMN}) FILTER (WHERE ${check.bad}) AS bad_value_${k}`,
    );
  });
  const extra = extraFor(dateType);
  for (const item of extra) select.push(`${item.sql} AS ${q(item.name)}`);
  const row =
    select.length === 0
      ? {}
      : ((
          await open.connection.runAndReadAll(`SELECT ${select.join(", ")} FROM (${open.query}) AS records`, [
            ...open.params,
          ])
        ).getRowObjectsJS()[0] ?? {});
  checks.forEach((check, k) => {
    const badRow = row[`bad_row_${k}`];
    if (badRow !== null && badRow !== undefined) {
      const value = jsValue(row[`bad_value_${k}`]);
      throw new InvalidRecordError(
        functionName,
        Number(badRow),
        check.field.column,
        value,
        // missing as the in-memory readers say: null, "" or a NaN number
        (value === null || value === "" || Number.isNaN(value)) && check.missingExpectation !== undefined
          ? check.missingExpectation
          : check.expectation,
      );
    }
  });
  const extraValues: Record<string, unknown> = {};
  for (const item of extra) extraValues[item.name] = jsValue(row[item.name]);
  return { dateType, extra: extraValues };
}

/**
 * The fields of a Parquet source whose row-group statistics prove every value valid, so the
 * validation scan can leave them out (text columns are the costly part of that scan: 0.7 of its
 * 0.9 CPU seconds at 10M lines): no nulls in any row group and, for text ids, a non-empty minimum
 * (so no empty string); integer and decimal ids by their null counts alone; DATE and TIMESTAMP
 * columns when no minimum or maximum is infinite. Floating-point columns are always scanned (a NaN
 * does not show in the statistics). Missing statistics prove nothing; any failure proves nothing.
 */
async function provenClean(
  open: OpenSource,
  fields: readonly FieldColumn[],
): Promise<{ proven: Set<FieldColumn>; floats?: Set<FieldColumn>; maxDay?: number | undefined }> {
  const proven = new Set<FieldColumn>();
  const floats = new Set<FieldColumn>();
  let maxDay: number | undefined;
  try {
    const rows = (
      await open.connection.runAndReadAll(
        "SELECT path_in_schema, bool_and(stats_null_count = 0), " +
          "bool_and(stats_min_value IS NOT NULL AND stats_min_value <> ''), " +
          "bool_and(stats_min_value IS NOT NULL AND stats_max_value IS NOT NULL AND lower(stats_min_value) NOT LIKE '%inf%' AND lower(stats_max_value) NOT LIKE '%inf%'), " +
          "CASE WHEN bool_and(TRY_CAST(stats_max_value AS TIMESTAMP) IS NOT NULL AND max_is_exact IS NOT FALSE) " +
          "THEN max(floor(epoch_ms(TRY_CAST(stats_max_value AS TIMESTAMP)) / 86400000)) END " +
          "FROM parquet_metadata($1) GROUP BY path_in_schema",
        [...open.params],
      )
    ).getRowsJS();
    const stats = new Map(rows.map((row) => [String(row[0]), row.slice(1)]));
    for (const field of fields) {
      const [noNulls, nonEmpty, finite, max] = stats.get(field.column) ?? [];
      const type = open.columns.get(field.column) ?? "";
      if (noNulls !== true) continue;
      const float = /^(FLOAT|DOUBLE)$/.test(type);
      const clean =
        field.kind === "id"
          ? type === "VARCHAR"
            ? nonEmpty === true
            : NUMBER_TYPES.test(type) && !float
          : field.kind === "date"
            ? DATE_TYPES.test(type) && finite === true
            : NUMBER_TYPES.test(type) && !float;
      if (clean) proven.add(field);
      if (field.kind === "number" && float) floats.add(field);
      // the last day of a DATE or TIMESTAMP (no time zone) column
      if (
        clean &&
        field.kind === "date" &&
        typeof max === "number" &&
        /^(DATE|TIMESTAMP(_S|_MS|_NS)?)$/.test(type)
      )
        maxDay = max;
    }
  } catch {
    return { proven: new Set() };
  }
  return { proven, floats, maxDay };
}

/** DuckDB JS values as the in-memory readers would see them (bigint -> number, dates -> Date). */
export function jsValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  return value;
}

/**
 * Runs `sql` (with the source's parameters) and returns its columns by name: text columns as string
 * arrays, every other column as a Float64Array (null -> NaN), read vector by vector from DuckDB's
 * chunks (about 4x less CPU than converting every value to a generic JS value first). Chunks are
 * fetched in order, once each: `getChunk(index)` on a materialized result cost about twice the CPU
 * of the whole read at 400,000 rows. Columns named in `firstOnly` (one value repeated on every row,
 * such as a count from a scalar subquery) are read from the first row alone (empty without rows).
 */
/**
 * Every chunk of a query result, fetched in order and once each (reading a chunk by index twice cost as
 * much as its values), and their total row count.
 */
export async function allChunks(result: {
  fetchChunk(): Promise<DuckDBDataChunk | null>;
}): Promise<{ chunks: DuckDBDataChunk[]; rows: number }> {
  const chunks: DuckDBDataChunk[] = [];
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    chunks.push(chunk);
    rows += chunk.rowCount;
  }
  return { chunks, rows };
}

export async function readColumns(
  open: OpenSource,
  sql: string,
  firstOnly: readonly string[] = [],
): Promise<{ rows: number; columns: Record<string, Float64Array | (string | null)[]> }> {
  // integer columns (BIGINT, HUGEINT sums) come back as DOUBLE: a bigint per value costs more than the query's tail
  const described = (await open.connection.runAndReadAll(`DESCRIBE ${sql}`, [...open.params])).getRowsJS();
  const casts = described.map(([name, type]) => {
    const quoted = quoteSqlIdentifier(String(name), "duckdb");
    return /^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(String(type))
      ? `CAST(${quoted} AS DOUBLE) AS ${quoted}`
      : quoted;
  });
  const result = await open.connection.run(`SELECT ${casts.join(", ")} FROM (${sql}) AS result_columns`, [
    ...open.params,
  ]);
  const names = result.columnNames();
  const text = names.map((_, i) => result.columnType(i).toString() === "VARCHAR");
  const { chunks, rows } = await allChunks(result);
  const first = names.map((name) => firstOnly.includes(name));
  const columns: (Float64Array | (string | null)[])[] = names.map((_, i) => {
    const length = first[i] ? Math.min(rows, 1) : rows;
    return text[i] ? new Array<string | null>(length) : new Float64Array(length);
  });
  let at = 0;
  for (const chunk of chunks) {
    const count = chunk.rowCount;
    for (let i = 0; i < names.length; i++) {
      if (first[i] && at > 0) continue;
      const vector = chunk.getColumnVector(i);
      const out = columns[i] as Float64Array | (string | null)[];
      const end = first[i] ? 1 : count;
      if (text[i]) {
        for (let r = 0; r < end; r++) out[at + r] = vector.getItem(r) as string | null;
      } else {
        const numbersOut = out as Float64Array;
        for (let r = 0; r < end; r++) {
          const value = vector.getItem(r);
          numbersOut[at + r] = value === null ? Number.NaN : Number(value);
        }
      }
    }
    at += count;
  }
  return {
    rows,
    columns: Object.fromEntries(names.map((name, i) => [name, columns[i]])) as Record<
      string,
      Float64Array | (string | null)[]
    >,
  };
}

/** A numeric result column as a Float64Array (null -> NaN); a Float64Array is returned as it is. */
export function numbers(values: Float64Array | readonly unknown[] | undefined): Float64Array {
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values?.length ?? 0);
  if (values === undefined) return out;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? Number.NaN : Number(v);
  }
  return out;
}

/**
 * The UTC day number of a date column in DuckDB, NULL (never an error) for a value that does not
 * parse: for the validation pass, which reads the records before they are known to be clean.
 * `"raw"` leaves a DATE column as it is (a date, aggregated as such); `"ms"` gives the epoch
 * milliseconds of a non-DATE column instead.
 */
export function tryDayExpression(column: string, dateType: SqlDateType, form?: "raw" | "ms"): string {
  const c = quoteSqlIdentifier(column, "duckdb");
  if (dateType === "date") return form === "raw" ? c : `(${c} - DATE '1970-01-01')`;
  const ms =
    dateType === "timestamp"
      ? `epoch_ms(${c})`
      : dateType === "epochMilliseconds"
        ? `try_cast(${c} AS DOUBLE)`
        : byTextOffset(c, (type) => `epoch_ms(try_cast(trim(${c}) AS ${type}))`);
  return form === "ms" ? ms : `floor(${ms} / 86400000)`;
}

/** A column as `type` (VARCHAR or DOUBLE): the column itself when it is of that type already, else a CAST. */
export function columnAs(open: OpenSource, column: string, type: "VARCHAR" | "DOUBLE"): string {
  const c = quoteSqlIdentifier(column, "duckdb");
  return open.columns.get(column) === type ? c : `CAST(${c} AS ${type})`;
}

/** `count`, first row and value of the records whose day is after `lastDay` (validation extras). */
export function laterRecordsChecks(column: string, dateType: SqlDateType, lastDay: number) {
  const later = `${tryDayExpression(column, dateType)} > ${lastDay}`;
  return [
    { name: "later_count", sql: `count(*) FILTER (WHERE ${later})` },
    { name: "later_row", sql: `min(${ROW_COLUMN}) FILTER (WHERE ${later})` },
    {
      name: "later_value",
      sql: `arg_min(${quoteSqlIdentifier(column, "duckdb")}, ${ROW_COLUMN}) FILTER (WHERE ${later})`,
    },
  ];
}

/** A DuckDB string literal ('...' with quotes doubled); NUL characters are refused. */
export function stringLiteral(value: string): string {
  if (value.includes("\u0000")) throw new RangeError("a NUL character cannot be written in a SQL literal");
  return `'${value.replace(/'/g, "''")}'`;
}

/** Reads one record's column value by position (for error messages). */
export async function valueAt(open: OpenSource, column: string, row: number): Promise<unknown> {
  const sql = `SELECT ${quoteSqlIdentifier(column, "duckdb")} AS v FROM (${open.query}) AS records WHERE ${ROW_COLUMN} = ${Math.trunc(row)}`;
  const rows = (await open.connection.runAndReadAll(sql, [...open.params])).getRowsJS();
  return jsValue(rows[0]?.[0]);
}
