import { describe, expect, it } from "vitest";
import { lorenzCurve } from "../value/index.js";
import { chartDisplay, VEGA_LITE_MIME_TYPE } from "./chartDisplay.js";
import { lorenzChart } from "./lorenzChart.js";

describe("chartDisplay", () => {
  it("bundles the Vega-Lite spec (as v5) with the result's own table", () => {
    const curve = lorenzCurve([1, 2, 3, 4, 10]);
    const bundle = chartDisplay(curve);
    const spec = bundle[VEGA_LITE_MIME_TYPE];
    expect(VEGA_LITE_MIME_TYPE).toBe("application/vnd.vegalite.v5+json");
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.title).toEqual(lorenzChart(curve).title);
    const own = (curve as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ]?.();
    expect(bundle["text/html"]).toBe(own?.["text/html"]);
    expect(bundle["text/plain"]).toBe(own?.["text/plain"]);
    const hook = (bundle as unknown as Record<symbol, () => object>)[Symbol.for("Jupyter.display")];
    expect(hook?.()).toEqual({ ...bundle });
    expect(Object.keys(bundle)).toEqual([VEGA_LITE_MIME_TYPE, "text/plain", "text/html"]);
  });

  it("takes a builder's spec as it is, without changing it", () => {
    const spec = lorenzChart(lorenzCurve([1, 2, 3]), { title: "<b>Spend</b>" });
    const bundle = chartDisplay(spec);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    expect(bundle[VEGA_LITE_MIME_TYPE].layer).toBe(spec.layer);
    expect(bundle["text/html"]).toBe("<div><strong>&lt;b&gt;Spend&lt;/b&gt;</strong></div>");
  });

  it("refuses what has no chart", () => {
    expect(() => chartDisplay({ x: 1 })).toThrow(/chart: invalid options/);
  });
});
