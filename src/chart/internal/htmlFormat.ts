import { escapeHtml } from "../../core/index.js";
import { capitalized } from "./words.js";

/**
 * Cell and table formatting for the HTML report: numbers with thousands separators and a sensible
 * number of decimals, shares as percentages, camelCase headers as words, solver internals dropped,
 * every string escaped. Internal: `report()` is the public entry.
 */

/** How a report column is formatted. */
export type ColumnFormat = "percent" | "integer" | "number" | "text";

/**
 * Column names that are solver internals (iteration counts, gradient norms, convergence flags):
 * they mean nothing to the reader of a report and are dropped from its tables.
 */
const SOLVER_COLUMN =
  /^(iterations?|gradientnorm|gradient|converged|convergence|message|evaluations|functionevaluations|restarts?|bestrestart|restartinertias|tolerance|loglikelihood|hessian|options|elapsedms|durationms|timems|ms)$/i;

/** Column names whose numbers in [0, 1] are shares, shown as percentages. */
const PERCENT_COLUMN =
  /(share|rate|capture|support|confidence|probability|percent|fraction|precision|recall|accuracy|alive|coverage)/i;

/** True for column names a report never shows (solver internals). */
export function isSolverColumn(name: string): boolean {
  return SOLVER_COLUMN.test(name.replace(/[\s_-]/g, ""));
}

/** "cumulativeCapture" -> "Cumulative capture"; names with spaces or capitals already are kept. */
export function columnLabel(name: string): string {
  if (/\s/.test(name) || !/[a-z][A-Z]/.test(name)) {
    return capitalized(name);
  }
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
  return capitalized(words);
}

/** A cell value reduced to something printable: CRM rates `{ value, numerator, denominator }` to their value. */
function unwrap(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && "value" in value) {
    const inner = (value as { value: unknown }).value;
    if (inner === null || typeof inner === "number") return inner;
  }
  return value;
}

/** Picks a column's format from its name and its (shown) values. */
export function inferColumnFormat(name: string, values: readonly unknown[]): ColumnFormat {
  let numbers = 0;
  let integers = 0;
  let unitInterval = 0;
  for (const raw of values) {
    const value = unwrap(raw);
    if (value === null || value === undefined) continue;
    if (typeof value !== "number") return "text";
    numbers++;
    if (Number.isInteger(value)) integers++;
    if (value >= -1e-12 && value <= 1 + 1e-12) unitInterval++;
  }
  if (numbers === 0) return "text";
  if (PERCENT_COLUMN.test(name) && unitInterval === numbers) return "percent";
  return integers === numbers ? "integer" : "number";
}

const grouped = (value: number, digits: number): string =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The plural ending of a count of `n`: "" for one, "s" for any other number. */
export const plural = (n: number): string => (n === 1 ? "" : "s");

/** A number for a reader: 12,345 / 1,234.5 / 12.35 / 0.123; never "NaN" (shown as "n/a"). */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "n/a";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (Number.isInteger(value)) return grouped(value, 0);
  const size = Math.abs(value);
  if (size >= 1000) return grouped(value, 0);
  if (size >= 100) return grouped(value, 1);
  if (size >= 1) return grouped(value, 2);
  if (size === 0) return "0";
  if (size < 0.001) return value.toExponential(1);
  return String(Number(value.toPrecision(3)));
}

/** A share in [0, 1] as a percentage: 0.2934 -> "29.3%", 0.004 -> "0.40%". */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  const percent = value * 100;
  const digits = Math.abs(percent) < 1 && percent !== 0 ? 2 : 1;
  return `${percent.toFixed(digits)}%`;
}

/**
 * Decimals for a column of non-integers, from the median magnitude of its values, so that a
 * column reads with one precision: 1,234 / 48.6 / 2.35 / 0.123.
 */
export function columnDigits(values: readonly unknown[]): number {
  const sizes: number[] = [];
  for (const raw of values) {
    const value = unwrap(raw);
    if (typeof value === "number" && Number.isFinite(value)) sizes.push(Math.abs(value));
  }
  sizes.sort((a, b) => a - b);
  const typical = sizes[Math.floor((sizes.length - 1) / 2)] ?? 0;
  if (typical >= 1000) return 0;
  if (typical >= 10) return 1;
  if (typical >= 1) return 2;
  return 3;
}

/** A cell as text (not yet escaped); `digits` fixes the decimals of a "number" column. */
export function formatReportCell(raw: unknown, format: ColumnFormat, digits?: number): string {
  const value = unwrap(raw);
  if (value === null || value === undefined) return "–";
  if (typeof value === "number") {
    if (format === "percent") return formatPercent(value);
    if (format === "number" && digits !== undefined && Number.isFinite(value)) return grouped(value, digits);
    return formatNumber(value);
  }
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "bigint") return value.toLocaleString("en-US");
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? "invalid date" : value.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) return value.map((entry) => formatReportCell(entry, "text")).join(", ");
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (entry) => formatNumber(Number(entry))).join(
      ", ",
    );
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Options of {@link renderTable}. */
export interface RenderTableOptions {
  /** Rows shown before "n more rows". */
  readonly maxRows: number;
  /** Accessible name of the scrolling table box. */
  readonly label: string;
  /** Columns in order; default: every key of the shown rows, in first-seen order, minus solver internals. */
  readonly columns?: readonly string[] | undefined;
}

/**
 * Rows as an escaped HTML table inside a horizontally scrolling box; numbers right-aligned,
 * shares as percentages, capped at `maxRows` with a "n more rows" note. Empty string for no rows.
 */
export function renderTable(rows: readonly object[], options: RenderTableOptions): string {
  if (rows.length === 0) return "";
  const shown = rows.slice(0, options.maxRows) as readonly Record<string, unknown>[];
  let columns = options.columns;
  if (columns === undefined) {
    const seen = new Set<string>();
    for (const row of shown) for (const key of Object.keys(row)) if (!isSolverColumn(key)) seen.add(key);
    columns = [...seen];
  }
  if (columns.length === 0) return "";
  const plans = columns.map((name) => {
    const values = shown.map((row) => row[name]);
    const format = inferColumnFormat(name, values);
    return { name, format, digits: format === "number" ? columnDigits(values) : undefined };
  });
  // Numbers (and percentages) right-aligned, in header and cells alike.
  const align = (format: ColumnFormat) => (format === "text" ? "" : ' class="num"');
  const head = plans
    .map(({ name, format }) => `<th scope="col"${align(format)}>${escapeHtml(columnLabel(name))}</th>`)
    .join("");
  const cells = (row: Record<string, unknown>) =>
    plans
      .map(({ name, format, digits }) => {
        const text = escapeHtml(formatReportCell(row[name], format, digits));
        return `<td${align(format)}>${text}</td>`;
      })
      .join("");
  const body = shown.map((row) => `<tr>${cells(row)}</tr>`).join("");
  const hidden = rows.length - shown.length;
  const more =
    hidden > 0
      ? `<p class="more">… and ${formatNumber(hidden)} more row${plural(hidden)} (${formatNumber(rows.length)} in all)</p>`
      : "";
  return `<div class="table-wrap" role="region" aria-label="${escapeHtml(options.label)}" tabindex="0"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`;
}
