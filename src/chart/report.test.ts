import { describe, expect, it } from "vitest";
import type { AssociationRule, AssociationRulesResult } from "../basket/index.js";
import { evaluateScores } from "../churn/index.js";
import { InvalidOptionsError } from "../core/index.js";
import type { ComplaintSummaryResult } from "../crm/index.js";
import { netPromoterScore } from "../satisfaction/index.js";
import type { SegmentProfilesResult } from "../segment/index.js";
import { generateStore } from "../store/index.js";
import type { RfmSegmentsResult } from "../value/index.js";
import { lorenzCurve, paretoAnalysis, rfmScores, rfmSegments, rfmTable } from "../value/index.js";
import { report } from "./report.js";

/** The text of the first element with `class="narrative"` (tags removed, entities of quotes decoded). */
function narrativeText(html: string): string {
  const match = /<div class="narrative">([\s\S]*?)<\/div>/.exec(html);
  return (match?.[1] ?? "")
    .replace(/<\/p><p>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

const rule = (fields: Partial<AssociationRule>): AssociationRule => fields as AssociationRule;

describe("report: the page", () => {
  it("is one HTML document with a viewport meta tag, inline CSS with print rules, and nothing to fetch", async () => {
    const html = await report([{ title: "Numbers", table: [{ a: 1 }] }], { title: "Q3 review" });
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("<title>Q3 review</title>");
    expect(html).toMatch(/@media print\{[\s\S]*break-before:page/);
    expect(html).toContain(".table-wrap{width:fit-content;max-width:100%;overflow-x:auto");
    expect(html).toContain("figure.chart svg{display:block;max-width:100%;height:auto}");
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
  });

  it("adds a table of contents from four sections on", async () => {
    const three = await report([{ title: "a" }, { title: "b" }, { title: "c" }]);
    const four = await report([{ title: "a" }, { title: "b" }, { title: "c" }, { title: "d" }]);
    expect(three).not.toContain('<nav class="toc"');
    expect(four).toContain('<li><a href="#section-4">d</a></li>');
  });
});

describe("report: narratives from the numbers", () => {
  it("paretoAnalysis: the share of customers holding 80% of revenue", async () => {
    // 60 + 30 = 90 >= 80% of 100: the core is 2 of 3 customers (67%) holding 90%.
    const html = await report([{ title: "Pareto", result: paretoAnalysis([60, 30, 10]), chart: null }]);
    expect(narrativeText(html)).toContain("67% of customers (2 of 3) hold 90% of revenue.");
    // The ABC table shows shares as percentages, right-aligned.
    expect(html).toContain('<td class="num">66.7%</td>');
  });

  it("rfmSegments: the biggest segment and the at-risk share", async () => {
    const result = {
      customers: [],
      segments: [
        { segment: "Champions", customers: 20, share: 0.2, monetaryShare: 0.5 },
        { segment: "Lost", customers: 50, share: 0.5, monetaryShare: 0.1 },
        { segment: "At Risk", customers: 25, share: 0.25, monetaryShare: 0.3 },
        { segment: "Can't Lose Them", customers: 5, share: 0.05, monetaryShare: 0.1 },
        { segment: "Promising", customers: 0, share: 0, monetaryShare: 0 },
      ],
      options: { scheme: "rfm-package", match: "first", fallback: "Others" },
    } as unknown as RfmSegmentsResult;
    const text = narrativeText(await report([{ title: "RFM", result }]));
    expect(text).toContain(
      'The biggest segment is "Lost": 50 customers (50% of 100), bringing 10% of revenue.',
    );
    expect(text).toContain('"Champions" brings the most revenue: 50% from 20% of customers.');
    // At risk = At Risk + Can't Lose Them: 30 of 100 customers, 0.3 + 0.1 of revenue.
    expect(text).toContain("30% of customers holding 40% of revenue");
  });

  it("recognises real rfmSegments results (the store's customers)", async () => {
    const store = generateStore({ seed: 3, customers: 120 });
    const table = rfmTable(store.orderLines, {
      customer: "customerId",
      date: "date",
      amount: "amount",
      order: "orderId",
      asOf: store.planted.end,
    });
    const html = await report([{ title: "RFM", result: rfmSegments(rfmScores(table)) }]);
    expect(narrativeText(html)).toMatch(/^The biggest segment is "[^"]+": \d+ customers/);
    expect(html).toContain('<th scope="col" class="num">Revenue share</th>');
  });

  it("associationRules: the strongest rule by lift, in words", async () => {
    const result = {
      rules: [
        rule({
          antecedent: ["bread"],
          consequent: ["butter"],
          support: 0.2,
          confidence: 0.5,
          lift: 1.25,
          count: 20,
          consequentSupport: 0.4,
        }),
        rule({
          antecedent: ["diapers"],
          consequent: ["beer"],
          support: 0.12,
          confidence: 0.6,
          lift: 4.5,
          count: 12,
          consequentSupport: 0.1333,
        }),
      ],
      transactionCount: 100,
      itemsetCount: 5,
      truncated: false,
      truncatedReason: undefined,
      options: {},
    } as unknown as AssociationRulesResult;
    const html = await report([{ title: "Rules", result }]);
    expect(narrativeText(html)).toContain(
      '2 rules from 100 baskets. Strongest by lift: 60% of baskets with "diapers" also hold "beer" — 4.5 times the 13% of all baskets (12 baskets).',
    );
    // The table lists the strongest rule first.
    expect(html.indexOf("<td>diapers</td>")).toBeLessThan(html.indexOf("<td>bread</td>"));
  });

  it("evaluateScores: the top-decile capture and the AUC in words", async () => {
    // Positives score 0.9 and 0.2, negatives 0.8 and 0.1: 3 of 4 pairs ordered right, AUC 0.75.
    const result = evaluateScores([0.9, 0.8, 0.1, 0.2], [1, 0, 0, 1]);
    const text = narrativeText(await report([{ title: "Churn", result }]));
    expect(text).toContain(
      "The ranking is useful: AUC 0.75 (0.5 = chance, 1 = perfect) on 4 customers, 50% of whom churn.",
    );
  });

  it("lorenzCurve: Gini in words and the top 20% / bottom half read off the curve", async () => {
    // Values 1 and 3: curve (0,0), (0.5,0.25), (1,1); Gini 0.25. At 80% of customers the curve is at
    // 0.25 + 0.75 * 0.3 / 0.5 = 0.7, so the top 20% hold 30%; the bottom half holds 25%.
    const text = narrativeText(await report([{ title: "Lorenz", result: lorenzCurve([1, 3]), chart: null }]));
    expect(text).toContain("Revenue is only mildly concentrated: Gini 0.25");
    expect(text).toContain("The top 20% of 2 customers account for 30% of revenue; the bottom half for 25%.");
  });

  it("netPromoterScore: the score and the three shares", async () => {
    // Promoters 10, 10, 9, 10 (4), passives 8, 7 (2), detractors 0, 3, 6, 5 (4): NPS (4 - 4) / 10 = 0.
    const result = netPromoterScore([10, 10, 9, 8, 7, 0, 3, 6, 5, 10]);
    const text = narrativeText(await report([{ title: "NPS", result, chart: null }]));
    expect(text).toMatch(
      /^Net Promoter Score 0 \(95% interval -?\d+ to \d+, 10 answers\): 40% promoters, 20% passives, 40% detractors\.$/,
    );
  });

  it("segmentProfiles: the biggest segment and the one worth most per customer", async () => {
    const result = {
      profiles: [
        { segment: 0, label: "occasional", size: 60, shareOfCustomers: 0.6, shareOfValue: 0.3 },
        { segment: 1, label: "big baskets", size: 10, shareOfCustomers: 0.1, shareOfValue: 0.4 },
        { segment: 2, label: "regulars", size: 30, shareOfCustomers: 0.3, shareOfValue: 0.3 },
      ],
      populationMeans: {},
    } as unknown as SegmentProfilesResult;
    const text = narrativeText(await report([{ title: "Segments", result, chart: null }]));
    expect(text).toContain('3 segments; the biggest, "occasional", holds 60% of customers.');
    // Value per customer share: 0.3/0.6 = 0.5, 0.4/0.1 = 4, 0.3/0.3 = 1.
    expect(text).toContain(
      '"big baskets" is worth most per customer: 40% of value from 10% of customers (4.0x their share).',
    );
  });

  it("complaintSummary: the top cause, resolution time and first-contact resolution", async () => {
    const result = {
      complaints: 200,
      complainingCustomers: 150,
      byCategory: [
        {
          category: "delivery",
          complaints: 120,
          share: 0.6,
          medianResolution: 20,
          firstContactResolutionRate: 0.7,
        },
        {
          category: "billing",
          complaints: 80,
          share: 0.4,
          medianResolution: 30,
          firstContactResolutionRate: 0.8,
        },
      ],
      resolution: { median: 26.4 },
      firstContactResolution: { value: 0.74, numerator: 148, denominator: 200 },
      repeatComplainers: { customers: 30, share: 0.2 },
      options: { timeUnit: "hour" },
    } as unknown as ComplaintSummaryResult;
    const html = await report([{ title: "Complaints", result, chart: null }]);
    expect(narrativeText(html)).toBe(
      '200 complaints from 150 customers; the most common cause, "delivery", accounts for 60%. Half are resolved within 26 hours, 74% on first contact, 20% of complainers complain again.',
    );
    expect(html).toContain('<th scope="col" class="num">Median resolution (hours)</th>');
  });

  it("a given narrative wins; blank lines separate paragraphs; no result means no narrative", async () => {
    const html = await report([
      { title: "Own words", result: paretoAnalysis([60, 30, 10]), narrative: "First.\n\nSecond." },
      { title: "Nothing", table: [{ a: 1 }] },
    ]);
    expect(html).toContain('<div class="narrative"><p>First.</p><p>Second.</p></div>');
    expect(html.match(/class="narrative"/g)).toHaveLength(1);
  });
});

describe("report: tables", () => {
  it("right-aligns numbers, shows shares as percentages, drops solver internals and caps rows", async () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({
      customer: `c${i}`,
      revenueShare: i === 0 ? 0.2934 : 0.005,
      amount: i === 0 ? 1234.5 : 3.25,
      iterations: 12,
      gradientNorm: 1e-9,
      converged: true,
    }));
    const html = await report([{ title: "T", table: rows }], { maxRows: 12 });
    expect(html).toContain('<th scope="col" class="num">Revenue share</th>');
    expect(html).toContain('<td class="num">29.3%</td>');
    expect(html).toContain('<td class="num">0.50%</td>');
    // One precision per column (median magnitude 3.25: two decimals), thousands separated.
    expect(html).toContain('<td class="num">1,234.50</td>');
    expect(html).toContain('<td class="num">3.25</td>');
    expect(html).not.toMatch(/Iterations|Gradient|Converged/);
    expect(html.match(/<tr><td>/g)).toHaveLength(12);
    expect(html).toContain("… and 3 more rows (15 in all)");
  });

  it("scrolls a table inside its own box", async () => {
    const html = await report([{ title: "Wide", table: [{ a: 1, b: 2 }] }]);
    expect(html).toMatch(
      /<div class="table-wrap" role="region" aria-label="Wide: table" tabindex="0"><table>/,
    );
  });

  it("table: null and chart: null show neither", async () => {
    const html = await report([
      { title: "P", result: paretoAnalysis([60, 30, 10]), table: null, chart: null },
    ]);
    expect(html).not.toContain("<table");
    expect(html).not.toContain("<svg");
  });
});

describe("report: charts", () => {
  it("renders a Vega-Lite spec to inline SVG with marks, labelled by its title", async () => {
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: "Orders by month",
      data: {
        values: [
          { month: "Jan", orders: 3 },
          { month: "Feb", orders: 5 },
        ],
      },
      mark: "bar",
      encoding: { x: { field: "month", type: "nominal" }, y: { field: "orders", type: "quantitative" } },
    };
    const html = await report([{ title: "Orders", chart: spec }]);
    expect(html).toMatch(/<figure class="chart"><svg [^>]*role="img" aria-label="Orders by month">/);
    expect(html).toMatch(/class="mark-rect role-mark[^"]*"[^>]*><path/);
  });

  it("strips script, handlers, links and external references from an SVG string and prefixes its ids per chart", async () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">' +
      '<script>alert(2)</script><defs><clipPath id="clip1"><rect width="5" height="5"/></clipPath></defs>' +
      '<g clip-path="url(#clip1)"><a href="javascript:alert(3)"><text>link</text></a>' +
      '<image href="http://example.com/x.png"/><rect onclick="x()" style="fill:url(http://example.com/a)" width="5" height="5"/>' +
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(4)"/></div></foreignObject>' +
      "<text>keep &lt;me&gt;</text></g></svg>";
    const html = await report([{ title: "S", chart: [svg, svg] }]);
    const body = html.slice(html.indexOf("<figure"));
    expect(body).not.toMatch(
      /script|onload|onclick|onerror|javascript|example\.com|<image|<img|<a |foreignObject/i,
    );
    expect(body).toContain('<clipPath id="c1-clip1">');
    expect(body).toContain('<clipPath id="c2-clip1">');
    expect(body).toContain('clip-path="url(#c2-clip1)"');
    expect(body).toContain("<text>keep &lt;me&gt;</text>");
    expect(body).toContain('<rect width="5" height="5"/>');
  });
});

