import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  displayRows,
  escapeHtml,
  formatCell,
  formatTable,
  htmlTable,
  TABLE_ROWS,
  withDisplay,
} from "./display.js";

const JUPYTER = Symbol.for("Jupyter.display");
type Bundle = { "text/plain": string; "text/html": string };
const jupyter = (value: object): Bundle => (value as { [JUPYTER]: () => Bundle })[JUPYTER]();

const scores = (count: number) =>
  Object.freeze(
    Array.from({ length: count }, (_, i) => Object.freeze({ customer: `c${i + 1}`, score: i * 1.5 })),
  );

describe("formatCell", () => {
  it("formatCell prints integers in full and other numbers to 6 significant digits", () => {
    expect(formatCell(1234567890)).toBe("1234567890");
    expect(formatCell(0.123456789)).toBe("0.123457");
    expect(formatCell(2 / 3)).toBe("0.666667");
    expect(formatCell(-1.5)).toBe("-1.5");
    expect(formatCell(1e-7 / 3)).toBe("3.33333e-8");
    expect(formatCell(Number.NaN)).toBe("NaN");
    expect(formatCell(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });

  it("formatCell prints missing values as empty and other primitives as text", () => {
    expect(formatCell(null)).toBe("");
    expect(formatCell(undefined)).toBe("");
    expect(formatCell("beer")).toBe("beer");
    expect(formatCell(true)).toBe("true");
    expect(formatCell(10n)).toBe("10");
  });

  it("formatCell prints arrays and typed arrays as sets, nested cells formatted", () => {
    expect(formatCell(["beer", "diapers"])).toBe("{beer, diapers}");
    expect(formatCell([])).toBe("{}");
    expect(formatCell([0.1234567, null])).toBe("{0.123457, }");
    expect(formatCell(new Float64Array([1, 0.5]))).toBe("{1, 0.5}");
  });

  it("formatCell prints dates as UTC calendar dates and never throws on an invalid date", () => {
    expect(formatCell(new Date(Date.UTC(2024, 2, 31, 23, 59)))).toBe("2024-03-31");
    expect(formatCell(new Date(Number.NaN))).toBe("Invalid Date");
  });

  it("formatCell prints plain objects as JSON, falling back when JSON fails", () => {
    expect(formatCell({ a: 1 })).toBe('{"a":1}');
    expect(formatCell({ big: 1n })).toBe("[object Object]");
  });
});

describe("escapeHtml", () => {
  it("escapeHtml escapes the five HTML-special characters, ampersand first", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
    expect(escapeHtml("plain")).toBe("plain");
  });
});

describe("formatTable", () => {
  it("formatTable aligns text left and numbers right under their headers", () => {
    const text = formatTable([
      { item: "beer", support: 0.1 },
      { item: "diapers", support: 0.25 },
    ]);
    expect(text).toBe(["item     support", "beer         0.1", "diapers     0.25"].join("\n"));
  });

  it("formatTable caps the rows and says how many are hidden", () => {
    const lines = formatTable(scores(25)).split("\n");
    expect(lines).toHaveLength(1 + 10 + 1);
    expect(lines[10]).toMatch(/^c10\s+13\.5$/);
    expect(lines[11]).toBe("... 15 more rows");
    expect(formatTable(scores(3), { maxRows: 2 }).split("\n").at(-1)).toBe("... 1 more rows");
    expect(formatTable(scores(10), { maxRows: 10 })).not.toContain("more rows");
  });

  it("formatTable follows the columns option, and shows an empty input plainly", () => {
    expect(formatTable(scores(1), { columns: ["score"] })).toBe("score\n    0");
    expect(formatTable([])).toBe("(no rows)");
  });

  it("formatTable keeps a number column right-aligned when some cells are missing", () => {
    const text = formatTable([
      { name: "a", rate: 0.5 },
      { name: "b", rate: null },
      { name: "c", rate: 12 },
    ]);
    expect(text).toBe(["name  rate", "a      0.5", "b", "c       12"].join("\n"));
  });

  it("formatTable left-aligns a column that mixes numbers and text", () => {
    expect(formatTable([{ v: 1 }, { v: "x" }, { v: 100 }])).toBe(["v", "1", "x", "100"].join("\n"));
  });
});

describe("htmlTable", () => {
  it("htmlTable renders escaped headers and cells, numbers right-aligned", () => {
    expect(htmlTable([{ item: "<beer>", count: 3 }])).toBe(
      '<table><thead><tr><th>item</th><th>count</th></tr></thead><tbody><tr><td>&lt;beer&gt;</td><td style="text-align:right">3</td></tr></tbody></table>',
    );
  });

  it("htmlTable caps rows with a footer spanning every column", () => {
    const html = htmlTable(scores(12), { maxRows: 5 });
    expect(html.match(/<tr>/g)).toHaveLength(1 + 5 + 1);
    expect(html).toContain('<tfoot><tr><td colspan="2">... 7 more rows</td></tr></tfoot>');
  });
});

describe("displayRows", () => {
  it("displayRows returns an array as it is", () => {
    const rows = scores(2);
    expect(displayRows(rows)).toBe(rows);
  });

  it("displayRows returns the rows a result declared with withDisplay", () => {
    const result = withDisplay(
      { customers: scores(3), total: 3 },
      { title: "Scores", rows: (r) => r.customers },
    );
    expect(displayRows(result)).toBe(result.customers);
  });

  it("displayRows is undefined for anything else", () => {
    expect(displayRows({ customers: [] })).toBeUndefined();
    expect(displayRows(null)).toBeUndefined();
    expect(displayRows("rows")).toBeUndefined();
    expect(displayRows(undefined)).toBeUndefined();
  });
});

describe("withDisplay", () => {
  const makeResult = (count = 25) =>
    withDisplay(
      { customers: scores(count), referenceDate: "2024-12-31" },
      {
        title: "Customer <scores>",
        summary: (r) => [`${r.customers.length} customers scored at ${r.referenceDate}`],
        rows: (r) => r.customers,
      },
    );

  it("withDisplay makes util.inspect (the Node REPL) print the title, summary and a capped table", () => {
    const printed = inspect(makeResult());
    const lines = printed.split("\n");
    expect(lines[0]).toBe("Customer <scores>");
    expect(lines[1]).toBe("25 customers scored at 2024-12-31");
    expect(lines[2]).toMatch(/^customer\s+score$/);
    expect(lines[3]).toMatch(/^c1\s+0$/);
    expect(lines.at(-1)).toBe("... 15 more rows");
    expect(lines).toHaveLength(3 + 10 + 1);
    // nested inside another value, the hook is used too
    expect(inspect({ result: makeResult(2) })).toContain("Customer <scores>");
  });

  it("withDisplay honours the columns and maxRows of the spec", () => {
    const result = withDisplay(
      { rows: scores(5) },
      { title: "T", rows: (r) => r.rows, columns: ["score"], maxRows: 2 },
    );
    expect(inspect(result)).toBe(["T", "score", "    0", "  1.5", "... 3 more rows"].join("\n"));
  });

  it("withDisplay gives a notebook bundle: the same plain text, and escaped HTML", () => {
    const result = makeResult(3);
    const bundle = jupyter(result);
    expect(Object.keys(bundle).sort()).toEqual(["text/html", "text/plain"]);
    expect(bundle["text/plain"]).toBe(inspect(result));
    expect(bundle["text/html"]).toMatch(
      /^<div><strong>Customer &lt;scores&gt;<\/strong><div>3 customers scored at 2024-12-31<\/div><table>.*<\/table><\/div>$/,
    );
    expect(bundle["text/html"].match(/<tr>/g)).toHaveLength(4);
  });

  it("withDisplay keeps the result plain data: hooks are hidden from keys, JSON and spreading", () => {
    const result = makeResult(2);
    expect(Object.keys(result)).toEqual(["customers", "referenceDate"]);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ customers: scores(2), referenceDate: "2024-12-31" });
    const copy = { ...result };
    expect(displayRows(copy)).toBeUndefined();
    expect(typeof (result as unknown as Record<symbol, unknown>)[TABLE_ROWS]).toBe("function");
  });

  it("withDisplay freezes the result", () => {
    const result = makeResult(1);
    expect(Object.isFrozen(result)).toBe(true);
    expect(() => {
      (result as { referenceDate: string }).referenceDate = "x";
    }).toThrow(TypeError);
  });

  it("withDisplay prints a result with no rows", () => {
    const result = withDisplay({ rules: [] as object[] }, { title: "Rules", rows: (r) => r.rules });
    expect(inspect(result)).toBe("Rules\n(no rows)");
  });
});
