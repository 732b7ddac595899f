import { afterEach, describe, expect, it, vi } from "vitest";
import { lorenzCurve } from "../value/lorenzCurve.js";
import { rfmTable } from "../value/rfmTable.js";
import { chart, hasChart } from "./chart.js";

const JUPYTER = Symbol.for("Jupyter.display");
type Bundle = Record<string, unknown>;
const hook = (result: object) => (result as Record<symbol, () => Bundle | Promise<Bundle>>)[JUPYTER];

/** A stand-in for Deno's `Deno.jupyter` inside `deno jupyter` (only `display` is used). */
function fakeDenoKernel() {
  const shown: { bundle: Bundle; options: unknown }[] = [];
  const display = vi.fn(async (bundle: Bundle, options: unknown) => {
    shown.push({ bundle, options });
  });
  vi.stubGlobal("Deno", { jupyter: { display } });
  return { shown, display };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("results in a Deno Jupyter notebook", () => {
  it("outside a kernel the hook returns the table bundle at once (Node REPL, other kernels)", () => {
    const value = hook(lorenzCurve([1, 2, 3, 4, 10]))?.();
    expect(value).not.toBeInstanceOf(Promise);
    expect(Object.keys(value as Bundle)).toEqual(["text/plain", "text/html"]);
  });

  it("in Deno outside `deno jupyter` (where reading Deno.jupyter throws) the hook returns the table", () => {
    vi.stubGlobal("Deno", {
      get jupyter(): never {
        throw new Error("Deno.jupyter is only available in `deno jupyter` subcommand");
      },
    });
    const value = hook(lorenzCurve([1, 2, 3, 4, 10]))?.();
    expect(value).not.toBeInstanceOf(Promise);
    expect(String((value as Bundle)["text/plain"])).toMatch(/^Lorenz curve\n/);
  });

  it("inside a kernel it shows the chart as its own output first, then returns the table", async () => {
    const { shown } = fakeDenoKernel();
    const curve = lorenzCurve([1, 2, 3, 4, 10]);
    const table = await hook(curve)?.();
    expect(shown).toHaveLength(1);
    const [first] = shown;
    const spec = first?.bundle["application/vnd.vegalite.v5+json"] as Record<string, unknown>;
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    const { $schema: _drawn, ...drawn } = chart(curve);
    const { $schema: _shown, ...rest } = spec;
    expect(rest).toEqual(drawn);
    expect(first?.options).toEqual({ raw: true });
    expect(first?.bundle["text/plain"]).toBe("Lorenz curve");
    expect(String(table?.["text/plain"])).toMatch(/^Lorenz curve\n/);
    expect(String(table?.["text/html"])).toContain("<table");
  });

  it("a result without a chart shows only its table", async () => {
    const { display } = fakeDenoKernel();
    const rfm = rfmTable([{ customerId: "a", date: "2024-01-02", amount: 5 }], {
      customer: "customerId",
      date: "date",
      amount: "amount",
      asOf: "2024-02-01",
    });
    expect(hasChart(rfm)).toBe(false);
    const table = await hook(rfm)?.();
    expect(display).not.toHaveBeenCalled();
    expect(String(table?.["text/plain"])).toContain("a");
  });
});
