/**
 * The HTML report in a real browser: Debian's headless Chromium driven by puppeteer-core (nothing
 * downloads a browser). The demo's report, built here from a small generated store, is opened at
 * 1280 and 390 px: screenshots, nothing wider than the viewport, every chart an SVG with marks, no
 * console errors, no network request. A second page built from hostile names (markup and script in
 * item names, customer ids, segment labels and titles) must run no script and gain no element.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { demoReport, demoSections } from "../../examples/demo/report.js";
import { associationRules, itemFrequencies } from "../../src/basket/index.js";
import { itemFrequencyChart, report, ruleGraphChart, segmentSharesChart } from "../../src/chart/index.js";
import { generateStore } from "../../src/store/index.js";
import { paretoAnalysis, rfmScores, rfmSegments, rfmTable } from "../../src/value/index.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `[clientele tests] skipping the browser tests: ${CHROMIUM} is absent (Debian: apt-get install chromium; .ci/run installs it)`,
  );
}
const suite = available ? describe : describe.skip;

/**
 * Screenshots and the browser profile go here. The folder is removed after a passing run and kept
 * (its path printed) when a test fails or CLIENTELE_KEEP_SCREENSHOTS is set.
 */
let folder = "";
const WIDTHS = [1280, 390] as const;

/** What a page did while it was open. */
interface PageLog {
  readonly requests: string[];
  readonly errors: string[];
}

/** Opens `file` with every request but the page itself failed and recorded, and console errors recorded. */
async function open(browser: Browser, file: string, width: number): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const log: PageLog = { requests: [], errors: [] };
  const self = pathToFileURL(file).href;
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === self) {
      void request.continue();
    } else {
      log.requests.push(request.url());
      void request.abort("blockedbyclient");
    }
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warn")
      log.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.errors.push(`pageerror: ${String(error)}`));
  await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
  await page.goto(self, { waitUntil: "load" });
  return { page, log };
}

/** Layout facts measured in the page. */
interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** Elements (outside the scrolling table boxes) whose box pokes out of the viewport. */
  overflowing: string[];
  charts: { marks: number; width: number; height: number }[];
  figures: number;
}

const measure = (page: Page): Promise<Layout> =>
  page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const overflowing: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      // Inside a table box, content scrolls; inside an SVG, the root's box is what counts.
      if (element.closest(".table-wrap") !== null && !element.classList.contains("table-wrap")) continue;
      if (element.parentElement?.closest("svg") != null) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > innerWidth + 0.5 || box.left < -0.5) {
        overflowing.push(
          `${element.tagName.toLowerCase()}.${element.className} ${box.left.toFixed(0)}..${box.right.toFixed(0)}`,
        );
      }
    }
    const figures = Array.from(document.querySelectorAll("figure.chart"));
    const charts = figures.map((figure) => {
      const svg = figure.querySelector(":scope > svg");
      const box = svg?.getBoundingClientRect();
      return {
        marks: svg === null ? 0 : svg.querySelectorAll("g.role-mark > *").length,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
      };
    });
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      overflowing,
      charts,
      figures: figures.length,
    };
  });

