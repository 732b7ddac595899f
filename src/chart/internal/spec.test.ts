import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";
import type { InvalidOptionsError } from "../../core/errors.js";
import { lorenzCurve } from "../../value/lorenzCurve.js";
import { lorenzChart } from "../lorenzChart.js";
import { report } from "../report.js";

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

  it.each([
    ["lorenzChart", "lorenzChart"],
    ["report", "report"],
  ])("leave zod out of %s's bundle (the chart option checks need none of it)", async (_, name) => {
    const { code } = await bundleOf(`export { ${name} } from "./src/chart/${name}.ts";`, {
      external: ["vega", "vega-lite"],
    });
    // zod's constructors keep their names in a minified bundle ("$ZodType", "$ZodCustom", ...)
    expect(code).not.toContain('"$Zod');
  });
});

describe("report's options", () => {
  const messages = async (options: unknown): Promise<string[]> => {
    try {
      await report([{ title: "Spend", result: curve }], options as never);
      return [];
    } catch (error) {
      return (error as InvalidOptionsError).issues.map((issue) => `${issue.path}: ${issue.message}`);
    }
  };
  it("word a language tag, a long title and a bad count as zod's string, regex and number checks did", async () => {
    expect(await messages({ lang: "en-GB", title: "ok", maxRows: 10, footer: null })).toEqual([]);
    expect(await messages({ lang: "english please" })).toEqual([
      'lang: expected a language tag such as en or en-GB (received "english please")',
    ]);
    expect(await messages({ lang: 7, maxRows: 1.5, tocFrom: -1 })).toEqual([
      "maxRows: expected a whole number >= 0 and <= 100000, received a number (received 1.5)",
      "lang: expected a string, received a number (received 7)",
      "tocFrom: Too small: expected number to be >=0 (received -1)",
    ]);
    expect(await messages({ subtitle: "x".repeat(2001), footer: 3 })).toEqual([
      `subtitle: Too big: expected string to have <=2000 characters (received "${"x".repeat(56)}...)`,
      "footer: expected a string or null, received a number (received 3)",
    ]);
  });
});
