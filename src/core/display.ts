import { argumentError } from "./internal/arguments.js";
import { loadNotebookChart, type NotebookKernel, notebookKernel } from "./internal/notebookChart.js";
import { assertRecordArray } from "./records.js";

/**
 * Readable output for results in a Node REPL (`util.inspect.custom`), a Deno
 * Jupyter notebook (`Symbol.for("Jupyter.display")`) and the arquero adapter
 * (`toTable`). Results stay plain objects; the display hooks are
 * non-enumerable so `JSON.stringify` and spreading ignore them.
 */

/** Key under which a result exposes its main table of rows to `toTable`. */
export const TABLE_ROWS: unique symbol = Symbol.for("clientele.tableRows") as never;

const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const JUPYTER = Symbol.for("Jupyter.display");
/** Key under which a result gives its notebook table bundle without drawing anything (used by chartDisplay). */
export const TABLE_BUNDLE: unique symbol = Symbol.for("clientele.tableBundle") as never;

/** Shows the result's chart (when it has one) as its own output above the table the hook returns. */
async function chartAboveTable(
  result: object,
  table: Record<string, string>,
  kernel: NotebookKernel,
): Promise<Record<string, string>> {
  const provider = await loadNotebookChart();
  if (provider?.hasChart(result)) {
    const spec = provider.notebookSpec(result);
    await kernel.display(
      { "application/vnd.vegalite.v5+json": spec, "text/plain": table["text/plain"]?.split("\n")[0] ?? "" },
      { raw: true },
    );
  }
  return table;
}

/** How a result is shown. */
export interface DisplaySpec<R> {
  /** A heading such as `"Association rules"`. */
  readonly title: string;
  /** Lines printed under the title, e.g. `"5668 rules from 9835 transactions"`. */
  readonly summary?: (result: R) => readonly string[];
  /** The main rows of the result (records with primitive values). */
  readonly rows: (result: R) => readonly object[];
  /** Columns to show, in order; default: keys of the first row. */
  readonly columns?: readonly string[];
  /** Rows printed before "... n more"; default 10. */
  readonly maxRows?: number;
}

/**
 * Attaches REPL, notebook and table hooks to a result object and freezes it.
 * The hooks are non-enumerable: the object still prints as JSON, spreads and
 * compares as plain data.
 *
 * @example
 * ```ts
 * const result = withDisplay({ rows: [{ id: "a", score: 1 }] }, {
 *   title: "Scores",
 *   rows: (r) => r.rows,
 * });
 * Object.keys(result); // => ["rows"] (the hooks are non-enumerable; in a Node REPL `result` prints as a table titled "Scores")
 * ```
 * @throws InvalidOptionsError when `result` is not an extensible object or `spec` lacks a string `title` and a `rows` function
 */
export function withDisplay<R extends object>(result: R, spec: DisplaySpec<R>): Readonly<R> {
  const refuse = (path: string, message: string, value: unknown) =>
    argumentError("withDisplay", path, message, value);
  if (typeof result !== "object" || result === null || !Object.isExtensible(result)) {
    throw refuse("result", "expected an object that is not frozen or sealed", result);
  }
  if (typeof spec !== "object" || spec === null) {
    throw refuse("spec", "expected { title, rows, summary?, columns?, maxRows? }", spec);
  }
  if (typeof spec.title !== "string") throw refuse("spec.title", "expected a string", spec.title);
  if (typeof spec.rows !== "function") {
    throw refuse("spec.rows", "expected a function returning the rows", spec.rows);
  }
  if (spec.summary !== undefined && typeof spec.summary !== "function") {
    throw refuse("spec.summary", "expected a function or undefined", spec.summary);
  }
  checkTableOptions("withDisplay", "spec.", spec);
  /** The plain-text display, and with `html` the notebook bundle of text and HTML. */
  function render(html: true): Record<string, string>;
  function render(html: false): string;
  function render(html: boolean): string | Record<string, string> {
    const rows = spec.rows(result);
    const summary = spec.summary?.(result) ?? [];
    const table = { columns: spec.columns, maxRows: spec.maxRows ?? 10 };
    const text = [spec.title, ...summary, formatTable(rows, table)].join("\n");
    return html
      ? {
          "text/plain": text,
          "text/html": `<div><strong>${escapeHtml(spec.title)}</strong>${summary
            .map((line) => `<div>${escapeHtml(line)}</div>`)
            .join("")}${htmlTable(rows, table)}</div>`,
        }
      : text;
  }
  const tableBundle = () => render(true);
  // defineProperties makes them non-enumerable (and read-only) by default
  Object.defineProperties(result, {
    [TABLE_ROWS]: { value: () => spec.rows(result) },
    [INSPECT]: { value: () => render(false) },
    [TABLE_BUNDLE]: { value: tableBundle },
    [JUPYTER]: {
      // In Deno's Jupyter kernel (which awaits this hook) the chart is shown first, as its own output, then
      // the table; elsewhere the hook returns the table bundle synchronously.
      value: () => {
        const kernel = notebookKernel();
        return kernel === undefined ? tableBundle() : chartAboveTable(result, tableBundle(), kernel);
      },
    },
  });
  return Object.freeze(result);
}

