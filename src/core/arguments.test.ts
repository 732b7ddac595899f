import { describe, expect, it } from "vitest";
import { z } from "zod";
import { optionsError } from "../../test/unknownOptions.js";
import { parseOptions } from "../../test/zodOracle/options.js";
import { daysBetween, isoDate } from "./dates.js";
import { escapeHtml, formatTable, htmlTable, withDisplay } from "./display.js";
import { ClienteleError, InsufficientDataError, InvalidRecordError } from "./errors.js";
import { readCodes, readNumbers, resolveField } from "./fields.js";
import { progressReporter } from "./progress.js";
import { median, quantile, quantileSorted, quantiles, sortedFinite } from "./quantile.js";
import { createRandom } from "./random.js";
import { CompensatedSum, compensatedSum, summarize } from "./sum.js";

/** The thrown error, for assertions on its class and data. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** Asserts an InvalidOptionsError of `functionName` whose first issue is at `path`. */
function expectOptionsError(call: () => unknown, functionName: string, path: string): void {
  const error = optionsError(call);
  expect(error.functionName).toBe(functionName);
  expect(error.issues[0]?.path).toBe(path);
}

describe("core helpers check their arguments", () => {
  it("createRandom refuses a seed that is not a finite number (NaN used to mean seed 0)", () => {
    for (const seed of [Number.NaN, Number.POSITIVE_INFINITY, "1", undefined]) {
      expectOptionsError(() => createRandom(seed as number), "createRandom", "seed");
    }
    expect(createRandom(-1).seed).toBe(4294967295);
  });

  it("Random methods refuse impossible parameters and keep the stream for valid ones", () => {
    const random = createRandom(7);
    expectOptionsError(() => random.integer(0), "Random.integer", "maxExclusive");
    expectOptionsError(() => random.integer(2.5), "Random.integer", "maxExclusive");
    expectOptionsError(() => random.integer(Number.NaN), "Random.integer", "maxExclusive");
    expectOptionsError(() => random.normal(Number.NaN), "Random.normal", "mean");
    expectOptionsError(() => random.normal(0, -1), "Random.normal", "sd");
    expectOptionsError(() => random.exponential(0), "Random.exponential", "rate");
    expectOptionsError(() => random.gamma(-1), "Random.gamma", "shape");
    expectOptionsError(() => random.gamma(1, Number.POSITIVE_INFINITY), "Random.gamma", "scale");
    expectOptionsError(() => random.beta(1, 0), "Random.beta", "b");
    expectOptionsError(() => random.poisson(-2), "Random.poisson", "lambda");
    expectOptionsError(() => random.bernoulli(2), "Random.bernoulli", "p");
    expectOptionsError(() => random.bernoulli(Number.NaN), "Random.bernoulli", "p");
    expectOptionsError(() => random.shuffle("abc" as never), "Random.shuffle", "values");
    // the same draws as before the checks: the first floats of seed 7 drive integer/bernoulli
    const a = createRandom(7);
    const b = createRandom(7);
    expect(a.integer(10)).toBe(Math.floor(b.float() * 10));
    expect(a.bernoulli(0.5)).toBe(b.float() < 0.5);
    expect(a.poisson(0)).toBe(0);
  });

  it("weightedIndex refuses empty, negative, NaN and all-zero weights (it gave -1 for [])", () => {
    const random = createRandom(1);
    expectOptionsError(() => random.weightedIndex([]), "Random.weightedIndex", "weights");
    expectOptionsError(() => random.weightedIndex([0, 0]), "Random.weightedIndex", "weights");
    expectOptionsError(() => random.weightedIndex([1, -1]), "Random.weightedIndex", "weights.1");
    expectOptionsError(() => random.weightedIndex([1, Number.NaN]), "Random.weightedIndex", "weights.1");
    expectOptionsError(() => random.weightedIndex(null as never), "Random.weightedIndex", "weights");
    // never a zero-weight index, whatever the draw
    for (let i = 0; i < 200; i++) expect(random.weightedIndex([0, 3, 0, 1, 0])).toBeOneOf([1, 3]);
  });

  it("quantile helpers refuse probabilities outside [0, 1] and non-arrays (quantile(x, 2) used to answer)", () => {
    expectOptionsError(() => quantile([1, 2, 3], 2), "quantile", "probability");
    expectOptionsError(() => quantile([1, 2, 3], -0.1), "quantile", "probability");
    expectOptionsError(() => quantile([1, 2, 3], Number.NaN), "quantile", "probability");
    expectOptionsError(() => quantile(null as never, 0.5), "quantile", "values");
    expectOptionsError(() => quantiles([1, 2], [0.5, 1.5]), "quantiles", "probabilities.1");
    expectOptionsError(() => quantiles([1, 2], 0.5 as never), "quantiles", "probabilities");
    expectOptionsError(() => quantileSorted([1, 2], 7), "quantileSorted", "probability");
    expectOptionsError(() => median(42 as never), "median", "values");
    expectOptionsError(() => sortedFinite(undefined as never), "sortedFinite", "values");
    expect(() => quantileSorted([], 0.5)).toThrow(InsufficientDataError);
    expect(quantile(new Float64Array([4, 1, 3, 2]), 1 / 3)).toBe(2); // R: quantile(1:4, 1/3) = 2
  });

  it("sums refuse NaN entries and report overflow as Infinity rather than NaN", () => {
    expectOptionsError(() => compensatedSum([1, Number.NaN]), "compensatedSum", "values.1");
    expectOptionsError(() => compensatedSum("12" as never), "compensatedSum", "values");
    expect(compensatedSum([1e308, 1e308, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(compensatedSum([-1e308, -1e308])).toBe(Number.NEGATIVE_INFINITY);
    expectOptionsError(() => new CompensatedSum().add(Number.NaN), "CompensatedSum.add", "value");
    expect(new CompensatedSum().add(1e308).add(1e308).value).toBe(Number.POSITIVE_INFINITY);
    expectOptionsError(() => summarize(null as never), "summarize", "values");
    const summary = summarize([1, Number.POSITIVE_INFINITY, 3, Number.NaN]);
    expect(summary).toMatchObject({ count: 2, skipped: 2, mean: 2, min: 1, max: 3 });
  });

  it("date helpers refuse times that are not finite (isoDate threw a raw RangeError)", () => {
    expectOptionsError(() => isoDate(Number.NaN), "isoDate", "time");
    expectOptionsError(() => isoDate(9e15), "isoDate", "time");
    expectOptionsError(() => daysBetween(0, Number.POSITIVE_INFINITY), "daysBetween", "to");
    expect(isoDate(-8.64e15)).toBe("-271821-04-20");
  });

  it("field helpers refuse fields that are neither names nor accessors, and bad reader options", () => {
    expectOptionsError(() => resolveField(42 as never, "amount"), "resolveField", "amount");
    expectOptionsError(
      () => readNumbers([{ a: 1 }], "" as never, { functionName: "f", optionName: "amount" }),
      "f",
      "amount",
    );
    expectOptionsError(() => readCodes([{ a: 1 }], "a", undefined as never), "readCodes", "options");
    expectOptionsError(
      () => readCodes(null as never, "a", { functionName: "f", optionName: "id" }),
      "f",
      "records",
    );
  });

  it("parseOptions and progressReporter refuse malformed arguments", () => {
    expectOptionsError(() => parseOptions("f", {} as never, {}), "parseOptions", "schema");
    expectOptionsError(() => parseOptions(1 as never, z.object({}), {}), "parseOptions", "functionName");
    expect(parseOptions("f", z.object({ k: z.number().default(3) }), null)).toEqual({ k: 3 });
    expectOptionsError(() => progressReporter("x" as never, "s", 1), "progressReporter", "onProgress");
    expectOptionsError(() => progressReporter(undefined, "s", Number.NaN), "progressReporter", "total");
    expectOptionsError(() => progressReporter(() => {}, "s", 10, 0), "progressReporter", "interval");
  });

  it("display helpers refuse non-arrays, null rows, frozen results and non-strings", () => {
    expectOptionsError(() => formatTable(null as never), "formatTable", "rows");
    expect(thrown(() => formatTable([{ a: 1 }, null as never]))).toBeInstanceOf(InvalidRecordError);
    expectOptionsError(() => htmlTable([{ a: 1 }], { maxRows: -1 }), "htmlTable", "maxRows");
    expectOptionsError(() => formatTable([{ a: 1 }], { columns: "a" as never }), "formatTable", "columns");
    expectOptionsError(() => escapeHtml(5 as never), "escapeHtml", "text");
    expectOptionsError(
      () => withDisplay(Object.freeze({ rows: [] }), { title: "t", rows: (r) => r.rows }),
      "withDisplay",
      "result",
    );
    expectOptionsError(() => withDisplay({ rows: [] }, { title: "t" } as never), "withDisplay", "spec.rows");
  });

  it("every error above is a ClienteleError", () => {
    expect(thrown(() => createRandom(Number.NaN))).toBeInstanceOf(ClienteleError);
    expect(thrown(() => quantile([], 0.5))).toBeInstanceOf(ClienteleError);
  });
});
