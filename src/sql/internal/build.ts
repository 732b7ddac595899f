/**
 * Shared pieces of the clientele/sql writers: option checks (fields must name columns), the
 * per-dialect types and functions, and the `lines` CTE every query starts from.
 */

import { InvalidOptionsError, MS_PER_DAY, type OptionIssue, parseDateValue } from "../../core/index.js";
import { argumentError } from "../../core/internal/arguments.js";
import { withDefaults } from "../../core/internal/defaults.js";
import { checkOptions, flag, nonEmptyText, oneOf, required } from "../../core/internal/optionRules.js";
import {
  quoteSqlIdentifier,
  type SqlDateType,
  type SqlDialect,
  type SqlOptions,
  type SqlRelation,
} from "../SqlDialect.js";

/**
 * DuckDB: `CASE WHEN` the text `x` ends in `Z` or an offset `THEN read(TIMESTAMPTZ) ELSE read(TIMESTAMP) END`,
 * so text without an offset reads as UTC whatever the TimeZone setting.
 */
export function byTextOffset(x: string, read: (type: string) => string): string {
  return `CASE WHEN regexp_matches(trim(${x}), '(Z|[+-][0-9]{2}:?[0-9]{2})$') THEN ${read("TIMESTAMPTZ")} ELSE ${read("TIMESTAMP")} END`;
}

/** Types and functions of one dialect. */
export interface DialectSpec {
  readonly text: string;
  readonly double: string;
  readonly bigint: string;
  readonly integer: string;
  /** Milliseconds since 1970-01-01 UTC of a DATE/TIMESTAMP/TIMESTAMPTZ expression. */
  readonly epochMs: (expression: string) => string;
  /** Days since 1970-01-01 of a DATE expression. */
  readonly unixDate: (expression: string) => string;
  /** Milliseconds since 1970-01-01 UTC of an ISO 8601 text expression. */
  readonly epochMsFromText: (expression: string) => string;
  /** Aggregate: the `value` of the row with the smallest `order` (rows with a null order ignored). */
  readonly firstValue: (value: string, order: string) => string;
  /** The values of a text expression as a sorted array (aggregate; the rows are distinct already). */
  readonly sortedSet: (expression: string) => string;
}

/** DuckDB's {@link DialectSpec} on its own (the DuckDB twins' writers take it without the others). */
export const duckdbSpec: DialectSpec = {
  text: "VARCHAR",
  double: "DOUBLE",
  bigint: "BIGINT",
  integer: "INTEGER",
  epochMs: (x) => `epoch_ms(${x})`,
  unixDate: (x) => `CAST(${x} - DATE '1970-01-01' AS BIGINT)`,
  epochMsFromText: (x) => byTextOffset(x, (type) => `epoch_ms(CAST(trim(${x}) AS ${type}))`),
  firstValue: (v, o) => `arg_min(${v}, ${o})`,
  sortedSet: (x) => `array_agg(${x} ORDER BY ${x})`,
};

/**
 * Per-dialect functions (documented on the public functions); DATE columns (`dateType: "date"`):
 * DuckDB and PostgreSQL `x - DATE '1970-01-01'`, BigQuery `UNIX_DATE(x)`, Snowflake
 * `DATEDIFF(day, DATE '1970-01-01', x)`, Spark `datediff(x, DATE '1970-01-01')`; otherwise:
 * - duckdb: `epoch_ms(x)`; text: `epoch_ms(CAST(x AS TIMESTAMPTZ))` when the text carries an offset
 *   or `Z`, else `epoch_ms(CAST(x AS TIMESTAMP))` (read as UTC whatever the TimeZone setting);
 *   `array_agg(x ORDER BY x)`.
 * - postgres: `EXTRACT(EPOCH FROM x) * 1000`; text: `CAST(x AS timestamptz)` (no offset: the session
 *   TimeZone, set it to UTC); `array_agg(x ORDER BY x)`.
 * - bigquery: `UNIX_MILLIS(TIMESTAMP(x))` (DATE, DATETIME and text without offset read as UTC);
 *   `ARRAY_AGG(x ORDER BY x)`.
 * - snowflake: `DATE_PART(EPOCH_MILLISECOND, x)`; text: `TO_TIMESTAMP_TZ(x)`;
 *   `ARRAY_SORT(ARRAY_AGG(x))`.
 * - spark: `unix_millis(CAST(x AS TIMESTAMP))` (set spark.sql.session.timeZone to UTC for DATE and
 *   text without offset); `array_sort(collect_list(x))`.
 */