describe("report: SVG strings that are not well formed", () => {
  it("closes a truncated SVG so the rest of the page is not swallowed", async () => {
    const html = await report([
      { title: "Cut", chart: '<svg width="10" height="10"><g><rect width="5" height="5"/>' },
    ]);
    expect(html).toContain('<g><rect width="5" height="5"/></g></svg></figure>');
  });

  it("drops script in any letter case and handlers in single quotes, keeps '>' inside quoted values", async () => {
    const svg = `<SVG width="10" height="10"><SCRIPT>alert(1)</SCRIPT><text data-note="a>b" ONCLICK='alert(2)'>t</text></SVG>`;
    const html = await report([{ title: "Case", chart: svg }]);
    const body = html.slice(html.indexOf("<figure"));
    expect(body).not.toMatch(/script|alert|onclick/i);
    expect(body).toContain('<text data-note="a>b">t</text>');
  });
});

describe("report: hostile data", () => {
  const payload = '<img src=x onerror="window.__pwned=1"></script><script>window.__pwned=1</script>';

  it("escapes titles, narratives, table cells, headers and chart labels", async () => {
    const spec = {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: payload,
      data: { values: [{ item: payload, n: 1 }] },
      mark: "bar",
      encoding: { x: { field: "item", type: "nominal" }, y: { field: "n", type: "quantitative" } },
    };
    const html = await report(
      [{ title: payload, narrative: payload, table: [{ [payload]: payload, n: 1 }], chart: spec }],
      { title: payload, subtitle: payload, footer: payload },
    );
    expect(html).not.toMatch(/<img|<script|<\/script/i);
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;&lt;/script&gt;");
  });

  it("escapes item names that reach the narrative and the table through a result", async () => {
    const result = {
      rules: [
        rule({
          antecedent: [payload],
          consequent: ["</script>"],
          support: 0.1,
          confidence: 0.5,
          lift: 2,
          count: 10,
          consequentSupport: 0.25,
        }),
      ],
      transactionCount: 100,
    } as unknown as AssociationRulesResult;
    const html = await report([{ title: "Rules", result }]);
    expect(html).not.toMatch(/<img|<script|<\/script/i);
  });
});

