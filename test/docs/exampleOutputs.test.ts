import { describe, expect, it } from "vitest";
import { exampleOutcomeMismatch, parseDocumentedValue } from "./exampleOutputs.js";
import { literalMismatch } from "./snippets.js";

const matches = (documented: string, actual: unknown) =>
  literalMismatch(parseDocumentedValue(documented), actual) === undefined;

describe("documented values of TSDoc examples", () => {
  it("drop a trailing remark in parentheses, nested ones included", () => {
    expect(matches("2.5 (R: quantile(1:4, 0.5))", 2.5)).toBe(true);
    expect(matches("2.5 (R: quantile(1:4, 0.5))", 2.4)).toBe(false);
    expect(matches("[0.45, 65] (the means)", [0.45, 65])).toBe(true);
  });
  it("read a typed array as the array of its values", () => {
    expect(matches("Float64Array [5, 7.5]", new Float64Array([5, 7.5]))).toBe(true);
    expect(matches("Int32Array [0, 1, 0]", new Int32Array([0, 1, 1]))).toBe(false);
  });
  it("read `0.6984...` as the digits shown, truncated or rounded", () => {
    expect(matches("0.6984...", 0.69849)).toBe(true); // truncated
    expect(matches("0.6984...", 0.69836)).toBe(true); // rounded up to 0.6984
    expect(matches("0.6984...", 0.6986)).toBe(false);
    expect(matches("0.6984...", 0.6983)).toBe(false);
    expect(matches("{ lower: -6.93..., upper: 66.93... }", { lower: -6.9285, upper: 66.9399 })).toBe(true);
    expect(matches("[0.894..., 0.888...]", [0.8947, 0.8823])).toBe(false);
  });
  it("match an integer up to floating-point rounding only", () => {
    expect(matches("100", 100.00000000000003)).toBe(true);
    expect(matches("7200", 7199.999999999993)).toBe(true);
    expect(matches("100", 100.001)).toBe(false);
  });
  it("read \\n in a string as a line break", () => {
    expect(matches('"a\\nb"', "a\nb")).toBe(true);
  });
  it("check thrown errors and printed text as the README engine does", () => {
    const step = { code: "f();", line: 1, expected: { kind: "error", text: "RangeError: too big" } } as const;
    expect(exampleOutcomeMismatch(step, { error: new RangeError("too big") })).toBeUndefined();
    expect(exampleOutcomeMismatch(step, { value: 1 })).toBeDefined();
  });
});