const SPECS: Readonly<Record<SqlDialect, DialectSpec>> = {
  duckdb: duckdbSpec,
  postgres: {
    text: "text",
    double: "double precision",
    bigint: "bigint",
    integer: "integer",
    epochMs: (x) => `FLOOR(EXTRACT(EPOCH FROM ${x}) * 1000)`,
    unixDate: (x) => `(${x} - DATE '1970-01-01')`,
    epochMsFromText: (x) => `FLOOR(EXTRACT(EPOCH FROM CAST(${x} AS timestamptz)) * 1000)`,
    firstValue: (v, o) => `(array_agg(${v} ORDER BY ${o}))[1]`,
    sortedSet: (x) => `array_agg(${x} ORDER BY ${x})`,
  },
  bigquery: {
    text: "STRING",
    double: "FLOAT64",
    bigint: "INT64",
    integer: "INT64",
    epochMs: (x) => `UNIX_MILLIS(TIMESTAMP(${x}))`,
    unixDate: (x) => `UNIX_DATE(${x})`,
    epochMsFromText: (x) => `UNIX_MILLIS(TIMESTAMP(${x}))`,
    firstValue: (v, o) => `MIN_BY(${v}, ${o})`,
    sortedSet: (x) => `ARRAY_AGG(${x} ORDER BY ${x})`,
  },
  snowflake: {
    text: "VARCHAR",
    double: "DOUBLE",
    bigint: "BIGINT",
    integer: "INTEGER",
    epochMs: (x) => `DATE_PART(EPOCH_MILLISECOND, ${x})`,
    unixDate: (x) => `DATEDIFF(day, DATE '1970-01-01', ${x})`,
    epochMsFromText: (x) => `DATE_PART(EPOCH_MILLISECOND, TO_TIMESTAMP_TZ(${x}))`,
    firstValue: (v, o) => `MIN_BY(${v}, ${o})`,
    sortedSet: (x) => `ARRAY_SORT(ARRAY_AGG(${x}))`,
  },
  spark: {
    text: "STRING",
    double: "DOUBLE",
    bigint: "BIGINT",
    integer: "INT",
    epochMs: (x) => `unix_millis(CAST(${x} AS TIMESTAMP))`,
    unixDate: (x) => `datediff(${x}, DATE '1970-01-01')`,
    epochMsFromText: (x) => `unix_millis(CAST(${x} AS TIMESTAMP))`,
    firstValue: (v, o) => `min_by(${v}, ${o})`,
    sortedSet: (x) => `array_sort(collect_list(${x}))`,
  },
};

/** Rules of the `sqlOptions` argument of every writer (exported for the equivalence test of sql's option rules). */
export const sqlOptionsShape = {
  dialect: /* @__PURE__ */ required(
    /* @__PURE__ */ oneOf(["duckdb", "postgres", "bigquery", "snowflake", "spark"]),
  ),
  dateType: /* @__PURE__ */ oneOf(["timestamp", "date", "string", "epochMilliseconds"]),
  rowNumber: /* @__PURE__ */ nonEmptyText(),
  includeCustomersWithoutPurchases: /* @__PURE__ */ flag(),
};

/** A writer for one call: quoting, types and the lines CTE. */
export interface SqlWriter {
  readonly dialect: SqlDialect;
  readonly spec: DialectSpec;
  readonly dateType: SqlDateType;
  readonly rowNumber: string | undefined;
  readonly includeAll: boolean;
  readonly relation: string;
  quote(name: string): string;
}

