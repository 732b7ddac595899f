import { describe, expect, it } from "vitest";
import type { InvalidOptionsError } from "../../core/errors.js";
import { lorenzCurve } from "../../value/lorenzCurve.js";
import { lorenzChart } from "../lorenzChart.js";

const curve = lorenzCurve([1, 2, 3, 10]);
const messages = (options: unknown): string[] => {
  try {
    lorenzChart(curve, options as never);
    return [];
  } catch (error) {
    return (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
};

describe("the options every chart builder takes", () => {
  it("are worded as zod's number and string schemas with bound checks word them", () => {
    expect(messages({ width: 50, height: 3000 })).toEqual([
      "width: Too small: expected number to be >=100 (received 50)",
      "height: Too big: expected number to be <=2000 (received 3000)",
    ]);
    expect(messages({ width: "wide", title: 3 })).toEqual([
      "title: expected a string, received a number (received 3)",
      'width: expected a number >= 100 and <= 2000, received a string (received "wide")',
    ]);
    expect(messages({ currency: "dollars!!!!" })).toEqual([
      'currency: Too big: expected string to have <=10 characters (received "dollars!!!!")',
    ]);
    expect(messages({ currency: "€€€€€€€€€€", width: 100, height: 2000 })).toEqual([]);
  });

  it("leave zod's number, string and bound-check code out of a builder's bundle", async () => {
    const { build } = await import("esbuild");
    const result = await build({
      stdin: {
        contents: `export { lorenzChart } from "./src/chart/lorenzChart.ts";`,
        resolveDir: process.cwd(),
        loader: "ts",
      },
      bundle: true,
      minify: true,
      write: false,
      format: "esm",
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    // zod's constructors keep their names in a minified bundle
    expect(code).toContain('"$ZodCustom"');
    for (const name of [
      "$ZodNumber",
      "$ZodString",
      "$ZodCheckGreaterThan",
      "$ZodCheckLessThan",
      "$ZodCheckMaxLength",
    ])
      expect(code).not.toContain(`"${name}"`);
  });
});
