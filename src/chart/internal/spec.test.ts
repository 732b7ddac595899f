import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";
import type { InvalidOptionsError } from "../../core/errors.js";
import { lorenzCurve } from "../../value/lorenzCurve.js";
import { lorenzChart } from "../lorenzChart.js";
import { report } from "../report.js";
import { evenlySpaced } from "./spec.js";

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

describe("evenlySpaced", () => {
  it("keeps the first and the last point, at most `most` of them, evenly and in order", () => {
    expect(evenlySpaced(0, 5)).toEqual([]);
    expect(evenlySpaced(1, 5)).toEqual([0]);
    expect(evenlySpaced(4, 5)).toEqual([0, 1, 2, 3]);
    // 11 points in at most 5: a step of 10 / 4 = 2.5, rounded half up
    expect(evenlySpaced(11, 5)).toEqual([0, 3, 5, 8, 10]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2, max: 600 }), (count, most) => {
        const indices = evenlySpaced(count, most);
        expect(indices[0]).toBe(0);
        expect(indices.at(-1)).toBe(count - 1);
        expect(indices.length).toBe(Math.min(count, most));
        for (let i = 1; i < indices.length; i++)
          expect(indices[i] as number).toBeGreaterThan(indices[i - 1] as number);
      }),
    );
  });
});
