import { describe, expect, it, vi } from "vitest";
import { ChartRendererMissingError } from "./ChartRendererMissingError.js";
import { toSvg } from "./toSvg.js";

vi.mock("vega", () => {
  throw new Error("Cannot find package 'vega'");
});

describe("toSvg without vega", () => {
  it("rejects with ChartRendererMissingError naming the package and the install command", async () => {
    const error = await toSvg({ mark: "point", data: { values: [{ a: 1 }] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartRendererMissingError);
    expect((error as ChartRendererMissingError).missing).toBe("vega");
    expect((error as Error).message).toMatch(
      /^toSvg: rendering a chart needs the optional packages vega and vega-lite, but "vega" could not be loaded[\s\S]*npm install vega vega-lite/,
    );
  });
});