/** The settings of a writer once parsed (or fixed by the caller, as the DuckDB twins do). */
export interface WriterSettings {
  readonly dialect: SqlDialect;
  /** The dialect's types and functions (`SPECS[dialect]`). */
  readonly spec: DialectSpec;
  readonly dateType: SqlDateType;
  readonly rowNumber?: string | undefined;
  readonly includeCustomersWithoutPurchases: boolean;
}

/** Makes the writer of one call for a relation (checked then); what the plans take. */
export type WriterMaker = (functionName: string, relation: SqlRelation) => SqlWriter;

/** Validates the third argument and the relation; the relation rendered as SQL. */
export function sqlWriter(functionName: string, relation: SqlRelation, sqlOptions: SqlOptions): SqlWriter {
  const parsed = withDefaults(checkOptions(functionName, sqlOptionsShape, sqlOptions), {
    dateType: "timestamp",
    includeCustomersWithoutPurchases: false,
  });
  return fixedWriter({ ...parsed, spec: SPECS[parsed.dialect] })(functionName, relation);
}

/** A maker validating a public writer's third argument (`sqlOptions`) when the plan calls it. */
export function checkedWriter(sqlOptions: SqlOptions): WriterMaker {
  return (functionName, relation) => sqlWriter(functionName, relation, sqlOptions);
}

/**
 * A maker from settings the caller fixed itself (the DuckDB twins' own): no option parsing and the
 * one dialect's spec, so their bundles leave out the `sqlOptions` schema and the other dialects.
 * The relation is checked as {@link sqlWriter} checks it.
 */
export function fixedWriter(settings: WriterSettings): WriterMaker {
  return (functionName, relation) => {
    const dialect = settings.dialect;
    const quote = (name: string) => quoteSqlIdentifier(name, dialect);
    let rendered: string;
    if (typeof relation === "string" && relation !== "") rendered = quote(relation);
    else if (
      Array.isArray(relation) &&
      relation.length > 0 &&
      relation.every((p) => typeof p === "string" && p !== "")
    )
      rendered = relation.map(quote).join(".");
    else if (
      typeof relation === "object" &&
      relation !== null &&
      !Array.isArray(relation) &&
      typeof (relation as { query?: unknown }).query === "string" &&
      (relation as { query: string }).query.trim() !== ""
    )
      rendered = `(${(relation as { query: string }).query}) AS source_relation`;
    else {
      throw new InvalidOptionsError(functionName, [
        {
          path: "relation",
          message:
            'expected a table name, its qualified parts (["schema", "table"]) or { query: "SELECT ..." }',
          received: relation,
        },
      ]);
    }
    return {
      dialect,
      spec: settings.spec,
      dateType: settings.dateType,
      rowNumber: settings.rowNumber,
      includeAll: settings.includeCustomersWithoutPurchases,
      relation: rendered,
      quote,
    };
  };
}

/**
 * Refuses accessor functions (and anything but a non-empty string) in the field options, with one
 * issue per field telling the caller to name a column.
 */
export function checkColumnFields(
  functionName: string,
  options: unknown,
  required: readonly string[],
  optional: readonly string[],
): void {
  if (typeof options !== "object" || options === null) {
    throw new InvalidOptionsError(functionName, [
      { path: "", message: "expected an options object", received: options },
    ]);
  }
  const record = options as Record<string, unknown>;
  const issues: OptionIssue[] = [];
  for (const key of [...required, ...optional]) {
    const value = record[key];
    if (value === undefined && optional.includes(key)) continue;
    if (typeof value === "function") {
      issues.push({
        path: key,
        message:
          "an accessor function cannot run inside SQL; name a column (a string), or compute the value in a view or { query } first",
        received: value,
      });
    } else if (typeof value !== "string" || value === "") {
      issues.push({ path: key, message: "expected a column name (a non-empty string)", received: value });
    }
  }
  if (issues.length > 0) throw new InvalidOptionsError(functionName, issues);
}

