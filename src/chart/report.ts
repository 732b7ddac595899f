import { escapeHtml, InvalidOptionsError } from "../core/index.js";
import { withMissingDefaults } from "../core/internal/defaults.js";
import { checkOptions, custom, nullable, numeric, text } from "../core/internal/optionRules.js";
import { expected } from "../core/internal/optionWords.js";
import { chart, hasChart } from "./chart.js";
import { renderTable } from "./internal/htmlFormat.js";
import { narrativeOf } from "./internal/htmlNarrative.js";
import { pageHtml } from "./internal/htmlPage.js";
import { rowsOf } from "./internal/htmlRows.js";
import { inlineSvg } from "./internal/htmlSvg.js";
import { toSvg } from "./toSvg.js";

/**
 * A chart in a report section: a Vega-Lite specification (rendered with `toSvg`) or an SVG string.
 *
 * @example
 * ```ts
 * const spend = [120, 80, 40, 30, 10];
 * const nps = netPromoterScore([10, 9, 8, 3, 10]);
 * const charts: ReportChart[] = [lorenzChart(lorenzCurve(spend)), await toSvg(npsChart(nps))];
 * charts.map((c) => typeof c); // => ["object", "string"] (a specification, an SVG string)
 * ```
 */
export type ReportChart = { readonly [key: string]: unknown } | string;

/**
 * One section of a {@link report}: a heading, what a reader should notice, charts and a table.
 *
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, { customer: "customerId", date: "date", amount: "amount", asOf: store.planted.end });
 * const revenueByCustomer = rfm.monetary;
 * const section: ReportSection = {
 *   title: "Revenue concentration",
 *   result: paretoAnalysis(revenueByCustomer),
 *   chart: lorenzChart(paretoAnalysis(revenueByCustomer)),
 * };
 *
 * // the narrative and the ABC table come from `result`:
 * (await report([section])).includes("<p>29% of customers (292 of 1,000) hold 80% of revenue.</p>"); // => true
 * ```
 */
export interface ReportSection {
  /** Heading of the section (plain text; escaped). */
  readonly title: string;
  /**
   * A clientele result (e.g. from `paretoAnalysis`, `rfmSegments`, `associationRules`,
   * `evaluateScores`, `plsPathModel`, `complaintSummary`). It supplies the default narrative and
   * table, and the default chart when `chart()` draws it.
   */
  readonly result?: unknown;
  /**
   * Charts: Vega-Lite specifications (rendered to inline SVG by `toSvg`) or SVG strings, one or
   * several. `null` shows none; default: the chart `chart(result)` draws, when there is one.
   */
  readonly chart?: ReportChart | readonly ReportChart[] | null;
  /** Table rows (records); `null` shows none; default: the summary rows of `result`. */
  readonly table?: readonly object[] | null;
  /** Columns of the table, in order; default: the keys of its rows without solver internals. */
  readonly columns?: readonly string[];
  /** Paragraphs of text (plain text; escaped); default: written from the numbers of `result`. */
  readonly narrative?: string | readonly string[];
  /** Table rows shown before "n more rows"; default: the report's `maxRows`. */
  readonly maxRows?: number;
}

/**
 * Options of {@link report}.
 *
 * @example
 * ```ts
 * const options: ReportOptions = { title: "Q3 customer review", subtitle: "Store data to 30 September", maxRows: 10 };
 * ```
 */
export interface ReportOptions {
  /**
   * Title of the page (plain text; escaped).
   * @defaultValue `"Customer analytics report"`
   */
  readonly title?: string;
  /** A line under the title, e.g. the data's period (plain text; escaped). */
  readonly subtitle?: string;
  /**
   * Table rows shown per section before "n more rows".
   * @defaultValue 12
   */
  readonly maxRows?: number;
  /**
   * Language of the document (`<html lang>`), a BCP 47 tag.
   * @defaultValue `"en"`
   */
  readonly lang?: string;
  /**
   * Show a table of contents when there are at least this many sections.
   * @defaultValue 4
   */
  readonly tocFrom?: number;
  /**
   * Footer text (plain text; escaped); `null` for none.
   * @defaultValue `"Built with clientele."`
   */
  readonly footer?: string | null;
}

const reportOptionsShape = {
  title: text(500),
  subtitle: text(2000),
  maxRows: numeric({ whole: true, gte: 0, lte: 100_000 }),
  lang: custom<string>("a language tag such as en or en-GB", (value) =>
    typeof value !== "string"
      ? expected("a string", value)
      : /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(value)
        ? undefined
        : "expected a language tag such as en or en-GB",
  ),
  tocFrom: numeric({ whole: true, gte: 0 }),
  footer: nullable(text(2000)),
};

const NAME = "report";

/** The fields a section may have, in the order an unknown field's message lists them. */
const SECTION_FIELDS = new Set(["title", "result", "chart", "table", "columns", "narrative", "maxRows"]);

const EXPECTED_CHART = "expected a Vega-Lite spec object or an SVG string";