/** Options of {@link formatTable} and {@link htmlTable}. */
export interface TableFormatOptions {
  /** Columns in order; default: keys of the first row. */
  readonly columns?: readonly string[] | undefined;
  /** Rows shown before "... n more rows"; default 10. */
  readonly maxRows?: number;
}

/**
 * Formats a cell: numbers to at most 6 significant digits (integers in full),
 * arrays and typed arrays as `{a, b}`, dates as `YYYY-MM-DD` (UTC; an invalid
 * date as "Invalid Date"), other objects as JSON (or `String(value)` when JSON
 * fails, e.g. a bigint inside), null and undefined as empty. Never throws.
 *
 * @example
 * ```ts
 * formatCell(0.123456789); // => "0.123457"
 * formatCell(["beer", "diapers"]); // => "{beer, diapers}"
 * ```
 */
export function formatCell(value: unknown): string {
  if (value == null) return "";
  // integers in full; 6 significant digits for other finite numbers
  if (typeof value === "number")
    return String(Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value);
  if (Array.isArray(value)) return `{${value.map(formatCell).join(", ")}}`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return formatCell(Array.from(value as unknown as ArrayLike<unknown>));
  }
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      // not JSON (a bigint or a cycle inside): String(value), as for the other values
    }
  }
  return String(value);
}

/**
 * Renders rows as an aligned plain-text table, numbers right-aligned, capped at
 * `maxRows` with a "... n more rows" line.
 *
 * @example
 * ```ts
 * formatTable([{ item: "beer", support: 0.1 }, { item: "diapers", support: 0.25 }]);
 * // => "item     support\nbeer         0.1\ndiapers     0.25"
 * ```
 * @throws InvalidOptionsError when `rows` is not an array or `options` has bad `columns` / `maxRows`
 * @throws InvalidRecordError when a row is not an object
 */
export function formatTable(rows: readonly object[], options: TableFormatOptions = {}): string {
  const { shown, columns, more } = tableLayout("formatTable", rows, options);
  if (rows.length === 0) return "(no rows)";
  const cells = shown.map((row) => columns.map((column) => formatCell(row[column])));
  const numeric = columns.map((column) => isNumericColumn(shown, column));
  const widths = columns.map((column, j) =>
    Math.max(column.length, ...cells.map((line) => line[j]?.length ?? 0)),
  );
  const pad = (text: string, j: number) =>
    numeric[j] ? text.padStart(widths[j] as number) : text.padEnd(widths[j] as number);
  const lines = [
    columns.map(pad).join("  ").trimEnd(),
    ...cells.map((line) => line.map(pad).join("  ").trimEnd()),
  ];
  if (more !== "") lines.push(more);
  return lines.join("\n");
}

/**
 * Checks the arguments of {@link formatTable} / {@link htmlTable}; the rows shown, the columns and the
 * "... n more rows" line ("" when every row is shown).
 */