/** Rule of a column-name field (accessors were refused before by {@link checkColumnFields}). */
export const column = /* @__PURE__ */ nonEmptyText();

/** The record's epoch milliseconds expression for the configured date type. */
export function timeExpression(writer: SqlWriter, column: string): string {
  const quoted = writer.quote(column);
  if (writer.dateType === "string") return writer.spec.epochMsFromText(quoted);
  if (writer.dateType === "epochMilliseconds") return `CAST(${quoted} AS ${writer.spec.double})`;
  return writer.spec.epochMs(quoted);
}

/** `CAST(FLOOR(ms / 86400000) AS BIGINT)`: the UTC day number of a time in milliseconds. */
export function dayExpression(writer: SqlWriter, ms: string): string {
  return `CAST(FLOOR(${ms} / 86400000) AS ${writer.spec.bigint})`;
}

/** Column list of the `lines` CTE. */
export interface LineColumns {
  readonly customer?: string;
  readonly date?: string;
  /** Also keep the time in milliseconds (`t_ms`), for ordering within a day. */
  readonly time?: boolean;
  readonly amount?: string | undefined;
  readonly order?: string | undefined;
  readonly transaction?: string;
  readonly item?: string;
}

/** `lines AS (SELECT ... FROM relation)`: the named columns cast to text / day numbers / doubles. */
export function linesCte(writer: SqlWriter, columns: LineColumns): string {
  const { quote, spec } = writer;
  const select: string[] = [];
  const text = (column: string, alias: string) => `CAST(${quote(column)} AS ${spec.text}) AS ${alias}`;
  if (columns.customer !== undefined) select.push(text(columns.customer, "customer_id"));
  if (columns.transaction !== undefined) select.push(text(columns.transaction, "transaction_id"));
  if (columns.item !== undefined) select.push(text(columns.item, "item"));
  if (columns.order !== undefined) select.push(text(columns.order, "order_id"));
  if (columns.date !== undefined) {
    if (writer.dateType === "date") {
      // a DATE column: days by date subtraction; every record at midnight
      const days = writer.spec.unixDate(quote(columns.date));
      if (columns.time === true) select.push(`${days} * 86400000 AS t_ms`);
      select.push(`${days} AS day_number`);
    } else {
      const ms = timeExpression(writer, columns.date);
      if (columns.time === true) select.push(`${ms} AS t_ms`);
      select.push(`${dayExpression(writer, ms)} AS day_number`);
    }
  }
  if (columns.amount !== undefined) select.push(`CAST(${quote(columns.amount)} AS ${spec.double}) AS amount`);
  if (writer.rowNumber !== undefined) select.push(`${quote(writer.rowNumber)} AS row_pos`);
  return `lines AS (SELECT ${select.join(", ")} FROM ${writer.relation})`;
}

/**
 * The UTC day number of the `asOf` option of the churn writers (`cohortRetentionSql`,
 * `inactivityRiskSql`), or the InvalidOptionsError their in-memory functions give for a value
 * that is not a date.
 */
export function asOfDayOption(functionName: string, asOf: unknown): number {
  const time = parseDateValue(asOf);
  if (time === undefined) {
    throw argumentError(functionName, "asOf", 'expected a valid date such as "2025-12-31"', asOf);
  }
  return Math.floor(time / MS_PER_DAY);
}

/** A finite number as a SQL numeric literal (day numbers and unit lengths; never NaN/Infinity). */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return Number.isInteger(value) ? String(value) : value.toPrecision(17).replace(/0+$/, "");
}

/** `MIN(row_pos) AS first_row, ` when positions are known, else "". */
export function firstRowSelect(writer: SqlWriter, column = "row_pos"): string {
  return writer.rowNumber === undefined ? "" : `MIN(${column}) AS first_row, `;
}

/** ORDER BY of per-customer results: first record, else customer id. */
export function customerOrder(writer: SqlWriter, prefix = ""): string {
  return writer.rowNumber === undefined ? `ORDER BY ${prefix}customer_id` : `ORDER BY ${prefix}first_row`;
}