suite("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let reportFile: string;
  let hostileFile: string;
  const payload = '<img src=x onerror="window.__pwned=1">';
  const scriptPayload = "</script><script>window.__pwned=2</script>";
  const attributePayload = '"><svg onload="window.__pwned=3"><x y="';

  beforeAll(async () => {
    const started = performance.now();
    folder = mkdtempSync(join(tmpdir(), "clientele-browser-"));
    const store = generateStore({ seed: 7, customers: 300 });
    reportFile = join(folder, "demo-report.html");
    writeFileSync(reportFile, await demoReport(store, 7, await demoSections(store)));

    // Hostile names everywhere a user string can go: items, customer ids, segment labels, titles.
    const hostileItems = [payload, scriptPayload, attributePayload, "beer", "diapers"];
    const baskets = Array.from({ length: 60 }, (_, i) =>
      hostileItems.filter((_, j) => (i + j) % 3 !== 0 || j === i % 5),
    );
    const rules = associationRules(baskets, { minSupport: 0.1, minConfidence: 0.3 });
    const customers = Array.from({ length: 40 }, (_, i) => ({
      id: `${i % 2 === 0 ? payload : scriptPayload}${i}`,
      spend: 10 + ((i * 37) % 101),
    }));
    const orders = customers.flatMap((c, i) =>
      Array.from({ length: 1 + (i % 4) }, (_, k) => ({
        customer: c.id,
        date: `2025-0${1 + ((i + k) % 9)}-1${k}`,
        amount: c.spend,
      })),
    );
    const rfm = rfmTable(orders, {
      customer: "customer",
      date: "date",
      amount: "amount",
      asOf: "2025-12-31",
    });
    const segments = rfmSegments(rfmScores(rfm), {
      scheme: {
        rules: [
          { segment: payload, recency: [4, 5] },
          { segment: scriptPayload, frequency: [3, 5] },
        ],
        fallback: attributePayload,
      },
    });
    const hostile = await report(
      [
        { title: payload, result: rules },
        {
          title: scriptPayload,
          result: itemFrequencies(baskets),
          chart: [itemFrequencyChart(itemFrequencies(baskets)), ruleGraphChart(rules)],
        },
        { title: attributePayload, result: segments, chart: segmentSharesChart(segments) },
        {
          title: "Customers",
          result: paretoAnalysis(customers, { value: "spend", id: "id" }),
          table: customers,
          narrative: payload,
        },
      ],
      { title: payload, subtitle: scriptPayload, footer: attributePayload },
    );
    // Without the page's Content-Security-Policy: escaping alone must keep the payloads inert.
    hostileFile = join(folder, "hostile-report.html");
    writeFileSync(hostileFile, hostile.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
    const built = performance.now();

    mkdirSync(join(folder, "profile"), { recursive: true });
    const { launch } = await import("puppeteer-core");
    browser = await launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${join(folder, "profile")}`,
      ],
    });
    console.log(
      `[browser test] reports built in ${(built - started).toFixed(0)} ms, Chromium up in ${(performance.now() - built).toFixed(0)} ms`,
    );
  }, 240_000);

  let failed = false;
  afterEach((context) => {
    if (context.task.result?.state === "fail") failed = true;
  });
  afterAll(async () => {
    await browser?.close();
    if (folder === "") return;
    rmSync(join(folder, "profile"), { recursive: true, force: true });
    if (failed || process.env.CLIENTELE_KEEP_SCREENSHOTS !== undefined) {
      console.warn(`[browser test] screenshots and pages kept in ${folder}`);
    } else {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const width of WIDTHS) {
    it(`at ${width} px: nothing wider than the screen, every chart an SVG with marks, no errors, no requests`, async () => {
      const { page, log } = await open(browser, reportFile, width);
      try {
        await page.screenshot({
          path: join(folder, `demo-report-${width}.png`) as `${string}.png`,
          fullPage: true,
        });
        const layout = await measure(page);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(layout.overflowing).toEqual([]);
        expect(layout.figures).toBeGreaterThanOrEqual(12);
        for (const chart of layout.charts) {
          expect(chart.marks).toBeGreaterThan(0);
          expect(chart.width).toBeGreaterThan(100);
          expect(chart.width).toBeLessThanOrEqual(layout.innerWidth);
          expect(chart.height).toBeGreaterThan(50);
        }
        // Tables wider than a phone scroll inside their box instead of widening the page.
        const boxes = await page.$$eval(".table-wrap", (wraps) =>
          wraps.map((wrap) => ({
            scroll: wrap.scrollWidth,
            client: wrap.clientWidth,
            overflow: getComputedStyle(wrap).overflowX,
          })),
        );
        expect(boxes.length).toBeGreaterThan(5);
        for (const box of boxes) expect(box.overflow).toBe("auto");
        if (width === 390) expect(boxes.some((box) => box.scroll > box.client)).toBe(true);
        expect(log.errors).toEqual([]);
        expect(log.requests).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("prints one section per page with whole tables (print media)", async () => {
    const { page, log } = await open(browser, reportFile, 1280);
    try {
      await page.emulateMediaType("print");
      const print = await page.evaluate(() => {
        const sections = Array.from(document.querySelectorAll("section.report-section"));
        const wraps = Array.from(document.querySelectorAll(".table-wrap"));
        return {
          breaks: sections.map((s) => getComputedStyle(s).breakBefore),
          clipped: wraps.filter((w) => w.scrollWidth > w.clientWidth + 1).length,
          overflow: wraps.map((w) => getComputedStyle(w).overflowX),
        };
      });
      expect(print.breaks[0]).toBe("auto");
      expect(print.breaks.slice(1).every((b) => b === "page")).toBe(true);
      expect(new Set(print.overflow)).toEqual(new Set(["visible"]));
      expect(print.clipped).toBe(0);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("hostile names run no script and inject no element (without the CSP safety net)", async () => {
    for (const width of WIDTHS) {
      const { page, log } = await open(browser, hostileFile, width);
      try {
        await page.screenshot({
          path: join(folder, `hostile-report-${width}.png`) as `${string}.png`,
          fullPage: true,
        });
        const found = await page.evaluate(() => {
          const withHandlers = Array.from(document.querySelectorAll("*")).filter((element) =>
            Array.from(element.attributes).some((attribute) => attribute.name.toLowerCase().startsWith("on")),
          );
          return {
            pwned: (window as unknown as { __pwned?: unknown }).__pwned,
            scripts: document.querySelectorAll("script").length,
            images: document.querySelectorAll("img, image").length,
            nestedSvgs: document.querySelectorAll("svg svg").length,
            handlers: withHandlers.map((element) => element.tagName),
            strayX: document.querySelectorAll("x").length,
            text: document.body.textContent ?? "",
            svgText: Array.from(
              document.querySelectorAll("figure svg text"),
              (t) => t.textContent ?? "",
            ).join(" "),
          };
        });
        expect(found.pwned).toBeUndefined();
        expect(found.scripts).toBe(0);
        expect(found.images).toBe(0);
        expect(found.nestedSvgs).toBe(0);
        expect(found.handlers).toEqual([]);
        expect(found.strayX).toBe(0);
        // The payloads are shown as text, in the page and in the charts.
        expect(found.text).toContain('<img src=x onerror="window.__pwned=1">');
        expect(found.text).toContain("</script><script>window.__pwned=2</script>");
        expect(found.svgText).toMatch(/<img src=x/);
        const layout = await measure(page);
        expect(layout.figures).toBeGreaterThanOrEqual(4);
        for (const chart of layout.charts) expect(chart.marks).toBeGreaterThan(0);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
        expect(log.errors).toEqual([]);
        expect(log.requests).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });
});