describe("report: errors", () => {
  it("names the section and field of a malformed section", async () => {
    await expect(report([{ title: "ok" }, { title: 3 } as never])).rejects.toThrow(/sections\[1\]\.title/);
    await expect(report([{ title: "x", chart: "<div>no svg</div>" }])).rejects.toThrow(InvalidOptionsError);
    await expect(report([{ title: "x", tabel: [] } as never])).rejects.toThrow(
      /sections\[0\]\.tabel: unknown section field/,
    );
    await expect(report("x" as never)).rejects.toThrow(InvalidOptionsError);
  });

  it("refuses unknown options", async () => {
    await expect(report([], { maxRow: 3 } as never)).rejects.toThrow(InvalidOptionsError);
    await expect(report([], { maxRows: -1 })).rejects.toThrow(InvalidOptionsError);
  });
});

describe("reportNarrative", () => {
  it("returns the paragraphs report() writes, and [] for unknown objects", async () => {
    const { reportNarrative } = await import("./reportNarrative.js");
    expect(reportNarrative(paretoAnalysis([60, 30, 10]))[0]).toBe(
      "67% of customers (2 of 3) hold 90% of revenue.",
    );
    expect(reportNarrative({ anything: 1 })).toEqual([]);
    expect(reportNarrative(null)).toEqual([]);
  });
});