function tableLayout(
  functionName: string,
  rows: readonly object[],
  options: TableFormatOptions,
): { shown: readonly Record<string, unknown>[]; columns: readonly string[]; more: string } {
  assertRecordArray(rows, functionName, "rows");
  checkTableOptions(functionName, "", options);
  const maxRows = options.maxRows ?? 10;
  return {
    shown: rows.slice(0, maxRows) as readonly Record<string, unknown>[],
    // every row is an object (checked above): the first one's keys, or none
    columns: options.columns ?? Object.keys(rows[0] ?? {}),
    more: rows.length > maxRows ? `... ${rows.length - maxRows} more rows` : "",
  };
}

/** A column is right-aligned when its shown cells are numbers or missing (null/undefined), with at least one number. */
function isNumericColumn(rows: readonly Record<string, unknown>[], column: string): boolean {
  let numbers = 0;
  for (const row of rows) {
    const value = row[column];
    if (typeof value === "number") numbers++;
    else if (value !== null && value !== undefined) return false;
  }
  return numbers > 0;
}

/**
 * Renders rows as an HTML table (escaped), capped like {@link formatTable}.
 *
 * @example
 * ```ts
 * htmlTable([{ item: "beer" }]); // => "<table><thead><tr><th>item</th></tr></thead><tbody><tr><td>beer</td></tr></tbody></table>"
 * ```
 * @throws InvalidOptionsError when `rows` is not an array or `options` has bad `columns` / `maxRows`
 * @throws InvalidRecordError when a row is not an object
 */
export function htmlTable(rows: readonly object[], options: TableFormatOptions = {}): string {
  const { shown, columns, more } = tableLayout("htmlTable", rows, options);
  const head = `<thead><tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
  const body = shown
    .map(
      (row) =>
        `<tr>${columns
          .map((c) => {
            const value = row[c];
            const align = typeof value === "number" ? ' style="text-align:right"' : "";
            return `<td${align}>${escapeHtml(formatCell(value))}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  const foot = more === "" ? "" : `<tfoot><tr><td colspan="${columns.length}">${more}</td></tr></tfoot>`;
  return `<table>${head}<tbody>${body}</tbody>${foot}</table>`;
}

/**
 * Escapes `& < > " '` for HTML text and attributes.
 *
 * @example
 * ```ts
 * escapeHtml("<b>"); // => "&lt;b&gt;"
 * ```
 * @throws InvalidOptionsError when `text` is not a string
 */
export function escapeHtml(text: string): string {
  if (typeof text !== "string") throw argumentError("escapeHtml", "text", "expected a string", text);
  return text.replace(/[&<>"']/g, (c) => `&${HTML_ENTITIES[c]};`);
}

/** The entity names of the characters {@link escapeHtml} escapes. */
const HTML_ENTITIES: Record<string, string> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" };

/**
 * The main rows of a clientele result (what `toTable` and the notebook show),
 * or the array itself when given an array of records; `undefined` otherwise.
 *
 * @example
 * ```ts
 * displayRows(withDisplay({ rules: [{ lift: 2 }] }, { title: "Rules", rows: (r) => r.rules })); // => [{ lift: 2 }]
 * displayRows([{ a: 1 }]); // => [{ a: 1 }]
 * displayRows(42); // => undefined
 * ```
 */
export function displayRows(value: unknown): readonly object[] | undefined {
  if (Array.isArray(value)) return value as readonly object[];
  if (value !== null && typeof value === "object") {
    const rows = (value as { [TABLE_ROWS]?: () => readonly object[] })[TABLE_ROWS];
    if (typeof rows === "function") return rows();
  }
  return undefined;
}

/** Checks `columns` (an array of strings, or undefined) and `maxRows` (an integer >= 0, or undefined). */
function checkTableOptions(
  functionName: string,
  prefix: string,
  options: { readonly columns?: readonly string[] | undefined; readonly maxRows?: number | undefined },
): void {
  if (typeof options !== "object" || options === null) {
    throw argumentError(functionName, "options", "expected an options object", options);
  }
  const { columns, maxRows } = options;
  if (columns !== undefined && (!Array.isArray(columns) || columns.some((c) => typeof c !== "string"))) {
    throw argumentError(functionName, `${prefix}columns`, "expected an array of column names", columns);
  }
  if (maxRows !== undefined && (!Number.isInteger(maxRows) || (maxRows as number) < 0)) {
    throw argumentError(functionName, `${prefix}maxRows`, "expected an integer of at least 0", maxRows);
  }
}