/** The error of a malformed section or argument: one issue at `path`. */
const invalid = (path: string, message: string, received: unknown) =>
  new InvalidOptionsError(NAME, [{ path, message, received }]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isTextList = (value: unknown): boolean =>
  Array.isArray(value) && value.every((entry) => typeof entry === "string");

/** A section's charts as a list: none for undefined or null, one for a single chart. */
function listed(chart: unknown): readonly unknown[] {
  if (chart === undefined || chart === null) return [];
  return Array.isArray(chart) ? chart : [chart];
}

/** The field of a section's `j`-th chart in error messages: `chart[j]` when it gave a list, else `chart`. */
const chartField = (chart: unknown, j: number) => (Array.isArray(chart) ? `chart[${j}]` : "chart");

/** Checks one section's shape; every problem names `sections[i].field`. */
function checkSection(section: unknown, i: number): ReportSection {
  const path = `sections[${i}]`;
  const fail = (field: string, message: string, received: unknown): never => {
    throw invalid(`${path}.${field}`, message, received);
  };
  if (!isRecord(section)) {
    throw invalid(path, "expected a section object { title, result?, chart?, table?, narrative? }", section);
  }
  for (const key of Object.keys(section)) {
    if (!SECTION_FIELDS.has(key)) {
      fail(key, `unknown section field (known: ${[...SECTION_FIELDS].join(", ")})`, section[key]);
    }
  }
  if (typeof section.title !== "string") fail("title", "expected a string", section.title);
  listed(section.chart).forEach((entry, j) => {
    if (typeof entry !== "string" && !isRecord(entry))
      fail(chartField(section.chart, j), EXPECTED_CHART, entry);
  });
  if (section.table !== undefined && section.table !== null) {
    if (!Array.isArray(section.table)) fail("table", "expected an array of records or null", section.table);
    (section.table as unknown[]).forEach((row, j) => {
      if (!isRecord(row)) fail(`table[${j}]`, "expected a record", row);
    });
  }
  if (section.columns !== undefined && !isTextList(section.columns)) {
    fail("columns", "expected an array of column names", section.columns);
  }
  if (
    section.narrative !== undefined &&
    typeof section.narrative !== "string" &&
    !isTextList(section.narrative)
  ) {
    fail("narrative", "expected a string or an array of strings", section.narrative);
  }
  if (
    section.maxRows !== undefined &&
    (!Number.isInteger(section.maxRows) || (section.maxRows as number) < 0)
  ) {
    fail("maxRows", "expected an integer of at least 0", section.maxRows);
  }
  return section as unknown as ReportSection;
}

/** The accessible name of a chart: its Vega-Lite title when it has one, else the section title. */
function chartLabel(chart: ReportChart, fallback: string): string {
  if (typeof chart === "object") {
    const title = chart.title;
    if (typeof title === "string") return title;
    if (title !== null && typeof title === "object") {
      const text = (title as { text?: unknown }).text;
      if (typeof text === "string") return text;
      if (Array.isArray(text)) return text.join(" ");
    }
  }
  return fallback;
}

/** Paragraphs of a narrative given as text (blank lines separate paragraphs) or as an array. */
function paragraphs(narrative: string | readonly string[]): string[] {
  const list = typeof narrative === "string" ? narrative.split(/\n\s*\n/) : [...narrative];
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** The charts a section shows: its own, else the chart `chart(result)` draws for its result (if any). */
function chartsOf(section: ReportSection): readonly ReportChart[] {
  if (section.chart !== undefined) return listed(section.chart) as readonly ReportChart[];
  return section.result !== undefined && hasChart(section.result) ? [chart(section.result)] : [];
}

/** `svg` ready to inline (see inlineSvg); a string without an `<svg>` element is a malformed chart at `path`. */
function inlineChart(svg: string, prefix: string, label: string, path: string): string {
  try {
    return inlineSvg(svg, prefix, label);
  } catch (error) {
    throw invalid(path, `${EXPECTED_CHART} (${(error as Error).message})`, svg.slice(0, 80));
  }
}

/** `<div class="name">` around the parts, or nothing for no parts. */
const block = (name: string, parts: readonly string[]) =>
  parts.length === 0 ? "" : `<div class="${name}">${parts.join("")}</div>`;

/**
 * One section's HTML: its heading, narrative, charts (inline SVG; `nextChartPrefix` gives each chart
 * of the page its own id prefix) and table; what the section does not give comes from its result.
 */
async function renderSection(
  section: ReportSection,
  i: number,
  maxRows: number,
  nextChartPrefix: () => string,
): Promise<string> {
  const anchor = `section-${i + 1}`;
  const hasResult = section.result !== undefined;
  const narrative = paragraphs(section.narrative ?? (hasResult ? narrativeOf(section.result) : []));
  const figures: string[] = [];
  for (const [j, entry] of chartsOf(section).entries()) {
    const svg = typeof entry === "string" ? entry : await toSvg(entry);
    const path = `sections[${i}].${chartField(section.chart, j)}`;
    const inline = inlineChart(svg, nextChartPrefix(), chartLabel(entry, section.title), path);
    figures.push(`<figure class="chart">${inline}</figure>`);
  }
  const rows = section.table === null ? [] : (section.table ?? (hasResult ? rowsOf(section.result) : []));
  const table = renderTable(rows, {
    maxRows: section.maxRows ?? maxRows,
    label: `${section.title}: table`,
    columns: section.columns,
  });
  const heading = `<h2 id="${anchor}-title">${escapeHtml(section.title)}</h2>`;
  const text = narrative.map((p) => `<p>${escapeHtml(p)}</p>`);
  return `<section class="report-section" id="${anchor}" aria-labelledby="${anchor}-title">${heading}${block("narrative", text)}${block("charts", figures)}${table}</section>`;
}

/** The table of contents: a link to every section. */
const tableOfContents = (sections: readonly ReportSection[]) =>
  `<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>${sections
    .map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(s.title)}</a></li>`)
    .join("")}</ol></nav>`;

/**
 * Builds a report an analyst can hand on: ONE self-contained HTML document (a string) with, per
 * section, a heading, a short narrative that says what the numbers mean, charts as inline SVG and a
 * formatted table. Nothing is fetched when it opens (CSS inline, no scripts, fonts or images; a
 * Content-Security-Policy forbids them), it fits a 390 px phone screen (tables scroll in their own
 * box, charts shrink) and "print to PDF" gives one section per page with whole tables.
 *
 * Per section, what is not given comes from `result`: the narrative is written from the numbers
 * of known results (paretoAnalysis: "29% of customers hold 80% of revenue"; rfmSegments: the
 * biggest segment and the at-risk share; associationRules: the strongest rule by lift in words;
 * likewise lorenzCurve, rfmScores, valueTiers, customerLifetimeValue, calibrationHoldoutSummary,
 * chooseK, segmentProfiles, kMeans, evaluateScores / evaluateChurnModel, inactivityRisk,
 * trainChurnModel, significantRules (and arrays of rules), itemFrequencies, plsPathModel, bootstrap, importancePerformanceGrid,
 * netPromoterScore, kano, complaintSummary and serviceKpis); the table is the result's summary
 * (segments, the strongest rules, gains by decile; capped at `maxRows` with "n more rows"), with
 * right-aligned numbers, shares as percentages and no solver internals (iteration counts,
 * convergence flags, gradient norms). The chart is drawn by `chart(result)` where it has a chart.
 *
 * Every user string (titles, narratives, item names, customer ids, segment labels, table cells) is
 * HTML-escaped; SVG strings are reduced to drawing elements (no script, event handlers, links,
 * styles or external references) and their ids are made unique per chart.
 *
 * @param sections - the sections, in order
 * @param options - page title, subtitle, rows per table, language, table of contents, footer
 * @returns the HTML document
 * @throws InvalidOptionsError when a section or an option is malformed (naming `sections[i].field`),
 *   or a chart string is not SVG
 * @throws ChartRendererMissingError when a section has a Vega-Lite chart and `vega`/`vega-lite` are not installed
 * @example
 * ```ts
 * const rfm = rfmTable(store.orderLines, { customer: "customerId", date: "date", amount: "amount", asOf: store.planted.end });
 * const html = await report(
 *   [
 *     { title: "Revenue concentration", result: paretoAnalysis(rfm.monetary) },
 *     { title: "RFM segments", result: rfmSegments(rfmScores(rfm)) },
 *   ],
 *   { title: "Customer review" },
 * );
 * html.startsWith("<!doctype html>"); // => true
 *
 * // save it with node:fs (`writeFileSync("review.html", html)`) and open it in a browser
 * ```
 */
export async function report(
  sections: readonly ReportSection[],
  options: ReportOptions = {},
): Promise<string> {
  if (!Array.isArray(sections)) throw invalid("sections", "expected an array of sections", sections);
  const defaults = {
    title: "Customer analytics report",
    maxRows: 12,
    lang: "en",
    tocFrom: 4,
    footer: "Built with clientele.",
  };
  // withMissingDefaults: a footer of null (none) stays null.
  const { title, subtitle, maxRows, lang, tocFrom, footer } = withMissingDefaults(
    checkOptions(NAME, reportOptionsShape, options),
    defaults,
  );
  const checked = sections.map(checkSection);
  let charts = 0;
  const nextChartPrefix = () => `c${++charts}-`;
  const rendered: string[] = [];
  for (const [i, section] of checked.entries()) {
    rendered.push(await renderSection(section, i, maxRows, nextChartPrefix));
  }
  return pageHtml({
    lang,
    title,
    subtitle,
    footer: footer ?? undefined,
    toc: checked.length >= tocFrom && checked.length > 0 ? tableOfContents(checked) : "",
    sections: rendered,
  });
}