describe("report: default charts", () => {
  it("draws chart(result) when a section gives a result and no chart", async () => {
    const html = await report([{ title: "Concentration", result: paretoAnalysis([60, 30, 10, 5, 1]) }]);
    expect(html.match(/<figure class="chart"><svg /g)).toHaveLength(1);
    expect(html).toMatch(/aria-label="How concentrated is customer value\?"/);
  });

  it("draws nothing for results without a chart of their own", async () => {
    const html = await report([{ title: "Rows", result: [{ a: 1 }] }]);
    expect(html).not.toContain("<svg");
    expect(html).toContain("<table>");
  });
});

describe("report: arrays of rules", () => {
  it("describes and tabulates a plain array of rules (e.g. a filtered list) like a rules result", async () => {
    const rules = [
      rule({
        antecedent: ["a"],
        consequent: ["b"],
        support: 0.1,
        confidence: 0.5,
        lift: 2,
        count: 10,
        consequentSupport: 0.25,
      }),
      rule({
        antecedent: ["c"],
        consequent: ["d"],
        support: 0.1,
        confidence: 0.9,
        lift: 3,
        count: 10,
        consequentSupport: 0.3,
      }),
    ];
    const html = await report([{ title: "Rules", result: rules, chart: null }]);
    expect(narrativeText(html)).toContain(
      '2 rules. Strongest by lift: 90% of baskets with "c" also hold "d" — 3.0 times the 30% of all baskets',
    );
    expect(html).toContain('<th scope="col">If the basket holds</th>');
    expect(html).not.toContain("Antecedent support");
  });
});

describe("report: look-alike objects", () => {
  it("an object that only looks like a result gets no generated narrative and no crash", async () => {
    // Has the keys of a valueTiers result, but not its structure.
    const html = await report([{ title: "Mine", result: { tiers: "gold", thresholds: 3 }, chart: null }]);
    expect(html).not.toContain('class="narrative"');
  });
});
