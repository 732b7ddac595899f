import { escapeHtml } from "../../core/index.js";

/**
 * The page around a report: one HTML document with its CSS inline (no fonts, scripts or images
 * fetched), a viewport meta tag, a layout that never gets wider than a 390 px phone screen (tables
 * scroll inside their own box, charts shrink) and print rules for clean PDF pages. Internal.
 */

/** The report's stylesheet (screen and print). */
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1d2430;--muted:#5b6472;--rule:#d9dde3;--band:#f4f6f8;--accent:#0072B2}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;color:var(--ink);background:#fff;overflow-wrap:anywhere}
main{max-width:80rem;margin:0 auto;padding:1.25rem 1rem 3rem}
header.report-head{border-bottom:3px solid var(--accent);margin-bottom:1.5rem;padding-bottom:.75rem}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .35rem}
h2{font-size:1.3rem;line-height:1.25;margin:0 0 .6rem}
.subtitle,.generated{color:var(--muted);margin:.2rem 0}
nav.toc ol{margin:.5rem 0 0;padding-left:1.4rem}
nav.toc a{color:var(--accent)}
section.report-section{margin:2.25rem 0;padding-top:1rem;border-top:1px solid var(--rule)}
.narrative p{margin:.4rem 0;max-width:48rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-start;margin:1rem 0}
figure.chart{margin:0;padding:0;min-width:0;max-width:100%;flex:1 1 30rem}
figure.chart svg{display:block;max-width:100%;height:auto}
.table-wrap{width:fit-content;max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch;margin:1rem 0 .25rem;border:1px solid var(--rule);border-radius:4px}
.table-wrap:focus{outline:2px solid var(--accent);outline-offset:2px}
table{border-collapse:collapse;font-size:.875rem;overflow-wrap:normal}
th,td{padding:.35rem .6rem;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{background:var(--band);font-weight:600;white-space:nowrap}
td{max-width:22rem}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
p.more{color:var(--muted);font-size:.85rem;margin:.25rem 0 0}
footer.report-foot{color:var(--muted);font-size:.8rem;margin-top:3rem;border-top:1px solid var(--rule);padding-top:.5rem}
@media (max-width:480px){main{padding:1rem .75rem 2rem}h1{font-size:1.4rem}h2{font-size:1.15rem}th,td{padding:.3rem .45rem}}
@media print{
  @page{margin:16mm 14mm}
  body{font-size:10.5pt;color:#000}
  main{max-width:none;padding:0}
  nav.toc{display:none}
  section.report-section{break-before:page;page-break-before:always;border-top:none;margin:0;padding-top:0}
  section.report-section:first-of-type{break-before:auto;page-break-before:auto}
  h2{break-after:avoid;page-break-after:avoid}
  figure.chart{break-inside:avoid;page-break-inside:avoid}
  figure.chart svg{max-height:120mm;width:auto}
  .table-wrap{overflow:visible;border:none;width:auto}
  table{width:100%;min-width:0;font-size:8.5pt;table-layout:auto}
  th,td{white-space:normal;overflow-wrap:anywhere;max-width:none;padding:.2rem .35rem}
  thead{display:table-header-group}
  tr{break-inside:avoid;page-break-inside:avoid}
  a{color:inherit;text-decoration:none}
}
`
  .trim()
  .replace(/\n\s*/g, "");

/** Parts of a report page. */
export interface PageParts {
  /** The document's language tag (checked by the caller). */
  readonly lang: string;
  /** Plain text (escaped here), as are the subtitle and the footer; undefined shows none. */
  readonly title: string;
  readonly subtitle: string | undefined;
  readonly footer: string | undefined;
  /** HTML: the table of contents ("" for none) and the sections. */
  readonly toc: string;
  readonly sections: readonly string[];
}

/** The whole document. A restrictive CSP meta tag forbids scripts and any fetch, as a second line of defence. */
export function pageHtml(parts: PageParts): string {
  const title = escapeHtml(parts.title);
  return [
    "<!doctype html>",
    `<html lang="${parts.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="generator" content="clientele report()">',
    `<title>${title}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<header class="report-head"><h1>${title}</h1>${
      parts.subtitle === undefined ? "" : `<p class="subtitle">${escapeHtml(parts.subtitle)}</p>`
    }</header>`,
    parts.toc,
    ...parts.sections,
    parts.footer === undefined ? "" : `<footer class="report-foot">${escapeHtml(parts.footer)}</footer>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
